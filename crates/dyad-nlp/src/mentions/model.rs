//! The mention model: averaged-perceptron weights over BILOU tags, and its
//! file format.
//!
//! File format (version [`FORMAT`]): zlib-compressed; inside, the magic
//! `DYADMEN\0`, the format number, a free-text model version, then the
//! weight table (see `weights.rs`).

use super::features::{self, allowed, split, Atoms, Part, TAGS};
use super::{GazMark, Mention};
use crate::codec;
use crate::weights::Weights;
use crate::{Error, Token};

const MAGIC: &[u8; 8] = b"DYADMEN\0";
/// Version of the mention model file format.
pub const FORMAT: u32 = 1;

/// A trained mention tagger.
#[derive(Debug, Clone)]
pub struct MentionModel {
    pub(crate) version: String,
    pub(crate) weights: Weights,
}

impl MentionModel {
    /// The model's version string (data, date, format).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Replaces the version string (the trainer's caller knows what the
    /// data and the chosen epoch were).
    pub fn set_version(&mut self, version: impl Into<String>) {
        self.version = version.into();
    }

    /// Sizes, for the model card.
    pub fn describe(&self) -> String {
        format!(
            "{} tags; {} features / {} weights",
            TAGS,
            self.weights.len(),
            self.weights.entries()
        )
    }

    /// Mentions in one sentence; see [`super::mentions`].
    pub fn mentions(&self, text: &str, tokens: &[Token], gaz: &[GazMark]) -> Vec<Mention> {
        let forms: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let tags = self.tag_words(&forms, gaz);
        spans(&tags)
            .into_iter()
            .filter_map(|(a, b, kind)| {
                let (first, last) = (tokens.get(a)?, tokens.get(b - 1)?);
                (first.start <= last.end).then_some(Mention {
                    start: first.start,
                    end: last.end,
                    kind,
                })
            })
            .collect()
    }

    /// BILOU tags of a sentence given as words.
    pub(crate) fn tag_words(&self, forms: &[&str], gaz: &[GazMark]) -> Vec<u16> {
        let mut chars = Vec::new();
        let atoms: Vec<Atoms> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| Atoms::new(f, gaz.get(i).copied().unwrap_or_default(), &mut chars))
            .collect();
        self.tag_atoms(&atoms)
    }

    pub(crate) fn tag_atoms(&self, atoms: &[Atoms]) -> Vec<u16> {
        tag_atoms(atoms, |f, s| self.weights.score(f, s))
    }

    /// The model as compressed bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::seal(MAGIC, FORMAT, flate2::Compression::best(), |w| {
            w.str(&self.version);
            self.weights.write(w);
        })
    }

    /// Reads a model written by [`MentionModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<MentionModel, Error> {
        let opened = codec::open(bytes, MAGIC, "mention model", &[FORMAT])?;
        let mut r = opened.body();
        let version = r.str()?;
        let weights = Weights::read(&mut r)?;
        if weights.classes() != TAGS {
            return Err(Error::model("mention model has another tag set"));
        }
        Ok(MentionModel { version, weights })
    }
}

/// Greedy left-to-right decoding: at each token the best tag that may
/// follow the previous one.
pub(crate) fn tag_atoms(atoms: &[Atoms], score: impl Fn(&[u64], &mut [f32])) -> Vec<u16> {
    let shout = features::shouting(atoms);
    let mut tags: Vec<u16> = Vec::with_capacity(atoms.len());
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0f32; TAGS];
    for i in 0..atoms.len() {
        features::features(i, atoms, shout, &tags, &mut feats);
        score(&feats, &mut scores);
        let prev = tags.last().copied();
        let best = (0..TAGS as u16)
            .filter(|&t| allowed(prev, t))
            .fold(None::<u16>, |best, t| match best {
                Some(b) if scores[b as usize] >= scores[t as usize] => Some(b),
                _ => Some(t),
            })
            .unwrap_or(0);
        tags.push(best);
    }
    tags
}

/// Entities of a BILOU sequence as (first token, end token, kind); lenient
/// with ill-formed sequences (an unfinished entity ends where the next one
/// begins, at an `O` or at the end).
pub(crate) fn spans(tags: &[u16]) -> Vec<(usize, usize, super::MentionKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, super::MentionKind)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let (part, kind) = split(t);
        let continues =
            matches!(part, Part::Inside | Part::Last) && open.is_some_and(|(_, k)| Some(k) == kind);
        if !continues {
            if let Some((a, k)) = open.take() {
                out.push((a, i, k));
            }
        }
        match (part, kind) {
            (Part::Out, _) | (_, None) => {}
            (Part::Unit, Some(k)) => out.push((i, i + 1, k)),
            (Part::Begin, Some(k)) => open = Some((i, k)),
            (Part::Inside, Some(k)) => {
                if !continues {
                    open = Some((i, k));
                }
            }
            (Part::Last, Some(k)) => {
                let a = if continues {
                    open.map_or(i, |o| o.0)
                } else {
                    i
                };
                open = None;
                out.push((a, i + 1, k));
            }
        }
    }
    if let Some((a, k)) = open {
        out.push((a, tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::MentionKind::{Loc, Per};
    use super::*;
    use crate::mentions::features::tag;

    #[test]
    fn spans_read_well_and_ill_formed_sequences() {
        let b = tag(Part::Begin, Per);
        let i = tag(Part::Inside, Per);
        let l = tag(Part::Last, Per);
        let u = tag(Part::Unit, Loc);
        assert_eq!(spans(&[0, b, i, l, u, 0]), vec![(1, 4, Per), (4, 5, Loc)]);
        assert_eq!(
            spans(&[b, u, i]),
            vec![(0, 1, Per), (1, 2, Loc), (2, 3, Per)]
        );
        assert_eq!(spans(&[l, b]), vec![(0, 1, Per), (1, 2, Per)]);
    }

    #[test]
    fn a_truncated_or_foreign_file_is_an_error() {
        assert!(MentionModel::from_bytes(b"nonsense").is_err());
        assert!(MentionModel::from_bytes(&[]).is_err());
    }
}
