//! One module per subcommand family.

pub mod actors;
pub mod bench;
pub mod code;
pub mod eval;
pub mod explain;
pub mod lexicon;
pub mod serve;
pub mod store;
pub mod syntax;
pub mod time;
pub mod verbs;
