//! Resolution: each name's candidate chosen with the document as context,
//! and the dateline's place.

use dyad_lexicon::geo::{Candidate, Feature, Gazetteer};
use dyad_model::Span;

use super::PlaceMention;

/// Chooses each place mention's candidate, with the whole document as
/// context: first with the context of the unambiguous names, then again
/// with every other name's first choice ("Savannah" is the Georgian city
/// once "Atlanta" is named, and then "Georgia" is the US state).
pub(crate) fn resolve(gaz: &Gazetteer, places: &mut [Vec<PlaceMention>]) {
    use std::collections::HashMap;
    let mut countries: HashMap<&str, u32> = HashMap::new();
    let mut admin1: HashMap<&str, u32> = HashMap::new();
    for p in places.iter().flatten() {
        let mut own = p
            .candidates
            .iter()
            .map(|c| gaz.place(c.place).country.as_str());
        if let Some(first) = own.next() {
            if own.all(|c| c == first) {
                *countries.entry(first).or_default() += 1;
            }
        }
        if let [c] = p.candidates.as_slice() {
            if let Some(a) = &gaz.place(c.place).admin1 {
                *admin1.entry(a.as_str()).or_default() += 1;
            }
        }
    }
    let choose = |p: &PlaceMention, countries: &HashMap<&str, u32>, admin1: &HashMap<&str, u32>| {
        p.candidates
            .iter()
            .max_by(|a, b| {
                let (sa, sb) = (
                    score(gaz, a, countries, admin1),
                    score(gaz, b, countries, admin1),
                );
                sa.total_cmp(&sb).then(b.place.cmp(&a.place))
            })
            .map(|c| c.place)
    };
    let first: Vec<Option<u32>> = places
        .iter()
        .flatten()
        .map(|p| choose(p, &countries, &admin1))
        .collect();
    // The context of every first choice; each name then leaves its own out.
    let mut countries: HashMap<&str, u32> = HashMap::new();
    let mut admin1: HashMap<&str, u32> = HashMap::new();
    for &k in first.iter().flatten() {
        let pl = gaz.place(k);
        *countries.entry(pl.country.as_str()).or_default() += 1;
        if let Some(a) = &pl.admin1 {
            *admin1.entry(a.as_str()).or_default() += 1;
        }
    }
    for (p, own) in places.iter_mut().flatten().zip(first) {
        let mut countries = countries.clone();
        let mut admin1 = admin1.clone();
        if let Some(pl) = own.map(|k| gaz.place(k)) {
            if let Some(n) = countries.get_mut(pl.country.as_str()) {
                *n -= 1;
            }
            if let Some(n) = pl.admin1.as_deref().and_then(|a| admin1.get_mut(a)) {
                *n -= 1;
            }
        }
        p.place = choose(p, &countries, &admin1);
    }
}

pub(super) fn score(
    gaz: &Gazetteer,
    c: &Candidate,
    countries: &std::collections::HashMap<&str, u32>,
    admin1: &std::collections::HashMap<&str, u32>,
) -> f64 {
    let p = gaz.place(c.place);
    let feature = match p.feature {
        Feature::Country => 4.0,
        // A capital by another of its names is less likely the one meant
        // ("Delhi" is among Dili's alternate names).
        Feature::Capital if !c.primary => 1.5,
        Feature::Capital => 3.0,
        Feature::Admin1 => 2.5,
        // (a region news names before a division of the same name, "the
        // Sahel" before Burkina Faso's, unless the story is of its country)
        Feature::Region => 2.75,
        Feature::City => 0.0,
    };
    let population = (p.population.max(1) as f64).log10() * 0.5;
    let country = f64::from(countries.get(p.country.as_str()).copied().unwrap_or(0));
    let division = p
        .admin1
        .as_deref()
        .and_then(|a| admin1.get(a))
        .map_or(0.0, |&k| f64::from(k));
    // A division is named when its country's places are ("Georgia" the US
    // state when the document names US places).
    let named_with = if p.feature == Feature::Admin1 {
        country.min(2.0)
    } else {
        0.0
    };
    // A place's own name before another's old or alternate one ("Salisbury"
    // the English city, not Harare's colonial name).
    let own_name = if c.primary { 2.0 } else { 0.0 };
    feature + population + 2.0 * country.min(3.0) + division.min(2.0) + named_with + own_name
}

/// The dateline's place: "KYIV (Reuters) -", "MOSCOW, Aug 6 -", at the start
/// of the body.
pub(crate) fn dateline(gaz: &Gazetteer, doc_text: &str, body: usize) -> Option<PlaceMention> {
    let rest = doc_text.get(body..)?;
    let head_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || c == ' ' || c == '-' || c == '.' || c == '\''))
        .map_or(rest.len(), |(i, _)| i);
    let head = rest[..head_len].trim_end();
    let after = rest[head.len()..].trim_start();
    let marked = after.starts_with('(')
        || after.starts_with(',')
        || after.starts_with('—')
        || after.starts_with('–')
        || after.starts_with("- ");
    if head.len() < 3 || !marked || head.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let head = head.trim_end_matches(['-', ' ']);
    let key = dyad_lexicon::geo::normalise(head);
    let candidates: Vec<Candidate> = gaz.lookup(&key).filter(|c| !c.demonym).collect();
    if candidates.is_empty() {
        return None;
    }
    Some(PlaceMention {
        tok: (0, 0),
        span: Span::new(body, body + head.len()),
        candidates,
        demonym: false,
        place: None,
    })
}
