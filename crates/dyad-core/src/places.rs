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
    "over",
    "through",
];

/// Nouns of settlements and areas: "the town of X", "X province".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "towns",
    "cities",
    "districts",
    "provinces",
    "neighbourhoods",
    "neighborhoods",
    "areas",
    "regions",
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

/// Every word that can start an unknown name's context: the cues of
/// `unknown_names` and the place and facility nouns (one hash look-up per
/// word instead of a scan of the lists).
static CUE_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<&str> = [
        "in",
        "near",
        "outside",
        "around",
        "across",
        "throughout",
        "through",
        "at",
    ]
    .iter()
    .chain(TERRITORIAL_FORMS)
    .chain(PLACE_NOUNS)
    .chain(FACILITIES)
    .chain(NAMED_FEATURES)
    .copied()
    .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// Capitalised nouns that end the name of a site or a natural feature the
/// gazetteer does not hold: "the Bardo Museum", "the Baliem Valley",
/// "Hongze Lake", "the Malacca Straits", "Atlantic Avenue".
const NAMED_FEATURES: &[&str] = &[
    "museum",
    "palace",
    "valley",
    "lake",
    "strait",
    "straits",
    "sea",
    "river",
    "island",
    "peninsula",
    "airport",
    "airbase",
    "bridge",
    "street",
    "avenue",
    "road",
    "square",
    "camp",
    "embassy",
    "hospital",
    "stadium",
    "mosque",
    "prison",
    "canal",
    "bay",
    "desert",
    "mountains",
    "hills",
    "heights",
];

/// Abbreviated months.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that may precede a place name in capitals ("East Jerusalem").
const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "greater", "downtown", "occupied", "in", "at", "near",
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
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "but",
    "and",
    "as",
    "if",
    "of",
    "for",
    "from",
    "with",
    "by",
    "during",
    "meanwhile",
    "earlier",
    "later",
];

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Arabic articles written in lower case before a hyphen ("al-Tijara").
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ez", "es",
];

/// Whether a name may start at token `i`: a capital, or "al-" before one.
fn starts_name(doc_text: &str, s: &Sentence<'_>, i: usize) -> bool {
    capitalised(s.token_text(doc_text, i))
        || (s.word(i + 1) == "-"
            && ARTICLES.contains(&s.word(i))
            && capitalised(s.token_text(doc_text, i + 2)))
}

/// Nouns whose "on" locates: "on the outskirts of Karachi".
const EDGES: &[&str] = &[
    "outskirts",
    "edge",
    "edges",
    "border",
    "frontier",
    "coast",
    "road",
    "highway",
    "street",
    "streets",
    "island",
    "bank",
    "front",
    "frontline",
    "outskirt",
    "side",
    "shore",
    "banks",
];

/// Verbs whose object or passive subject is the place itself: "captured
/// Badme", "patrolled the streets of Reynosa", "shelled the town".
const TERRITORIAL: &[&str] = &[
    "capture",
    "seize",
    "liberate",
    "recapture",
    "retake",
    "patrol",
    "shell",
    "bomb",
    "bombard",
    "attack",
    "storm",
    "raid",
    "enter",
    "overrun",
    "occupy",
    "besiege",
    "encircle",
    "invade",
    "destroy",
    "pound",
    "strike",
    "hit",
    "target",
    "control",
    "surround",
    "visit",
    "tour",
];

/// The inflected forms of [`TERRITORIAL`] verbs that may precede a place.
const TERRITORIAL_FORMS: &[&str] = &[
    "captured",
    "captures",
    "capturing",
    "seized",
    "seizes",
    "seizing",
    "liberated",
    "liberates",
    "liberating",
    "recaptured",
    "retook",
    "retaken",
    "patrol",
    "patrols",
    "patrolled",
    "patrolling",
    "shelled",
    "shelling",
    "bombed",
    "bombing",
    "bombarded",
    "attacked",
    "attacking",
    "stormed",
    "raided",
    "entered",
    "overran",
    "overrun",
    "occupied",
    "besieged",
    "encircled",
    "invaded",
    "destroyed",
    "pounded",
    "struck",
    "hit",
    "targeted",
    "controlled",
    "surrounded",
    "visited",
    "toured",
];

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
    // Inside the name of a person, an organisation or a medium ("New York
    // Times"); a country's forces ("Swaziland troops") do not count.
    let not_place_actor = |a: usize, b: usize| {
        mentions.iter().any(|m| {
            !m.place
                && m.actor.kb_id.is_some()
                && m.actor.kb_id != m.actor.country
                && m.tok.0 < b
                && a < m.tok.1
                && !(m.tok.0 >= a && m.tok.1 <= b)
        })
    };
    let mut i = 0;
    while i < n {
        if !starts_name(doc_text, s, i) || NOT_PLACES.contains(&s.word(i)) {
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
                .filter(|c| !c.demonym || j == i)
                .filter(|c| known_spelling(gaz, c, &key))
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
        // "Noor Jehan": the end of a longer name.
        let prev_capital = !all_caps_sentence
            && i > 0
            && capitalised(s.token_text(doc_text, i - 1))
            && !NOT_PLACES.contains(&s.word(i - 1))
            && !COMPASS.contains(&s.word(i - 1))
            && !LOCATIVE.contains(&s.word(i - 1));
        if next_capital || prev_capital || not_place_actor(i, end) {
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

/// Whether a name is one a small town is really known by: its own name, or
/// any name of several words; other one-word alternate names (many are
/// foreign spellings that are also English words or surnames: "Jehan" for
/// Ceyhan) count only for countries, divisions, capitals and cities of
/// 100,000 or more.
fn known_spelling(gaz: &Gazetteer, c: &Candidate, key: &str) -> bool {
    if c.primary || c.demonym || key.contains(' ') {
        return true;
    }
    let p = gaz.place(c.place);
    p.population >= 100_000 || !matches!(p.feature, Feature::City)
}

/// Names the gazetteer does not know, where the text says they are places:
/// "in Al-Dawr", "near Tal Sha'rah", "the town of Sheykler", "Khanasir
/// town", "captured Badme".
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
    // The end of the capitalised run of words starting at `start`.
    let run = |start: usize| {
        let mut end = start;
        while end < n
            && end - start < 5
            && (starts_name(doc_text, s, end)
                || (end > start && matches!(s.word(end), "-" | "'" | "/"))
                || (end > start && ARTICLES.contains(&s.word(end)) && s.word(end + 1) == "-"))
            && !NOT_PLACES.contains(&s.word(end))
        {
            end += 1;
        }
        while end > start && !capitalised(s.token_text(doc_text, end - 1)) {
            end -= 1;
        }
        end
    };
    let add = |start: usize, end: usize, out: &mut Vec<PlaceMention>| {
        // Acronyms ("MFO", "US") and abbreviated months ("Dec.") are no
        // place names.
        let acronym = (start..end).all(|i| {
            let t = s.token_text(doc_text, i);
            !t.chars().any(char::is_lowercase)
        });
        let month = end == start + 1 && MONTHS.contains(&s.word(start).trim_end_matches('.'));
        if end <= start
            || acronym
            || month
            || out.iter().any(|p| p.tok.0 < end && start < p.tok.1)
            || mentions.iter().any(|m| m.tok.0 < end && start < m.tok.1)
        {
            return;
        }
        out.push(PlaceMention {
            tok: (start, end),
            span: Span::new(s.tokens[start].start, s.tokens[end - 1].end),
            candidates: Vec::new(),
            demonym: false,
            place: None,
        });
    };
    for i in 0..n {
        let w = s.word(i);
        if CUE_WORDS.binary_search(&w).is_err() {
            continue;
        }
        let after_cue = matches!(
            w,
            "in" | "near" | "outside" | "around" | "across" | "throughout" | "through" | "at"
        ) || TERRITORIAL_FORMS.contains(&w);
        if after_cue {
            // "in (the) X", "captured X"
            let mut j = i + 1;
            if matches!(s.word(j), "the" | "a") {
                j += 1;
            }
            if !(j < n && PLACE_NOUNS.contains(&s.word(j))) {
                let end = run(j);
                add(j, end, out);
            }
        }
        // "the Bardo Museum", "Hongze Lake": a capitalised name ending in
        // the feature's own capitalised noun.
        if NAMED_FEATURES.contains(&w) && capitalised(s.token_text(doc_text, i)) {
            let mut start = i;
            while start > 0 && i - start < 4 && starts_name(doc_text, s, start - 1) {
                start -= 1;
            }
            if start < i && !NOT_PLACES.contains(&s.word(start)) {
                add(start, i + 1, out);
            }
        }
        let noun = (PLACE_NOUNS.contains(&w) || FACILITIES.contains(&w))
            && !capitalised(s.token_text(doc_text, i));
        if noun && s.word(i + 1) == "of" && i + 2 < n {
            // "the town of X", "the towns of X and Y"
            let end = run(i + 2);
            add(i + 2, end, out);
            if end > i + 2 && s.word(end) == "and" {
                let second = run(end + 1);
                add(end + 1, second, out);
            }
        }
        // "X town", "X province": the capitalised words before.
        if noun && i > 0 {
            let mut start = i;
            while start > 0
                && i - start < 4
                && (starts_name(doc_text, s, start - 1)
                    || matches!(s.word(start - 1), "-" | "'")
                    || ARTICLES.contains(&s.word(start - 1)))
                && !NOT_PLACES.contains(&s.word(start - 1))
            {
                start -= 1;
            }
            while start < i && !starts_name(doc_text, s, start) {
                start += 1;
            }
            // Not the adjective of "the Kurdish city of Arbil", "the
            // Industrial city of Gujrat": the place is named after "of".
            // Nor "the Jewish settlements", "the Kurdish neighbourhood".
            let ends = |ends: &[&str]| ends.iter().any(|end| s.word(start).ends_with(end));
            let adjective = start + 1 == i
                && (ends(&["ish", "ese", "ian", "ern"])
                    || (s.word(i + 1) == "of"
                        && starts_name(doc_text, s, i + 2)
                        && ends(&["an", "al", "ic", "i"])));
            if start < i && start > 0 && !adjective {
                add(start, i, out);
            }
        }
    }
}

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
    feature + population + 2.0 * country.min(3.0) + division.min(2.0) + named_with
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
/// X"), or as the object of a verb of taking or striking ("captured
/// Badme"); the most specific (a town before its province, a province
/// before its country), then the nearest in the tree, then in the text.
pub(crate) fn event_place(
    s: &Sentence<'_>,
    parse: Option<&ParsedSentence<'_>>,
    places: &[PlaceMention],
    trigger: (usize, usize),
    gaz: &Gazetteer,
) -> Option<usize> {
    let eligible = |p: &PlaceMention| {
        !p.demonym
            && (p.tok.1 <= trigger.0 || p.tok.0 >= trigger.1)
            && !premodifier(s, parse, gaz, p)
    };
    if let Some(parse) = parse {
        let captured = (trigger.0..trigger.1).any(|i| {
            parse
                .words
                .get(i)
                .is_some_and(|w| w.lemma.eq_ignore_ascii_case("capture"))
        });
        let attached = places
            .iter()
            .enumerate()
            .filter(|(_, p)| eligible(p))
            .filter_map(|(k, p)| attachment(parse, s, p, trigger).map(|d| (d, k)))
            .min_by_key(|&((d, located), k)| {
                (
                    // A name the gazetteer lacks that is only the object of
                    // "captured", who may be a person ("captured Saddam …
                    // in Tikrit"): after any place a preposition locates.
                    captured && d == 1 && places[k].place.is_none() && !located,
                    specificity(gaz, s, &places[k]),
                    d,
                    places[k].tok.0.abs_diff(trigger.0),
                )
            })
            .map(|(_, k)| k);
        if let Some(k) = attached {
            return Some(narrowest(s, places, k, gaz, eligible));
        }
    }
    // Else the nearest place of the sentence that may be where things
    // happen (see `salient`).
    places
        .iter()
        .enumerate()
        .filter(|(_, p)| eligible(p))
        .filter(|(_, p)| parse.is_none_or(|parse| salient(parse, s, gaz, p, trigger)))
        // of two as near, the one after the trigger, where adjuncts go
        .min_by_key(|(_, p)| (p.tok.0.abs_diff(trigger.0), p.tok.0 < trigger.0))
        .map(|(k, _)| narrowest(s, places, k, gaz, eligible))
}

/// Words that may join the places of one nested place phrase: "the Vedeno
/// region of southern Chechnya", "Iraq's northern Nineveh province",
/// "Lucciana, in upper Corsica".
const NESTING: &[&str] = &[
    ",",
    "'s",
    "'",
    "s",
    "of",
    "regional",
    "provincial",
    "in",
    "the",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "upper",
    "lower",
];

/// Whether a word marks a possessive: "'s", "'", or an "s" standing alone
/// where the apostrophe was lost in conversion ("in Syria   s western Hama
/// province"); read only where the parse made it a case marker or between
/// two places.
fn possessive_mark(w: &str) -> bool {
    matches!(w, "'s" | "'" | "s")
}

/// The most specific place of the nested place phrase around mention `k`
/// (a town before its province, a province before its country): the
/// places it names are one location, and the event is at the narrowest.
fn narrowest(
    s: &Sentence<'_>,
    places: &[PlaceMention],
    k: usize,
    gaz: &Gazetteer,
    eligible: impl Fn(&PlaceMention) -> bool,
) -> usize {
    let joined = |a: usize, b: usize| {
        b.saturating_sub(a) <= 5
            && (a..b).all(|i| {
                let w = s.word(i);
                NESTING.contains(&w) || PLACE_NOUNS.contains(&w)
            })
    };
    let mut best = k;
    let mut best_rank = specificity(gaz, s, &places[k]);
    // Outward from `k` in both directions, one joined neighbour at a time.
    let mut lo = places[k].tok;
    let mut hi = places[k].tok;
    for _ in 0..places.len() {
        let next = places.iter().enumerate().find(|(_, p)| {
            eligible(p)
                && ((p.tok.0 >= hi.1 && joined(hi.1, p.tok.0))
                    || (p.tok.1 <= lo.0 && joined(p.tok.1, lo.0)))
                && p.tok != lo
                && p.tok != hi
        });
        let Some((q, p)) = next else {
            break;
        };
        if p.tok.0 >= hi.1 {
            hi = p.tok;
        } else {
            lo = p.tok;
        }
        let rank = specificity(gaz, s, p);
        // Of two as specific, the inner one: the first of "the Vedeno
        // region of Chechnya" or "Lucciana, in Corsica", the second of
        // "Yala's Betong district".
        let (a, b) = (places[best].tok, p.tok);
        let (gap, later) = if b.0 >= a.1 {
            ((a.1, b.0), true)
        } else {
            ((b.1, a.0), false)
        };
        // the possessive of the earlier place itself, not of a third
        // ("the Baliem Valley, in Indonesia's province of Irian Jaya")
        let possessive = possessive_mark(s.word(gap.0));
        if rank < best_rank || (rank == best_rank && possessive == later) {
            best = q;
            best_rank = rank;
        }
    }
    best
}

/// Whether a place names the side or origin of a thing rather than a
/// place: "a U.S.-led raid", "Kurdish-controlled areas", "the US military
/// base", "a US drone strike" (a country after an article, before a noun
/// that is not a place noun: "the Syria border" is a place).
fn premodifier(
    s: &Sentence<'_>,
    parse: Option<&ParsedSentence<'_>>,
    gaz: &Gazetteer,
    p: &PlaceMention,
) -> bool {
    let next = p.tok.1;
    let Some(parse) = parse else {
        return false;
    };
    let upos = |i: usize| parse.words.get(i).map_or("", |w| w.upos);
    if s.word(next) == "-" && matches!(upos(next + 1), "VERB" | "ADJ") {
        return true;
    }
    // "Kurdish civilians", "Chechen towns": an adjective of a people.
    if p.tok.1 == p.tok.0 + 1 && upos(p.tok.0) == "ADJ" && parse.relation(p.tok.0) == "amod" {
        return true;
    }
    let country = p
        .place
        .is_some_and(|k| matches!(gaz.place(k).feature, Feature::Country));
    if !country || p.tok.0 == 0 || !matches!(s.word(p.tok.0 - 1), "a" | "an" | "the") {
        return false;
    }
    let noun = |i: usize| {
        let w = s.word(i);
        upos(i) == "NOUN"
            && !PLACE_NOUNS.contains(&w)
            && !EDGES.contains(&w)
            && !matches!(w, "war" | "conflict" | "fighting" | "campaign")
    };
    noun(next)
        || (upos(next) == "ADJ"
            && !matches!(
                s.word(next),
                "last" | "next" | "early" | "late" | "previous" | "past"
            )
            && noun(next + 1))
}

/// Whether the nominal at `i` lies inside a subject, below a noun: "the
/// foreign ministry in Tokyo said", "the head of the forces in Tabqa was
/// killed" describe the subject, not where the event happened.
fn subject_internal(parse: &ParsedSentence<'_>, i: usize) -> bool {
    subject_verb(parse, i).is_some()
}

/// The verb whose subject the nominal at `i` lies inside, below a noun
/// (see [`subject_internal`]).
fn subject_verb(parse: &ParsedSentence<'_>, i: usize) -> Option<usize> {
    let mut at = i;
    for _ in 0..parse.len() {
        let up = parse.head(at)?;
        if parse.words[up].upos == "VERB" || parse.words[up].upos == "AUX" {
            return (at != i && parse.relation(at) == "nsubj").then_some(up);
        }
        at = up;
    }
    None
}

/// Whether the case marker `c` of the nominal `at` locates: "in", "near",
/// …; "on" only before an edge ("on the outskirts of", not "sanctions on
/// Russia") or after an attack ("the attack on Ras al-Ain").
fn locative(parse: &ParsedSentence<'_>, s: &Sentence<'_>, c: usize, at: usize) -> bool {
    let case = s.word(c);
    LOCATIVE.contains(&case)
        && (case != "on"
            || EDGES.contains(&s.word(at))
            || (parse.head(at).is_some_and(|h| ATTACKS.contains(&s.word(h)))
                && !opposed(parse, s, at)))
}

/// Whether the nominal at `i` lies inside a phrase of opposition
/// ("protested against the attack on Iraq"): the target of what is
/// opposed, not where the event happened.
fn opposed(parse: &ParsedSentence<'_>, s: &Sentence<'_>, i: usize) -> bool {
    let mut at = i;
    for _ in 0..parse.len() {
        if parse
            .case_marker(at)
            .is_some_and(|c| s.word(c) == "against")
        {
            return true;
        }
        match parse.head(at) {
            Some(up) if !matches!(parse.words[up].upos, "VERB" | "AUX") => at = up,
            _ => return false,
        }
    }
    false
}

/// Nouns of attacks, whose "on" names where they struck: "the attack on
/// Ras al-Ain", "the siege on Manbij".
const ATTACKS: &[&str] = &[
    "attack",
    "attacks",
    "assault",
    "assaults",
    "raid",
    "raids",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "offensive",
    "siege",
    "bombardment",
    "shelling",
    "counterattack",
    "counter-attack",
];

/// Whether a place named in the sentence may be where things happen: not
/// a subject ("Australia took the bronze"), not governed by a preposition
/// of origin, goal or opposition ("a driver from Abidjan", "protested
/// against Libya"), not naming the nationality or home of a thing ("a U.S.
/// airstrike", "Seville fans", "Caracas' newspaper").
fn salient(
    parse: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    p: &PlaceMention,
    trigger: (usize, usize),
) -> bool {
    let Some(head) =
        (p.tok.0..p.tok.1).find(|&i| parse.head(i).is_none_or(|h| h < p.tok.0 || h >= p.tok.1))
    else {
        return false;
    };
    // "against the company and Libya": a conjunct takes the first's case.
    let mut head = head;
    while parse.words.get(head).is_some_and(|w| w.deprel == "conj")
        && parse.case_marker(head).is_none()
    {
        match parse.head(head) {
            Some(h) => head = h,
            None => break,
        }
    }
    let rel = parse.words.get(head).map_or("", |w| w.deprel);
    // "demonstrated Friday in Belgrade denouncing …": a place right after
    // a locative preposition the parse did not take as its case marker
    // (it made "in" a clause's mark and "Belgrade" its subject).
    if parse.case_marker(head).is_none()
        && p.tok.0 > 0
        && LOCATIVE.contains(&s.word(p.tok.0 - 1))
        && !matches!(s.word(p.tok.0 - 1), "on" | "over" | "off")
    {
        return true;
    }
    if let Some(c) = parse.case_marker(head) {
        // "forces in Afghanistan are capturing …", "Iraqis in Tikrit
        // demonstrated": the place of the trigger's own subject, when the
        // sentence names no better one; not "the ministry in Tokyo said".
        if let Some(v) = subject_verb(parse, head) {
            let own = (trigger.0..trigger.1).contains(&v);
            if !(own && matches!(s.word(c), "in" | "inside")) {
                return false;
            }
        }
        let case = s.word(c);
        if !(locative(parse, s, c, head) || case == "of" || possessive_mark(case)) {
            return false;
        }
        // "Steve Omischl of Canada": a person's country, not a place (but
        // "the Gulf of Guinea").
        let country = p
            .place
            .is_some_and(|k| matches!(gaz.place(k).feature, Feature::Country));
        let of_someone = |h: usize| {
            let w = s.word(h);
            parse.words[h].upos == "PROPN"
                && !NAMED_FEATURES.contains(&w)
                && !matches!(
                    w,
                    "gulf" | "republic" | "kingdom" | "isle" | "isles" | "coast"
                )
        };
        if case == "of" && country && parse.head(head).is_some_and(of_someone) {
            return false;
        }
        if possessive_mark(case) || rel == "nmod:poss" {
            // "Caracas' newspaper", but "Syria's Aleppo province".
            return parse
                .head(head)
                .is_some_and(|h| PLACE_NOUNS.contains(&s.word(h)) || EDGES.contains(&s.word(h)));
        }
        return true;
    }
    if subject_internal(parse, head) {
        return false;
    }
    match rel.split(':').next().unwrap_or("") {
        // The sides of an act, not its place: "accused Armenia".
        "nsubj" | "csubj" | "vocative" | "obj" | "iobj" => false,
        // "a Sofia restaurant", but "a U.S. airstrike".
        "compound" | "amod" | "nmod" => parse.head(head).is_some_and(|h| {
            PLACE_NOUNS.contains(&s.word(h))
                || EDGES.contains(&s.word(h))
                || FACILITIES.contains(&s.word(h))
        }),
        _ => true,
    }
}

/// Buildings and sites named after their place: "Heathrow airport".
const FACILITIES: &[&str] = &[
    "airport",
    "base",
    "palace",
    "square",
    "road",
    "avenue",
    "street",
    "bridge",
    "junction",
    "checkpoint",
    "crossing",
    "headquarters",
    "embassy",
    "hotel",
    "plant",
    "prison",
    "mosque",
    "church",
    "market",
    "stadium",
    "home",
    "peninsula",
    "river",
    "valley",
    "border",
    "airbase",
    "refinery",
    "port",
    "harbour",
    "harbor",
];

/// 0 for a name the gazetteer lacks (mostly villages and quarters), 1 for a
/// town, 2 for a division ("Homs province"), 3 for a country.
fn specificity(gaz: &Gazetteer, s: &Sentence<'_>, p: &PlaceMention) -> u8 {
    let division = matches!(
        s.word(p.tok.1),
        "province" | "region" | "governorate" | "state" | "county" | "countryside"
    );
    match p.place.map(|k| gaz.place(k).feature) {
        Some(Feature::Country) => 3,
        Some(Feature::Admin1) => 2,
        _ if division => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// Relations a place's path to the trigger may not cross: other clauses,
/// and subjects (a subject's modifiers describe it, not the event: "the
/// head of the forces in Tabqa was killed").
const CLAUSES: &[&str] = &[
    "acl",
    "acl:relcl",
    "advcl",
    "ccomp",
    "csubj",
    "csubj:pass",
    "parataxis",
    "xcomp",
    "conj",
    "list",
    "nsubj",
    "obl:agent",
    "vocative",
    "dislocated",
];

/// How far (in dependency edges) the place `p` hangs below the trigger
/// through a locative preposition (or as the object of a territorial
/// verb), and whether a locative preposition is on the way; None when it
/// does not hang there.
fn attachment(
    parse: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    p: &PlaceMention,
    trigger: (usize, usize),
) -> Option<(usize, bool)> {
    // The place's head: its word whose head lies outside it.
    let head =
        (p.tok.0..p.tok.1).find(|&i| parse.head(i).is_none_or(|h| h < p.tok.0 || h >= p.tok.1))?;
    // The trigger, and verbs conjoined to it ("was shot and left for dead
    // on the outskirts of Karachi").
    let on_trigger = |i: usize| {
        (trigger.0..trigger.1).contains(&i)
            || (parse.relation(i) == "conj"
                && parse.words[i].upos == "VERB"
                && parse
                    .head(i)
                    .is_some_and(|h| (trigger.0..trigger.1).contains(&h)))
    };
    let territorial = (trigger.0..trigger.1).any(|i| {
        TERRITORIAL.contains(&parse.words[i].lemma.to_ascii_lowercase().as_str())
            || TERRITORIAL_FORMS.contains(&s.word(i))
    });
    // A country naming the nationality of a thing ("a U.S. airstrike").
    let modifier = matches!(parse.relation(head), "compound" | "amod")
        && parse
            .head(head)
            .is_some_and(|h| !PLACE_NOUNS.contains(&s.word(h)) && !EDGES.contains(&s.word(h)))
        && p.place.is_some();
    let mut located = false;
    let mut at = head;
    for depth in 1..=7 {
        // The full relation, subtype included ("nsubj:pass", "acl:relcl").
        let rel = parse.words.get(at).map_or("", |w| w.deprel);
        if let Some(c) = parse.case_marker(at) {
            let case = s.word(c);
            if locative(parse, s, c, at) {
                located = true;
            } else if !(case == "of" || possessive_mark(case)) && !located {
                // "from Moscow", "to Kyiv", "with Russia": not where.
                return None;
            }
        }
        let up = parse.head(at)?;
        if on_trigger(up) {
            let object = territorial && matches!(rel, "obj" | "nsubj:pass" | "obl:unmarked");
            if modifier && depth == 1 {
                return None;
            }
            return ((located && !CLAUSES.contains(&rel)) || object).then_some((depth, located));
        }
        if CLAUSES.contains(&rel) {
            return None;
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
    /// The headline's place ("Witkoff Meets Putin in Moscow": a place after
    /// a locative preposition, index into `sentences[0]`) and the keys of
    /// the actors it names.
    headline: Option<(usize, Vec<String>)>,
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
        let headline = sentences.first().filter(|t| t.is_title).and_then(|t| {
            let k = found.first()?.iter().position(|p| {
                !p.demonym && p.tok.0 > 0 && matches!(t.word(p.tok.0 - 1), "in" | "at" | "near")
            })?;
            let keys = mentions.first()?.iter().map(|m| m.key.clone()).collect();
            Some((k, keys))
        });
        DocumentPlaces {
            gaz: Some(gaz),
            sentences: found,
            dateline,
            headline,
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
        let k = event_place(s, parse, places, trigger, gaz)?;
        Some(location(gaz, doc_text, &places[k]))
    }

    /// One line per place name of sentence `k`, for `dyad explain`.
    pub fn describe(&self, doc_text: &str, k: usize) -> Vec<String> {
        let Some(gaz) = self.gaz else {
            return Vec::new();
        };
        self.sentences
            .get(k)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|p| {
                let what = match p.place.map(|i| gaz.place(i)) {
                    Some(pl) => format!(
                        "{} {} {} (GeoNames {}; {} candidates)",
                        pl.name,
                        pl.feature.code(),
                        pl.country,
                        pl.geonames_id,
                        p.candidates.len()
                    ),
                    None => "not in the gazetteer".to_string(),
                };
                let kind = if p.demonym { " (demonym)" } else { "" };
                format!("{:?} {:?}{kind} → {what}", p.tok, p.span.slice(doc_text))
            })
            .collect()
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
        attribution: Option<(usize, usize)>,
    ) -> Option<Location> {
        let gaz = self.gaz?;
        // The place of whoever reports it is not the event's ("the ministry
        // in Tokyo said").
        let places: Vec<PlaceMention> = self
            .sentences
            .get(s.index)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|p| attribution.is_none_or(|(a, b)| p.tok.1 <= a || p.tok.0 >= b))
            .cloned()
            .collect();
        if let Some(k) = event_place(s, parse, &places, (f.trigger.start, f.trigger.end), gaz) {
            return Some(location(gaz, doc_text, &places[k]));
        }
        if let Some(m) = f.location.and_then(|k| mentions.get(k)) {
            return Some(Location {
                name: m.actor.text.trim_start_matches("the ").to_string(),
                country: m.actor.country.clone(),
                span: Some(s.span_of(m.tok.0, m.tok.1)),
                ..Location::default()
            });
        }
        // The headline's place, for the event the headline names: all its
        // actors are the headline's ("Witkoff Meets Putin in Moscow").
        let keys: Vec<&str> = f
            .actors
            .iter()
            .chain(&f.recipients)
            .filter_map(|&k| mentions.get(k))
            .map(|m| m.key.as_str())
            .collect();
        // A person or an organisation among them: countries are named
        // everywhere.
        let someone = f
            .actors
            .iter()
            .chain(&f.recipients)
            .filter_map(|&k| mentions.get(k))
            .any(|m| m.actor.kb_id.is_some() && m.actor.kb_id != m.actor.country);
        if let Some((k, named)) = &self.headline {
            if keys.len() >= 2 && someone && keys.iter().all(|key| named.iter().any(|n| n == key)) {
                if let Some(p) = self.sentences.first().and_then(|t| t.get(*k)) {
                    return Some(location(gaz, doc_text, p));
                }
            }
        }
        self.dateline.as_ref().map(|d| location(gaz, doc_text, d))
    }
}

#[cfg(test)]
mod tests {
    use dyad_model::{Document, Span};

    use crate::tests::doc;

    /// The place of the event whose trigger is the first `trigger` of the text.
    fn place_of(text: &str, trigger: &str) -> Option<dyad_model::Location> {
        let lex = dyad_lexicon::Lexicon::builtin().unwrap();
        let d = doc(None, text);
        let at = text.find(trigger).unwrap();
        crate::event_location(&d, lex, Span::new(at, at + trigger.len()))
    }

    fn ids(title: Option<&str>, text: &str) -> Vec<(String, Option<u64>)> {
        crate::places(&doc(title, text))
            .into_iter()
            .map(|l| (l.name, l.geonames_id))
            .collect()
    }

    #[test]
    fn the_narrowest_place_and_no_side_for_a_place() {
        let name = |text: &str, trigger: &str| place_of(text, trigger).map(|l| l.name);
        // A nested place phrase: the town or district, not its region.
        assert_eq!(
            name(
                "A blast destroyed a truck in the Vedeno region of southern Chechnya, killing three soldiers.",
                "killing"
            )
            .as_deref(),
            Some("Vedeno")
        );
        // A country naming the side of a thing is not where it happened.
        assert_eq!(
            name(
                "Five soldiers were killed near the US military base in Habbaniya.",
                "killed"
            )
            .as_deref(),
            Some("Habbaniya")
        );
        assert_eq!(
            name(
                "Two men were killed in a U.S.-led raid on Tuesday.",
                "killed"
            ),
            None
        );
        // "in" the parse took for a clause's mark still locates.
        assert_eq!(
            name(
                "Hundreds of students demonstrated Friday in Belgrade denouncing the vote.",
                "demonstrated"
            )
            .as_deref(),
            Some("Belgrade")
        );
    }

    #[test]
    fn paris_and_georgia_resolve_by_context() {
        // Alone, Paris is the French capital and Georgia the country.
        assert_eq!(
            ids(None, "Talks were held in Paris."),
            [("Paris".to_string(), Some(2988507))]
        );
        assert_eq!(
            ids(None, "Voters in Georgia went to the polls."),
            [("Georgia".to_string(), Some(614540))]
        );
        // With Texas and Dallas named, Paris is the Texan town.
        let texas = ids(
            None,
            "A storm hit Dallas and Houston in Texas. Roads in Paris were closed.",
        );
        assert!(
            texas.contains(&("Paris".to_string(), Some(4717560))),
            "{texas:?}"
        );
        // With Atlanta and Savannah named, Georgia is the US state.
        let us = ids(
            None,
            "Rallies were held in Atlanta and Savannah. Georgia votes on Tuesday.",
        );
        assert!(
            us.contains(&("Georgia".to_string(), Some(4197000))),
            "{us:?}"
        );
        // Old spellings: Kiev is Kyiv.
        assert_eq!(
            ids(None, "Shelling was reported in Kiev."),
            [("Kiev".to_string(), Some(703448))]
        );
    }

    #[test]
    fn the_event_happened_where_the_trigger_attaches() {
        let l = place_of("The envoy met the president in Moscow on Wednesday.", "met").unwrap();
        assert_eq!(l.name, "Moscow");
        assert_eq!(l.geonames_id, Some(524901));
        assert_eq!(l.country.as_deref(), Some("RUS"));
        assert_eq!(l.feature.as_deref(), Some("PPLC"));
        assert_eq!(l.admin1_code.as_deref(), Some("RU.48"));
        let l = place_of("Russia and Ukraine held talks in Istanbul.", "held").unwrap();
        assert_eq!(
            (l.name.as_str(), l.country.as_deref()),
            ("Istanbul", Some("TUR"))
        );
        // Where a minister flew from is not where the talks were.
        let l = place_of(
            "The minister, who flew in from Paris, met his counterpart in Cairo.",
            "met",
        )
        .unwrap();
        assert_eq!(l.name, "Cairo");
        // A place the gazetteer lacks, marked as one by the text.
        let l = place_of(
            "Rebels captured the village of Zorvan on Monday.",
            "captured",
        )
        .unwrap();
        assert_eq!((l.name.as_str(), l.geonames_id), ("Zorvan", None));
        // A nationality is no place; a sentence without a place has none.
        assert_eq!(place_of("U.S. troops fired on the crowd.", "fired"), None);
        assert_eq!(place_of("The talks ended without a deal.", "ended"), None);
    }

    #[test]
    fn subjects_possessives_and_captives() {
        let name = |text: &str, trigger: &str| place_of(text, trigger).map(|l| l.name);
        // The place of the trigger's own subject, but not of another verb's.
        assert_eq!(
            name(
                "Hundreds of students in Tikrit demonstrated on Friday.",
                "demonstrated"
            )
            .as_deref(),
            Some("Tikrit")
        );
        assert_eq!(
            name(
                "The ministry in Tokyo said that the guards patrolled the streets.",
                "patrolled"
            ),
            None
        );
        // An apostrophe lost in conversion still makes a possessive.
        assert_eq!(
            name("Many people were killed in Syria   s civil war.", "killed").as_deref(),
            Some("Syria")
        );
        assert_eq!(
            name(
                "Rebels attacked a checkpoint in Syria   s western Hama province.",
                "attacked"
            )
            .as_deref(),
            Some("Hama")
        );
        // An adjective of a people is no place.
        assert_eq!(
            name(
                "Four Kurdish civilians were killed in the attack.",
                "killed"
            ),
            None
        );
        // "on" after an attack names where it struck, unless it is opposed.
        assert_eq!(
            name(
                "Ten fighters were killed in the attack on Aleppo.",
                "killed"
            )
            .as_deref(),
            Some("Aleppo")
        );
        assert_eq!(
            name(
                "Students protested against the attack on Iraq.",
                "protested"
            ),
            None
        );
        // A person's country is not where the event happened.
        assert_eq!(
            name(
                "Ivan Petrov of Canada captured silver in the race.",
                "captured"
            ),
            None
        );
        // A site's own name, nested in its city, and a division's short name.
        assert_eq!(
            name(
                "Gunmen killed two guards at the Bardo Museum in Tunis.",
                "killed"
            )
            .as_deref(),
            Some("Bardo Museum")
        );
        assert_eq!(
            name(
                "A bomb was detonated in Dagestan's regional capital Makhachkala.",
                "detonated"
            )
            .as_deref(),
            Some("Makhachkala")
        );
        // A captive the gazetteer does not know is no place when one is named.
        assert_eq!(
            name(
                "Soldiers captured Zorvanov on Monday in Pakistan.",
                "captured"
            )
            .as_deref(),
            Some("Pakistan")
        );
    }

    #[test]
    fn the_dateline_places_events_without_a_place() {
        let lex = dyad_lexicon::Lexicon::builtin().unwrap();
        let d = doc(
            Some("Talks resume"),
            "KYIV (Reuters) - Ukraine accused Russia of breaking the truce on Tuesday.",
        );
        let coded = crate::code(&d, lex);
        let e = coded.events.first().expect("an ACCUSE event");
        let l = e.location.as_ref().expect("the dateline's place");
        assert_eq!(l.name, "Kyiv");
        assert_eq!(l.geonames_id, Some(703448));
        assert_eq!(
            &coded_text(&d)[l.span.unwrap().start..l.span.unwrap().end],
            "KYIV"
        );
    }

    fn coded_text(d: &Document) -> String {
        d.full_text()
    }

    #[test]
    fn no_input_panics() {
        for text in [
            "",
            " ",
            "(",
            "KYIV",
            "in",
            "In the town of",
            "Al-",
            "al - X",
            "São",
            "–– ’s",
        ] {
            let _ = crate::places(&doc(None, text));
            let _ = crate::places(&doc(Some(text), text));
            if !text.is_empty() {
                let lex = dyad_lexicon::Lexicon::builtin().unwrap();
                let _ = crate::event_location(&doc(None, text), lex, Span::new(0, text.len()));
                let _ = crate::event_location(
                    &doc(None, text),
                    lex,
                    Span::new(text.len(), text.len() + 5),
                );
            }
        }
    }
}
