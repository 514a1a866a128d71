//! The syntax stage: the dependency parse of a sentence, computed only for
//! sentences that have a trigger, and the questions the event stage asks of
//! it in terms of actor mentions.

use dyad_nlp::{ParsedSentence, Token};

use crate::actors::Mention;
use crate::text::Sentence;

/// A sentence's parse, made on first use.
#[derive(Debug, Default)]
pub(crate) struct Syntax {
    parsed: Option<ParsedSentence<'static>>,
    tried: bool,
}

impl Syntax {
    /// The parse of `s`, if the syntax model is available and the parser's
    /// words are the sentence's tokens.
    pub fn get(&mut self, doc_text: &str, s: &Sentence<'_>) -> Option<&ParsedSentence<'static>> {
        if !self.tried {
            self.tried = true;
            if let Ok(model) = dyad_nlp::model() {
                let tokens: Vec<Token> = s
                    .tokens
                    .iter()
                    .map(|t| Token {
                        start: t.start,
                        end: t.end,
                    })
                    .collect();
                let p = model.parse_tokens(doc_text, s.span.start..s.span.end, &tokens);
                if p.len() == s.tokens.len() {
                    self.parsed = Some(p);
                }
            }
        }
        self.parsed.as_ref()
    }
}

/// The mention that contains word `i`.
pub(crate) fn mention_at(mentions: &[Mention], i: usize) -> Option<usize> {
    mentions.iter().position(|m| m.tok.0 <= i && i < m.tok.1)
}

/// The mentions a nominal stands for: the mention containing its head, or —
/// for "thousands of protesters", "the leaders of Iran and Iraq" — the one
/// its `of`-modifier names; with the mentions conjoined to it ("Russia and
/// Ukraine") and those it lists ("partners, including China and India").
pub(crate) fn mentions_of(p: &ParsedSentence<'_>, mentions: &[Mention], head: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // The word the mention was found at: the head, or its `of`/appositive
    // modifier.
    let base = match mention_at(mentions, head) {
        Some(m) => Some((m, head)),
        None => p
            .children(head)
            .iter()
            .copied()
            .filter(|&c| matches!(p.relation(c), "nmod" | "appos"))
            .filter(|&c| {
                p.relation(c) == "appos" || case_is(p, c, &["of", "including", "include", "such"])
            })
            .find_map(|c| mention_at(mentions, c).map(|m| (m, c))),
    };
    if let Some((m, at)) = base {
        out.push(m);
        // "China and India": the mentions conjoined to it.
        for c in p.dependents(at, "conj") {
            if let Some(k) = mention_at(mentions, c) {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
    }
    for c in p.dependents(head, "conj") {
        if let Some(m) = mention_at(mentions, c) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    if base.is_none() {
        // "Russia's trading partners, including China and India"
        for c in p.dependents(head, "nmod") {
            if case_is(p, c, &["including", "include", "like", "such"]) {
                for m in mentions_of(p, mentions, c) {
                    if !out.contains(&m) {
                        out.push(m);
                    }
                }
            }
        }
    }
    out.retain(|&m| !mentions[m].possessive);
    out
}

/// Whether nominal `n`'s case marker is one of `cases`.
pub(crate) fn case_is(p: &ParsedSentence<'_>, n: usize, cases: &[&str]) -> bool {
    p.case_marker(n).is_some_and(|c| {
        cases
            .iter()
            .any(|x| p.words[c].lemma.eq_ignore_ascii_case(x))
    })
}

/// Whether `verb` has a future auxiliary ("will meet", "is going to").
pub(crate) fn is_future(p: &ParsedSentence<'_>, verb: usize) -> bool {
    p.dependents(verb, "aux")
        .any(|a| matches!(p.words[a].lemma.as_str(), "will" | "shall" | "'ll"))
}

/// Whether `verb` has a hypothetical modal ("would", "could", "might", "may").
pub(crate) fn is_hypothetical(p: &ParsedSentence<'_>, verb: usize) -> bool {
    p.dependents(verb, "aux").any(|a| {
        matches!(
            p.words[a].lemma.as_str(),
            "would" | "could" | "might" | "may"
        )
    })
}
