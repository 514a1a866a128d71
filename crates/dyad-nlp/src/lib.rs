//! Tokens, sentences, tagging and parsing of news English for dyad.
//!
//! * [`tokenize`] and [`split_sentences`] cut raw text into tokens and
//!   sentences, as byte ranges into the original text.

mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::{tokenize, Token};

#[cfg(test)]
mod proptests;
