//! The gazetteer: GeoNames countries, first-level divisions and cities of
//! 15,000 or more inhabitants, with their alternate names and the countries'
//! demonyms, and the regions news names that are no division (Darfur, the
//! Donbas), from `data/curated/regions.tsv`.
//!
//! `data/geo/gazetteer.tsv.gz` is the reviewable source (one place a row);
//! `data/geo/names.fst` maps every normalised name (see [`normalise`]) to a
//! run of `data/geo/names.ids`, the places it may name. All three are made
//! by `dyad lexicon geo` (see `data/README.md`) and embedded in the binary;
//! [`Gazetteer::builtin`] loads them once.

use std::sync::LazyLock;

use crate::Error;

mod normalise;

pub use normalise::{normalise, normalise_into};

/// The header of `gazetteer.tsv.gz`.
pub const HEADER: &str =
    "geonames_id\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\tdemonyms\tcommon";

/// A posting flag: the name is a demonym of the place ("Russian").
pub const DEMONYM: u32 = 1 << 31;
/// A posting flag: the name is also a common English word ("Mobile",
/// "Reading"), to be taken as a place only after a locative preposition.
pub const COMMON: u32 = 1 << 30;
/// A posting flag: the name is the place's own (not an alternate name).
pub const PRIMARY: u32 = 1 << 29;
/// The bits of a posting that index the places.
pub const INDEX: u32 = PRIMARY - 1;

/// The longest name, in words, that [`Gazetteer::lookup`] is asked about.
pub const MAX_WORDS: usize = 5;

#[cfg(test)]
static TSV_GZ: &[u8] = include_bytes!("../../data/geo/gazetteer.tsv.gz");
static PLACES: &str = include_str!("../../data/geo/places.tsv");
static FST: &[u8] = include_bytes!("../../data/geo/names.fst");
static IDS: &[u8] = include_bytes!("../../data/geo/names.ids");

static BUILTIN: LazyLock<Result<Gazetteer, Error>> =
    LazyLock::new(|| Gazetteer::from_parts(PLACES, FST.to_vec(), IDS));

/// What kind of place a row is: GeoNames feature codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// An independent or dependent political entity (`PCLI`).
    Country,
    /// A first-order administrative division (`ADM1`).
    Admin1,
    /// The capital of a country (`PPLC`).
    Capital,
    /// Any other populated place (`PPL`).
    City,
    /// A region that is no administrative division ("Darfur", "the
    /// Donbas", "Sinai"): `RGN`, from `curated/regions.tsv`.
    Region,
}

impl Feature {
    /// The GeoNames feature code.
    pub fn code(self) -> &'static str {
        match self {
            Feature::Country => "PCLI",
            Feature::Admin1 => "ADM1",
            Feature::Capital => "PPLC",
            Feature::City => "PPL",
            Feature::Region => "RGN",
        }
    }

    pub fn from_code(code: &str) -> Option<Feature> {
        Some(match code {
            "PCLI" => Feature::Country,
            "ADM1" => Feature::Admin1,
            "PPLC" => Feature::Capital,
            "PPL" => Feature::City,
            "RGN" => Feature::Region,
            _ => return None,
        })
    }
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// None for a curated region (`curated/regions.tsv`), which has no
    /// GeoNames row here.
    pub geonames_id: Option<u64>,
    pub name: String,
    pub feature: Feature,
    /// ISO 3166-1 alpha-3, as the actor base writes countries; empty for a
    /// curated region of several countries ("the Sahel").
    pub country: String,
    /// The GeoNames code of the first-level division (`US.TX`), if known.
    pub admin1: Option<String>,
    /// Unknown for countries and divisions (the sources give none).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
}

/// A place a name may refer to, as the name index gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Index into [`Gazetteer::places`].
    pub place: u32,
    /// The name is a demonym ("Russian"), not the place's name.
    pub demonym: bool,
    /// The name is a common English word too.
    pub common: bool,
    /// The name is the place's own, not an alternate name.
    pub primary: bool,
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    names: fst::Map<Vec<u8>>,
    ids: Vec<u32>,
    by_admin1: std::collections::HashMap<String, u32>,
    by_country: std::collections::HashMap<String, u32>,
}

impl Gazetteer {
    /// The gazetteer shipped in the binary.
    pub fn builtin() -> Result<&'static Gazetteer, &'static Error> {
        BUILTIN.as_ref()
    }

    /// A hash of the shipped gazetteer's files, which changes whenever
    /// they do (for the version stamped on events).
    pub fn builtin_fingerprint() -> u64 {
        dyad_model::stable_hash(&[PLACES.as_bytes(), FST, IDS])
    }

    /// Loads a gazetteer from its compiled files: `places.tsv` (the first
    /// eight columns of `gazetteer.tsv.gz`), `names.fst` and `names.ids`.
    pub fn from_parts(places_tsv: &str, fst: Vec<u8>, ids: &[u8]) -> Result<Gazetteer, Error> {
        const FILE: &str = "places.tsv";
        let text = places_tsv;
        // (byte scans: 38,000 rows of eight cells)
        let mut lines = crate::tsv::lines(text);
        if lines.next() != Some(places_header()) {
            return Err(Error::row(FILE, 1, "the header is not the gazetteer's"));
        }
        let mut places = Vec::with_capacity(text.len() / 40);
        for (k, line) in lines.enumerate() {
            places.push(parse_row(line).map_err(|r| Error::row(FILE, k + 2, r))?);
        }
        let names = fst::Map::new(fst).map_err(|e| Error::row("names.fst", 0, e))?;
        if ids.len() % 4 != 0 {
            return Err(Error::row("names.ids", 0, "not a whole number of u32"));
        }
        let ids: Vec<u32> = ids
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        if let Some(bad) = ids.iter().find(|&&p| (p & INDEX) as usize >= places.len()) {
            return Err(Error::row(
                "names.ids",
                0,
                format!("posting {bad:#x} names no place"),
            ));
        }
        let mut by_admin1 = std::collections::HashMap::new();
        let mut by_country = std::collections::HashMap::new();
        for (i, p) in places.iter().enumerate() {
            match p.feature {
                Feature::Admin1 => {
                    if let Some(a) = &p.admin1 {
                        by_admin1.insert(a.clone(), i as u32);
                    }
                }
                Feature::Country => {
                    by_country.insert(p.country.clone(), i as u32);
                }
                _ => {}
            }
        }
        Ok(Gazetteer {
            places,
            names,
            ids,
            by_admin1,
            by_country,
        })
    }

    /// All places, in the order of the TSV file.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place at `index` (a [`Candidate::place`]).
    pub fn place(&self, index: u32) -> &Place {
        &self.places[index as usize]
    }

    /// The first-level division with this GeoNames code (`US.TX`).
    pub fn admin1(&self, code: &str) -> Option<&Place> {
        self.by_admin1.get(code).map(|&i| &self.places[i as usize])
    }

    /// The country with this ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<u32> {
        self.by_country.get(iso3).copied()
    }

    /// The places a normalised name may refer to (none if it is no name).
    pub fn lookup(&self, key: &str) -> impl Iterator<Item = Candidate> + '_ {
        let run = self
            .names
            .get(key)
            .map(|v| {
                let start = (v >> 16) as usize;
                let len = (v & 0xffff) as usize;
                &self.ids[start.min(self.ids.len())..(start + len).min(self.ids.len())]
            })
            .unwrap_or(&[]);
        run.iter().map(|&p| Candidate {
            place: p & INDEX,
            demonym: p & DEMONYM != 0,
            common: p & COMMON != 0,
            primary: p & PRIMARY != 0,
        })
    }

    /// Whether some name starts with `prefix` (normalised): lets a caller
    /// stop extending a word sequence that can match nothing.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        use fst::{IntoStreamer, Streamer};
        let range = self.names.range().ge(prefix);
        let mut s = range.into_stream();
        s.next()
            .is_some_and(|(k, _)| k.starts_with(prefix.as_bytes()))
    }
}

/// The header of `places.tsv`: the gazetteer's first eight columns.
pub fn places_header() -> &'static str {
    let end = HEADER
        .match_indices('\t')
        .nth(7)
        .map_or(HEADER.len(), |(i, _)| i);
    &HEADER[..end]
}

/// The text of `places.tsv` for a gazetteer TSV text: its first eight
/// columns.
pub fn places_of_tsv(tsv: &str) -> String {
    let mut out = String::with_capacity(tsv.len() / 2);
    for line in tsv.lines() {
        let end = line
            .match_indices('\t')
            .nth(7)
            .map_or(line.len(), |(i, _)| i);
        out.push_str(&line[..end]);
        out.push('\n');
    }
    out
}

fn parse_row(line: &str) -> Result<Place, String> {
    let mut cells = crate::tsv::tab_cells(line);
    let mut next = |what: &str| cells.next().ok_or_else(|| format!("no {what} column"));
    let geonames_id = match next("geonames_id")? {
        "" => None,
        id => Some(id.parse().map_err(|e| format!("geonames_id: {e}"))?),
    };
    let name = next("name")?.to_string();
    let feature = next("feature")?;
    let feature = Feature::from_code(feature).ok_or_else(|| format!("feature {feature:?}"))?;
    let country = next("country")?.to_string();
    // (empty for a region of several countries)
    if !(country.is_empty() || country.len() == 3) {
        return Err(format!("country {country:?} is not ISO3"));
    }
    let admin1 = Some(next("admin1")?)
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    let coord = |s: &str, what: &str| -> Result<Option<f64>, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse().map(Some).map_err(|e| format!("{what}: {e}"))
        }
    };
    let lat = coord(next("lat")?, "lat")?;
    let lon = coord(next("lon")?, "lon")?;
    let population = next("population")?
        .parse()
        .map_err(|e| format!("population: {e}"))?;
    Ok(Place {
        geonames_id,
        name,
        feature,
        country,
        admin1,
        lat,
        lon,
        population,
    })
}

#[cfg(test)]
mod tests;
