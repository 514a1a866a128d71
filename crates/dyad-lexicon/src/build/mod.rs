//! Generating the actor base's TSV files from their public sources.
//!
//! [`build_all`] reads the source files under a shared data directory
//! (CountryInfo, PETRARCH/Phoenix dictionaries, NGEC, text_to_CAMEO, the
//! World Factbook) and the curated overlays in `data/curated/`, and writes
//! `countries.tsv`, `agents.tsv`, … deterministically: the same inputs
//! give the same bytes. One module per source format, one per output file.

use std::fs;
use std::path::{Path, PathBuf};

pub mod agents;
pub mod cameo;
pub mod countries;
pub mod countryinfo;
pub mod dates;
pub mod ngec;
pub mod spelling;
pub mod tsv;

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
    let sources = countries::Sources {
        countryinfo: &blocks,
        ngec: &ngec_countries,
        cameo: &cameo_names,
    };
    let mut countries = countries::build(&sources);
    overlay(&mut countries, &curated.join("countries.tsv"))?;
    countries::finish(&mut countries);
    write(out_dir, "countries.tsv", &countries, &mut report)?;

    let plover = agents::parse(&read_lossy(&shared_data.join("ngec/PLOVER_agents.txt"))?);
    let phoenix = agents::parse(&read_lossy(
        &shared_data.join("petrarch2/Phoenix.agents.txt"),
    )?);
    let mut agents = agents::build(&plover, &phoenix);
    overlay(&mut agents, &curated.join("agents.tsv"))?;
    write(out_dir, "agents.tsv", &agents, &mut report)?;

    Ok(report)
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
