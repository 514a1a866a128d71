//! `dyad code`: documents in, coded events out.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use rayon::prelude::*;

use crate::input::{self, InputError};
use crate::output::{EventWriter, Format};

/// Arguments of `dyad code`.
#[derive(Debug, clap::Args)]
pub struct Code {
    /// JSONL files (one document per line), plain-text files (one document
    /// each), directories of them, or `-` for standard input (the default).
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub text: crate::input::TextArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// A directory of lexicon TSV files to use instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

/// Documents coded at a time: bounded memory on large inputs.
const BATCH: usize = 512;

pub fn run(args: &Code) -> anyhow::Result<ExitCode> {
    let defaults = args.text.defaults()?;
    let pool = args.text.pool()?;
    let owned;
    let lex = match &args.lexicon {
        Some(dir) => {
            owned = dyad_lexicon::Lexicon::from_dir(dir)
                .with_context(|| format!("loading the lexicon from {}", dir.display()))?;
            &owned
        }
        None => dyad_lexicon::Lexicon::builtin()
            .map_err(|e| anyhow::anyhow!("the built-in lexicon: {e}"))?,
    };
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let files = input::expand(&inputs, &mut errors);
    report(&mut errors);
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut writer = EventWriter::new(args.format, BufWriter::new(stdout.lock()));
    for file in files {
        let docs = input::read(&file, &defaults, &mut errors);
        failed |= !errors.is_empty();
        report(&mut errors);
        for chunk in docs.chunks(BATCH) {
            let coded: Vec<_> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|d| dyad_core::code(&d.doc, lex))
                    .collect()
            });
            for (d, c) in chunk.iter().zip(coded) {
                for diag in &c.diagnostics {
                    // A document that could not be coded at all is an input error.
                    failed |= c.events.is_empty() && diag.message.contains("no text");
                    eprintln!("{}: {}: {}", d.origin, d.doc.id, diag.message);
                }
                for e in &c.events {
                    writer.write(e)?;
                }
            }
        }
    }
    writer.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(errors: &mut Vec<InputError>) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for e in errors.drain(..) {
        let _ = writeln!(err, "dyad: {}", e.0);
    }
}
