//! The `dyad` binary: a thin layer over the library crates. It is the only
//! crate that prints, and the only one that uses `anyhow`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod corpora;
mod eval;
mod input;
mod output;
mod synth;

/// dyad: code news into PLOVER political events — who did what to whom, when,
/// where, according to whom.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code documents into PLOVER events (JSONL or CSV on standard output).
    ///
    /// Exit status: 0 all input coded; 1 some input was bad (each problem is
    /// reported on standard error as file:line: reason) and the rest was
    /// coded; 2 a fatal error (bad arguments, unreadable lexicon).
    Code(cmd::code::Code),
    /// Show the parse, the actors found and why each trigger was or was not coded.
    Explain(cmd::explain::Explain),
    /// Throughput on real news from ../shared/data (documents/s, sentences/s, MB/s, peak memory).
    Bench(cmd::bench::Bench),
    /// Train a model from data files.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score dyad against a gold set; prints one JSON object.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Build or check the actor base.
    #[command(subcommand)]
    Lexicon(cmd::lexicon::LexiconCommand),
    /// Convert PETRARCH2's verb dictionary into dyad trigger patterns.
    #[command(subcommand)]
    Verbs(cmd::verbs::VerbsCommand),
    /// Code documents and store their events (SQLite); documents already
    /// stored are skipped, repeats across articles merged.
    ///
    /// Exit status: 0 all input stored; 1 some input was bad (reported as
    /// file:line: reason) and the rest stored; 2 a fatal error.
    Ingest(cmd::store::Ingest),
    /// Stored events matching filters, as JSONL, CSV, PLOVER, POLECAT or GDELT.
    Query(cmd::store::Query),
    /// A dyad's time series: per period, counts by quad and type, mean scores.
    Series(cmd::store::Series),
    /// Every threat with its deadline and status: pending, carried out, lapsed.
    Threats(cmd::store::Threats),
    /// Serve the store over HTTP: a JSON API (described at /api/openapi.json).
    Serve(cmd::serve::Serve),
    /// Check a store, or generate a synthetic one for benchmarks.
    #[command(subcommand)]
    Store(cmd::store::StoreCommand),
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Train the tagger, lemmatiser and dependency parser on CoNLL-U files.
    Syntax(cmd::syntax::TrainSyntax),
    /// Train the person/organisation/place mention tagger on CoNLL-2003 style files.
    Mentions(cmd::actors::TrainMentions),
    /// Train the sentence-boundary model on CoNLL-U files (raw text rebuilt from `# text`).
    Sentences(cmd::syntax::TrainSentences),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Tagging, lemmas, parsing and sentence splitting against a CoNLL-U gold file.
    Syntax(cmd::syntax::EvalSyntax),
    /// PETRARCH2's gold standard records (78 AFP sentences, CAMEO triples).
    PetrGsr(cmd::eval::EvalEvents),
    /// PETRARCH2's unit-test records (engine conformance: fictional actors and
    /// verb codes, coded with the dictionaries the file names, imported).
    PetrUnit(cmd::eval::EvalEvents),
    /// The PLOVER gold standard records (322 CAMEO manual examples).
    PloverGsr(cmd::eval::EvalEvents),
    /// CASE 2021 task 2 (ACLED-style event types mapped to PLOVER).
    Case2021(cmd::eval::EvalEvents),
    /// IndiaPoliceEvents (sentence labels).
    Ipe(cmd::eval::EvalEvents),
    /// Event locations (Halterman 2019: the place of a marked verb's event).
    Location(cmd::eval::EvalEvents),
    /// Person, organisation and place mentions against CoNLL-2003 style gold (exact spans).
    Actors(cmd::actors::EvalActors),
    /// Temporal expressions against TempEval-3 TimeML gold (extents, values).
    Time(cmd::time::EvalTime),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Code(args) => cmd::code::run(&args),
        Command::Bench(args) => cmd::bench::run(&args),
        Command::Explain(args) => cmd::explain::run(&args),
        Command::Train(TrainCommand::Syntax(args)) => cmd::syntax::run_train(&args),
        Command::Eval(EvalCommand::Syntax(args)) => cmd::syntax::run_eval(&args),
        Command::Train(TrainCommand::Mentions(args)) => cmd::actors::run_train(&args),
        Command::Train(TrainCommand::Sentences(args)) => cmd::syntax::run_train_sentences(&args),
        Command::Eval(EvalCommand::Actors(args)) => cmd::actors::run_eval(&args),
        Command::Eval(EvalCommand::PetrGsr(args)) => {
            cmd::eval::run(cmd::eval::GoldSet::PetrGsr, &args)
        }
        Command::Eval(EvalCommand::PetrUnit(args)) => {
            cmd::eval::run(cmd::eval::GoldSet::PetrUnit, &args)
        }
        Command::Eval(EvalCommand::PloverGsr(args)) => {
            cmd::eval::run(cmd::eval::GoldSet::PloverGsr, &args)
        }
        Command::Eval(EvalCommand::Case2021(args)) => {
            cmd::eval::run(cmd::eval::GoldSet::Case2021, &args)
        }
        Command::Eval(EvalCommand::Ipe(args)) => cmd::eval::run(cmd::eval::GoldSet::Ipe, &args),
        Command::Eval(EvalCommand::Time(args)) => cmd::time::run(&args),
        Command::Eval(EvalCommand::Location(args)) => {
            cmd::eval::run(cmd::eval::GoldSet::Location, &args)
        }
        Command::Lexicon(c) => cmd::lexicon::run(&c),
        Command::Verbs(c) => cmd::verbs::run(&c),
        Command::Ingest(args) => cmd::store::run_ingest(&args),
        Command::Query(args) => cmd::store::run_query(&args),
        Command::Series(args) => cmd::store::run_series(&args),
        Command::Threats(args) => cmd::store::run_threats(&args),
        Command::Store(c) => cmd::store::run_store(&c),
        Command::Serve(args) => cmd::serve::run(&args),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
