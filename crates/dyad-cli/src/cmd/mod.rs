//! One module per subcommand family.

pub mod code;
pub mod lexicon;
pub mod syntax;
