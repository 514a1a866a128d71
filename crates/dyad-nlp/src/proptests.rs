//! Property tests: the tokeniser and the splitter never panic, never reorder
//! and never lose text.

use proptest::prelude::*;

use crate::{split_sentences, tokenize};

/// Text with the characters that matter to the splitter, plus anything.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[a-zA-Z .,!?'’\"“”()\\-\n$%0-9:;…]{0,80}",
        "([A-Z][a-z]{0,6}|U\\.S\\.|Gen\\.|Jan\\.|No\\.|[.!?] |'s|n't|’s|\\.\\.\\.|“|”|\n| |é|\u{301}|\u{200d}|🇺🇸){0,40}",
    ]
}

fn check_tokens(text: &str, range: std::ops::Range<usize>) -> Result<(), TestCaseError> {
    let toks = tokenize(text, range.clone());
    let mut covered = vec![false; text.len()];
    let mut prev_end = range.start;
    for t in &toks {
        prop_assert!(t.start < t.end, "empty token {t:?}");
        prop_assert!(t.start >= prev_end, "overlap or disorder at {t:?}");
        prop_assert!(t.end <= range.end);
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!(!t.text(text).chars().any(char::is_whitespace));
        covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
        prev_end = t.end;
    }
    for (i, c) in text[range.clone()].char_indices() {
        let i = i + range.start;
        prop_assert!(
            c.is_whitespace() || covered[i],
            "byte {i} ({c:?}) not covered"
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn tokens_cover_all_non_space_text_in_order(text in texty()) {
        check_tokens(&text, 0..text.len())?;
        let mid = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
        check_tokens(&text, mid..text.len())?;
    }

    #[test]
    fn sentences_cover_all_non_space_text_in_order(text in texty()) {
        let sents = split_sentences(&text);
        let mut covered = vec![false; text.len()];
        let mut prev_end = 0;
        for s in &sents {
            prop_assert!(s.start < s.end);
            prop_assert!(s.start >= prev_end);
            let piece = &text[s.clone()];
            prop_assert_eq!(piece, piece.trim());
            covered[s.clone()].iter_mut().for_each(|c| *c = true);
            prev_end = s.end;
        }
        for (i, c) in text.char_indices() {
            prop_assert!(c.is_whitespace() || covered[i], "byte {i} ({c:?}) not in a sentence");
        }
    }

    #[test]
    fn odd_ranges_never_panic(text in ".{0,20}", a in 0usize..40, b in 0usize..40) {
        let toks = tokenize(&text, a..b);
        for t in toks {
            prop_assert!(t.end <= text.len());
        }
    }
}
