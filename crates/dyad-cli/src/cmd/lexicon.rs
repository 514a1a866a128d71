//! `dyad lexicon …`: build and check the actor base.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum LexiconCommand {
    /// Regenerate the TSV sources in crates/dyad-lexicon/data from ../shared/data.
    Build {
        /// The shared data directory.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Where to write the TSV files.
        #[arg(long, default_value = "crates/dyad-lexicon/data")]
        out: PathBuf,
    },
}

pub fn run(cmd: &LexiconCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LexiconCommand::Build { .. } => anyhow::bail!("dyad lexicon build is not built yet"),
    }
}
