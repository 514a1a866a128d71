//! Headlines in capitals and in title case. The actor base finds proper
//! names by their case ("China", not "CHINA") and the tagger reads a
//! capitalised word as a name, so a title written "CHINA CONDEMNS JAPAN"
//! names no one and one written "China Condemns Japan" has no verb. The
//! coder reads the first as "China Condemns Japan", and parses the second
//! as "China condemns Japan". Only ASCII letters change case, so every
//! byte offset stays where it was.

use dyad_lexicon::Lexicon;

use crate::text::Sentence;

/// Acronyms of the actor base that are also English words: in a title in
/// capitals they are the words ("WHO SAID", "IS READY"), and their title
/// case is not a name. ("US" and "U.S." stay the United States.) The list
/// is the actor base's names in capitals whose lower case is a word other
/// than a proper noun at least twice in the English Web Treebank.
const WORD_ACRONYMS: [&str; 7] = ["IS", "WHO", "TAP", "SPA", "ENA", "FT", "UNO"];

/// Institutions that running text writes with a capital though the actor
/// base has them as role nouns ("the Senate", "the Fed"): a title keeps
/// their capital, since the tagger reads a small "senate" or "fed" as
/// something else ("regulator attacks senate bank bill": a verb).
const INSTITUTIONS: [&str; 12] = [
    "senate",
    "congress",
    "parliament",
    "treasury",
    "bundestag",
    "bundesbank",
    "fed",
    "diet",
    "knesset",
    "duma",
    "politburo",
    "exchequer",
];

/// Whether a title is written in capitals: two or more words of two or
/// more letters, and no lower-case letter.
fn in_capitals(title: &str) -> bool {
    let words = title
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count();
    // (HTML entities are no words: "UNITED TELECOM &lt;UT> ASKS")
    let letters = || {
        title
            .split(|c: char| !c.is_alphabetic() && c != '&')
            .filter(|w| !matches!(*w, "&lt" | "&gt" | "&amp" | "&quot" | "&apos"))
            .flat_map(str::chars)
    };
    words >= 2 && !letters().any(char::is_lowercase)
}

/// The document text with its title (the bytes before `title_end`)
/// rewritten in title case when it is in capitals ("CHINA'S U.S.-BACKED
/// PLAN" → "China's U.S.-Backed Plan"), the actor base's acronyms kept
/// ("NATO", "OPEC", "US"); None when the title is not in capitals.
pub(crate) fn title_cased(lex: &Lexicon, full: &str, title_end: usize) -> Option<String> {
    let title = full.get(..title_end)?;
    if !in_capitals(title) {
        return None;
    }
    let mut bytes = full.as_bytes().to_vec();
    // A letter stays a capital only at the start of a word: after a letter,
    // a digit or an apostrophe ("CHINA'S", "3RD") it is lower case. Only
    // ASCII letters change, each one byte for one byte.
    // (a ticker in brackets, "&lt;UACI.O>", stays as it is)
    let mut prev: Option<char> = None;
    let mut bracket = false;
    for (i, c) in title.char_indices() {
        if title[i..].starts_with("&lt;") {
            bracket = true;
        } else if c == '>' {
            bracket = false;
        }
        let inside = prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '\'' | '’'));
        if c.is_ascii_uppercase() && inside && !bracket {
            bytes[i] = c.to_ascii_lowercase() as u8;
        }
        prev = Some(c);
    }
    let mut out = String::from_utf8(bytes).ok()?;
    // The acronyms the actor base knows in capitals, where the title-cased
    // text names nothing ("Nato" is no name; "NATO" is).
    let titled = lex.find_names(&out[..title_end]);
    let named = |a: usize, b: usize| titled.iter().any(|h| h.start < b && a < h.end);
    let restore: Vec<(usize, usize)> = lex
        .find_names(title)
        .into_iter()
        .filter(|h| !named(h.start, h.end))
        .filter(|h| !WORD_ACRONYMS.contains(&&title[h.start..h.end]))
        .map(|h| (h.start, h.end))
        .collect();
    for (a, b) in restore {
        out.replace_range(a..b, &title[a..b]);
    }
    Some(out)
}

/// Whether a word is written with one capital, first ("Condemns", "Over").
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.clone().any(|c| c.is_ascii_lowercase())
        && !chars.any(|c| c.is_uppercase())
}

/// For the parser, the text up to the end of a title in title case ("China
/// Condemns Japan Over Trade Curbs") with the capitals of the words that
/// are no name made small ("China condemns Japan over trade curbs"); the
/// tagger, trained on running text, reads every capitalised word as a
/// proper noun. None when `s` is no title, or not in title case: its words
/// of four or more letters that are no name all capitalised, and one at
/// least (a title written as a sentence keeps its case).
pub(crate) fn sentence_cased(lex: &Lexicon, doc_text: &str, s: &Sentence<'_>) -> Option<String> {
    if !s.is_title || s.tokens.len() < 2 {
        return None;
    }
    let names = lex.find_names(s.text);
    let base = s.span.start;
    let named = |a: usize, b: usize| names.iter().any(|h| base + h.start < b && a < base + h.end);
    let mut lower = Vec::new();
    let mut long_words = 0;
    for (j, t) in s.tokens.iter().enumerate().skip(1) {
        let w = doc_text.get(t.start..t.end)?;
        if named(t.start, t.end) || INSTITUTIONS.iter().any(|i| w.eq_ignore_ascii_case(i)) {
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 && w.chars().all(char::is_alphabetic) {
            if !capitalised(w) {
                return None;
            }
            long_words += 1;
        }
        // after a colon or a quotation mark a word may begin a sentence of
        // its own, but in a title it is still a title's word
        if capitalised(w) {
            lower.push(j);
        }
    }
    if long_words == 0 {
        return None;
    }
    let mut bytes = doc_text.get(..s.span.end)?.as_bytes().to_vec();
    for j in lower {
        let at = s.tokens[j].start;
        bytes[at] = bytes[at].to_ascii_lowercase();
    }
    String::from_utf8(bytes).ok()
}

/// Puts the title's own words back into a text field of an event coded
/// from it (`read` is the title as the coder read it, `shown` as the
/// document writes it, the same length): a field that is a slice of the
/// read title becomes the same slice of the shown one.
pub(crate) fn restore(read: &str, shown: &str, field: &mut String) {
    if let Some(at) = read.find(field.as_str()) {
        if let Some(original) = shown.get(at..at + field.len()) {
            *field = original.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::builtin().expect("the built-in lexicon loads")
    }

    fn cased(title: &str) -> Option<String> {
        let full = format!("{title}\n\nBody.");
        title_cased(lex(), &full, title.len()).map(|t| t[..title.len()].to_string())
    }

    #[test]
    fn a_title_in_capitals_is_read_in_title_case() {
        assert_eq!(
            cased("CHINA CONDEMNS JAPAN OVER TRADE CURBS").as_deref(),
            Some("China Condemns Japan Over Trade Curbs")
        );
        // initials keep their dots and capitals, a possessive its small s
        assert_eq!(
            cased("U.S.-BACKED PLAN WINS CHINA'S 3RD NOD").as_deref(),
            Some("U.S.-Backed Plan Wins China's 3rd Nod")
        );
        // the base's acronyms stay; an acronym that is a word does not
        assert_eq!(
            cased("NATO AND OPEC SAY US IS READY").as_deref(),
            Some("NATO And OPEC Say US Is Ready")
        );
        // not in capitals, or one word only: as it is
        assert_eq!(cased("China Condemns Japan"), None);
        assert_eq!(cased("CHINA"), None);
        assert_eq!(cased("Élysée SAYS"), None);
        // an entity's letters are no lower-case words
        assert_eq!(
            cased("UNITED TELECOM &lt;UT> ASKS").as_deref(),
            Some("United Telecom &lt;UT> Asks")
        );
    }

    #[test]
    fn restored_fields_are_the_documents_own_words() {
        let shown = "CHINA CONDEMNS JAPAN\n\nBody.";
        let read = "China Condemns Japan\n\nBody.";
        let mut f = "Japan".to_string();
        restore(&read[..20], &shown[..20], &mut f);
        assert_eq!(f, "JAPAN");
        // a field from the body, or not from the text, stays
        let mut g = "Body".to_string();
        restore(&read[..20], &shown[..20], &mut g);
        assert_eq!(g, "Body");
    }
}
