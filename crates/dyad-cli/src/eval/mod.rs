//! Scoring the event coder against gold sets.
//!
//! Each gold set has a reader (gold file in, records and [`Problem`]s out,
//! never a panic) and a scorer (records and dyad's events in, [`Scored`]
//! out). The reader never sees dyad and the scorer never reads a file;
//! `cmd::eval` does the IO and the coding. Matching of predicted to gold
//! items is in [`matching`], actor codes in [`actors`], the numbers in
//! [`metrics`], and the text report in [`report`].

pub mod actors;
pub mod case2021;
pub mod ipe;
pub mod location;
pub mod matching;
pub mod metrics;
pub mod petr;
pub mod plover;
pub mod report;
pub mod time;

use std::fmt;

use dyad_model::{Event, Modality};
use serde_json::Value;

use crate::eval::metrics::PerType;

/// A problem in a gold file that did not stop the evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `file:line`, or `file: record id`.
    pub place: String,
    pub reason: String,
}

impl Problem {
    pub fn at(file: &str, line: usize, reason: impl Into<String>) -> Problem {
        Problem {
            place: format!("{file}:{line}"),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

/// What scoring a gold set gives.
#[derive(Clone, Debug, Default)]
pub struct Scored {
    /// Top-level scores, in the order they are printed.
    pub scores: Vec<(&'static str, Value)>,
    /// Counts per event type (or label).
    pub per_type: PerType,
    /// Further tables printed after `per_type` (e.g. per gold label).
    pub tables: Vec<(&'static str, Value)>,
    /// A readable account of each record that did not pass.
    pub failures: Vec<String>,
}

impl Scored {
    /// The top-level score `name`; panics when there is none (for tests,
    /// which read the figures by name).
    #[cfg(test)]
    pub fn get(&self, name: &str) -> Value {
        match self.scores.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => v.clone(),
            None => panic!("no score {name:?}"),
        }
    }
}

/// Whether an event counts as a claim that something happened: every
/// modality but `negated` ("did not attack").
pub fn counts(e: &Event) -> bool {
    e.modality != Modality::Negated
}

/// One line describing a predicted event for the failure reports.
pub fn describe(e: &Event) -> String {
    let names = |xs: &[dyad_model::ActorRef]| {
        let v: Vec<String> = xs
            .iter()
            .map(|a| a.cameo.clone().unwrap_or_else(|| format!("?{}", a.text)))
            .collect();
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join("+")
        }
    };
    format!(
        "{} {}{} {}→{} [{}] `{}` ({})",
        e.cameo.as_deref().unwrap_or("---"),
        e.event_type,
        e.mode
            .as_deref()
            .map(|m| format!("/{m}"))
            .unwrap_or_default(),
        names(&e.actors),
        names(&e.recipients),
        e.modality.as_str(),
        e.trigger.text,
        e.rule.split(';').next().unwrap_or(""),
    )
}

#[cfg(test)]
pub(crate) mod testing {
    //! Hand-made events for the scorers' tests.

    use dyad_model::{ActorRef, Event, EventType, Modality, Trigger};

    /// An actor from its country, sector and CAMEO code.
    pub fn actor(country: Option<&str>, sector: Option<&str>) -> ActorRef {
        let cameo = match (country, sector) {
            (Some(c), Some(s)) => Some(format!("{c}{s}")),
            (Some(c), None) => Some(c.to_string()),
            (None, Some(s)) => Some(s.to_string()),
            (None, None) => None,
        };
        ActorRef {
            text: "x".into(),
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
            cameo,
            ..ActorRef::default()
        }
    }

    /// An asserted event of a type and CAMEO code between actors.
    pub fn event(
        ty: EventType,
        cameo: &str,
        actors: Vec<ActorRef>,
        recipients: Vec<ActorRef>,
    ) -> Event {
        Event {
            id: "e".into(),
            doc_id: "d".into(),
            sentence: 0,
            text: String::new(),
            event_type: ty,
            mode: None,
            contexts: Vec::new(),
            actors,
            recipients,
            trigger: Trigger::default(),
            date: None,
            date_text: None,
            location: None,
            attribution: None,
            modality: Modality::Asserted,
            deadline: None,
            cameo: Some(cameo.to_string()),
            goldstein: None,
            intensity: None,
            quad: ty.quad().number(),
            rule: "test".into(),
            mentions: vec![0],
            version: "test".into(),
        }
    }
}
