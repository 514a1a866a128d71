//! `dyad eval time`: dyad's temporal tagger against TempEval-3 gold
//! (TimeML `.tml` files in a `.tar.gz`, a directory or one file) or
//! MEANTIME's (CAT `.xml` files).
//!
//! Each document's text is tagged by `dyad_core::timexes` — the sentence
//! splitter and tokeniser the coder uses — against the document's creation
//! date, and scored by `eval::time`. `--gold` may be given more than once:
//! one JSON object is printed per gold set, and `--write DIR` writes them
//! all to `DIR/time.txt`. Floors and ceilings apply to every gold set.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use jiff::civil::Date;
use serde_json::{json, Value};

use crate::cmd::eval::{out_of_bounds, ScoreFlags};
use crate::eval::time::{read_cat, read_tml, score, Doc, Timex};
use crate::eval::{report, Problem};

/// Arguments of `dyad eval time`.
#[derive(Debug, clap::Args)]
pub struct EvalTime {
    /// Gold: a `.tar.gz` of TimeML `.tml` or MEANTIME CAT `.xml` files, a
    /// directory or one file (repeatable; default:
    /// ../shared/data/tempeval3/te3-platinum.tar.gz).
    #[arg(long)]
    pub gold: Vec<PathBuf>,
    #[command(flatten)]
    pub out: ScoreFlags,
}

fn default_gold() -> PathBuf {
    Path::new("..")
        .join("shared")
        .join("data")
        .join("tempeval3")
        .join("te3-platinum.tar.gz")
}

/// The `.tml` files of a gold path, in name order: (name, contents).
fn gold_files(path: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut foreign = Vec::new();
    let name = path.display().to_string();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).with_context(|| format!("reading {name}"))? {
            let p = entry?.path();
            if p.extension().is_some_and(|e| e == "tml" || e == "xml") {
                let text = std::fs::read_to_string(&p)
                    .with_context(|| format!("reading {}", p.display()))?;
                files.push((p.display().to_string(), text));
            }
        }
    } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
        let bytes = crate::corpora::gunzip(path)?;
        let mut archive = tar::Archive::new(&bytes[..]);
        for entry in archive
            .entries()
            .with_context(|| format!("{name}: not a tar archive"))?
        {
            let mut entry = entry.with_context(|| format!("{name}: a broken tar entry"))?;
            let inner = entry.path()?.display().to_string();
            if inner.ends_with(".tml") || inner.ends_with(".xml") {
                let mut text = String::new();
                entry
                    .read_to_string(&mut text)
                    .with_context(|| format!("{name}: {inner} is not UTF-8 text"))?;
                files.push((inner, text));
            } else if inner.ends_with(".naf") {
                foreign.push(inner);
            }
        }
    } else {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
        files.push((name.clone(), text));
    }
    if files.is_empty() {
        if !foreign.is_empty() {
            bail!(
                "{name}: no TimeML (.tml) or CAT (.xml) files, but {} NAF files; \
                 dyad eval time reads TimeML (TempEval-3) and MEANTIME's CAT XML",
                foreign.len()
            );
        }
        bail!("{name}: no TimeML (.tml) or CAT (.xml) files");
    }
    files.sort();
    Ok(files)
}

/// dyad's timexes of a document, against its creation date.
fn tag(doc: &Doc) -> Vec<Timex> {
    let dct = doc
        .dct
        .as_deref()
        .and_then(|d| d.get(..10))
        .and_then(|d| d.parse::<Date>().ok());
    dyad_core::timexes(&doc.text, dct)
        .into_iter()
        .map(|t| Timex {
            start: t.span.start,
            end: t.span.end,
            kind: t.kind.as_str().to_string(),
            value: t.value,
        })
        .collect()
}

pub fn run(args: &EvalTime) -> anyhow::Result<ExitCode> {
    let (floors, ceilings) = args.out.bounds()?;
    let golds = if args.gold.is_empty() {
        vec![default_gold()]
    } else {
        args.gold.clone()
    };
    let mut out = std::io::stdout().lock();
    let mut sections = Vec::new();
    let mut failed = false;
    for path in &golds {
        let files = gold_files(path).context("dyad eval time")?;
        let mut docs = Vec::new();
        let mut problems: Vec<Problem> = Vec::new();
        for (name, text) in &files {
            let read = if name.ends_with(".xml") {
                read_cat(text, name)
            } else {
                read_tml(text, name)
            };
            match read {
                Ok(d) => {
                    if d.dct.is_none() {
                        problems.push(Problem {
                            place: name.clone(),
                            reason: "no creation date (DCT); relative dates unresolved".into(),
                        });
                    }
                    docs.push(d);
                }
                Err(p) => problems.push(p),
            }
        }
        for p in &problems {
            eprintln!("dyad: {p}");
        }
        if docs.is_empty() {
            bail!(
                "dyad eval time: no document of {} could be read",
                path.display()
            );
        }
        let system: Vec<Vec<Timex>> = docs.iter().map(tag).collect();
        let scored = score(&docs, &system);
        let gold_name = path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into_owned(),
        );
        let mut fields: Vec<(String, Value)> = vec![
            ("set".into(), json!("time")),
            ("gold".into(), json!(gold_name)),
            (
                "version".into(),
                json!(format!("dyad-{}", env!("CARGO_PKG_VERSION"))),
            ),
        ];
        fields.extend(
            scored
                .scores
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone())),
        );
        fields.push(("gold_problems".into(), json!(problems.len())));
        fields.extend(
            scored
                .tables
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone())),
        );
        writeln!(out, "{}", report::render(&fields, !args.out.json))?;
        if args.out.report {
            let mut err = std::io::stderr().lock();
            for f in &scored.failures {
                writeln!(err, "{f}")?;
            }
        }
        if out_of_bounds(&fields, &floors, &ceilings, &format!("time ({gold_name})"))? {
            failed = true;
        }
        sections.push(report::render(&fields, true));
    }
    out.flush()?;
    if let Some(dir) = &args.out.write {
        let file = dir.join("time.txt");
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        // The command line names the gold files as given when relative
        // (no machine paths in the committed report).
        let shown: Vec<String> = golds
            .iter()
            .map(|g| {
                if g.is_relative() {
                    g.display().to_string()
                } else {
                    let f = g.file_name().unwrap_or_default().to_string_lossy();
                    format!("../shared/data/tempeval3/{f}")
                }
            })
            .map(|g| format!("--gold {g}"))
            .collect();
        let text = format!(
            "# Regenerate with: cargo build --release -p dyad-cli && target/release/dyad eval time {} --write eval/\n\n{}\n",
            shown.join(" "),
            sections.join("\n\n")
        );
        std::fs::write(&file, text).with_context(|| format!("writing {}", file.display()))?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
