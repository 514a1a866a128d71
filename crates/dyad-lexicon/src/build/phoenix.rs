//! The PETRARCH/Phoenix actor dictionaries (MIT): `Phoenix.Countries`,
//! `Phoenix.International` and `Phoenix.MilNonState.actors.txt`.
//!
//! An entry is a primary phrase, `+synonym` lines, and CAMEO codes in
//! brackets, inline or on indented lines of their own:
//!
//! ```text
//! VLADIMIR_PUTIN_  # CountryInfo.txt
//! +PRESIDENT_PUTIN_
//!     [RUSELI 700101-990809]
//!     [RUSGOV >000507]
//! NATO_ +NORTH_ATLANTIC_TREATY_ORGANIZATION_ [IGOWSTNAT]
//! ```
//!
//! A code may carry a date restriction: `>YYMMDD` (from), `<YYMMDD` (until)
//! or `YYMMDD-YYMMDD`; `[---]` is no code. Dates have two- or four-digit years.

use std::collections::BTreeMap;

use super::dates::{compact_date, Date};
use super::people::SourceRole;
use super::spelling::person_case;

/// When `Phoenix.Countries.actors.txt` was generated: roles still open then
/// are closed at it.
pub const HORIZON: Date = Date {
    year: 2014,
    month: 1,
    day: 0,
};

/// Words that make a synonym a title-and-name phrase (`PRESIDENT_PUTIN_`),
/// not a form of the name.
const TITLE_WORDS: &[&str] = &[
    "president",
    "prime",
    "minister",
    "premier",
    "king",
    "queen",
    "secretary",
    "general",
    "leader",
    "chairman",
    "chancellor",
    "foreign",
    "defense",
    "defence",
    "ambassador",
    "governor",
    "mayor",
    "senator",
    "speaker",
    "spokesman",
    "head",
    "chief",
    "former",
    "deputy",
    "vice",
    "sheikh",
];

/// One dictionary entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The primary phrase, raw (`VLADIMIR_PUTIN_`).
    pub phrase: String,
    /// `+` synonyms, raw.
    pub synonyms: Vec<String>,
    pub codes: Vec<Code>,
    /// The text after `#` on the primary line.
    pub comment: String,
}

/// A CAMEO code with its date restriction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub code: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Code {
    /// Whether the code has a date restriction.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// Parses a whole dictionary.
pub fn parse(text: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for raw in text.lines() {
        let (line, comment) = raw.split_once('#').unwrap_or((raw, ""));
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t', '[']);
        let trimmed = line.trim();
        if let (Some(rest), Some(entry)) = (trimmed.strip_prefix('+'), entries.last_mut()) {
            let (words, codes) = split_codes(rest);
            entry.synonyms.extend(
                words
                    .split('+')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
            entry.codes.extend(codes);
        } else if let (true, Some(entry)) = (indented, entries.last_mut()) {
            entry.codes.extend(split_codes(trimmed).1);
        } else {
            let (words, codes) = split_codes(trimmed);
            let mut parts = words.split('+').map(str::trim).filter(|s| !s.is_empty());
            let Some(phrase) = parts.next() else { continue };
            entries.push(Entry {
                phrase: phrase.to_string(),
                synonyms: parts.map(str::to_string).collect(),
                codes,
                comment: comment.trim().to_string(),
            });
        }
    }
    entries
}

/// The CAMEO codes of federations that have ended, whose republics the
/// dictionary codes as sub-codes (`SUNRUS`, `YUGSRB`, `CSKSVK`).
const FORMER_FEDERATIONS: &[&str] = &["SUN", "YUG", "CSK"];

/// The dated roles of the person entries of a country dictionary: every
/// dated code except `…ELI` (which the file derives from birth dates), with
/// the country from the code (`iso3_of` maps CAMEO country codes). Synonyms
/// that carry a title are left out.
pub fn person_roles(entries: &[Entry], iso3_of: &BTreeMap<String, String>) -> Vec<SourceRole> {
    let mut out = Vec::new();
    for e in entries {
        let dated: Vec<&Code> = e
            .codes
            .iter()
            .filter(|c| c.is_dated() && !c.code.ends_with("ELI"))
            .collect();
        if dated.is_empty() {
            continue;
        }
        let name = person_case(e.phrase.trim_matches('_'));
        let aliases: Vec<String> = e
            .synonyms
            .iter()
            .map(|s| person_case(s.trim_matches('_')))
            .filter(|s| {
                s.contains(' ')
                    && !s
                        .split(' ')
                        .any(|w| TITLE_WORDS.contains(&w.to_lowercase().as_str()))
            })
            .collect();
        for c in dated {
            let Some(iso3) = c.code.get(..3).and_then(|k| iso3_of.get(k)) else {
                continue;
            };
            // (a republic of a former federation, `YUGSRB`, `SUNRUS`: a
            // state within a state, not a role)
            if FORMER_FEDERATIONS.contains(&&c.code[..3])
                && c.code.get(3..6).is_some_and(|k| iso3_of.contains_key(k))
            {
                continue;
            }
            let end = match (c.from, c.until) {
                (Some(from), None) if from <= HORIZON => Some(HORIZON),
                _ => c.until,
            };
            out.push(SourceRole {
                name: name.clone(),
                aliases: aliases.clone(),
                surname: None,
                country: iso3.clone(),
                sector: c.code.get(3..6).unwrap_or("GOV").to_string(),
                office: String::new(),
                start: c.from,
                end,
                source: "phoenix".to_string(),
            });
        }
    }
    out
}

/// `NATO_ [IGOWSTNAT] [ELI]` → (`NATO_`, codes).
pub fn split_codes(text: &str) -> (&str, Vec<Code>) {
    let Some(at) = text.find('[') else {
        return (text.trim(), Vec::new());
    };
    let mut codes = Vec::new();
    for group in text[at..].split('[').skip(1) {
        let inner = group.split(']').next().unwrap_or("");
        if let Some(code) = parse_code(inner) {
            codes.push(code);
        }
    }
    (text[..at].trim(), codes)
}

fn parse_code(inner: &str) -> Option<Code> {
    let mut parts = inner.split_whitespace();
    let code = parts.next()?;
    if !code.bytes().all(|b| b.is_ascii_uppercase()) || code.len() < 3 {
        return None;
    }
    let restriction: String = parts.collect();
    let (from, until) = if let Some(d) = restriction.strip_prefix('>') {
        (compact_date(d), None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        (None, compact_date(d))
    } else if let Some((a, b)) = restriction.split_once('-') {
        (compact_date(a), compact_date(b))
    } else {
        (None, None)
    };
    Some(Code {
        code: code.to_string(),
        from,
        until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "# header\nVLADIMIR_PUTIN_  # CountryInfo.txt\n+PUTIN_\n\t[RUSELI 700101-990809]\n\t[RUSGOV >000507]\n\n\
        NATO_\n+NORTH_ATLANTIC_TREATY_ORGANIZATION_\t\n\t[IGOWSTNAT]# NGO_Actors\nADEN_ARMY_ [YEMREB] # kkl\n+ADEN_ISLAMIC_ARMY_+_ISLAMIC_ADEN_ARMY_\n\
        JEAN_MARIE_GUEHENNO_\t[IGOUNO 000101-080801] [---] [ELI]\n";

    #[test]
    fn parses_entries() {
        let e = parse(SNIPPET);
        assert_eq!(e.len(), 4);
        assert_eq!(e[0].phrase, "VLADIMIR_PUTIN_");
        assert_eq!(e[0].synonyms, ["PUTIN_"]);
        assert_eq!(e[0].codes[0].code, "RUSELI");
        assert_eq!(e[0].codes[0].from.unwrap().to_string(), "1970-01-01");
        assert_eq!(e[0].codes[0].until.unwrap().to_string(), "1999-08-09");
        assert_eq!(e[0].codes[1].from.unwrap().to_string(), "2000-05-07");
        assert!(e[0].codes[1].until.is_none());
        assert_eq!(e[1].synonyms, ["NORTH_ATLANTIC_TREATY_ORGANIZATION_"]);
        assert_eq!(
            e[1].codes,
            [Code {
                code: "IGOWSTNAT".into(),
                from: None,
                until: None
            }]
        );
        assert_eq!(e[2].synonyms, ["ADEN_ISLAMIC_ARMY_", "_ISLAMIC_ADEN_ARMY_"]);
        assert_eq!(e[2].comment, "kkl");
        let codes: Vec<&str> = e[3].codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["IGOUNO", "ELI"]);
        assert!(e[3].codes[0].is_dated());
        let iso3_of = BTreeMap::from([("RUS".to_string(), "RUS".to_string())]);
        let roles = person_roles(&e, &iso3_of);
        assert_eq!(
            roles.len(),
            1,
            "IGO and ELI codes are not country roles: {roles:?}"
        );
        assert_eq!(roles[0].name, "Vladimir Putin");
        assert_eq!(roles[0].aliases, Vec::<String>::new());
        assert_eq!(roles[0].end, Some(HORIZON));
    }

    #[test]
    fn a_republic_of_a_former_federation_is_no_role() {
        let e = parse(concat!(
            "SERBIA_\n\t[YUGSRB <920427]\n\t[SRBGOV >060605]\n\n",
            "RUSLAN_\n\t[YUGGOV 800101-850101]\n\n",
            "REX_HUNT_\n\t[GBRFLK 800101-820402]\n",
        ));
        let iso3_of =
            BTreeMap::from(["YUG", "SRB", "GBR", "FLK"].map(|c| (c.to_string(), c.to_string())));
        let roles: Vec<(String, String)> = person_roles(&e, &iso3_of)
            .into_iter()
            .map(|r| (r.country, r.sector))
            .collect();
        // (a territory's governor keeps his sub-code)
        assert_eq!(
            roles,
            [
                ("SRB".to_string(), "GOV".to_string()),
                ("YUG".to_string(), "GOV".to_string()),
                ("GBR".to_string(), "FLK".to_string()),
            ]
        );
    }
}
