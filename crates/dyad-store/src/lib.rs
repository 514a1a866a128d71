//! dyad's event store: coded documents in, queries, dyadic time series and a
//! threat tracker out.
//!
//! One [`Store`] trait with two backends that pass the same conformance suite
//! (`conformance.rs`): [`SqliteStore`], the embedded on-disk default (SQLite,
//! bundled), and [`MemoryStore`], for tests and short-lived use.
//!
//! - **Idempotent ingest**: a document is identified by its id; storing one
//!   that is already there adds nothing.
//! - **Cross-article dedup**: near-duplicate articles (wire copies) are
//!   clustered by MinHash over word shingles ([`dedup`]); the same event
//!   reported by several articles is one stored event with its mentions,
//!   sources and articles counted ([`identity`]).
//! - **Aggregates** are computed here, the same way for every backend:
//!   [`series`] (counts and mean scores per period for a dyad) and
//!   [`threats`] (every THREATEN with its status: pending, carried out,
//!   lapsed).

#[cfg(test)]
mod conformance;
pub mod dedup;
mod error;
pub mod export;
pub mod filter;
pub mod identity;
mod memory;
pub mod plot;
pub mod series;
mod sqlite;
pub mod threats;

use dyad_model::{Document, Event, EventType, Span};
use serde::{Deserialize, Serialize};

pub use error::{Error, Result};
pub use filter::{ActorTerm, Filter};
pub use memory::MemoryStore;
pub use sqlite::SqliteStore;

/// A document with what the coder made of it: the unit of ingest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodedDocument {
    pub doc: Document,
    /// The sentences of [`Document::full_text`], as byte spans.
    pub sentences: Vec<Span>,
    pub events: Vec<Event>,
}

/// What one call of [`Store::ingest`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Documents stored by this call.
    pub documents: usize,
    /// Documents skipped because one with the same id was already stored.
    pub skipped: usize,
    /// Of the skipped ones, those whose stored content differs (kept as stored).
    pub changed: usize,
    /// Documents found to be near-duplicates of one already stored.
    pub near_duplicates: usize,
    /// Events new to the store.
    pub new_events: usize,
    /// Event mentions that joined an event already stored.
    pub merged: usize,
}

impl std::ops::AddAssign for IngestReport {
    fn add_assign(&mut self, o: IngestReport) {
        self.documents += o.documents;
        self.skipped += o.skipped;
        self.changed += o.changed;
        self.near_duplicates += o.near_duplicates;
        self.new_events += o.new_events;
        self.merged += o.merged;
    }
}

/// One report of an event: which article, which sentence, which record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub doc_id: String,
    pub sentence: usize,
    /// The id the coder gave this mention's event record.
    pub event_id: String,
    pub source: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// The near-duplicate cluster of the article: the id of the first stored
    /// article of the cluster.
    pub cluster: String,
}

/// A stored event: the first mention's record (with the store's id), how
/// often and where it was reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// The event as first coded; its `id` is the store's event id.
    #[serde(flatten)]
    pub event: Event,
    /// Every report of the event (GDELT's NumMentions).
    pub num_mentions: usize,
    /// Distinct outlets (GDELT's NumSources); an article without a source
    /// counts as its own.
    pub num_sources: usize,
    /// Distinct articles (GDELT's NumArticles).
    pub num_articles: usize,
    /// Distinct stories: articles that are not near-duplicates of each other.
    pub num_stories: usize,
    /// Publication date of the first and last article reporting it.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub mention_links: Vec<Mention>,
}

/// A stored document, with the spans of its sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    #[serde(flatten)]
    pub doc: Document,
    pub sentences: Vec<Span>,
    /// The near-duplicate cluster (the id of its first stored article).
    pub cluster: String,
}

/// One event seen from a dyad, for time series: what [`series`] aggregates.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadPoint {
    pub date: String,
    /// True when the first country of the dyad is the actor.
    pub forward: bool,
    /// The store's number for the event (tells apart the points of one
    /// reciprocal event, which links both ways).
    pub event: u64,
    pub event_type: EventType,
    pub quad: u8,
    pub goldstein: Option<f64>,
    pub intensity: Option<f64>,
}

/// An actor with how many stored events it takes part in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorCount {
    /// The actor's identity ([`identity::actor_key`]).
    pub key: String,
    pub name: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Events in which it is an actor or a recipient.
    pub events: usize,
}

/// Events from one country to another, for a network of who acts on whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub src: String,
    pub tgt: String,
    pub events: usize,
    pub mean_goldstein: Option<f64>,
}

/// Sizes of a store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: usize,
    pub events: usize,
    pub mentions: usize,
    /// The latest publication date of a stored document: the store's "now".
    pub latest_published: Option<String>,
}

/// A count of matching events, exact or a lower bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Total {
    pub count: usize,
    /// False when there are at least `count` (the count stopped there).
    pub exact: bool,
}

impl Total {
    pub fn exact(count: usize) -> Total {
        Total { count, exact: true }
    }

    /// `n` counted with a cap of `cap`: exact only below the cap.
    pub fn upto(n: usize, cap: usize) -> Total {
        Total {
            count: n.min(cap),
            exact: n < cap,
        }
    }
}

/// An event store. Implementations must pass the suite in `conformance.rs`.
pub trait Store {
    /// Stores a batch of coded documents atomically: all or nothing.
    /// Documents already stored (same id) are skipped.
    fn ingest(&mut self, batch: &[CodedDocument]) -> Result<IngestReport>;

    /// Whether a document with this id is stored.
    fn contains(&self, doc_id: &str) -> Result<bool>;

    /// The stored events matching the filter, by date then id.
    fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>>;

    /// The events matching the filter as coded, by date then id, without
    /// their mentions and counts: for work that reads only the events (the
    /// threat tracker's later events), which need not fetch every report.
    fn coded_events(&self, filter: &Filter) -> Result<Vec<Event>> {
        Ok(self.events(filter)?.into_iter().map(|s| s.event).collect())
    }

    /// The stored form (mentions and counts) of events read with
    /// [`Store::coded_events`], in the same order: what a page of results
    /// needs once the events to show are chosen.
    fn stored_events(&self, events: Vec<Event>) -> Result<Vec<StoredEvent>>;

    /// How many stored events match the filter (ignoring its limit and offset).
    fn count(&self, filter: &Filter) -> Result<usize>;

    /// How many stored events match, counted exactly when that is cheap and
    /// otherwise up to `cap` ("at least `cap`"): what a page of results
    /// needs to show without counting a million rows.
    fn count_upto(&self, filter: &Filter, _cap: usize) -> Result<Total> {
        Ok(Total::exact(self.count(filter)?))
    }

    /// The events between two countries (both directions), as points for a
    /// time series; `since`/`until` bound the date (inclusive).
    fn dyad_points(
        &self,
        a: &str,
        b: &str,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<DyadPoint>>;

    /// The actors taking part in the most events, most first (ties by key).
    fn actors(&self, limit: usize) -> Result<Vec<ActorCount>>;

    /// The country pairs with the most events, most first (ties by pair).
    fn network(&self, limit: usize) -> Result<Vec<Edge>>;

    /// One stored document.
    fn document(&self, doc_id: &str) -> Result<Option<StoredDocument>>;

    fn stats(&self) -> Result<Stats>;
}

/// The mean of some scores, to three decimals, or `None` for none.
pub(crate) fn mean3(sum: f64, n: usize) -> Option<f64> {
    (n > 0).then(|| (sum / n as f64 * 1000.0).round() / 1000.0)
}

/// A stored event from its record and its mentions: the counts and first
/// and last seen, computed the same way by every backend.
pub(crate) fn stored(event: Event, mut mentions: Vec<Mention>) -> StoredEvent {
    mentions.sort_by(|a, b| {
        (&a.published, &a.doc_id, a.sentence).cmp(&(&b.published, &b.doc_id, b.sentence))
    });
    let distinct = |f: &dyn Fn(&Mention) -> String| {
        let mut v: Vec<String> = mentions.iter().map(f).collect();
        v.sort();
        v.dedup();
        v.len()
    };
    let num_articles = distinct(&|m| m.doc_id.clone());
    let num_sources = distinct(&|m| match &m.source {
        Some(s) => format!("source:{s}"),
        None => format!("doc:{}", m.doc_id),
    });
    let num_stories = distinct(&|m| m.cluster.clone());
    let dates = mentions.iter().filter_map(|m| m.published.clone());
    let first_seen = dates.clone().min();
    let last_seen = dates.max();
    StoredEvent {
        event,
        num_mentions: mentions.len(),
        num_sources,
        num_articles,
        num_stories,
        first_seen,
        last_seen,
        mention_links: mentions,
    }
}
