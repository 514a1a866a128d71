//! The places stage: place names found in each sentence through the
//! gazetteer's name index (and unknown names after "in the town of …"),
//! resolved for the whole document, and the place where an event happened.
//!
//! Resolution ranks a name's candidates by the document's country context
//! (the countries named, their demonyms, and the countries of the other
//! unambiguous places), the first-level divisions named, feature type
//! (country, then capital, then division, then city) and population: "Paris"
//! is the French capital unless the document is about Texas, "Georgia" the
//! country unless the document names places in the United States.

use dyad_lexicon::geo::{normalise_into, Candidate, Feature, Gazetteer, MAX_WORDS};
use dyad_model::{Location, Span};
use dyad_nlp::ParsedSentence;

use crate::actors::Mention;
use crate::text::Sentence;

/// A place name in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct PlaceMention {
    /// Token range `[a, b)` in the sentence.
    pub tok: (usize, usize),
    pub span: Span,
    /// The gazetteer's candidates (empty for an unknown name).
    pub candidates: Vec<Candidate>,
    /// A demonym ("Russian"): country context, never an event's place.
    pub demonym: bool,
    /// The chosen candidate, after [`resolve`].
    pub place: Option<u32>,
}

/// Words that may stand inside a multi-word place name in lower case.
const CONNECTORS: &[&str] = &["de", "del", "la", "al", "el", "of", "upon", "on", "du", "-"];

/// Prepositions that locate an event ("in Moscow", "near Kharkiv").
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "on",
    "along",
    "off",
    "within",
    "into",
    "nearby",
    "between",
    "over",
];

/// Nouns of settlements and areas: "the town of X", "X province".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "villages",
    "province",
    "region",
    "district",
    "neighbourhood",
    "neighborhood",
    "area",
    "suburb",
    "governorate",
    "state",
    "county",
    "settlement",
    "settlements",
    "capital",
    "port",
    "camp",
    "municipality",
    "countryside",
    "outskirts",
];

/// Capitalised words that are never place names on their own.
const NOT_PLACES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "the",
    "a",
    "an",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "i",
    "he",
    "she",
    "they",
    "we",
    "it",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
];

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The place names of one sentence.
pub(crate) fn find(
    gaz: &Gazetteer,
    doc_text: &str,
    s: &Sentence<'_>,
    mentions: &[Mention],
) -> Vec<PlaceMention> {
    let n = s.tokens.len();
    let mut out = Vec::new();
    let mut key = String::new();
    // In a title every word is capitalised: capitals say nothing there.
    let all_caps_sentence = s.is_title;
    let not_place_actor = |a: usize, b: usize| {
        mentions
            .iter()
            .any(|m| !m.place && m.tok.0 < b && a < m.tok.1 && !(m.tok.0 >= a && m.tok.1 <= b))
    };
    let mut i = 0;
    while i < n {
        let text = s.token_text(doc_text, i);
        if !capitalised(text) || NOT_PLACES.contains(&s.word(i)) {
            i += 1;
            continue;
        }
        let cued = i > 0 && LOCATIVE.contains(&s.word(i - 1))
            || i > 1 && LOCATIVE.contains(&s.word(i - 2)) && s.word(i - 1) == "the";
        // The longest run of words, up to MAX_WORDS, that names a place.
        let mut best: Option<(usize, Vec<Candidate>)> = None;
        let mut words = 0;
        let mut j = i;
        while j < n && words < MAX_WORDS {
            let t = s.token_text(doc_text, j);
            let inner = capitalised(t) || CONNECTORS.contains(&s.word(j)) || t == "'";
            if !inner || (j > i && s.word(j) == ",") {
                break;
            }
            if t.chars().next().is_some_and(char::is_alphabetic) {
                words += 1;
            }
            key.clear();
            normalise_into(&doc_text[s.tokens[i].start..s.tokens[j].end], &mut key);
            let found: Vec<Candidate> = gaz
                .lookup(&key)
                .filter(|c| !c.common || cued)
                .collect();
            if !found.is_empty() && capitalised(t) {
                best = Some((j + 1, found));
            }
            j += 1;
        }
        let Some((end, candidates)) = best else {
            i += 1;
            continue;
        };
        // Part of a longer name ("Paris Hilton", "Moscow Institute") or of
        // an actor that is no place ("New York Times").
        let next_capital = !all_caps_sentence
            && end < n
            && capitalised(s.token_text(doc_text, end))
            && !NOT_PLACES.contains(&s.word(end));
        if next_capital || not_place_actor(i, end) {
            i = end;
            continue;
        }
        let demonym = candidates.iter().all(|c| c.demonym);
        let candidates = if demonym {
            candidates
        } else {
            candidates.into_iter().filter(|c| !c.demonym).collect()
        };
        out.push(PlaceMention {
            tok: (i, end),
            span: Span::new(s.tokens[i].start, s.tokens[end - 1].end),
            candidates,
            demonym,
            place: None,
        });
        i = end;
    }
    unknown_names(doc_text, s, mentions, &mut out);
    out.sort_by_key(|p| p.tok);
    out
}

/// Names the gazetteer does not know, where the text says they are places:
/// "in the town of Sheykler", "in Al-Dawr", "near Tal Sha'rah".
fn unknown_names(
    doc_text: &str,
    s: &Sentence<'_>,
    mentions: &[Mention],
    out: &mut Vec<PlaceMention>,
) {
    let n = s.tokens.len();
    if s.is_title {
        return;
    }
    for i in 0..n {
        let w = s.word(i);
        if !matches!(
            w,
            "in" | "near" | "outside" | "around" | "across" | "throughout"
        ) {
            continue;
        }
        // "in (the) (northern) (town|city|… of) X"
        let mut j = i + 1;
        if matches!(s.word(j), "the" | "a") {
            j += 1;
        }
        if PLACE_NOUNS.contains(&s.word(j)) && s.word(j + 1) == "of" {
            j += 2;
        }
        let start = j;
        let mut end = j;
        while end < n
            && end - start < 4
            && (capitalised(s.token_text(doc_text, end))
                || (end > start && matches!(s.word(end), "-" | "'" | "al" | "el" | "ad")))
            && !NOT_PLACES.contains(&s.word(end))
        {
            end += 1;
        }
        while end > start && !capitalised(s.token_text(doc_text, end - 1)) {
            end -= 1;
        }
        if end == start {
            continue;
        }
        // Already a place, or an actor (a person, a group, a country).
        if out.iter().any(|p| p.tok.0 < end && start < p.tok.1)
            || mentions.iter().any(|m| m.tok.0 < end && start < m.tok.1)
        {
            continue;
        }
        // "in Washington Post" style: a capitalised word right after.
        out.push(PlaceMention {
            tok: (start, end),
            span: Span::new(s.tokens[start].start, s.tokens[end - 1].end),
            candidates: Vec::new(),
            demonym: false,
            place: None,
        });
    }
}

/// Chooses each place mention's candidate, with the whole document as
/// context.
pub(crate) fn resolve(gaz: &Gazetteer, places: &mut [Vec<PlaceMention>]) {
    // Context: the countries and divisions of unambiguous mentions, and
    // the countries named or adjectived, with how often.
    let mut countries: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut admin1: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for p in places.iter().flatten() {
        let mut own = p
            .candidates
            .iter()
            .map(|c| gaz.place(c.place))
            .map(|pl| pl.country.as_str());
        let first = own.next();
        if let Some(first) = first {
            if own.all(|c| c == first) {
                *countries.entry(first).or_default() += 1;
            }
        }
        if let [c] = p.candidates.as_slice() {
            let pl = gaz.place(c.place);
            if let Some(a) = &pl.admin1 {
                *admin1.entry(a.as_str()).or_default() += 1;
            }
        }
    }
    for p in places.iter_mut().flatten() {
        p.place = p
            .candidates
            .iter()
            .max_by(|a, b| {
                let (sa, sb) = (
                    score(gaz, a, &countries, &admin1),
                    score(gaz, b, &countries, &admin1),
                );
                sa.total_cmp(&sb).then(b.place.cmp(&a.place))
            })
            .map(|c| c.place);
    }
}

fn score(
    gaz: &Gazetteer,
    c: &Candidate,
    countries: &std::collections::HashMap<&str, u32>,
    admin1: &std::collections::HashMap<&str, u32>,
) -> f64 {
    let p = gaz.place(c.place);
    let feature = match p.feature {
        Feature::Country => 4.0,
        Feature::Capital => 3.0,
        Feature::Admin1 => 2.5,
        Feature::City => 0.0,
    };
    let population = (p.population.max(1) as f64).log10() * 0.5;
    let country = countries.get(p.country.as_str()).copied().unwrap_or(0);
    // A place's own mention counts once toward its country.
    let country = f64::from(country.saturating_sub(u32::from(p.feature == Feature::Country)));
    let in_division = p
        .admin1
        .as_deref()
        .and_then(|a| admin1.get(a))
        .map_or(0.0, |&k| f64::from(k));
    let divisions_named = if p.feature == Feature::Admin1 {
        // "Georgia" the US state when the document names US places.
        f64::from(countries.get(p.country.as_str()).copied().unwrap_or(0))
    } else {
        0.0
    };
    feature + population + 2.0 * country.min(3.0) + in_division.min(2.0) + divisions_named.min(2.0)
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

/// The place mention where the event at token `trigger` happened: a place
/// the trigger's parse attaches through a locative preposition (directly,
/// or through the nouns of its arguments: "killed people in the town of
/// X"), else a place after a locative preposition in the trigger's
/// comma-separated segment, nearest first.
pub(crate) fn event_place(
    s: &Sentence<'_>,
    parse: Option<&ParsedSentence<'_>>,
    places: &[PlaceMention],
    trigger: (usize, usize),
) -> Option<usize> {
    let eligible = |p: &PlaceMention| !p.demonym && (p.tok.1 <= trigger.0 || p.tok.0 >= trigger.1);
    if let Some(parse) = parse {
        let best = places
            .iter()
            .enumerate()
            .filter(|(_, p)| eligible(p))
            .filter_map(|(k, p)| attachment(parse, s, p, trigger).map(|d| (d, k)))
            .min_by_key(|&(d, k)| (d, places[k].tok.0.abs_diff(trigger.0)));
        if let Some((_, k)) = best {
            return Some(k);
        }
    }
    places
        .iter()
        .enumerate()
        .filter(|(_, p)| eligible(p) && p.tok.0 > 0)
        .filter(|(_, p)| cue(s, p.tok.0).is_some())
        .filter(|(_, p)| {
            let (lo, hi) = if p.tok.0 < trigger.0 {
                (p.tok.1, trigger.0)
            } else {
                (trigger.1, p.tok.0)
            };
            !(lo..hi).any(|i| matches!(s.word(i), "," | ";" | ":" | "--" | "—" | "(" | ")"))
                && hi - lo <= 12
        })
        .min_by_key(|(_, p)| p.tok.0.abs_diff(trigger.0))
        .map(|(k, _)| k)
}

/// The locative preposition before a place name at `i` ("in", "in the",
/// "in the town of"), if there is one.
fn cue(s: &Sentence<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    if j >= 2 && s.word(j - 1) == "of" && PLACE_NOUNS.contains(&s.word(j - 2)) {
        j -= 2;
    }
    if j >= 1 && matches!(s.word(j - 1), "the" | "a") {
        j -= 1;
    }
    (j >= 1 && LOCATIVE.contains(&s.word(j - 1)) && s.word(j - 1) != "on").then(|| j - 1)
}

/// Relations a place's path to the trigger may not cross: other clauses.
const CLAUSES: &[&str] = &[
    "acl",
    "acl:relcl",
    "advcl",
    "ccomp",
    "csubj",
    "parataxis",
    "xcomp",
    "conj",
    "list",
];

/// How far (in dependency edges) the place `p` hangs below the trigger
/// through a locative preposition; None when it does not.
fn attachment(
    parse: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    p: &PlaceMention,
    trigger: (usize, usize),
) -> Option<usize> {
    // The place's head: its word whose head lies outside it.
    let head = (p.tok.0..p.tok.1)
        .find(|&i| parse.head(i).is_none_or(|h| h < p.tok.0 || h >= p.tok.1))?;
    let on_trigger = |i: usize| (trigger.0..trigger.1).contains(&i);
    let mut located = false;
    let mut at = head;
    for depth in 1..=6 {
        let rel = parse.relation(at);
        if let Some(c) = parse.case_marker(at) {
            let case = s.word(c);
            if LOCATIVE.contains(&case) {
                located = true;
            } else if !matches!(case, "of" | "'s") && !located {
                // "from Moscow", "to Kyiv", "with Russia": not where.
                return None;
            }
        }
        let up = parse.head(at)?;
        if CLAUSES.contains(&rel) && !on_trigger(up) {
            return None;
        }
        if on_trigger(up) {
            return (located && !CLAUSES.contains(&rel)).then_some(depth);
        }
        at = up;
    }
    None
}

/// The output record of a place mention.
pub(crate) fn location(gaz: &Gazetteer, doc_text: &str, p: &PlaceMention) -> Location {
    let name = p.span.slice(doc_text).to_string();
    let name = if name.chars().all(|c| !c.is_lowercase()) {
        // A dateline in capitals: the gazetteer's spelling.
        p.place.map_or(name, |k| gaz.place(k).name.clone())
    } else {
        name
    };
    match p.place {
        Some(k) => {
            let pl = gaz.place(k);
            let division = match pl.feature {
                Feature::Admin1 => None,
                _ => pl.admin1.as_deref().and_then(|a| gaz.admin1(a)),
            };
            Location {
                name,
                geonames_id: Some(pl.geonames_id),
                lat: pl.lat,
                lon: pl.lon,
                country: Some(pl.country.clone()),
                admin1: match pl.feature {
                    Feature::Admin1 => Some(pl.name.clone()),
                    _ => division.map(|d| d.name.clone()),
                },
                admin1_code: pl.admin1.clone(),
                feature: Some(pl.feature.code().to_string()),
                span: Some(p.span),
            }
        }
        None => Location {
            name,
            span: Some(p.span),
            ..Location::default()
        },
    }
}

/// The places of a document, found and resolved.
#[derive(Debug, Default)]
pub(crate) struct DocumentPlaces {
    gaz: Option<&'static Gazetteer>,
    /// Per sentence, in order.
    pub sentences: Vec<Vec<PlaceMention>>,
    pub dateline: Option<PlaceMention>,
}

impl DocumentPlaces {
    pub fn new(
        doc: &dyad_model::Document,
        doc_text: &str,
        sentences: &[Sentence<'_>],
        mentions: &[Vec<Mention>],
    ) -> DocumentPlaces {
        let Ok(gaz) = Gazetteer::builtin() else {
            return DocumentPlaces::default();
        };
        let mut found: Vec<Vec<PlaceMention>> = sentences
            .iter()
            .enumerate()
            .map(|(k, s)| find(gaz, doc_text, s, mentions.get(k).map_or(&[], Vec::as_slice)))
            .collect();
        let mut dateline = dateline(gaz, doc_text, doc.body_offset());
        found.push(dateline.take().into_iter().collect());
        resolve(gaz, &mut found);
        let dateline = found.pop().and_then(|mut d| d.pop());
        DocumentPlaces {
            gaz: Some(gaz),
            sentences: found,
            dateline,
        }
    }

    /// The place in `s` where the event of the trigger at tokens
    /// `[trigger.0, trigger.1)` happened, if the sentence names it.
    pub fn location_at(
        &self,
        doc_text: &str,
        s: &Sentence<'_>,
        parse: Option<&ParsedSentence<'_>>,
        trigger: (usize, usize),
    ) -> Option<Location> {
        let gaz = self.gaz?;
        let places = self.sentences.get(s.index).map_or(&[][..], Vec::as_slice);
        let k = event_place(s, parse, places, trigger)?;
        Some(location(gaz, doc_text, &places[k]))
    }

    /// Every place named, resolved, in text order (demonyms left out).
    pub fn all(&self, doc_text: &str) -> Vec<Location> {
        let Some(gaz) = self.gaz else {
            return Vec::new();
        };
        self.dateline
            .iter()
            .chain(self.sentences.iter().flatten())
            .filter(|p| !p.demonym)
            .map(|p| location(gaz, doc_text, p))
            .collect()
    }

    /// Where the event found in `s` happened: the place its trigger's
    /// parse attaches (or the nearest place after a locative preposition in
    /// its segment), else a place actor the event stage saw after the
    /// trigger ("in the Kremlin"), else the dateline.
    pub fn event_location(
        &self,
        doc_text: &str,
        s: &Sentence<'_>,
        parse: Option<&ParsedSentence<'_>>,
        mentions: &[Mention],
        f: &crate::events::Found,
    ) -> Option<Location> {
        let gaz = self.gaz?;
        if let Some(l) = self.location_at(doc_text, s, parse, (f.trigger.start, f.trigger.end)) {
            return Some(l);
        }
        if let Some(m) = f.location.and_then(|k| mentions.get(k)) {
            return Some(Location {
                name: m.actor.text.trim_start_matches("the ").to_string(),
                country: m.actor.country.clone(),
                span: Some(s.span_of(m.tok.0, m.tok.1)),
                ..Location::default()
            });
        }
        self.dateline
            .as_ref()
            .map(|d| location(gaz, doc_text, d))
    }
}
