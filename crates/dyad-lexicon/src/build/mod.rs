//! Generating the actor base's TSV files from their public sources.
//!
//! [`build_all`] reads the source files under a shared data directory
//! (CountryInfo, PETRARCH/Phoenix dictionaries, NGEC, text_to_CAMEO, the
//! World Factbook) and the curated overlays in `data/curated/`, and writes
//! `countries.tsv`, `agents.tsv`, … deterministically: the same inputs
//! give the same bytes. One module per source format, one per output file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub mod agents;
pub mod cameo;
pub mod check;
pub mod countries;
pub mod countryinfo;
pub mod dates;
pub mod english;
pub mod factbook;
pub mod geo;
pub mod media;
pub mod ngec;
pub mod organisations;
pub mod people;
pub mod phoenix;
pub mod spelling;
pub mod tsv;

pub use check::{check, Problem};
use tsv::Table;

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Tsv {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

/// What a build wrote: file name and number of data rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub files: Vec<(String, usize)>,
}

/// Reads the sources under `shared_data` and the overlays under
/// `out_dir/curated`, and writes the TSV files into `out_dir`.
pub fn build_all(shared_data: &Path, out_dir: &Path) -> Result<BuildReport, Error> {
    let mut report = BuildReport::default();
    let curated = out_dir.join("curated");

    let blocks = countryinfo::parse(&read_lossy(
        &shared_data.join("countryinfo/CountryInfo.120116.txt"),
    )?);
    let ngec_countries = ngec::parse(&read(&shared_data.join("ngec/countries.csv"))?);
    let cameo_names = cameo::parse_country_names(&read(
        &shared_data.join("cameo/text_to_CAMEO.countrynames.txt"),
    )?);
    let common = common_words(shared_data)?;
    let sources = countries::Sources {
        countryinfo: &blocks,
        ngec: &ngec_countries,
        cameo: &cameo_names,
        common: &common,
    };
    let mut countries = countries::build(&sources);
    overlay(&mut countries, &curated.join("countries.tsv"))?;
    countries::finish(&mut countries);
    write(out_dir, "countries.tsv", &countries, &mut report)?;

    let iso3_of = countries::iso3_map(&countries);
    let reserved = countries::reserved_words(&countries);
    let intl = phoenix::parse(&read_lossy(
        &shared_data.join("petrarch2/Phoenix.International.actors.txt"),
    )?);
    let mil = phoenix::parse(&read_lossy(
        &shared_data.join("petrarch2/Phoenix.MilNonState.actors.txt"),
    )?);
    let national = phoenix::parse(&read_lossy(
        &shared_data.join("petrarch2/Phoenix.Countries.actors.txt"),
    )?);
    let dictionaries = [
        (organisations::Dictionary::International, &intl[..]),
        (organisations::Dictionary::MilNonState, &mil[..]),
        (organisations::Dictionary::Countries, &national[..]),
    ];
    let cx = organisations::Context {
        iso3_of: &iso3_of,
        reserved: &reserved,
        common: &common,
    };
    let mut organisations = organisations::build(&dictionaries, &cx);
    overlay(&mut organisations, &curated.join("organisations.tsv"))?;
    write(out_dir, "organisations.tsv", &organisations, &mut report)?;

    let mut media = media::build();
    overlay(&mut media, &curated.join("media.tsv"))?;
    write(out_dir, "media.tsv", &media, &mut report)?;

    let mut people = people::People::default();
    let factbook_path = shared_data.join("factbook/executive.jsonl.gz");
    let bytes = fs::read(&factbook_path).map_err(|source| Error::Read {
        path: factbook_path.clone(),
        source,
    })?;
    let text = english::gunzip(&bytes).map_err(|source| Error::Read {
        path: factbook_path,
        source,
    })?;
    let records: Vec<factbook::Record> = text.lines().filter_map(factbook::parse_line).collect();
    let identified = countries::identify(&blocks);
    let by_fips: BTreeMap<&str, &str> = identified
        .iter()
        .filter(|(_, _, b)| !b.fips.is_empty())
        .map(|(iso3, _, b)| (b.fips.as_str(), iso3.as_str()))
        .collect();
    let by_name = countries::name_map(&countries);
    let iso3_of_record = |r: &factbook::Record| {
        let by_name = || by_name.get(&r.short_name.to_lowercase()).cloned();
        by_fips
            .get(r.fips.as_str())
            .map(|s| s.to_string())
            .or_else(by_name)
    };
    // A dependency's head of state is its sovereign's: left to the sovereign.
    // Sovereign states: NGEC's list (it gives territories only as synonyms).
    let sovereign: BTreeSet<&str> = ngec_countries.iter().map(|c| c.iso3.as_str()).collect();
    let dependency = |iso3: &str| !sovereign.contains(iso3);
    let fb_roles = factbook::roles(&records, &iso3_of_record);
    people.add(
        fb_roles
            .into_iter()
            .filter(|r| !(dependency(&r.country) && r.office.starts_with("head of state")))
            .collect(),
        false,
    );
    for (iso3, _, block) in &identified {
        people.add(countryinfo::roles(block, iso3, dependency(iso3)), false);
    }
    people.add(phoenix::person_roles(&national, &iso3_of), true);
    let people_overlay = curated.join("people.tsv");
    if people_overlay.exists() {
        people
            .overlay(&read(&people_overlay)?)
            .map_err(|e| Error::Tsv {
                path: people_overlay.clone(),
                line: e.line,
                reason: e.reason,
            })?;
    }
    let mut not_aliases = reserved.clone();
    for row in organisations.rows.values() {
        not_aliases.insert(row[1].to_lowercase());
        not_aliases.extend(tsv::split_list(&row[2]).map(str::to_lowercase));
    }
    let cx = people::Context {
        common: &common,
        reserved: &not_aliases,
        places: &reserved,
    };
    let rows = people.rows(&cx);
    let path = out_dir.join("people.tsv");
    fs::write(&path, tsv::render(people::HEADER, &rows))
        .map_err(|source| Error::Write { path, source })?;
    report.files.push(("people.tsv".to_string(), rows.len()));

    let plover = agents::parse(&read_lossy(&shared_data.join("ngec/PLOVER_agents.txt"))?);
    let phoenix = agents::parse(&read_lossy(
        &shared_data.join("petrarch2/Phoenix.agents.txt"),
    )?);
    let mut agents = agents::build(&plover, &phoenix);
    overlay(&mut agents, &curated.join("agents.tsv"))?;
    write(out_dir, "agents.tsv", &agents, &mut report)?;

    Ok(report)
}

/// The common-words filter (see [`english`]).
pub fn common_words(shared_data: &Path) -> Result<BTreeSet<String>, Error> {
    let mut counts = english::Counts::default();
    for split in ["train", "dev", "test"] {
        let path = shared_data.join(format!("ud-english-ewt/en_ewt-ud-{split}.conllu.gz"));
        let bytes = fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let text = english::gunzip(&bytes).map_err(|source| Error::Read { path, source })?;
        counts.add_conllu(&text);
    }
    Ok(counts.common())
}

fn read(path: &Path) -> Result<String, Error> {
    fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a file that may hold a few bytes that are not UTF-8.
fn read_lossy(path: &Path) -> Result<String, Error> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Applies the curated overlay at `path`, if there is one.
fn overlay(table: &mut Table, path: &Path) -> Result<(), Error> {
    if !path.exists() {
        return Ok(());
    }
    let text = read(path)?;
    let curated = Table::parse(table.header, table.lists, &text).map_err(|e| Error::Tsv {
        path: path.to_path_buf(),
        line: e.line,
        reason: e.reason,
    })?;
    table.overlay(&curated, "curated");
    Ok(())
}

fn write(out_dir: &Path, name: &str, table: &Table, report: &mut BuildReport) -> Result<(), Error> {
    let path = out_dir.join(name);
    fs::write(&path, table.render()).map_err(|source| Error::Write { path, source })?;
    report.files.push((name.to_string(), table.rows.len()));
    Ok(())
}
