//! Tokens of news English, as byte ranges into the original text.
//!
//! The tokeniser follows the Universal Dependencies English conventions the
//! tagger and parser were trained on: clitics are split off (`Russia's` →
//! `Russia` + `'s`, `don't` → `do` + `n't`, also with the curly `’`),
//! hyphenated words are split (`al-Ani` → `al` `-` `Ani`) except after a few
//! bound prefixes (`e-mail`, `co-chair`, `non-state`), abbreviations keep their
//! period (`U.S.`, `Gen.`, `Jan.`, `No. 5`), numbers keep their separators
//! (`1,000`, `3.5`, `10:30`), currency signs and `%` stand alone, runs of
//! periods (`...`) are one token and URLs or e-mail addresses are one token.
//!
//! Tokens never overlap, come in text order and cover every byte that is not
//! white space ([`char::is_whitespace`]).

use std::ops::Range;

/// A token: a half-open byte range into the text it was cut from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Token {
    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The token's text in `text` (the text it was cut from), or `""` if the
    /// token does not fit `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Tokens of `text[range]`, with offsets into the whole `text`.
///
/// A range that is out of bounds or not on character boundaries is clamped to
/// the nearest character boundaries inside the text; it never panics.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let range = clamp_range(text, range);
    let mut out = Vec::with_capacity(range.len() / 4 + 1);
    let slice = &text[range.clone()];
    let mut chunk_start = None::<usize>;
    for (i, c) in slice.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                let follow = slice[i..].trim_start().chars().next();
                chunk(&slice[s..i], range.start + s, follow, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunk(&slice[s..], range.start + s, None, &mut out);
    }
    out
}

/// `range` moved inside `text` and onto character boundaries.
pub(crate) fn clamp_range(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start..end.max(start)
}

/// Abbreviations that keep their period (case-sensitive). A single capital
/// letter (an initial) and any word with an inner period (`U.S`, `e.g`) also
/// keep theirs.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Aug", "Ave", "Blvd", "Bros", "Calif", "Capt", "Cmdr", "Co",
    "Col", "Colo", "Conn", "Corp", "Cpl", "Dec", "Del", "Dept", "Dr", "Drs", "Esq", "Feb", "Fla",
    "Fri", "Ft", "Ga", "Gen", "Gov", "Hon", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan",
    "Ky", "La", "Lt", "Ltd", "Maj", "Mar", "Mass", "Md", "Messrs", "Mich", "Minn", "Miss", "Mo",
    "Mon", "Mr", "Mrs", "Ms", "Mt", "Neb", "Nev", "Nov", "Oct", "Okla", "Ore", "Pa", "Penn", "Ph",
    "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sat", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr",
    "St", "Sun", "Supt", "Tenn", "Tex", "Thu", "Thurs", "Tue", "Tues", "Va", "Vt", "Wash", "Wed",
    "Wis", "Wyo", "approx", "cf", "est", "etc", "ft", "vol", "vs",
];

/// Prefixes that stay attached to the word after a hyphen (`e-mail`).
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "e", "ex", "mid", "multi", "non", "post", "pre", "re", "semi",
];

/// Words split without an apostrophe, as the treebank does: (word, split point).
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("arent", 3),
    ("werent", 4),
    ("havent", 4),
    ("hasnt", 3),
];

/// Clitics after an apostrophe (lower case, without the apostrophe).
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Combining marks and joiners: they stay with the character before them.
fn is_joiner(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0xE0100..=0xE01EF)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_joiner(c)
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

fn push(out: &mut Vec<Token>, base: usize, r: Range<usize>) {
    if r.start < r.end {
        out.push(Token {
            start: base + r.start,
            end: base + r.end,
        });
    }
}

/// Tokens of one white-space-free chunk; `follow` is the first character
/// after the white space that follows it.
fn chunk(s: &str, base: usize, follow: Option<char>, out: &mut Vec<Token>) {
    if looks_like_url(s) {
        url_chunk(s, base, out);
        return;
    }
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let j = if is_word_char(c) {
            word(s, i, base, follow, out)
        } else {
            let j = punct_end(s, i, c);
            push(out, base, i..j);
            j
        };
        i = j;
    }
}

fn looks_like_url(s: &str) -> bool {
    // (byte scans: this is asked of every chunk, mostly a short word)
    if s.as_bytes().windows(3).any(|w| w == b"://")
        || s.starts_with("www.")
        || s.starts_with("WWW.")
    {
        return true;
    }
    // e-mail: letters@letters.letters
    match s.bytes().position(|b| b == b'@') {
        Some(at) if at > 0 => {
            let host = &s[at + 1..];
            let host = host.trim_end_matches(|c: char| !c.is_alphanumeric());
            host.contains('.') && host.chars().next().is_some_and(char::is_alphanumeric)
        }
        _ => false,
    }
}

/// A URL or address with its surrounding punctuation split off.
fn url_chunk(s: &str, base: usize, out: &mut Vec<Token>) {
    let mut a = 0;
    while let Some(c) = char_at(s, a) {
        if matches!(c, '(' | '[' | '<' | '"' | '“' | '‘' | '\'') {
            push(out, base, a..a + c.len_utf8());
            a += c.len_utf8();
        } else {
            break;
        }
    }
    let mut b = s.len();
    let mut tail = Vec::new();
    while b > a {
        let Some(c) = char_before(s, b) else { break };
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>' | '"' | '”' | '’' | '\''
        ) {
            tail.push((b - c.len_utf8())..b);
            b -= c.len_utf8();
        } else {
            break;
        }
    }
    push(out, base, a..b);
    for r in tail.into_iter().rev() {
        push(out, base, r);
    }
}

/// End of a punctuation token starting at `i`: runs of `.`, `!`/`?`, `-`,
/// `*`, `=`, `_` and `~` are one token; anything else is one character
/// (with any combining marks after it).
fn punct_end(s: &str, i: usize, c: char) -> usize {
    let same = |d: char| match c {
        '!' | '?' => d == '!' || d == '?',
        '.' | '-' | '*' | '=' | '_' | '~' | '>' | '<' => d == c,
        _ => false,
    };
    let mut j = i + c.len_utf8();
    while let Some(d) = char_at(s, j) {
        if same(d) || is_joiner(d) {
            j += d.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Scans a word starting at `i`, pushes its tokens (word and clitics) and
/// returns where scanning resumes.
fn word(s: &str, i: usize, base: usize, follow: Option<char>, out: &mut Vec<Token>) -> usize {
    let mut j = i;
    let mut clitic = None::<Range<usize>>;
    while let Some(c) = char_at(s, j) {
        if is_word_char(c) {
            j += c.len_utf8();
            continue;
        }
        let prev = char_before(s, j);
        let after = j + c.len_utf8();
        let next = char_at(s, after);
        let keep = match c {
            '.' => {
                next.is_some_and(char::is_alphanumeric)
                    && !(prev.is_some_and(char::is_lowercase)
                        && next.is_some_and(char::is_uppercase)
                        && !s[i..j].contains('.'))
            }
            ',' | ':' | '/' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
            '-' => {
                next.is_some_and(char::is_alphanumeric)
                    && HYPHEN_PREFIXES
                        .iter()
                        .any(|p| s[i..j].eq_ignore_ascii_case(p))
            }
            c if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) => {
                let rest_end = s[after..]
                    .find(|d: char| !d.is_alphabetic())
                    .map_or(s.len(), |k| after + k);
                let rest = &s[after..rest_end];
                if CLITICS.iter().any(|k| rest.eq_ignore_ascii_case(k)) {
                    clitic = Some(j..rest_end);
                    false
                } else if rest.eq_ignore_ascii_case("t")
                    && prev.is_some_and(|p| p == 'n' || p == 'N')
                    && j - i > 1
                {
                    // don't → do + n't
                    clitic = Some(j - 1..rest_end);
                    false
                } else {
                    true
                }
            }
            _ => false,
        };
        if keep {
            j = after;
        } else {
            break;
        }
    }
    if let Some(cl) = clitic {
        push(out, base, i..cl.start);
        push(out, base, cl.clone());
        return cl.end;
    }
    let w = &s[i..j];
    if let Some(&(_, k)) = FUSED.iter().find(|(f, _)| w.eq_ignore_ascii_case(f)) {
        push(out, base, i..i + k);
        push(out, base, i + k..j);
        return j;
    }
    // a period that belongs to an abbreviation
    if char_at(s, j) == Some('.') && char_at(s, j + 1) != Some('.') && keeps_period(s, i, j, follow)
    {
        j += 1;
    }
    push(out, base, i..j);
    j
}

fn keeps_period(s: &str, i: usize, j: usize, follow: Option<char>) -> bool {
    let w = &s[i..j];
    let mut chars = w.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if single_capital || w.contains('.') || ABBREVIATIONS.contains(&w) {
        return true;
    }
    // "No. 5", "no. 5"
    (w == "No" || w == "no" || w == "Nos")
        && s[j + 1..]
            .chars()
            .next()
            .or(follow)
            .is_some_and(|c| c.is_ascii_digit())
}

/// True if the token is an abbreviation kept with its period that usually
/// does not end a sentence (titles, months, initials).
pub(crate) fn is_title_abbreviation(tok: &str) -> bool {
    let Some(w) = tok.strip_suffix('.') else {
        return false;
    };
    let mut chars = w.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || (ABBREVIATIONS.contains(&w)
            && !matches!(
                w,
                "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "etc" | "Esq" | "Jr" | "Sr"
            ))
        || w == "No"
        || w == "no"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn possessives_and_clitics() {
        assert_eq!(toks("Russia's army"), ["Russia", "'s", "army"]);
        assert_eq!(toks("Russia’s army"), ["Russia", "’s", "army"]);
        assert_eq!(toks("We don't know"), ["We", "do", "n't", "know"]);
        assert_eq!(
            toks("They can’t, I'm sure."),
            ["They", "ca", "n’t", ",", "I", "'m", "sure", "."]
        );
        assert_eq!(
            toks("reporters’ questions"),
            ["reporters", "’", "questions"]
        );
        assert_eq!(toks("O'Brien cannot"), ["O'Brien", "can", "not"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            toks("U.S. envoy Gen. J. Smith"),
            ["U.S.", "envoy", "Gen.", "J.", "Smith"]
        );
        assert_eq!(
            toks("on Jan. 5, No. 10"),
            ["on", "Jan.", "5", ",", "No.", "10"]
        );
        assert_eq!(toks("He said no."), ["He", "said", "no", "."]);
        assert_eq!(toks("the end."), ["the", "end", "."]);
        assert_eq!(toks("Wait..."), ["Wait", "..."]);
    }

    #[test]
    fn numbers_currencies_hyphens() {
        assert_eq!(
            toks("$1,200.50 and 5% at 10:30"),
            ["$", "1,200.50", "and", "5", "%", "at", "10:30"]
        );
        assert_eq!(toks("€20bn"), ["€", "20bn"]);
        assert_eq!(toks("al-Ani e-mail"), ["al", "-", "Ani", "e-mail"]);
        assert_eq!(
            toks("a well-known 3-2 win"),
            ["a", "well", "-", "known", "3", "-", "2", "win"]
        );
    }

    #[test]
    fn quotes_datelines_urls() {
        assert_eq!(
            toks("MOSCOW (Reuters) - “Yeah,” he said."),
            ["MOSCOW", "(", "Reuters", ")", "-", "“", "Yeah", ",", "”", "he", "said", "."]
        );
        assert_eq!(
            toks("\"No!\" (see www.un.org/x)."),
            ["\"", "No", "!", "\"", "(", "see", "www.un.org/x", ")", "."]
        );
        assert_eq!(
            toks("mail bob@example.com."),
            ["mail", "bob@example.com", "."]
        );
    }

    #[test]
    fn offsets_are_absolute_and_ranges_clamped() {
        let s = "ab cd ef";
        assert_eq!(
            tokenize(s, 3..8),
            [Token { start: 3, end: 5 }, Token { start: 6, end: 8 }]
        );
        assert_eq!(tokenize(s, 6..100), [Token { start: 6, end: 8 }]);
        assert!(tokenize("é", 1..2).is_empty());
        assert!(tokenize("", 0..0).is_empty());
    }
}
