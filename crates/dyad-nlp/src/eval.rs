//! Scoring a model against CoNLL-U gold sentences.
//!
//! * [`trees`]: tagging, lemmas and parsing on the gold words, as in the
//!   CoNLL 2018 shared task: every word counts, punctuation included; LAS
//!   compares the universal part of the relation only (`nsubj:pass` =
//!   `nsubj`), the CoNLL 2018 definition.
//! * [`segmentation`]: the tokeniser and sentence splitter on raw text
//!   rebuilt from the `# text` comments — sentences of a paragraph joined
//!   by a space, paragraphs and documents by a blank line — scored by exact
//!   byte spans (F1 over tokens and over sentences).

use std::collections::HashSet;
use std::ops::Range;
use std::time::{Duration, Instant};

use crate::conllu::{universal, Sentence};
use crate::features::WordHashes;
use crate::model::Scratch;
use crate::{split_sentences, tokenize, Model};

/// Scores of tagging, lemmas and parsing on gold words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TreeScores {
    pub words: usize,
    pub sentences: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// Words per second of CPU time of tagging, lemmatising and parsing on
    /// one thread (the fastest of three passes over the file; see
    /// [`thread_cpu_time`]).
    pub words_per_s: f64,
    /// The same per second of wall-clock time, which counts the time other
    /// processes held the core.
    pub words_per_s_wall: f64,
}

/// CPU time this thread has run so far, from `/proc/thread-self/schedstat`
/// (Linux); `None` elsewhere. Unlike wall-clock time it does not count the
/// time other processes held the core, so it measures one core's speed on
/// a shared machine.
pub fn thread_cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Tags, lemmatises and parses every gold sentence and scores the result.
pub fn trees(model: &Model, gold: &[Sentence]) -> TreeScores {
    let mut scratch = Scratch::default();
    let forms: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    // the fastest of three passes: the machine may be shared
    let (mut seconds, mut cpu_seconds) = (f64::INFINITY, f64::INFINITY);
    let mut analyses = Vec::new();
    for _ in 0..3 {
        let (start, cpu_start) = (Instant::now(), thread_cpu_time());
        analyses = forms
            .iter()
            .map(|f| model.analyse(f, &mut scratch))
            .collect();
        seconds = seconds.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_time()) {
            cpu_seconds = cpu_seconds.min((b - a).as_secs_f64());
        }
    }
    if !cpu_seconds.is_finite() {
        cpu_seconds = seconds;
    }
    let (mut n, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0usize, 0, 0, 0, 0, 0);
    for (s, a) in gold.iter().zip(&analyses) {
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += usize::from(model.upos(a.tags[i]) == w.upos);
            xpos += usize::from(model.xpos(a.tags[i]) == w.xpos);
            lemma += usize::from(a.lemmas[i] == w.lemma);
            let head = a.heads[i].map_or(0, |h| h + 1);
            if head == w.head {
                uas += 1;
                las += usize::from(universal(model.relation(a.labels[i])) == universal(&w.deprel));
            }
        }
    }
    let ratio = |k: usize| k as f64 / n.max(1) as f64;
    TreeScores {
        words: n,
        sentences: gold.len(),
        upos: ratio(upos),
        xpos: ratio(xpos),
        lemma: ratio(lemma),
        uas: ratio(uas),
        las: ratio(las),
        words_per_s: n as f64 / cpu_seconds.max(1e-9),
        words_per_s_wall: n as f64 / seconds.max(1e-9),
    }
}

/// Head errors by the gold UPOS of the dependent: `(upos, words, wrong
/// heads)`, most errors first (a diagnostic for parser work).
pub fn head_errors_by_upos(model: &Model, gold: &[Sentence]) -> Vec<(String, usize, usize)> {
    let mut scratch = Scratch::default();
    let mut by: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for s in gold {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let a = model.analyse(&forms, &mut scratch);
        for (i, w) in s.words.iter().enumerate() {
            let e = by.entry(w.upos.as_str()).or_default();
            e.0 += 1;
            e.1 += usize::from(a.heads[i].map_or(0, |h| h + 1) != w.head);
        }
    }
    let mut v: Vec<(String, usize, usize)> = by
        .into_iter()
        .map(|(u, (n, e))| (u.to_string(), n, e))
        .collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    v
}

/// Unlabelled and labelled attachment when the parser is given the gold
/// tags (a diagnostic: how much tagging errors cost the parser).
pub fn attachment_with_gold_tags(model: &Model, gold: &[Sentence]) -> (f64, f64) {
    let mut scratch = Scratch::default();
    let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
    for s in gold {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let words: Vec<WordHashes> = forms
            .iter()
            .map(|f| WordHashes::new(f, &mut Vec::new()))
            .collect();
        let tags: Vec<u16> = s
            .words
            .iter()
            .map(|w| model.tag_id(&w.upos, &w.xpos))
            .collect();
        let amb: Vec<u64> = words.iter().map(|w| model.tagger.ambiguity(w)).collect();
        let (heads, labels) = model.parse_tagged(&forms, &words, &amb, &tags, &mut scratch);
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            if heads[i].map_or(0, |h| h + 1) == w.head {
                uas += 1;
                las += usize::from(universal(model.relation(labels[i])) == universal(&w.deprel));
            }
        }
    }
    (uas as f64 / n.max(1) as f64, las as f64 / n.max(1) as f64)
}

/// Scores of the tokeniser and the sentence splitter on raw text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SegmentationScores {
    pub documents: usize,
    pub gold_sentences: usize,
    pub sentence_precision: f64,
    pub sentence_recall: f64,
    pub sentence_f1: f64,
    pub gold_tokens: usize,
    pub token_f1: f64,
}

/// A document rebuilt from gold sentences, with the gold spans.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    pub text: String,
    pub sentences: Vec<Range<usize>>,
    /// Syntactic words where they can be placed in the text (`do` + `n't`
    /// inside `don't`), otherwise the surface token.
    pub tokens: Vec<Range<usize>>,
}

/// Rebuilds raw documents from `# newdoc`, `# newpar` and `# text`.
pub fn documents(gold: &[Sentence]) -> Vec<GoldDocument> {
    let mut docs: Vec<GoldDocument> = Vec::new();
    for s in gold {
        if s.newdoc || docs.is_empty() {
            docs.push(GoldDocument::default());
        }
        let Some(doc) = docs.last_mut() else { continue };
        if !doc.text.is_empty() {
            doc.text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        let text = s.text.clone().unwrap_or_else(|| {
            let mut t = String::new();
            for w in &s.words {
                t.push_str(&w.form);
                if w.space_after {
                    t.push(' ');
                }
            }
            t.trim_end().to_string()
        });
        let base = doc.text.len();
        doc.text.push_str(&text);
        doc.sentences.push(base..base + text.len());
        place_tokens(s, &text, base, &mut doc.tokens);
    }
    docs
}

fn place_tokens(s: &Sentence, text: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let mut cursor = 0;
    let find = |form: &str, cursor: &mut usize| -> Option<Range<usize>> {
        let at = text.get(*cursor..)?.find(form)? + *cursor;
        *cursor = at + form.len();
        Some(base + at..base + at + form.len())
    };
    let mut i = 1;
    while i <= s.words.len() {
        if let Some(m) = s.multiwords.iter().find(|m| m.first == i) {
            let parts: Vec<&str> = s.words[m.first - 1..m.last.min(s.words.len())]
                .iter()
                .map(|w| w.form.as_str())
                .collect();
            if let Some(r) = find(&m.form, &mut cursor) {
                if parts.concat() == m.form {
                    let mut a = r.start;
                    for p in parts {
                        out.push(a..a + p.len());
                        a += p.len();
                    }
                } else {
                    out.push(r);
                }
            }
            i = m.last + 1;
        } else {
            if let Some(r) = find(&s.words[i - 1].form, &mut cursor) {
                out.push(r);
            }
            i += 1;
        }
    }
}

/// Splits and tokenises the rebuilt raw text and scores it.
pub fn segmentation(gold: &[Sentence]) -> SegmentationScores {
    segmentation_with(gold, split_sentences)
}

/// [`segmentation`] with another splitter (a boundary model being tried).
pub fn segmentation_with(
    gold: &[Sentence],
    split: impl Fn(&str) -> Vec<Range<usize>>,
) -> SegmentationScores {
    let docs = documents(gold);
    let (mut gs, mut ps, mut ms) = (0usize, 0usize, 0usize);
    let (mut gt, mut pt, mut mt) = (0usize, 0usize, 0usize);
    for d in &docs {
        let pred = split(&d.text);
        let gold_s: HashSet<(usize, usize)> =
            d.sentences.iter().map(|r| (r.start, r.end)).collect();
        gs += gold_s.len();
        ps += pred.len();
        ms += pred
            .iter()
            .filter(|r| gold_s.contains(&(r.start, r.end)))
            .count();
        let gold_t: HashSet<(usize, usize)> = d.tokens.iter().map(|r| (r.start, r.end)).collect();
        gt += gold_t.len();
        for r in &pred {
            let toks = tokenize(&d.text, r.clone());
            pt += toks.len();
            mt += toks
                .iter()
                .filter(|t| gold_t.contains(&(t.start, t.end)))
                .count();
        }
    }
    let f1 = |m: usize, p: usize, g: usize| {
        if p + g == 0 {
            0.0
        } else {
            2.0 * m as f64 / (p + g) as f64
        }
    };
    SegmentationScores {
        documents: docs.len(),
        gold_sentences: gs,
        sentence_precision: ms as f64 / ps.max(1) as f64,
        sentence_recall: ms as f64 / gs.max(1) as f64,
        sentence_f1: f1(ms, ps, gs),
        gold_tokens: gt,
        token_f1: f1(mt, pt, gt),
    }
}
