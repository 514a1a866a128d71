//! `dyad explain "sentence"`: the parse, the actors found, and why each
//! trigger was or was not coded.

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
        published: args.date.clone(),
        ..Document::default()
    };
    let (coded, traces) = dyad_core::explain(&doc, lex);
    for t in &traces {
        println!("sentence {}: {}", t.index, t.text);
        println!("  parse:");
        for l in &t.parse {
            println!("    {l}");
        }
        println!("  actors:");
        for l in &t.actors {
            println!("    {l}");
        }
        for l in &t.clauses {
            println!("  {l}");
        }
        println!("  triggers:");
        for l in &t.triggers {
            println!("    {l}");
        }
        println!();
    }
    println!("events:");
    for e in &coded.events {
        println!("  {}", serde_json::to_string(e)?);
    }
    for d in &coded.diagnostics {
        eprintln!("dyad: {}", d.message);
    }
    Ok(ExitCode::SUCCESS)
}
