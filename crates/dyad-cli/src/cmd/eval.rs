//! `dyad eval <gold set>`: score the event coder against gold data.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments shared by the event-coding evaluations.
#[derive(Debug, clap::Args)]
pub struct EvalEvents {
    /// The gold file (default: its place in ../shared/data).
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Which gold set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldSet {
    PetrGsr,
    PloverGsr,
    Case2021,
    Ipe,
}

pub fn run(_set: GoldSet, _args: &EvalEvents) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
