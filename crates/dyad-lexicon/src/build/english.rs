//! Common English words, to keep false friends out of the name lists: an
//! alias such as "Foundation", "Paradise" or "Falcon" would match ordinary
//! prose. The list is made from the word forms of the UD English Web
//! Treebank (CC BY-SA 4.0), used as a filter only: nothing of it is copied
//! into the generated files.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

/// Counts of the word forms of CoNLL-U texts.
#[derive(Debug, Default)]
pub struct Counts(BTreeMap<String, (u32, u32)>);

impl Counts {
    /// Adds the forms of a CoNLL-U text: per lower-cased word, how often it
    /// is written in lower case and how often capitalised.
    pub fn add_conllu(&mut self, text: &str) {
        let forms = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1));
        for form in forms.filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic())) {
            let lower = form.to_ascii_lowercase();
            let entry = self.0.entry(lower.clone()).or_default();
            if *form == lower {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }

    /// The common words: written in lower case at least twice, and at least
    /// as often as capitalised (`foundation`, not `american` or `paris`).
    pub fn common(&self) -> BTreeSet<String> {
        self.0
            .iter()
            .filter(|(_, (lower, cap))| *lower >= 2 && lower >= cap)
            .map(|(w, _)| w.clone())
            .collect()
    }
}

/// Decompresses a gzip file's bytes to text.
pub fn gunzip(bytes: &[u8]) -> std::io::Result<String> {
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(bytes).read_to_string(&mut text)?;
    Ok(text)
}

/// Is this name (one word, not an all-capitals acronym) an English word?
pub fn is_common_word(words: &BTreeSet<String>, name: &str) -> bool {
    let single = !name.contains([' ', '-', '.', '\'']);
    let acronym = name.chars().all(|c| !c.is_lowercase());
    single && !acronym && words.contains(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_forms_and_filters() {
        let text = "# sent_id = 1\n1\tThe\tthe\tDET\n2\tfoundation\tfoundation\tNOUN\n3\tsaid\tsay\tVERB\n\
                    4\t,\t,\tPUNCT\n5\tfoundation\t_\n6\tAmerican\t_\n7\tamerican\t_\n8\tAmerican\t_\n9\tamerican\t_\n";
        let mut counts = Counts::default();
        counts.add_conllu(text);
        let words = counts.common();
        assert_eq!(
            words.iter().map(String::as_str).collect::<Vec<_>>(),
            ["american", "foundation"]
        );
        counts.add_conllu("1\tAmerican\t_\n");
        let words = counts.common();
        assert!(is_common_word(&words, "Foundation"));
        assert!(!is_common_word(&words, "FOUNDATION"));
        assert!(!is_common_word(&words, "Hamas"));
        assert!(!is_common_word(&words, "Said Foundation"));
    }
}
