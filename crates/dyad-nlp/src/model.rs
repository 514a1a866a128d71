//! The syntax model: tagger, lemmatiser, parser and labeller in one file.
//!
//! File format (version [`FORMAT`]): zlib-compressed; inside, the magic
//! `DYADSYN\0`, the format number, a free-text model version, the tag and
//! relation names, then each component (see their `write` functions).

use crate::codec;
use crate::dense::DenseWeights;
use crate::features::{hash_str, WordHashes};
use crate::lemmas::Lemmatiser;
use crate::parser::Input;
use crate::tagger::Tagger;
use crate::weights::Weights;
use crate::{labels, parser, Error};

const MAGIC: &[u8; 8] = b"DYADSYN\0";
/// Version of the model file format.
pub const FORMAT: u32 = 2;

/// A trained tagger, lemmatiser and parser.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) version: String,
    pub(crate) tagger: Tagger,
    pub(crate) lemmatiser: Lemmatiser,
    pub(crate) parser: DenseWeights,
    /// Beam width of the parser (1 = greedy).
    pub(crate) beam: usize,
    /// Beam candidates this far below the best are dropped (weight units).
    pub(crate) beam_margin: f32,
    pub(crate) labeller: Weights,
    pub(crate) labels: Vec<String>,
    pub(crate) root: usize,
}

/// The analysis of one sentence, word by word (0-based).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Analysis {
    pub tags: Vec<u16>,
    pub lemmas: Vec<String>,
    /// Head of each word, `None` for the root.
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<u16>,
}

/// Reusable buffers for analysing many sentences.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    chars: Vec<char>,
    key: String,
    feats: Vec<u64>,
    scores: Vec<f32>,
    words: crate::tagger::WordSums,
    beam: crate::beam::BeamScratch,
}

impl Model {
    /// The model's version string (data, date, format).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Names of the relations the model can predict (full UD relations).
    pub fn relations(&self) -> &[String] {
        &self.labels
    }

    /// Sizes of the components, for the model card.
    pub fn describe(&self) -> String {
        format!(
            "{} tags, {} relations; tagger {} features / {} weights ({} lexicon words); \
             parser {} rows; labeller {} / {}",
            self.tagger.tags.len(),
            self.labels.len(),
            self.tagger.weights.len(),
            self.tagger.weights.entries(),
            self.tagger.lexicon.len(),
            self.parser.len(),
            self.labeller.len(),
            self.labeller.entries(),
        )
    }

    /// The tag id of (UPOS, XPOS), or the first tag with that UPOS, or 0.
    pub(crate) fn tag_id(&self, upos: &str, xpos: &str) -> u16 {
        let t = &self.tagger.tags;
        t.iter()
            .position(|(u, x)| u == upos && x == xpos)
            .or_else(|| t.iter().position(|(u, _)| u == upos))
            .unwrap_or(0) as u16
    }

    pub(crate) fn upos(&self, tag: u16) -> &str {
        self.tagger
            .tags
            .get(tag as usize)
            .map_or("X", |t| t.0.as_str())
    }

    pub(crate) fn xpos(&self, tag: u16) -> &str {
        self.tagger
            .tags
            .get(tag as usize)
            .map_or("XX", |t| t.1.as_str())
    }

    pub(crate) fn relation(&self, label: u16) -> &str {
        self.labels
            .get(label as usize)
            .map_or("dep", String::as_str)
    }

    /// Tags, lemmas, heads and relations of a tokenised sentence.
    pub(crate) fn analyse(&self, forms: &[&str], scratch: &mut Scratch) -> Analysis {
        let words: Vec<WordHashes> = forms
            .iter()
            .map(|f| WordHashes::new(f, &mut scratch.chars))
            .collect();
        let amb: Vec<u64> = words.iter().map(|w| self.tagger.ambiguity(w)).collect();
        let mut tags = self.tagger.tag(
            &words,
            &amb,
            &mut scratch.feats,
            &mut scratch.scores,
            &mut scratch.words,
        );
        crate::tagger::fix_auxiliaries(forms, &mut tags, &self.tagger.tags);
        crate::tagger::fix_numbers(forms, &mut tags, &self.tagger.tags);
        let (heads, labels) = self.parse_tagged(forms, &words, &amb, &tags, scratch);
        let lemmas = forms
            .iter()
            .zip(&tags)
            .map(|(f, &t)| {
                self.lemmatiser
                    .lemma_with(f, self.upos(t), self.xpos(t), &mut scratch.key)
            })
            .collect();
        Analysis {
            tags,
            lemmas,
            heads,
            labels,
        }
    }

    /// Heads and labels given tags and the words' ambiguity classes.
    pub(crate) fn parse_tagged(
        &self,
        forms: &[&str],
        words: &[WordHashes],
        amb: &[u64],
        tags: &[u16],
        scratch: &mut Scratch,
    ) -> (Vec<Option<usize>>, Vec<u16>) {
        let input = input(forms, words, tags, amb, &self.tagger.tags);
        let mut heads = if self.beam > 1 {
            crate::beam::parse(
                &self.parser,
                &input,
                self.beam,
                self.beam_margin,
                &mut scratch.beam,
            )
        } else {
            parser::parse(&self.parser, &input, &mut scratch.feats)
        };
        let is_punct: Vec<bool> = std::iter::once(false)
            .chain(tags.iter().map(|&t| self.upos(t) == "PUNCT"))
            .collect();
        crate::punct::attach(&mut heads, &is_punct, forms);
        let punct = self.labels.iter().position(|l| l == "punct");
        let forced = |tag: u64| punct.filter(|_| self.upos(tag as u16) == "PUNCT");
        let labels = labels::label(
            &self.labeller,
            &input,
            &heads,
            self.root,
            forced,
            &mut scratch.feats,
        );
        let mut labels = labels;
        self.fix_passive_subjects(&heads, &mut labels);
        let h = heads[1..].iter().map(|&h| h.checked_sub(1)).collect();
        let l = labels[1..].iter().map(|&l| l as u16).collect();
        (h, l)
    }

    /// A passive subject needs a passive auxiliary beside it: `nsubj:pass`
    /// and `csubj:pass` without an `aux:pass` sibling become `nsubj` and
    /// `csubj` (`Witkoff had met` is active).
    fn fix_passive_subjects(&self, heads: &[usize], labels: &mut [usize]) {
        let id = |name: &str| self.labels.iter().position(|l| l == name);
        let Some(aux_pass) = id("aux:pass") else {
            return;
        };
        for (pass, active) in [("nsubj:pass", "nsubj"), ("csubj:pass", "csubj")] {
            let (Some(pass), Some(active)) = (id(pass), id(active)) else {
                continue;
            };
            for d in 1..labels.len() {
                if labels[d] != pass {
                    continue;
                }
                let h = heads[d];
                let has_aux = (1..labels.len()).any(|s| heads[s] == h && labels[s] == aux_pass);
                if !has_aux {
                    labels[d] = active;
                }
            }
        }
    }

    /// The model as compressed bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // stored, not deflated: deflate saved only a fifth of the size (the
        // weights are already delta- and varint-coded) and cost ~40 ms of loading
        codec::seal(MAGIC, FORMAT, flate2::Compression::none(), |w| {
            w.str(&self.version);
            crate::tagger::write_tag_names(w, &self.tagger.tags);
            w.strs(&self.labels);
            self.tagger.write(w);
            self.lemmatiser.write(w);
            self.parser.write(w);
            w.u32(self.beam as u32);
            w.f32(self.beam_margin);
            self.labeller.write(w);
        })
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let opened = codec::open(bytes, MAGIC, "syntax model", &[1, FORMAT])?;
        let format = opened.format;
        let mut r = opened.body();
        let version = r.str()?;
        let tags = crate::tagger::read_tag_names(&mut r)?;
        let labels = r.strs()?;
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or_else(|| Error::model("no root relation"))?;
        let tagger = Tagger::read(&mut r, tags)?;
        let lemmatiser = Lemmatiser::read(&mut r)?;
        let parser = DenseWeights::read(&mut r)?;
        // format 1 had no beam: greedy
        let (beam, beam_margin) = if format >= 2 {
            (r.u32()? as usize, r.f32()?)
        } else {
            (1, 0.0)
        };
        if !(1..=64).contains(&beam) || beam_margin.is_nan() || beam_margin < 0.0 {
            return Err(Error::model("beam width"));
        }
        let labeller = Weights::read(&mut r)?;
        if labeller.classes() != labels.len() {
            return Err(Error::model("class counts do not match"));
        }
        Ok(Model {
            version,
            tagger,
            lemmatiser,
            parser,
            beam,
            beam_margin,
            labeller,
            labels,
            root,
        })
    }
}

/// The parser's view of a tagged sentence.
pub(crate) fn input(
    forms: &[&str],
    words: &[WordHashes],
    tags: &[u16],
    amb: &[u64],
    names: &[(String, String)],
) -> Input {
    Input::new(
        words
            .iter()
            .zip(tags)
            .zip(forms)
            .zip(amb)
            .map(|(((w, &t), f), &a)| {
                let upos = names.get(t as usize).map_or("X", |n| n.0.as_str());
                let closed = matches!(
                    upos,
                    "AUX" | "ADP" | "PART" | "SCONJ" | "CCONJ" | "DET" | "PRON"
                );
                (
                    w.lower,
                    u64::from(t),
                    hash_str(upos),
                    closed,
                    matches!(*f, "," | ";"),
                    a,
                )
            }),
    )
}
