//! PETRARCH/TABARI dictionaries: `.actors` and `.agents` files.
//!
//! An actors file has entries of a primary phrase (`UNITED_STATES_`, words
//! joined by `_` or spaces), `+synonym` lines or `+`-joined synonyms, and
//! CAMEO codes in brackets, on the phrase's line or on indented lines of
//! their own. A code may be dated: `[USAGOV >950601]` (from),
//! `[USAGOV <950601]` (until), `[USAGOV 950601-990815]` (`YYMMDD` or
//! `YYYYMMDD`); `[---]` is the null code (no actor). `#` starts a comment,
//! `<!-- … -->` lines are comments too.
//!
//! Mapping into dyad's tables:
//!
//! - an entry with a dated code is a person (`people.tsv`): one role per
//!   dated code, and the undated code, if any, for the periods the dated
//!   ones leave open;
//! - an undated three-letter code is a country (`countries.tsv`): the phrase
//!   and synonyms become its names (`GONDOR [GON]`, `ATHENS [GRC]`); `NGO`,
//!   `IGO`, `IMG` and `MNC` alone are kinds of organisation, not countries;
//! - a longer undated code is an organisation (`organisations.tsv`).
//!
//! The code is kept as the `cameo` of organisations; its first three letters
//! are the country and the rest is the sector (`USAGOV` → `USA`, `GOV`),
//! except `IGO…` codes, whose country is the organisation's own code
//! (`IGOUNO` → `UNO`, `IGOWSTNAT` → `NATO`) and sector `IGO`, as in the
//! built-in tables. Agents files are read as in `dyad lexicon build`.

use super::{clean, Import, ImportedPerson, PersonRole};
use crate::build::agents;
use crate::build::dates::{compact_date, Date};
use crate::build::organisations::country_and_sector;
use crate::build::spelling::{display_case, person_case, phrase};

/// A code in brackets with its date restriction; `code` is `None` for `---`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub code: Option<String>,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Code {
    fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// One actor entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Where the primary phrase is.
    pub line: usize,
    /// The primary phrase, raw.
    pub phrase: String,
    pub synonyms: Vec<String>,
    pub codes: Vec<Code>,
    /// Whether the entry had a `[…]` at all (its codes may all be bad).
    pub bracketed: bool,
}

/// Codes that are kinds of actor, not countries, when they stand alone.
const KINDS: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// Parses an actors file; bad codes and stray lines become warnings.
pub fn parse_actors(file: &str, text: &str, im: &mut Import) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        if in_comment || raw.trim_start().starts_with("<!") {
            in_comment = !raw.contains("-->");
            continue;
        }
        let line = raw.split_once('#').map_or(raw, |(keep, _)| keep);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (words, codes) = split_codes(file, n, trimmed, im);
        let continuation = line.starts_with([' ', '\t']) || trimmed.starts_with(['[', '+']);
        if continuation {
            let Some(entry) = entries.last_mut() else {
                im.warn(file, n, "a synonym or code before any entry");
                continue;
            };
            entry.synonyms.extend(
                words
                    .split('+')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
            entry.bracketed |= trimmed.contains('[');
            entry.codes.extend(codes);
        } else {
            let mut parts = words.split('+').map(str::trim).filter(|s| !s.is_empty());
            let Some(first) = parts.next() else {
                im.warn(file, n, "no phrase");
                continue;
            };
            entries.push(Entry {
                line: n,
                phrase: first.to_string(),
                synonyms: parts.map(str::to_string).collect(),
                codes,
                bracketed: trimmed.contains('['),
            });
        }
    }
    share_codes(entries)
}

/// Phrases without a code block take the next entry's: in
/// `IVO_JOSIPOVIC_` / `JOSIPOVIC_` / `[HRVGOV >20120219]` both phrases name
/// one actor, the first being its primary phrase.
fn share_codes(entries: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut pending: Vec<Entry> = Vec::new();
    for e in entries {
        if !e.bracketed && e.codes.is_empty() {
            pending.push(e);
            continue;
        }
        let mut pending_now = std::mem::take(&mut pending).into_iter();
        match pending_now.next() {
            None => out.push(e),
            Some(mut first) => {
                for p in pending_now.chain(std::iter::once(e.clone())) {
                    first.synonyms.push(p.phrase);
                    first.synonyms.extend(p.synonyms);
                }
                first.codes = e.codes;
                first.bracketed = true;
                out.push(first);
            }
        }
    }
    out.extend(pending);
    out
}

/// `NATO_ [IGOWSTNAT] [ELI]` → (`NATO_`, codes); bad codes are warned about.
fn split_codes<'t>(file: &str, n: usize, text: &'t str, im: &mut Import) -> (&'t str, Vec<Code>) {
    let Some(at) = text.find('[') else {
        return (text, Vec::new());
    };
    let mut codes = Vec::new();
    for group in text[at..].split('[').skip(1) {
        let Some((inner, _)) = group.split_once(']') else {
            im.warn(file, n, format!("unclosed [{}", group.trim()));
            continue;
        };
        match parse_code(inner) {
            Ok(c) => codes.push(c),
            Err(reason) => im.warn(file, n, reason),
        }
    }
    (text[..at].trim(), codes)
}

fn parse_code(inner: &str) -> Result<Code, String> {
    let inner = inner.trim();
    let split = inner
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>'))
        .unwrap_or(inner.len());
    let (code, restriction) = inner.split_at(split);
    let restriction: String = restriction.split_whitespace().collect();
    let code = match code {
        "---" => None,
        c if c.len() >= 3 && c.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Some(c.to_ascii_uppercase())
        }
        "" if restriction.is_empty() => return Err("empty code []".to_string()),
        "" => return Err(format!("a date without a code [{inner}]")),
        c => return Err(format!("unusable code [{c}]")),
    };
    let bad =
        || format!("bad date restriction [{inner}], expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD");
    let (from, until) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('>') {
        (Some(compact_date(d).ok_or_else(bad)?), None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        (None, Some(compact_date(d).ok_or_else(bad)?))
    } else if let Some((a, b)) = restriction.split_once('-') {
        let (a, b) = (
            compact_date(a).ok_or_else(bad)?,
            compact_date(b).ok_or_else(bad)?,
        );
        if a > b {
            return Err(format!("start after end [{inner}]"));
        }
        (Some(a), Some(b))
    } else {
        return Err(bad());
    };
    Ok(Code { code, from, until })
}

/// `(country, sector)` of a code: see the module docs.
pub fn country_sector(code: &str) -> (String, String) {
    if code.starts_with("IGO") {
        return country_and_sector(code, &|s| Some(s.to_string()));
    }
    match code.get(..3) {
        Some(country) => (country.to_string(), code[3..].to_string()),
        None => (code.to_string(), String::new()),
    }
}

/// Puts the entries of an actors file into the tables.
pub fn add_actors(file: &str, entries: &[Entry], im: &mut Import) {
    for e in entries {
        add_entry(file, e, im);
    }
}

fn add_entry(file: &str, e: &Entry, im: &mut Import) {
    if e.codes.is_empty() {
        im.warn(file, e.line, format!("no code for {}", e.phrase));
        return;
    }
    let dated: Vec<&Code> = e.codes.iter().filter(|c| c.is_dated()).collect();
    let undated: Vec<&str> = e
        .codes
        .iter()
        .filter(|c| !c.is_dated())
        .filter_map(|c| c.code.as_deref())
        .collect();
    if undated.len() > 1 && undated.iter().any(|c| *c != undated[0]) {
        im.warn(
            file,
            e.line,
            format!(
                "several undated codes for {}, using {}",
                e.phrase, undated[0]
            ),
        );
    }
    let default = undated.first().copied();
    if !dated.is_empty() {
        add_person(e, &dated, default, im);
        return;
    }
    let Some(code) = default else {
        return; // only null codes: not an actor
    };
    let synonyms: Vec<String> = e.synonyms.iter().flat_map(|s| name_forms(s)).collect();
    if code.len() == 3 && !KINDS.contains(&code) {
        for name in name_forms(&e.phrase).iter().chain(&synonyms) {
            im.add_country_name(code, name, code);
        }
        return;
    }
    let (country, sector) = country_sector(code);
    let mut forms = name_forms(&e.phrase);
    if forms.is_empty() {
        im.warn(file, e.line, format!("no name in {}", e.phrase));
        return;
    }
    // A short one-word organisation is more likely an acronym (`NATO`).
    if forms.len() == 2 && forms[1].chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        forms.swap(0, 1);
    }
    let name = forms.remove(0);
    forms.extend(synonyms);
    im.add_organisation(&name, &forms, &country, &sector, code);
}

/// A person: a role per dated code, the default code in the gaps.
fn add_person(e: &Entry, dated: &[&Code], default: Option<&str>, im: &mut Import) {
    let role = |code: &str, from: Option<Date>, until: Option<Date>| {
        let (country, sector) = country_sector(code);
        PersonRole {
            country,
            sector,
            office: String::new(),
            start: from.map(|d| d.to_string()).unwrap_or_default(),
            end: until.map(|d| d.to_string()).unwrap_or_default(),
        }
    };
    let mut roles: Vec<PersonRole> = dated
        .iter()
        .filter_map(|c| c.code.as_deref().map(|code| role(code, c.from, c.until)))
        .collect();
    if let Some(code) = default {
        let mut spans: Vec<(Option<Date>, Option<Date>)> =
            dated.iter().map(|c| (c.from, c.until)).collect();
        spans.sort();
        // `cur`: the first day not yet covered; None = from the beginning.
        let mut cur: Option<Date> = None;
        let mut open = true;
        for (from, until) in spans {
            if let Some(f) = from {
                if cur.is_none_or(|c| c < f) {
                    roles.push(role(code, cur, prev_day(f)));
                }
            }
            match until {
                Some(u) => {
                    let next = next_day(u);
                    if cur.is_none_or(|c| next > c) {
                        cur = Some(next);
                    }
                }
                None => {
                    open = false;
                    break;
                }
            }
        }
        if open {
            roles.push(role(code, cur, None));
        }
    }
    if roles.is_empty() {
        return;
    }
    let name = person_case(e.phrase.trim_matches('_'));
    let aliases = e
        .synonyms
        .iter()
        .map(|s| person_case(s.trim_matches('_')))
        .collect();
    im.people.push(ImportedPerson {
        name,
        aliases,
        roles,
    });
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn prev_day(d: Date) -> Option<Date> {
    if d.month == 0 || d.day == 0 {
        return Some(d);
    }
    if d.day > 1 {
        return Date::new(d.year, d.month, d.day - 1);
    }
    if d.month > 1 {
        return Date::new(d.year, d.month - 1, days_in_month(d.year, d.month - 1));
    }
    Date::new(d.year.checked_sub(1)?, 12, 31)
}

fn next_day(d: Date) -> Date {
    if d.month == 0 || d.day == 0 {
        return d;
    }
    let next = if d.day < days_in_month(d.year, d.month) {
        Date::new(d.year, d.month, d.day + 1)
    } else if d.month < 12 {
        Date::new(d.year, d.month + 1, 1)
    } else {
        Date::new(d.year + 1, 1, 1)
    };
    next.unwrap_or(d)
}

/// The forms a phrase is matched in: `GONDOR_` → `Gondor` (and `GONDOR`,
/// a short word could be an acronym), `U.N.` → `U.N.`, `IMF` → `IMF`.
fn name_forms(raw: &str) -> Vec<String> {
    let raw = raw.trim_matches(['_', ' ']);
    if raw.is_empty() {
        return Vec::new();
    }
    let single = !raw.contains(['_', ' ']);
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let vowel = raw.chars().any(|c| "AEIOUYaeiouy".contains(c));
    let upper = raw.to_uppercase();
    let cased = display_case(raw);
    let forms = if single && (raw.contains('.') || letters <= 3 || !vowel) {
        vec![upper]
    } else if single && letters <= 5 {
        vec![cased, upper]
    } else if let Some(rest) = cased.strip_prefix("The ").filter(|r| r.contains(' ')) {
        // `THE_DARK_TOWER` is written "the Dark Tower" inside a sentence.
        vec![cased.clone(), rest.to_string()]
    } else {
        vec![cased]
    };
    forms
        .into_iter()
        .map(|f| clean(&f))
        .filter(|f| !f.is_empty())
        .collect()
}

/// Puts the entries of an agents file into the agents table.
pub fn add_agents(file: &str, text: &str, im: &mut Import) {
    let (entries, skipped) = agents::parse_reporting(text);
    for (line, reason) in skipped {
        im.warn(file, line, reason);
    }
    for e in entries {
        let forms = std::iter::once(phrase(&e.phrase)).chain(e.plural.as_deref().map(phrase));
        for form in forms {
            if agents::usable(&form) {
                im.add_agent(&form, &e.sector);
            } else {
                im.warn(file, e.line, format!("agent phrase {form:?} left out"));
            }
        }
    }
}

/// Reads one file: agents if its name says `agents`, actors otherwise.
pub fn add_file(file: &str, text: &str, im: &mut Import) {
    let name = file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file)
        .to_lowercase();
    if name.contains("agents") {
        add_agents(file, text, im);
    } else {
        let entries = parse_actors(file, text, im);
        add_actors(file, &entries, im);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = include_str!("../../testdata/petrarch/fictional.actors.txt");
    const AGENTS: &str = include_str!("../../testdata/petrarch/fictional.agents.txt");

    fn imported() -> Import {
        let mut im = Import::new("petrarch");
        add_file("fictional.actors.txt", ACTORS, &mut im);
        add_file("fictional.agents.txt", AGENTS, &mut im);
        im
    }

    #[test]
    fn codes_and_dates() {
        let c = parse_code("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!(c.code.as_deref(), Some("HOBGOV"));
        assert_eq!(c.from.unwrap().to_string(), "1995-06-01");
        assert_eq!(c.until.unwrap().to_string(), "1999-08-15");
        let c = parse_code("HOB < 950601").unwrap();
        assert_eq!(c.until.unwrap().to_string(), "1995-06-01");
        assert_eq!(parse_code("--- <950630").unwrap().code, None);
        assert_eq!(parse_code("pse").unwrap().code.as_deref(), Some("PSE"));
        assert!(parse_code("ELR/GAL").is_err());
        assert!(parse_code("+++").is_err());
        assert!(parse_code("GON >9906").is_err());
        assert!(parse_code("GON 990601-980601").is_err());
        assert_eq!(country_sector("USAGOVMIL"), ("USA".into(), "GOVMIL".into()));
        assert_eq!(country_sector("IGOWSTNAT"), ("NATO".into(), "IGO".into()));
        assert_eq!(country_sector("IGOUNO"), ("UNO".into(), "IGO".into()));
    }

    #[test]
    fn days() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert_eq!(prev_day(d("2000-03-01")).unwrap().to_string(), "2000-02-29");
        assert_eq!(next_day(d("1999-12-31")).to_string(), "2000-01-01");
    }

    #[test]
    fn tables_from_the_fixture() {
        let im = imported();
        let warnings: Vec<String> = im.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "fictional.actors.txt:18: unusable code [ARN/ERI]",
                "fictional.actors.txt:19: bad date restriction [GONGOV >99], expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD",
                "fictional.actors.txt:18: no code for ARNOR_",
                "fictional.actors.txt:19: no code for FARAMIR_",
                "fictional.actors.txt:24: no code for TOM_BOMBADIL",
                "fictional.agents.txt:7: no [CODE]",
                "fictional.agents.txt:9: agent phrase \"captain of\" left out",
            ]
        );
        let gon = &im.countries.rows["GON"];
        assert_eq!(gon[1], "Gondor");
        assert_eq!(gon[2], "Minas Tirith");
        assert_eq!(im.countries.rows["ROH"][1..3], ["Rohan", "ROHAN"]);
        let org = &im.organisations.rows["gondor-guard"];
        assert_eq!(
            &org[1..6],
            ["Gondor Guard", "Citadel Guard", "GON", "MIL", "GONMIL"]
        );
        assert_eq!(im.organisations.rows["united-nations"][3], "UNO");
        assert_eq!(im.organisations.rows["the-black-gate"][2], "Black Gate");
        let e = &im.people[2];
        assert_eq!(
            (e.name.as_str(), &e.aliases[..]),
            ("Ecthelion", &["Steward Ecthelion".to_string()][..])
        );
        assert_eq!(e.roles[0].end, "1950-01-01");
        let p = &im.people[0];
        assert_eq!(p.name, "Denethor Steward");
        let roles: Vec<String> = p
            .roles
            .iter()
            .map(|r| format!("{} {} {}..{}", r.country, r.sector, r.start, r.end))
            .collect();
        assert_eq!(
            roles,
            [
                "GON GOV 1995-06-01..1999-08-15",
                "GON ELI 1999-08-16..",
                "GON  ..1995-05-31",
            ]
        );
        let agents: Vec<(&str, &str)> = im
            .agents
            .rows
            .values()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect();
        assert_eq!(
            agents,
            [
                ("border warden", "MIL"),
                ("captain", "MIL"),
                ("human rights body", "NGO"),
                ("steward", "GOV"),
                ("stewards", "GOV"),
                ("watchman", "COP"),
                ("watchmen", "COP"),
            ]
        );
    }

    #[test]
    fn never_panics_on_odd_lines() {
        let mut im = Import::new("petrarch");
        for text in [
            "[",
            "+X",
            "]]][[[",
            "A [",
            "A [>",
            "A [ABC >]",
            "\t[---]",
            "A [AB€]",
        ] {
            add_file("x.actors", text, &mut im);
            add_file("x.agents", text, &mut im);
        }
    }
}
