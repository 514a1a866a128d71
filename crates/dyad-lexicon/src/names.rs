//! Compiled matchers for the names of the actor base: proper names (case
//! sensitive) and role nouns (case insensitive), both found only at word
//! boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, Match, MatchKind};

use crate::entities::{Agent, Country, Media, Organisation, Person};
use crate::Error;

/// What a proper name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameRef {
    /// A country's name ("Russia").
    Country(u32),
    /// A country's adjective or demonym ("Russian", "U.S.").
    Adjective(u32),
    /// A capital used as a metonym ("Moscow").
    Capital(u32),
    /// A seat of government ("the Kremlin").
    Seat(u32),
    Organisation(u32),
    Media(u32),
    Person(u32),
}

/// A proper name found in a text, with everything it may stand for.
#[derive(Clone, Debug, PartialEq)]
pub struct NameHit<'l> {
    pub start: usize,
    pub end: usize,
    pub refs: &'l [NameRef],
}

/// A role noun found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgentHit {
    pub start: usize,
    pub end: usize,
    /// Index into the lexicon's agents.
    pub agent: u32,
}

#[derive(Debug)]
pub(crate) struct NameMatcher {
    names: AhoCorasick,
    refs: Vec<Vec<NameRef>>,
    agents: AhoCorasick,
    agent_ids: Vec<u32>,
}

impl NameMatcher {
    pub(crate) fn build(
        countries: &[Country],
        organisations: &[Organisation],
        media: &[Media],
        people: &[Person],
        agents: &[Agent],
    ) -> Result<NameMatcher, Error> {
        let mut table: std::collections::BTreeMap<String, Vec<NameRef>> = Default::default();
        let mut add = |s: &str, r: NameRef| {
            let s = s.trim();
            if s.chars().count() < 2 {
                return;
            }
            let mut put = |v: String| {
                let e = table.entry(v).or_default();
                if !e.contains(&r) {
                    e.push(r);
                }
            };
            // as written, and with the straight and curly apostrophes
            // swapped
            let mut put_quotes = |s: &str| {
                put(s.to_string());
                if s.contains('\'') {
                    put(s.replace('\'', "’"));
                }
                if s.contains('’') {
                    put(s.replace('’', "'"));
                }
            };
            put_quotes(s);
            // "Al-Shabab" is "al-Shabab" mid-sentence, "al-Hariri" is
            // "Al-Hariri" at the start of one: the other cases of its particles
            for v in particle_forms(s) {
                put_quotes(&v);
            }
        };
        for (i, c) in countries.iter().enumerate() {
            let i = i as u32;
            add(&c.name, NameRef::Country(i));
            c.names.iter().for_each(|n| add(n, NameRef::Country(i)));
            c.adjectives
                .iter()
                .for_each(|n| add(n, NameRef::Adjective(i)));
            c.capitals.iter().for_each(|n| add(n, NameRef::Capital(i)));
            c.seats.iter().for_each(|n| add(n, NameRef::Seat(i)));
        }
        for (i, o) in organisations.iter().enumerate() {
            let r = NameRef::Organisation(i as u32);
            // "May 15", "17 November": written as a date, a date
            for n in std::iter::once(&o.name)
                .chain(&o.aliases)
                .filter(|n| !is_date(n))
            {
                add(n, r);
                // "Unita" is also written "UNITA", "Hamas" "HAMAS".
                if let Some(caps) = acronym_form(n) {
                    add(&caps, r);
                }
            }
        }
        for (i, m) in media.iter().enumerate() {
            add(&m.name, NameRef::Media(i as u32));
            m.aliases
                .iter()
                .for_each(|n| add(n, NameRef::Media(i as u32)));
        }
        for (i, p) in people.iter().enumerate() {
            add(&p.name, NameRef::Person(i as u32));
            // A one-word alias that is a day or month ("Friday") is a false friend.
            p.aliases
                .iter()
                .filter(|n| !is_calendar_word(n))
                .for_each(|n| add(n, NameRef::Person(i as u32)));
        }
        let (patterns, refs): (Vec<String>, Vec<Vec<NameRef>>) = table.into_iter().unzip();
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| Error::Matcher(e.to_string()))?;

        let mut agent_table: std::collections::BTreeMap<String, u32> = Default::default();
        for (i, a) in agents.iter().enumerate() {
            let phrase = a.phrase.trim().to_lowercase();
            // Phrases cut before their object ("ambassador to", "embassy in")
            // would swallow the preposition of the sentence.
            let last = phrase.rsplit(' ').next().unwrap_or("");
            if phrase.len() < 2
                || matches!(
                    last,
                    "of" | "to" | "in" | "for" | "the" | "and" | "with" | "on" | "at" | "from"
                )
            {
                continue;
            }
            agent_table.entry(plural(&phrase)).or_insert(i as u32);
            agent_table.insert(phrase, i as u32);
        }
        let (agent_patterns, agent_ids): (Vec<String>, Vec<u32>) = agent_table.into_iter().unzip();
        let agents = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&agent_patterns)
            .map_err(|e| Error::Matcher(e.to_string()))?;
        Ok(NameMatcher {
            names,
            refs,
            agents,
            agent_ids,
        })
    }

    pub(crate) fn names<'l>(&'l self, text: &str) -> Vec<NameHit<'l>> {
        whole_words_but(&self.names, &one_line(text), begins_longer_name)
            .into_iter()
            .map(|m| NameHit {
                start: m.start(),
                end: m.end(),
                refs: &self.refs[m.pattern().as_usize()],
            })
            .collect()
    }

    pub(crate) fn agents(&self, text: &str) -> Vec<AgentHit> {
        whole_words_but(&self.agents, &one_line(text), ends_place_name)
            .into_iter()
            .map(|m| AgentHit {
                start: m.start(),
                end: m.end(),
                agent: self.agent_ids[m.pattern().as_usize()],
            })
            .collect()
    }
}

/// The days of the week and the months, lower-cased.
const DAYS_AND_MONTHS: [&str; 19] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
];

/// Whether a lower-cased word is a day of the week or a month: never a
/// name on its own.
pub fn is_day_or_month(lower: &str) -> bool {
    DAYS_AND_MONTHS.contains(&lower)
}

/// A day or month written as in prose ("Monday", not "MONDAY").
fn is_calendar_word(w: &str) -> bool {
    let w = w.trim();
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
        && DAYS_AND_MONTHS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Whether a name is written as a date: days or months, with numbers or
/// not ("May 15", "17 November").
fn is_date(name: &str) -> bool {
    let mut calendar = false;
    let all = name.split_whitespace().all(|w| {
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|o| w.strip_suffix(o))
            .unwrap_or(w);
        let number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        let word = is_calendar_word(w);
        calendar |= word;
        number || word
    });
    all && calendar
}

/// Whether `w` is a particle of names, written lower case mid-sentence and
/// capitalised at the start of one or by some writers ("al-Shabab" /
/// "Al-Shabab", "bin Salman", "de Gaulle", "van Rompuy"), before `sep`, a
/// space or a hyphen. Particles that are also English words ("ad", "as",
/// "an", "at") are particles only before a hyphen ("ad-Dawla", "as-Sahab").
fn is_particle(w: &str, sep: u8) -> bool {
    let b = w.as_bytes();
    if !(2..=5).contains(&b.len()) {
        return false;
    }
    let mut low = [0u8; 5];
    for (l, c) in low.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    match &low[..b.len()] {
        b"al" | b"el" | b"bin" | b"ibn" | b"bint" | b"ben" | b"de" | b"del" | b"della" | b"di"
        | b"da" | b"dos" | b"das" | b"du" | b"van" | b"von" | b"der" | b"den" | b"le" | b"la" => {
            true
        }
        b"ad" | b"adh" | b"an" | b"ar" | b"as" | b"ash" | b"at" | b"az" | b"ath" => sep == b'-',
        _ => false,
    }
}

/// The other ways of writing a name's particles: all in lower case ("Abd
/// Al-Aziz Al-Saud" → "Abd al-Aziz al-Saud"), and that with the first word
/// capitalised as at a sentence's start ("al-Shabab" → "Al-Shabab"). A word
/// is a particle only between other words and before a capitalised one.
/// Empty for names without particles; the name itself is left out. (All
/// particles capitalised, "Saad Al-Hariri", is left to the base's aliases:
/// it would add 2,280 patterns to the matcher.)
fn particle_forms(name: &str) -> Vec<String> {
    // most names have none: found without allocating
    let mut any = false;
    let mut from = 0;
    for (i, &c) in name.as_bytes().iter().enumerate() {
        if c == b' ' || c == b'-' {
            any |= is_particle(&name[from..i], c);
            from = i + 1;
        }
    }
    if !any {
        return Vec::new();
    }
    // the words with their separators: "Al-Shabab Al-Mujahideen" →
    // ["Al", "-", "Shabab", " ", "Al", "-", "Mujahideen"]
    let mut pieces: Vec<&str> = Vec::new();
    let mut from = 0;
    for (i, c) in name.char_indices() {
        if c == ' ' || c == '-' {
            pieces.push(&name[from..i]);
            pieces.push(&name[i..i + 1]);
            from = i + 1;
        }
    }
    pieces.push(&name[from..]);
    let is_particle = |k: usize| {
        let (w, sep, next) = match (pieces.get(k), pieces.get(k + 1), pieces.get(k + 2)) {
            (Some(w), Some(sep), Some(next)) => (*w, *sep, *next),
            _ => return false,
        };
        // lower case, or capitalised ("Al", not "AL")
        is_particle(w, sep.as_bytes()[0])
            && w.as_bytes()[1..].iter().all(u8::is_ascii_lowercase)
            && next.starts_with(|c: char| c.is_uppercase())
    };
    let particles: Vec<usize> = (0..pieces.len())
        .step_by(2)
        .filter(|&k| is_particle(k))
        .collect();
    if particles.is_empty() {
        return Vec::new();
    }
    let form = |cap: &dyn Fn(usize) -> bool| -> String {
        let mut out = String::with_capacity(name.len());
        for (k, p) in pieces.iter().enumerate() {
            if particles.contains(&k) {
                let lower = p.to_ascii_lowercase();
                if cap(k) {
                    out.push_str(&lower[..1].to_ascii_uppercase());
                    out.push_str(&lower[1..]);
                } else {
                    out.push_str(&lower);
                }
            } else {
                out.push_str(p);
            }
        }
        out
    };
    let mut out = Vec::new();
    for v in [form(&|_| false), form(&|k| k == 0)] {
        if v != name && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The capitals a one-word name written like a word ("Unita") also
/// appears in as an acronym ("UNITA"); `None` for other names.
fn acronym_form(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let first = chars.next()?;
    let rest = chars.clone().count();
    (first.is_ascii_uppercase() && (3..=7).contains(&rest) && chars.all(|c| c.is_ascii_lowercase()))
        .then(|| name.to_ascii_uppercase())
}

/// A regular English plural of the last word of a phrase.
fn plural(p: &str) -> String {
    if p.ends_with('s') || p.ends_with('x') || p.ends_with("ch") || p.ends_with("sh") {
        format!("{p}es")
    } else if let Some(stem) = p
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{p}s")
    }
}

/// `text` with its line breaks and tabs as spaces, so that a name or role
/// broken across the lines of hard-wrapped text ("U.S. Trade\nRepresentative")
/// is found; each is one byte, as a space is, so the matches' offsets
/// are those of `text`.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r', '\t']) {
        std::borrow::Cow::Owned(text.replace(['\n', '\r', '\t'], " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The leftmost-longest matches of `ac` in `text` that are whole words. A
/// match that is not ("commerce minist", a Phoenix stem, inside "commerce
/// minister") hides none after it: the search goes on from the next
/// character, where "minister" is found.
#[cfg(test)]
fn whole_words(ac: &AhoCorasick, text: &str) -> Vec<Match> {
    whole_words_but(ac, text, |_, _, _| false)
}

/// [`whole_words`], less the matches `reject(text, start, end)` refuses
/// (the search goes on from the next character, as after a match inside
/// a word).
fn whole_words_but(
    ac: &AhoCorasick,
    text: &str,
    reject: impl Fn(&str, usize, usize) -> bool,
) -> Vec<Match> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = ac.find(Input::new(text).range(at..)) {
        if at_word_boundary(text, m.start(), m.end()) && !reject(text, m.start(), m.end()) {
            out.push(m);
            at = m.end();
        } else {
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// "the West Bank", "the West African nation", "the Pentagon Papers": a
/// name written with "the" ("the West", "the Pentagon") followed by a
/// capitalised word is the start of a longer name (which may be found from
/// its second word: "West Bank").
fn begins_longer_name(text: &str, start: usize, end: usize) -> bool {
    let with_the = text[start..]
        .get(..4)
        .is_some_and(|t| t.eq_ignore_ascii_case("the "));
    let mut after = text[end..].chars();
    with_the && after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase)
}

/// "New York City", "Gaza City", "Helmand Province": a place word that
/// names people ("the city", CVL) written with a capital after a
/// capitalised word is the end of a place's name.
fn ends_place_name(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let place_word = ["city", "province", "town", "village"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w));
    let capital = word.starts_with(char::is_uppercase);
    let before = text[..start]
        .strip_suffix(' ')
        .and_then(|t| t.split(' ').next_back())
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    place_word && capital && before
}

/// Whether `text[start..end]` is not glued to letters or digits on either side.
fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // A name ending in a dot ("U.S.") may be followed by anything.
    !glued(before) && (text[..end].ends_with('.') || !glued(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_the_before_a_capitalised_word_begins_a_longer_one() {
        let t = "the West Bank and the West said";
        assert!(begins_longer_name(t, 0, 8));
        assert!(!begins_longer_name(t, 18, 26));
        assert!(begins_longer_name("The Pentagon Papers", 0, 12));
        // (only names written with "the")
        assert!(!begins_longer_name("West Bank", 0, 4));
    }

    #[test]
    fn a_capitalised_place_word_after_a_name_ends_a_place_name() {
        let t = "streets of New York City and the city";
        assert!(ends_place_name(t, 20, 24));
        assert!(!ends_place_name(t, 33, 37));
        assert!(ends_place_name("in Helmand Province", 11, 19));
        // (not at the start, nor after a lower-case word)
        assert!(!ends_place_name("City officials", 0, 4));
        assert!(!ends_place_name("the old City", 8, 12));
    }

    #[test]
    fn line_breaks_are_spaces_of_one_byte() {
        assert_eq!(
            one_line("U.S. Trade\nRepresentative\tsaid"),
            "U.S. Trade Representative said"
        );
        assert!(matches!(
            one_line("one line"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("envoy"), "envoys");
        assert_eq!(plural("militia"), "militias");
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("police"), "polices");
    }

    #[test]
    fn a_name_written_as_a_date_is_a_date() {
        assert!(is_date("May 15"));
        assert!(is_date("17 November"));
        assert!(is_date("June 4th"));
        assert!(!is_date(
            "May 15 Organization for the Liberation of Palestine"
        ));
        assert!(!is_date("Theresa May"));
        assert!(is_date("May"));
        assert!(!is_date("15"));
    }

    #[test]
    fn a_word_like_name_is_also_its_acronym() {
        assert_eq!(acronym_form("Unita").as_deref(), Some("UNITA"));
        assert_eq!(acronym_form("Hamas").as_deref(), Some("HAMAS"));
        // Short, long, already capitalised or several words: left alone.
        assert_eq!(acronym_form("Un"), None);
        assert_eq!(acronym_form("Hezbollahs"), None);
        assert_eq!(acronym_form("NATO"), None);
        assert_eq!(acronym_form("Red Cross"), None);
    }

    #[test]
    fn a_match_inside_a_word_hides_no_whole_word_after_it() {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(["commerce minist", "minister"])
            .unwrap();
        let text = "the Chinese commerce minister said";
        let found: Vec<&str> = whole_words(&ac, text)
            .iter()
            .map(|m| &text[m.start()..m.end()])
            .collect();
        assert_eq!(found, ["minister"]);
        // and a multi-byte letter after a rejected start is stepped over whole
        assert!(whole_words(&ac, "ğcommerce ministers").is_empty());
    }

    #[test]
    fn a_particle_is_written_in_either_case() {
        assert_eq!(particle_forms("Al-Shabab"), ["al-Shabab"]);
        assert!(particle_forms("Saad al-Hariri").is_empty());
        assert_eq!(particle_forms("Saad Al-Hariri"), ["Saad al-Hariri"]);
        assert_eq!(
            particle_forms("Abd Al Aziz Bin Fahd"),
            ["Abd al Aziz bin Fahd"]
        );
        assert_eq!(particle_forms("al-Qaeda in Iraq"), ["Al-Qaeda in Iraq"]);
        assert_eq!(particle_forms("De Gaulle"), ["de Gaulle"]);
        assert_eq!(particle_forms("van Rompuy"), ["Van Rompuy"]);
        // "ad" is a particle only before a hyphen; a last word, or one
        // before a lower-case word, is no particle
        assert!(particle_forms("Ad Hoc Committee").is_empty());
        assert!(particle_forms("Bank of Van").is_empty());
        assert!(particle_forms("de facto").is_empty());
        assert!(particle_forms("Islamic State").is_empty());
    }

    #[test]
    fn boundaries() {
        assert!(at_word_boundary("Iran's", 0, 4));
        assert!(!at_word_boundary("Iranian", 0, 4));
        assert!(!at_word_boundary("Indiana", 0, 5));
        assert!(at_word_boundary("U.S.-led", 0, 4));
    }
}
