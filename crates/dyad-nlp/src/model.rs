//! The syntax model: tagger, lemmatiser, parser and labeller in one file.
//!
//! File format (version [`FORMAT`]): zlib-compressed; inside, the magic
//! `DYADSYN\0`, the format number, a free-text model version, the tag and
//! relation names, then each component (see their `write` functions).

use std::io::{Read, Write};

use crate::codec::{Reader, Writer};
use crate::dense::DenseWeights;
use crate::features::{hash_str, WordHashes};
use crate::lemmas::Lemmatiser;
use crate::parser::Input;
use crate::tagger::Tagger;
use crate::weights::{IdMap, Weights};
use crate::{labels, parser, Error};

const MAGIC: &[u8; 8] = b"DYADSYN\0";
/// Version of the model file format.
pub const FORMAT: u32 = 1;

/// A trained tagger, lemmatiser and parser.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) version: String,
    pub(crate) tagger: Tagger,
    pub(crate) lemmatiser: Lemmatiser,
    pub(crate) parser: DenseWeights,
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
    feats: Vec<u64>,
    scores: Vec<f32>,
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
        let mut tags = self
            .tagger
            .tag(&words, &mut scratch.feats, &mut scratch.scores);
        crate::tagger::fix_auxiliaries(forms, &mut tags, &self.tagger.tags);
        let (heads, labels) = self.parse_tagged(forms, &words, &tags, scratch);
        let lemmas = forms
            .iter()
            .zip(&tags)
            .map(|(f, &t)| self.lemmatiser.lemma(f, self.upos(t), self.xpos(t)))
            .collect();
        Analysis {
            tags,
            lemmas,
            heads,
            labels,
        }
    }

    /// Heads and labels given tags.
    pub(crate) fn parse_tagged(
        &self,
        forms: &[&str],
        words: &[WordHashes],
        tags: &[u16],
        scratch: &mut Scratch,
    ) -> (Vec<Option<usize>>, Vec<u16>) {
        let input = input(forms, words, tags, &self.tagger.tags);
        let heads = parser::parse(&self.parser, &input, &mut scratch.feats);
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
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.u32(FORMAT);
        w.str(&self.version);
        let tags: Vec<String> = self
            .tagger
            .tags
            .iter()
            .map(|(u, x)| format!("{u}\t{x}"))
            .collect();
        w.strs(&tags);
        w.strs(&self.labels);
        self.tagger.weights.write(&mut w);
        let mut lex: Vec<(u64, u32)> = self.tagger.lexicon.iter().map(|(&k, &v)| (k, v)).collect();
        lex.sort_unstable();
        w.varint(lex.len() as u64);
        for (k, v) in lex {
            w.bytes(&k.to_le_bytes());
            w.varint(u64::from(v));
        }
        w.varint(self.tagger.classes.len() as u64);
        for c in &self.tagger.classes {
            w.bytes(&c.to_le_bytes());
        }
        let mut fixed: Vec<(u64, u16)> = self.tagger.fixed.iter().map(|(&k, &v)| (k, v)).collect();
        fixed.sort_unstable();
        w.varint(fixed.len() as u64);
        for (k, v) in fixed {
            w.bytes(&k.to_le_bytes());
            w.varint(u64::from(v));
        }
        self.lemmatiser.write(&mut w);
        self.parser.write(&mut w);
        self.labeller.write(&mut w);
        let raw = w.into_bytes();
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        // writing into a Vec cannot fail
        let _ = z.write_all(&raw);
        z.finish().unwrap_or_default()
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let mut raw = Vec::with_capacity(bytes.len() * 3);
        flate2::read::ZlibDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|_| Error::model("not zlib data"))?;
        let mut r = Reader::new(&raw);
        if r.take(8)? != MAGIC {
            return Err(Error::model("not a dyad syntax model"));
        }
        let format = r.u32()?;
        if format != FORMAT {
            return Err(Error::model(&format!(
                "model format {format}, this build reads {FORMAT}"
            )));
        }
        let version = r.str()?;
        let tags = r
            .strs()?
            .into_iter()
            .map(|t| {
                t.split_once('\t')
                    .map(|(u, x)| (u.to_string(), x.to_string()))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| Error::model("tag names"))?;
        let labels = r.strs()?;
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or_else(|| Error::model("no root relation"))?;
        let weights = Weights::read(&mut r)?;
        let n = r.varint()? as usize;
        let mut lexicon = IdMap::default();
        lexicon.reserve(n.min(1 << 22));
        for _ in 0..n {
            let b = r.take(8)?;
            let k = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            lexicon.insert(k, r.varint()? as u32);
        }
        let n = r.varint()? as usize;
        let mut classes = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let b = r.take(8)?;
            classes.push(u64::from_le_bytes([
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
            ]));
        }
        let n = r.varint()? as usize;
        let mut fixed = IdMap::default();
        fixed.reserve(n.min(1 << 20));
        for _ in 0..n {
            let b = r.take(8)?;
            let k = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            let t = u16::try_from(r.varint()?)
                .ok()
                .filter(|&t| (t as usize) < tags.len());
            fixed.insert(k, t.ok_or_else(|| Error::model("fixed tag"))?);
        }
        let lemmatiser = Lemmatiser::read(&mut r)?;
        let parser = DenseWeights::read(&mut r)?;
        let labeller = Weights::read(&mut r)?;
        if weights.classes() != tags.len() || labeller.classes() != labels.len() {
            return Err(Error::model("class counts do not match"));
        }
        let tagger = Tagger {
            tags,
            weights,
            lexicon,
            classes,
            fixed,
        };
        Ok(Model {
            version,
            tagger,
            lemmatiser,
            parser,
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
    names: &[(String, String)],
) -> Input {
    Input::new(words.iter().zip(tags).zip(forms).map(|((w, &t), f)| {
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
        )
    }))
}
