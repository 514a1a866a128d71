//! `dyad verbs …`: convert PETRARCH2's verb dictionary into dyad trigger
//! patterns (`crates/dyad-lexicon/data/cameo-verbs.tsv`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

#[derive(Debug, clap::Subcommand)]
pub enum VerbsCommand {
    /// Convert a PETRARCH2 verb dictionary (CAMEO.2.0.txt) into trigger rows in
    /// the format of triggers.tsv; prints what was converted, dropped (by
    /// reason) and in conflict.
    Import {
        /// The PETRARCH2 verb dictionary.
        dictionary: PathBuf,
        /// The PLOVER project's CAMEO → PLOVER table.
        #[arg(long, default_value = "../shared/data/plover/CAMEO2PLOVER-2021.txt")]
        plover: PathBuf,
        /// Where to write the TSV file.
        #[arg(long, default_value = "crates/dyad-lexicon/data/cameo-verbs.tsv")]
        out: PathBuf,
        /// Keep codes the PLOVER table has no type for (test-only codes such
        /// as those of PETRARCH's unit-test dictionary), with a placeholder
        /// type, instead of dropping them.
        #[arg(long)]
        keep_unmapped: bool,
        /// Convert patterns with words before the verb (`HEAVILY *`) into
        /// rows with `>`, instead of dropping them.
        #[arg(long)]
        words_before_verb: bool,
    },
}

pub fn run(cmd: &VerbsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        VerbsCommand::Import {
            dictionary,
            plover,
            out,
            keep_unmapped,
            words_before_verb,
        } => {
            let import = convert(dictionary, plover, *keep_unmapped, *words_before_verb)?;
            // The same header wherever the file is written, so that a copy
            // regenerated elsewhere can be compared byte for byte.
            let command = format!(
                "dyad verbs import ../shared/data/petrarch2/{} --out crates/dyad-lexicon/data/cameo-verbs.tsv",
                file_name(dictionary)
            );
            std::fs::write(out, import.to_tsv(&command))
                .with_context(|| format!("writing {}", out.display()))?;
            print!("{}", import.report);
            println!("wrote {} rows to {}", import.rows.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Converts a PETRARCH verb dictionary with the CAMEO → PLOVER table
/// (the options: see [`dyad_lexicon::verbs::Sources`]).
pub(crate) fn convert(
    dictionary: &Path,
    plover: &Path,
    keep_unmapped: bool,
    words_before_verb: bool,
) -> anyhow::Result<dyad_lexicon::verbs::Import> {
    let dict_text = read(dictionary)?;
    let plover_text = read(plover)?;
    Ok(dyad_lexicon::verbs::import(&dyad_lexicon::verbs::Sources {
        dictionary: &dict_text,
        dictionary_name: &file_name(dictionary),
        plover: &plover_text,
        plover_name: &file_name(plover),
        keep_unmapped,
        words_before_verb,
    }))
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
