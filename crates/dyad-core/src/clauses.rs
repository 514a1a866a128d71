//! The clause stage: what a flat token sequence says about structure —
//! conditional clauses, attributions ("the Kremlin announced that",
//! "according to TASS") and the boundaries an argument search may not cross.
//! (A stand-in until the dependency parse of the syntax core is wired in.)

use crate::actors::Mention;
use crate::text::{is_quote, Sentence};

/// What the clause stage found in a sentence.
#[derive(Debug, Default)]
pub(crate) struct Clauses {
    /// Token range of an "if"/"unless" clause.
    pub condition: Option<(usize, usize)>,
    /// The mention an attribution names, and the words it was found by.
    pub attribution: Option<(usize, (usize, usize))>,
    /// Mentions that are not arguments of events (the attributing source).
    pub excluded: Vec<usize>,
}

const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "announced",
    "announces",
    "announce",
    "stated",
    "states",
    "reported",
    "reports",
    "told",
    "tells",
    "claimed",
    "claims",
    "added",
    "adds",
    "confirmed",
    "confirms",
    "noted",
    "notes",
    "wrote",
    "writes",
    "explained",
    "disclosed",
    "revealed",
    "acknowledged",
];

/// Whether token `i` is a reporting verb ("said", "announced").
pub(crate) fn is_reporting(s: &Sentence<'_>, i: usize) -> bool {
    REPORTING.contains(&s.word(i))
}

/// A token no argument search crosses.
pub(crate) fn is_boundary(s: &Sentence<'_>, i: usize) -> bool {
    let w = s.word(i);
    if is_quote(w) && w != "'" {
        return true;
    }
    match w {
        ";" | ":" | "(" | ")" | "—" | "–" | "that" | "which" | "whom" | "whose" | "where"
        | "while" | "whereas" | "but" | "because" | "although" | "though" | "if" | "unless"
        | "whether" | "when" => true,
        "and" | "or" => i > 0 && s.word(i - 1) == ",",
        _ => false,
    }
}

/// A boundary that also ends the complement of a directive ("demanded that
/// …"): a new clause with its own subject.
pub(crate) fn is_hard_boundary(s: &Sentence<'_>, i: usize) -> bool {
    matches!(
        s.word(i),
        ";" | "but" | "while" | "whereas" | "although" | "though" | "because"
    ) || (matches!(s.word(i), "and" | "but") && i > 0 && s.word(i - 1) == ",")
}

pub(crate) fn analyse(s: &Sentence<'_>, mentions: &[Mention]) -> Clauses {
    let mut c = Clauses::default();
    let n = s.words.len();
    // "If Moscow does not agree …, Trump threatened …"
    if let Some(k) = (0..n).find(|&k| matches!(s.word(k), "if" | "unless")) {
        let end = (k + 1..n).find(|&j| s.word(j) == ",").unwrap_or(n);
        c.condition = Some((k, end));
    }
    let mention_ending_at = |end: usize| mentions.iter().position(|m| m.tok.1 == end);
    let mention_starting_at = |start: usize| mentions.iter().position(|m| m.tok.0 == start);
    // "according to TASS"
    for k in 0..n.saturating_sub(2) {
        if s.word(k) == "according" && s.word(k + 1) == "to" {
            // Skip a determiner and modifiers: "according to the Russian
            // state news agency TASS", "according to local officials".
            let found = (k + 2..(k + 6).min(n))
                .take_while(|&j| !is_boundary(s, j) && s.word(j) != ",")
                .find_map(mention_starting_at);
            if let Some(m) = found {
                c.attribution = Some((m, (k, mentions[m].tok.1)));
                c.excluded.push(m);
                return c;
            }
        }
    }
    // "the Kremlin announced that …", "…, Trump said."
    for i in 0..n {
        if !is_reporting(s, i) {
            continue;
        }
        // Allow auxiliaries and adverbs between the source and the verb.
        let mut j = i;
        while j > 0 && (crate::text::is_auxiliary(s.word(j - 1)) || s.word(j - 1).ends_with("ly")) {
            j -= 1;
        }
        if let Some(m) = mention_ending_at(j) {
            if !mentions[m].possessive {
                // "relief officials in Nairobi said": the speaker is the
                // noun the place's phrase hangs on, when that is a mention.
                let t = mentions[m].tok.0;
                let head = (t >= 2 && matches!(s.word(t - 1), "in" | "from" | "at"))
                    .then(|| mention_ending_at(t - 1))
                    .flatten()
                    .filter(|&h| !mentions[h].possessive);
                let speaker = head.unwrap_or(m);
                c.attribution = Some((speaker, (mentions[speaker].tok.0, i + 1)));
                c.excluded.push(speaker);
                if speaker != m {
                    c.excluded.push(m);
                }
                // "a spokesman told Reuters": whom it was told to is no side
                if matches!(s.word(i), "told" | "tells") {
                    c.excluded.extend(mention_starting_at(i + 1));
                }
                return c;
            }
        }
        // "The Syrian Observatory for Human Rights, a UK-based group that
        // tracks the war, said …": the name before an apposition.
        // (a noun phrase: not "Baker, *defending* the strategy, said",
        // "Businessmen, who met Lusinchi, opposed the rise, saying")
        if i >= 2 && s.word(i - 1) == "," && s.word(i) != "saying" {
            let open = (i.saturating_sub(16)..i - 1)
                .rev()
                .take_while(|&j| !matches!(s.word(j), ";" | ":" | "(" | ")" | "\"" | "“" | "”"))
                .find(|&j| s.word(j) == ",");
            let noun_phrase = open.is_some_and(|j| {
                matches!(
                    s.word(j + 1),
                    "a" | "an" | "the" | "its" | "his" | "her" | "their"
                )
            });
            if let Some(m) = open.filter(|_| noun_phrase).and_then(mention_ending_at) {
                if !mentions[m].possessive && mentions[m].actor.cameo.is_some() {
                    c.attribution = Some((m, (mentions[m].tok.0, i + 1)));
                    c.excluded.push(m);
                    return c;
                }
            }
        }
        // "…, said the Kremlin." (not a gerund, whose subject is before
        // it: "…, *saying* the Kurds in the SDF are …")
        let gerund = s.word(i).ends_with("ing");
        if let Some(m) = mention_starting_at(i + 1).or_else(|| {
            matches!(s.word(i + 1), "the")
                .then(|| mention_starting_at(i + 2))
                .flatten()
        }) {
            if i > 0 && s.word(i - 1) == "," && !gerund {
                c.attribution = Some((m, (i, mentions[m].tok.1)));
                c.excluded.push(m);
                return c;
            }
        }
    }
    c
}
