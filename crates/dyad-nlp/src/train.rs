//! Training the syntax model from CoNLL-U sentences: deterministic for a
//! given seed (sentence order is shuffled by a seeded generator, and nothing
//! depends on hash-map iteration order).

use std::collections::BTreeSet;

use crate::codec::{Reader, Writer};
use crate::conllu::Sentence;
use crate::features::WordHashes;
use crate::labels::{self, LabelExample};
use crate::lemmas::Lemmatiser;
use crate::model::{input, Model};
use crate::parser::{self, ParserExample, Schedule};
use crate::tagger::{self, LexiconCounts, Tagger, TaggerExample};
use crate::weights::IdMap;
use crate::Error;

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub labeller_epochs: usize,
    /// Jackknife folds: the parser and labeller train on tags predicted by
    /// taggers that did not see the sentence (1 = train on gold tags).
    pub folds: usize,
    /// log2 of the rows of the parser's hashed weight table.
    pub parser_bits: u32,
    /// Beam width of the parser: 1 = greedy, trained with the dynamic
    /// oracle; more = beam search, trained globally with early updates.
    pub parser_beam: usize,
    /// At parse time, beam candidates this far below the best are dropped
    /// (in the quantised weight units, where the largest weight is 32,000;
    /// 0 keeps the whole beam). Chosen on dev: 60,000 is as accurate as the
    /// full beam and about a third faster.
    pub beam_margin: f32,
    /// Weights below this fraction of a classifier's largest weight are dropped.
    pub prune: f32,
    /// The same for the parser's hashed table (pruning it shrinks the file
    /// but does not make parsing faster).
    pub parser_prune: f32,
    pub seed: u64,
    /// Free text stored in the model (data, date).
    pub version: String,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            tagger_epochs: 10,
            parser_epochs: 25,
            labeller_epochs: 10,
            folds: 5,
            parser_bits: 21,
            parser_beam: 4,
            beam_margin: 60_000.0,
            prune: 0.03,
            parser_prune: 0.03,
            seed: 0x5eed_d1ad,
            version: "dyad-syntax (untitled)".into(),
        }
    }
}

/// What training reports while it runs.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// A stage begins.
    Stage(&'a str),
    /// An epoch ended with this accuracy on the training data.
    Epoch {
        stage: &'a str,
        epoch: usize,
        accuracy: f64,
    },
}

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Trains a model on treebank sentences.
pub fn train(
    sentences: &[Sentence],
    config: &TrainConfig,
    progress: &mut dyn FnMut(Progress),
) -> Result<Model, Error> {
    train_staged(sentences, config, None, progress).map(|(model, _)| model)
}

/// The slow first half of training: the tagger and the jackknifed tags the
/// parser trains on. [`train_staged`] returns it and takes it back, so that
/// parser and labeller experiments need not retrain the taggers; the result
/// is the same model as training from scratch with the same settings.
#[derive(Debug, Clone)]
pub struct TaggerStage {
    key: u64,
    tagger: Tagger,
    parser_tags: Vec<Vec<u16>>,
}

const STAGE_MAGIC: &[u8; 8] = b"DYADTAG\0";

impl TaggerStage {
    /// The stage as bytes (a cache file; not compressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(STAGE_MAGIC);
        w.u64(self.key);
        crate::tagger::write_tag_names(&mut w, &self.tagger.tags);
        self.tagger.write(&mut w);
        w.varint(self.parser_tags.len() as u64);
        for s in &self.parser_tags {
            w.varint(s.len() as u64);
            for &t in s {
                w.varint(u64::from(t));
            }
        }
        w.into_bytes()
    }

    /// Reads a stage written by [`TaggerStage::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<TaggerStage, Error> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != STAGE_MAGIC {
            return Err(Error::model("not a dyad tagger stage"));
        }
        let key = r.u64()?;
        let tags = crate::tagger::read_tag_names(&mut r)?;
        let tagger = Tagger::read(&mut r, tags)?;
        let n = r.varint()? as usize;
        let mut parser_tags = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let len = r.varint()? as usize;
            let mut s = Vec::with_capacity(len.min(1 << 12));
            for _ in 0..len {
                s.push(u16::try_from(r.varint()?).map_err(|_| Error::model("tag id"))?);
            }
            parser_tags.push(s);
        }
        Ok(TaggerStage {
            key,
            tagger,
            parser_tags,
        })
    }
}

/// What the tagger stage depends on: the sentences and the tagger settings.
fn stage_key(sentences: &[&Sentence], config: &TrainConfig) -> u64 {
    let mut h = crate::features::hash_str(&format!(
        "{} {} {} {}",
        config.tagger_epochs, config.folds, config.prune, config.seed
    ));
    for s in sentences {
        for w in &s.words {
            h = h.rotate_left(5) ^ crate::features::hash_str(&w.form);
            h = h.rotate_left(5) ^ crate::features::hash_str(&w.xpos);
        }
    }
    h
}

/// Trains a model, reusing `stage` when it was made from the same sentences
/// and tagger settings (else it is retrained); returns the stage too.
pub fn train_staged(
    sentences: &[Sentence],
    config: &TrainConfig,
    stage: Option<TaggerStage>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Model, TaggerStage), Error> {
    let sentences: Vec<&Sentence> = sentences.iter().filter(|s| !s.words.is_empty()).collect();
    if sentences.is_empty() {
        return Err(Error::Train("no training sentences".into()));
    }
    let tag_names: Vec<(String, String)> = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut label_set: BTreeSet<String> = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect();
    label_set.insert("root".into());
    let label_names: Vec<String> = label_set.into_iter().collect();
    let root = label_names.iter().position(|l| l == "root").unwrap_or(0);
    let tag_id = |u: &str, x: &str| {
        tag_names
            .binary_search_by(|(a, b)| (a.as_str(), b.as_str()).cmp(&(u, x)))
            .unwrap_or(0) as u16
    };
    let label_id = |l: &str| {
        label_names
            .binary_search_by(|a| a.as_str().cmp(l))
            .unwrap_or(root)
    };

    let folds = config.folds.max(1);
    let mut chars = Vec::new();
    let words: Vec<Vec<WordHashes>> = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| WordHashes::new(&w.form, &mut chars))
                .collect()
        })
        .collect();
    let gold_tags: Vec<Vec<u16>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| tag_id(&w.upos, &w.xpos)).collect())
        .collect();
    let fold_of = |i: usize| (i % folds.max(2)) as u8;
    let mut counts = LexiconCounts::default();
    for (i, ws) in words.iter().enumerate() {
        for (w, &t) in ws.iter().zip(&gold_tags[i]) {
            counts.add(w.lower, t, fold_of(i));
        }
    }
    let examples: Vec<TaggerExample> = words
        .iter()
        .enumerate()
        .map(|(i, ws)| TaggerExample {
            words: ws.clone(),
            amb: ws
                .iter()
                .map(|w| counts.class(w.lower, Some(fold_of(i))))
                .collect(),
            gold: gold_tags[i].clone(),
        })
        .collect();
    let key = stage_key(&sentences, config);
    let stage = match stage {
        Some(stage) if stage.key == key && stage.tagger.tags == tag_names => {
            progress(Progress::Stage("tagger (reused)"));
            stage
        }
        _ => {
            let mut rng = Rng::new(config.seed);
            let classes = tag_names.len();

            progress(Progress::Stage("tagger"));
            let weights = tagger::train(
                &examples,
                classes,
                config.tagger_epochs,
                &mut rng,
                config.prune,
                |epoch, accuracy| {
                    progress(Progress::Epoch {
                        stage: "tagger",
                        epoch,
                        accuracy,
                    })
                },
            );
            let (lexicon, amb_classes) = counts.lexicon();
            let mut form_counts: IdMap<Vec<(u16, u32)>> = IdMap::default();
            for (ws, tags) in words.iter().zip(&gold_tags) {
                for (w, &t) in ws.iter().zip(tags) {
                    let v = form_counts.entry(w.form).or_default();
                    match v.iter_mut().find(|e| e.0 == t) {
                        Some(e) => e.1 += 1,
                        None => v.push((t, 1)),
                    }
                }
            }
            let fixed = tagger::fixed_tags(&form_counts);
            let tagger = Tagger {
                id: tagger::tagger_id(),
                tags: tag_names.clone(),
                weights,
                lexicon,
                classes: amb_classes,
                fixed,
            };

            // tags the parser trains on
            let mut tags_for_parser: Vec<Vec<u16>> = gold_tags.clone();
            if folds > 1 {
                for f in 0..folds {
                    let stage = format!("jackknife tagger {}/{folds}", f + 1);
                    progress(Progress::Stage(&stage));
                    let train_part: Vec<TaggerExample> = examples
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| fold_of(*i) as usize != f)
                        .map(|(_, e)| TaggerExample {
                            words: e.words.clone(),
                            amb: e.amb.clone(),
                            gold: e.gold.clone(),
                        })
                        .collect();
                    let w = tagger::train(
                        &train_part,
                        classes,
                        config.tagger_epochs,
                        &mut rng,
                        config.prune,
                        |_, _| {},
                    );
                    let (mut feats, mut scores) = (Vec::new(), vec![0f32; classes]);
                    for (i, e) in examples
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| fold_of(*i) as usize == f)
                    {
                        let mut tags = Vec::with_capacity(e.words.len());
                        for k in 0..e.words.len() {
                            tagger::features(k, &e.words, &e.amb, &tags, &mut feats);
                            w.score(&feats, &mut scores);
                            tags.push(tagger::argmax(&scores) as u16);
                        }
                        tags_for_parser[i] = tags;
                    }
                }
            }
            TaggerStage {
                key,
                tagger,
                parser_tags: tags_for_parser,
            }
        }
    };
    let tags_for_parser = &stage.parser_tags;
    // the parser and labeller draw from their own generator, so that a
    // reused tagger stage gives the same model as training from scratch
    let mut rng = Rng::new(config.seed ^ 0x7061_7273_6572);

    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let parser_examples: Vec<ParserExample> = (0..sentences.len())
        .map(|i| ParserExample {
            input: input(
                &forms[i],
                &words[i],
                &tags_for_parser[i],
                &examples[i].amb,
                &tag_names,
            ),
            gold: std::iter::once(0)
                .chain(sentences[i].words.iter().map(|w| w.head))
                .collect(),
        })
        .collect();
    progress(Progress::Stage("parser"));
    let schedule = Schedule {
        epochs: config.parser_epochs,
        explore_from: 1,
        explore: 0.9,
        bits: config.parser_bits,
        prune: config.parser_prune,
    };
    let mut report = |epoch, accuracy| {
        progress(Progress::Epoch {
            stage: "parser",
            epoch,
            accuracy,
        })
    };
    let parser = if config.parser_beam > 1 {
        crate::beam::train(
            &parser_examples,
            config.parser_beam,
            config.parser_epochs,
            config.parser_bits,
            config.parser_prune,
            &mut rng,
            &mut report,
        )
    } else {
        parser::train(&parser_examples, schedule, &mut rng, &mut report)
    };

    progress(Progress::Stage("labeller"));
    let label_examples: Vec<LabelExample> = parser_examples
        .iter()
        .zip(&sentences)
        .map(|(ex, s)| LabelExample {
            input: &ex.input,
            heads: &ex.gold,
            labels: std::iter::once(root)
                .chain(s.words.iter().map(|w| label_id(&w.deprel)))
                .collect(),
        })
        .collect();
    let labeller = labels::train(
        &label_examples,
        label_names.len(),
        root,
        config.labeller_epochs,
        &mut rng,
        config.prune,
        |epoch, accuracy| {
            progress(Progress::Epoch {
                stage: "labeller",
                epoch,
                accuracy,
            })
        },
    );

    progress(Progress::Stage("lemmatiser"));
    let lemmatiser = Lemmatiser::train(sentences.iter().flat_map(|s| {
        s.words
            .iter()
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
    }));
    let model = Model {
        version: config.version.clone(),
        tagger: stage.tagger.clone(),
        lemmatiser,
        parser,
        beam: config.parser_beam.max(1),
        beam_margin: config.beam_margin.max(0.0),
        labeller,
        labels: label_names,
        root,
    };
    Ok((model, stage))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{conllu, eval};

    const TINY: &str = include_str!("../testdata/tiny.conllu");

    fn config() -> TrainConfig {
        TrainConfig {
            tagger_epochs: 8,
            parser_epochs: 10,
            labeller_epochs: 8,
            folds: 1,
            parser_bits: 16,
            parser_beam: 1,
            beam_margin: 0.0,
            prune: 0.0,
            parser_prune: 0.0,
            seed: 7,
            version: "tiny".into(),
        }
    }

    #[test]
    fn trains_a_tiny_model_that_learns_its_data_and_round_trips() {
        let gold = conllu::read(TINY.as_bytes()).unwrap();
        let mut stages = Vec::new();
        let model = train(&gold, &config(), &mut |p| {
            if let Progress::Stage(s) = p {
                stages.push(s.to_string());
            }
        })
        .unwrap();
        assert!(stages.contains(&"parser".to_string()));
        let s = eval::trees(&model, &gold);
        assert!(s.upos > 0.95, "{s:?}");
        assert!(s.uas > 0.9, "{s:?}");
        assert!(s.las > 0.85, "{s:?}");
        assert!(s.lemma > 0.95, "{s:?}");
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back.version(), "tiny");
        assert_eq!(eval::trees(&back, &gold).uas, s.uas);
    }

    #[test]
    fn a_beam_parser_trains_and_round_trips() {
        let gold = conllu::read(TINY.as_bytes()).unwrap();
        let beam = TrainConfig {
            parser_beam: 4,
            ..config()
        };
        let model = train(&gold, &beam, &mut |_| {}).unwrap();
        let s = eval::trees(&model, &gold);
        assert!(s.uas > 0.9, "{s:?}");
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back.beam, 4);
        assert_eq!(eval::trees(&back, &gold).uas, s.uas);
    }

    #[test]
    fn training_is_deterministic() {
        let gold = conllu::read(TINY.as_bytes()).unwrap();
        let jackknifed = TrainConfig {
            folds: 2,
            ..config()
        };
        let a = train(&gold, &jackknifed, &mut |_| {}).unwrap().to_bytes();
        let b = train(&gold, &jackknifed, &mut |_| {}).unwrap().to_bytes();
        assert_eq!(a, b);
    }

    #[test]
    fn a_reused_tagger_stage_gives_the_same_model() {
        let gold = conllu::read(TINY.as_bytes()).unwrap();
        let jackknifed = TrainConfig {
            folds: 2,
            ..config()
        };
        // (the model, whether the stage was reused)
        let run = |config: &TrainConfig, stage: Option<TaggerStage>| {
            let mut reused = false;
            let (model, _) = train_staged(&gold, config, stage, &mut |p| {
                reused |= matches!(p, Progress::Stage("tagger (reused)"));
            })
            .unwrap();
            (model, reused)
        };
        let (a, stage) = train_staged(&gold, &jackknifed, None, &mut |_| {}).unwrap();
        let stage = TaggerStage::from_bytes(&stage.to_bytes()).unwrap();
        let (b, reused) = run(&jackknifed, Some(stage.clone()));
        assert!(reused);
        assert_eq!(a.to_bytes(), b.to_bytes());
        // other tagger settings: the stage is not reused
        let other = TrainConfig {
            tagger_epochs: 3,
            ..jackknifed
        };
        assert!(!run(&other, Some(stage)).1);
    }

    #[test]
    fn no_sentences_is_an_error() {
        assert!(train(&[], &config(), &mut |_| {}).is_err());
    }

    #[test]
    fn rng_shuffles_reproducibly() {
        let mut v: Vec<u32> = (0..20).collect();
        let mut w = v.clone();
        Rng::new(1).shuffle(&mut v);
        Rng::new(1).shuffle(&mut w);
        assert_eq!(v, w);
        assert_ne!(v, (0..20).collect::<Vec<_>>());
    }
}
