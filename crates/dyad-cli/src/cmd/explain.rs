//! `dyad explain "sentence"`: the parse, the actors found, and why each
//! trigger was or was not coded.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use dyad_model::Document;

/// Arguments of `dyad explain`.
#[derive(Debug, clap::Args)]
pub struct Explain {
    /// The text to explain (a sentence or a short article).
    pub text: String,
    /// Its publication date (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// Its title (headline), coded as a title: sentence 0, before the text.
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(args: &Explain) -> anyhow::Result<ExitCode> {
    if let Some(d) = &args.date {
        d.parse::<jiff::civil::Date>()
            .with_context(|| format!("--date {d:?} is not a date (YYYY-MM-DD)"))?;
    }
    let lex = dyad_lexicon::Lexicon::builtin()
        .map_err(|e| anyhow::anyhow!("the built-in lexicon: {e}"))?;
    let doc = Document {
        id: "explain".into(),
        text: args.text.clone(),
        title: args.title.clone(),
        published: args.date.clone(),
        ..Document::default()
    };
    let (coded, traces) = dyad_core::explain(&doc, lex);
    // Written, not printed: a closed pipe (`dyad explain … | head`) ends the
    // output quietly instead of panicking.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for t in &traces {
        writeln!(out, "sentence {}: {}", t.index, t.text)?;
        writeln!(out, "  parse:")?;
        for l in &t.parse {
            writeln!(out, "    {l}")?;
        }
        writeln!(out, "  actors:")?;
        for l in &t.actors {
            writeln!(out, "    {l}")?;
        }
        if !t.places.is_empty() {
            writeln!(out, "  places:")?;
            for l in &t.places {
                writeln!(out, "    {l}")?;
            }
        }
        for l in &t.clauses {
            writeln!(out, "  {l}")?;
        }
        writeln!(out, "  triggers:")?;
        for l in &t.triggers {
            writeln!(out, "    {l}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "events:")?;
    for e in &coded.events {
        writeln!(out, "  {}", serde_json::to_string(e)?)?;
    }
    out.flush()?;
    for d in &coded.diagnostics {
        eprintln!("dyad: {}", d.message);
    }
    Ok(ExitCode::SUCCESS)
}
