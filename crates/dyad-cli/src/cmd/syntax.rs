//! `dyad train syntax` and `dyad eval syntax`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad train syntax`.
#[derive(Debug, clap::Args)]
pub struct TrainSyntax {
    /// CoNLL-U training file (may be gzipped).
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-U development file (may be gzipped).
    #[arg(long)]
    pub dev: PathBuf,
}

/// Arguments of `dyad eval syntax`.
#[derive(Debug, clap::Args)]
pub struct EvalSyntax {
    /// CoNLL-U gold file (may be gzipped).
    #[arg(long)]
    pub gold: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run_train(_args: &TrainSyntax) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dyad train syntax is not built yet")
}

pub fn run_eval(_args: &EvalSyntax) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dyad eval syntax is not built yet")
}
