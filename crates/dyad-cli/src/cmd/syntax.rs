//! `dyad train syntax` and `dyad eval syntax`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dyad_nlp::boundaries::{train_boundaries, BoundaryConfig, BoundaryModel};
use dyad_nlp::conllu::{self, Sentence};
use dyad_nlp::{eval, Model, Progress, TaggerStage, TrainConfig};

use crate::eval::metrics::round4;

/// Arguments of `dyad train syntax`.
#[derive(Debug, clap::Args)]
pub struct TrainSyntax {
    /// CoNLL-U training file (may be gzipped).
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-U development file (may be gzipped).
    #[arg(long)]
    pub dev: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/dyad-nlp/models/en-ewt.syntax")]
    pub out: PathBuf,
    /// Parser epochs (the tagger and labeller use their own defaults unless set).
    #[arg(long, default_value_t = TrainConfig::default().parser_epochs)]
    pub epochs: usize,
    /// Tagger epochs.
    #[arg(long, default_value_t = TrainConfig::default().tagger_epochs)]
    pub tagger_epochs: usize,
    /// Labeller epochs.
    #[arg(long, default_value_t = TrainConfig::default().labeller_epochs)]
    pub labeller_epochs: usize,
    /// Jackknife folds for the tags the parser trains on (1 = gold tags).
    #[arg(long, default_value_t = TrainConfig::default().folds)]
    pub folds: usize,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    pub seed: u64,
    /// Version text stored in the model.
    #[arg(long, default_value = "en-ewt syntax 2 (UD English EWT 2.16)")]
    pub version: String,
    /// Prune the parser's weights below this fraction of the largest.
    #[arg(long, default_value_t = TrainConfig::default().parser_prune)]
    pub parser_prune: f32,
    /// log2 of the rows of the parser's hashed weight table.
    #[arg(long, default_value_t = TrainConfig::default().parser_bits)]
    pub parser_bits: u32,
    /// Beam width of the parser (1 = greedy with the dynamic oracle).
    #[arg(long, default_value_t = TrainConfig::default().parser_beam)]
    pub parser_beam: usize,
    /// Beam candidates this far below the best are dropped at parse time
    /// (quantised weight units; 0 keeps the whole beam).
    #[arg(long, default_value_t = TrainConfig::default().beam_margin)]
    pub beam_margin: f32,
    /// Cache of the tagger stage (the tagger and the jackknifed tags): read
    /// when it matches the data and tagger settings, written otherwise. For
    /// parser experiments; the model is the same as without it.
    #[arg(long)]
    pub tagger_cache: Option<PathBuf>,
    /// Train on the dev sentences too (the final model, once settings are
    /// fixed on dev); the dev scores printed afterwards are then not held out.
    #[arg(long)]
    pub train_on_dev: bool,
}

/// Arguments of `dyad eval syntax`.
#[derive(Debug, clap::Args)]
pub struct EvalSyntax {
    /// CoNLL-U gold file (may be gzipped).
    #[arg(long)]
    pub gold: PathBuf,
    /// A model file instead of the shipped one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// A sentence-boundary model file instead of the shipped one.
    #[arg(long)]
    pub sentences_model: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

fn read_conllu(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    conllu::read(super::open_text(path)?).with_context(|| format!("reading {}", path.display()))
}

pub fn run_train(args: &TrainSyntax) -> anyhow::Result<ExitCode> {
    let mut train = read_conllu(&args.train)?;
    let dev = read_conllu(&args.dev)?;
    if args.train_on_dev {
        train.extend(dev.iter().cloned());
    }
    let config = TrainConfig {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.epochs,
        labeller_epochs: args.labeller_epochs,
        folds: args.folds,
        seed: args.seed,
        parser_prune: args.parser_prune,
        parser_bits: args.parser_bits,
        parser_beam: args.parser_beam,
        beam_margin: args.beam_margin,
        version: args.version.clone(),
        ..TrainConfig::default()
    };
    let start = Instant::now();
    let mut report = |p: Progress| match p {
        Progress::Stage(s) => eprintln!("[{:>6.1}s] {s}", start.elapsed().as_secs_f64()),
        Progress::Epoch {
            stage,
            epoch,
            accuracy,
        } => {
            eprintln!(
                "[{:>6.1}s] {stage} epoch {}: train accuracy {accuracy:.4}",
                start.elapsed().as_secs_f64(),
                epoch + 1
            )
        }
    };
    let cached = match &args.tagger_cache {
        Some(p) if p.exists() => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Some(
                TaggerStage::from_bytes(&bytes)
                    .with_context(|| format!("reading {}", p.display()))?,
            )
        }
        _ => None,
    };
    let (model, stage) = dyad_nlp::train_staged(&train, &config, cached, &mut report)?;
    if let Some(p) = &args.tagger_cache {
        std::fs::write(p, stage.to_bytes()).with_context(|| format!("writing {}", p.display()))?;
    }
    super::write_model(&args.out, &model.to_bytes(), "", start)?;
    let s = eval::trees(&model, &dev);
    if args.train_on_dev {
        println!("dev (trained on, not held out):");
    }
    println!(
        "dev: upos {:.4} xpos {:.4} lemma {:.4} uas {:.4} las {:.4} ({} words, {:.0} words/s)",
        s.upos, s.xpos, s.lemma, s.uas, s.las, s.words, s.words_per_s
    );
    let errors = eval::head_errors_by_upos(&model, &dev);
    let total: usize = errors.iter().map(|e| e.1).sum();
    let line: Vec<String> = errors
        .iter()
        .take(8)
        .map(|(u, n, e)| {
            format!(
                "{u} {:.2} ({:.1}% of {n})",
                100.0 * *e as f64 / total.max(1) as f64,
                100.0 * *e as f64 / (*n).max(1) as f64
            )
        })
        .collect();
    println!(
        "dev head errors, points of UAS by gold UPOS: {}",
        line.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run_eval(args: &EvalSyntax) -> anyhow::Result<ExitCode> {
    let gold = read_conllu(&args.gold)?;
    let load = super::load_model(
        args.model.as_deref(),
        Model::from_bytes,
        dyad_nlp::model,
        dyad_nlp::MODEL_BYTES.len(),
    )?;
    let model: &Model = &load.model;
    let t = eval::trees(model, &gold);
    let s = match &args.sentences_model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            let m = BoundaryModel::from_bytes(&bytes)
                .with_context(|| format!("reading {}", p.display()))?;
            eval::segmentation_with(&gold, |t| m.split(t))
        }
        None => eval::segmentation(&gold),
    };
    let (uas_gold_tags, las_gold_tags) = eval::attachment_with_gold_tags(model, &gold);
    let mut json = serde_json::json!({
        "model": model.version(),
        "gold": args.gold.file_name().map(|f| f.to_string_lossy().into_owned()),
        "sentences": t.sentences,
        "words": t.words,
        "upos": round4(t.upos),
        "xpos": round4(t.xpos),
        "lemma": round4(t.lemma),
        "uas": round4(t.uas),
        "las": round4(t.las),
        "uas_gold_tags": round4(uas_gold_tags),
        "las_gold_tags": round4(las_gold_tags),
        "sentence_precision": round4(s.sentence_precision),
        "sentence_recall": round4(s.sentence_recall),
        "sentence_f1": round4(s.sentence_f1),
        "token_f1": round4(s.token_f1),
        "tokens_per_s": t.words_per_s.round(),
        "tokens_per_s_wall": t.words_per_s_wall.round(),
    });
    load.add_to(&mut json);
    super::print_scores(&json, args.json, REPORT_HEADER)?;
    Ok(ExitCode::SUCCESS)
}

/// Header of the committed report `eval/syntax.txt`.
const REPORT_HEADER: &str = "\
# dyad syntax core: scores of the shipped model (crates/dyad-nlp/models/en-ewt.syntax).
# Regenerate with:
#   cargo run --release -p dyad-cli -- eval syntax \\
#     --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu.gz > eval/syntax.txt
# upos, xpos, lemma, uas, las: gold words, punctuation included; LAS compares the
# universal relation only (CoNLL 2018). *_gold_tags: the parser given gold tags.
# sentence_*, token_f1: splitter (rules + crates/dyad-nlp/models/en-ewt.sentences)
# and tokeniser on raw text rebuilt from `# text` (paragraph sentences joined by a
# space, paragraphs by a blank line), exact spans.
# tokens_per_s (tag+lemma+parse, one thread, best of 3 passes) and model_load_ms
# are per CPU time of the thread (/proc/thread-self/schedstat), *_wall per wall
# clock, which on a shared machine counts other processes; both depend on the machine.";

/// Arguments of `dyad train sentences`.
#[derive(Debug, clap::Args)]
pub struct TrainSentences {
    /// CoNLL-U training file (may be gzipped); raw text is rebuilt from
    /// `# text`, `# newpar` and `# newdoc` as `dyad eval syntax` does.
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-U development file: picks the epoch and the threshold.
    #[arg(long)]
    pub dev: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/dyad-nlp/models/en-ewt.sentences")]
    pub out: PathBuf,
    /// Most epochs (the best on dev is kept).
    #[arg(long, default_value_t = BoundaryConfig::default().epochs)]
    pub epochs: usize,
    /// Prune weights below this fraction of the largest.
    #[arg(long, default_value_t = BoundaryConfig::default().prune)]
    pub prune: f32,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = BoundaryConfig::default().seed)]
    pub seed: u64,
    /// Version text stored in the model.
    #[arg(long, default_value = "en-ewt sentences 1 (UD English EWT 2.16)")]
    pub version: String,
    /// Train on the dev documents too, for exactly `--epochs` epochs with
    /// threshold 0 (the final model, once the epochs are chosen on dev with
    /// a train-only model); the dev scores printed are then not held out.
    #[arg(long)]
    pub train_on_dev: bool,
}

pub fn run_train_sentences(args: &TrainSentences) -> anyhow::Result<ExitCode> {
    let mut train = eval::documents(&read_conllu(&args.train)?);
    let dev_gold = read_conllu(&args.dev)?;
    let mut dev = eval::documents(&dev_gold);
    if args.train_on_dev {
        train.append(&mut dev);
    }
    let config = BoundaryConfig {
        epochs: args.epochs,
        prune: args.prune,
        seed: args.seed,
        version: args.version.clone(),
    };
    let start = Instant::now();
    let rules = eval::segmentation_with(&dev_gold, dyad_nlp::boundaries::rule_split);
    eprintln!(
        "dev, rules alone: sentence precision {:.4} recall {:.4} F1 {:.4}",
        rules.sentence_precision, rules.sentence_recall, rules.sentence_f1
    );
    let model = train_boundaries(&train, &dev, &config, &mut |e| {
        eprintln!(
            "[{:>6.1}s] epoch {}: train accuracy {:.4}, dev sentence F1 {:.4}",
            start.elapsed().as_secs_f64(),
            e.epoch + 1,
            e.train_accuracy,
            e.dev_f1
        )
    })?;
    super::write_model(&args.out, &model.to_bytes(), &model.describe(), start)?;
    let s = eval::segmentation_with(&dev_gold, |t| model.split(t));
    println!(
        "dev ({}): sentence precision {:.4} recall {:.4} F1 {:.4}, token F1 {:.4}",
        if args.train_on_dev {
            "trained on, not held out"
        } else {
            "epoch and threshold chosen here"
        },
        s.sentence_precision,
        s.sentence_recall,
        s.sentence_f1,
        s.token_f1
    );
    Ok(ExitCode::SUCCESS)
}
