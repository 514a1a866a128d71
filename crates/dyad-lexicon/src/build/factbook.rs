//! The CIA World Factbook's executive branch (public domain), as quarterly
//! snapshots: one JSON object per country and snapshot with the Factbook's
//! own text, e.g. `"chief_of_state": "President Vladimir Vladimirovich PUTIN
//! (since 7 May 2012)"`. Surnames are upper case; the first `;`-separated
//! part names the holder, deputies and notes follow.

use super::dates::{prose_date, Date};
use super::people::SourceRole;
use super::spelling::display_case;

/// One snapshot of one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub snapshot: Date,
    /// The data file, `europe/up.json`: its stem is the FIPS 10-4 code.
    pub fips: String,
    pub short_name: String,
    pub chief_of_state: Option<Holder>,
    pub head_of_government: Option<Holder>,
}

/// The holder of an office as one snapshot gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// `Vladimir Vladimirovich Putin`.
    pub full_name: String,
    /// `Vladimir Putin`: the first given name and the upper-case surname
    /// (the whole name when the surname comes first: `Kim Jong Un`).
    pub short_name: String,
    /// `Putin`.
    pub surname: String,
    pub since: Option<Date>,
}

/// Words of titles that precede a name (`President`, `Prime Minister`).
const TITLE_WORDS: &[&str] = &[
    "acting",
    "administrator",
    "admiral",
    "affairs",
    "amir",
    "archbishop",
    "assembly",
    "ayatollah",
    "bishop",
    "brig.",
    "brigadier",
    "captain",
    "captains",
    "cardinal",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "co-prince",
    "col.",
    "colonel",
    "commander",
    "commander-in-chief",
    "commission",
    "commissioner",
    "committee",
    "council",
    "counsellor",
    "counselor",
    "crown",
    "deputy",
    "dr.",
    "duke",
    "emir",
    "emperor",
    "executive",
    "federal",
    "field",
    "first",
    "gen.",
    "general",
    "governor",
    "governor-general",
    "government",
    "grand",
    "head",
    "high",
    "highness",
    "his",
    "her",
    "holy",
    "interim",
    "junta",
    "king",
    "leader",
    "lieutenant",
    "lt.",
    "maj.",
    "major",
    "majesty",
    "marshal",
    "military",
    "minister",
    "monarch",
    "mr.",
    "mrs.",
    "ms.",
    "national",
    "pope",
    "premier",
    "president",
    "presidential",
    "presidents",
    "prime",
    "prince",
    "princess",
    "prof.",
    "queen",
    "regent",
    "regents",
    "representative",
    "ruler",
    "sac",
    "senior",
    "sheikh",
    "shaykh",
    "sir",
    "sovereign",
    "state",
    "sultan",
    "supreme",
    "taoiseach",
    "transitional",
    "vice",
];

/// The text up to the first `;` outside parentheses.
fn first_part(text: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => return &text[..i],
            _ => {}
        }
    }
    text
}

/// Lower-case name particles (`al-Malik`, `bin`).
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "at", "ash", "an", "bin", "bint", "ibn", "de", "da", "van",
    "von", "ould", "abu",
];

/// An upper-case surname token: `PUTIN`, `al-BURHAN`, `O'NEILL`.
fn is_caps_token(t: &str) -> bool {
    let t = t.trim_end_matches([',', '.']);
    // `al-BURHAN`, `Hoseini-KHAMENEI`: the last part decides.
    let core = t.rsplit(['-', '\'']).next().unwrap_or(t);
    let core = if core.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
        core
    } else {
        t
    };
    let letters: Vec<char> = core.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Parses one JSON line; `None` for a line that is not a record.
pub fn parse_line(line: &str) -> Option<Record> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(decode_entities);
    let snapshot = Date::parse_iso(&text("snapshot")?)?;
    let file = text("file")?;
    let fips = file
        .rsplit('/')
        .next()?
        .trim_end_matches(".json")
        .to_string();
    Some(Record {
        snapshot,
        fips,
        short_name: text("conventional_short_form").unwrap_or_default(),
        chief_of_state: text("chief_of_state").as_deref().and_then(holder),
        head_of_government: text("head_of_government").as_deref().and_then(holder),
    })
}

/// The holder named in the first `;`-separated part of an office's text.
pub fn holder(text: &str) -> Option<Holder> {
    let first = first_part(text).trim();
    if first.starts_with(|c: char| c.is_lowercase()) {
        return None; // a narrative ("on 7 April 2022, President … announced …")
    }
    // `(since 7 May 2012)` or `(head of government since 9 July 2018; …)`.
    let since = first
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once("since "))
        .and_then(|(_, rest)| rest.split([')', ';', ',']).next())
        .and_then(|d| prose_date(d.trim()));
    let before_paren = first.split('(').next()?.trim();
    let tokens: Vec<&str> = before_paren.split_whitespace().collect();
    // A comma ends the name: `Rashad Muhammad al-ALIMI, Dr.`.
    let first_caps = tokens.iter().position(|t| is_caps_token(t));
    let comma = first_caps.and_then(|c| {
        tokens[c..]
            .iter()
            .position(|t| t.ends_with(','))
            .map(|i| c + i)
    });
    let tokens: Vec<&str> = match comma {
        Some(i) => tokens[..=i]
            .iter()
            .map(|t| t.trim_end_matches(','))
            .collect(),
        None => tokens,
    };
    let is_caps = |t: &str| is_caps_token(t);
    // The last run of upper-case tokens is the surname.
    let end = tokens
        .iter()
        .rposition(|t| is_caps(t) && !matches!(*t, "II" | "III" | "IV" | "VI"))?
        + 1;
    let mut start = end - 1;
    while start > 0 && is_caps(tokens[start - 1]) {
        start -= 1;
    }
    let surname_span = (start, end);
    while start > 0 {
        let t = tokens[start - 1];
        let title = TITLE_WORDS.contains(&t.to_lowercase().as_str()) || t.ends_with(',');
        let particle = PARTICLES
            .iter()
            .any(|p| t == *p || t.starts_with(&format!("{p}-")));
        if title || !(t.starts_with(|c: char| c.is_uppercase()) || particle) || is_caps(t) {
            break;
        }
        start -= 1;
    }
    // "President of the Swiss Confederation Doris LEUTHARD", "Chairman of
    // the Presidency Milorad DODIK": capitalised words right after "of" or
    // "the" begin the name of the office's institution or place, and the
    // holder's given name is the last of them.
    if start > 0 && start + 1 < surname_span.0 && matches!(tokens[start - 1], "of" | "the") {
        start = surname_span.0 - 1;
    }
    let mut stop = end;
    while stop < tokens.len() {
        let t = tokens[stop];
        let suffix = matches!(t, "Jr." | "Sr.");
        let particle = PARTICLES
            .iter()
            .any(|p| t == *p || t.starts_with(&format!("{p}-")));
        if !(suffix || particle || t.starts_with(char::is_uppercase) && !t.ends_with('.'))
            || t == "of"
        {
            break;
        }
        stop += 1;
    }
    let full: Vec<&str> = tokens[start..stop].to_vec();
    let surname = display_case(&tokens[surname_span.0..surname_span.1].join(" "));
    let given: Vec<&str> = tokens[start..surname_span.0]
        .iter()
        .copied()
        .filter(|t| !t.ends_with('.'))
        .collect();
    let short_name = match given.first() {
        Some(first) => format!("{} {surname}", display_case(first)),
        None => display_case(&full.join(" ")),
    };
    Some(Holder {
        full_name: display_case(&full.join(" ")),
        short_name,
        surname,
        since,
    })
}

/// Replaces the HTML entities the Factbook text uses (`&Eacute;` → `É`).
pub fn decode_entities(text: &str) -> String {
    const ENTITIES: &[(&str, &str)] = &[
        ("nbsp", " "),
        ("amp", "&"),
        ("quot", "\""),
        ("apos", "'"),
        ("rsquo", "'"),
        ("lsquo", "'"),
        ("rdquo", "\""),
        ("ldquo", "\""),
        ("ndash", "-"),
        ("mdash", "-"),
        ("aacute", "á"),
        ("Aacute", "Á"),
        ("eacute", "é"),
        ("Eacute", "É"),
        ("iacute", "í"),
        ("Iacute", "Í"),
        ("oacute", "ó"),
        ("Oacute", "Ó"),
        ("uacute", "ú"),
        ("Uacute", "Ú"),
        ("egrave", "è"),
        ("Egrave", "È"),
        ("agrave", "à"),
        ("ocirc", "ô"),
        ("acirc", "â"),
        ("ecirc", "ê"),
        ("icirc", "î"),
        ("ucirc", "û"),
        ("ntilde", "ñ"),
        ("Ntilde", "Ñ"),
        ("atilde", "ã"),
        ("otilde", "õ"),
        ("ccedil", "ç"),
        ("Ccedil", "Ç"),
        ("iuml", "ï"),
        ("Iuml", "Ï"),
        ("euml", "ë"),
        ("ouml", "ö"),
        ("Ouml", "Ö"),
        ("uuml", "ü"),
        ("Uuml", "Ü"),
        ("auml", "ä"),
        ("Auml", "Ä"),
        ("aring", "å"),
        ("oslash", "ø"),
        ("szlig", "ß"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let name = tail
            .split(';')
            .next()
            .filter(|n| n.len() <= 8 && tail.len() > n.len());
        match name.and_then(|n| ENTITIES.iter().find(|(e, _)| *e == n)) {
            Some((n, s)) => {
                out.push_str(s);
                rest = &tail[n.len() + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(text: &str) -> (String, String, String, Option<String>) {
        let h = holder(text).unwrap();
        (
            h.full_name,
            h.short_name,
            h.surname,
            h.since.map(|d| d.to_string()),
        )
    }

    #[test]
    fn holders() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            h("President Vladimir Vladimirovich PUTIN (since 7 May 2012)"),
            (
                s("Vladimir Vladimirovich Putin"),
                s("Vladimir Putin"),
                s("Putin"),
                Some(s("2012-05-07"))
            )
        );
        assert_eq!(
            h("President Joseph R. BIDEN Jr. (since 20 January 2021); Vice President Kamala D. HARRIS"),
            (s("Joseph R. Biden Jr."), s("Joseph Biden"), s("Biden"), Some(s("2021-01-20")))
        );
        assert_eq!(
            h("State Affairs Commission Chairman KIM Jong Un (since 17 December 2011)").1,
            "Kim Jong Un"
        );
        assert_eq!(
            h("Amir TAMIM bin Hamad Al Thani (since 25 June 2013)").1,
            "Tamim bin Hamad Al Thani"
        );
        assert_eq!(
            h("Prime Minister Keir STARMER (since 5 July 2024)").1,
            "Keir Starmer"
        );
        assert_eq!(
            h("Prime Minister Boris JOHNSON (Conservative) (since 24 July 2019)").3,
            Some(s("2019-07-24"))
        );
        assert_eq!(
            h("Queen ELIZABETH II (since 6 February 1952); Heir Apparent Prince CHARLES").1,
            "Elizabeth II"
        );
        let burhan = h("Sovereign Council Chair and Commander-in-Chief of the Sudanese Armed Forces General Abd-al-Fatah al-BURHAN Abd-al-Rahman (de facto)");
        assert_eq!(burhan.1, "Abd-al-Fatah al-Burhan");
        assert_eq!(burhan.3, None);
        assert!(holder("president (vacant)").is_none());
        assert_eq!(
            h("Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)").1,
            "Ali Hoseini-Khamenei"
        );
        assert_eq!(
            h("Prime Minister Maeen Abd al-Malik SAEED (since 15 October 2018)").1,
            "Maeen Saeed"
        );
        assert_eq!(
            h("Prime Minister Maeen Abd al-Malik SAEED (since 15 October 2018)").0,
            "Maeen Abd al-Malik Saeed"
        );
        let alimi = h(
            "Chairperson, Presidential Council Rashad Muhammad al-ALIMI, Dr. (since 19 April 2022)",
        );
        assert_eq!(
            (alimi.0.as_str(), alimi.1.as_str()),
            ("Rashad Muhammad al-Alimi", "Rashad al-Alimi")
        );
        assert_eq!(
            h("Prime Minister Salim Salih BIN BURAYK (since 9 May 2025)").1,
            "Salim Bin Burayk"
        );
        assert!(holder("on 7 April 2022, President Abd Rabuh Mansur HADI announced").is_none());
        // the institution or place named after "of the" is no given name
        assert_eq!(
            h("President of the Swiss Confederation Doris LEUTHARD (since 1 January 2017)").0,
            "Doris Leuthard"
        );
        assert_eq!(
            h("Chairman of the Presidency Milorad DODIK (since 20 November 2020)").1,
            "Milorad Dodik"
        );
        assert_eq!(
            h("President of French Polynesia Edouard FRITCH (since 12 September 2014)").1,
            "Edouard Fritch"
        );
        assert_eq!(h("Presidents Doris BURES, Karlheinz KOPF").1, "Doris Bures");
        let both = "President Recep Tayyip ERDOGAN (head of government since 9 July 2019; chief of state since 28 August 2014); Vice President X";
        assert_eq!(h(both).3, Some(s("2019-07-09")));
    }

    #[test]
    fn entities_and_lines() {
        assert_eq!(
            decode_entities("Alix Didier FILS-AIM&Eacute; (since 1 May 2024); A &amp; B &x"),
            "Alix Didier FILS-AIMÉ (since 1 May 2024); A & B &x"
        );
        let line = r#"{"snapshot": "2021-01-01", "file": "europe/up.json", "conventional_short_form": "Ukraine", "chief_of_state": "President Volodymyr ZELENSKYY (since 20 May 2019)", "head_of_government": null}"#;
        let r = parse_line(line).unwrap();
        assert_eq!(r.fips, "up");
        assert_eq!(r.chief_of_state.unwrap().short_name, "Volodymyr Zelenskyy");
        assert!(r.head_of_government.is_none());
    }
}

/// A holder's term: (holder, start, end).
type Stint<'a> = (&'a Holder, Option<Date>, Option<Date>);

/// The two offices a record names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Office {
    State,
    Government,
}

/// Turns the snapshots into roles: a holder's role runs from their
/// since-date to the since-date of the next holder (or, failing that, the
/// first snapshot that names someone else); the last holder's role is open.
/// The same person and since-date in both offices is one role, `head of
/// state and government`. `iso3_of` gives a record's country.
pub fn roles(records: &[Record], iso3_of: &dyn Fn(&Record) -> Option<String>) -> Vec<SourceRole> {
    use std::collections::BTreeMap;
    // (country, office) → snapshots in order.
    let mut series: BTreeMap<(String, Office), BTreeMap<Date, &Holder>> = BTreeMap::new();
    for r in records {
        let Some(iso3) = iso3_of(r) else { continue };
        for (office, h) in [
            (Office::State, &r.chief_of_state),
            (Office::Government, &r.head_of_government),
        ] {
            if let Some(h) = h {
                series
                    .entry((iso3.clone(), office))
                    .or_default()
                    .insert(r.snapshot, h);
            }
        }
    }
    // (country, office) → stints (holder, start, end).
    let mut stints: BTreeMap<(String, Office), Vec<Stint<'_>>> = BTreeMap::new();
    for (key, snaps) in &series {
        let mut out: Vec<Stint<'_>> = Vec::new();
        for (&when, &h) in snaps {
            if let Some(last) = out.last_mut() {
                let same_name = last.0.short_name == h.short_name && last.0.since == h.since;
                // Another spelling with the same since-date is the same holder.
                let respelled = h.since.is_some_and(|d| d.day != 0) && last.0.since == h.since;
                if same_name || respelled {
                    continue;
                }
                let by_successor = h
                    .since
                    .filter(|s| last.1.is_none_or(|start| *s >= start) && *s <= when);
                last.2 = Some(by_successor.unwrap_or(when));
            }
            out.push((h, h.since, None));
        }
        stints.insert(key.clone(), out);
    }
    let mut roles = Vec::new();
    for ((iso3, office), list) in &stints {
        let other = match office {
            Office::State => stints.get(&(iso3.clone(), Office::Government)),
            Office::Government => stints.get(&(iso3.clone(), Office::State)),
        };
        for (h, start, end) in list {
            let twin = other.is_some_and(|o| {
                o.iter()
                    .any(|(oh, os, oe)| oh.short_name == h.short_name && os == start && oe == end)
            });
            let name = match (office, twin) {
                (Office::Government, true) => continue, // written once, under State
                (Office::State, true) => "head of state and government",
                (Office::State, false) => "head of state",
                (Office::Government, false) => "head of government",
            };
            roles.push(SourceRole {
                name: h.short_name.clone(),
                aliases: vec![h.full_name.clone()],
                surname: Some(h.surname.clone()),
                country: iso3.clone(),
                sector: "GOV".to_string(),
                office: name.to_string(),
                start: *start,
                end: *end,
                source: "factbook".to_string(),
            });
        }
    }
    roles
}

#[cfg(test)]
mod timeline_tests {
    use super::*;

    #[test]
    fn builds_stints() {
        let rec = |snap: &str, cos: &str, hog: &str| Record {
            snapshot: Date::parse_iso(snap).unwrap(),
            fips: "uk".into(),
            short_name: "United Kingdom".into(),
            chief_of_state: holder(cos),
            head_of_government: holder(hog),
        };
        let records = [
            rec(
                "2017-03-28",
                "Queen ELIZABETH II (since 6 February 1952)",
                "Prime Minister Theresa MAY (since 13 July 2016)",
            ),
            rec(
                "2020-11-23",
                "Queen ELIZABETH II (since 6 February 1952)",
                "Prime Minister Boris JOHNSON (since 24 July 2019)",
            ),
            rec(
                "2023-01-10",
                "King CHARLES III (since 8 September 2022)",
                "Prime Minister Rishi SUNAK (since 25 October 2022)",
            ),
        ];
        let roles = roles(&records, &|_| Some("GBR".to_string()));
        let got: Vec<String> = roles
            .iter()
            .map(|r| {
                format!(
                    "{} {} {:?} {:?}",
                    r.name,
                    r.office,
                    r.start.map(|d| d.to_string()),
                    r.end.map(|d| d.to_string())
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "Elizabeth II head of state Some(\"1952-02-06\") Some(\"2022-09-08\")",
                "Charles III head of state Some(\"2022-09-08\") None",
                "Theresa May head of government Some(\"2016-07-13\") Some(\"2019-07-24\")",
                "Boris Johnson head of government Some(\"2019-07-24\") Some(\"2022-10-25\")",
                "Rishi Sunak head of government Some(\"2022-10-25\") None",
            ]
        );
    }
}
