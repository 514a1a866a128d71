//! The one error type of the lexicon crate.

use std::fmt;

/// A problem loading or validating a dictionary file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A row of a TSV file is malformed.
    #[error("{file}:{line}: {reason}")]
    Row {
        file: String,
        line: usize,
        reason: String,
    },
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The automaton could not be built.
    #[error("building the matcher: {0}")]
    Matcher(String),
}

impl Error {
    pub(crate) fn row(file: &str, line: usize, reason: impl fmt::Display) -> Error {
        Error::Row {
            file: file.to_string(),
            line,
            reason: reason.to_string(),
        }
    }
}
