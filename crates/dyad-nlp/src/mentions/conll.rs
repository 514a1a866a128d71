//! CoNLL-2003 style data (`TOKEN TAG` lines in IOB2 or IOB1, blank lines
//! between sentences, `-DOCSTART-` lines) and scoring by exact spans.

use std::io::BufRead;
use std::time::Instant;

use super::train::MentionSentence;
use super::{MentionKind, MentionModel};
use crate::Error;

/// Reads sentences from CoNLL lines: the first column is the token, the last
/// the tag (`O`, `B-PER`, `I-ORG` …); other columns are ignored. Gazetteer
/// marks are left empty. Entities follow the `conlleval` reading: an `I-`
/// tag of another kind than the previous token's starts a new entity.
pub fn read_conll(reader: impl BufRead) -> Result<Vec<MentionSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = MentionSentence::default();
    let mut prev: Option<MentionKind> = None;
    let flush = |cur: &mut MentionSentence, out: &mut Vec<MentionSentence>| {
        if !cur.words.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        let line = line.trim();
        let bad = |message: &str| {
            Error::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("CoNLL line {}: {message}", n + 1),
            ))
        };
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            flush(&mut cur, &mut out);
            prev = None;
            continue;
        }
        let mut cols = line.split_whitespace();
        let (Some(word), Some(tag)) = (cols.next(), cols.next_back()) else {
            return Err(bad("expected a token and a tag"));
        };
        let i = cur.words.len();
        cur.words.push(word.to_string());
        if tag == "O" {
            prev = None;
            continue;
        }
        let (part, kind) = tag
            .split_once('-')
            .ok_or_else(|| bad(&format!("tag {tag:?}")))?;
        let kind = MentionKind::from_name(kind).ok_or_else(|| bad(&format!("tag {tag:?}")))?;
        let continues = match part {
            "I" => prev == Some(kind),
            "B" => false,
            _ => return Err(bad(&format!("tag {tag:?}"))),
        };
        match cur.entities.last_mut() {
            Some(e) if continues && e.1 == i => e.1 = i + 1,
            _ => cur.entities.push((i, i + 1, kind)),
        }
        prev = Some(kind);
    }
    flush(&mut cur, &mut out);
    Ok(out)
}

/// Precision, recall and F1 of one kind (or of several together).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KindScore {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl KindScore {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &KindScore) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

/// Scores of a model on gold sentences: exact spans, as CoNLL-2003 counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Per kind, in [`MentionKind::ALL`] order.
    pub kinds: [KindScore; 4],
    pub sentences: usize,
    pub tokens: usize,
    /// Time spent tagging (thread CPU time where the system reports it,
    /// else wall-clock time).
    pub seconds: f64,
}

impl Scores {
    /// One kind.
    pub fn kind(&self, kind: MentionKind) -> KindScore {
        self.kinds[kind.index()]
    }

    /// People, organisations and places together (MISC left out).
    pub fn actors(&self) -> KindScore {
        let mut s = KindScore::default();
        for k in [MentionKind::Per, MentionKind::Org, MentionKind::Loc] {
            s.add(&self.kind(k));
        }
        s
    }

    /// All four kinds together (the CoNLL-2003 figure).
    pub fn all(&self) -> KindScore {
        let mut s = self.actors();
        s.add(&self.kind(MentionKind::Misc));
        s
    }
}

/// Tags `gold` (words and gazetteer marks) with `model` and compares the
/// entities found with the gold ones.
pub fn score(model: &MentionModel, gold: &[MentionSentence]) -> Scores {
    let wall = Instant::now();
    let cpu = crate::eval::thread_cpu_time();
    let predicted: Vec<Vec<(usize, usize, MentionKind)>> = gold
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(String::as_str).collect();
            super::model::spans(&model.tag_words(&forms, &s.gaz))
        })
        .collect();
    let seconds = match (cpu, crate::eval::thread_cpu_time()) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => wall.elapsed().as_secs_f64(),
    };
    let mut scores = compare(gold, &predicted);
    scores.seconds = seconds;
    scores
}

pub(crate) fn compare(
    gold: &[MentionSentence],
    predicted: &[Vec<(usize, usize, MentionKind)>],
) -> Scores {
    let mut scores = Scores::default();
    for (s, p) in gold.iter().zip(predicted) {
        scores.sentences += 1;
        scores.tokens += s.words.len();
        for e in &s.entities {
            scores.kinds[e.2.index()].gold += 1;
        }
        for e in p {
            let k = &mut scores.kinds[e.2.index()];
            k.predicted += 1;
            if s.entities.contains(e) {
                k.correct += 1;
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_and_iob1_entities_are_read_like_conlleval() {
        let data = "-DOCSTART- O\n\nAnna B-PER\nLind I-PER\nmet O\nOla I-PER\nBerg I-PER\n\
                    Tre B-PER\nin O\nOslo B-LOC\nFC I-ORG\n\n\nWhat O\n";
        let s = read_conll(data.as_bytes()).unwrap();
        assert_eq!(s.len(), 2);
        use MentionKind::*;
        assert_eq!(
            s[0].entities,
            vec![
                (0, 2, Per),
                (3, 5, Per),
                (5, 6, Per),
                (7, 8, Loc),
                (8, 9, Org)
            ]
        );
        assert_eq!(s[1].words, vec!["What"]);
        assert!(read_conll("a X-PER\n".as_bytes()).is_err());
        assert!(read_conll("a B-FOO\n".as_bytes()).is_err());
    }

    #[test]
    fn exact_spans_count() {
        let gold = read_conll("Anna B-PER\nLind I-PER\nin O\nOslo B-LOC\n".as_bytes()).unwrap();
        let s = compare(
            &gold,
            &[vec![(0, 1, MentionKind::Per), (3, 4, MentionKind::Loc)]],
        );
        assert_eq!(s.actors().correct, 1);
        assert_eq!(s.actors().gold, 2);
        assert!((s.actors().f1() - 0.5).abs() < 1e-9);
        assert_eq!(s.kind(MentionKind::Loc).f1(), 1.0);
    }
}
