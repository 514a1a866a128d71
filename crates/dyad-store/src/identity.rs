//! Which mentions are the same event, and which countries an event links.
//!
//! Two mentions are one event when they have the same type, the same
//! actors and recipients (by [`actor_key`]), the same date and the same
//! polarity (a negated event is not the event). GDELT merges on the same
//! basis (actors, code, day). Within a cluster of near-duplicate articles the
//! date is left out ([`story_key`]): a wire copy republished a day later
//! reports the same events, though its undated ones default to the later day.

use dyad_model::{stable_hash, ActorRef, Event, Modality};

/// How an actor is told apart: its actor-base id (a person or an
/// organisation the actor base knows: Putin and Dmitriev are both RUSGOV
/// but not the same actor), else its CAMEO code, else its country and
/// sector, else its name or words, lower-cased.
pub fn actor_key(a: &ActorRef) -> String {
    if let Some(k) = a.kb_id.as_deref().filter(|k| !k.is_empty()) {
        return format!("kb:{k}");
    }
    if let Some(c) = a.cameo.as_deref().filter(|c| !c.is_empty()) {
        return c.to_ascii_uppercase();
    }
    if let Some(c) = a.country.as_deref().filter(|c| !c.is_empty()) {
        return format!("{}{}", c, a.sector.as_deref().unwrap_or("")).to_ascii_uppercase();
    }
    let name = a.name.as_deref().unwrap_or(&a.text);
    format!("name:{}", name.trim().to_lowercase())
}

fn side(actors: &[ActorRef]) -> String {
    let mut keys: Vec<String> = actors.iter().map(actor_key).collect();
    keys.sort();
    keys.dedup();
    keys.join("|")
}

fn hash(e: &Event, with_date: bool) -> u64 {
    let negated = if e.modality == Modality::Negated {
        "neg"
    } else {
        ""
    };
    let date = if with_date {
        e.date.as_deref().unwrap_or("")
    } else {
        ""
    };
    stable_hash(&[
        e.event_type.as_str().as_bytes(),
        side(&e.actors).as_bytes(),
        side(&e.recipients).as_bytes(),
        date.as_bytes(),
        negated.as_bytes(),
    ])
}

/// The identity of the event a mention reports: the same for every
/// article that reports it.
pub fn event_hash(e: &Event) -> u64 {
    hash(e, true)
}

/// The event's identity without its date, for merging within a cluster of
/// near-duplicate articles.
pub fn story_hash(e: &Event) -> u64 {
    hash(e, false)
}

/// The store's id of an event: `ev-` and its identity in hex.
pub fn event_id(hash: u64) -> String {
    format!("ev-{hash:016x}")
}

/// The store's id of the event a mention reports.
pub fn event_key(e: &Event) -> String {
    event_id(event_hash(e))
}

/// [`story_hash`] as text.
pub fn story_key(e: &Event) -> String {
    event_id(story_hash(e))
}

/// The ordered country pairs (actor country, recipient country) an event
/// links. An event with no recipient and several actors ("talks between
/// Russia and Ukraine") links each actor to each other actor, both ways.
pub fn dyads(e: &Event) -> Vec<(String, String)> {
    let country = |a: &ActorRef| a.country.clone().filter(|c| !c.is_empty());
    let mut out = Vec::new();
    if e.recipients.is_empty() {
        for (i, a) in e.actors.iter().enumerate() {
            for (j, b) in e.actors.iter().enumerate() {
                if i != j {
                    if let (Some(x), Some(y)) = (country(a), country(b)) {
                        out.push((x, y));
                    }
                }
            }
        }
    } else {
        for a in &e.actors {
            for r in &e.recipients {
                if let (Some(x), Some(y)) = (country(a), country(r)) {
                    out.push((x, y));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The (actor, recipient) pairs of an event, with the same rule for
/// reciprocal events as [`dyads`].
pub(crate) fn sides(e: &Event) -> Vec<(&ActorRef, &ActorRef)> {
    let mut out = Vec::new();
    if e.recipients.is_empty() {
        for (i, a) in e.actors.iter().enumerate() {
            for (j, b) in e.actors.iter().enumerate() {
                if i != j {
                    out.push((a, b));
                }
            }
        }
    } else {
        for a in &e.actors {
            for r in &e.recipients {
                out.push((a, r));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::EventType;

    use crate::conformance::actor;

    fn event(actors: Vec<ActorRef>, recipients: Vec<ActorRef>, date: &str) -> Event {
        crate::conformance::event(EventType::Consult, actors, recipients, date, 0, "")
    }

    #[test]
    fn the_same_event_in_other_words_has_the_same_key() {
        let a = event(
            vec![actor("USA", Some("GOV"), "Trump")],
            vec![actor("RUS", None, "Russia")],
            "2025-08-06",
        );
        let mut b = a.clone();
        b.actors[0].text = "the US president".into();
        b.id = "other".into();
        assert_eq!(event_key(&a), event_key(&b));
        let mut c = a.clone();
        c.date = Some("2025-08-07".into());
        assert_ne!(event_key(&a), event_key(&c));
        assert_eq!(story_key(&a), story_key(&c));
        let mut d = a.clone();
        d.modality = Modality::Negated;
        assert_ne!(event_key(&a), event_key(&d));
        let mut e = a.clone();
        e.event_type = EventType::Threaten;
        assert_ne!(event_key(&a), event_key(&e));
    }

    #[test]
    fn reciprocal_events_link_both_ways() {
        let talks = event(
            vec![actor("RUS", None, "Russia"), actor("UKR", None, "Ukraine")],
            vec![],
            "2025-08-06",
        );
        assert_eq!(
            dyads(&talks),
            vec![("RUS".into(), "UKR".into()), ("UKR".into(), "RUS".into())]
        );
        let visit = event(
            vec![actor("USA", Some("GOV"), "Witkoff")],
            vec![actor("RUS", Some("GOV"), "Putin")],
            "2025-08-06",
        );
        assert_eq!(dyads(&visit), vec![("USA".into(), "RUS".into())]);
    }

    #[test]
    fn two_people_of_one_government_are_two_actors() {
        let mut putin = actor("RUS", Some("GOV"), "Putin");
        putin.kb_id = Some("vladimir-putin".into());
        let mut dmitriev = actor("RUS", Some("GOV"), "Dmitriev");
        dmitriev.kb_id = Some("kirill-dmitriev".into());
        assert_ne!(actor_key(&putin), actor_key(&dmitriev));
        assert_eq!(
            actor_key(&actor("RUS", Some("GOV"), "the Kremlin")),
            "RUSGOV"
        );
    }

    #[test]
    fn actors_without_codes_are_told_apart_by_name() {
        let a = ActorRef {
            text: "The Protesters".into(),
            ..ActorRef::default()
        };
        assert_eq!(actor_key(&a), "name:the protesters");
    }
}
