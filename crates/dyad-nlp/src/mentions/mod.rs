//! Mentions of people, organisations, places and other names, found by a
//! learned sequence model, so that a name missing from the actor base
//! ("Kirill Dmitriev") is still recognised as a person.
//!
//! The tagger is a greedy left-to-right averaged perceptron over BILOU tags
//! (see `docs/mentions.md`). Besides the words it reads *gazetteer marks*:
//! which tokens begin or continue a name of dyad's actor base. dyad-nlp does
//! not know the actor base, so the caller finds the names (with
//! `dyad_lexicon::Lexicon::find_names`), aligns them to tokens with
//! [`gazetteer`] and passes the marks in.
//!
//! ```
//! use dyad_nlp::mentions::{gazetteer, mentions, GazKind};
//! let text = "Kirill Dmitriev met officials of Gazprom in Moscow .";
//! let tokens = dyad_nlp::tokenize(text, 0..text.len());
//! let moscow = text.find("Moscow").unwrap();
//! let gaz = gazetteer(&tokens, [(moscow..moscow + 6, GazKind::Loc)]);
//! for m in mentions(text, &tokens, &gaz) {
//!     println!("{:?} {}", m.kind, &text[m.start..m.end]);
//! }
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use crate::{Error, Token};

mod conll;
mod features;
mod model;
mod train;

pub use conll::{read_conll, score, KindScore, Scores};
pub use model::{MentionModel, FORMAT};
pub use train::{train, EpochReport, MentionConfig, MentionSentence};

/// What a mention names (the CoNLL-2003 classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionKind {
    /// A person.
    Per,
    /// An organisation (governments, parties, companies, teams, media).
    Org,
    /// A place (countries, cities, regions, geographic features).
    Loc,
    /// Other names: nationalities, events, works, products.
    Misc,
}

impl MentionKind {
    /// All kinds, in class order.
    pub const ALL: [MentionKind; 4] = [
        MentionKind::Per,
        MentionKind::Org,
        MentionKind::Loc,
        MentionKind::Misc,
    ];

    /// The CoNLL name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::Per => "PER",
            MentionKind::Org => "ORG",
            MentionKind::Loc => "LOC",
            MentionKind::Misc => "MISC",
        }
    }

    /// The kind of a CoNLL name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn from_name(name: &str) -> Option<MentionKind> {
        MentionKind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A mention: a half-open byte range into the text and its kind. The range
/// always runs from the start of a token to the end of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

impl Mention {
    /// The byte range of the mention.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The kind of a name of the actor base, for gazetteer marks: countries,
/// capitals and seats of government are `Loc`, organisations and media
/// `Org`, people `Per`, nationality adjectives `Misc`.
pub type GazKind = MentionKind;

/// Which gazetteer names a token is part of: for each kind, whether the
/// token begins a name of that kind or continues one. A token may be in
/// names of several kinds ("Washington" is a capital and a person).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GazMark(u8);

impl GazMark {
    /// No name covers the token.
    pub const NONE: GazMark = GazMark(0);

    /// Marks the token as the first (`begin`) or a later token of a name of
    /// `kind`.
    pub fn add(&mut self, kind: GazKind, begin: bool) {
        self.0 |= 1 << (kind.index() * 2 + usize::from(!begin));
    }

    /// Whether the token is in a name of `kind`.
    pub fn has(self, kind: GazKind) -> bool {
        self.0 & (3 << (kind.index() * 2)) != 0
    }

    /// Whether no name covers the token.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub(crate) fn bits(self) -> u8 {
        self.0
    }
}

/// Gazetteer marks of `tokens` from names found in the text as byte ranges
/// with their kind. A name covers the tokens that lie inside its range; a
/// name that covers no token whole is ignored.
pub fn gazetteer(
    tokens: &[Token],
    names: impl IntoIterator<Item = (Range<usize>, GazKind)>,
) -> Vec<GazMark> {
    let mut marks = vec![GazMark::NONE; tokens.len()];
    for (range, kind) in names {
        // tokens come in text order: the first token starting at or after the name
        let first = tokens.partition_point(|t| t.start < range.start);
        let mut begin = true;
        for (mark, t) in marks[first..].iter_mut().zip(&tokens[first..]) {
            if t.end > range.end {
                break;
            }
            mark.add(kind, begin);
            begin = false;
        }
    }
    marks
}

/// The shipped mention model file (zlib-compressed; see
/// `models/MENTIONS.md`).
pub const MODEL_BYTES: &[u8] = include_bytes!("../../models/en-conll.mentions");

static MODEL: LazyLock<Result<MentionModel, Error>> =
    LazyLock::new(|| MentionModel::from_bytes(MODEL_BYTES));

/// The shipped mention model, loaded on first use.
pub fn model() -> Result<&'static MentionModel, &'static Error> {
    MODEL.as_ref()
}

/// Mentions in one sentence of `text`, cut into `tokens` (byte ranges into
/// `text`, in text order), with the shipped model; `gaz` holds the tokens'
/// gazetteer marks (see [`gazetteer`]; missing marks count as none).
///
/// Mentions come in text order, do not overlap and start and end at token
/// boundaries. Tokens that do not fit `text` are read as empty words. Never
/// panics; if the shipped model could not be loaded (a broken build) no
/// mention is found.
pub fn mentions(text: &str, tokens: &[Token], gaz: &[GazMark]) -> Vec<Mention> {
    match model() {
        Ok(m) => m.mentions(text, tokens, gaz),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_marks_begin_and_continue_tokens_inside_names() {
        let text = "President Vladimir Putin of Russia spoke";
        let tokens = crate::tokenize(text, 0..text.len());
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        let marks = gazetteer(
            &tokens,
            [
                (at("Vladimir Putin"), GazKind::Per),
                (at("Russia"), GazKind::Loc),
                (at("Russ"), GazKind::Org),
                (100..120, GazKind::Org),
            ],
        );
        let mut begin = GazMark::NONE;
        begin.add(GazKind::Per, true);
        let mut inside = GazMark::NONE;
        inside.add(GazKind::Per, false);
        assert_eq!(marks[0], GazMark::NONE);
        assert_eq!(marks[1], begin);
        assert_eq!(marks[2], inside);
        assert!(marks[4].has(GazKind::Loc) && !marks[4].has(GazKind::Org));
        assert!(marks[5].is_empty());
    }

    #[test]
    fn the_shipped_model_loads_and_finds_an_unknown_person() {
        let m = model().expect("the shipped model loads");
        assert!(m.version().contains("CoNLL"), "{}", m.version());
        assert!(MODEL_BYTES.len() <= 8 << 20);
        assert!(m.to_bytes() == MODEL_BYTES, "written back byte for byte");
        let text = "Russian envoy Kirill Dmitriev met Steve Witkoff in Miami on Friday .";
        let tokens = crate::tokenize(text, 0..text.len());
        let found: Vec<(&str, MentionKind)> = mentions(text, &tokens, &[])
            .iter()
            .map(|m| (&text[m.range()], m.kind))
            .collect();
        assert!(
            found.contains(&("Kirill Dmitriev", MentionKind::Per)),
            "{found:?}"
        );
        assert!(found.contains(&("Miami", MentionKind::Loc)), "{found:?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let text = "é";
        let tokens = [
            Token { start: 0, end: 1 },
            Token { start: 5, end: 2 },
            Token { start: 0, end: 2 },
        ];
        let _ = mentions(text, &tokens, &[GazMark::NONE; 7]);
        assert!(mentions("", &[], &[]).is_empty());
    }
}
