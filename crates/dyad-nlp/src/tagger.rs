//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over
//! one joint class per (UPOS, Penn XPOS) pair.
//!
//! Features: the word, its lower-cased form, prefixes, suffixes and shape,
//! two words of context each side, the two previous predicted tags, and the
//! *ambiguity class* (the set of tags seen with the word in training) of the
//! word and of the two next words, which stands in for the tags to the right
//! that a left-to-right tagger has not predicted yet. Ambiguity classes of
//! training words are jackknifed (computed without the word's own fold), so
//! that the model learns what an unknown word looks like.

use crate::codec::{Reader, Writer};
use crate::features::{f1, f2, f3, WordHashes, END, NONE, START};
use crate::weights::{IdMap, Trainer, Weights};
use crate::Error;

/// Ambiguity class of a word never seen in training.
pub(crate) const UNKNOWN_CLASS: u64 = 0x756e_6b21;

/// The hash of a set of tags (sorted, deduplicated).
pub(crate) fn class_hash(tags: &[u16]) -> u64 {
    let mut h = 0xa3u64;
    for &t in tags {
        h = crate::features::step(h, u64::from(t));
    }
    crate::features::finish(h)
}

/// The words and ambiguity classes around position `i`, as the features
/// of [`features`] and [`context`] read them.
struct Around<'a> {
    i: usize,
    words: &'a [WordHashes],
    amb: &'a [u64],
}

impl Around<'_> {
    /// The lower-cased form `j` words away (`START`/`END` past the ends).
    fn lower(&self, j: isize) -> u64 {
        let k = self.i as isize + j;
        if k < 0 {
            START
        } else {
            self.words.get(k as usize).map_or(END, |w| w.lower)
        }
    }

    /// The ambiguity class `j` words on (`END` past the end).
    fn amb_at(&self, j: usize) -> u64 {
        self.amb.get(self.i + j).copied().unwrap_or(END)
    }
}

/// The tag predicted `back` words before position `i` (`START` before the
/// first).
fn tag_before(tags: &[u16], i: usize, back: usize) -> u64 {
    i.checked_sub(back).map_or(START, |k| u64::from(tags[k]))
}

/// Features of position `i`; `tags[..i]` are the tags predicted so far:
/// its [`context`] and [`intrinsic`] features. (Their order does not
/// matter: scores are sums, and training updates each feature alone.)
pub(crate) fn features(
    i: usize,
    words: &[WordHashes],
    amb: &[u64],
    tags: &[u16],
    out: &mut Vec<u64>,
) {
    context(i, words, amb, tags, out);
    out.extend_from_slice(&intrinsic(&words[i], amb[i]));
}

/// Number of features of a word that depend on nothing but the word:
/// see [`intrinsic`].
const INTRINSIC: usize = 13;

/// The features of [`features`] that depend only on the word itself (its
/// form and ambiguity class), in template order.
fn intrinsic(w: &WordHashes, amb: u64) -> [u64; INTRINSIC] {
    [
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.suffix[0]),
        f1(4, w.suffix[1]),
        f1(5, w.suffix[2]),
        f1(6, w.suffix[3]),
        f1(7, w.prefix[0]),
        f1(8, w.prefix[1]),
        f1(9, w.prefix[2]),
        f1(10, w.shape),
        f1(22, amb),
        f2(33, w.shape, amb),
    ]
}

/// The features of [`features`] that are not [`intrinsic`]: those of the
/// words around word `i`, the tags before it, its position.
fn context(i: usize, words: &[WordHashes], amb: &[u64], tags: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let a = Around { i, words, amb };
    let (lower, amb_at) = (|j| a.lower(j), |j| a.amb_at(j));
    let (t1, t2) = (tag_before(tags, i, 1), tag_before(tags, i, 2));
    let (next, prev) = (
        words.get(i + 1),
        i.checked_sub(1).and_then(|k| words.get(k)),
    );
    out.extend_from_slice(&[
        f1(11, lower(-1)),
        f1(12, lower(-2)),
        f1(13, lower(1)),
        f1(14, lower(2)),
        f1(15, prev.map_or(START, |p| p.suffix[2])),
        f1(16, next.map_or(END, |n| n.suffix[2])),
        f1(17, t1),
        f1(18, t2),
        f2(19, t1, t2),
        f2(20, t1, w.lower),
        f2(21, t1, w.suffix[2]),
        f1(23, amb_at(1)),
        f1(24, amb_at(2)),
        f2(25, amb_at(0), amb_at(1)),
        f2(26, t1, amb_at(0)),
        f3(27, t1, amb_at(0), amb_at(1)),
        f2(28, w.lower, lower(1)),
        f2(29, lower(-1), w.lower),
        f1(30, next.map_or(END, |n| n.shape)),
        f1(31, prev.map_or(START, |p| p.shape)),
        f2(32, u64::from(i == 0), w.shape),
        f2(34, w.suffix[1], amb_at(1)),
        f1(35, if i == 0 { NONE } else { w.form }),
    ]);
}

/// The summed weights of the [`intrinsic`] features of recently tagged
/// words, by the hash of their form (which they are a function of): in
/// news, most words come again soon, and their sum then takes one read of
/// a row instead of a dozen cache misses in the weight table. Sums of the
/// same integers, so tags do not change.
#[derive(Debug, Default)]
pub(crate) struct WordSums {
    /// The tagger the sums are of ([`Tagger::id`]).
    tagger: u64,
    /// Form hash of each slot (0: empty).
    keys: Vec<u64>,
    /// `classes` sums per slot.
    sums: Vec<f32>,
}

/// Slots of [`WordSums`] (a few hundred KB with ~100 classes).
const WORD_SLOTS: usize = 1024;

/// Source of [`Tagger::id`].
static TAGGER_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A new [`Tagger::id`].
pub(crate) fn tagger_id() -> u64 {
    TAGGER_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub(crate) struct Tagger {
    /// (UPOS, XPOS) of each class.
    pub tags: Vec<(String, String)>,
    pub weights: Weights,
    /// Lower-cased word hash → index into `classes`.
    pub lexicon: IdMap<u32>,
    /// Ambiguity class hashes.
    pub classes: Vec<u64>,
    /// Tells taggers apart, for [`WordSums`] (clones share it: they have
    /// the same weights).
    pub id: u64,
    /// Frequent words (hash of the exact form) that always had one tag:
    /// they are tagged without the model.
    pub fixed: IdMap<u16>,
}

/// A word is tagged from the dictionary if seen at least this often...
const FIXED_MIN_COUNT: u32 = 20;
/// ... with one tag at least this share of the time.
const FIXED_MIN_SHARE: f64 = 0.995;

/// The dictionary of unambiguous frequent words from (form hash, tag) counts.
pub(crate) fn fixed_tags(counts: &IdMap<Vec<(u16, u32)>>) -> IdMap<u16> {
    let mut fixed = IdMap::default();
    for (&w, tags) in counts {
        let total: u32 = tags.iter().map(|t| t.1).sum();
        if let Some(&(t, c)) = tags.iter().max_by_key(|t| (t.1, std::cmp::Reverse(t.0))) {
            if total >= FIXED_MIN_COUNT && f64::from(c) >= FIXED_MIN_SHARE * f64::from(total) {
                fixed.insert(w, t);
            }
        }
    }
    fixed
}

impl Tagger {
    /// Writes the tagger (not its tag names) in the model's format.
    pub(crate) fn write(&self, w: &mut Writer) {
        self.weights.write(w);
        write_sorted(w, self.lexicon.iter().map(|(&k, &v)| (k, u64::from(v))));
        w.varint(self.classes.len() as u64);
        for &c in &self.classes {
            w.u64(c);
        }
        write_sorted(w, self.fixed.iter().map(|(&k, &v)| (k, u64::from(v))));
    }

    /// Reads a tagger written by [`Tagger::write`], given its tag names.
    pub(crate) fn read(r: &mut Reader, tags: Vec<(String, String)>) -> Result<Tagger, Error> {
        let weights = Weights::read(r)?;
        let n = r.varint()? as usize;
        let mut lexicon = IdMap::default();
        lexicon.reserve(n.min(1 << 22));
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.insert(k, r.varint()? as u32);
        }
        let n = r.varint()? as usize;
        let mut classes = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            classes.push(r.u64()?);
        }
        let n = r.varint()? as usize;
        let mut fixed = IdMap::default();
        fixed.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.u64()?;
            let t = u16::try_from(r.varint()?)
                .ok()
                .filter(|&t| (t as usize) < tags.len());
            fixed.insert(k, t.ok_or_else(|| Error::model("fixed tag"))?);
        }
        if weights.classes() != tags.len() {
            return Err(Error::model("tagger class count does not match the tags"));
        }
        Ok(Tagger {
            id: tagger_id(),
            tags,
            weights,
            lexicon,
            classes,
            fixed,
        })
    }

    pub(crate) fn ambiguity(&self, word: &WordHashes) -> u64 {
        self.lexicon
            .get(&word.lower)
            .and_then(|&c| self.classes.get(c as usize).copied())
            .unwrap_or(UNKNOWN_CLASS)
    }

    /// Tags of a sentence (class ids), given the words' ambiguity classes
    /// ([`Tagger::ambiguity`]).
    pub(crate) fn tag(
        &self,
        words: &[WordHashes],
        amb: &[u64],
        feats: &mut Vec<u64>,
        scores: &mut Vec<f32>,
        cache: &mut WordSums,
    ) -> Vec<u16> {
        let classes = self.weights.classes();
        let mut tags = Vec::with_capacity(words.len());
        scores.resize(classes, 0.0);
        if cache.tagger != self.id || cache.sums.len() != WORD_SLOTS * classes {
            cache.tagger = self.id;
            cache.keys = vec![0; WORD_SLOTS];
            cache.sums = vec![0.0; WORD_SLOTS * classes];
        }
        for i in 0..words.len() {
            let form = words[i].form;
            if let Some(&t) = self.fixed.get(&form) {
                tags.push(t);
                continue;
            }
            let slot = (form as usize) % WORD_SLOTS;
            let sums = &mut cache.sums[slot * classes..(slot + 1) * classes];
            if cache.keys[slot] != form || form == 0 {
                let amb0 = amb.get(i).copied().unwrap_or(END);
                self.weights.score(&intrinsic(&words[i], amb0), sums);
                cache.keys[slot] = form;
            }
            scores.copy_from_slice(sums);
            context(i, words, amb, &tags, feats);
            self.weights.add_scores(feats, scores);
            tags.push(argmax(scores) as u16);
        }
        tags
    }
}

/// (key, value) pairs in key order: a count, then each key as 8 bytes and
/// its value as a varint.
fn write_sorted(w: &mut Writer, pairs: impl Iterator<Item = (u64, u64)>) {
    let mut v: Vec<(u64, u64)> = pairs.collect();
    v.sort_unstable();
    w.varint(v.len() as u64);
    for (k, x) in v {
        w.u64(k);
        w.varint(x);
    }
}

/// Writes the (UPOS, XPOS) tag names, each as `UPOS<tab>XPOS`.
pub(crate) fn write_tag_names(w: &mut Writer, tags: &[(String, String)]) {
    let names: Vec<String> = tags.iter().map(|(u, x)| format!("{u}\t{x}")).collect();
    w.strs(&names);
}

/// Reads tag names written by [`write_tag_names`].
pub(crate) fn read_tag_names(r: &mut Reader) -> Result<Vec<(String, String)>, Error> {
    r.strs()?
        .into_iter()
        .map(|t| {
            t.split_once('\t')
                .map(|(u, x)| (u.to_string(), x.to_string()))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| Error::model("tag names"))
}

/// Forms of *be* and *have* that are auxiliaries before a participle.
const AUXILIARY_FORMS: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having",
];

/// Corrects `have`/`be` tagged `VERB` before a participle (`has threatened`,
/// `was killed`, `is fighting`, with adverbs or `not` between) to `AUX`,
/// as UD does: the tagger misses these when the participle is ambiguous
/// (`threatened` VBD/VBN), and the parser then hangs the subject on the
/// auxiliary.
pub(crate) fn fix_auxiliaries(forms: &[&str], tags: &mut [u16], names: &[(String, String)]) {
    let name = |t: u16| names.get(t as usize).map(|(u, x)| (u.as_str(), x.as_str()));
    for i in 0..tags.len() {
        let Some(("VERB", xpos)) = name(tags[i]) else {
            continue;
        };
        if !AUXILIARY_FORMS
            .iter()
            .any(|f| forms[i].eq_ignore_ascii_case(f))
        {
            continue;
        }
        let participle = tags[i + 1..]
            .iter()
            .take(3)
            .map(|&t| name(t).unwrap_or(("X", "X")))
            .find(|(u, x)| !matches!(*u, "ADV" | "PART") && *x != "RB")
            .is_some_and(|(u, x)| u == "VERB" && matches!(x, "VBN" | "VBG"));
        if participle {
            if let Some(aux) = names.iter().position(|(u, x)| u == "AUX" && x == xpos) {
                tags[i] = aux as u16;
            }
        }
    }
}

/// A number written out in lower case, "zero" to "nineteen" or a ten
/// from "twenty" to "ninety".
pub fn number_word(w: &str) -> Option<u32> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(k) = SMALL.iter().position(|x| *x == w) {
        return u32::try_from(k).ok();
    }
    TENS.iter()
        .position(|x| *x == w)
        .and_then(|k| u32::try_from(k * 10 + 20).ok())
}

/// Corrects a number word from "two" up ([`number_word`], "hundred",
/// "thousand") tagged `VERB` to `NUM` (`CD`): no English number word is a
/// verb, and a verb there hides the sentence's subject from the
/// parser.
pub(crate) fn fix_numbers(forms: &[&str], tags: &mut [u16], names: &[(String, String)]) {
    let Some(num) = names.iter().position(|(u, x)| u == "NUM" && x == "CD") else {
        return;
    };
    for (f, t) in forms.iter().zip(tags.iter_mut()) {
        let verb = names.get(*t as usize).is_some_and(|(u, _)| u == "VERB");
        // "Three US servicemen were killed": taken for a verb in capitals
        if verb {
            let w = f.to_lowercase();
            if number_word(&w).is_some_and(|n| n >= 2)
                || matches!(w.as_str(), "hundred" | "thousand")
            {
                *t = num as u16;
            }
        }
    }
}

pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A sentence prepared for training the tagger.
#[derive(Debug)]
pub(crate) struct TaggerExample {
    pub words: Vec<WordHashes>,
    /// Jackknifed ambiguity classes.
    pub amb: Vec<u64>,
    pub gold: Vec<u16>,
}

/// Ambiguity classes from (lower-cased word hash, tag) pairs of training
/// sentences; `fold_of(sentence)` names the sentence's jackknife fold.
#[derive(Debug, Default)]
pub(crate) struct LexiconCounts {
    /// word → (tag, fold) occurrences
    seen: IdMap<Vec<(u16, u8)>>,
}

impl LexiconCounts {
    pub(crate) fn add(&mut self, word: u64, tag: u16, fold: u8) {
        let v = self.seen.entry(word).or_default();
        if !v.contains(&(tag, fold)) {
            v.push((tag, fold));
        }
    }

    /// The ambiguity class of `word` leaving out `fold` (or none).
    pub(crate) fn class(&self, word: u64, leave_out: Option<u8>) -> u64 {
        let Some(v) = self.seen.get(&word) else {
            return UNKNOWN_CLASS;
        };
        let mut tags: Vec<u16> = v
            .iter()
            .filter(|(_, f)| Some(*f) != leave_out)
            .map(|(t, _)| *t)
            .collect();
        if tags.is_empty() {
            return UNKNOWN_CLASS;
        }
        tags.sort_unstable();
        tags.dedup();
        class_hash(&tags)
    }

    /// The word → class table of the finished tagger.
    pub(crate) fn lexicon(&self) -> (IdMap<u32>, Vec<u64>) {
        let mut classes: Vec<u64> = Vec::new();
        let mut index: IdMap<u32> = IdMap::default();
        let mut words: Vec<&u64> = self.seen.keys().collect();
        words.sort_unstable();
        let mut lexicon = IdMap::default();
        for &w in words {
            let c = self.class(w, None);
            let next = classes.len() as u32;
            let id = *index.entry(c).or_insert(next);
            if id == next {
                classes.push(c);
            }
            lexicon.insert(w, id);
        }
        (lexicon, classes)
    }
}

/// Trains tagger weights; `order` gives the (seeded) sentence order per epoch.
pub(crate) fn train(
    examples: &[TaggerExample],
    classes: usize,
    epochs: usize,
    rng: &mut crate::train::Rng,
    prune: f32,
    mut progress: impl FnMut(usize, f64),
) -> Weights {
    let mut t = Trainer::new(classes);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; classes];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            let mut tags: Vec<u16> = Vec::with_capacity(ex.words.len());
            for i in 0..ex.words.len() {
                features(i, &ex.words, &ex.amb, &tags, &mut feats);
                t.score(&feats, &mut scores);
                let guess = argmax(&scores);
                let gold = ex.gold[i] as usize;
                t.tick();
                if guess != gold {
                    t.update(&feats, gold, 1.0);
                    t.update(&feats, guess, -1.0);
                } else {
                    right += 1;
                }
                total += 1;
                tags.push(guess as u16);
            }
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    t.finish(prune)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_word_sums_tag_as_all_the_features_do() {
        let tagger = &crate::model().expect("the shipped model").tagger;
        let text = "Russia's envoy met Putin in Moscow on Tuesday . The envoy said \
                    Moscow had agreed to talks , and Putin said the talks were useful .";
        let forms: Vec<&str> = text.split(' ').collect();
        let mut chars = Vec::new();
        let words: Vec<WordHashes> = forms
            .iter()
            .map(|f| WordHashes::new(f, &mut chars))
            .collect();
        let amb: Vec<u64> = words.iter().map(|w| tagger.ambiguity(w)).collect();
        // every word scored with all its features, tag by tag
        let mut expected: Vec<u16> = Vec::new();
        let (mut feats, mut scores) = (Vec::new(), vec![0f32; tagger.weights.classes()]);
        for i in 0..words.len() {
            let t = match tagger.fixed.get(&words[i].form) {
                Some(&t) => t,
                None => {
                    features(i, &words, &amb, &expected, &mut feats);
                    tagger.weights.score(&feats, &mut scores);
                    argmax(&scores) as u16
                }
            };
            expected.push(t);
        }
        // twice through one cache: the second time every sum is kept
        let mut cache = WordSums::default();
        for _ in 0..2 {
            let tags = tagger.tag(&words, &amb, &mut feats, &mut scores, &mut cache);
            assert_eq!(tags, expected);
        }
    }
}
