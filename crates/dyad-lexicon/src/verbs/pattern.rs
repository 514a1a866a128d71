//! Translation of one PETRARCH pattern (`* (TO {BANNED PARTIES}) $`) into
//! the elements that follow the verb in a dyad pattern (`to .. banned
//! parties`).
//!
//! - `$` (source), `+` (target), `%` (compound actor) and `^` (skip a noun
//!   phrase) are dropped; an actor stands between what precedes and what
//!   follows, so the next word gets a gap.
//! - A noun (phrase) is preceded by `..` (PETRARCH's implicit gap: "imposed
//!   new sanctions" for `* SANCTIONS`); a preposition or particle (`with`,
//!   `on`, `to`, `out` …) follows the previous element directly, as do the
//!   later words of a `{…}` noun phrase, `_`-joined words and a word after
//!   an article.
//! - `&SYNSET` becomes `a|b|c` (with the plurals PETRARCH generates); each
//!   multi-word member becomes a row of its own. `A/B` becomes `a|b`.

use std::collections::BTreeMap;

use super::dictionary::Synset;

/// Why a pattern cannot be expressed in dyad's format.
pub(crate) mod reason {
    pub const NO_VERB: &str = "no verb marker `*`, or more than one";
    pub const BEFORE_VERB: &str = "words before the verb";
    pub const UNDEFINED_SYNSET: &str = "undefined synset";
    pub const CHARACTERS: &str = "a word with characters dyad's patterns cannot hold";
    pub const EXPLOSION: &str = "more than 64 rows from multi-word synset members";
}

/// The most rows one pattern may expand into.
const MAX_ROWS: usize = 64;

/// A synset ready for use: its one-word members (with plurals) and its
/// multi-word members.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Expanded {
    pub words: Vec<String>,
    pub phrases: Vec<Vec<String>>,
    /// Members dropped for characters dyad cannot match.
    pub dropped: Vec<String>,
}

/// The members of synset `name` as written, with those of the synsets it
/// names as members (`+&TIETYPES`) in their place, each with whether its
/// synset gets plurals; a synset already being expanded is skipped.
fn members<'s>(
    synsets: &'s BTreeMap<String, Synset>,
    name: &str,
    seen: &mut Vec<String>,
    out: &mut Vec<(&'s str, bool)>,
) -> Vec<String> {
    let mut dropped = Vec::new();
    let Some(s) = synsets.get(name) else {
        return dropped;
    };
    seen.push(name.to_string());
    for m in &s.members {
        match m.strip_prefix('&') {
            Some(inner) if synsets.contains_key(inner) => {
                // what the inner synset drops is reported with it
                if !seen.iter().any(|n| n == inner) {
                    members(synsets, inner, seen, out);
                }
            }
            Some(_) => dropped.push(m.clone()),
            None => out.push((m.as_str(), !s.no_plurals)),
        }
    }
    dropped
}

/// Expands every synset (see the module comment).
pub(crate) fn expand_synsets(synsets: &BTreeMap<String, Synset>) -> BTreeMap<String, Expanded> {
    let mut out = BTreeMap::new();
    for name in synsets.keys() {
        let mut e = Expanded::default();
        let mut all = Vec::new();
        e.dropped = members(synsets, name, &mut Vec::new(), &mut all);
        for (m, plurals) in all {
            let plural = plurals && !m.ends_with('_');
            let words: Vec<String> = m
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if words.is_empty() || !words.iter().all(|w| is_word(w)) {
                e.dropped.push(m.to_string());
                continue;
            }
            if let [w] = &words[..] {
                push_new(&mut e.words, w.clone());
                if plural {
                    if let Some(p) = plural_of(w) {
                        push_new(&mut e.words, p);
                    }
                }
            } else if !e.phrases.contains(&words) {
                e.phrases.push(words);
            }
        }
        out.insert(name.clone(), e);
    }
    // `&PREPOSIT1` names the synset labelled `&PREPOSIT1_` (the `_` only
    // says "no plurals"), unless one is labelled so.
    let bare: Vec<(String, Expanded)> = out
        .iter()
        .filter_map(|(n, e)| Some((n.strip_suffix('_')?.to_string(), e.clone())))
        .filter(|(n, _)| !n.is_empty() && !synsets.contains_key(n))
        .collect();
    out.extend(bare);
    out
}

fn push_new(v: &mut Vec<String>, w: String) {
    if !v.contains(&w) {
        v.push(w);
    }
}

/// The plural of a noun, or `None` when it looks plural already.
pub(crate) fn plural_of(w: &str) -> Option<String> {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('s') && !w.ends_with("ss") {
        return None;
    }
    if n >= 2 && b[n - 1] == b'y' && !matches!(b[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        return Some(format!("{}ies", &w[..n - 1]));
    }
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        return Some(format!("{w}es"));
    }
    Some(format!("{w}s"))
}

/// Adds to each noun that ends a phrase among a row's elements (a plain
/// word, no preposition or article, followed by a gap, a preposition or
/// nothing) its plural: `["..", "assurance", "from"]` → `["..",
/// "assurance|assurances", "from"]`, `["..", "air", "raid"]` → `["..",
/// "air", "raid|raids"]`.
pub(crate) fn with_plurals(elements: &mut [String]) {
    let plain = |e: &str| is_word(e) && !is_preposition(e) && !is_article(e);
    for i in 0..elements.len() {
        let ends_phrase = elements
            .get(i + 1)
            .is_none_or(|n| n == ".." || is_preposition(n));
        if !plain(&elements[i]) || !ends_phrase {
            continue;
        }
        if let Some(p) = plural_of(&elements[i]) {
            elements[i] = format!("{}|{p}", elements[i]);
        }
    }
}

/// A word dyad's pattern compiler accepts.
pub(crate) fn is_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().any(char::is_alphanumeric)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "above"
            | "across"
            | "after"
            | "against"
            | "along"
            | "alongside"
            | "amid"
            | "among"
            | "apart"
            | "around"
            | "as"
            | "aside"
            | "at"
            | "away"
            | "back"
            | "before"
            | "behind"
            | "below"
            | "beside"
            | "between"
            | "beyond"
            | "by"
            | "down"
            | "during"
            | "for"
            | "forward"
            | "from"
            | "in"
            | "inside"
            | "into"
            | "near"
            | "of"
            | "off"
            | "on"
            | "onto"
            | "out"
            | "outside"
            | "over"
            | "past"
            | "through"
            | "to"
            | "together"
            | "toward"
            | "towards"
            | "under"
            | "until"
            | "up"
            | "upon"
            | "via"
            | "with"
            | "within"
            | "without"
    )
}

fn is_article(w: &str) -> bool {
    matches!(w, "a" | "an" | "the")
}

/// A token without its brackets.
fn strip(t: &str) -> &str {
    t.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'))
}

/// One position of the pattern: a gap before it or not, and the word
/// sequences that may fill it (one for a word, several for a synset with
/// multi-word members).
struct Slot {
    gap: bool,
    options: Vec<Vec<String>>,
}

/// The elements after the verb for each row the pattern `body` gives, e.g.
/// `["..", "sanctions"]` for `* SANCTIONS`, preceded by the words before
/// the verb and a `>` element when it has some (`["heavily", "..",
/// ">"]` for `HEAVILY *`); an error names the reason the pattern cannot
/// be expressed. Words before the verb are an error unless `before_verb`.
pub(crate) fn translate(
    body: &str,
    synsets: &BTreeMap<String, Expanded>,
    before_verb: bool,
) -> Result<Vec<Vec<String>>, &'static str> {
    let tokens: Vec<&str> = body.split_whitespace().collect();
    let verbs: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].contains('*'))
        .collect();
    let [at] = verbs[..] else {
        return Err(reason::NO_VERB);
    };
    let is_marker = |t: &str| matches!(t, "$" | "+" | "%" | "^" | "");
    // The verb token itself: `*`, `**`, `*_LAWS`, `SPY_*_DEAL`.
    let verb = tokens[at];
    let star = verb.find('*').unwrap_or(0);
    let (before, after) = (&verb[..star], verb[star..].trim_start_matches('*'));
    // Words before the verb (`HEAVILY UNJUSTLY *`, `RECENTLY_*`): slots
    // before a `>` slot; a space is a gap, `_` joins.
    let mut slots: Vec<Slot> = Vec::new();
    let pre = tokens[..at]
        .iter()
        .copied()
        .chain((!before.is_empty()).then_some(before));
    for tok in pre {
        let core = strip(tok);
        for (pi, part) in split_parts(core, synsets).into_iter().enumerate() {
            if part.is_empty() || is_marker(part) {
                continue;
            }
            slots.push(Slot {
                gap: pi == 0 && !slots.is_empty(),
                options: word_options(part, synsets)?,
            });
        }
    }
    if !slots.is_empty() && !before_verb {
        return Err(reason::BEFORE_VERB);
    }
    if !slots.is_empty() {
        slots.push(Slot {
            gap: before.is_empty() || !before.ends_with('_'),
            options: vec![vec![">".into()]],
        });
    }
    let mut pending_gap = false;
    let mut after_article = false;
    let mut brace_depth = 0usize;
    let mut brace_first = false;
    let rest = std::iter::once(after).chain(tokens[at + 1..].iter().copied());
    for (ti, tok) in rest.enumerate() {
        let mut core = tok;
        while let Some(c) = core.strip_prefix(['(', '{']) {
            if core.starts_with('{') {
                brace_depth += 1;
                brace_first = true;
            }
            core = c;
        }
        let mut closes = 0;
        while let Some(c) = core.strip_suffix([')', '}']) {
            if core.ends_with('}') {
                closes += 1;
            }
            core = c;
        }
        let parts = split_parts(core, synsets);
        for (pi, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            if is_marker(part) {
                pending_gap = true;
                continue;
            }
            let joined = pi > 0 || (ti == 0 && !after.is_empty() && after.starts_with('_'));
            let options = word_options(part, synsets)?;
            let first = options[0][0].split('|').next().unwrap_or("");
            let attached = joined
                || (brace_depth > 0 && !brace_first)
                || after_article
                || (is_preposition(first) && !pending_gap);
            after_article = is_article(first);
            slots.push(Slot {
                gap: !attached,
                options,
            });
            pending_gap = false;
            brace_first = false;
        }
        brace_depth = brace_depth.saturating_sub(closes);
    }
    let count = slots
        .iter()
        .try_fold(1usize, |n, s| n.checked_mul(s.options.len()))
        .filter(|&n| n <= MAX_ROWS)
        .ok_or(reason::EXPLOSION)?;
    let mut rows = Vec::with_capacity(count);
    for k in 0..count {
        let mut row: Vec<String> = Vec::new();
        let mut rest = k;
        for s in &slots {
            let option = &s.options[rest % s.options.len()];
            rest /= s.options.len();
            if s.gap && row.last().is_none_or(|l| l != "..") {
                row.push("..".into());
            }
            row.extend(option.iter().cloned());
        }
        rows.push(row);
    }
    Ok(rows)
}

/// The words of a `_`-joined token; a synset's name stays whole
/// (`&AUX_`), else `&TIETYPES_MEMOS` is the synset then a word.
fn split_parts<'t>(core: &'t str, synsets: &BTreeMap<String, Expanded>) -> Vec<&'t str> {
    match core.strip_prefix('&') {
        Some(name) if synsets.contains_key(name) => vec![core],
        _ => core.split('_').collect(),
    }
}

/// The ways one pattern word can be filled: `WORD` → [["word"]];
/// `A/B` → [["a|b"]]; `&SET` → [["w1|w2"], ["multi", "word"], …].
fn word_options(
    word: &str,
    synsets: &BTreeMap<String, Expanded>,
) -> Result<Vec<Vec<String>>, &'static str> {
    if let Some(name) = word.strip_prefix('&') {
        let s = synsets.get(name).ok_or(reason::UNDEFINED_SYNSET)?;
        let mut options = Vec::new();
        if !s.words.is_empty() {
            options.push(vec![s.words.join("|")]);
        }
        options.extend(s.phrases.iter().cloned());
        if options.is_empty() {
            return Err(reason::UNDEFINED_SYNSET);
        }
        return Ok(options);
    }
    let alts: Vec<String> = word.split('/').map(str::to_lowercase).collect();
    if !alts.iter().all(|a| is_word(a)) {
        return Err(reason::CHARACTERS);
    }
    Ok(vec![vec![alts.join("|")]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verbs::dictionary::parse;

    fn synsets() -> BTreeMap<String, Expanded> {
        let d = parse("&CEASEFIRE\n+TRUCE\n+CEASE-FIRE\n+CEASE_FIRE\n&AUX_\n+IS\n+U.N.\n+IS_TO\n");
        expand_synsets(&d.synsets)
    }

    fn rows(body: &str) -> Result<Vec<String>, &'static str> {
        translate(body, &synsets(), true).map(|rs| rs.iter().map(|r| r.join(" ")).collect())
    }

    #[test]
    fn a_phrase_final_noun_gets_its_plural() {
        let mut row: Vec<String> = ["..", "air", "raid", "from"].map(String::from).to_vec();
        with_plurals(&mut row);
        assert_eq!(row, ["..", "air", "raid|raids", "from"]);
        let mut row: Vec<String> = ["..", "ties", "with"].map(String::from).to_vec();
        with_plurals(&mut row);
        assert_eq!(row, ["..", "ties", "with"]);
    }

    #[test]
    fn a_synset_member_can_be_a_synset() {
        let d = parse("&PACT\n+TRUCE\n+&AUX_\n+&PACT\n+&NONE\n&AUX_\n+IS\n+IS_TO\n");
        let s = expand_synsets(&d.synsets);
        assert_eq!(s["PACT"].words, ["truce", "truces", "is"]);
        assert_eq!(s["PACT"].phrases, [vec!["is".to_string(), "to".into()]]);
        assert_eq!(s["PACT"].dropped, ["&NONE"]);
        // `&AUX` names `&AUX_`
        assert_eq!(s["AUX"], s["AUX_"]);
        assert_eq!(rows("* &AUX").unwrap(), [".. is", ".. is to"]);
    }

    #[test]
    fn synsets_get_plurals_unless_marked() {
        let s = synsets();
        assert_eq!(
            s["CEASEFIRE"].words,
            ["truce", "truces", "cease-fire", "cease-fires"]
        );
        assert_eq!(
            s["CEASEFIRE"].phrases,
            [vec!["cease".to_string(), "fire".into()]]
        );
        assert_eq!(s["AUX_"].words, ["is"]);
        assert_eq!(s["AUX_"].dropped, ["U.N."]);
        assert_eq!(plural_of("city").as_deref(), Some("cities"));
        assert_eq!(plural_of("day").as_deref(), Some("days"));
        assert_eq!(plural_of("press").as_deref(), Some("presses"));
        assert_eq!(plural_of("troops"), None);
    }

    #[test]
    fn nouns_get_gaps_prepositions_do_not() {
        assert_eq!(rows("* SANCTIONS").unwrap(), [".. sanctions"]);
        assert_eq!(rows("* (TO BORDER)").unwrap(), ["to .. border"]);
        assert_eq!(
            rows("* POLICE (TO BORDER)").unwrap(),
            [".. police to .. border"]
        );
        assert_eq!(rows("* (TO A VOTE)").unwrap(), ["to .. a vote"]);
        assert_eq!(rows("* {REAL THREAT}").unwrap(), [".. real threat"]);
        assert_eq!(
            rows("* (AT {NEW SANCTIONS})").unwrap(),
            ["at .. new sanctions"]
        );
        assert_eq!(rows("* OUT VIEWS").unwrap(), ["out .. views"]);
        assert_eq!(rows("* {AIR_STRIKE})").unwrap(), [".. air strike"]);
        assert_eq!(rows("*_LAWS").unwrap(), ["laws"]);
        assert_eq!(rows("* (BY/WITH FORCE)").unwrap(), ["by|with .. force"]);
    }

    #[test]
    fn actors_are_dropped_and_leave_a_gap() {
        assert_eq!(rows("$ * +").unwrap(), [""]);
        assert_eq!(rows("* + (TO $)").unwrap(), [".. to"]);
        assert_eq!(rows("* &NEGOTIATION WITH +"), Err(reason::UNDEFINED_SYNSET));
        assert_eq!(
            rows("* (PEACE TALKS) WITH +").unwrap(),
            [".. peace .. talks with"]
        );
        assert_eq!(rows("* OFF (FROM ^)").unwrap(), ["off from"]);
    }

    #[test]
    fn synsets_expand_into_alternatives_and_rows() {
        assert_eq!(
            rows("* &CEASEFIRE").unwrap(),
            [".. truce|truces|cease-fire|cease-fires", ".. cease fire"]
        );
        assert_eq!(rows("* &NOPE"), Err(reason::UNDEFINED_SYNSET));
    }

    #[test]
    fn words_before_the_verb_come_before_a_marker() {
        assert_eq!(
            rows("&CEASEFIRE *").unwrap(),
            [
                "truce|truces|cease-fire|cease-fires .. >",
                "cease fire .. >"
            ]
        );
        assert_eq!(rows("SPY_*_DEAL").unwrap(), ["spy > deal"]);
        assert_eq!(rows("RECENTLY_*").unwrap(), ["recently >"]);
        assert_eq!(
            rows("HEAVILY UNJUSTLY * SANCTIONS").unwrap(),
            ["heavily .. unjustly .. > .. sanctions"]
        );
        assert_eq!(
            rows("SURELY_&CEASEFIRE_NOW * (TO BORDER)").unwrap(),
            [
                "surely truce|truces|cease-fire|cease-fires now .. > to .. border",
                "surely cease fire now .. > to .. border"
            ]
        );
        // actor markers alone before the verb are no words
        assert_eq!(rows("$ * +").unwrap(), [""]);
        assert_eq!(rows("% * WITH").unwrap(), ["with"]);
        // unless asked for, words before the verb are dropped
        let without = |b: &str| translate(b, &synsets(), false);
        assert_eq!(without("RECENTLY_*"), Err(reason::BEFORE_VERB));
        assert_eq!(without("HEAVILY * SANCTIONS"), Err(reason::BEFORE_VERB));
        assert_eq!(without("% * WITH").unwrap(), [vec!["with".to_string()]]);
    }

    #[test]
    fn a_synset_joined_to_a_word_is_split_from_it() {
        assert_eq!(
            rows("* &CEASEFIRE_TALKS").unwrap(),
            [
                ".. truce|truces|cease-fire|cease-fires talks",
                ".. cease fire talks"
            ]
        );
        assert_eq!(rows("* &AUX_").unwrap(), [".. is", ".. is to"]);
    }

    #[test]
    fn inexpressible_patterns_say_why() {
        assert_eq!(rows("SANCTIONS"), Err(reason::NO_VERB));
        assert_eq!(rows("* {U.N. TROOPS}"), Err(reason::CHARACTERS));
        assert_eq!(rows("$ * ++ ((( }}}"), Err(reason::CHARACTERS));
        assert_eq!(rows("$ * ((( }}} ^").unwrap(), [""]);
    }
}
