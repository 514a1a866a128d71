//! The text stage: sentences and their tokens, with the lower-cased word
//! forms the later stages match on.

use dyad_lexicon::{Lexicon, Toks, TriggerMatch};
use dyad_model::Span;

/// A sentence ready for coding.
#[derive(Debug)]
pub(crate) struct Sentence<'t> {
    /// Index in the document (the title, when present, is 0).
    pub index: usize,
    pub span: Span,
    pub text: &'t str,
    /// Whether this is the title (title case: capitals say nothing).
    pub is_title: bool,
    pub tokens: Vec<Span>,
    /// Lower-cased token texts, curly quotes folded into straight ones for
    /// apostrophes ("’s" → "'s").
    pub words: Vec<String>,
    /// `words` looked up in the trigger patterns, once on first use.
    trigger_words: std::cell::OnceCell<Toks>,
    /// The trigger pattern starting at each token, computed once on first use.
    triggers: std::cell::OnceCell<Vec<Option<TriggerMatch>>>,
    /// The event-noun pattern starting at each token, likewise.
    nominals: std::cell::OnceCell<Vec<Option<TriggerMatch>>>,
}

impl<'t> Sentence<'t> {
    pub fn new(
        doc_text: &'t str,
        index: usize,
        range: std::ops::Range<usize>,
        is_title: bool,
    ) -> Sentence<'t> {
        let tokens: Vec<Span> = dyad_nlp::tokenize(doc_text, range.clone())
            .into_iter()
            .map(|t| Span::new(t.start, t.end))
            .collect();
        Sentence::from_tokens(doc_text, index, range, is_title, tokens)
    }

    /// A sentence over `range` whose tokens (byte spans into `doc_text`)
    /// were already cut, by the splitter.
    pub fn from_tokens(
        doc_text: &'t str,
        index: usize,
        range: std::ops::Range<usize>,
        is_title: bool,
        tokens: Vec<Span>,
    ) -> Sentence<'t> {
        let words = tokens
            .iter()
            .map(|t| {
                let w = t.slice(doc_text).to_lowercase();
                if w.contains('’') {
                    w.replace('’', "'")
                } else {
                    w
                }
            })
            .collect();
        Sentence {
            index,
            span: Span::new(range.start, range.end),
            text: &doc_text[range],
            is_title,
            tokens,
            words,
            trigger_words: std::cell::OnceCell::new(),
            triggers: std::cell::OnceCell::new(),
            nominals: std::cell::OnceCell::new(),
        }
    }

    /// The best trigger pattern starting at token `i`, if any (see
    /// `Triggers::match_at`); matched once per sentence and remembered.
    pub fn trigger_at(&self, lex: &Lexicon, i: usize) -> Option<TriggerMatch> {
        let all = self
            .triggers
            .get_or_init(|| lex.triggers.match_all_in(self.trigger_words(lex)));
        all.get(i).copied().flatten()
    }

    /// Whether the best verb pattern at token `i` is a `block` row.
    pub fn blocked_at(&self, lex: &Lexicon, i: usize) -> bool {
        lex.triggers.blocked_at(self.trigger_words(lex), i)
    }

    fn trigger_words(&self, lex: &Lexicon) -> &Toks {
        self.trigger_words
            .get_or_init(|| lex.triggers.words(&self.words))
    }

    /// Whether a verb pattern of two words may start at token `i` and end
    /// at a token after `i + 1` (`Triggers::may_pair_any`).
    pub fn may_pair_after(&self, lex: &Lexicon, i: usize) -> bool {
        lex.triggers.may_pair_after(self.trigger_words(lex), i)
    }

    /// The best event-noun pattern starting at token `i`, if any (see
    /// `Triggers::nominal_all`).
    pub fn nominal_at(&self, lex: &Lexicon, i: usize) -> Option<TriggerMatch> {
        let all = self
            .nominals
            .get_or_init(|| lex.triggers.nominal_all_in(self.trigger_words(lex)));
        all.get(i).copied().flatten()
    }

    /// The word at `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", String::as_str)
    }

    /// The original text of token `i`.
    pub fn token_text<'a>(&self, doc_text: &'a str, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.slice(doc_text))
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_capitalised(&self, doc_text: &str, i: usize) -> bool {
        self.token_text(doc_text, i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// The byte span of tokens `[a, b)`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(s), Some(e)) if a < b => Span::new(s.start, e.end),
            _ => Span::new(self.span.start, self.span.start),
        }
    }
}

/// Function words that are never names, triggers or actors.
pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "to"
            | "by"
            | "against"
            | "between"
            | "into"
            | "about"
            | "over"
            | "under"
            | "near"
            | "across"
            | "including"
            | "amid"
            | "during"
            | "after"
            | "before"
            | "since"
            | "like"
            | "than"
            | "via"
            | "toward"
            | "towards"
            | "among"
            | "through"
            | "inside"
            | "outside"
            | "within"
            | "without"
            | "upon"
            | "onto"
            | "around"
            | "behind"
            | "until"
            | "till"
            | "despite"
    )
}

pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "any"
            | "no"
            | "some"
            | "every"
            | "each"
            | "such"
            | "'s"
    )
}

pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "'s"
            | "'ve"
            | "'d"
            | "'ll"
            | "wo"
            | "ca"
    )
}

pub(crate) fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "n't" | "never" | "no" | "neither" | "nor")
}

pub(crate) fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»")
}
