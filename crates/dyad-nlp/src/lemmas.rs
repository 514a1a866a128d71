//! Lemmas: exceptions learned from the treebank, then suffix rules.
//!
//! A lemma is stored as an edit of its form: optionally lower-case, strip
//! `n` characters from the end, append a string (`studies` → lower, strip 3,
//! append `y`). Training keeps, for each (form, XPOS) seen, its most frequent
//! edit, and for each (XPOS, last 1–5 letters) seen in at least two word
//! types, the most frequent edit of those types. A known form takes its
//! own edit, an unknown one the edit of its longest known suffix, and
//! otherwise it is lower-cased (proper nouns keep their case).

use std::collections::HashMap;

use crate::weights::StrMap;

use crate::codec::{Reader, Writer};
use crate::Error;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Edit {
    lower: bool,
    strip: u8,
    append: String,
}

impl Edit {
    fn between(form: &str, lemma: &str) -> Edit {
        let keep = Self::with(form, lemma, false);
        let low = Self::with(&form.to_lowercase(), lemma, true);
        match (keep, low) {
            (Some(k), Some(l)) => {
                if l.strip < k.strip || (l.strip == k.strip && l.append.len() < k.append.len()) {
                    l
                } else {
                    k
                }
            }
            (Some(k), None) => k,
            (None, Some(l)) => l,
            (None, None) => Edit {
                lower: false,
                strip: 255,
                append: lemma.to_string(),
            },
        }
    }

    fn with(form: &str, lemma: &str, lower: bool) -> Option<Edit> {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let strip = form.chars().count() - common;
        let append: String = lemma.chars().skip(common).collect();
        Some(Edit {
            lower,
            strip: u8::try_from(strip).ok()?,
            append,
        })
    }

    fn apply(&self, form: &str) -> Option<String> {
        if self.strip == 255 {
            return Some(self.append.clone());
        }
        // the first `n - strip` characters of the (lower-cased) form, then
        // the appended text
        let keep_prefix = |base: &str| -> Option<usize> {
            let n = base.chars().count();
            let keep = n.checked_sub(self.strip as usize)?;
            Some(base.char_indices().nth(keep).map_or(base.len(), |(i, _)| i))
        };
        let out = if self.lower {
            let mut base = form.to_lowercase();
            let end = keep_prefix(&base)?;
            base.truncate(end);
            base.push_str(&self.append);
            base
        } else {
            let end = keep_prefix(form)?;
            let mut out = String::with_capacity(end + self.append.len());
            out.push_str(&form[..end]);
            out.push_str(&self.append);
            out
        };
        (!out.is_empty()).then_some(out)
    }
}

/// A trained lemmatiser.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lemmatiser {
    edits: Vec<Edit>,
    /// "form\txpos" → edit
    known: StrMap<u32>,
    /// "xpos\tsuffix" → edit
    suffixes: StrMap<u32>,
}

const MAX_SUFFIX: usize = 5;

impl Lemmatiser {
    /// Learns from (form, xpos, lemma) triples.
    pub(crate) fn train<'a>(items: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut edits: Vec<Edit> = Vec::new();
        let mut edit_ids: HashMap<Edit, u32> = HashMap::new();
        let mut known_counts: HashMap<String, HashMap<u32, u32>> = HashMap::new();
        for (form, xpos, lemma) in items {
            let e = Edit::between(form, lemma);
            let next = edits.len() as u32;
            let id = *edit_ids.entry(e.clone()).or_insert(next);
            if id == next {
                edits.push(e);
            }
            *known_counts
                .entry(format!("{form}\t{xpos}"))
                .or_default()
                .entry(id)
                .or_default() += 1;
        }
        let best = |m: &HashMap<u32, u32>| {
            let mut v: Vec<(u32, u32)> = m.iter().map(|(&e, &c)| (c, e)).collect();
            v.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            v[0].1
        };
        let mut suffix_counts: HashMap<String, HashMap<u32, u32>> = HashMap::new();
        let mut known = StrMap::default();
        for (key, m) in &known_counts {
            let id = best(m);
            known.insert(key.clone(), id);
            let (form, xpos) = key.split_once('\t').unwrap_or((key, ""));
            let lower = form.to_lowercase();
            let chars: Vec<char> = lower.chars().collect();
            for k in 1..=MAX_SUFFIX.min(chars.len().saturating_sub(1)) {
                let suf: String = chars[chars.len() - k..].iter().collect();
                *suffix_counts
                    .entry(format!("{xpos}\t{suf}"))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        let suffixes = suffix_counts
            .iter()
            .filter(|(_, m)| m.values().sum::<u32>() >= 2)
            .map(|(k, m)| (k.clone(), best(m)))
            .collect();
        Lemmatiser {
            edits,
            known,
            suffixes,
        }
    }

    /// The lemma of `form` tagged `xpos` (`upos` decides the default case).
    #[cfg(test)]
    pub(crate) fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        self.lemma_with(form, upos, xpos, &mut String::new())
    }

    /// [`Lemmatiser::lemma`] with a buffer for the look-up keys, reused
    /// from word to word.
    pub(crate) fn lemma_with(
        &self,
        form: &str,
        upos: &str,
        xpos: &str,
        key: &mut String,
    ) -> String {
        key.clear();
        key.push_str(form);
        key.push('\t');
        key.push_str(xpos);
        if let Some(l) = self
            .known
            .get(key.as_str())
            .and_then(|&e| self.edits.get(e as usize)?.apply(form))
        {
            return l;
        }
        let lower = form.to_lowercase();
        key.clear();
        key.push_str(&lower);
        key.push('\t');
        key.push_str(xpos);
        if let Some(l) = self
            .known
            .get(key.as_str())
            .and_then(|&e| self.edits.get(e as usize)?.apply(&lower))
        {
            return l;
        }
        // where each of the last MAX_SUFFIX characters starts, last first
        let mut starts = [0usize; MAX_SUFFIX];
        for (s, (i, _)) in starts.iter_mut().zip(lower.char_indices().rev()) {
            *s = i;
        }
        let n = lower.chars().count();
        for k in (1..=MAX_SUFFIX.min(n.saturating_sub(1))).rev() {
            key.clear();
            key.push_str(xpos);
            key.push('\t');
            key.push_str(&lower[starts[k - 1]..]);
            if let Some(l) = self
                .suffixes
                .get(key.as_str())
                .and_then(|&e| self.edits.get(e as usize)?.apply(form))
            {
                return l;
            }
        }
        if upos == "PROPN" {
            form.to_string()
        } else {
            lower
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.varint(self.edits.len() as u64);
        for e in &self.edits {
            w.varint(u64::from(e.lower));
            w.varint(u64::from(e.strip));
            w.str(&e.append);
        }
        for map in [&self.known, &self.suffixes] {
            let mut v: Vec<(&String, &u32)> = map.iter().collect();
            v.sort_unstable();
            w.varint(v.len() as u64);
            for (k, e) in v {
                w.str(k);
                w.varint(u64::from(*e));
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, Error> {
        let n = r.varint()? as usize;
        let mut edits = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let lower = r.varint()? != 0;
            let strip = u8::try_from(r.varint()?).map_err(|_| Error::model("lemma edit"))?;
            edits.push(Edit {
                lower,
                strip,
                append: r.str()?,
            });
        }
        let mut maps = [StrMap::default(), StrMap::default()];
        for map in &mut maps {
            let n = r.varint()? as usize;
            map.reserve(n.min(1 << 20));
            for _ in 0..n {
                let k = r.str()?;
                let e = r.varint()? as u32;
                if e as usize >= edits.len() {
                    return Err(Error::model("lemma edit id"));
                }
                map.insert(k, e);
            }
        }
        let [known, suffixes] = maps;
        Ok(Lemmatiser {
            edits,
            known,
            suffixes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_exceptions_and_suffix_rules() {
        let data = [
            ("studies", "NNS", "study"),
            ("flies", "NNS", "fly"),
            ("parties", "NNS", "party"),
            ("went", "VBD", "go"),
            ("The", "DT", "the"),
            ("Bush", "NNP", "Bush"),
            ("talks", "NNS", "talk"),
            ("meets", "VBZ", "meet"),
            ("eats", "VBZ", "eat"),
        ];
        let l = Lemmatiser::train(data.iter().copied());
        assert_eq!(l.lemma("went", "VERB", "VBD"), "go");
        assert_eq!(l.lemma("Went", "VERB", "VBD"), "go");
        assert_eq!(l.lemma("The", "DET", "DT"), "the");
        assert_eq!(l.lemma("Bush", "PROPN", "NNP"), "Bush");
        assert_eq!(l.lemma("armies", "NOUN", "NNS"), "army");
        assert_eq!(l.lemma("threats", "VERB", "VBZ"), "threat");
        assert_eq!(l.lemma("Putin", "PROPN", "NNP"), "Putin");
        assert_eq!(l.lemma("", "X", "XX"), "");
        let mut w = Writer::default();
        l.write(&mut w);
        let b = w.into_bytes();
        let back = Lemmatiser::read(&mut Reader::new(&b)).unwrap();
        assert_eq!(back.lemma("armies", "NOUN", "NNS"), "army");
    }

    #[test]
    fn edits_and_suffixes_count_characters_not_bytes() {
        let data = [
            ("fiancés", "NNS", "fiancé"),
            ("naïves", "NNS", "naïve"),
            ("élysées", "NNPS", "élysée"),
        ];
        let l = Lemmatiser::train(data.iter().copied());
        // known forms, as written and lower-cased
        assert_eq!(l.lemma("fiancés", "NOUN", "NNS"), "fiancé");
        assert_eq!(l.lemma("élysées", "PROPN", "NNPS"), "élysée");
        assert_eq!(l.lemma("Élysées", "PROPN", "NNPS"), "élysée");
        // unknown forms take the edit of their longest shared suffix
        assert_eq!(l.lemma("clichés", "NOUN", "NNS"), "cliché");
        assert_eq!(l.lemma("Ñandúés", "NOUN", "NNS"), "Ñandúé");
    }
}
