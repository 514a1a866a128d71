//! Conversion of PETRARCH2's verb dictionary (`CAMEO.2.0.txt`, MIT, Open
//! Event Data Alliance) into rows of dyad's trigger format
//! (`data/triggers.tsv`), with PLOVER types from the PLOVER project's
//! CAMEO → PLOVER table. `data/CAMEO-VERBS.md` states the rules; in short:
//!
//! - each verb with a code gives a `verb+` row (explicit forms such as
//!   `speed+|sped` where dyad's inflector does not generate PETRARCH's);
//! - each pattern gives a row whose first element is the verbs of its block
//!   (`rush+|speed+|sped`; a multi-word verb such as `call+ off` gets rows
//!   of its own), then the pattern's words (see [`pattern`]); a verb listed
//!   in two blocks belongs to the first, as in PETRARCH; words before the
//!   verb come before a `>` ([`Sources::words_before_verb`]);
//! - a pattern of a public statement (CAMEO 01x, no PLOVER type) becomes a
//!   `block` row, which codes nothing but keeps a less specific pattern
//!   from reading the phrase; other codes without a PLOVER type (02x),
//!   `[---]` and patterns the format cannot express are dropped and counted
//!   in the [`Report`];
//! - rows are unique by pattern (the longer code wins) and sorted.
//!
//! The conversion is deterministic and never fails: unreadable lines are
//! reported as `file:line: reason`.

use std::collections::{BTreeMap, BTreeSet};

mod dictionary;
mod pattern;
mod plover;
mod report;

pub use report::Report;

use crate::inflect::Inflector;
use crate::tsv;

/// The columns of the generated file: those of `triggers.tsv`, then the
/// line of the dictionary the row comes from.
pub const HEADER: &str = "pattern\tevent\tmode\tcameo\tcontexts\tframe\tsource";

/// The texts to convert, with the file names used in `source` cells and
/// problem reports.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    /// PETRARCH2's verb dictionary (`CAMEO.2.0.txt`).
    pub dictionary: &'a str,
    pub dictionary_name: &'a str,
    /// The PLOVER project's `CAMEO2PLOVER-2021.txt`.
    pub plover: &'a str,
    pub plover_name: &'a str,
    /// Keep codes the PLOVER table has no type for, and codes with a letter
    /// (`[174K]`), as PETRARCH does: a dictionary's code is an opaque label
    /// it writes out unchanged. They get the placeholder type
    /// [`UNMAPPED_EVENT`]. Off for CAMEO.2.0.txt, whose 01x and 02x codes
    /// PLOVER leaves out on purpose; on for dictionaries with test-only codes
    /// (PETRARCH's unit tests: `[901]`, `[345]`, `[023]`).
    pub keep_unmapped: bool,
    /// Convert patterns with words before the verb (`HEAVILY *`,
    /// `&NEGATVAUXVRB * OVER EFFORTS`) into rows with `>`, as PETRARCH
    /// matches them; otherwise they are dropped. Off for CAMEO.2.0.txt
    /// (see CAMEO-VERBS.md), on for PETRARCH's unit-test dictionary.
    pub words_before_verb: bool,
}

/// The PLOVER type of a kept code that the table does not map (see
/// [`Sources::keep_unmapped`]): one that dyad neither recodes as an
/// announced intent nor reads a complement clause of, so the code's
/// pattern is coded as written.
pub const UNMAPPED_EVENT: &str = "MOBILIZE";

/// One generated trigger row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbRow {
    pub pattern: String,
    pub event: String,
    pub mode: String,
    pub cameo: String,
    pub contexts: Vec<String>,
    /// The dictionary line it comes from.
    pub line: usize,
    /// A reverse-direction code (`[:CODE]`): the subject is the event's
    /// recipient ("received assurances *from* X": X assures the subject).
    pub reverse: bool,
    /// A `block` row: a phrase PETRARCH codes as a public statement (CAMEO
    /// 01x, which PLOVER leaves out), kept so that the phrase is not read
    /// by a less specific pattern that codes something.
    pub block: bool,
}

/// The converted rows (sorted by pattern, unique) and the report.
#[derive(Clone, Debug)]
pub struct Import {
    pub rows: Vec<VerbRow>,
    pub report: Report,
    dictionary_name: String,
}

impl Import {
    /// The rows as a TSV file in the format of `triggers.tsv`, with a
    /// `source` column and a header comment naming `command`, the command
    /// that regenerates it.
    pub fn to_tsv(&self, command: &str) -> String {
        let mut out = String::with_capacity(self.rows.len() * 64);
        out.push_str(HEADER);
        out.push('\n');
        out.push_str(&format!(
            "# Generated from PETRARCH2's {} (MIT, (c) Open Event Data Alliance) and the PLOVER\n\
             # project's CAMEO2PLOVER-2021.txt (CC BY-SA 4.0) by `{command}`.\n\
             # Do not edit: see CAMEO-VERBS.md.\n",
            self.dictionary_name
        ));
        for r in &self.rows {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}:{}\n",
                r.pattern,
                r.event,
                r.mode,
                r.cameo,
                r.contexts.join("|"),
                if r.block {
                    "block"
                } else if r.reverse {
                    "reverse"
                } else {
                    "verb"
                },
                self.dictionary_name,
                r.line
            ));
        }
        out
    }
}

/// Converts the dictionary (see the module documentation).
pub fn import(s: &Sources<'_>) -> Import {
    let mut report = Report::default();
    let dict = dictionary::parse(s.dictionary);
    let table = plover::parse(s.plover);
    for (line, why) in &dict.problems {
        report
            .problems
            .push(format!("{}:{line}: {why}", s.dictionary_name));
    }
    for (line, why) in &table.problems {
        report
            .problems
            .push(format!("{}:{line}: {why}", s.plover_name));
    }
    let inflector = Inflector::load(IRREGULAR).unwrap_or_else(|e| {
        report.problems.push(e.to_string());
        Inflector::default()
    });
    let irregular = first_column("irregular-verbs.tsv", IRREGULAR, "base", &mut report);
    let goldstein = first_column("goldstein.tsv", GOLDSTEIN, "cameo", &mut report);
    let unmapped = s.keep_unmapped.then(|| plover::Mapping {
        event: UNMAPPED_EVENT.into(),
        mode: String::new(),
        contexts: Vec::new(),
    });
    let synsets = pattern::expand_synsets(&dict.synsets);
    for (name, e) in &synsets {
        for m in &e.dropped {
            report.problems.push(format!(
                "{}: synset &{name}: member {m:?} dropped (characters dyad's patterns cannot hold)",
                s.dictionary_name
            ));
        }
    }
    report.synsets = dict.synsets.len();
    report.blocks = dict.blocks.len();
    if !dict.transformations.is_empty() {
        report.dropped.insert(
            "transformation: verb transformations (`~`) are not supported".into(),
            dict.transformations.len(),
        );
    }

    let mut rows = Rows::default();
    let mut seen = BTreeSet::new();
    for block in &dict.blocks {
        // each usable verb's words and the pattern element it became
        let mut named: Vec<(String, String)> = Vec::new();
        for v in &block.verbs {
            report.verbs += 1;
            if !seen.insert(v.words.join(" ")) {
                report.drop("verb", "listed before (PETRARCH keeps its first block)");
                continue;
            }
            let element = match verb_elements(v, &inflector, &irregular, s, &mut report) {
                Ok(e) => e,
                Err(why) => {
                    report.drop("verb", why);
                    continue;
                }
            };
            match map_code(&v.code, &table, unmapped.as_ref(), &mut report) {
                Ok(m) if m.reverse => report.drop("verb", "reverse-direction code of a verb"),
                Ok(m) => rows.add(element.clone(), m, v.line, true, &mut report),
                Err(why) => report.drop("verb", why),
            }
            named.push((v.words.join(" "), element));
        }
        let verbs: Vec<&String> = named.iter().map(|(_, e)| e).collect();
        // The block's one-word verbs as one element, each multi-word verb
        // on its own: the first elements of the block's pattern rows.
        let (single, multi): (Vec<&String>, Vec<&String>) =
            verbs.iter().copied().partition(|v| !v.contains(' '));
        let mut groups: Vec<String> = multi.into_iter().cloned().collect();
        if !single.is_empty() {
            let joined: Vec<&str> = single.iter().map(|v| v.as_str()).collect();
            groups.insert(0, joined.join("|"));
        }
        for p in &block.patterns {
            report.patterns += 1;
            let mut mapping = match map_code(&p.code, &table, unmapped.as_ref(), &mut report) {
                Ok(m) => m,
                Err(why) => match block_code(&p.code, why) {
                    Some(m) => m,
                    None => {
                        report.drop("pattern", why);
                        continue;
                    }
                },
            };
            // `- * &WEAPON [072] # RECEIVE` beside `- * TANKS [:072] #
            // RECEIVE`: a subject that receives aid or backing does not give
            // it, so a forward code of endorsement or aid (05x, 07x) on a
            // receiving verb is read as the reverse-direction code the lines
            // beside it give ("Ukraine received weapons from the United
            // States" is the United States' aid). Not where the verb sends
            // something on (`- * &FOOD (TO) [073] # GET`).
            if received_forward(p, &mapping) {
                mapping.reverse = true;
            }
            // A reverse-direction code is kept only for the verb its
            // comment names, and only for verbs whose subject plainly
            // receives what the pattern names ("received assurances",
            // "faces pressure", "died in an airstrike"), not for the
            // block's synonyms ("meet … in charge") nor for a stance
            // ("welcomed the withdrawal").
            let only: Option<&String> = if mapping.reverse {
                match p.comment_verb.as_deref() {
                    Some(c) if REVERSED_VERBS.contains(&c) => {
                        match named.iter().find(|(words, _)| words == c) {
                            Some((_, element)) => Some(element),
                            None => {
                                report.drop(
                                    "pattern",
                                    "reverse-direction code: its verb is not in its block",
                                );
                                continue;
                            }
                        }
                    }
                    _ => {
                        report.drop(
                            "pattern",
                            "reverse-direction code of a verb dyad does not reverse ([:CODE])",
                        );
                        continue;
                    }
                }
            } else {
                None
            };
            let mut tails = match pattern::translate(&p.body, &synsets, s.words_before_verb) {
                Ok(t) => t,
                Err(why) => {
                    report.drop("pattern", why);
                    continue;
                }
            };
            // What a subject receives comes in the plural as often as not
            // ("received assurances from" for `* ASSURANCE [:030]`): a
            // reverse row's own nouns match their plurals too.
            if mapping.reverse {
                for t in &mut tails {
                    pattern::with_plurals(t);
                }
            }
            if verbs.is_empty() {
                report.drop("pattern", "its block has no usable verb");
                continue;
            }
            // `- * BACK [040]` with no comment naming its verb: a particle
            // makes an idiom of one verb ("head back"), not of every verb
            // of the block ("lead back", "control back").
            if !p.commented()
                && tails.iter().any(|t| {
                    !t.is_empty() && t.iter().all(|w| ADVERB_PARTICLES.contains(&w.as_str()))
                })
            {
                report.drop(
                    "pattern",
                    "only an adverb particle after the verb, and no comment naming the verb",
                );
                continue;
            }
            let one;
            let (verbs, groups): (&[&String], &[String]) = match only {
                Some(element) => {
                    one = [element];
                    (&one, std::slice::from_ref(element))
                }
                None => (&verbs, &groups),
            };
            for tail in &tails {
                if tail.is_empty() && mapping.block {
                    // A bare verb of a converted dictionary codes nothing
                    // anyway (see `triggers.rs`).
                    report.drop("pattern", "the verb alone, with no PLOVER type");
                } else if tail.is_empty() {
                    // The verb alone: one row per verb, to meet its verb row.
                    for &verb in verbs {
                        rows.add(verb.clone(), mapping, p.line, false, &mut report);
                    }
                } else {
                    // Words before the verb, if any, end with `>`.
                    let (pre, post) = match tail.iter().position(|e| e == ">") {
                        Some(k) => (tail[..=k].join(" ") + " ", &tail[k + 1..]),
                        None => (String::new(), &tail[..]),
                    };
                    for group in groups {
                        let text = format!("{pre}{group} {}", post.join(" "));
                        rows.add(
                            text.trim_end().to_string(),
                            mapping,
                            p.line,
                            false,
                            &mut report,
                        );
                    }
                }
            }
        }
    }
    let rows: Vec<VerbRow> = rows.by_pattern.into_values().map(|(r, _)| r).collect();
    report.block_rows = rows.iter().filter(|r| r.block).count();
    for r in rows.iter().filter(|r| !r.block) {
        if !goldstein.contains(&r.cameo) {
            *report.no_goldstein.entry(r.cameo.clone()).or_default() += 1;
        }
    }
    Import {
        rows,
        report,
        dictionary_name: s.dictionary_name.to_string(),
    }
}

/// Whether pattern `p`, coded forward as `code`, names aid or backing that
/// its verb's subject receives (see the pattern loop of [`import`]).
fn received_forward(p: &dictionary::Pattern, code: &Code<'_>) -> bool {
    !code.reverse
        && !code.block
        && (code.code.starts_with("05") || code.code.starts_with("07"))
        && p.comment_verb
            .as_deref()
            .is_some_and(|v| RECEIVING_VERBS.contains(&v))
        && !p
            .body
            .split_whitespace()
            .any(|w| w.trim_matches(['(', ')']) == "TO")
}

/// Verbs whose subject receives what their object names (the first of
/// [`REVERSED_VERBS`]).
const RECEIVING_VERBS: &[&str] = &["receive", "get", "obtain", "win", "gain"];

/// The verbs whose reverse-direction codes (`[:CODE]`, the subject
/// receives) are kept: see [`import`].
const REVERSED_VERBS: &[&str] = &[
    "receive", "get", "obtain", "win", "gain", "face", "die", "appear", "stand", "go", "remain",
    "hear",
];

/// Particles that make a phrasal verb of the verb before them ("head
/// back", "throw out"), whose sense is the one verb's, not its synonyms'.
const ADVERB_PARTICLES: &[&str] = &[
    "back", "up", "down", "off", "out", "away", "over", "ahead", "aside", "apart", "around",
    "along",
];

const IRREGULAR: &str = include_str!("../../data/irregular-verbs.tsv");
const GOLDSTEIN: &str = include_str!("../../data/goldstein.tsv");

/// The first column of one of the crate's TSV files.
fn first_column(file: &str, text: &str, column: &str, report: &mut Report) -> BTreeSet<String> {
    match tsv::parse(file, text, &[column]) {
        Ok(rows) => rows.iter().map(|r| r.get(0).to_string()).collect(),
        Err(e) => {
            report.problems.push(e.to_string());
            BTreeSet::new()
        }
    }
}

/// The rows so far, unique by pattern: the row and whether it came from a
/// verb line.
#[derive(Default)]
struct Rows {
    by_pattern: BTreeMap<String, (VerbRow, bool)>,
}

impl Rows {
    fn add(
        &mut self,
        pattern: String,
        m: Code<'_>,
        line: usize,
        from_verb: bool,
        report: &mut Report,
    ) {
        let row = VerbRow {
            pattern,
            event: m.mapping.event.clone(),
            mode: m.mapping.mode.clone(),
            cameo: m.code.to_string(),
            contexts: m.mapping.contexts.clone(),
            line,
            reverse: m.reverse,
            block: m.block,
        };
        match self.by_pattern.get_mut(&row.pattern) {
            None => {
                if from_verb {
                    report.verb_rows += 1;
                } else {
                    report.pattern_rows += 1;
                }
                self.by_pattern
                    .insert(row.pattern.clone(), (row, from_verb));
            }
            Some((old, _)) if old.cameo == row.cameo => report.duplicates += 1,
            Some((old, old_from_verb)) => {
                // A row that codes wins over one that blocks; then the
                // longer (more specific) code.
                let replace = (old.block && !row.block)
                    || (old.block == row.block && row.cameo.len() > old.cameo.len());
                let (kept, lost) = if replace {
                    (&row, &*old)
                } else {
                    (&*old, &row)
                };
                report.conflicts.push(format!(
                    "`{}`: kept {} (line {}) over {} (line {})",
                    row.pattern, kept.cameo, kept.line, lost.cameo, lost.line
                ));
                if replace {
                    if *old_from_verb != from_verb {
                        if from_verb {
                            report.verb_rows += 1;
                            report.pattern_rows -= 1;
                        } else {
                            report.verb_rows -= 1;
                            report.pattern_rows += 1;
                        }
                    }
                    *old = row;
                    *old_from_verb = from_verb;
                }
            }
        }
    }
}

/// A usable code and its PLOVER mapping.
#[derive(Clone, Copy)]
struct Code<'a> {
    code: &'a str,
    mapping: &'a plover::Mapping,
    /// Coded with the roles reversed (`[:CODE]`).
    reverse: bool,
    /// Codes nothing (see [`VerbRow::block`]).
    block: bool,
}

/// The mapping of a `block` row: no PLOVER type.
static NO_TYPE: plover::Mapping = plover::Mapping {
    event: String::new(),
    mode: String::new(),
    contexts: Vec::new(),
};

/// A pattern's code of a public statement, CAMEO 01x (which [`map_code`]
/// finds no PLOVER type for), as a `block` row's code.
fn block_code<'a>(code: &'a str, why: &str) -> Option<Code<'a>> {
    let (code, reverse) = match code.split_once(':') {
        Some((active, reversed)) if active.trim().is_empty() => (reversed.trim(), true),
        Some((active, _)) => (active.trim(), false),
        None => (code.trim(), false),
    };
    (why == NO_PLOVER_TYPE && code.starts_with("01")).then_some(Code {
        code,
        mapping: &NO_TYPE,
        reverse,
        block: true,
    })
}

const NULL_CODE: &str = "null code [---] (do not code)";
const NO_PLOVER_TYPE: &str = "CAMEO code with no PLOVER type (01x, 02x)";

/// The PLOVER mapping of a dictionary code: `042`, `042:043` (the second
/// code is TABARI's code for the reverse direction, ignored), `:030` (only
/// a reverse-direction code: the subject receives what the code names), or
/// why none.
/// With `unmapped` (see [`Sources::keep_unmapped`]), a code of three or
/// four digits and letters that the table does not map gets that mapping.
fn map_code<'a>(
    code: &'a str,
    table: &'a plover::Table,
    unmapped: Option<&'a plover::Mapping>,
    report: &mut Report,
) -> Result<Code<'a>, &'static str> {
    let (code, reverse) = match code.split_once(':') {
        Some((active, reversed)) if active.trim().is_empty() => (reversed.trim(), true),
        Some((active, _)) => (active.trim(), false),
        None => (code.trim(), false),
    };
    if code.is_empty() {
        return Err("empty code");
    }
    if code == "---" {
        return Err(NULL_CODE);
    }
    let digits = code.bytes().all(|b| b.is_ascii_digit());
    let label = code.bytes().all(|b| b.is_ascii_alphanumeric())
        && code.bytes().next().is_some_and(|b| b.is_ascii_digit());
    if !(3..=4).contains(&code.len()) || !(digits || (label && unmapped.is_some())) {
        return Err("malformed code");
    }
    match (table.get(code), unmapped) {
        (Some((mapping, parent)), _) => {
            if parent {
                report.parent_codes.insert(code.to_string());
            }
            Ok(Code {
                code,
                mapping,
                reverse,
                block: false,
            })
        }
        (None, Some(mapping)) => Ok(Code {
            code,
            mapping,
            reverse,
            block: false,
        }),
        (None, None) => Err(NO_PLOVER_TYPE),
    }
}

/// Forms the dictionary lists that are not forms of their verb and would
/// match common words: DRAG {… DRUG_OUT}, LAY {… LAIN LIE}.
const NOT_FORMS: [&str; 3] = ["drug", "lain", "lie"];

/// The pattern elements of a verb: `speed+|sped`, `ask+ for`.
fn verb_elements(
    v: &dictionary::Verb,
    inflector: &Inflector,
    irregular: &BTreeSet<String>,
    s: &Sources<'_>,
    report: &mut Report,
) -> Result<String, &'static str> {
    if v.head > 0 {
        return Err("words before the verb");
    }
    if !v.words.iter().all(|w| pattern::is_word(w)) {
        return Err("a word with characters dyad's patterns cannot hold");
    }
    let lemma = &v.words[v.head];
    let mut first = match &v.forms {
        // `{}`: this form only.
        Some(forms) if forms.is_empty() => lemma.clone(),
        Some(forms) => {
            let generated = inflector.forms(lemma);
            let extra: Vec<&String> = forms
                .iter()
                .filter(|f| {
                    !generated.contains(f)
                        && pattern::is_word(f)
                        && !NOT_FORMS.contains(&f.as_str())
                })
                .collect();
            let mut e = format!("{lemma}+");
            if !extra.is_empty() {
                let listed: Vec<&str> = extra.iter().map(|f| f.as_str()).collect();
                report.forms.push(format!(
                    "{}:{}: {lemma}: {} ({})",
                    s.dictionary_name,
                    v.line,
                    listed.join(" "),
                    if irregular.contains(lemma) {
                        "irregular-verbs.tsv has other forms"
                    } else {
                        "not in irregular-verbs.tsv"
                    }
                ));
                for f in extra {
                    e.push('|');
                    e.push_str(f);
                }
            }
            e
        }
        None => format!("{lemma}+"),
    };
    for w in &v.words[v.head + 1..] {
        first.push(' ');
        first.push_str(w);
    }
    Ok(first)
}

#[cfg(test)]
mod tests;
