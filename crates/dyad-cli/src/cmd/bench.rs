//! `dyad bench`: end-to-end throughput on real news from `../shared/data`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use dyad_model::Document;
use rayon::prelude::*;

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
}

struct Corpus {
    name: &'static str,
    docs: Vec<Document>,
}

pub fn run(args: &Bench) -> anyhow::Result<ExitCode> {
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
    let corpora = [
        Corpus {
            name: "reuters21578",
            docs: reuters(&args.data.join("reuters21578/reuters21578-json.tar.gz"))?,
        },
        Corpus {
            name: "guardian-sample",
            docs: guardian(&args.data.join("guardian-sample/Guardian_SDF_sample.csv.gz"))?,
        },
        Corpus {
            name: "gigaword-x200",
            docs: gigaword(
                &args.data.join("petrarch2/GigaWord.sample.PETR.xml"),
                args.gigaword_repeat,
            )?,
        },
    ];
    if !args.json {
        println!(
            "{:<16} {:>8} {:>9} {:>8} {:>8} {:>10} {:>12} {:>7}",
            "corpus", "docs", "sentences", "MB", "events", "docs/s", "sentences/s", "MB/s"
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
        let events: usize = pool.install(|| {
            c.docs
                .par_iter()
                .map(|d| dyad_core::code(d, lex).events.len())
                .sum()
        });
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let mb = bytes as f64 / 1e6;
        if args.json {
            let v = serde_json::json!({
                "corpus": c.name, "threads": args.threads, "documents": c.docs.len(), "sentences": sentences,
                "mb": mb, "events": events, "seconds": secs,
                "documents_per_s": c.docs.len() as f64 / secs, "sentences_per_s": sentences as f64 / secs,
                "mb_per_s": mb / secs,
            });
            println!("{v}");
        } else {
            println!(
                "{:<16} {:>8} {:>9} {:>8.2} {:>8} {:>10.0} {:>12.0} {:>7.2}",
                c.name,
                c.docs.len(),
                sentences,
                mb,
                events,
                c.docs.len() as f64 / secs,
                sentences as f64 / secs,
                mb / secs
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

/// The process's peak resident set (Linux `VmHWM`), in KiB.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f)
        .read_to_end(&mut out)
        .with_context(|| format!("{}: not a gzip file", path.display()))?;
    Ok(out)
}

/// Reuters-21578 (JSON conversion): every story with a body.
fn reuters(path: &Path) -> anyhow::Result<Vec<Document>> {
    #[derive(serde::Deserialize)]
    struct Story {
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        body: Option<String>,
        #[serde(default)]
        date: Option<String>,
    }
    let bytes = gunzip(path)?;
    let mut archive = tar::Archive::new(&bytes[..]);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in archive
        .entries()
        .with_context(|| format!("{}", path.display()))?
    {
        let mut entry = entry?;
        let name = entry.path()?.display().to_string();
        if name.ends_with(".json") {
            let mut buf = Vec::new();
            entry.read_to_end(&mut buf)?;
            files.push((name, buf));
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for (name, buf) in files {
        let stories: Vec<Story> =
            serde_json::from_slice(&buf).with_context(|| format!("{}: {name}", path.display()))?;
        for (i, s) in stories.into_iter().enumerate() {
            let Some(body) = s.body.filter(|b| !b.trim().is_empty()) else {
                continue;
            };
            docs.push(Document {
                id: format!("{name}#{i}"),
                title: s.title,
                text: body,
                published: s.date.as_deref().and_then(reuters_date),
                ..Document::default()
            });
        }
    }
    Ok(docs)
}

/// "26-FEB-1987 15:01:01.79" → "1987-02-26".
fn reuters_date(d: &str) -> Option<String> {
    let mut parts = d.trim().split(|c: char| c == '-' || c.is_whitespace());
    let day: u32 = parts.next()?.parse().ok()?;
    let mon = match parts.next()?.to_ascii_uppercase().as_str() {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        "DEC" => 12,
        _ => return None,
    };
    let year: u32 = parts.next()?.parse().ok()?;
    Some(format!("{year:04}-{mon:02}-{day:02}"))
}

/// The Guardian sample (CSV: index, date, text, source).
fn guardian(path: &Path) -> anyhow::Result<Vec<Document>> {
    let bytes = gunzip(path)?;
    let mut rdr = csv::Reader::from_reader(&bytes[..]);
    let mut docs = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: record {}", path.display(), i + 1))?;
        docs.push(Document {
            id: format!("guardian-{}", rec.get(0).unwrap_or_default()),
            text: rec.get(2).unwrap_or_default().to_string(),
            published: rec.get(1).map(str::to_string),
            source: rec.get(3).map(str::to_string),
            ..Document::default()
        });
    }
    Ok(docs)
}

/// The `<Text>` of each GigaWord sample sentence, each one document, the
/// whole set repeated `repeat` times.
fn gigaword(path: &Path, repeat: usize) -> anyhow::Result<Vec<Document>> {
    let xml = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let mut texts = Vec::new();
    let mut rest = xml.as_str();
    while let Some(a) = rest.find("<Text>") {
        let after = &rest[a + 6..];
        let Some(b) = after.find("</Text>") else {
            break;
        };
        texts.push(after[..b].split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &after[b + 7..];
    }
    let mut docs = Vec::with_capacity(texts.len() * repeat);
    for r in 0..repeat {
        for (i, t) in texts.iter().enumerate() {
            docs.push(Document {
                id: format!("gigaword-{r}-{i}"),
                text: t.clone(),
                published: Some("2008-08-04".to_string()),
                ..Document::default()
            });
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuters_dates() {
        assert_eq!(
            reuters_date("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(
            reuters_date(" 5-MAR-1987 09:00:00.00").as_deref(),
            Some("1987-03-05")
        );
        assert_eq!(reuters_date("garbage"), None);
    }
}
