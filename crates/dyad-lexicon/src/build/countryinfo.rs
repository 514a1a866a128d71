//! CountryInfo.txt (Schrodt, CC BY-SA 3.0): an almost-XML file with one
//! `<Country>` block per state or territory: codes, nationality forms and
//! synonyms, capitals, and leaders with `[YYYYMMDD - YYYYMMDD]` terms.

use super::dates::{compact_date, Date};

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
}

/// A leader line: `HAMID_KARZAI_  [>20011222]  [B:19570101]` under `<President>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub office: String,
    pub name: String,
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

/// `MOHAMMAD_NAJIBULLAH_  [19871130 - 19920416]` or `HAMID_KARZAI_ [>20011222] [B:19570101]`.
fn parse_leader(office: &str, line: &str) -> Option<Leader> {
    let (name, rest) = line.split_once('[')?;
    let term = rest.split_once(']')?.0.trim();
    let name = name.trim().to_string();
    if name.is_empty() || term.starts_with("B:") || term.starts_with("D:") {
        return None;
    }
    let (start, end, current) = match term.strip_prefix('>') {
        Some(from) => (compact_date(from.trim()), None, true),
        None => {
            let (a, b) = term.split_once('-')?;
            (compact_date(a.trim()), compact_date(b.trim()), false)
        }
    };
    Some(Leader {
        office: office.to_string(),
        name,
        start,
        end,
        current,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "<!-- doc <Country> -->\n<Country>\n<CountryCode>[YUGHRV <20910625][HRV >20030101]</CountryCode>\n\
        <CountryName>CROATIA</CountryName>\n<ISO3166-alpha3>HRV</ISO3166-alpha3>\n<Nationality>\n\tCROATIAN_\n\tCROAT_ # comment\n</Nationality>\n\
        <Capital>\n\tZAGREB_\n</Capital>\n<Leaders>\n\t<President>\n\t\tFRANJO_TUDJMAN_\t[19900530 - 19991210]  [B:19220514]\n\
        \t\tIVO_JOSIPOVIC_\t[>20100218]\n\t</President>\n</Leaders>\n</Country>\n";

    #[test]
    fn parses_a_block() {
        let blocks = parse(SNIPPET);
        assert_eq!(blocks.len(), 1);
        let b = &blocks[0];
        assert_eq!(b.cameo, "HRV");
        assert_eq!(b.name, "CROATIA");
        assert_eq!(b.nationality, ["CROATIAN_", "CROAT_"]);
        assert_eq!(b.capitals, ["ZAGREB_"]);
        assert_eq!(b.leaders.len(), 2);
        assert_eq!(b.leaders[0].office, "President");
        assert_eq!(
            b.leaders[0].end.map(|d| d.to_string()).as_deref(),
            Some("1999-12-10")
        );
        assert!(b.leaders[1].current);
    }
}
