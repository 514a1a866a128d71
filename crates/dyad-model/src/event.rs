//! The coded event record: one JSON object per event, one per line.

use crate::EventType;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the document text; serialised
/// as a two-element array.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers (empty when out of range or off a char boundary).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Span {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

/// An actor or recipient of an event, as found in the text and resolved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The words of the mention.
    pub text: String,
    pub span: Span,
    /// The canonical name, e.g. "Vladimir Putin" or "Russia".
    pub name: Option<String>,
    /// ISO 3166 alpha-3, or an IGO code such as NATO, UNO, EUR.
    pub country: Option<String>,
    /// The PLOVER sector (GOV, MIL, COP, REB, MED, …).
    pub sector: Option<String>,
    /// The CAMEO actor code, e.g. RUSGOV.
    pub cameo: Option<String>,
    /// The actor base's id of the entity, when it is known.
    pub kb_id: Option<String>,
}

/// The words that triggered the event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    pub text: String,
    pub span: Span,
}

/// Where the event happened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place name as the text writes it ("Kiev"), or the gazetteer's
    /// name of a capital or country that an actor mention stands for.
    pub name: String,
    pub geonames_id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-3, like the actors' countries.
    pub country: Option<String>,
    /// The first-level division's name ("Texas").
    #[serde(default)]
    pub admin1: Option<String>,
    /// The first-level division's GeoNames code ("US.TX").
    #[serde(default)]
    pub admin1_code: Option<String>,
    /// The GeoNames feature code: `PCLI` (country), `ADM1` (first-level
    /// division), `PPLC` (capital), `PPL` (other populated place), `RGN` (a
    /// region that is no division, such as Darfur: no `geonames_id`); null
    /// for a place that is not in the gazetteer.
    #[serde(default)]
    pub feature: Option<String>,
    /// Where the text names it (byte offsets into the document).
    #[serde(default)]
    pub span: Option<Span>,
}

/// Who reported the event ("according to TASS", "the Kremlin announced").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub text: String,
    pub name: Option<String>,
    pub country: Option<String>,
}

/// How the text commits to the event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as having happened or happening.
    #[default]
    Asserted,
    /// Stated as not having happened ("has not agreed").
    Negated,
    /// Depends on a condition ("if Moscow does not agree … by Friday").
    Conditional,
    /// Announced for the future ("will meet").
    Future,
    /// Told by a third party ("according to TASS", "the Kremlin announced").
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Conditional => "conditional",
            Modality::Future => "future",
            Modality::Reported => "reported",
        }
    }
}

/// One coded event. Field names are the public schema (`docs/schema.md`);
/// unknown values are `None` (JSON `null`), never invented.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable: the same input and version give the same id.
    pub id: String,
    pub doc_id: String,
    /// Index of the sentence in the document (the title, when present, is 0).
    pub sentence: usize,
    /// The sentence's text.
    pub text: String,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
    pub actors: Vec<ActorRef>,
    pub recipients: Vec<ActorRef>,
    pub trigger: Trigger,
    /// `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// The words the date came from; null when it defaulted to the publication date.
    pub date_text: Option<String>,
    pub location: Option<Location>,
    pub attribution: Option<Attribution>,
    pub modality: Modality,
    /// `YYYY-MM-DD` of the deadline the event is conditioned on, or null.
    pub deadline: Option<String>,
    /// CAMEO event code, with leading zeros ("036").
    pub cameo: Option<String>,
    /// Goldstein score of the CAMEO code (GDELT's table).
    pub goldstein: Option<f64>,
    /// PLOVER conflict–cooperation score of the type and mode.
    pub intensity: Option<f64>,
    /// Quad class 1–4.
    pub quad: u8,
    /// The pattern or model that coded the event, and how its arguments were found.
    pub rule: String,
    /// The sentences of the document that report this same event (repeats
    /// are merged into one record); the first is `sentence`.
    pub mentions: Vec<usize>,
    /// Lexicon and model version.
    pub version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_serialises_as_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        let back: Span = serde_json::from_str("[3,9]").unwrap();
        assert_eq!(back, s);
        assert_eq!(s.slice("abcdefghijk"), "defghi");
        assert_eq!(Span::new(5, 50).slice("short"), "");
    }

    #[test]
    fn modality_is_lower_case() {
        assert_eq!(
            serde_json::to_string(&Modality::Conditional).unwrap(),
            "\"conditional\""
        );
    }
}
