//! Place names in a sentence: the gazetteer's names, and the names the text
//! marks as places that the gazetteer lacks.

use dyad_lexicon::geo::{normalise_into, Candidate, Feature, Gazetteer, MAX_WORDS};
use dyad_model::Span;

use super::words::{
    not_a_place, ARTICLES, COMPASS, CONNECTORS, CUE_WORDS, FACILITIES, LOCATIVE, MONTHS,
    NAMED_FEATURES, PLACE_NOUNS, TERRITORIAL_FORMS,
};
use super::PlaceMention;
use crate::actors::Mention;
use crate::text::Sentence;

pub(super) fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a name may start at token `i`: a capital, or "al-" before one.
pub(super) fn starts_name(doc_text: &str, s: &Sentence<'_>, i: usize) -> bool {
    capitalised(s.token_text(doc_text, i))
        || (s.word(i + 1) == "-"
            && ARTICLES.contains(&s.word(i))
            && capitalised(s.token_text(doc_text, i + 2)))
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
        if !starts_name(doc_text, s, i) || not_a_place(s.word(i)) {
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
            // (the Gulf of the news is a region, the Persian Gulf's, not
            // Papua New Guinea's Gulf Province: a place of no country)
            let region = key == "gulf";
            let found: Vec<Candidate> = gaz
                .lookup(&key)
                .filter(|_| !region)
                .filter(|c| !c.common || cued)
                .filter(|c| !c.demonym || j == i)
                .filter(|c| known_spelling(gaz, c, &key))
                .filter(|c| all_caps_sentence || j > i || !is_acronym(t) || !small_town(gaz, c))
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
            && !not_a_place(s.word(end));
        // "Noor Jehan": the end of a longer name.
        let prev_capital = !all_caps_sentence
            && i > 0
            && capitalised(s.token_text(doc_text, i - 1))
            && !not_a_place(s.word(i - 1))
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
pub(super) fn known_spelling(gaz: &Gazetteer, c: &Candidate, key: &str) -> bool {
    if c.primary || c.demonym || key.contains(' ') {
        return true;
    }
    let p = gaz.place(c.place);
    p.population >= 100_000 || !matches!(p.feature, Feature::City)
}

/// A short word in capitals ("BLA", "SDF"): an acronym, not a town's name.
fn is_acronym(t: &str) -> bool {
    (2..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase())
}

/// A town or village under its own name: no acronym names it ("BLA" is
/// the Baloch Liberation Army, not Bla in Mali), where "UK" or "DRC", an
/// alternate name of a country, does.
fn small_town(gaz: &Gazetteer, c: &Candidate) -> bool {
    c.primary && matches!(gaz.place(c.place).feature, Feature::City)
}

/// Names the gazetteer does not know, where the text says they are places:
/// "in Al-Dawr", "near Tal Sha'rah", "the town of Sheykler", "Khanasir
/// town", "captured Badme".
pub(super) fn unknown_names(
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
            && !not_a_place(s.word(end))
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
            if start < i && !not_a_place(s.word(start)) {
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
                && !not_a_place(s.word(start - 1))
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
