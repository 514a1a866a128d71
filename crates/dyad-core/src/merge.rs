//! Repeats within a document are one event: the same type between the same
//! actors and recipients, told in the title and again in the body.

use dyad_model::{Event, Modality};

/// An event with the identity keys of its actors and recipients.
#[derive(Debug)]
pub(crate) struct Keyed {
    pub event: Event,
    pub actor_keys: Vec<String>,
    pub recipient_keys: Vec<String>,
    pub is_title: bool,
}

/// Merges repeats; the most informative mention (a deadline, an attribution,
/// a date of its own, a place, the body rather than the title) becomes the
/// record and takes what it lacks from the others.
pub(crate) fn merge(items: Vec<Keyed>) -> Vec<Event> {
    let mut groups: Vec<Vec<Keyed>> = Vec::new();
    for it in items {
        // Two events of one sentence are two events, however alike.
        let same = groups.iter_mut().find(|g| {
            same_event(&g[0], &it) && g.iter().all(|k| k.event.sentence != it.event.sentence)
        });
        match same {
            Some(g) => g.push(it),
            None => groups.push(vec![it]),
        }
    }
    let mut out: Vec<Event> = groups.into_iter().map(merge_group).collect();
    out.sort_by_key(|e| (e.sentence, e.trigger.span.start));
    out
}

fn key_set(keys: &[String]) -> Vec<&str> {
    let mut k: Vec<&str> = keys.iter().map(String::as_str).collect();
    k.sort_unstable();
    k.dedup();
    k
}

fn same_event(a: &Keyed, b: &Keyed) -> bool {
    a.event.event_type == b.event.event_type
        && (a.event.modality == Modality::Negated) == (b.event.modality == Modality::Negated)
        && key_set(&a.actor_keys) == key_set(&b.actor_keys)
        && key_set(&a.recipient_keys) == key_set(&b.recipient_keys)
}

fn score(k: &Keyed) -> (bool, bool, bool, bool, bool) {
    let e = &k.event;
    (
        e.deadline.is_some(),
        e.attribution.is_some(),
        e.date_text.is_some(),
        e.location.is_some(),
        !k.is_title,
    )
}

fn merge_group(mut g: Vec<Keyed>) -> Event {
    // The earliest of the best: stable whatever the order of the input.
    let best = (0..g.len())
        .rev()
        .max_by_key(|&i| score(&g[i]))
        .unwrap_or(0);
    let mut sentences: Vec<usize> = g.iter().map(|k| k.event.sentence).collect();
    let mut e = g.swap_remove(best).event;
    for other in &g {
        let o = &other.event;
        if e.location.is_none() {
            e.location.clone_from(&o.location);
        }
        if e.deadline.is_none() {
            e.deadline.clone_from(&o.deadline);
        }
        if e.date_text.is_none() && o.date_text.is_some() {
            e.date.clone_from(&o.date);
            e.date_text.clone_from(&o.date_text);
        }
        if e.attribution.is_none() {
            e.attribution.clone_from(&o.attribution);
        }
    }
    sentences.retain(|&s| s != e.sentence);
    sentences.sort_unstable();
    sentences.dedup();
    sentences.insert(0, e.sentence);
    e.mentions = sentences;
    e
}
