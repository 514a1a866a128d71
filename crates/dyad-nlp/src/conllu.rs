//! Reading Universal Dependencies CoNLL-U files: basic trees with their
//! `# text`, `# newdoc` and `# newpar` comments and multi-word tokens.

use std::io::BufRead;

use crate::Error;

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// Head as a 1-based word number; 0 is the root.
    pub head: usize,
    /// Full relation, with its subtype (`nsubj:pass`).
    pub deprel: String,
    /// `SpaceAfter=No` is absent.
    pub space_after: bool,
}

/// A multi-word token (`don't` = `do` + `n't`): words `first..=last` (1-based).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Multiword {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub space_after: bool,
}

/// A treebank sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The `# text` comment.
    pub text: Option<String>,
    /// A `# newdoc` comment precedes the sentence.
    pub newdoc: bool,
    /// A `# newpar` comment precedes the sentence.
    pub newpar: bool,
    pub words: Vec<Word>,
    pub multiwords: Vec<Multiword>,
}

/// Reads all sentences of a CoNLL-U stream. Empty nodes (`8.1`) are skipped.
pub fn read(input: impl BufRead) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            } else if c.starts_with("newdoc") {
                cur.newdoc = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |message: &str| Error::Conllu {
            line: n + 1,
            message: message.to_string(),
        };
        if cols.len() != 10 {
            return Err(bad("expected 10 tab-separated columns"));
        }
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if cols[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let first = a.parse().map_err(|_| bad("bad range"))?;
            let last = b.parse().map_err(|_| bad("bad range"))?;
            cur.multiwords.push(Multiword {
                first,
                last,
                form: cols[1].to_string(),
                space_after,
            });
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| bad("bad word id"))?;
        if id != cur.words.len() + 1 {
            return Err(bad("word ids out of order"));
        }
        let head = cols[6].parse().map_err(|_| bad("bad head"))?;
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
            space_after,
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(Error::Conllu {
                line: 0,
                message: "head out of range".into(),
            });
        }
    }
    Ok(out)
}

/// The universal part of a relation: `nsubj:pass` → `nsubj`.
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_multiwords_and_comments() {
        let text = "# newdoc id = d1\n# newpar\n# text = I don't.\n\
            1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
            2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
            2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
            3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n\
            3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\
            4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let s = read(text.as_bytes()).unwrap();
        assert_eq!(s.len(), 1);
        assert!(s[0].newdoc && s[0].newpar);
        assert_eq!(s[0].text.as_deref(), Some("I don't."));
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].multiwords[0].form, "don't");
        assert!(!s[0].multiwords[0].space_after);
        assert_eq!(universal("nsubj:pass"), "nsubj");
        assert!(read("1\tx\n".as_bytes()).is_err());
    }
}
