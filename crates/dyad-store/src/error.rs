//! The store's one error type.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{path}: not a dyad store ({reason})")]
    NotAStore { path: String, reason: String },
    #[error("{path}: the store's schema version {found} is newer than this dyad knows ({known}); upgrade dyad")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{0}")]
    Invalid(String),
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
