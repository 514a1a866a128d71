//! Sentence boundaries in news English.
//!
//! The splitter works on the tokens of the whole text, so that it sees
//! abbreviations (`U.S.`, `Gen.`) as the tokeniser does. A boundary falls
//!
//! * after `.`, `!`, `?`, `...` or `…` (with any closing quotes and brackets
//!   that follow it) when the next token starts like a sentence: a capital
//!   letter, a digit, or an opening quote or bracket; after a bare `.`, `!`
//!   or `?` (no ellipsis, no closing quote) also before a lower-case word,
//!   as informal text often does (`“Why?” he asked` does not split); never
//!   where no white space follows (`Posted via Newsfeed.Com`);
//! * after an abbreviation that can end a sentence (`U.S.`, `Inc.`, `etc.`)
//!   only when the next word is a common sentence opener (`The`, `He`, `But`,
//!   `Please`); never after titles, months and initials (`Gen.`, `Jan.`,
//!   `J.`) or a postscript marker (`P.S. I moved it`, `PS. Bring the maps`);
//! * at a blank line, always; at a single line break unless the next line
//!   starts in lower case, the line ends in a comma, colon, dash or other
//!   punctuation that cannot end a sentence, or the break is a wrap (a
//!   headline without a period is a sentence of its own). A break is a
//!   wrap after a word that cannot end a sentence (`the`, `of`, `and`),
//!   and in a hard-wrapped block (text wrapped at a fixed width, as wire
//!   copy and e-mail are) wherever the layout does not mark an end: the
//!   next line is not indented further (a new paragraph), neither line is
//!   a table row, and the line is not short, a short line being one that
//!   ended early (a heading, a signature, a paragraph's last line). A wrap
//!   is read as a space: the rules of a line decide there (`U.S. | Senate`
//!   stays whole, `said. | The` splits). How a block is found to be
//!   hard-wrapped, from its own line lengths and breaks, is told at
//!   `wrapped_line_breaks`;
//! * at the marks of e-mail and blog layout that lost their line breaks:
//!   separator lines, header stamps, addresses, smileys (see
//!   `is_layout_break`), a blog footer's signature dash (`-- | Posted by`),
//!   thanks before a signature (`Thanks | Kam could you …`) and a name
//!   opening a message (`Louise, | There are …`).

use std::ops::Range;

use crate::tokens::{is_title_abbreviation, tokenize, Token};

/// Sentence ranges over `text`, in order, without leading or trailing white
/// space; every non-space byte of `text` is in exactly one range.
///
/// Within a line the shipped boundary model (see [`crate::boundaries`])
/// decides, reading the rules' verdict below as one of its features; at
/// line breaks and where no white space separates two tokens the rules
/// decide alone. Without a model (a broken build) the rules decide
/// everywhere.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let (toks, sentences) = split_tokenized(text);
    sentences
        .into_iter()
        .map(|r| toks[r.start].start..toks[r.end - 1].end)
        .collect()
}

/// The tokens of `text` (as [`tokenize`] cuts them) and its sentences as
/// ranges of token indices, each non-empty, in order, covering every token:
/// [`split_sentences`] for callers that need the tokens too, without
/// tokenising the text twice.
pub fn split_tokenized(text: &str) -> (Vec<Token>, Vec<Range<usize>>) {
    let toks = tokenize(text, 0..text.len());
    let rules = rule_breaks(text, &toks);
    let breaks = match crate::boundaries::model() {
        Ok(m) => m.breaks(text, &toks, &rules),
        Err(_) => rules.iter().map(|r| r.is_break()).collect(),
    };
    let sentences = token_ranges(&toks, &breaks);
    (toks, sentences)
}

/// Sentences as ranges of token indices from per-token breaks.
fn token_ranges(toks: &[Token], breaks: &[bool]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for k in 0..toks.len() {
        if k + 1 == toks.len() || breaks.get(k).copied().unwrap_or(false) {
            out.push(first..k + 1);
            first = k + 1;
        }
    }
    out
}

/// Sentence ranges from per-token breaks (`breaks[k]`: a sentence ends
/// after token `k`; the last token always ends one).
pub(crate) fn ranges(toks: &[Token], breaks: &[bool]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for (k, t) in toks.iter().enumerate() {
        if k + 1 == toks.len() || breaks.get(k).copied().unwrap_or(false) {
            out.push(toks[first].start..t.end);
            first = k + 1;
        }
    }
    out
}

/// What the rules say of the gap after a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rule {
    /// No boundary.
    None,
    /// No boundary, and none for the model either: the token is a title,
    /// month or initial (`Gen.`), a postscript marker (`P.S.`) or a mark
    /// that belongs to a name or number (`Yahoo!`, `ext. 4417`).
    Title,
    /// A sentence-final `.`, `!`, `?` (with its closers) before a sentence start.
    Punct,
    /// An abbreviation that can end a sentence before a common opener.
    Abbreviation,
    /// A single line break that is not a wrap.
    Line,
    /// A blank line (or the end of the text).
    Paragraph,
    /// A layout break (separator line, e-mail stamp, two URLs, an address
    /// before a capitalised word).
    Layout,
}

impl Rule {
    pub(crate) fn is_break(self) -> bool {
        matches!(
            self,
            Rule::Punct | Rule::Abbreviation | Rule::Line | Rule::Paragraph | Rule::Layout
        )
    }
}

/// The rules' verdict on the gap after every token (the rules of the
/// module documentation).
pub(crate) fn rule_breaks(text: &str, toks: &[Token]) -> Vec<Rule> {
    let mut out = vec![Rule::None; toks.len()];
    let wraps = wrapped_line_breaks(text);
    let mut i = 0;
    while i < toks.len() {
        let mut last = i;
        let tok = toks[i].text(text);
        let final_punct = is_final_punct(tok);
        if final_punct {
            // closing quotes and brackets stay with the sentence they close
            while last + 1 < toks.len() && is_closer(text, toks, last + 1) {
                last += 1;
            }
        }
        let rule = match toks.get(last + 1) {
            None => Rule::Paragraph,
            Some(next) => {
                let gap = &text[toks[last].end..next.start];
                let next_text = next.text(text);
                let last_text = toks[last].text(text);
                // (a byte count: the gap is mostly one space)
                let newlines = gap.bytes().filter(|&b| b == b'\n').count();
                if newlines >= 2 {
                    Rule::Paragraph
                } else if newlines == 1
                    && !starts_lower(next_text)
                    && !is_continuing_punct(last_text)
                    && gap
                        .find('\n')
                        .is_none_or(|p| wraps.binary_search(&(toks[last].end + p)).is_err())
                {
                    Rule::Line
                } else if is_layout_break(text, toks, last) {
                    Rule::Layout
                } else if final_punct && is_postscript(text, toks, i) {
                    // `P.S.` / `PS.` opens what follows
                    Rule::Title
                } else if final_punct && is_part_of_name(text, toks, i, next_text) {
                    Rule::Title
                } else if final_punct {
                    // a bare `.`, `!` or `?` not followed by a closing quote
                    // ends a sentence even before a lower-case word
                    // (informal text); an ellipsis or a quote does not;
                    // nothing ends where no space follows (`Newsfeed.Com`,
                    // `Nazis...70k`)
                    let ends = !gap.is_empty()
                        && (starts_sentence(next_text)
                            || (last == i
                                && !tok.contains("..")
                                && !tok.contains('…')
                                && starts_lower(next_text)));
                    if ends {
                        Rule::Punct
                    } else {
                        Rule::None
                    }
                } else if tok.len() > 1 && tok.ends_with('.') && !tok.starts_with('.') {
                    if is_title_abbreviation(tok) || is_postscript(text, toks, i) {
                        Rule::Title
                    } else if is_sentence_opener(next_text) {
                        Rule::Abbreviation
                    } else {
                        Rule::None
                    }
                } else {
                    Rule::None
                }
            }
        };
        out[last] = rule;
        i = last + 1;
    }
    out
}

/// What the wrap test needs of one non-blank line.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// Byte offset of the `\n` that ends the line (the text's length for
    /// the last line).
    end: usize,
    /// Characters of leading white space.
    indent: usize,
    /// Characters up to the last non-space one, the indent included.
    width: usize,
    /// Characters of the first word.
    first_word: usize,
    starts_lower: bool,
    /// Ends in `.`, `!`, `?` or `…` (then closing quotes and brackets).
    ends_final: bool,
    /// Ends in punctuation that cannot end a sentence (`,`, `:`, `-`, …).
    ends_continuing: bool,
    /// Ends in a word that cannot end a sentence (`the`, `of`, `and`).
    ends_open: bool,
    /// Letters, none of them lower-case (`BAHIA COCOA REVIEW`).
    capitals: bool,
    /// Has columns: a tab, three spaces or four dots in a row.
    table: bool,
}

impl Line {
    fn of(line: &str, end: usize) -> Option<Line> {
        let content = line.trim();
        if content.is_empty() {
            return None;
        }
        let first_word = content.split(char::is_whitespace).next()?;
        let last_word = content.rsplit(char::is_whitespace).next()?;
        let indent = line.len() - line.trim_start().len();
        let indent = line[..indent].chars().count();
        let bare = content.trim_end_matches(['”', '’', ')', ']', '»', '}', '"', '\'']);
        Some(Line {
            end,
            indent,
            width: indent + content.chars().count(),
            first_word: first_word.chars().count(),
            starts_lower: starts_lower(first_word),
            ends_final: bare.ends_with(['.', '!', '?', '…', '‼', '⁇']),
            ends_continuing: content
                .ends_with([',', ';', ':', '(', '[', '-', '–', '—', '“', '‘', '/', '&']),
            ends_open: is_open_word(last_word),
            capitals: content.chars().any(char::is_alphabetic)
                && !content.chars().any(char::is_lowercase),
            table: content.contains('\t') || content.contains("   ") || content.contains("...."),
        })
    }
}

/// Words that never end a sentence: articles, possessives, the prepositions
/// and conjunctions that need what follows (`a`, `the`, `its`, `of`, `and`).
fn is_open_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "its"
            | "their"
            | "our"
            | "your"
            | "my"
            | "of"
            | "to"
            | "for"
            | "with"
            | "from"
            | "into"
            | "onto"
            | "than"
            | "and"
            | "or"
            | "nor"
            | "but"
    )
}

/// The narrowest line width at which the wrap test reads a block.
const MIN_WRAP_WIDTH: usize = 40;

/// The single line breaks of `text` that are wraps, which the splitter
/// reads as spaces: byte offsets of their `\n`, in order.
///
/// The test reads each block (lines between blank lines) on its own. Its
/// width is its longest line, in characters, indent included; its margin
/// is its least indent. A line break leads to a continuation line when the
/// next line is not indented beyond the margin. The block is hard-wrapped
/// when it is at least [`MIN_WRAP_WIDTH`] characters wide and has at least
/// two breaks to continuation lines, of which at least a quarter visibly
/// fall inside a sentence: the next line starts in lower case, or the line
/// ends in a comma, colon, dash or the like, or in a word that cannot end
/// a sentence (`the`, `of`, `and`). A list of headlines or names, a table
/// or text with one sentence a line has no such breaks; wrapped prose has
/// many, since most words are lower-case.
///
/// A break to a continuation line is a wrap when neither line has columns
/// (a tab, three spaces or four dots in a row) and
///
/// * the line ends in a word that cannot end a sentence, in any block; or
/// * the block is hard-wrapped and the line is not short. A line is short
///   when the next line's first word would have fit on it within 85 % of
///   the block's width: it ended early, as a heading, a dateline, a
///   signature or a paragraph's last line does. A short line still wraps
///   in a block that marks paragraphs by indenting their first lines (a
///   line after final punctuation is indented beyond the margin) if it is
///   not indented itself and has a lower-case letter: there a line that is
///   not indented continues the paragraph before it, as the first line of
///   a wire story does after its dateline was cut off (`Former Foreign
///   Minister Jane | Doe said ...`).
///
/// A break to an indented line is never a wrap (a new paragraph, a table
/// row). Where a wrapped line ends in final punctuation, the rules of a
/// line decide as for a space. One pass over the lines; nothing is
/// allocated for a text without line breaks.
fn wrapped_line_breaks(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if !text.contains('\n') {
        return out;
    }
    let mut block: Vec<Line> = Vec::new();
    let mut start = 0;
    loop {
        let end = text[start..].find('\n').map_or(text.len(), |p| start + p);
        match Line::of(&text[start..end], end) {
            Some(line) => block.push(line),
            None => {
                wrapped_in_block(&block, &mut out);
                block.clear();
            }
        }
        if end >= text.len() {
            break;
        }
        start = end + 1;
    }
    wrapped_in_block(&block, &mut out);
    out
}

/// The wrapped line breaks of one block (see [`wrapped_line_breaks`]).
fn wrapped_in_block(block: &[Line], out: &mut Vec<usize>) {
    let Some(widest) = block.iter().map(|l| l.width).max() else {
        return;
    };
    let base = block.iter().map(|l| l.indent).min().unwrap_or(0);
    let (mut breaks, mut inside, mut indented_paragraphs) = (0, 0, false);
    for pair in block.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if next.indent > base {
            indented_paragraphs |= line.ends_final;
            continue;
        }
        breaks += 1;
        if next.starts_lower || line.ends_continuing || line.ends_open {
            inside += 1;
        }
    }
    let wrapped = widest >= MIN_WRAP_WIDTH && breaks >= 2 && 4 * inside >= breaks;
    for pair in block.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if next.indent > base || line.table || next.table {
            continue;
        }
        // the next word would have fit within 85 % of the width
        let short = 20 * (line.width + 1 + next.first_word) <= 17 * widest;
        let ended = short && (line.capitals || !indented_paragraphs || line.indent > base);
        if line.ends_open || (wrapped && !ended) {
            out.push(line.end);
        }
    }
}

/// Breaks that layout lost when lines were joined: around separator lines
/// (`=====`, `_____`, `*****`) that white space sets apart (not inside
/// `*****NOTICE*****`), around an e-mail header stamp
/// (`Kay Mann 04/26/2001 07:17 AM Will you...`), between two URLs, and
/// after a web or e-mail address before a capitalised word.
fn is_layout_break(text: &str, toks: &[Token], k: usize) -> bool {
    let t = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let (here, next) = (t(k), t(k + 1));
    // a separator stands apart: `**********NOTE**********` is one heading
    let apart = toks.get(k + 1).is_some_and(|n| toks[k].end < n.start);
    if apart && (is_separator(here) || is_separator(next)) {
        return true;
    }
    if is_url(here) && is_url(next) {
        return true;
    }
    // a smiley ends what it comments on: `I loved it :) See you soon`
    if starts_upper(next) && ends_emoticon(text, toks, k) {
        return true;
    }
    // a web or e-mail address ends a line of contact details or a link
    // pasted after a sentence: `... Email: jo@example.com | Phone ...`
    if (is_url(here) || is_email(here)) && !is_url(next) && !is_email(next) && starts_upper(next) {
        return true;
    }
    if apart && (is_blog_footer(here, next, t(k + 2)) || is_signed_thanks(text, toks, k)) {
        return true;
    }
    if is_salutation(text, toks, k) {
        return true;
    }
    // after the stamp: DATE TIME [AM|PM] | next
    let ampm = |s: &str| matches!(s, "AM" | "PM" | "am" | "pm" | "a.m." | "p.m.");
    let stamp_end = (ampm(here) && is_time(t(k.wrapping_sub(1))) && is_date(t(k.wrapping_sub(2))))
        || (is_time(here) && is_date(t(k.wrapping_sub(1))) && !ampm(next));
    if stamp_end {
        return true;
    }
    // before the stamp: Name | DATE TIME
    is_date(next)
        && is_time(t(k + 2))
        && here
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
}

/// `-- | Posted by Jo to Her Blog at …`: the signature dash of a blog's
/// e-mailed footer stands alone (a dash before anything else may open a
/// list item: `-- The Moon/Mars vision`).
fn is_blog_footer(here: &str, next: &str, after: &str) -> bool {
    matches!(here, "--" | "-") && next == "Posted" && after == "by"
}

/// `Thanks | Kam could you …`, `Thanks, | Martin`: thanks, then the
/// signature of a name that does not close the sentence (`Thanks, Kim.`),
/// go on with it (`Thanks Bud for …`, `Thanks Dan and Jo`) or the thanks
/// (`Thanks For The Prompt Service`).
fn is_signed_thanks(text: &str, toks: &[Token], k: usize) -> bool {
    let t = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let thanks = |s: &str| matches!(s, "Thanks" | "thanks");
    let signed = thanks(t(k))
        || (t(k) == "," && k > 0 && thanks(t(k - 1)) && toks[k - 1].end == toks[k].start);
    let name = t(k + 1);
    let is_name = is_capitalised(name);
    let not_a_name = matches!(
        name,
        "I" | "For"
            | "From"
            | "To"
            | "And"
            | "Again"
            | "So"
            | "Very"
            | "Much"
            | "Everyone"
            | "All"
            | "Guys"
            | "You"
    );
    let goes_on = matches!(t(k + 2), "." | "!" | "," | "-" | "and" | "for" | "&" | "to");
    signed && is_name && !not_a_name && !goes_on
}

/// `Louise, | There are only two …`: a name alone at the start of a line,
/// a comma, and a word that opens a sentence and is never capitalised
/// inside one. A sentence adverb is not a name (`Frankly, I think`,
/// `Anyway, I got it`), nor is a greeting (`Hi, I want …` varies).
fn is_salutation(text: &str, toks: &[Token], k: usize) -> bool {
    const NOT_NAMES: &[&str] = &[
        "Afterwards",
        "Again",
        "Ah",
        "Alas",
        "Alright",
        "Also",
        "Anyhow",
        "Anyway",
        "Besides",
        "Cheers",
        "Dear",
        "Earlier",
        "Finally",
        "Fine",
        "First",
        "Further",
        "Furthermore",
        "Good",
        "Great",
        "Hence",
        "Hello",
        "Hey",
        "Hi",
        "Hmm",
        "However",
        "Indeed",
        "Instead",
        "Last",
        "Later",
        "Like",
        "Lol",
        "Meanwhile",
        "Moreover",
        "Nevertheless",
        "Next",
        "No",
        "Nonetheless",
        "Nope",
        "Now",
        "Oh",
        "Ok",
        "Okay",
        "OK",
        "Often",
        "Oops",
        "Otherwise",
        "Overall",
        "Please",
        "Plus",
        "Regardless",
        "Regards",
        "Remember",
        "Right",
        "Second",
        "Sometimes",
        "So",
        "Sorry",
        "Still",
        "Sure",
        "Thanks",
        "Then",
        "Therefore",
        "There",
        "Third",
        "Thus",
        "Today",
        "Tomorrow",
        "Tonight",
        "True",
        "Well",
        "What",
        "Whatever",
        "Why",
        "Wow",
        "Yeah",
        "Yep",
        "Yes",
        "Yesterday",
        "Yet",
        "Yup",
    ];
    const OPENERS: &[&str] = &[
        "A",
        "Any",
        "Are",
        "As",
        "Attached",
        "Below",
        "Can",
        "Congratulations",
        "Could",
        "Did",
        "Do",
        "Enclosed",
        "Following",
        "Have",
        "Here",
        "Hope",
        "How",
        "I",
        "If",
        "Is",
        "It",
        "Just",
        "Let",
        "My",
        "Our",
        "Per",
        "Please",
        "Regarding",
        "See",
        "Sorry",
        "Thank",
        "Thanks",
        "That",
        "There",
        "These",
        "They",
        "This",
        "We",
        "Welcome",
        "What",
        "When",
        "Will",
        "Would",
        "Yes",
        "You",
        "Your",
    ];
    if k == 0 || toks[k].text(text) != "," || toks[k - 1].end != toks[k].start {
        return false;
    }
    let word = toks[k - 1].text(text);
    let at_line_start = k == 1
        || text
            .get(toks[k - 2].end..toks[k - 1].start)
            .is_some_and(|g| g.contains('\n'));
    at_line_start
        && is_capitalised(word)
        && !word.ends_with("ly")
        && !NOT_NAMES.contains(&word)
        && toks
            .get(k + 1)
            .is_some_and(|n| n.start > toks[k].end && OPENERS.contains(&n.text(text)))
}

/// `P.S.`, `PS.`: a postscript marker, which the treebank (and sense)
/// keeps with the sentence it opens (`P.S. I am moving back`); `k` is the
/// marker or the `.` that the tokeniser cut from it.
fn is_postscript(text: &str, toks: &[Token], k: usize) -> bool {
    let is_ps = |s: &str| matches!(s, "P.S." | "p.s." | "P.S" | "PS" | "ps" | "Ps");
    match toks[k].text(text) {
        "." => {
            k > 0
                && toks[k - 1].end == toks[k].start
                && is_ps(toks[k - 1].text(text))
                && (k == 1 || toks[k - 2].end < toks[k - 1].start)
        }
        t => matches!(t, "P.S." | "p.s."),
    }
}

/// Whether token `k` ends a smiley that white space sets apart before and
/// after: `:)`, `:-(`, `;)`, `:D`, `:P`, `=)` (the tokeniser cuts them into
/// their marks).
fn ends_emoticon(text: &str, toks: &[Token], k: usize) -> bool {
    let t = |i: usize| toks[i].text(text);
    let touching = |i: usize| toks[i].end == toks[i + 1].start;
    if k == 0 || !matches!(t(k), ")" | "(" | "D" | "P" | "p") {
        return false;
    }
    let mut first = k - 1;
    if t(first) == "-" && first > 0 && touching(first) {
        first -= 1;
    }
    matches!(t(first), ":" | ";" | "=")
        && (first..k).all(touching)
        && (first == 0 || toks[first - 1].end < toks[first].start)
        && toks.get(k + 1).is_some_and(|n| toks[k].end < n.start)
}

/// A mark the tokeniser cut from a word that it belongs to: `Yahoo!` (the
/// name), `ext.` before the number of a phone extension.
fn is_part_of_name(text: &str, toks: &[Token], k: usize, next: &str) -> bool {
    let Some(word) = k.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if word.end != toks[k].start {
        return false;
    }
    match (word.text(text), toks[k].text(text)) {
        ("Yahoo", "!") => true,
        ("ext" | "Ext", ".") => next.starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    }
}

fn is_separator(tok: &str) -> bool {
    tok.len() >= 5 && {
        let mut cs = tok.chars();
        let first = cs.next().unwrap_or(' ');
        matches!(first, '=' | '_' | '*' | '~' | '#') && cs.all(|c| c == first)
    }
}

fn is_url(tok: &str) -> bool {
    let tok = tok.trim_start_matches(['<', '[', '(']);
    tok.starts_with("http://")
        || tok.starts_with("https://")
        || tok.starts_with("www.")
        || tok.starts_with("mailto:")
}

/// `jo@example.com`: a local part, `@`, a domain with a dot.
fn is_email(tok: &str) -> bool {
    let tok = tok.trim_matches(['<', '>', '[', ']', '(', ')']);
    tok.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.ends_with('.') && !domain.contains('@')
    })
}

/// `Louise`: an ASCII capital and lower-case letters (a first name, not
/// `NASA` or `McDonald`).
fn is_capitalised(tok: &str) -> bool {
    let mut cs = tok.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase()) && cs.all(|c| c.is_ascii_lowercase())
}

fn starts_upper(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
}

/// `04/26/2001`, `10/08/99`
fn is_date(tok: &str) -> bool {
    // asked of every token: the parts are counted as they come, not
    // collected
    let mut parts = 0;
    tok.split('/').all(|p| {
        parts += 1;
        parts <= 3 && !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())
    }) && parts == 3
}

/// `07:17`, `03:14:14`
fn is_time(tok: &str) -> bool {
    let mut parts = 0;
    tok.split(':').all(|p| {
        parts += 1;
        parts <= 3 && (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    }) && parts >= 2
}

fn is_final_punct(tok: &str) -> bool {
    !tok.is_empty()
        && tok
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇'))
}

fn is_closer(text: &str, toks: &[Token], k: usize) -> bool {
    let t = toks[k].text(text);
    match t {
        "”" | "’" | ")" | "]" | "»" | "}" => true,
        // a straight quote closes when it touches the token before it
        "\"" | "'" => toks[k - 1].end == toks[k].start,
        _ => false,
    }
}

fn starts_lower(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_lowercase)
}

fn is_continuing_punct(tok: &str) -> bool {
    matches!(
        tok,
        "," | ";" | ":" | "(" | "[" | "-" | "–" | "—" | "“" | "‘" | "/" | "&"
    )
}

fn starts_sentence(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || (c.is_alphabetic() && !c.is_lowercase())
            || matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '¿' | '¡' | '-' | '—' | '•'
            )
    })
}

/// Capitalised words that usually open a sentence rather than continue a
/// name (`the U.S. He said` splits, `the U.S. Senate` does not).
fn is_sentence_opener(tok: &str) -> bool {
    const OPENERS: &[&str] = &[
        "A",
        "After",
        "All",
        "Also",
        "An",
        "And",
        "As",
        "At",
        "Both",
        "But",
        "By",
        "During",
        "For",
        "He",
        "Her",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "It",
        "Its",
        "Meanwhile",
        "Moreover",
        "No",
        "Not",
        "On",
        "One",
        "Our",
        "Please",
        "She",
        "So",
        "Some",
        "That",
        "The",
        "Thanks",
        "Thank",
        "Their",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Though",
        "To",
        "We",
        "What",
        "When",
        "While",
        "Why",
        "With",
        "Yet",
        "You",
    ];
    OPENERS.contains(&tok) || tok.starts_with(['"', '“'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_dates_and_times_are_as_their_parts_say() {
        let date = |t: &str| {
            let parts: Vec<&str> = t.split('/').collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        };
        let time = |t: &str| {
            let parts: Vec<&str> = t.split(':').collect();
            (2..=3).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        };
        for t in [
            "",
            "/",
            "//",
            "1/2/3",
            "04/26/2001",
            "10/08/99",
            "1/2",
            "1/2/3/4",
            "12345/1/1",
            "1//1",
            "a/b/c",
            "1/2/3/",
            "07:17",
            "03:14:14",
            "7:1",
            ":",
            "1:2:3:4",
            "123:45",
            "1:",
            ":1",
            "ab:cd",
            "word",
            "1",
            "१/२/३",
            "1:2",
        ] {
            assert_eq!(is_date(t), date(t), "{t:?}");
            assert_eq!(is_time(t), time(t), "{t:?}");
        }
    }

    fn sents(s: &str) -> Vec<&str> {
        split_sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn the_tokenised_split_is_the_split_with_its_tokens() {
        let text = "The U.S. envoy met Gen. Smith in Moscow on Wednesday. Talks \
                    went on!\n\nNo. 5 was next… “Why?” he asked.  thanks, jo";
        let (toks, sentences) = split_tokenized(text);
        assert_eq!(toks, tokenize(text, 0..text.len()));
        assert_eq!(sentences.first().map(|r| r.start), Some(0));
        assert_eq!(sentences.last().map(|r| r.end), Some(toks.len()));
        assert!(sentences.windows(2).all(|w| w[0].end == w[1].start));
        assert!(sentences.iter().all(|r| r.start < r.end));
        let bytes: Vec<_> = sentences
            .iter()
            .map(|r| toks[r.start].start..toks[r.end - 1].end)
            .collect();
        assert_eq!(bytes, split_sentences(text));
        assert!(bytes.len() >= 4, "{bytes:?}");
        assert_eq!(split_tokenized(""), (Vec::new(), Vec::new()));
    }

    #[test]
    fn a_capitalised_verb_or_conjunction_after_a_country_abbreviation_does_not_split() {
        // wire copy capitalises after `U.S.` mid-sentence; verbs and `Or`
        // are no sentence openers, `Both` and `Please` are
        assert_eq!(
            sents("The U.S. Is ready to talk. Pressure came from the U.K. Or France."),
            [
                "The U.S. Is ready to talk.",
                "Pressure came from the U.K. Or France."
            ]
        );
        assert_eq!(
            sents("They will sell it in the U.S. Both firms agree."),
            ["They will sell it in the U.S.", "Both firms agree."]
        );
    }

    #[test]
    fn news_sentences_in_the_style_of_the_seed() {
        let text = "Envoy Meets Leader in Capital for Border Talks\n\
            If the capital does not accept a truce, President Jane Doe has vowed to impose tariffs.\n\
            Hours before the White House’s deadline, the ministry said that U.S. special envoy \
            John Roe had met with Foreign Minister Ann Poe. Details of Monday’s talks were not \
            released. According to the state agency, Roe also met Gen. Smith on Jan. 3.\n\
            Asked about the talks, Doe said, “Yes, make a deal so people stop dying.”\n\
            Source: Example Wire";
        assert_eq!(
            sents(text),
            [
                "Envoy Meets Leader in Capital for Border Talks",
                "If the capital does not accept a truce, President Jane Doe has vowed to impose tariffs.",
                "Hours before the White House’s deadline, the ministry said that U.S. special envoy \
                 John Roe had met with Foreign Minister Ann Poe.",
                "Details of Monday’s talks were not released.",
                "According to the state agency, Roe also met Gen. Smith on Jan. 3.",
                "Asked about the talks, Doe said, “Yes, make a deal so people stop dying.”",
                "Source: Example Wire",
            ]
        );
    }

    #[test]
    fn abbreviation_at_the_end_of_a_sentence() {
        assert_eq!(
            sents("He flew to the U.S. The talks failed. He met the U.S. Senate."),
            [
                "He flew to the U.S.",
                "The talks failed.",
                "He met the U.S. Senate."
            ]
        );
    }

    #[test]
    fn quotes_and_question_marks() {
        assert_eq!(
            sents("\"Why?\" he asked. \"Because.\" Then silence! Really?! Yes."),
            [
                "\"Why?\" he asked.",
                "\"Because.\"",
                "Then silence!",
                "Really?!",
                "Yes."
            ]
        );
    }

    #[test]
    fn datelines_stay_with_their_sentence() {
        assert_eq!(
            sents(
                "MOSCOW (Reuters) - Russia said on Friday it would respond.  It did not say how."
            ),
            [
                "MOSCOW (Reuters) - Russia said on Friday it would respond.",
                "It did not say how."
            ]
        );
    }

    #[test]
    fn no_boundary_without_white_space() {
        assert_eq!(
            sents("Posted via Newsfeed.Com - Unlimited. Stolen by the Nazis...70k still missing."),
            vec![
                "Posted via Newsfeed.Com - Unlimited.",
                "Stolen by the Nazis...70k still missing."
            ]
        );
        assert_eq!(sents("It works.It does."), vec!["It works.It does."]);
        assert_eq!(sents("It works. It does."), vec!["It works.", "It does."]);
    }

    #[test]
    fn wrapped_lines_do_not_split() {
        assert_eq!(
            sents("The minister said the\ntalks would go on,\nsources said."),
            ["The minister said the\ntalks would go on,\nsources said."]
        );
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\t ").is_empty());
    }

    /// Sentences with their line breaks read as spaces, for comparing.
    fn flat(s: &str) -> Vec<String> {
        sents(s)
            .iter()
            .map(|x| x.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn a_hard_wrapped_line_break_before_a_capital_does_not_split() {
        // a wire story wrapped at about 60 columns, paragraphs indented,
        // its first line cut short where the dateline was
        let text = "The coastal province's council denied that the\n\
            Fisheries Board had asked it to close the northern harbours for\n\
            the winter, a council spokeswoman told reporters on Tuesday.\n    \
            The council of the neighbouring province welcomed Governor\n\
            Maria Lind's offer of three new patrol boats for the bay and\n\
            said it would send its reply before the end of the month.\n    \
            Talks between the two councils are to resume in the U.S.\n\
            Embassy in the capital next week.\n \
            Wire\n";
        assert_eq!(
            flat(text),
            [
                "The coastal province's council denied that the Fisheries Board had asked it to \
                 close the northern harbours for the winter, a council spokeswoman told \
                 reporters on Tuesday.",
                "The council of the neighbouring province welcomed Governor Maria Lind's offer of \
                 three new patrol boats for the bay and said it would send its reply before the \
                 end of the month.",
                "Talks between the two councils are to resume in the U.S. Embassy in the capital \
                 next week.",
                "Wire",
            ]
        );
        // the first line, cut short, still continues when it ends in a name
        let text = "Deputy Harbour Master Tomas\n\
            Berg said on Monday that the ferry would run again from April,\n\
            and that the fares would not rise before the summer season.\n \
            Wire";
        assert_eq!(flat(text).len(), 2, "{:?}", flat(text));
    }

    #[test]
    fn flush_wrapped_text_splits_at_short_lines_and_final_punctuation() {
        // wrapped at 60 columns without indents: a heading, a sentence
        // ending mid-line, a short last line of a paragraph, a signature
        let text = "QUARTERLY HARBOUR REPORT\n\
            The harbour authority said that its new terminal would open in\n\
            March and that the Northern Ferry Company had signed a ten\n\
            year lease. Traffic rose by a fifth in the last quarter of the\n\
            year, the authority said\n\
            Anna Berg\n\
            Harbour Press Office";
        assert_eq!(
            flat(text),
            [
                "QUARTERLY HARBOUR REPORT",
                "The harbour authority said that its new terminal would open in March and that \
                 the Northern Ferry Company had signed a ten year lease.",
                "Traffic rose by a fifth in the last quarter of the year, the authority said",
                "Anna Berg",
                "Harbour Press Office",
            ]
        );
    }

    #[test]
    fn lists_tables_and_unwrapped_lines_split_at_every_line() {
        // headlines of similar length: no line break falls inside a sentence
        let text = "Harbour authority opens its new northern ferry terminal\n\
            Council rejects the plan for a second bridge over the bay\n\
            Fishermen protest against the new quotas in the capital";
        assert_eq!(sents(text).len(), 3);
        // a table with columns inside wrapped text keeps one row a line
        let text = "The harbour authority gave the following traffic figures for\n\
            the ports of the northern coast, in thousands of tonnes.\n\
            Northport       1,250     1,180\n\
            Eastbay           940       910\n\
            Westhaven         620       655\n\
            Southmouth        410       398";
        let got = sents(text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[0].ends_with("tonnes."), "{got:?}");
        // indented rows of figures after a wrapped sentence
        let text = "The harbour authority said its profit rose in the year to\n\
            March on higher traffic through the northern terminals.\n    \
            Profit 12.5 mln vs 10.1 mln\n    \
            Revenue 80.2 mln vs 75.9 mln\n    \
            Traffic 3.1 mln tonnes vs 2.8 mln";
        assert_eq!(sents(text).len(), 4, "{:?}", sents(text));
        // one sentence a line, no wrapping: every line stands alone
        let text = "The talks ended\nNo date was set\nBoth sides will meet again";
        assert_eq!(sents(text).len(), 3);
    }

    #[test]
    fn the_wrap_test_reads_blocks_and_never_panics() {
        for text in [
            "",
            "\n",
            "\n\n\n",
            " \n \n",
            "a\n",
            "\u{a0}\n\u{2003}x",
            "éé\n\u{301}\n\u{200d}",
            "\t\tA\n\tB\n",
        ] {
            let _ = wrapped_line_breaks(text);
            let _ = split_sentences(text);
        }
        // the offsets point at line breaks, in order
        let text = "A new ferry line between the two northern ports opens in\n\
            the spring, and the old one will close at the end of the\n\
            Winter Festival, the company said.\n\n\
            Short\nlines\nhere";
        let w = wrapped_line_breaks(text);
        assert!(w.windows(2).all(|p| p[0] < p[1]));
        assert!(w.iter().all(|&p| text.as_bytes()[p] == b'\n'));
        assert_eq!(w.len(), 2, "{w:?}");
    }

    #[test]
    fn a_postscript_marker_opens_its_sentence() {
        assert_eq!(
            sents("See you on Monday. P.S. I moved the meeting. PS. Bring the maps. Thanks"),
            [
                "See you on Monday.",
                "P.S. I moved the meeting.",
                "PS. Bring the maps.",
                "Thanks"
            ]
        );
        // a word that merely ends in `ps` still ends a sentence
        assert_eq!(
            sents("We bought new laptops. Then we left."),
            ["We bought new laptops.", "Then we left."]
        );
    }

    #[test]
    fn a_smiley_ends_its_sentence_before_a_capital() {
        assert_eq!(
            sents("I loved it :) See you soon. Great :-) thanks again"),
            ["I loved it :)", "See you soon.", "Great :-) thanks again"]
        );
        // not a smiley: a bracket closed after a colon inside a word run
        assert_eq!(
            sents("The score (home:) Arsenal won."),
            ["The score (home:) Arsenal won."]
        );
    }

    #[test]
    fn marks_that_belong_to_a_name_or_a_number() {
        assert_eq!(
            sents("Ask Yahoo! Messenger or call Anna on ext. 4417 today. Then go."),
            [
                "Ask Yahoo! Messenger or call Anna on ext. 4417 today.",
                "Then go."
            ]
        );
    }

    #[test]
    fn a_separator_splits_only_where_it_stands_apart() {
        assert_eq!(
            sents("Sent from my desk ********** The file is attached."),
            ["Sent from my desk", "**********", "The file is attached."]
        );
        // a heading between two runs of stars stays whole
        assert_eq!(
            sents("*****NOTICE***** This message is private."),
            ["*****NOTICE*****", "This message is private."]
        );
    }

    #[test]
    fn an_address_ends_a_line_of_contact_details() {
        assert_eq!(
            sents("Email: jo@example.org Phone: 555-0100"),
            ["Email: jo@example.org", "Phone: 555-0100"]
        );
        assert_eq!(
            sents("Our menu is at http://example.org/menu/ The soup is great."),
            [
                "Our menu is at http://example.org/menu/",
                "The soup is great."
            ]
        );
        // not before a lower-case word, and not inside an address
        assert_eq!(
            sents("Write to jo@example.org if you can."),
            ["Write to jo@example.org if you can."]
        );
        assert_eq!(
            sents("Ask me @ Reuters today."),
            ["Ask me @ Reuters today."]
        );
    }

    #[test]
    fn a_blog_footer_signature_dash_stands_alone() {
        assert_eq!(
            sents("We will see. -- Posted by Jo Bloggs to Jo's Notes at 5/10/2005"),
            [
                "We will see.",
                "--",
                "Posted by Jo Bloggs to Jo's Notes at 5/10/2005"
            ]
        );
        // a dash before anything else may open a list item
        assert_eq!(
            sents("-- The budget grows by 5 pct."),
            ["-- The budget grows by 5 pct."]
        );
    }

    #[test]
    fn thanks_before_a_signature() {
        assert_eq!(
            sents("Send me the file. Thanks Kam could you call me"),
            ["Send me the file.", "Thanks", "Kam could you call me"]
        );
        assert_eq!(
            sents("Would Friday work? Thanks, Martin"),
            ["Would Friday work?", "Thanks,", "Martin"]
        );
        // the name closes the thanks, goes on with it, or is not a name
        // (the rule stays silent; after `Thanks,` the boundary model may
        // still decide)
        let silent = |s: &str| {
            let toks = tokenize(s, 0..s.len());
            (0..toks.len()).all(|k| !is_signed_thanks(s, &toks, k))
        };
        assert!(silent("Thanks, Kim."));
        assert!(!silent("Thanks, Kim"));
        for s in [
            "Thanks Bud for all your help.",
            "Thanks Dan and Jo for the visit.",
            "Thanks For A Great Job",
            "Thanks to Russia, talks resumed.",
        ] {
            assert_eq!(sents(s), [s]);
        }
    }

    #[test]
    fn a_name_and_a_comma_open_a_message() {
        assert_eq!(
            sents("Please update daily\n\nLouise, There are two counterparties."),
            [
                "Please update daily",
                "Louise,",
                "There are two counterparties."
            ]
        );
        assert_eq!(
            sents("Vince, We are still working on it."),
            ["Vince,", "We are still working on it."]
        );
        // a sentence adverb or a greeting is not a name, the name must
        // start the line, and the next word must open a sentence
        for s in [
            "Frankly, I think so.",
            "Anyway, I got the message.",
            "Hi, I want a few rats.",
            "Talks with Ukraine, We are told, failed.",
            "Moscow, Kyiv and Minsk met.",
        ] {
            assert_eq!(sents(s), [s]);
        }
    }
}
