//! TempEval-3 temporal expressions (TimeML `.tml`: TBAQ-cleaned, the
//! TE3-Platinum test set; and MEANTIME's token-based CAT XML): the gold
//! TIMEX3s of each document's text, scored as the TempEval-3 scorer does.
//!
//! - `extent_f1_strict`: a system timex counts when its extent is exactly
//!   a gold one's;
//! - `extent_f1_relaxed`: when it overlaps one (each gold timex matched once);
//! - `value_f1`: when it overlaps one and has its value: precision is
//!   correct values ÷ system timexes, recall correct values ÷ gold timexes;
//!   `type_f1` likewise for the type.
//!
//! The document creation time (`<DCT>`, `functionInDocument="CREATION_TIME"`)
//! is not scored; its value is the publication date dyad resolves against.

use serde_json::{json, Value};

use crate::eval::metrics::{round4, Counts};
use crate::eval::{Problem, Scored};

/// A gold or system timex: byte span in the document's text, type, value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// One document: its text (the `<TEXT>` element without markup), its
/// creation date and gold timexes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub name: String,
    pub dct: Option<String>,
    pub text: String,
    pub gold: Vec<Timex>,
}

/// The attribute `name` of a tag's inside (`TIMEX3 tid="t1" value="2013"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(k) = rest.find(name) {
        let before = rest[..k].chars().next_back();
        let after = &rest[k + name.len()..];
        let after = after.trim_start();
        if before.is_some_and(char::is_whitespace) {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &v[1..];
                    let end = body.find(q)?;
                    return Some(unescape(&body[..end]));
                }
            }
        }
        rest = &rest[k + name.len()..];
    }
    None
}

/// XML character references and the five named entities.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let tail = &rest[k..];
        let Some(semi) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let name = &tail[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads one TimeML document. A document without `<TEXT>` or with broken
/// markup is a problem, not a panic.
pub fn read_tml(xml: &str, name: &str) -> Result<Doc, Problem> {
    let problem = |reason: &str| Problem {
        place: name.to_string(),
        reason: reason.to_string(),
    };
    let dct = xml.find("<DCT>").and_then(|k| {
        let rest = &xml[k..];
        let end = rest.find("</DCT>")?;
        let tag_start = rest[..end].find("<TIMEX3")?;
        let tag_end = rest[tag_start..].find('>')? + tag_start;
        attribute(&rest[tag_start..tag_end], "value")
    });
    let a = xml
        .find("<TEXT>")
        .ok_or_else(|| problem("no <TEXT> element"))?
        + "<TEXT>".len();
    let b = xml[a..]
        .find("</TEXT>")
        .ok_or_else(|| problem("<TEXT> is not closed"))?
        + a;
    let body = &xml[a..b];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(k) = rest.find('<') {
        text.push_str(&unescape(&rest[..k]));
        let Some(e) = rest[k..].find('>') else {
            return Err(problem("a tag is not closed"));
        };
        let tag = &rest[k + 1..k + e];
        if tag.starts_with("TIMEX3") {
            if open.is_some() {
                return Err(problem("nested TIMEX3"));
            }
            let kind = attribute(tag, "type").unwrap_or_default();
            let value = attribute(tag, "value").unwrap_or_default();
            open = Some((text.len(), kind, value));
        } else if tag.starts_with("/TIMEX3") {
            match open.take() {
                Some((start, kind, value)) => gold.push(Timex {
                    start,
                    end: text.len(),
                    kind,
                    value,
                }),
                None => return Err(problem("</TIMEX3> without <TIMEX3>")),
            }
        }
        rest = &rest[k + e + 1..];
    }
    text.push_str(&unescape(rest));
    // Extents as the text has them, without surrounding white space.
    for t in &mut gold {
        let s = &text[t.start..t.end];
        t.start += s.len() - s.trim_start().len();
        t.end -= s.len() - s.trim_end().len();
    }
    gold.retain(|t| t.start < t.end);
    Ok(Doc {
        name: name.to_string(),
        dct,
        text,
        gold,
    })
}

/// No space before these tokens when a tokenised text is put back together.
fn attaches_left(t: &str) -> bool {
    matches!(
        t,
        "," | "."
            | ";"
            | ":"
            | "?"
            | "!"
            | ")"
            | "]"
            | "%"
            | "'s"
            | "'"
            | "n't"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
    )
}

/// Reads one MEANTIME document (CAT XML: `<token t_id sentence>` elements,
/// then `<TIMEX3>` markables anchored to token ids). The text is the tokens
/// put back together, a blank line between sentences, up to the last
/// sentence with an annotation (MEANTIME annotates the first sentences of
/// each article only); the creation time's tokens (the dateline) are left
/// out of it.
pub fn read_cat(xml: &str, name: &str) -> Result<Doc, Problem> {
    let problem = |reason: &str| Problem {
        place: name.to_string(),
        reason: reason.to_string(),
    };
    if !xml.contains("<Document") {
        return Err(problem("not a CAT document (no <Document>)"));
    }
    // Tokens: (id, sentence, text), and timexes: (type, value, function, token ids).
    let mut tokens: Vec<(String, String, String)> = Vec::new();
    let mut timexes: Vec<(String, String, String, Vec<String>)> = Vec::new();
    let mut open: Option<(String, String, String, Vec<String>)> = None;
    // Tokens any markable is anchored to: MEANTIME annotates only the
    // first sentences of an article, and the text is cut after them.
    let mut anchored = std::collections::HashSet::new();
    let mut rest = xml;
    while let Some(k) = rest.find('<') {
        let Some(e) = rest[k..].find('>') else {
            return Err(problem("a tag is not closed"));
        };
        let tag = &rest[k + 1..k + e];
        rest = &rest[k + e + 1..];
        if tag.starts_with("token ") {
            let Some(end) = rest.find("</token>") else {
                return Err(problem("<token> is not closed"));
            };
            let id = attribute(tag, "t_id").ok_or_else(|| problem("a token without t_id"))?;
            let sentence = attribute(tag, "sentence").unwrap_or_default();
            tokens.push((id, sentence, unescape(rest[..end].trim())));
            rest = &rest[end + "</token>".len()..];
        } else if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
            open = Some((
                attribute(tag, "type").unwrap_or_default(),
                attribute(tag, "value").unwrap_or_default(),
                attribute(tag, "functionInDocument").unwrap_or_default(),
                Vec::new(),
            ));
        } else if tag.starts_with("token_anchor") {
            let id = attribute(tag, "t_id");
            if let Some(id) = &id {
                anchored.insert(id.clone());
            }
            if let (Some(t), Some(id)) = (open.as_mut(), id) {
                t.3.push(id);
            }
        } else if tag.starts_with("/TIMEX3") {
            if let Some(t) = open.take() {
                timexes.push(t);
            }
        }
    }
    let dct_tokens: Vec<&String> = timexes
        .iter()
        .filter(|t| t.2 == "CREATION_TIME")
        .flat_map(|t| &t.3)
        .collect();
    let dct = timexes
        .iter()
        .find(|t| t.2 == "CREATION_TIME")
        .map(|t| t.1.clone());
    let last_annotated = tokens
        .iter()
        .filter(|t| anchored.contains(&t.0))
        .filter_map(|t| t.1.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    tokens.retain(|t| t.1.parse::<usize>().is_ok_and(|s| s <= last_annotated));
    let mut text = String::new();
    let mut spans: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    let mut sentence: Option<&str> = None;
    for (id, sent, word) in &tokens {
        if dct_tokens.contains(&id) || word.is_empty() {
            continue;
        }
        if sentence.is_some_and(|s| s != sent) {
            text.push_str("\n\n");
        } else if sentence.is_some() && !attaches_left(word) && !text.ends_with(['(', '$']) {
            text.push(' ');
        }
        sentence = Some(sent);
        spans.insert(id, (text.len(), text.len() + word.len()));
        text.push_str(word);
    }
    let mut gold = Vec::new();
    for (kind, value, function, ids) in timexes {
        if function == "CREATION_TIME" {
            continue;
        }
        let found: Vec<(usize, usize)> = ids
            .iter()
            .filter_map(|i| spans.get(i.as_str()).copied())
            .collect();
        let (Some(start), Some(end)) = (
            found.iter().map(|s| s.0).min(),
            found.iter().map(|s| s.1).max(),
        ) else {
            continue;
        };
        gold.push(Timex {
            start,
            end,
            kind,
            value,
        });
    }
    gold.sort_by_key(|t| (t.start, t.end));
    Ok(Doc {
        name: name.to_string(),
        dct,
        text,
        gold,
    })
}

fn overlaps(a: &Timex, b: &Timex) -> bool {
    a.start < b.end && b.start < a.end
}

/// The counts of one document: each system timex is matched to the first
/// unmatched gold timex it overlaps.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    strict: Counts,
    relaxed: Counts,
    value: Counts,
    kind: Counts,
}

fn tally(doc: &Doc, system: &[Timex], failures: &mut Vec<String>) -> Tally {
    let mut t = Tally::default();
    let mut used = vec![false; doc.gold.len()];
    let (mut exact, mut matched, mut values, mut kinds) = (0, 0, 0, 0);
    let quote = |x: &Timex| {
        doc.text
            .get(x.start..x.end)
            .unwrap_or("")
            .replace('\n', " ")
    };
    // A few words either side, for reading the failures.
    let context = |x: &Timex| {
        let mut a = x.start.saturating_sub(60);
        while !doc.text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (x.end + 60).min(doc.text.len());
        while !doc.text.is_char_boundary(b) {
            b += 1;
        }
        let (before, after) = (
            doc.text.get(a..x.start).unwrap_or(""),
            doc.text.get(x.end..b).unwrap_or(""),
        );
        format!("{before}[{}]{after}", quote(x)).replace('\n', " ")
    };
    for s in system {
        let hit = doc
            .gold
            .iter()
            .enumerate()
            .find(|(k, g)| !used[*k] && overlaps(g, s))
            .map(|(k, _)| k);
        let Some(k) = hit else {
            failures.push(format!(
                "{}: false alarm `{}` {} {}\n    {}",
                doc.name,
                quote(s),
                s.kind,
                s.value,
                context(s)
            ));
            continue;
        };
        used[k] = true;
        let g = &doc.gold[k];
        matched += 1;
        exact += usize::from(g.start == s.start && g.end == s.end);
        values += usize::from(g.value == s.value);
        kinds += usize::from(g.kind == s.kind);
        if g.value != s.value || g.start != s.start || g.end != s.end {
            failures.push(format!(
                "{}: gold `{}` {} {} | dyad `{}` {} {}\n    {}",
                doc.name,
                quote(g),
                g.kind,
                g.value,
                quote(s),
                s.kind,
                s.value,
                context(g)
            ));
        }
    }
    for (k, g) in doc.gold.iter().enumerate() {
        if !used[k] {
            failures.push(format!(
                "{}: missed `{}` {} {}\n    {}",
                doc.name,
                quote(g),
                g.kind,
                g.value,
                context(g)
            ));
        }
    }
    let (n_sys, n_gold) = (system.len(), doc.gold.len());
    let counts = |correct: usize| Counts {
        tp: correct,
        fp: n_sys - correct,
        fn_: n_gold - correct,
    };
    t.strict = counts(exact);
    t.relaxed = counts(matched);
    t.value = counts(values);
    t.kind = counts(kinds);
    t
}

/// Scores dyad's timexes (`system[k]` for `docs[k]`).
pub fn score(docs: &[Doc], system: &[Vec<Timex>]) -> Scored {
    let mut total = Tally::default();
    let mut failures = Vec::new();
    let empty = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let t = tally(d, system.get(k).unwrap_or(&empty), &mut failures);
        total.strict.add(t.strict);
        total.relaxed.add(t.relaxed);
        total.value.add(t.value);
        total.kind.add(t.kind);
    }
    let gold: usize = docs.iter().map(|d| d.gold.len()).sum();
    let found: usize = system.iter().map(Vec::len).sum();
    let pr = |c: Counts| json!({"precision": round4(c.precision()), "recall": round4(c.recall())});
    Scored {
        scores: vec![
            ("documents", json!(docs.len())),
            ("gold_timexes", json!(gold)),
            ("dyad_timexes", json!(found)),
            ("extent_f1_strict", json!(round4(total.strict.f1()))),
            ("extent_f1_relaxed", json!(round4(total.relaxed.f1()))),
            ("value_f1", json!(round4(total.value.f1()))),
            ("type_f1", json!(round4(total.kind.f1()))),
        ],
        per_type: Default::default(),
        tables: vec![(
            "precision_recall",
            Value::Object(
                [
                    ("extent_strict", pr(total.strict)),
                    ("extent_relaxed", pr(total.relaxed)),
                    ("value", pr(total.value)),
                    ("type", pr(total.kind)),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            ),
        )],
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TML: &str = r#"<?xml version="1.0" ?><TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
The talks <EVENT eid="e1">ended</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-03-20">Wednesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; more in <TIMEX3 tid="t3" type="DATE" value="2010">2010</TIMEX3>.
</TEXT>
</TimeML>"#;

    fn sys(doc: &Doc, word: &str, kind: &str, value: &str) -> Timex {
        let start = doc.text.find(word).unwrap();
        Timex {
            start,
            end: start + word.len(),
            kind: kind.into(),
            value: value.into(),
        }
    }

    #[test]
    fn reads_timeml() {
        let d = read_tml(TML, "x.tml").unwrap();
        assert_eq!(d.dct.as_deref(), Some("2013-03-22"));
        assert_eq!(d.gold.len(), 3);
        assert_eq!(&d.text[d.gold[1].start..d.gold[1].end], "three days");
        assert!(d.text.contains("three days & more"));
        assert_eq!(d.gold[2].value, "2010");
        assert!(read_tml("<TimeML></TimeML>", "y").is_err());
        assert!(read_tml("<TEXT>a <TIMEX3 type=\"DATE\"", "y").is_err());
    }

    const CAT: &str = r#"<?xml version="1.0" ?><Document doc_id="1">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">2</token>
<token number="4" sentence="2" t_id="5">They</token>
<token number="5" sentence="2" t_id="6">met</token>
<token number="6" sentence="2" t_id="7">last</token>
<token number="7" sentence="2" t_id="8">week</token>
<token number="8" sentence="2" t_id="9">.</token>
<token number="9" sentence="3" t_id="10">Unannotated</token>
<Markables>
<TIMEX3 functionInDocument="NONE" m_id="20" type="DATE" value="2010-W17">
<token_anchor t_id="7"/>
<token_anchor t_id="8"/>
</TIMEX3>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2010-05-02">
<token_anchor t_id="3"/>
<token_anchor t_id="4"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="x" functionInDocument="NONE" m_id="21" type="DATE" value="2010"/>
</Markables></Document>"#;

    #[test]
    fn reads_cat() {
        let d = read_cat(CAT, "x.xml").unwrap();
        assert_eq!(d.text, "Talks end\n\nThey met last week.");
        assert_eq!(d.dct.as_deref(), Some("2010-05-02"));
        assert_eq!(d.gold.len(), 1);
        assert_eq!(&d.text[d.gold[0].start..d.gold[0].end], "last week");
        assert!(read_cat("<TimeML/>", "y").is_err());
        for (k, _) in CAT.char_indices() {
            let _ = read_cat(&CAT[..k], "t");
        }
    }

    #[test]
    fn truncated_input_never_panics() {
        for (k, _) in TML.char_indices() {
            let _ = read_tml(&TML[..k], "t");
        }
    }

    #[test]
    fn strict_relaxed_and_value() {
        let d = read_tml(TML, "x.tml").unwrap();
        let system = vec![
            sys(&d, "on Wednesday", "DATE", "2013-03-20"),
            sys(&d, "three days", "DURATION", "P3M"),
            sys(&d, "talks", "DATE", "PRESENT_REF"),
        ];
        let s = score(std::slice::from_ref(&d), &[system]);
        // strict: 1 of 3 system, 1 of 3 gold.
        assert_eq!(s.get("extent_f1_strict"), json!(0.3333));
        // relaxed: 2 of 3 both ways.
        assert_eq!(s.get("extent_f1_relaxed"), json!(0.6667));
        // value: only Wednesday.
        assert_eq!(s.get("value_f1"), json!(0.3333));
        assert_eq!(s.failures.len(), 4, "{:?}", s.failures);
        assert!(
            s.failures[0].contains("on [Wednesday] after"),
            "{}",
            s.failures[0]
        );
    }
}
