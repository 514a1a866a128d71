//! The threat tracker: every THREATEN event with what was threatened, its
//! deadline and its status.
//!
//! - **carried out**: a later SANCTION, COERCE or ASSAULT event, asserted or
//!   reported (not negated, conditional or future), by the same actor (same
//!   country, else same actor-base id or name) on the same recipient, of the
//!   kind that was threatened (sanctions → SANCTION or COERCE; force →
//!   ASSAULT or COERCE; repression → COERCE or ASSAULT; anything else → any
//!   of the three);
//! - **lapsed**: its deadline is before the store's "now" (the latest
//!   publication date stored, or the date asked for) and nothing carried it out;
//! - **pending**: neither yet.

use dyad_model::{ActorRef, Event, EventType, Modality};
use serde::Serialize;
use std::collections::HashMap;

use crate::{Filter, Result, Store, StoredEvent};

/// What a threat threatens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Threatened {
    /// Sanctions, tariffs, embargoes, penalties, cutting aid or relations.
    Sanctions,
    /// Military force.
    Force,
    /// Arrests, crackdowns.
    Repression,
    /// Not said, or another kind.
    Other,
}

impl Threatened {
    /// From the CAMEO code, else the trigger's words.
    pub fn of(e: &Event) -> Threatened {
        let cameo = e.cameo.as_deref().unwrap_or("");
        if cameo.starts_with("131") || cameo.starts_with("132") {
            return Threatened::Sanctions;
        }
        if cameo.starts_with("138") {
            return Threatened::Force;
        }
        if cameo.starts_with("137") {
            return Threatened::Repression;
        }
        let t = format!("{} {}", e.trigger.text, e.text).to_lowercase();
        let any = |ws: &[&str]| ws.iter().any(|w| t.contains(w));
        if any(&["sanction", "tariff", "penalt", "embargo", "boycott"]) {
            Threatened::Sanctions
        } else if any(&["military", "force", "strike", "attack", "invade", "war"]) {
            Threatened::Force
        } else {
            Threatened::Other
        }
    }

    /// The event types that carry the threat out.
    pub fn carried_out_by(self) -> &'static [EventType] {
        match self {
            Threatened::Sanctions => &[EventType::Sanction, EventType::Coerce],
            Threatened::Force => &[EventType::Assault, EventType::Coerce],
            Threatened::Repression => &[EventType::Coerce, EventType::Assault],
            Threatened::Other => &[EventType::Sanction, EventType::Coerce, EventType::Assault],
        }
    }
}

/// Where a threat stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    CarriedOut,
    Lapsed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::CarriedOut => "carried_out",
            Status::Lapsed => "lapsed",
        }
    }
}

/// A tracked threat: the verdict and the threat itself, a stored event
/// (with its mentions) or, from [`track_coded`], the event as coded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Threat<E = StoredEvent> {
    pub status: Status,
    pub threatened: Threatened,
    /// `YYYY-MM-DD`, when the threat set one.
    pub deadline: Option<String>,
    /// Days from "now" to the deadline (negative once past).
    pub days_left: Option<i64>,
    /// The date the status was judged at.
    pub as_of: Option<String>,
    /// The ids of the earliest events that carried it out (at most
    /// [`EVIDENCE_MAX`]).
    pub evidence: Vec<String>,
    pub event: E,
}

impl Threat<Event> {
    /// The same verdict on the stored form of the threat.
    pub fn with_event(self, event: StoredEvent) -> Threat {
        Threat {
            status: self.status,
            threatened: self.threatened,
            deadline: self.deadline,
            days_left: self.days_left,
            as_of: self.as_of,
            evidence: self.evidence,
            event,
        }
    }
}

/// A threat as [`judge`] reads it: a stored event or a coded one.
pub trait Coded {
    fn coded(&self) -> &Event;
}

impl Coded for Event {
    fn coded(&self) -> &Event {
        self
    }
}

impl Coded for StoredEvent {
    fn coded(&self) -> &Event {
        &self.event
    }
}

/// The keys under which [`same_side`] can match an actor: its country,
/// actor-base id and name (a superset: the rule compares ids and names only
/// when a country is missing).
fn side_keys(a: &ActorRef) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(c) = &a.country {
        keys.push(format!("c:{}", c.to_ascii_uppercase()));
    }
    if let Some(k) = &a.kb_id {
        keys.push(format!("k:{k}"));
    }
    if let Some(n) = &a.name {
        keys.push(format!("n:{n}"));
    }
    keys
}

fn same_side(xs: &[ActorRef], ys: &[ActorRef]) -> bool {
    xs.iter().any(|x| {
        ys.iter().any(|y| match (&x.country, &y.country) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => {
                (x.kb_id.is_some() && x.kb_id == y.kb_id) || (x.name.is_some() && x.name == y.name)
            }
        })
    })
}

fn days_between(from: &str, to: &str) -> Option<i64> {
    let a: jiff::civil::Date = from.get(..10)?.parse().ok()?;
    let b: jiff::civil::Date = to.get(..10)?.parse().ok()?;
    Some(i64::from((b - a).get_days()))
}

/// At most this many events are listed as a threat's evidence: the
/// earliest that carried it out.
pub const EVIDENCE_MAX: usize = 10;

/// Judges threats against later events. `as_of` is "now", `YYYY-MM-DD`.
pub fn judge<E: Coded>(threats: Vec<E>, later: &[Event], as_of: Option<&str>) -> Vec<Threat<E>> {
    // The events that can carry a threat out, by date (then id), indexed
    // by the keys of their actor and recipient sides and their type, so
    // that each threat reads only the earliest of those that can be on its
    // sides, from its own date on (the check below is the rule; the keys
    // only narrow). Without the index and the cap, a store of a million
    // events compared every threat with every later event of its dyad.
    let mut order: Vec<usize> = (0..later.len())
        .filter(|&i| {
            let l = &later[i];
            l.date.is_some() && matches!(l.modality, Modality::Asserted | Modality::Reported)
        })
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&later[a], &later[b]);
        x.date.cmp(&y.date).then_with(|| x.id.cmp(&y.id))
    });
    type Key = (String, String, EventType);
    let mut index: HashMap<Key, Vec<usize>> = HashMap::new();
    for &i in &order {
        let l = &later[i];
        for a in l.actors.iter().flat_map(side_keys) {
            for r in l.recipients.iter().flat_map(side_keys) {
                let bucket = index.entry((a.clone(), r, l.event_type)).or_default();
                // an event is filed once per bucket even when several of
                // its actors give the same key
                if bucket.last() != Some(&i) {
                    bucket.push(i);
                }
            }
        }
    }
    threats
        .into_iter()
        .filter(|t| t.coded().event_type == EventType::Threaten)
        .map(|t| {
            let e = t.coded();
            let threatened = Threatened::of(e);
            let mut found: Vec<&Event> = Vec::new();
            if let Some(date) = &e.date {
                for &kind in threatened.carried_out_by() {
                    for a in e.actors.iter().flat_map(side_keys) {
                        for r in e.recipients.iter().flat_map(side_keys) {
                            let Some(bucket) = index.get(&(a.clone(), r, kind)) else {
                                continue;
                            };
                            let from = bucket.partition_point(|&i| {
                                later[i].date.as_ref().is_some_and(|d| d < date)
                            });
                            found.extend(
                                bucket[from..]
                                    .iter()
                                    .map(|&i| &later[i])
                                    .filter(|l| {
                                        same_side(&e.actors, &l.actors)
                                            && same_side(&e.recipients, &l.recipients)
                                    })
                                    .take(EVIDENCE_MAX),
                            );
                        }
                    }
                }
            }
            found.sort_by(|x, y| x.date.cmp(&y.date).then_with(|| x.id.cmp(&y.id)));
            found.dedup_by(|x, y| x.id == y.id);
            let evidence: Vec<String> = found
                .into_iter()
                .take(EVIDENCE_MAX)
                .map(|l| l.id.clone())
                .collect();
            let deadline = e.deadline.clone();
            let days_left = match (as_of, &deadline) {
                (Some(now), Some(d)) => days_between(now, d),
                _ => None,
            };
            let status = if !evidence.is_empty() {
                Status::CarriedOut
            } else if days_left.is_some_and(|d| d < 0) {
                Status::Lapsed
            } else {
                Status::Pending
            };
            Threat {
                status,
                threatened,
                deadline,
                days_left,
                as_of: as_of.map(str::to_string),
                evidence,
                event: t,
            }
        })
        .collect()
}

/// Every threat in the store (narrowed by `filter`, whose types are
/// replaced by THREATEN), judged as of `as_of` or the latest publication
/// date stored.
pub fn track(store: &dyn Store, filter: &Filter, as_of: Option<&str>) -> Result<Vec<Threat>> {
    let threats = store.events(&threat_filter(filter))?;
    judge_in(store, threats, as_of)
}

/// [`track`] with the threats as coded, without their mentions: for a
/// page of threats, whose stored form [`with_mentions`] then gives.
pub fn track_coded(
    store: &dyn Store,
    filter: &Filter,
    as_of: Option<&str>,
) -> Result<Vec<Threat<Event>>> {
    let threats = store.coded_events(&threat_filter(filter))?;
    judge_in(store, threats, as_of)
}

/// Threats from [`track_coded`] (a page of them) in their stored form,
/// with their mentions and counts.
pub fn with_mentions(store: &dyn Store, threats: Vec<Threat<Event>>) -> Result<Vec<Threat>> {
    let events = threats.iter().map(|t| t.event.clone()).collect();
    let stored = store.stored_events(events)?;
    Ok(threats
        .into_iter()
        .zip(stored)
        .map(|(t, e)| t.with_event(e))
        .collect())
}

fn threat_filter(filter: &Filter) -> Filter {
    let mut f = filter.clone();
    f.types = vec![EventType::Threaten];
    f
}

/// Judges `threats` against the store's later events, as of `as_of` or the
/// latest publication date stored.
fn judge_in<E: Coded>(
    store: &dyn Store,
    threats: Vec<E>,
    as_of: Option<&str>,
) -> Result<Vec<Threat<E>>> {
    let earliest = threats.iter().filter_map(|t| t.coded().date.clone()).min();
    let later = store.coded_events(&Filter {
        types: vec![EventType::Sanction, EventType::Coerce, EventType::Assault],
        since: earliest,
        ..Filter::default()
    })?;
    let now = match as_of {
        Some(d) => Some(d.to_string()),
        None => store.stats()?.latest_published,
    };
    Ok(judge(threats, &later, now.as_deref()))
}
