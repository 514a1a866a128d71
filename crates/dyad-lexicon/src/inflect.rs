//! English verb inflection, to expand a pattern's `meet+` into
//! meet, meets, met, meeting.

use std::collections::HashMap;

use crate::tsv;
use crate::Error;

/// The grammatical form of a verb form generated from a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// "meet": needs a modal, "to" or a plural subject to be a verb.
    Base,
    /// "meets": needs a subject right before it to be a verb.
    Third,
    /// "met", "agreed": past tense or participle.
    Past,
    /// "meeting".
    Gerund,
}

/// Irregular forms: base → (past, participle, gerund).
#[derive(Debug, Default)]
pub struct Inflector {
    irregular: HashMap<String, [String; 3]>,
}

impl Inflector {
    pub(crate) fn load(text: &str) -> Result<Inflector, Error> {
        let rows = tsv::parse(
            "irregular-verbs.tsv",
            text,
            &["base", "past", "participle", "gerund"],
        )?;
        let irregular = rows
            .iter()
            .map(|r| {
                (
                    r.get(0).to_string(),
                    [
                        r.get(1).to_string(),
                        r.get(2).to_string(),
                        r.get(3).to_string(),
                    ],
                )
            })
            .collect();
        Ok(Inflector { irregular })
    }

    /// All forms of the verb `base` with their grammatical form; a form that
    /// is both (beat, put) is tagged with the first.
    pub fn tagged_forms(&self, base: &str) -> Vec<(String, VerbForm)> {
        let third = third_person(base);
        let (past, part, ger) = match self.irregular.get(base) {
            Some([p, pp, g]) => (p.clone(), pp.clone(), g.clone()),
            None => {
                let (p, g) = regular(base);
                (p.clone(), p, g)
            }
        };
        let mut out: Vec<(String, VerbForm)> = Vec::new();
        for (f, k) in [
            (base.to_string(), VerbForm::Base),
            (third, VerbForm::Third),
            (past, VerbForm::Past),
            (part, VerbForm::Past),
            (ger, VerbForm::Gerund),
        ] {
            if !out.iter().any(|(x, _)| *x == f) {
                out.push((f, k));
            }
        }
        out
    }

    /// All forms of the verb `base`: base, third person, past, participle, gerund
    /// (deduplicated, in that order).
    pub fn forms(&self, base: &str) -> Vec<String> {
        self.tagged_forms(base)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn third_person(base: &str) -> String {
    let b = base.as_bytes();
    if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('z')
        || (base.ends_with('o') && !base.ends_with("oo"))
    {
        format!("{base}es")
    } else if b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    }
}

/// Past and gerund of a regular verb.
fn regular(base: &str) -> (String, String) {
    let b = base.as_bytes();
    let n = b.len();
    if base.ends_with("ee") {
        return (format!("{base}d"), format!("{base}ing"));
    }
    if base.ends_with("ie") {
        return (format!("{base}d"), format!("{}ying", &base[..n - 2]));
    }
    if base.ends_with('e') {
        let stem = &base[..n - 1];
        return (format!("{base}d"), format!("{stem}ing"));
    }
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        return (format!("{}ied", &base[..n - 1]), format!("{base}ing"));
    }
    // Short consonant-vowel-consonant words double their last letter
    // (ban → banned, stop → stopping); longer ones are listed as irregular.
    if (3..=4).contains(&n)
        && !is_vowel(b[n - 1])
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
    {
        let last = b[n - 1] as char;
        return (format!("{base}{last}ed"), format!("{base}{last}ing"));
    }
    (format!("{base}ed"), format!("{base}ing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inflector() -> Inflector {
        Inflector::load("base\tpast\tparticiple\tgerund\nmeet\tmet\tmet\tmeeting\n").unwrap()
    }

    #[test]
    fn regular_and_irregular_forms() {
        let i = inflector();
        assert_eq!(i.forms("meet"), ["meet", "meets", "met", "meeting"]);
        assert_eq!(i.forms("agree"), ["agree", "agrees", "agreed", "agreeing"]);
        assert_eq!(i.forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(i.forms("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(
            i.forms("threaten"),
            ["threaten", "threatens", "threatened", "threatening"]
        );
        assert_eq!(
            i.forms("impose"),
            ["impose", "imposes", "imposed", "imposing"]
        );
        assert_eq!(i.forms("veto"), ["veto", "vetoes", "vetoed", "vetoing"]);
        assert_eq!(i.forms("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(i.forms("play"), ["play", "plays", "played", "playing"]);
    }
}
