//! Writing events: JSONL (one event per line) or a flat dyadic CSV table
//! (one row per actor × recipient, stable column order).

use std::io::Write;

use dyad_model::{ActorRef, Event};

/// The output formats of `dyad code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON event per line.
    Jsonl,
    /// One row per actor × recipient (CAMEO-style dyads).
    Csv,
    /// A short tab-separated line per event, for reading and for golden files.
    Summary,
}

/// The columns of the summary format.
pub const SUMMARY_COLUMNS: &[&str] = &[
    "sentence",
    "event_type",
    "mode",
    "cameo",
    "actors",
    "recipients",
    "trigger",
    "modality",
    "date",
    "date_text",
    "deadline",
    "attribution",
    "location",
    "mentions",
];

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "sentence",
    "date",
    "event_type",
    "mode",
    "cameo",
    "goldstein",
    "intensity",
    "quad",
    "modality",
    "deadline",
    "source_text",
    "source_name",
    "source_country",
    "source_sector",
    "source_cameo",
    "source_kb_id",
    "target_text",
    "target_name",
    "target_country",
    "target_sector",
    "target_cameo",
    "target_kb_id",
    "trigger",
    "location",
    "location_country",
    "attribution",
    "contexts",
    "rule",
    "version",
    "text",
];

/// Writes events in one format; the CSV header is written once.
#[derive(Debug)]
pub struct EventWriter<W: Write> {
    format: Format,
    out: W,
    wrote_header: bool,
}

impl<W: Write> EventWriter<W> {
    pub fn new(format: Format, out: W) -> Self {
        EventWriter {
            format,
            out,
            wrote_header: false,
        }
    }

    pub fn write(&mut self, e: &Event) -> std::io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, e)?;
                self.out.write_all(b"\n")
            }
            Format::Summary => {
                if !self.wrote_header {
                    self.wrote_header = true;
                    writeln!(self.out, "{}", SUMMARY_COLUMNS.join("\t"))?;
                }
                writeln!(self.out, "{}", summary_row(e).join("\t"))
            }
            Format::Csv => {
                if !self.wrote_header {
                    self.wrote_header = true;
                    self.row(CSV_COLUMNS.iter().map(|s| s.to_string()).collect())?;
                }
                let none = ActorRef::default();
                let targets: Vec<&ActorRef> = if e.recipients.is_empty() {
                    vec![&none]
                } else {
                    e.recipients.iter().collect()
                };
                let sources: Vec<&ActorRef> = if e.actors.is_empty() {
                    vec![&none]
                } else {
                    e.actors.iter().collect()
                };
                for s in &sources {
                    for t in &targets {
                        self.row(csv_row(e, s, t))?;
                    }
                }
                Ok(())
            }
        }
    }

    fn row(&mut self, cells: Vec<String>) -> std::io::Result<()> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(&cells).map_err(std::io::Error::other)?;
        let bytes = w
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        self.out.write_all(&bytes)
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn actor_cells(a: &ActorRef) -> [String; 6] {
    [
        a.text.clone(),
        opt(&a.name),
        opt(&a.country),
        opt(&a.sector),
        opt(&a.cameo),
        opt(&a.kb_id),
    ]
}

fn csv_row(e: &Event, s: &ActorRef, t: &ActorRef) -> Vec<String> {
    let mut row = vec![
        e.id.clone(),
        e.doc_id.clone(),
        e.sentence.to_string(),
        opt(&e.date),
        e.event_type.to_string(),
        opt(&e.mode),
        opt(&e.cameo),
        opt(&e.goldstein),
        opt(&e.intensity),
        e.quad.to_string(),
        e.modality.as_str().to_string(),
        opt(&e.deadline),
    ];
    row.extend(actor_cells(s));
    row.extend(actor_cells(t));
    row.extend([
        e.trigger.text.clone(),
        e.location
            .as_ref()
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        e.location
            .as_ref()
            .and_then(|l| l.country.clone())
            .unwrap_or_default(),
        e.attribution
            .as_ref()
            .map(|a| a.text.clone())
            .unwrap_or_default(),
        e.contexts.join("|"),
        e.rule.clone(),
        e.version.clone(),
        e.text.clone(),
    ]);
    row
}

/// `USA/GOV Steve Witkoff`: country, sector and name (or the words).
fn actor_short(a: &ActorRef) -> String {
    format!(
        "{}/{} {}",
        a.country.as_deref().unwrap_or("-"),
        a.sector.as_deref().unwrap_or("-"),
        a.name.as_deref().unwrap_or(&a.text)
    )
}

fn summary_row(e: &Event) -> Vec<String> {
    let actors = |xs: &[ActorRef]| xs.iter().map(actor_short).collect::<Vec<_>>().join(" + ");
    let dash = |v: Option<String>| {
        v.filter(|s| !s.is_empty())
            .unwrap_or_else(|| "-".to_string())
    };
    vec![
        e.sentence.to_string(),
        e.event_type.to_string(),
        dash(e.mode.clone()),
        dash(e.cameo.clone()),
        dash(Some(actors(&e.actors))),
        dash(Some(actors(&e.recipients))),
        e.trigger.text.clone(),
        e.modality.as_str().to_string(),
        dash(e.date.clone()),
        dash(e.date_text.clone()),
        dash(e.deadline.clone()),
        dash(
            e.attribution
                .as_ref()
                .map(|a| a.name.clone().unwrap_or_else(|| a.text.clone())),
        ),
        dash(e.location.as_ref().map(|l| l.name.clone())),
        e.mentions
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(","),
    ]
}
