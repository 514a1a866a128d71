//! `dyad lexicon …`: build and check the actor base.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

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
    /// Check the actor files' invariants; exits with 1 if any is broken.
    Check {
        /// The directory of the TSV files.
        #[arg(long, default_value = "crates/dyad-lexicon/data")]
        dir: PathBuf,
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
        LexiconCommand::Check { dir } => {
            let problems = dyad_lexicon::build::check(dir);
            for p in &problems {
                println!("{p}");
            }
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
