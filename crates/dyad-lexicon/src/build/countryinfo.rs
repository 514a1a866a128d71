//! CountryInfo.txt (Schrodt, CC BY-SA 3.0): an almost-XML file with one
//! `<Country>` block per state or territory: codes, nationality forms and
//! synonyms, capitals, and leaders with `[YYYYMMDD - YYYYMMDD]` terms.

use super::dates::{compact_date, Date};
use super::people::SourceRole;
use super::phoenix::{split_codes, Code};
use super::spelling::person_case;

/// The file's last update: roles still open then are closed at it (a later
/// source or the overlay continues the ones that went on).
pub const HORIZON: Date = Date {
    year: 2012,
    month: 1,
    day: 0,
};

/// One `<Country>` block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// The CAMEO code: `<CountryCode>`, or the last code of a dated list
    /// such as `[YUGHRV <20910625][HRV >20030101]`; empty if `None`.
    pub cameo: String,
    /// `<ISO3166-alpha3>` as written (it has errors; `---` = none).
    pub iso3_field: String,
    /// `<CountryName>`, raw (`UNITED_STATES_OF_AMERICA`).
    pub name: String,
    /// `<Nationality>` entries, raw, in order.
    pub nationality: Vec<String>,
    /// `<Capital>` entries, raw.
    pub capitals: Vec<String>,
    /// `<Leaders>` entries.
    pub leaders: Vec<Leader>,
    /// `<Government>` entries (2003–2011 cabinets).
    pub government: Vec<Member>,
    /// `<FIPS-10>`, lower case (`rs`), empty if none.
    pub fips: String,
}

/// A `<Government>` line: `ABDUL_RAHIM_WARDAK_ [AFGGOVMIL >20050101] # Minister of Defense`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub codes: Vec<Code>,
    /// The title after `#`; several titles are joined with ` & `.
    pub title: String,
}

/// A leader line: `HAMID_KARZAI_  [>20011222]  [B:19570101]` under `<President>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub office: String,
    pub name: String,
    /// Other forms of the name, raw.
    pub aliases: Vec<String>,
    pub start: Option<Date>,
    /// `None` with `current` = in office at the file's last update.
    pub end: Option<Date>,
    pub current: bool,
}

/// Parses the whole file (decoded lossily: it has a few non-UTF-8 bytes).
pub fn parse(text: &str) -> Vec<Block> {
    let body = text.split_once("-->").map_or(text, |(_, rest)| rest);
    body.split("<Country>").skip(1).map(parse_block).collect()
}

fn parse_block(text: &str) -> Block {
    let mut block = Block::default();
    let mut open: Option<String> = None;
    let mut office = String::new();
    for raw in text.lines() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some((tag, value)) = one_line_tag(line) {
            match tag {
                "CountryCode" => block.cameo = last_code(value),
                "CountryName" => block.name = value.to_string(),
                "ISO3166-alpha3" => block.iso3_field = value.to_string(),
                "FIPS-10" if value != "--" => block.fips = value.to_lowercase(),
                _ => {}
            }
            continue;
        }
        if let Some(tag) = line.strip_prefix("</") {
            let tag = tag.trim_end_matches('>');
            if open.as_deref() == Some(tag) {
                open = None;
            }
            continue;
        }
        if let Some(tag) = line.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            match open.as_deref() {
                Some("Leaders") => office = tag.to_string(),
                _ => open = Some(tag.to_string()),
            }
            continue;
        }
        match open.as_deref() {
            Some("Government") => block.government.extend(parse_member(raw)),
            Some("Nationality") => block.nationality.push(line.to_string()),
            Some("Capital") => block
                .capitals
                .extend(line.split_whitespace().map(str::to_string)),
            Some("Leaders") => block.leaders.extend(parse_leader(&office, line)),
            _ => {}
        }
    }
    block
}

fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(keep, _)| keep)
}

fn one_line_tag(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('<')?;
    let (tag, rest) = rest.split_once('>')?;
    let value = rest.strip_suffix(&format!("</{tag}>"))?;
    Some((tag, value.trim()))
}

/// `AFG` → `AFG`; `[YUGHRV <20910625][HRV >20030101]` → `HRV`; `None` → ``.
fn last_code(value: &str) -> String {
    let last = value.rsplit('[').next().unwrap_or(value);
    let code = last
        .trim_end_matches(']')
        .split_whitespace()
        .next()
        .unwrap_or("");
    if code == "None" {
        String::new()
    } else {
        code.to_string()
    }
}

/// The roles of a block's leaders and cabinet members. A dependency's
/// (`dependency`) cabinet section repeats its sovereign's and is skipped.
pub fn roles(block: &Block, iso3: &str, dependency: bool) -> Vec<SourceRole> {
    let mut out = Vec::new();
    for l in &block.leaders {
        let end = if l.current && l.start.is_none_or(|s| s <= HORIZON) {
            Some(HORIZON)
        } else {
            l.end
        };
        let mut r = role(&l.name, iso3, "GOV", leader_office(&l.office), l.start, end);
        r.aliases = l
            .aliases
            .iter()
            .map(|a| person_case(a.trim_matches('_')))
            .collect();
        out.push(r);
    }
    for m in block.government.iter().filter(|_| !dependency) {
        let titles: Vec<&str> = m.title.split(" & ").collect();
        if titles.len() != 1 {
            continue; // several titles: which code goes with which is not said
        }
        let office = minister_office(titles[0]);
        for c in &m.codes {
            let sector = c.code.get(3..6).unwrap_or("GOV");
            let end = match (c.from, c.until) {
                (Some(from), None) if from <= HORIZON => Some(HORIZON),
                _ => c.until,
            };
            out.push(role(&m.name, iso3, sector, office.clone(), c.from, end));
        }
    }
    out
}

fn role(
    raw: &str,
    iso3: &str,
    sector: &str,
    office: String,
    start: Option<Date>,
    end: Option<Date>,
) -> SourceRole {
    SourceRole {
        name: person_case(raw.trim_matches('_')),
        aliases: Vec::new(),
        surname: None,
        country: iso3.to_string(),
        sector: sector.to_string(),
        office,
        start,
        end,
        source: "countryinfo".to_string(),
    }
}

/// `Prime ministers` → `head of government`, `Kings` → `head of state`.
pub fn leader_office(tag: &str) -> String {
    let t = tag.to_lowercase();
    let gov = [
        "prime minister",
        "premier",
        "chancellor",
        "council of ministers",
        "government",
        "chief minister",
    ];
    let state = [
        "president",
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "monarch",
        "emperor",
        "grand duke",
        "prince",
        "head of state",
        "shah",
        "chairm",
    ];
    if t.contains("vice") || t.contains("deputy") {
        t
    } else if gov.iter().any(|g| t.contains(g)) {
        "head of government".to_string()
    } else if t.contains("governor") {
        "governor".to_string()
    } else if state.iter().any(|g| t.contains(g)) {
        "head of state".to_string()
    } else {
        t
    }
}

/// `Minister of Foreign Affairs` → `foreign minister`; other titles lower case.
pub fn minister_office(title: &str) -> String {
    let t = title.replace('"', "").to_lowercase();
    let t = t.trim();
    let foreign = t.contains("foreign affairs")
        || t == "foreign minister"
        || t.contains("external affairs")
        || t.starts_with("secretary of state for foreign")
        || t == "secretary of state";
    let defence = t.contains("of defense")
        || t.contains("of defence")
        || t.contains("for defence")
        || t.contains("national defense")
        || t == "defense minister"
        || t == "defence minister";
    let head = t.starts_with("minister") || t.starts_with("secretary of state");
    let defence = defence || t.starts_with("secretary of state for defence");
    match (foreign && head, defence && head) {
        (true, _) if !t.contains("deputy") && !t.contains("minister of state") => {
            "foreign minister".to_string()
        }
        (_, true) if !t.contains("deputy") && !t.contains("minister of state") => {
            "defence minister".to_string()
        }
        _ => t.to_string(),
    }
}

fn parse_member(raw: &str) -> Option<Member> {
    let (body, title) = raw.split_once('#').unwrap_or((raw, ""));
    let (names, codes) = split_codes(body);
    let name = brace_names(names).0.unwrap_or_default();
    (!name.is_empty() && !codes.is_empty()).then(|| Member {
        name,
        codes,
        title: title.trim().to_string(),
    })
}

/// `MOHAMMAD_NAJIBULLAH_  [19871130 - 19920416]`, `HAMID_KARZAI_ [>20011222] [B:19570101]`,
/// `{VLADIMIR_PUTIN_}{VLADIMIR_VLADIMIROVICH_PUTIN_} [19990809 - 20000507] [>20080508]`:
/// one leader per term.
fn parse_leader(office: &str, line: &str) -> Vec<Leader> {
    let Some((names, rest)) = line.split_once('[') else {
        return Vec::new();
    };
    let (name, aliases) = brace_names(names);
    let Some(name) = name else { return Vec::new() };
    let mut out = Vec::new();
    for group in format!("[{rest}").split('[').skip(1) {
        let term = group.split(']').next().unwrap_or("").trim();
        if term.starts_with("B:") || term.starts_with("D:") {
            continue;
        }
        let (start, end, current) = match term.strip_prefix('>') {
            Some(from) => (compact_date(from.trim()), None, true),
            None => match term.split_once('-') {
                Some((a, b)) => (compact_date(a.trim()), compact_date(b.trim()), false),
                None => continue,
            },
        };
        out.push(Leader {
            office: office.to_string(),
            name: name.clone(),
            aliases: aliases.clone(),
            start,
            end,
            current,
        });
    }
    out
}

/// `NAME_ {SYN_}{SYN2_}` or `{NAME_}{SYN_}` → (name, synonyms).
fn brace_names(text: &str) -> (Option<String>, Vec<String>) {
    let mut parts = text
        .split(['{', '}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    (parts.next(), parts.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "<!-- doc <Country> -->\n<Country>\n<CountryCode>[YUGHRV <20910625][HRV >20030101]</CountryCode>\n\
        <CountryName>CROATIA</CountryName>\n<FIPS-10>HR</FIPS-10>\n<ISO3166-alpha3>HRV</ISO3166-alpha3>\n<Nationality>\n\tCROATIAN_\n\tCROAT_ # comment\n</Nationality>\n\
        <Capital>\n\tZAGREB_\n</Capital>\n<Leaders>\n\t<President>\n\t\tFRANJO_TUDJMAN_\t[19900530 - 19991210]  [B:19220514]\n\
        \t\tIVO_JOSIPOVIC_ {IVO_JOSIPOVICH_}\t[>20100218]\n\t\t{STJEPAN_MESIC_}{STIPE_MESIC_}\t[19910515 - 19910630]  [20000218 - 20100218]  [B:19340101]\n\t</President>\n</Leaders>\n<Government>\n\t{GORDAN_JANDROKOVIC_}{G._JANDROKOVIC_}\t[HRVGOV 20080101 - 20111231]\t# Minister of Foreign Affairs\n</Government>\n</Country>\n";

    #[test]
    fn parses_a_block() {
        let blocks = parse(SNIPPET);
        assert_eq!(blocks.len(), 1);
        let b = &blocks[0];
        assert_eq!(b.cameo, "HRV");
        assert_eq!(b.name, "CROATIA");
        assert_eq!(b.nationality, ["CROATIAN_", "CROAT_"]);
        assert_eq!(b.capitals, ["ZAGREB_"]);
        assert_eq!(b.leaders.len(), 4);
        assert_eq!(b.leaders[3].name, "STJEPAN_MESIC_");
        assert_eq!(b.leaders[3].aliases, ["STIPE_MESIC_"]);
        assert_eq!(
            b.leaders[3].start.map(|d| d.to_string()).as_deref(),
            Some("2000-02-18")
        );
        assert_eq!(b.leaders[0].office, "President");
        assert_eq!(
            b.leaders[0].end.map(|d| d.to_string()).as_deref(),
            Some("1999-12-10")
        );
        assert!(b.leaders[1].current);
        assert_eq!(b.leaders[1].aliases, ["IVO_JOSIPOVICH_"]);
        assert_eq!(b.fips, "hr");
        assert_eq!(b.government.len(), 1);
        assert_eq!(b.government[0].title, "Minister of Foreign Affairs");
        assert_eq!(
            b.government[0].codes[0]
                .until
                .map(|d| d.to_string())
                .as_deref(),
            Some("2011-12-31")
        );
        let roles = roles(b, "HRV", false);
        let got: Vec<(String, String, String)> = roles
            .iter()
            .map(|r| {
                (
                    r.name.clone(),
                    r.office.clone(),
                    r.end.map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                (s("Franjo Tudjman"), s("head of state"), s("1999-12-10")),
                (s("Ivo Josipovic"), s("head of state"), s("2012-01")),
                (s("Stjepan Mesic"), s("head of state"), s("1991-06-30")),
                (s("Stjepan Mesic"), s("head of state"), s("2010-02-18")),
                (
                    s("Gordan Jandrokovic"),
                    s("foreign minister"),
                    s("2011-12-31")
                ),
            ]
        );
        assert_eq!(
            minister_office("Minister of National Defense"),
            "defence minister"
        );
        assert_eq!(
            minister_office("Deputy Minister of Foreign Affairs"),
            "deputy minister of foreign affairs"
        );
        assert_eq!(leader_office("Prime ministers"), "head of government");
        assert_eq!(
            minister_office("Secretary of State for Foreign and Commonwealth Affairs"),
            "foreign minister"
        );
    }
}
