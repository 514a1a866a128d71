//! `countries.tsv`: one row per country or territory, keyed by ISO 3166
//! alpha-3, merged from CountryInfo (codes, synonyms, capitals), NGEC
//! (modern names, clean demonyms) and text_to_CAMEO (CAMEO codes, names).

use std::collections::{BTreeMap, BTreeSet};

use super::english::is_common_word;
use super::spelling::display_case;
use super::tsv::{push_item, split_list, Table};
use super::{countryinfo, ngec};

pub const HEADER: &[&str] = &[
    "iso3",
    "name",
    "names",
    "adjectives",
    "capitals",
    "seats",
    "cameo",
    "source",
];
pub const LISTS: &[&str] = &["names", "adjectives", "capitals", "seats"];

/// CAMEO codes that are not the ISO code of the same place.
const CAMEO_TO_ISO: &[(&str, &str)] = &[("KSV", "XKX"), ("TMP", "TLS"), ("GBRIMY", "IMN")];

/// Aliases this short are dropped unless they are listed here.
const SHORT_ALIASES: &[&str] = &["UK", "US"];

/// Endings of demonyms and adjectives (`Afghan`, `Chinese`, `Iraqis`, `Serb`).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "an", "ans", "ese", "ish", "i", "is", "ch", "er", "ers", "ot", "ots", "ite", "ites", "ss",
    "ino", "inos", "ina", "ine", "ines", "ard", "ards", "ois", "ais", "ene", "enes", "asque",
    "asques", "k", "ks", "at", "ats", "b", "bs", "h", "hs", "z", "in", "ins", "en", "y", "ic",
];

/// Endings of place names (`Scotland`, `Britain`, `Wales`, `Ivory Coast`).
const NAME_ENDINGS: &[&str] = &[
    "land",
    "ia",
    "stan",
    "ain",
    "ales",
    "coast",
    "ivoire",
    "congo",
    "aire",
    "verde",
    "palestine",
    "states",
    "kingdom",
    "republic",
    "islands",
    "island",
    "timor",
    "territories",
];

/// Endings that only demonyms have (`…ian`, `…ese`, `…man`).
const STRONG_ADJECTIVE_ENDINGS: &[&str] = &[
    "ian", "ians", "ean", "eans", "ese", "ish", "man", "woman", "men", "women",
];

/// Sources of the generated table.
#[derive(Debug)]
pub struct Sources<'a> {
    pub countryinfo: &'a [countryinfo::Block],
    pub ngec: &'a [ngec::Country],
    pub cameo: &'a [(String, String)],
    /// Common English words: an alias, adjective or capital that is one
    /// (`Pole`, `Male`) is left out; the canonical name always stays (`Chad`).
    pub common: &'a BTreeSet<String>,
}

/// Builds the table before the curated overlay.
pub fn build(src: &Sources<'_>) -> Table {
    let mut table = Table::new(HEADER, LISTS);
    let (c_name, c_names, c_adj, c_cap, c_cameo) = (
        table.col("name"),
        table.col("names"),
        table.col("adjectives"),
        table.col("capitals"),
        table.col("cameo"),
    );
    let mut tags: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    // Names that belong to a place of their own: NGEC lists territories
    // after a state's own forms, and CAMEO gives `Jersey` the code GBR.
    let mut place_names: BTreeMap<String, String> = BTreeMap::new();

    let blocks = identify(src.countryinfo);
    for (iso3, cameo, block) in &blocks {
        place_names.insert(display_case(&block.name).to_lowercase(), iso3.clone());
        let row = table.row_mut(iso3);
        row[c_cameo] = cameo.clone();
        row[c_name] = display_case(&block.name);
    }
    for (name, code) in src.cameo {
        let iso3 = cameo_iso3(code);
        place_names.entry(name.to_lowercase()).or_insert(iso3);
    }
    for c in src.ngec.iter().filter(|c| is_iso3(&c.iso3)) {
        place_names.insert(c.name.to_lowercase(), c.iso3.clone());
    }

    // Canonical names: NGEC (modern) over CAMEO over CountryInfo.
    let mut cameo_seen = BTreeSet::new();
    for (name, code) in src.cameo {
        let iso3 = cameo_iso3(code);
        if place_names
            .get(&name.to_lowercase())
            .is_some_and(|owner| *owner != iso3)
        {
            continue;
        }
        let first = cameo_seen.insert(iso3.clone());
        let row = table.row_mut(&iso3);
        if row[c_cameo].is_empty() {
            row[c_cameo] = code.clone();
        }
        if first && !tags.contains_key(&iso3) {
            row[c_name] = name.clone();
        }
        tags.entry(iso3).or_default().insert("cameo");
    }
    for (iso3, _, _) in &blocks {
        tags.entry(iso3.clone()).or_default().insert("countryinfo");
    }
    // NGEC's own codes (UNO, EUR) are not countries: only known codes count.
    let known: BTreeSet<String> = table.rows.keys().cloned().collect();
    let ngec: Vec<&ngec::Country> = src
        .ngec
        .iter()
        .filter(|c| known.contains(&c.iso3))
        .collect();
    for c in &ngec {
        let row = table.row_mut(&c.iso3);
        row[c_name] = c.name.clone();
        if row[c_cameo].is_empty() {
            row[c_cameo] = c.iso3.clone();
        }
        tags.entry(c.iso3.clone()).or_default().insert("ngec");
    }
    // The canonical name is the first of the names.
    let keys: Vec<String> = table.rows.keys().cloned().collect();
    for key in &keys {
        let name = table.rows[key][c_name].clone();
        table.push_item(key, c_names, &name);
    }
    for c in &ngec {
        let own = own_words(&table.rows[&c.iso3][c_name], "");
        for item in &c.nationality {
            if place_names
                .get(&item.to_lowercase())
                .is_some_and(|o| *o != c.iso3)
            {
                break; // the territories' part of the list
            }
            let is_name = is_acronym(item)
                || item.contains(" of ")
                || mentions(item, &own)
                || ends_with_any(&item.to_lowercase(), NAME_ENDINGS);
            let col = if is_name { c_names } else { c_adj };
            push_alias(&mut table, &c.iso3, col, item);
        }
    }
    for (iso3, _, block) in &blocks {
        let own = own_words(&table.rows[iso3][c_name], &display_case(&block.name));
        let ngec_adj: BTreeSet<String> = split_list(&table.rows[iso3][c_adj])
            .map(str::to_lowercase)
            .collect();
        push_alias(&mut table, iso3, c_names, &display_case(&block.name));
        for (i, raw) in block.nationality.iter().enumerate() {
            let Some(item) = clean(raw) else { continue };
            let lower = item.to_lowercase();
            let adjective = !mentions(&item, &own)
                && !ends_with_any(&lower, NAME_ENDINGS)
                && (ngec_adj.contains(&lower)
                    || (i == 0 && ends_with_any(&lower, ADJECTIVE_ENDINGS))
                    || ends_with_any(&lower, STRONG_ADJECTIVE_ENDINGS));
            if place_names.get(&lower).is_some_and(|o| o != iso3) {
                continue;
            }
            if adjective {
                push_alias(&mut table, iso3, c_adj, &item);
                if i == 0 {
                    if let Some(plural) = plural(&item) {
                        push_alias(&mut table, iso3, c_adj, &plural);
                    }
                }
            } else {
                push_alias(&mut table, iso3, c_names, &item);
            }
        }
        for raw in &block.capitals {
            if let Some(cap) = clean(raw) {
                push_alias(&mut table, iso3, c_cap, &cap);
            }
        }
    }
    for row in table.rows.values_mut() {
        for c in [c_names, c_adj, c_cap] {
            let kept: Vec<&str> = split_list(&row[c])
                .filter(|x| *x == row[c_name] || !is_common_word(src.common, x))
                .collect();
            row[c] = kept.join("|");
        }
    }
    let c_source = table.col("source");
    for (iso3, set) in tags {
        let order = ["countryinfo", "ngec", "cameo"];
        let tag: Vec<&str> = order.into_iter().filter(|t| set.contains(t)).collect();
        table.row_mut(&iso3)[c_source] = tag.join("+");
    }
    table
}

/// After the curated overlay: the canonical name leads the names and is
/// not an adjective.
pub fn finish(table: &mut Table) {
    let (c_name, c_names, c_adj) = (
        table.col("name"),
        table.col("names"),
        table.col("adjectives"),
    );
    for row in table.rows.values_mut() {
        let name = row[c_name].clone();
        let mut names = name.clone();
        for item in split_list(&row[c_names]) {
            if !split_list(&names).any(|x| x.eq_ignore_ascii_case(item)) {
                push_item(&mut names, item);
            }
        }
        let adjectives: Vec<&str> = split_list(&row[c_adj])
            .filter(|a| !a.eq_ignore_ascii_case(&name))
            .collect();
        row[c_adj] = adjectives.join("|");
        row[c_names] = names;
    }
}

/// CAMEO country code (and ISO code) → ISO code: `KSV` → `XKX`. A CAMEO
/// code shared by a state and its dependencies (`FRA`) maps to the state.
pub fn iso3_map(table: &Table) -> BTreeMap<String, String> {
    let c_cameo = table.col("cameo");
    let mut map: BTreeMap<String, String> =
        table.rows.keys().map(|k| (k.clone(), k.clone())).collect();
    for (iso3, row) in &table.rows {
        map.entry(row[c_cameo].clone())
            .or_insert_with(|| iso3.clone());
    }
    map
}

/// Lower-cased name (canonical or other) → ISO code, for names that belong
/// to one country only.
pub fn name_map(table: &Table) -> BTreeMap<String, String> {
    let (c_name, c_names) = (table.col("name"), table.col("names"));
    let mut map: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (iso3, row) in &table.rows {
        for n in std::iter::once(row[c_name].as_str()).chain(split_list(&row[c_names])) {
            let slot = map
                .entry(n.to_lowercase())
                .or_insert_with(|| Some(iso3.clone()));
            if slot.as_deref() != Some(iso3.as_str()) {
                *slot = None;
            }
        }
    }
    map.into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

/// Every name, adjective, capital and seat, lower-cased.
pub fn reserved_words(table: &Table) -> BTreeSet<String> {
    let cols: Vec<usize> = ["name", "names", "adjectives", "capitals", "seats"]
        .iter()
        .map(|c| table.col(c))
        .collect();
    let mut out = BTreeSet::new();
    for row in table.rows.values() {
        for &c in &cols {
            out.extend(split_list(&row[c]).map(str::to_lowercase));
        }
    }
    out
}

/// `(iso3, cameo, block)` for each CountryInfo block that is an ISO country
/// or territory (sub-national entities such as CHNTIB are left out).
pub fn identify(blocks: &[countryinfo::Block]) -> Vec<(String, String, &countryinfo::Block)> {
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for b in blocks {
        *uses.entry(b.cameo.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for b in blocks {
        let field = is_iso3(&b.iso3_field).then_some(b.iso3_field.as_str());
        let iso3 = match (b.cameo.len(), field) {
            (3, Some(f)) if uses[b.cameo.as_str()] > 1 && f != b.cameo => f.to_string(),
            (3, _) => cameo_iso3(&b.cameo),
            (0 | 6, Some(f)) => f.to_string(),
            _ => continue,
        };
        let cameo = if b.cameo.is_empty() {
            iso3.clone()
        } else {
            b.cameo.clone()
        };
        if out.iter().any(|(i, _, _)| *i == iso3) {
            continue;
        }
        out.push((iso3, cameo, b));
    }
    out
}

/// The ISO code of a CAMEO country code.
fn cameo_iso3(code: &str) -> String {
    if let Some((_, iso)) = CAMEO_TO_ISO.iter().find(|(c, _)| *c == code) {
        return (*iso).to_string();
    }
    code[code.len().saturating_sub(3)..].to_string()
}

fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A CountryInfo synonym made fit for news text, or `None` for junk
/// (parenthesised qualifiers, inverted `SAMOA,_AMERICAN`, mojibake).
fn clean(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.contains(['(', ')', ',', '/', '[', ']', '\u{fffd}'])
        || raw.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let raw = raw.strip_prefix("THE_").unwrap_or(raw);
    Some(display_case(raw))
}

fn push_alias(table: &mut Table, iso3: &str, col: usize, item: &str) {
    let letters = item.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 && !SHORT_ALIASES.contains(&item.replace('.', "").as_str()) {
        return;
    }
    let duplicate = split_list(&table.rows[iso3][col]).any(|x| x.eq_ignore_ascii_case(item));
    if !duplicate {
        table.push_item(iso3, col, item);
    }
}

fn is_acronym(item: &str) -> bool {
    let letters: Vec<char> = item.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 5 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The distinctive last words of a country's names (`Arabia`, `Congo`).
fn own_words(name: &str, other: &str) -> Vec<String> {
    [name, other]
        .iter()
        .filter_map(|n| n.split([' ', '-']).next_back())
        .filter(|w| w.len() > 3)
        .map(|w| w.to_lowercase())
        .collect()
}

/// Does `item` contain one of `words` as a whole word?
fn mentions(item: &str, words: &[String]) -> bool {
    item.split([' ', '-'])
        .any(|w| words.contains(&w.to_lowercase()))
}

fn ends_with_any(lower: &str, endings: &[&str]) -> bool {
    let last = lower.rsplit(' ').next().unwrap_or(lower);
    endings.iter().any(|e| last.ends_with(e))
}

/// The plural of a demonym: `Samoan` → `Samoans`; none for `Chinese`, `Swiss`.
fn plural(adjective: &str) -> Option<String> {
    let lower = adjective.to_lowercase();
    let takes_s = ["an", "er", "i", "ot", "ite", "ard", "k"]
        .iter()
        .any(|e| lower.ends_with(e));
    takes_s.then(|| format!("{adjective}s"))
}

#[cfg(test)]
mod tests {
    use super::super::cameo;
    use super::*;

    fn block(
        cameo: &str,
        iso: &str,
        name: &str,
        nat: &[&str],
        caps: &[&str],
    ) -> countryinfo::Block {
        countryinfo::Block {
            cameo: cameo.into(),
            iso3_field: iso.into(),
            name: name.into(),
            nationality: nat.iter().map(|s| s.to_string()).collect(),
            capitals: caps.iter().map(|s| s.to_string()).collect(),
            leaders: vec![],
            government: vec![],
            fips: String::new(),
        }
    }

    #[test]
    fn merges_sources() {
        let blocks = [
            block(
                "USA",
                "USA",
                "UNITED_STATES_OF_AMERICA",
                &["AMERICAN_", "U.S.", "UNITED_STATES_", "AMERICA_(US)", "US"],
                &["WASHINGTON_D.C."],
            ),
            block("USAGUM", "GUM", "GUAM_", &["GUAMANIAN_"], &[]),
            block("JPN", "JON", "JAPAN", &["JAPANESE_", "NIHON_"], &["TOKYO_"]),
            block("KSV", "---", "KOSOVO", &["KOSOVAR_"], &["PRISTINA_"]),
            block("GBR", "GBR", "UNITED_KINGDOM", &["BRITISH_"], &["LONDON_"]),
            block("GBR", "JEY", "JERSEY", &["JERSEYMAN_"], &[]),
        ];
        let ngec =
            ngec::parse("h\nUS,United States,USA,\"American, US, Americans, Guam, Guamanian\"\n");
        let cameo = cameo::parse_country_names("Guam\tUSAGUM\t000\nJersey\tGBR\t000\n");
        let common: BTreeSet<String> = ["nihon", "us"].iter().map(|s| s.to_string()).collect();
        let t = build(&Sources {
            countryinfo: &blocks,
            ngec: &ngec,
            cameo: &cameo,
            common: &common,
        });
        let usa = &t.rows["USA"];
        assert_eq!(usa[1], "United States");
        assert_eq!(usa[2], "United States|US|United States of America|U.S.");
        assert_eq!(usa[3], "American|Americans");
        assert_eq!(usa[4], "Washington D.C.");
        assert_eq!(usa[7], "countryinfo+ngec");
        assert_eq!(t.rows["GUM"][6], "USAGUM");
        assert_eq!(t.rows["GUM"][3], "Guamanian|Guamanians");
        assert_eq!(t.rows["JPN"][2], "Japan", "Nihon is a common word here");
        assert_eq!(t.rows["XKX"][6], "KSV");
        assert_eq!(
            t.rows["GBR"][2], "United Kingdom",
            "Jersey is not a name of the UK"
        );
        assert_eq!(t.rows["JEY"][6], "GBR");
    }
}
