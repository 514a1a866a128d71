//! `dyad eval <gold set>`: score the event coder against gold data.
//!
//! Reads the gold set (problems in it are reported on standard error as
//! `file:line: reason` and the rest is scored), codes each record's text
//! with dyad, and prints one JSON object. `--write DIR` also writes the
//! committed text report `DIR/<set>.txt`; `--floor`/`--ceiling` make the
//! command exit 1 when a score is out of bounds. The definitions of every
//! score are in `docs/eval.md`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use dyad_lexicon::Lexicon;
use dyad_model::{Document, Event};
use rayon::prelude::*;
use serde_json::{json, Value};

use crate::eval::{case2021, ipe, location, petr, plover, report, Problem, Scored};

/// Arguments shared by the event-coding evaluations.
#[derive(Debug, clap::Args)]
pub struct EvalEvents {
    /// The gold file or directory (default: its place in ../shared/data).
    #[arg(long)]
    pub gold: Option<PathBuf>,
    #[command(flatten)]
    pub out: ScoreFlags,
    /// A directory of lexicon TSV files to use instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Worker threads (default: all cores). Scores do not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
}

/// What every scoring `dyad eval` prints, writes and checks.
#[derive(Debug, clap::Args)]
pub struct ScoreFlags {
    /// Print each JSON object on one line (default: indented).
    #[arg(long)]
    pub json: bool,
    /// Also print what was scored wrong on standard error: every record
    /// that did not pass (gold, dyad's events and the rule that coded
    /// them), or every miss, false alarm and wrong value.
    #[arg(long)]
    pub report: bool,
    /// Exit 1 when a score is below its floor: NAME=VALUE, e.g. `f1=0.2`
    /// (repeatable).
    #[arg(long, value_name = "NAME=VALUE")]
    pub floor: Vec<String>,
    /// Exit 1 when a score is above its ceiling: NAME=VALUE, e.g.
    /// `extra_ratio=1.5` (repeatable).
    #[arg(long, value_name = "NAME=VALUE")]
    pub ceiling: Vec<String>,
    /// Also write the text report to DIR/<set>.txt (`--write eval/`).
    #[arg(long, value_name = "DIR")]
    pub write: Option<PathBuf>,
}

impl ScoreFlags {
    /// The `--floor` and `--ceiling` bounds.
    pub(crate) fn bounds(&self) -> anyhow::Result<(Vec<Bound>, Vec<Bound>)> {
        Ok((
            bounds(&self.floor, "--floor")?,
            bounds(&self.ceiling, "--ceiling")?,
        ))
    }
}

/// Checks the scores in `fields` against the bounds, reporting each one
/// out of bounds on standard error as `dyad: eval <what>: …`; whether any
/// was. A bound on a score that does not exist is an error.
pub(crate) fn out_of_bounds(
    fields: &[(String, Value)],
    floors: &[Bound],
    ceilings: &[Bound],
    what: &str,
) -> anyhow::Result<bool> {
    let lookup = |name: &str| -> anyhow::Result<f64> {
        match fields
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.as_f64())
        {
            Some(x) => Ok(x),
            None => bail!("no score named {name:?} in dyad eval {what}"),
        }
    };
    let mut failed = false;
    for b in floors {
        let x = lookup(&b.name)?;
        if x < b.value {
            eprintln!(
                "dyad: eval {what}: {} is {x}, below its floor {}",
                b.name, b.value
            );
            failed = true;
        }
    }
    for b in ceilings {
        let x = lookup(&b.name)?;
        if x > b.value {
            eprintln!(
                "dyad: eval {what}: {} is {x}, above its ceiling {}",
                b.name, b.value
            );
            failed = true;
        }
    }
    Ok(failed)
}

/// Which gold set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldSet {
    PetrGsr,
    PetrUnit,
    PloverGsr,
    Case2021,
    Ipe,
    Location,
}

impl GoldSet {
    /// The subcommand's name.
    pub fn name(self) -> &'static str {
        match self {
            GoldSet::PetrGsr => "petr-gsr",
            GoldSet::PetrUnit => "petr-unit",
            GoldSet::PloverGsr => "plover-gsr",
            GoldSet::Case2021 => "case2021",
            GoldSet::Ipe => "ipe",
            GoldSet::Location => "location",
        }
    }

    /// Where the gold set is by default, relative to the repository root.
    fn default_path(self) -> PathBuf {
        let base = Path::new("..").join("shared").join("data");
        match self {
            GoldSet::PetrGsr => base
                .join("universalpetrarch")
                .join("PETR2_GSR_validation.xml"),
            GoldSet::PetrUnit => base.join("petrarch2").join("PETR.UnitTest.records.xml"),
            GoldSet::PloverGsr => base.join("plover").join("PLOVER_GSR_CAMEO.txt"),
            GoldSet::Case2021 => base.join("case2021-task2"),
            GoldSet::Ipe => base.join("indiapoliceevents"),
            GoldSet::Location => base.join("event-location").join("labeled_text.json.gz"),
        }
    }
}

/// A `NAME=VALUE` bound on a score.
#[derive(Debug)]
pub(crate) struct Bound {
    pub name: String,
    pub value: f64,
}

pub(crate) fn bounds(specs: &[String], flag: &str) -> anyhow::Result<Vec<Bound>> {
    specs
        .iter()
        .map(|s| {
            let (name, value) = s
                .split_once('=')
                .with_context(|| format!("{flag} {s:?}: expected NAME=VALUE, e.g. f1=0.2"))?;
            let value = value
                .trim()
                .parse::<f64>()
                .with_context(|| format!("{flag} {s:?}: {value:?} is not a number"))?;
            Ok(Bound {
                name: name.trim().to_string(),
                value,
            })
        })
        .collect()
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .with_context(|| format!("decompressing {}", path.display()))?;
        Ok(s)
    } else {
        String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8", path.display()))
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    )
}

/// Codes one document per record, in parallel; output order is input order.
fn code_all(
    docs: &[Document],
    lex: &Lexicon,
    threads: Option<usize>,
) -> anyhow::Result<Vec<Vec<Event>>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .context("starting the worker threads")?;
    Ok(pool.install(|| {
        docs.par_iter()
            .map(|d| dyad_core::code(d, lex).events)
            .collect()
    }))
}

fn doc(id: &str, text: &str, published: Option<&str>) -> Document {
    Document {
        id: id.to_string(),
        text: text.to_string(),
        published: published.map(str::to_string),
        ..Document::default()
    }
}

/// The lexicon PETRARCH's unit tests are coded with: the actor and agent
/// dictionaries that the file's `<Environment>` names, imported as by
/// `dyad lexicon import petrarch`, and its verb dictionary converted as by
/// `dyad verbs import`, all read from the gold file's directory. The
/// converted verbs take the place of dyad's own trigger patterns, as
/// PETRARCH codes the unit tests with that dictionary alone, and keep its
/// test-only codes (`--keep-unmapped`) and its patterns with words before
/// the verb (`--words-before-verb`); announced acts keep their code, as
/// in PETRARCH (no recoding as intents or threats), and an event needs
/// both a source and a target, as PETRARCH's `get_events` requires.
fn unit_test_lexicon(gold: &Path) -> anyhow::Result<Lexicon> {
    let raw = read_text(gold)?;
    let dir = gold.parent().unwrap_or(Path::new("."));
    let named = |tag: &str| -> anyhow::Result<PathBuf> {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let start = raw
            .find(&open)
            .with_context(|| format!("{}: no {open} in its <Environment>", gold.display()))?
            + open.len();
        let end = raw[start..]
            .find(&close)
            .with_context(|| format!("{}: {open} is not closed", gold.display()))?;
        Ok(dir.join(raw[start..start + end].trim()))
    };
    let (actors, agents, verbs) = (named("Actorfile")?, named("Agentfile")?, named("Verbfile")?);
    let names = format!("{} and {}", file_name(&actors), file_name(&agents));
    let tmp = std::env::temp_dir().join(format!("dyad-petr-unit-{}", std::process::id()));
    let result = (|| {
        let mut im = crate::cmd::lexicon::import_petrarch(&[actors, agents])?;
        // written, then loaded once with the converted verbs below
        dyad_lexicon::import::write_dir(&mut im, &tmp)
            .with_context(|| format!("writing the lexicon into {}", tmp.display()))?;
        let converted = crate::cmd::verbs::convert(
            &verbs,
            &dir.join("..").join("plover").join("CAMEO2PLOVER-2021.txt"),
            // the unit tests' codes are labels of their own ([901], [345])
            true,
            // and their patterns have words before the verb (`HEAVILY *`)
            true,
        )?;
        // The unit tests' verb dictionary replaces dyad's patterns, its bare
        // verbs included (dyad drops those of a converted dictionary only
        // when they come after its own triggers.tsv).
        for (name, text) in [
            ("triggers.tsv", converted.to_tsv("dyad eval petr-unit")),
            (
                "cameo-verbs.tsv",
                "pattern\tevent\tmode\tcameo\tcontexts\tframe\n".to_string(),
            ),
        ] {
            let out = tmp.join(name);
            std::fs::write(&out, text).with_context(|| format!("writing {}", out.display()))?;
        }
        eprintln!(
            "dyad: petr-unit: imported {names} ({} warnings), converted {} ({} patterns)",
            im.warnings.len(),
            file_name(&verbs),
            converted.rows.len()
        );
        let mut lex =
            Lexicon::from_dir(&tmp).with_context(|| format!("loading {}", tmp.display()))?;
        // PETRARCH codes a pattern's code whatever the tense
        lex.recode_by_modality = false;
        // and only events with both a source and a target
        lex.require_dyad = true;
        Ok(lex)
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// Reads, codes and scores one gold set: (gold file name, problems, scores).
fn evaluate(
    set: GoldSet,
    path: &Path,
    lex: &Lexicon,
    threads: Option<usize>,
) -> anyhow::Result<(String, Vec<Problem>, Scored)> {
    Ok(match set {
        GoldSet::PetrGsr | GoldSet::PetrUnit => {
            let raw = read_text(path)?;
            let (records, problems) = petr::read(&raw, &path.display().to_string());
            let docs: Vec<Document> = records
                .iter()
                .map(|r| doc(&r.id, &r.text, r.date.as_deref()))
                .collect();
            let predicted = code_all(&docs, lex, threads)?;
            (file_name(path), problems, petr::score(&records, &predicted))
        }
        GoldSet::PloverGsr => {
            let raw = read_text(path)?;
            let (records, problems) = plover::read(&raw, &path.display().to_string());
            // The records are all dated 2000-01-01.
            let docs: Vec<Document> = records
                .iter()
                .map(|r| doc(&r.id, &r.text, Some("2000-01-01")))
                .collect();
            let predicted = code_all(&docs, lex, threads)?;
            (
                file_name(path),
                problems,
                plover::score(&records, &predicted),
            )
        }
        GoldSet::Case2021 => {
            let file = if path.is_dir() {
                path.join("test_set_final_release_with_labels.tsv")
            } else {
                path.to_path_buf()
            };
            let raw = read_text(&file)?;
            let (records, problems) = case2021::read(&raw, &file.display().to_string());
            let docs: Vec<Document> = records.iter().map(|r| doc(&r.id, &r.text, None)).collect();
            let predicted = code_all(&docs, lex, threads)?;
            (
                file_name(&file),
                problems,
                case2021::score(&records, &predicted),
            )
        }
        GoldSet::Location => {
            let raw = read_text(path)?;
            let (records, problems) = location::read(&raw, &path.display().to_string());
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.unwrap_or(0))
                .build()
                .context("starting the worker threads")?;
            let predicted: Vec<Option<(usize, usize)>> = pool.install(|| {
                records
                    .par_iter()
                    .map(|r| {
                        let d = doc(&r.id, &r.text, None);
                        let verb = dyad_model::Span::new(r.verb.0, r.verb.1);
                        dyad_core::event_location(&d, lex, verb)
                            .and_then(|l| l.span)
                            .map(|s| (s.start, s.end))
                    })
                    .collect()
            });
            (
                file_name(path),
                problems,
                location::score(&records, &predicted),
            )
        }
        GoldSet::Ipe => {
            let (sents, dir) = if path.is_dir() {
                (path.join("sents.jsonl.gz"), path.to_path_buf())
            } else {
                (
                    path.to_path_buf(),
                    path.parent().map(Path::to_path_buf).unwrap_or_default(),
                )
            };
            let meta = dir.join("metadata.jsonl.gz");
            let (raw, raw_meta) = (read_text(&sents)?, read_text(&meta)?);
            let (records, problems) = ipe::read(
                &raw,
                &sents.display().to_string(),
                &raw_meta,
                &meta.display().to_string(),
            );
            let docs: Vec<Document> = records
                .iter()
                .map(|r| {
                    doc(
                        &format!("{}-{}", r.doc_id, r.sent_id),
                        &r.text,
                        r.date.as_deref(),
                    )
                })
                .collect();
            let predicted = code_all(&docs, lex, threads)?;
            (
                file_name(&sents),
                problems,
                ipe::score(&records, &predicted),
            )
        }
    })
}

pub fn run(set: GoldSet, args: &EvalEvents) -> anyhow::Result<ExitCode> {
    let (floors, ceilings) = args.out.bounds()?;
    let owned;
    let path = args.gold.clone().unwrap_or_else(|| set.default_path());
    let lex = match &args.lexicon {
        Some(dir) => {
            owned = Lexicon::from_dir(dir)
                .with_context(|| format!("loading the lexicon from {}", dir.display()))?;
            &owned
        }
        None if set == GoldSet::PetrUnit => {
            owned = unit_test_lexicon(&path).context("dyad eval petr-unit")?;
            &owned
        }
        None => Lexicon::builtin().map_err(|e| anyhow::anyhow!("the built-in lexicon: {e}"))?,
    };
    let (gold, problems, scored) = evaluate(set, &path, lex, args.threads)
        .with_context(|| format!("dyad eval {}", set.name()))?;
    for p in &problems {
        eprintln!("dyad: {p}");
    }
    let mut fields: Vec<(String, Value)> = vec![
        ("set".into(), json!(set.name())),
        ("gold".into(), json!(gold)),
        ("version".into(), json!(dyad_core::version(lex))),
    ];
    fields.extend(
        scored
            .scores
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone())),
    );
    fields.push(("gold_problems".into(), json!(problems.len())));
    fields.push(("per_type".into(), scored.per_type.to_json()));
    fields.extend(
        scored
            .tables
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone())),
    );

    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", report::render(&fields, !args.out.json))?;
    out.flush()?;
    if let Some(dir) = &args.out.write {
        let command = format!(
            "cargo run --release -p dyad-cli -- eval {} --write eval/",
            set.name()
        );
        let name = |k: &str| match set {
            GoldSet::PetrGsr | GoldSet::PetrUnit => {
                format!("{k} {}", report::cameo_root_name(k))
            }
            _ => k.to_string(),
        };
        let text = report::text(
            &command,
            &report::render(&fields, true),
            &if scored.per_type.0.is_empty() {
                String::new()
            } else {
                report::table(&scored.per_type, name)
            },
        );
        let file = dir.join(format!("{}.txt", set.name()));
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        std::fs::write(&file, text).with_context(|| format!("writing {}", file.display()))?;
    }
    if args.out.report {
        let mut err = std::io::stderr().lock();
        for f in &scored.failures {
            writeln!(err, "{f}")?;
        }
    }
    let failed = out_of_bounds(&fields, &floors, &ceilings, set.name())?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
