//! Invariants of the generated files: `dyad lexicon check`.
//!
//! Each file has its header, the right number of cells, rows sorted by the
//! first column, unique keys (people: one row per role, rows of a person
//! together), list cells without empty or padded items, valid dates with
//! start ≤ end, country codes that exist, and no two people holding a
//! single-holder office of the same country at the same time; and that the
//! directory loads as a lexicon. Warnings (not errors): a person holding
//! two different government offices of two different countries at once.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use super::dates::Date;
use super::organisations::{PEOPLES, REGIONS};
use super::tsv::{parse_rows, LIST_SEP};
use super::{agents, countries, media, organisations, people};

/// One broken invariant, or a suspicious row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 for the whole file.
    pub line: usize,
    pub message: String,
    pub severity: Severity,
}

/// Whether a problem breaks an invariant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    /// Suspicious, but possible.
    Warning,
}

impl Problem {
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}:{}: {tag}{}", self.file, self.line, self.message)
    }
}

type Rows = Vec<(usize, Vec<String>)>;

/// (line, kb_id, start, end) of a term of office.
type Term = (usize, String, Date, Option<Date>);

/// Checks the five actor files in `data_dir`.
pub fn check(data_dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut load = |name: &str, header: &[&str], lists: &[&str], keyed: bool| -> Rows {
        let text = match std::fs::read_to_string(data_dir.join(name)) {
            Ok(t) => t,
            Err(e) => {
                problems.push(problem(name, 0, format!("cannot read: {e}")));
                return Vec::new();
            }
        };
        match parse_rows(header, &text) {
            Ok(rows) => {
                problems.extend(shape(name, header, lists, keyed, &rows));
                rows
            }
            Err(e) => {
                problems.push(problem(name, e.line, e.reason));
                Vec::new()
            }
        }
    };
    let countries = load("countries.tsv", countries::HEADER, countries::LISTS, true);
    let orgs = load(
        "organisations.tsv",
        organisations::HEADER,
        organisations::LISTS,
        true,
    );
    let media = load("media.tsv", media::HEADER, media::LISTS, true);
    let agents = load("agents.tsv", agents::HEADER, &[], true);
    let people = load("people.tsv", people::HEADER, people::LISTS, false);

    let mut known: BTreeSet<String> = countries.iter().map(|(_, r)| r[0].clone()).collect();
    let states = known.clone();
    known.extend(REGIONS.iter().chain(PEOPLES).map(|s| s.to_string()));
    known.extend(
        orgs.iter()
            .filter(|(_, r)| r[4] == "IGO")
            .map(|(_, r)| r[3].clone()),
    );
    for (line, r) in &orgs {
        if !known.contains(&r[3]) {
            problems.push(problem(
                "organisations.tsv",
                *line,
                format!("unknown country {}", r[3]),
            ));
        }
    }
    for (line, r) in &media {
        if !states.contains(&r[3]) {
            problems.push(problem(
                "media.tsv",
                *line,
                format!("unknown country {}", r[3]),
            ));
        }
    }
    for (line, r) in &agents {
        let s = &r[1];
        if s.is_empty() || s.len() % 3 != 0 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.push(problem("agents.tsv", *line, format!("bad sector {s:?}")));
        }
    }
    problems.extend(check_people(&people, &known));
    if let Err(e) = crate::Lexicon::from_dir(data_dir) {
        problems.push(problem("", 0, format!("the directory does not load: {e}")));
    }
    problems
}

fn problem(file: &str, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        message: message.into(),
        severity: Severity::Error,
    }
}

fn warning(file: &str, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        severity: Severity::Warning,
        ..problem(file, line, message)
    }
}

/// Sorting, unique keys, list cells.
fn shape(file: &str, header: &[&str], lists: &[&str], keyed: bool, rows: &Rows) -> Vec<Problem> {
    let mut out = Vec::new();
    let list_cols: Vec<usize> = (0..header.len())
        .filter(|&c| lists.contains(&header[c]))
        .collect();
    let mut seen = BTreeSet::new();
    for (i, (line, r)) in rows.iter().enumerate() {
        if r[0].is_empty() {
            out.push(problem(file, *line, "empty key"));
        }
        if i > 0 && rows[i - 1].1[0] > r[0] {
            out.push(problem(
                file,
                *line,
                format!("not sorted: {} after {}", r[0], rows[i - 1].1[0]),
            ));
        }
        if keyed && !seen.insert(r[0].clone()) {
            out.push(problem(file, *line, format!("duplicate key {}", r[0])));
        }
        for &c in &list_cols {
            let cell = &r[c];
            if !cell.is_empty() && cell.split(LIST_SEP).any(|x| x.is_empty() || x.trim() != x) {
                out.push(problem(
                    file,
                    *line,
                    format!("empty or padded item in {}", header[c]),
                ));
            }
        }
        if r.iter().any(|c| c.trim() != c) {
            out.push(problem(file, *line, "padded cell"));
        }
    }
    out
}

/// Offices that one person holds at a time in a country.
const SINGLE_HOLDER: &[&str] = &[
    "head of government",
    "head of state and government",
    "foreign minister",
];

fn check_people(rows: &Rows, known: &BTreeSet<String>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut holders: BTreeMap<(String, String), Vec<Term>> = BTreeMap::new();
    for (line, r) in rows {
        let (country, office) = (&r[3], &r[5]);
        if !known.contains(country) {
            out.push(problem(
                "people.tsv",
                *line,
                format!("unknown country {country}"),
            ));
        }
        let start = date(&r[6]);
        let end = date(&r[7]);
        if start == Some(None) || end == Some(None) {
            out.push(problem(
                "people.tsv",
                *line,
                format!("bad date {:?} or {:?}", r[6], r[7]),
            ));
            continue;
        }
        if let (Some(Some(s)), Some(Some(e))) = (start, end) {
            if s > e {
                out.push(problem(
                    "people.tsv",
                    *line,
                    format!("start {s} after end {e}"),
                ));
            }
        }
        if let (Some(Some(s)), true) = (start, SINGLE_HOLDER.contains(&office.as_str())) {
            let key = (country.clone(), office.clone());
            holders
                .entry(key)
                .or_default()
                .push((*line, r[0].clone(), s, end.flatten()));
        }
    }
    out.extend(same_time_offices(rows));
    for ((country, office), mut terms) in holders {
        terms.sort_by_key(|t| t.2);
        for pair in terms.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let overlaps = a.3.is_none_or(|end| end > b.2 && gap_days(b.2, end) > 1);
            if a.1 != b.1 && overlaps {
                let msg = format!("{} and {} both {office} of {country} on {}", a.1, b.1, b.2);
                out.push(problem("people.tsv", b.0, msg));
            }
        }
    }
    out
}

/// A person's rows together (a kb_id that comes back later is a second
/// person with the same id), and no one holding two different government
/// offices of two different countries at the same time (a warning; a
/// monarch of several realms is not suspicious, nor an office left empty).
fn same_time_offices(rows: &Rows) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    let mut i = 0;
    while i < rows.len() {
        let id = rows[i].1[0].as_str();
        let j = rows[i..]
            .iter()
            .position(|(_, r)| r[0] != id)
            .map_or(rows.len(), |n| i + n);
        if !done.insert(id) {
            out.push(problem(
                "people.tsv",
                rows[i].0,
                format!("duplicate id {id}: its rows are not together"),
            ));
        }
        let gov: Vec<&(usize, Vec<String>)> =
            rows[i..j].iter().filter(|(_, r)| r[4] == "GOV").collect();
        for (a, b) in gov
            .iter()
            .enumerate()
            .flat_map(|(k, a)| gov[k + 1..].iter().map(move |b| (a, b)))
        {
            let (ra, rb) = (&a.1, &b.1);
            let monarch = |o: &str| matches!(o, "head of state" | "queen" | "king" | "monarch");
            // An office left empty is unknown: suspicious only if both are.
            let one_unknown = ra[5].is_empty() != rb[5].is_empty();
            let same = ra[5] == rb[5] && !ra[5].is_empty();
            if ra[3] == rb[3] || same || one_unknown || monarch(&ra[5]) && monarch(&rb[5]) {
                continue;
            }
            let (sa, ea) = (date(&ra[6]).flatten(), date(&ra[7]).flatten());
            let (sb, eb) = (date(&rb[6]).flatten(), date(&rb[7]).flatten());
            let before = |end: Option<Date>, start: Option<Date>| matches!((end, start), (Some(e), Some(s)) if e <= s);
            if !before(ea, sb) && !before(eb, sa) {
                out.push(warning(
                    "people.tsv",
                    b.0,
                    format!(
                        "{id} holds {:?} of {} and {:?} of {} at the same time",
                        ra[5], ra[3], rb[5], rb[3]
                    ),
                ));
            }
        }
        i = j;
    }
    out
}

/// `None` for an empty cell, `Some(None)` for an invalid date.
fn date(cell: &str) -> Option<Option<Date>> {
    (!cell.is_empty()).then(|| Date::parse_iso(cell))
}

/// Roughly how many days `later` is after `earlier` (month precision).
fn gap_days(earlier: Date, later: Date) -> i64 {
    let days = |d: Date| i64::from(d.year) * 372 + i64::from(d.month) * 31 + i64::from(d.day);
    days(later) - days(earlier)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed files keep their invariants.
    #[test]
    fn committed_data_is_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let problems: Vec<Problem> = check(&dir)
            .into_iter()
            .filter(|p| !p.is_warning())
            .collect();
        assert!(
            problems.is_empty(),
            "{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn concurrent_offices_and_split_ids() {
        let row = |id: &str, country: &str, office: &str, start: &str, end: &str| {
            let cells = [id, "X", "", country, "GOV", office, start, end, "s"];
            cells.iter().map(|c| c.to_string()).collect::<Vec<String>>()
        };
        let rows: Rows = vec![
            (2, row("a", "AAA", "president", "2020", "2022")),
            (3, row("a", "BBB", "minister", "2021-05", "")),
            (4, row("a", "CCC", "head of state", "2023", "")),
            (5, row("b", "AAA", "queen", "1990", "")),
            (6, row("b", "BBB", "head of state", "1990", "")),
            (7, row("a", "AAA", "", "2030", "")),
        ];
        let got: Vec<String> = same_time_offices(&rows)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "people.tsv:3: warning: a holds \"president\" of AAA and \"minister\" of BBB at the same time",
                "people.tsv:4: warning: a holds \"minister\" of BBB and \"head of state\" of CCC at the same time",
                "people.tsv:7: duplicate id a: its rows are not together",
            ]
        );
    }

    #[test]
    fn finds_broken_invariants() {
        let rows: Rows = vec![
            (2, vec!["b".into(), "x||y".into()]),
            (3, vec!["a".into(), "".into()]),
            (4, vec!["a".into(), " z".into()]),
        ];
        let got: Vec<String> = shape("f.tsv", &["id", "aliases"], &["aliases"], true, &rows)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "f.tsv:2: empty or padded item in aliases",
                "f.tsv:3: not sorted: a after b",
                "f.tsv:4: duplicate key a",
                "f.tsv:4: empty or padded item in aliases",
                "f.tsv:4: padded cell",
            ]
        );
        let people: Rows = vec![
            (
                2,
                vec![
                    "a".into(),
                    "A".into(),
                    "".into(),
                    "XXX".into(),
                    "GOV".into(),
                    "head of government".into(),
                    "2020".into(),
                    "2019".into(),
                    "s".into(),
                ],
            ),
            (
                3,
                vec![
                    "b".into(),
                    "B".into(),
                    "".into(),
                    "RUS".into(),
                    "GOV".into(),
                    "head of government".into(),
                    "2020-01-01".into(),
                    "".into(),
                    "s".into(),
                ],
            ),
            (
                4,
                vec![
                    "c".into(),
                    "C".into(),
                    "".into(),
                    "RUS".into(),
                    "GOV".into(),
                    "head of government".into(),
                    "2021-05".into(),
                    "".into(),
                    "s".into(),
                ],
            ),
        ];
        let known: BTreeSet<String> = ["RUS".to_string()].into();
        let got: Vec<String> = check_people(&people, &known)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "people.tsv:2: unknown country XXX",
                "people.tsv:2: start 2020 after end 2019",
                "people.tsv:4: b and c both head of government of RUS on 2021-05",
            ]
        );
    }
}
