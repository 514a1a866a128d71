//! Tokens and sentences for news English, with byte offsets into the
//! original text. (Placeholder splitter; the trained syntax core replaces it.)

use std::ops::Range;

/// A token: a half-open byte range into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// Sentence ranges over `text`, in order, without leading or trailing white
/// space; every non-space byte of `text` is in exactly one range.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' => {
                let next = text[i + 1..].chars().next();
                let after = text[i + 1..].trim_start().chars().next();
                matches!(next, Some(n) if n.is_whitespace())
                    && matches!(after, Some(a) if a.is_uppercase() || a == '"' || a == '“')
                    && !is_abbreviation(&text[..i])
            }
            _ => false,
        };
        if end_here {
            if let Some(s) = start.take() {
                let e = if c == '\n' { i } else { i + 1 };
                push_trimmed(text, s, e, &mut out);
            }
        }
        let _ = (bytes, iter.peek());
    }
    if let Some(s) = start {
        push_trimmed(text, s, text.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[s..e];
    let trimmed = piece.trim_end();
    if !trimmed.is_empty() {
        out.push(s..s + trimmed.len());
    }
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    const ABBR: &[&str] = &[
        "U.S", "U.N", "U.K", "E.U", "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt",
        "Gov", "Sen", "Rep", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "No", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "vs", "Prof",
    ];
    ABBR.contains(&word) || (word.len() == 1 && word.chars().all(|c| c.is_uppercase()))
}

/// Tokens of `text[range]`, with offsets into the whole `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let base = range.start;
    let slice = &text[range];
    let mut word_start = None::<usize>;
    for (i, c) in slice.char_indices() {
        let is_word = c.is_alphanumeric()
            || ((c == '.' || c == '\'' || c == '’' || c == '-')
                && word_start.is_some()
                && slice[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric));
        if is_word {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            out.push(Token { start: base + s, end: base + i });
        }
        if !c.is_whitespace() {
            out.push(Token { start: base + i, end: base + i + c.len_utf8() });
        }
    }
    if let Some(s) = word_start {
        out.push(Token { start: base + s, end: base + slice.len() });
    }
    out
}
