//! `dyad bench`: end-to-end throughput on real news from `../shared/data`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use dyad_model::Document;
use rayon::prelude::*;

use crate::corpora;

/// Arguments of `dyad bench`.
#[derive(Debug, clap::Args)]
pub struct Bench {
    /// The shared data directory.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// How many times the GigaWord sample's text is repeated.
    #[arg(long, default_value_t = 200)]
    pub gigaword_repeat: usize,
    /// Worker threads (default 1: the figures are per core).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Print one JSON object per corpus instead of a table.
    #[arg(long)]
    pub json: bool,
    /// A directory of lexicon TSV files to use instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Only this corpus (reuters21578, guardian-sample or gigaword-x200).
    #[arg(long)]
    pub corpus: Option<String>,
    /// Measure the geocoding step alone instead (place names found through
    /// the gazetteer and resolved, per document) and the gazetteer's load
    /// time.
    #[arg(long)]
    pub geo: bool,
}

struct Corpus {
    name: &'static str,
    docs: Vec<Document>,
}

pub fn run(args: &Bench) -> anyhow::Result<ExitCode> {
    // Timed first, before anything else can load it.
    let start = Instant::now();
    let gazetteer = dyad_lexicon::geo::Gazetteer::builtin()
        .map_err(|e| anyhow::anyhow!("the built-in gazetteer: {e}"))?;
    let load_ms = start.elapsed().as_secs_f64() * 1e3;
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
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .context("starting the worker threads")?;
    const NAMES: [&str; 3] = ["reuters21578", "guardian-sample", "gigaword-x200"];
    if let Some(name) = &args.corpus {
        if !NAMES.contains(&name.as_str()) {
            anyhow::bail!(
                "--corpus {name:?} is not a bench corpus; known: {}",
                NAMES.join(", ")
            );
        }
    }
    let mut corpora = Vec::new();
    for name in NAMES {
        if args.corpus.as_deref().is_some_and(|c| c != name) {
            continue;
        }
        let docs = match name {
            "reuters21578" => {
                corpora::reuters(&args.data.join("reuters21578/reuters21578-json.tar.gz"))?
            }
            "guardian-sample" => {
                corpora::guardian(&args.data.join("guardian-sample/Guardian_SDF_sample.csv.gz"))?
            }
            _ => corpora::gigaword(
                &args.data.join("petrarch2/GigaWord.sample.PETR.xml"),
                args.gigaword_repeat,
            )?,
        };
        corpora.push(Corpus { name, docs });
    }
    // the models and tables that load on first use: not in the first
    // corpus's time
    for d in corpora
        .iter()
        .filter_map(|c| c.docs.iter().find(|d| !d.text.is_empty()))
    {
        pool.install(|| dyad_core::code(d, lex));
    }
    if args.geo {
        return geo(args, &pool, &corpora, gazetteer.places().len(), load_ms);
    }
    if !args.json {
        println!(
            "{:<16} {:>8} {:>9} {:>8} {:>8} {:>10} {:>12} {:>7} {:>12}",
            "corpus",
            "docs",
            "sentences",
            "MB",
            "events",
            "docs/s",
            "sentences/s",
            "MB/s",
            "sent/cpu-s"
        );
    }
    for c in &corpora {
        let bytes: usize = c
            .docs
            .iter()
            .map(|d| d.text.len() + d.title.as_ref().map_or(0, String::len))
            .sum();
        let sentences: usize = c
            .docs
            .iter()
            .map(|d| dyad_nlp::split_sentences(&d.full_text()).len())
            .sum();
        let start = Instant::now();
        let (events, cpu): (usize, Option<f64>) = pool.install(|| {
            let cpu0 = dyad_nlp::eval::thread_cpu_time();
            let events = c
                .docs
                .par_iter()
                .map(|d| dyad_core::code(d, lex).events.len())
                .sum();
            // with one worker, the documents are coded on this thread, and
            // its CPU time leaves out the time other processes held the core
            let cpu = match (args.threads, cpu0, dyad_nlp::eval::thread_cpu_time()) {
                (1, Some(a), Some(b)) => Some((b - a).as_secs_f64().max(1e-9)),
                _ => None,
            };
            (events, cpu)
        });
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let per_cpu_s = cpu.map(|t| sentences as f64 / t);
        let mb = bytes as f64 / 1e6;
        if args.json {
            let v = serde_json::json!({
                "corpus": c.name, "threads": args.threads, "documents": c.docs.len(), "sentences": sentences,
                "mb": mb, "events": events, "seconds": secs,
                "documents_per_s": c.docs.len() as f64 / secs, "sentences_per_s": sentences as f64 / secs,
                "mb_per_s": mb / secs, "sentences_per_cpu_s": per_cpu_s,
            });
            println!("{v}");
        } else {
            println!(
                "{:<16} {:>8} {:>9} {:>8.2} {:>8} {:>10.0} {:>12.0} {:>7.2} {:>12}",
                c.name,
                c.docs.len(),
                sentences,
                mb,
                events,
                c.docs.len() as f64 / secs,
                sentences as f64 / secs,
                mb / secs,
                per_cpu_s.map_or("-".to_string(), |v| format!("{v:.0}"))
            );
        }
    }
    match peak_memory_kib() {
        Some(kib) if args.json => println!(
            "{}",
            serde_json::json!({ "peak_memory_mib": kib as f64 / 1024.0 })
        ),
        Some(kib) => println!(
            "peak memory: {:.1} MiB (VmHWM, whole process, corpora included)",
            kib as f64 / 1024.0
        ),
        None => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// `dyad bench --geo`: the gazetteer's load time, then per corpus the
/// throughput of `dyad_core::places` (sentences, gazetteer look-ups,
/// unknown names, resolution) on its own: the fastest of at least three
/// passes (more, up to two seconds, for a small corpus),
/// per wall-clock second and, with one thread, per second of that thread's
/// CPU time (which does not count the time other processes held the core,
/// so it measures one core on a shared machine).
fn geo(
    args: &Bench,
    pool: &rayon::ThreadPool,
    corpora: &[Corpus],
    places: usize,
    load_ms: f64,
) -> anyhow::Result<ExitCode> {
    if args.json {
        println!(
            "{}",
            serde_json::json!({ "gazetteer_places": places, "gazetteer_load_ms": load_ms })
        );
    } else {
        println!("gazetteer: {places} places, loaded in {load_ms:.1} ms");
        println!(
            "{:<16} {:>8} {:>8} {:>10} {:>10} {:>12}",
            "corpus", "docs", "MB", "places", "docs/s", "docs/s wall"
        );
    }
    for c in corpora {
        let bytes: usize = c
            .docs
            .iter()
            .map(|d| d.text.len() + d.title.as_ref().map_or(0, String::len))
            .sum();
        let (mut found, mut wall, mut cpu) = (0, f64::INFINITY, f64::INFINITY);
        let started = Instant::now();
        for pass in 0.. {
            if pass >= 3 && started.elapsed().as_secs_f64() >= 2.0 {
                break;
            }
            let (n, w, t) = pool.install(|| {
                let cpu0 = dyad_nlp::eval::thread_cpu_time();
                let start = Instant::now();
                let n: usize = if args.threads == 1 {
                    c.docs.iter().map(|d| dyad_core::places(d).len()).sum()
                } else {
                    c.docs.par_iter().map(|d| dyad_core::places(d).len()).sum()
                };
                let wall = start.elapsed().as_secs_f64().max(1e-9);
                let cpu = match (args.threads, cpu0, dyad_nlp::eval::thread_cpu_time()) {
                    (1, Some(a), Some(b)) => (b - a).as_secs_f64().max(1e-9),
                    _ => f64::NAN,
                };
                (n, wall, cpu)
            });
            found = n;
            wall = wall.min(w);
            cpu = cpu.min(t);
        }
        let docs = c.docs.len() as f64;
        // NaN (no per-thread CPU time: several threads, or not Linux) stays NaN
        let per_cpu = if cpu.is_finite() {
            docs / cpu
        } else {
            f64::NAN
        };
        let mb = bytes as f64 / 1e6;
        if args.json {
            let v = serde_json::json!({
                "corpus": c.name, "threads": args.threads, "documents": c.docs.len(), "mb": mb,
                "places": found, "seconds": wall, "documents_per_s": docs / wall,
                "documents_per_cpu_s": per_cpu.is_finite().then_some(per_cpu),
            });
            println!("{v}");
        } else {
            println!(
                "{:<16} {:>8} {:>8.2} {:>10} {:>10.0} {:>12.0}",
                c.name,
                c.docs.len(),
                mb,
                found,
                per_cpu,
                docs / wall
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident set (Linux `VmHWM`), in KiB.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
