//! The event store's commands: `dyad ingest`, `dyad query`, `dyad series`,
//! `dyad threats` and `dyad store …`.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use dyad_model::EventType;
use dyad_store::export::{Export, Exporter, ParquetWriter};
use dyad_store::series::{Direction, Period, SeriesQuery};
use dyad_store::{ActorTerm, CodedDocument, Filter, IngestReport, SqliteStore, Store};
use rayon::prelude::*;

use crate::corpora;
use crate::input::{self, InputError};
use crate::output::{EventWriter, Format};

/// Arguments of `dyad ingest`.
#[derive(Debug, clap::Args)]
pub struct Ingest {
    /// JSONL files, plain-text files, directories of them, or `-` for
    /// standard input (as `dyad code` reads them).
    #[arg(required_unless_present = "corpus")]
    pub inputs: Vec<PathBuf>,
    /// Also a real corpus of the data directory, by name: reuters21578,
    /// guardian-sample, indiapoliceevents (repeatable).
    #[arg(long)]
    pub corpus: Vec<String>,
    /// The data directory of --corpus.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// The store (a SQLite file; created when missing).
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
    /// Documents per transaction: a crash loses at most the batch under way.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    #[command(flatten)]
    pub text: crate::input::TextArgs,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

fn open(db: &Path) -> anyhow::Result<SqliteStore> {
    Ok(SqliteStore::open_existing(db)?)
}

/// `dyad ingest`.
pub fn run_ingest(args: &Ingest) -> anyhow::Result<ExitCode> {
    if args.batch == 0 {
        anyhow::bail!("--batch must be at least 1");
    }
    let defaults = args.text.defaults()?;
    let pool = args.text.pool()?;
    let lex = dyad_lexicon::Lexicon::builtin()
        .map_err(|e| anyhow::anyhow!("the built-in lexicon: {e}"))?;
    let mut store = SqliteStore::open(&args.db)?;
    let mut errors: Vec<InputError> = Vec::new();
    let files = input::expand(&args.inputs, &mut errors);
    let mut failed = !errors.is_empty();
    report(&mut errors);

    let show = !args.quiet && std::io::stderr().is_terminal();
    let bar = if show {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos}/{len} documents {per_sec} {wide_msg} [{elapsed}]",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b.enable_steady_tick(Duration::from_millis(200));
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let started = Instant::now();
    let mut coding = Duration::ZERO;
    let mut skipped_unread = 0usize;
    let mut coded_events = 0usize;
    // A writer thread stores batch n while the workers code batch n + 1.
    let reader = SqliteStore::open_existing(&args.db)?;
    let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<CodedDocument>>(2);
    let db = args.db.clone();
    let writer = std::thread::spawn(move || -> anyhow::Result<(IngestReport, Duration, usize)> {
        let mut total = IngestReport::default();
        let mut writing = Duration::ZERO;
        let mut events = 0usize;
        for batch in batches {
            let t = Instant::now();
            total += store
                .ingest(&batch)
                .with_context(|| format!("writing to {}", db.display()))?;
            writing += t.elapsed();
            events += batch.iter().map(|c| c.events.len()).sum::<usize>();
        }
        let t = Instant::now();
        store
            .checkpoint()
            .with_context(|| format!("checkpointing {}", db.display()))?;
        writing += t.elapsed();
        Ok((total, writing, events))
    });
    let sources = files
        .iter()
        .map(Source::File)
        .chain(args.corpus.iter().map(|c| Source::Corpus(c.as_str())));
    'sources: for source in sources {
        let docs = match source {
            Source::File(file) => input::read(file, &defaults, &mut errors),
            Source::Corpus(name) => corpora::named(&args.data, name)?
                .into_iter()
                .map(|doc| input::Sourced {
                    origin: format!("{name}:{}", doc.id),
                    doc,
                })
                .collect(),
        };
        failed |= !errors.is_empty();
        bar.suspend(|| report(&mut errors));
        bar.inc_length(docs.len() as u64);
        let mut docs = docs.into_iter();
        loop {
            let chunk: Vec<input::Sourced> = docs.by_ref().take(args.batch).collect();
            if chunk.is_empty() {
                break;
            }
            let read = chunk.len();
            // Documents already stored are not coded again; the others move
            // on to the writer without being copied.
            let fresh: Vec<dyad_model::Document> = chunk
                .into_iter()
                .filter(|d| !reader.contains(&d.doc.id).unwrap_or(false))
                .map(|d| d.doc)
                .collect();
            let t = Instant::now();
            let coded: Vec<CodedDocument> = pool.install(|| {
                fresh
                    .into_par_iter()
                    .map(|doc| {
                        let c = dyad_core::code(&doc, lex);
                        CodedDocument {
                            doc,
                            sentences: c.sentences,
                            events: c.events,
                        }
                    })
                    .collect()
            });
            coding += t.elapsed();
            coded_events += coded.iter().map(|c| c.events.len()).sum::<usize>();
            skipped_unread += read - coded.len();
            if to_writer.send(coded).is_err() {
                // The writer stopped on an error: it is reported below.
                break 'sources;
            }
            bar.inc(read as u64);
            bar.set_message(format!("{coded_events} events coded"));
        }
    }
    drop(to_writer);
    let (mut total, writing, events_written) = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the store's writer thread failed"))??;
    total.skipped += skipped_unread;
    bar.finish_and_clear();
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let size = std::fs::metadata(&args.db).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "dyad: ingested {} documents ({} already stored, {} near-duplicates) into {}: {} new events, {} merged into stored ones; {:.1} s, {:.0} documents/s; coding {:.1} s, store writes {:.2} s ({:.0} events/s); database {:.1} MiB",
            total.documents,
            total.skipped,
            total.near_duplicates,
            args.db.display(),
            total.new_events,
            total.merged,
            secs,
            (total.documents + total.skipped) as f64 / secs,
            coding.as_secs_f64(),
            writing.as_secs_f64(),
            events_written as f64 / writing.as_secs_f64().max(1e-9),
            size as f64 / 1_048_576.0
        );
        if total.changed > 0 {
            eprintln!(
                "dyad: {} documents were already stored under the same id with other content; the stored versions were kept",
                total.changed
            );
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where `dyad ingest` reads documents from.
enum Source<'a> {
    File(&'a PathBuf),
    Corpus(&'a str),
}

fn report(errors: &mut Vec<InputError>) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for e in errors.drain(..) {
        let _ = writeln!(err, "dyad: {}", e.0);
    }
}

/// The filters shared by `dyad query` and `dyad threats`.
#[derive(Debug, Default, clap::Args)]
pub struct FilterArgs {
    /// An actor: country, sector, CAMEO code, actor id or name (any case).
    #[arg(long)]
    pub actor: Option<String>,
    /// A recipient, as --actor.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Two actors, e.g. USA,RUS: events between them (either way unless --directed).
    #[arg(long)]
    pub dyad: Option<String>,
    /// With --dyad: only the first acting on the second.
    #[arg(long)]
    pub directed: bool,
    /// PLOVER event types, comma-separated (e.g. THREATEN,SANCTION).
    #[arg(long = "type")]
    pub types: Option<String>,
    /// PLOVER mode.
    #[arg(long)]
    pub mode: Option<String>,
    /// Quad classes, comma-separated (1 verbal cooperation … 4 material conflict).
    #[arg(long)]
    pub quad: Option<String>,
    /// Modalities, comma-separated (asserted, negated, conditional, future, reported).
    #[arg(long)]
    pub modality: Option<String>,
    /// Events dated from (YYYY-MM-DD, inclusive).
    #[arg(long)]
    pub since: Option<String>,
    /// Events dated until (YYYY-MM-DD, inclusive).
    #[arg(long)]
    pub until: Option<String>,
    /// The event's place name or its country code.
    #[arg(long)]
    pub place: Option<String>,
    /// Words in the event's sentence.
    #[arg(long)]
    pub text: Option<String>,
    /// Events reported by this document.
    #[arg(long)]
    pub doc: Option<String>,
}

fn date_arg(name: &str, v: &Option<String>) -> anyhow::Result<Option<String>> {
    v.as_deref()
        .map(|d| dyad_store::filter::parse::date(d).map_err(|e| anyhow::anyhow!("--{name} {e}")))
        .transpose()
}

/// A comma-separated list option, parsed by `f`; empty when absent.
fn many<T>(
    name: &str,
    v: &Option<String>,
    f: fn(&str) -> Result<Vec<T>, String>,
) -> anyhow::Result<Vec<T>> {
    v.as_deref()
        .map(|x| f(x).map_err(|e| anyhow::anyhow!("--{name} {e}")))
        .transpose()
        .map(Option::unwrap_or_default)
}

impl FilterArgs {
    pub fn filter(&self) -> anyhow::Result<Filter> {
        use dyad_store::filter::parse;
        let opt = |name: &str, v: &Option<String>| -> anyhow::Result<Option<String>> {
            v.as_deref()
                .map(|d| parse::date(d).map_err(|e| anyhow::anyhow!("--{name} {e}")))
                .transpose()
        };
        let dyad = self
            .dyad
            .as_deref()
            .map(|d| parse::pair(d).map_err(|e| anyhow::anyhow!("--dyad {e}")))
            .transpose()?;
        if self.directed && dyad.is_none() {
            anyhow::bail!("--directed needs --dyad");
        }
        Ok(Filter {
            actor: self.actor.as_deref().map(ActorTerm::new),
            recipient: self.recipient.as_deref().map(ActorTerm::new),
            dyad,
            directed: self.directed,
            types: many("type", &self.types, parse::types)?,
            mode: self.mode.clone(),
            quads: many("quad", &self.quad, parse::quads)?,
            modalities: many("modality", &self.modality, parse::modalities)?,
            since: opt("since", &self.since)?,
            until: opt("until", &self.until)?,
            place: self.place.clone(),
            text: self.text.clone(),
            doc_id: self.doc.clone(),
            limit: None,
            offset: 0,
        })
    }
}

/// Output formats of `dyad query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryFormat {
    /// dyad's event records with the store's counts and mention links.
    Jsonl,
    /// One row per actor × recipient, as `dyad code --format csv`.
    Csv,
    /// A short tab-separated line per event.
    Summary,
    /// PLOVER JSONL (the PLOVER manual's field names).
    Plover,
    /// POLECAT-style TSV (its column names).
    Polecat,
    /// GDELT-style dyadic CSV (its event-table column names).
    Gdelt,
    /// Parquet, one row per event (needs --out).
    Parquet,
}

/// Arguments of `dyad query`.
#[derive(Debug, clap::Args)]
pub struct Query {
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value_t = QueryFormat::Jsonl)]
    pub format: QueryFormat,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Skip this many events first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print only the number of matching events.
    #[arg(long)]
    pub count: bool,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Events fetched per round trip when exporting everything.
const PAGE: usize = 10_000;

/// Where `dyad query` writes: an export format of the store, or one of
/// `dyad code`'s formats.
enum Sink<W: Write + Send> {
    Export(Exporter<W>),
    Plain(EventWriter<W>),
    Parquet(ParquetWriter<W>),
}

/// `dyad query`.
pub fn run_query(args: &Query) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let filter = args.filter.filter()?;
    if args.format == QueryFormat::Parquet && args.out.is_none() {
        anyhow::bail!("--format parquet writes a binary file: give it with --out FILE");
    }
    match &args.out {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            query_to(&store, filter, args, BufWriter::new(file))
                .with_context(|| format!("writing {}", path.display()))
        }
        None => query_to(&store, filter, args, BufWriter::new(std::io::stdout())),
    }
}

fn query_to<W: Write + Send>(
    store: &SqliteStore,
    mut filter: Filter,
    args: &Query,
    mut out: W,
) -> anyhow::Result<ExitCode> {
    if args.count {
        writeln!(out, "{}", store.count(&filter)?)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut sink = match args.format {
        QueryFormat::Jsonl => Sink::Export(Exporter::new(Export::Jsonl, out)),
        QueryFormat::Plover => Sink::Export(Exporter::new(Export::Plover, out)),
        QueryFormat::Polecat => Sink::Export(Exporter::new(Export::Polecat, out)),
        QueryFormat::Gdelt => Sink::Export(Exporter::new(Export::Gdelt, out)),
        QueryFormat::Csv => Sink::Plain(EventWriter::new(Format::Csv, out)),
        QueryFormat::Summary => Sink::Plain(EventWriter::new(Format::Summary, out)),
        QueryFormat::Parquet => Sink::Parquet(ParquetWriter::new(out)?),
    };
    let mut left = args.limit.unwrap_or(usize::MAX);
    filter.offset = args.offset;
    while left > 0 {
        filter.limit = Some(left.min(PAGE));
        let page = store.events(&filter)?;
        for e in &page {
            match &mut sink {
                Sink::Export(x) => x.write(e)?,
                Sink::Plain(w) => w.write(&e.event)?,
                Sink::Parquet(p) => p.write(e)?,
            }
        }
        left -= page.len();
        filter.offset += page.len();
        if page.len() < PAGE {
            break;
        }
    }
    match sink {
        Sink::Export(x) => {
            x.finish()?;
        }
        Sink::Plain(mut w) => w.flush()?,
        Sink::Parquet(p) => {
            p.finish()?.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Output formats of `dyad series`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SeriesFormat {
    Csv,
    Json,
}

/// Which way `dyad series` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DirectionArg {
    /// Events either way.
    Both,
    /// The first actor acting on the second.
    Forward,
    /// The second acting on the first.
    Backward,
}

/// Arguments of `dyad series`.
#[derive(Debug, clap::Args)]
pub struct Series {
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
    /// Two country codes, e.g. USA,RUS.
    #[arg(long)]
    pub dyad: String,
    /// The period: day, week, month, quarter or year.
    #[arg(long, default_value = "week")]
    pub by: String,
    #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
    pub direction: DirectionArg,
    #[arg(long)]
    pub since: Option<String>,
    #[arg(long)]
    pub until: Option<String>,
    #[arg(long, value_enum, default_value_t = SeriesFormat::Csv)]
    pub format: SeriesFormat,
    /// Also draw the series to this SVG file: stacked quad counts and the
    /// mean Goldstein line.
    #[arg(long)]
    pub plot: Option<PathBuf>,
}

/// `dyad series`.
pub fn run_series(args: &Series) -> anyhow::Result<ExitCode> {
    let (a, b) =
        dyad_store::filter::parse::pair(&args.dyad).map_err(|e| anyhow::anyhow!("--dyad {e}"))?;
    let by: Period = args
        .by
        .parse()
        .map_err(|e: String| anyhow::anyhow!("--by {e}"))?;
    let q = SeriesQuery {
        a: a.0.to_ascii_uppercase(),
        b: b.0.to_ascii_uppercase(),
        by,
        direction: match args.direction {
            DirectionArg::Both => Direction::Both,
            DirectionArg::Forward => Direction::Forward,
            DirectionArg::Backward => Direction::Backward,
        },
        since: date_arg("since", &args.since)?,
        until: date_arg("until", &args.until)?,
    };
    let store = open(&args.db)?;
    let rows = dyad_store::series::series(&store, &q)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        SeriesFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({
                    "dyad": [q.a, q.b],
                    "by": args.by.to_ascii_lowercase(),
                    "direction": format!("{:?}", args.direction).to_lowercase(),
                    "rows": rows,
                }),
            )?;
            writeln!(out)?;
        }
        SeriesFormat::Csv => {
            let mut header = vec![
                "period".to_string(),
                "events".into(),
                "verbal_cooperation".into(),
                "material_cooperation".into(),
                "verbal_conflict".into(),
                "material_conflict".into(),
                "mean_goldstein".into(),
                "mean_intensity".into(),
            ];
            header.extend(EventType::ALL.iter().map(|t| t.as_str().to_lowercase()));
            writeln!(out, "{}", header.join(","))?;
            for r in &rows {
                let mut cells = vec![r.period.clone(), r.events.to_string()];
                cells.extend(r.quad.iter().map(|n| n.to_string()));
                cells.push(r.mean_goldstein.map(|v| v.to_string()).unwrap_or_default());
                cells.push(r.mean_intensity.map(|v| v.to_string()).unwrap_or_default());
                cells.extend(
                    EventType::ALL
                        .iter()
                        .map(|t| r.types.get(t.as_str()).copied().unwrap_or(0).to_string()),
                );
                writeln!(out, "{}", cells.join(","))?;
            }
        }
    }
    out.flush()?;
    if let Some(path) = &args.plot {
        let svg = dyad_store::plot::series_svg(&q.a, &q.b, &args.by, &rows);
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Output formats of `dyad threats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThreatFormat {
    /// A table to read.
    Table,
    /// One JSON object per threat.
    Jsonl,
}

/// Arguments of `dyad threats`.
#[derive(Debug, clap::Args)]
pub struct Threats {
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Judge as of this date (default: the latest publication date stored).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Only threats with this status: pending, carried_out, lapsed.
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long, value_enum, default_value_t = ThreatFormat::Table)]
    pub format: ThreatFormat,
}

/// `dyad threats`.
pub fn run_threats(args: &Threats) -> anyhow::Result<ExitCode> {
    let filter = args.filter.filter()?;
    if !filter.types.is_empty() {
        anyhow::bail!("dyad threats lists THREATEN events only; leave out --type");
    }
    let as_of = date_arg("as-of", &args.as_of)?;
    if let Some(s) = &args.status {
        if !["pending", "carried_out", "lapsed"].contains(&s.as_str()) {
            anyhow::bail!("--status {s:?} is not one of pending, carried_out, lapsed");
        }
    }
    let store = open(&args.db)?;
    let threats: Vec<_> = dyad_store::threats::track(&store, &filter, as_of.as_deref())?
        .into_iter()
        .filter(|t| {
            args.status
                .as_deref()
                .is_none_or(|s| t.status.as_str() == s)
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ThreatFormat::Jsonl => {
            for t in &threats {
                serde_json::to_writer(&mut out, t)?;
                writeln!(out)?;
            }
        }
        ThreatFormat::Table => {
            writeln!(
                out,
                "status\tdeadline\tdays_left\tthreatened\tactors\trecipients\tdate\tmodality\ttrigger\tevidence\tdoc"
            )?;
            let who = |l: &[dyad_model::ActorRef]| {
                l.iter()
                    .map(|a| {
                        a.cameo
                            .clone()
                            .or_else(|| a.name.clone())
                            .unwrap_or_else(|| a.text.clone())
                    })
                    .collect::<Vec<_>>()
                    .join("+")
            };
            for t in &threats {
                let e = &t.event.event;
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    t.status.as_str(),
                    t.deadline.as_deref().unwrap_or("-"),
                    t.days_left.map_or("-".into(), |d| d.to_string()),
                    serde_json::to_value(t.threatened)?.as_str().unwrap_or("-"),
                    who(&e.actors),
                    who(&e.recipients),
                    e.date.as_deref().unwrap_or("-"),
                    e.modality.as_str(),
                    e.trigger.text,
                    if t.evidence.is_empty() {
                        "-".to_string()
                    } else {
                        t.evidence.join(",")
                    },
                    t.event
                        .mention_links
                        .first()
                        .map_or("-", |m| m.doc_id.as_str()),
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `dyad store …`.
#[derive(Debug, clap::Subcommand)]
pub enum StoreCommand {
    /// Fill a store with synthetic events, for benchmarks (not news).
    Generate(Generate),
    /// Check a store's consistency (SQLite's integrity check) and print its sizes.
    Check(StoreArg),
}

/// Arguments naming a store.
#[derive(Debug, clap::Args)]
pub struct StoreArg {
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
}

/// Arguments of `dyad store generate`.
#[derive(Debug, clap::Args)]
pub struct Generate {
    /// A new store file.
    #[arg(long)]
    pub db: PathBuf,
    /// How many events.
    #[arg(long, default_value_t = 1_000_000)]
    pub events: usize,
    /// The seed of the generator: the same seed gives the same store.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run_store(c: &StoreCommand) -> anyhow::Result<ExitCode> {
    match c {
        StoreCommand::Check(a) => {
            let store = open(&a.db)?;
            store.check()?;
            let st = store.stats()?;
            println!(
                "{}: ok, schema version {}, {} documents, {} events, {} mentions, latest publication {}",
                a.db.display(),
                store.schema_version()?,
                st.documents,
                st.events,
                st.mentions,
                st.latest_published.as_deref().unwrap_or("-")
            );
            Ok(ExitCode::SUCCESS)
        }
        StoreCommand::Generate(g) => {
            if g.db.exists() {
                anyhow::bail!(
                    "{} exists; dyad store generate writes a new store only",
                    g.db.display()
                );
            }
            let started = Instant::now();
            let mut store = SqliteStore::open(&g.db)?;
            let mut written = 0;
            let mut total = IngestReport::default();
            let mut doc = 0usize;
            while written < g.events {
                let batch = crate::synth::documents(g.seed, doc, 1000, g.events - written);
                doc += batch.len();
                written += batch.iter().map(|d| d.events.len()).sum::<usize>();
                total += store.ingest(&batch)?;
            }
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "dyad: generated {} documents, {} events ({} stored, {} merged as repeats) into {} in {:.1} s ({:.0} events/s written)",
                total.documents,
                written,
                total.new_events,
                total.merged,
                g.db.display(),
                secs,
                written as f64 / secs.max(1e-9)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
