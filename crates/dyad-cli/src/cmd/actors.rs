//! `dyad train mentions` and `dyad eval actors`: the learned tagger of
//! person, organisation and place names, with gazetteer marks from the
//! actor base.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dyad_lexicon::{Lexicon, NameRef};
use dyad_nlp::mentions::{
    self, gazetteer, GazKind, GazMark, MentionConfig, MentionModel, MentionSentence,
};
use dyad_nlp::Token;

use crate::eval::metrics::round4;

/// Arguments of `dyad train mentions`.
#[derive(Debug, clap::Args)]
pub struct TrainMentions {
    /// CoNLL-2003 style training file (`TOKEN … TAG`, may be gzipped).
    #[arg(long)]
    pub train: PathBuf,
    /// Development file: picks the epoch (early stopping).
    #[arg(long)]
    pub dev: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/dyad-nlp/models/en-conll.mentions")]
    pub out: PathBuf,
    /// Most epochs.
    #[arg(long, default_value_t = MentionConfig::default().epochs)]
    pub epochs: usize,
    /// Epochs without a better dev score before stopping.
    #[arg(long, default_value_t = MentionConfig::default().patience)]
    pub patience: usize,
    /// Weights below this fraction of the largest are dropped.
    #[arg(long, default_value_t = MentionConfig::default().prune)]
    pub prune: f32,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = MentionConfig::default().seed)]
    pub seed: u64,
    /// After choosing the number of epochs on dev, train the final model on
    /// train and dev together for that many epochs.
    #[arg(long)]
    pub with_dev: bool,
    /// Version text stored in the model.
    /// The data and the epochs used are appended in brackets.
    #[arg(long, default_value = "en-conll mentions 1 (CoNLL-2003 English)")]
    pub version: String,
}

/// Arguments of `dyad eval actors`.
#[derive(Debug, clap::Args)]
pub struct EvalActors {
    /// CoNLL-2003 style gold file (may be gzipped).
    #[arg(long)]
    pub gold: PathBuf,
    /// A model file instead of the shipped one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

fn read(path: &Path) -> anyhow::Result<Vec<MentionSentence>> {
    mentions::read_conll(super::open_text(path)?)
        .with_context(|| format!("reading {}", path.display()))
}

fn lexicon() -> anyhow::Result<&'static Lexicon> {
    Lexicon::builtin().map_err(|e| anyhow::anyhow!("loading the actor base: {e}"))
}

/// The gazetteer kind of an actor-base name.
pub fn gaz_kind(r: &NameRef) -> GazKind {
    match r {
        NameRef::Country(_) | NameRef::Capital(_) | NameRef::Seat(_) => GazKind::Loc,
        NameRef::Adjective(_) => GazKind::Misc,
        NameRef::Organisation(_) | NameRef::Media(_) => GazKind::Org,
        NameRef::Person(_) => GazKind::Per,
    }
}

/// Gazetteer marks of `tokens` from the names of the actor base in `text`.
pub fn gazetteer_marks(lexicon: &Lexicon, text: &str, tokens: &[Token]) -> Vec<GazMark> {
    let hits = lexicon.find_names(text);
    gazetteer(
        tokens,
        hits.iter()
            .flat_map(|h| h.refs.iter().map(move |r| (h.start..h.end, gaz_kind(r)))),
    )
}

/// The sentence's words joined by single spaces, and their tokens.
fn text_of(words: &[String]) -> (String, Vec<Token>) {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        tokens.push(Token {
            start: text.len(),
            end: text.len() + w.len(),
        });
        text.push_str(w);
    }
    (text, tokens)
}

/// Fills the gazetteer marks of every sentence.
fn mark(lexicon: &Lexicon, sentences: &mut [MentionSentence]) {
    for s in sentences {
        let (text, tokens) = text_of(&s.words);
        s.gaz = gazetteer_marks(lexicon, &text, &tokens);
    }
}

pub fn run_train(args: &TrainMentions) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let mut train = read(&args.train)?;
    let mut dev = read(&args.dev)?;
    let lex = lexicon()?;
    mark(lex, &mut train);
    mark(lex, &mut dev);
    eprintln!(
        "[{:>6.1}s] {} training, {} dev sentences; gazetteer marks from lexicon {}",
        start.elapsed().as_secs_f64(),
        train.len(),
        dev.len(),
        lex.version()
    );
    let config = MentionConfig {
        epochs: args.epochs,
        patience: args.patience,
        prune: args.prune,
        seed: args.seed,
        version: args.version.clone(),
    };
    let mut best = (0usize, f64::MIN);
    let mut model = mentions::train(&train, &dev, &config, &mut |r| {
        let f1 = r.dev_f1.unwrap_or(0.0);
        if f1 > best.1 {
            best = (r.epoch, f1);
        }
        eprintln!(
            "[{:>6.1}s] epoch {}: train accuracy {:.4}, dev F1 (PER/ORG/LOC) {f1:.4}",
            start.elapsed().as_secs_f64(),
            r.epoch + 1,
            r.train_accuracy
        );
    })?;
    let s = mentions::score(&model, &dev);
    println!(
        "dev (trained on train, epoch {}): f1 {:.4} per {:.4} org {:.4} loc {:.4} misc {:.4}",
        best.0 + 1,
        s.actors().f1(),
        s.kind(dyad_nlp::MentionKind::Per).f1(),
        s.kind(dyad_nlp::MentionKind::Org).f1(),
        s.kind(dyad_nlp::MentionKind::Loc).f1(),
        s.kind(dyad_nlp::MentionKind::Misc).f1(),
    );
    if args.with_dev {
        let all: Vec<MentionSentence> = train.into_iter().chain(dev).collect();
        let final_config = MentionConfig {
            epochs: best.0 + 1,
            ..config
        };
        eprintln!(
            "[{:>6.1}s] final model: train + dev, {} epochs",
            start.elapsed().as_secs_f64(),
            final_config.epochs
        );
        model = mentions::train(&all, &[], &final_config, &mut |_| {})?;
        model.set_version(format!(
            "{} [train+dev, {} epochs, seed {}, gazetteer {}]",
            args.version,
            final_config.epochs,
            args.seed,
            lex.version()
        ));
    } else {
        model.set_version(format!(
            "{} [train, epoch {} of {} by dev F1, seed {}, gazetteer {}]",
            args.version,
            best.0 + 1,
            args.epochs,
            args.seed,
            lex.version()
        ));
    }
    super::write_model(&args.out, &model.to_bytes(), &model.describe(), start)?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_eval(args: &EvalActors) -> anyhow::Result<ExitCode> {
    let mut gold = read(&args.gold)?;
    let lex = lexicon()?;
    let load = super::load_model(
        args.model.as_deref(),
        MentionModel::from_bytes,
        mentions::model,
        mentions::MODEL_BYTES.len(),
    )?;
    let model: &MentionModel = &load.model;
    // Best of three passes each: gazetteer lookup, then tagging (thread CPU time).
    let mut gaz_seconds = f64::MAX;
    for _ in 0..3 {
        let clock = super::Clock::start();
        mark(lex, &mut gold);
        gaz_seconds = gaz_seconds.min(clock.seconds().0);
    }
    let mut scores = mentions::score(model, &gold);
    for _ in 0..2 {
        scores.seconds = scores.seconds.min(mentions::score(model, &gold).seconds);
    }
    let kind = |k| scores.kind(k);
    use dyad_nlp::MentionKind::{Loc, Misc, Org, Per};
    let mut json = serde_json::json!({
        "model": model.version(),
        "lexicon": lex.version(),
        "gold": args.gold.file_name().map(|f| f.to_string_lossy().into_owned()),
        "sentences": scores.sentences,
        "tokens": scores.tokens,
        "entities": scores.actors().gold,
        "f1": round4(scores.actors().f1()),
        "precision": round4(scores.actors().precision()),
        "recall": round4(scores.actors().recall()),
        "per_f1": round4(kind(Per).f1()),
        "org_f1": round4(kind(Org).f1()),
        "loc_f1": round4(kind(Loc).f1()),
        "misc_f1": round4(kind(Misc).f1()),
        "all_f1": round4(scores.all().f1()),
        "tokens_per_s": (scores.tokens as f64 / (scores.seconds + gaz_seconds).max(1e-9)).round(),
        "tokens_per_s_tagger_only": (scores.tokens as f64 / scores.seconds.max(1e-9)).round(),
    });
    load.add_to(&mut json);
    super::print_scores(&json, args.json, REPORT_HEADER)?;
    Ok(ExitCode::SUCCESS)
}

/// Header of the committed report `eval/actors.txt`.
const REPORT_HEADER: &str = "\
# dyad mention tagger: scores of the shipped model (crates/dyad-nlp/models/en-conll.mentions)
# on the CoNLL-2003 English test set. Regenerate with:
#   cargo run --release -p dyad-cli -- eval actors \\
#     --gold ../shared/data/conll2003/test.txt.gz > eval/actors.txt
# Gold tokens (the CoNLL convention): each sentence's text is its tokens joined by
# single spaces, and the gold token spans are passed in; gazetteer marks come from
# the built-in actor base (Lexicon::find_names on that text).
# f1, precision, recall: PER, ORG and LOC together, exact spans (conlleval's
# definition); misc_f1 MISC alone; all_f1 the four classes together (the usual
# CoNLL-2003 figure).
# tokens_per_s: gazetteer lookup + tagging, one thread, best of 3 passes, per CPU
# time of the thread; tokens_per_s_tagger_only leaves the lookup out. model_load_ms:
# decompressing and reading the model (CPU time; *_wall per wall clock).";
