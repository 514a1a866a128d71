//! Training the mention tagger: deterministic for a given seed (sentence
//! order is shuffled by a seeded generator; nothing depends on hash-map
//! iteration order).

use super::features::{self, tag, Atoms, Part, TAGS};
use super::model::MentionModel;
use super::{GazMark, MentionKind};
use crate::tagger::argmax;
use crate::train::Rng;
use crate::weights::Trainer;
use crate::Error;

/// A sentence with its entities, for training and scoring.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentionSentence {
    pub words: Vec<String>,
    /// Entities as (first word, end word, kind), in order, not overlapping.
    pub entities: Vec<(usize, usize, MentionKind)>,
    /// Gazetteer marks of the words (missing marks count as none).
    pub gaz: Vec<GazMark>,
}

/// How to train.
#[derive(Debug, Clone)]
pub struct MentionConfig {
    /// Most epochs.
    pub epochs: usize,
    /// Stop after this many epochs without a better score on the
    /// development sentences (if any are given).
    pub patience: usize,
    /// Weights below this fraction of the largest weight are dropped.
    pub prune: f32,
    pub seed: u64,
    /// Free text stored in the model (data, date).
    pub version: String,
}

impl Default for MentionConfig {
    fn default() -> Self {
        MentionConfig {
            epochs: 20,
            patience: 5,
            prune: 0.002,
            seed: 0x5eed_d1ad,
            version: "dyad-mentions (untitled)".into(),
        }
    }
}

/// What one epoch achieved: accuracy of the tags on the training sentences
/// (as predicted during training) and, with development sentences, the F1
/// of people, organisations and places there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EpochReport {
    pub epoch: usize,
    pub train_accuracy: f64,
    pub dev_f1: Option<f64>,
}

fn gold_tags(s: &MentionSentence) -> Vec<u16> {
    let mut tags = vec![0u16; s.words.len()];
    for &(a, b, k) in &s.entities {
        if a >= b || b > tags.len() {
            continue;
        }
        if b - a == 1 {
            tags[a] = tag(Part::Unit, k);
        } else {
            tags[a] = tag(Part::Begin, k);
            for t in &mut tags[a + 1..b - 1] {
                *t = tag(Part::Inside, k);
            }
            tags[b - 1] = tag(Part::Last, k);
        }
    }
    tags
}

pub(crate) fn atoms(s: &MentionSentence, chars: &mut Vec<char>) -> Vec<Atoms> {
    s.words
        .iter()
        .enumerate()
        .map(|(i, w)| Atoms::new(w, s.gaz.get(i).copied().unwrap_or_default(), chars))
        .collect()
}

/// Trains a mention model on `sentences`. With `dev` sentences, the model
/// kept is the one of the epoch with the best F1 there (people,
/// organisations and places), and training stops after
/// [`MentionConfig::patience`] epochs without improvement; without, all
/// [`MentionConfig::epochs`] are run. `progress` hears of every epoch.
pub fn train(
    sentences: &[MentionSentence],
    dev: &[MentionSentence],
    config: &MentionConfig,
    progress: &mut dyn FnMut(EpochReport),
) -> Result<MentionModel, Error> {
    let mut chars = Vec::new();
    let examples: Vec<(Vec<Atoms>, Vec<u16>, bool)> = sentences
        .iter()
        .filter(|s| !s.words.is_empty())
        .map(|s| {
            let a = atoms(s, &mut chars);
            let shout = features::shouting(&a);
            (a, gold_tags(s), shout)
        })
        .collect();
    if examples.is_empty() {
        return Err(Error::Train("no training sentences".into()));
    }
    let dev_atoms: Vec<Vec<Atoms>> = dev.iter().map(|s| atoms(s, &mut chars)).collect();
    let mut rng = Rng::new(config.seed);
    let mut t = Trainer::new(TAGS);
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; TAGS];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(f64, MentionModel)> = None;
    let mut since_best = 0;
    for epoch in 0..config.epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let (atoms, gold, shout) = &examples[k];
            let mut tags: Vec<u16> = Vec::with_capacity(atoms.len());
            for (i, &g) in gold.iter().enumerate() {
                features::features(i, atoms, *shout, &tags, &mut feats);
                t.score(&feats, &mut scores);
                let guess = argmax(&scores);
                t.tick();
                if guess != g as usize {
                    t.update(&feats, g as usize, 1.0);
                    t.update(&feats, guess, -1.0);
                } else {
                    right += 1;
                }
                total += 1;
                tags.push(guess as u16);
            }
        }
        let train_accuracy = right as f64 / total.max(1) as f64;
        if dev.is_empty() {
            progress(EpochReport {
                epoch,
                train_accuracy,
                dev_f1: None,
            });
            continue;
        }
        let model = MentionModel {
            version: config.version.clone(),
            weights: t.finish(config.prune),
        };
        let predicted: Vec<_> = dev_atoms
            .iter()
            .map(|a| super::model::spans(&model.tag_atoms(a)))
            .collect();
        let f1 = super::conll::compare(dev, &predicted).actors().f1();
        progress(EpochReport {
            epoch,
            train_accuracy,
            dev_f1: Some(f1),
        });
        if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            best = Some((f1, model));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= config.patience.max(1) {
                break;
            }
        }
    }
    Ok(match best {
        Some((_, model)) => model,
        None => MentionModel {
            version: config.version.clone(),
            weights: t.finish(config.prune),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{gazetteer, GazKind};

    /// Sentences written for this test: names in the usual places.
    fn sentence(text: &str) -> MentionSentence {
        let mut s = MentionSentence::default();
        for (i, w) in text.split(' ').enumerate() {
            let (word, kind) = match w.split_once('/') {
                Some((w, k)) => (w, MentionKind::from_name(k)),
                None => (w, None),
            };
            s.words.push(word.to_string());
            if let Some(k) = kind {
                match s.entities.last_mut() {
                    Some(e) if e.1 == i && e.2 == k => e.1 = i + 1,
                    _ => s.entities.push((i, i + 1, k)),
                }
            }
        }
        s
    }

    fn corpus() -> Vec<MentionSentence> {
        [
            "Minister Anna/PER Berg/PER visited Oslo/LOC on Monday .",
            "The Acme/ORG Corporation/ORG said it would close a plant in Leeds/LOC .",
            "Talks between Norway/LOC and Sweden/LOC ended , Ola/PER Lind/PER said .",
            "President Ivan/PER Petrov/PER met the head of Globex/ORG in Kiev/LOC .",
            "Shares of Initech/ORG fell in Paris/LOC .",
            "Police in Lagos/LOC arrested two men , spokesman Tunde/PER Bakare/PER said .",
            "The United/ORG Nations/ORG sent aid to Chad/LOC .",
            "He spoke to reporters after the meeting .",
        ]
        .iter()
        .map(|t| sentence(t))
        .collect()
    }

    #[test]
    fn a_tiny_model_learns_its_training_sentences_and_survives_a_round_trip() {
        let data = corpus();
        let config = MentionConfig {
            epochs: 15,
            prune: 0.0,
            ..MentionConfig::default()
        };
        let mut epochs = 0;
        let model = train(&data, &[], &config, &mut |_| epochs += 1).unwrap();
        assert_eq!(epochs, 15);
        let scores = super::super::score(&model, &data);
        assert!(scores.all().f1() > 0.9, "{scores:?}");

        let back = MentionModel::from_bytes(&model.to_bytes()).unwrap();
        let text = "Minister Anna Berg visited Oslo on Monday .";
        let tokens = crate::tokenize(text, 0..text.len());
        let found: Vec<&str> = back
            .mentions(text, &tokens, &[])
            .iter()
            .map(|m| &text[m.range()])
            .collect();
        assert_eq!(found, ["Anna Berg", "Oslo"]);
        assert_eq!(
            model.mentions(text, &tokens, &[]),
            back.mentions(text, &tokens, &[])
        );
    }

    #[test]
    fn training_is_deterministic_and_early_stopping_keeps_the_best_epoch() {
        let data = corpus();
        let config = MentionConfig {
            epochs: 8,
            patience: 2,
            ..MentionConfig::default()
        };
        let mut reports = Vec::new();
        let a = train(&data, &data[..3], &config, &mut |r| reports.push(r)).unwrap();
        let b = train(&data, &data[..3], &config, &mut |_| {}).unwrap();
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert!(reports.iter().all(|r| r.dev_f1.is_some()));
        assert!(train(&[], &[], &config, &mut |_| {}).is_err());
    }

    #[test]
    fn gazetteer_marks_are_learned() {
        // the same unknown-looking word is a place when the gazetteer says so
        let mut data = Vec::new();
        for name in ["Zorbia", "Quelland", "Marovia", "Tesk"] {
            let mut s = sentence(&format!("Troops entered {name}/LOC today ."));
            s.gaz = gazetteer_of(&s.words, 2, GazKind::Loc);
            data.push(s);
            let mut s = sentence(&format!("Lawyers for {name}/PER Smith/PER spoke ."));
            s.gaz = gazetteer_of(&s.words, 2..4, GazKind::Per);
            data.push(s);
        }
        let model = train(&data, &[], &MentionConfig::default(), &mut |_| {}).unwrap();
        let words = ["Troops", "entered", "Vantor", "today", "."];
        let gaz = gazetteer_of(
            &words.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            2,
            GazKind::Loc,
        );
        let tags = model.tag_words(&words, &gaz);
        assert_eq!(tags[2], tag(Part::Unit, MentionKind::Loc), "{tags:?}");
    }

    fn gazetteer_of(words: &[String], range: impl Into<RangeOf>, kind: GazKind) -> Vec<GazMark> {
        let text = words.join(" ");
        let tokens = crate::tokenize(&text, 0..text.len());
        let r = range.into().0;
        let (a, b) = (tokens[r.start].start, tokens[r.end - 1].end);
        gazetteer(&tokens, [(a..b, kind)])
    }

    struct RangeOf(std::ops::Range<usize>);
    impl From<usize> for RangeOf {
        fn from(i: usize) -> Self {
            RangeOf(i..i + 1)
        }
    }
    impl From<std::ops::Range<usize>> for RangeOf {
        fn from(r: std::ops::Range<usize>) -> Self {
            RangeOf(r)
        }
    }
}
