//! One module per subcommand family.

pub mod lexicon;
pub mod syntax;
