//! Tokens, sentences, tagging and parsing of news English for dyad.
//!
//! * [`tokenize`] and [`split_sentences`] cut raw text into tokens and
//!   sentences, as byte ranges into the original text.
//! * [`parse`] tags, lemmatises and parses one sentence with the model
//!   shipped in this crate (trained on the UD English Web Treebank) and
//!   returns a [`ParsedSentence`], which answers the event coder's
//!   questions: [`ParsedSentence::subject`], [`ParsedSentence::object`],
//!   [`ParsedSentence::obliques`], [`ParsedSentence::is_negated`],
//!   [`ParsedSentence::conditional_clause`], [`ParsedSentence::xcomp`],
//!   [`ParsedSentence::reporting_verb`] and so on.
//! * [`train()`] and [`eval`] train and score models on CoNLL-U files.
//!
//! See `docs/syntax.md` for the design.

use std::ops::Range;
use std::sync::LazyLock;

mod beam;
pub mod boundaries;
mod codec;
pub mod conllu;
mod dense;
pub mod eval;
mod features;
mod labels;
mod lemmas;
pub mod mentions;
mod model;
mod parsed;
mod parser;
mod punct;
mod sentences;
mod tagger;
mod tokens;
pub mod train;
mod weights;

pub use mentions::{mentions, Mention, MentionKind};
pub use model::{Model, FORMAT};
pub use parsed::{Oblique, ParsedSentence, Word};
pub use sentences::{split_sentences, split_tokenized};
pub use tagger::number_word;
pub use tokens::{tokenize, Token};
pub use train::{train, train_staged, Progress, TaggerStage, TrainConfig};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A CoNLL-U file is malformed.
    #[error("CoNLL-U line {line}: {message}")]
    Conllu { line: usize, message: String },
    /// A model file is malformed or of another format version.
    #[error("syntax model: {0}")]
    Model(String),
    /// Training could not run.
    #[error("training: {0}")]
    Train(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn model(message: &str) -> Error {
        Error::Model(message.to_string())
    }
}

/// The shipped model file (zlib-compressed; see `models/README.md`).
pub const MODEL_BYTES: &[u8] = include_bytes!("../models/en-ewt.syntax");

static MODEL: LazyLock<Result<Model, Error>> = LazyLock::new(|| Model::from_bytes(MODEL_BYTES));

/// The shipped model, loaded on first use.
pub fn model() -> Result<&'static Model, &'static Error> {
    MODEL.as_ref()
}

/// Tokenises, tags, lemmatises and parses `text[range]` as one sentence
/// with the shipped model. Offsets are into the whole `text`.
///
/// Never panics: a range outside `text` is clamped, and if the shipped
/// model could not be loaded (a broken build) every word is tagged `X`
/// and attached to the first word as `dep`.
pub fn parse(text: &str, range: Range<usize>) -> ParsedSentence<'static> {
    let range = tokens::clamp_range(text, range);
    let toks = tokenize(text, range.clone());
    match model() {
        Ok(m) => m.parse_tokens(text, range, &toks),
        Err(_) => ParsedSentence::new(
            range,
            toks.iter()
                .enumerate()
                .map(|(i, &token)| Word {
                    token,
                    upos: "X",
                    xpos: "XX",
                    lemma: token.text(text).to_lowercase(),
                    head: (i > 0).then_some(0),
                    deprel: if i == 0 { "root" } else { "dep" },
                })
                .collect(),
        ),
    }
}

/// Whether a word with these neighbours stands among capitals ("RUSSIA
/// IS READY"): a neighbour in capitals, or no lower-case neighbour at all.
/// Otherwise an upper-case "IS" is the Islamic State ("seven IS members",
/// "against IS"), which the tagger, trained on the verb, would make a
/// copula.
pub fn shouted(before: Option<&str>, after: Option<&str>) -> bool {
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    let lower = |w: &str| w.chars().any(char::is_lowercase);
    before.is_some_and(capitals)
        || after.is_some_and(capitals)
        || !(before.is_some_and(lower) || after.is_some_and(lower))
}

impl Model {
    /// Tags, lemmatises and parses the tokens of one sentence of `text`.
    pub fn parse_tokens(
        &self,
        text: &str,
        range: Range<usize>,
        tokens: &[Token],
    ) -> ParsedSentence<'_> {
        let mut forms: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        for i in 0..forms.len() {
            let before = i.checked_sub(1).map(|k| forms[k]);
            if forms[i] == "IS" && !shouted(before, forms.get(i + 1).copied()) {
                forms[i] = "ISIS";
            }
        }
        thread_local! {
            static SCRATCH: std::cell::RefCell<model::Scratch> = Default::default();
        }
        let a = SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.analyse(&forms, &mut scratch),
            // only if `analyse` itself parsed (it does not): fresh buffers
            Err(_) => self.analyse(&forms, &mut model::Scratch::default()),
        });
        let words = tokens
            .iter()
            .zip(a.lemmas)
            .enumerate()
            .map(|(i, (&token, lemma))| Word {
                token,
                upos: self.upos(a.tags[i]),
                xpos: self.xpos(a.tags[i]),
                lemma,
                head: a.heads[i],
                deprel: self.relation(a.labels[i]),
            })
            .collect();
        ParsedSentence::new(range, words)
    }

    /// Tags, lemmatises and parses a sentence given as word forms; the
    /// words' tokens are their positions in `forms.join(" ")`.
    pub fn parse_words(&self, forms: &[&str]) -> ParsedSentence<'_> {
        let mut text = String::new();
        let mut toks = Vec::with_capacity(forms.len());
        for f in forms {
            if !text.is_empty() {
                text.push(' ');
            }
            toks.push(Token {
                start: text.len(),
                end: text.len() + f.len(),
            });
            text.push_str(f);
        }
        self.parse_tokens(&text, 0..text.len(), &toks)
    }
}

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upper_case_is_among_lower_case_words_is_a_name() {
        let m = model().expect("the shipped model loads");
        let p = m.parse_words(&["Troops", "killed", "five", "IS", "fighters", "."]);
        assert_eq!(p.words[3].upos, "PROPN");
        assert!(shouted(Some("RUSSIA"), Some("READY")));
        assert!(shouted(None, Some(".")));
        assert!(!shouted(Some("against"), Some(".")));
    }

    #[test]
    fn the_shipped_model_loads_and_knows_ud_relations() {
        let m = model().expect("the shipped model loads");
        assert!(m.version().contains("EWT"), "{}", m.version());
        for rel in [
            "nsubj",
            "nsubj:pass",
            "obj",
            "obl",
            "xcomp",
            "ccomp",
            "advcl",
            "mark",
            "advmod",
            "root",
        ] {
            assert!(m.relations().iter().any(|r| r == rel), "{rel}");
        }
        assert!(MODEL_BYTES.len() <= 20 << 20);
        // written back, the shipped file comes out byte for byte
        assert!(m.to_bytes() == MODEL_BYTES);
    }

    #[test]
    fn a_number_word_opening_a_sentence_is_no_verb() {
        let m = model().expect("the shipped model loads");
        let forms = [
            "Three",
            "US",
            "servicemen",
            "were",
            "killed",
            "on",
            "Monday",
            ".",
        ];
        let p = m.parse_words(&forms);
        assert_eq!(p.words[0].upos, "NUM");
        assert_eq!(p.words[2].deprel, "nsubj:pass");
    }

    #[test]
    fn the_shipped_model_is_what_its_writer_writes() {
        // the file format is stable: reading and writing gives the same bytes
        let m = model().expect("the shipped model loads");
        assert!(
            m.to_bytes() == MODEL_BYTES,
            "the model file does not round-trip"
        );
    }
}
