//! PETRARCH2's gold standard records (`PETR2_GSR_validation.xml`): real
//! sentences with gold (source, target, CAMEO event) triples.
//!
//! The file is not strict XML (`#` comment lines between elements, a
//! `<Sentence …/>` that is closed again later), so it is read line by line.
//! Only the `<Sentence>` attributes, the `<EventCoding>` elements and the
//! `<Text>` are read: the gold `<Parse>` is skipped, never used.

use std::collections::BTreeMap;

use dyad_model::{Event, EventType};
use serde_json::{json, Value};

use crate::eval::actors::ActorCode;
use crate::eval::matching::{pair, Pairing};
use crate::eval::metrics::{ratio, round4, Counts, PerType};
use crate::eval::{counts, describe, Problem, Scored};

/// One gold (event, source, target) triple, as written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTriple {
    pub code: String,
    pub source: String,
    pub target: String,
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    /// Line of the `<Sentence>` tag.
    pub line: usize,
    pub category: String,
    /// `YYYY-MM-DD`, from `date="YYYYMMDD"`.
    pub date: Option<String>,
    pub text: String,
    /// Empty for a `noevents` record.
    pub gold: Vec<GoldTriple>,
}

/// The value of attribute `name` in a tag, allowing spaces around `=`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let start = from + k;
        from = start + name.len();
        let before_ok = start == 0 || matches!(bytes[start - 1], b' ' | b'\t' | b'<');
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let quote = rest.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value = &rest[1..];
        return value.find(quote).map(|end| unescape(&value[..end]));
    }
    None
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads the records; problems (a bad date, a coding without a code, a
/// sentence without text) are reported and the rest is read.
pub fn read(text: &str, file: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut current: Option<(Record, bool)> = None; // (record, evaluate)
    let mut in_text: Option<Vec<String>> = None;
    let mut skipping: Option<&str> = None; // closing tag of a skipped block
    let mut finish = |cur: Option<(Record, bool)>, problems: &mut Vec<Problem>| {
        if let Some((r, evaluate)) = cur {
            if !evaluate {
                return;
            }
            if r.text.is_empty() {
                problems.push(Problem::at(
                    file,
                    r.line,
                    format!("sentence {}: no <Text>; skipped", r.id),
                ));
            } else {
                records.push(r);
            }
        }
    };
    for (k, raw) in text.lines().enumerate() {
        let line_no = k + 1;
        let line = raw.trim();
        if let Some(close) = skipping {
            if line.contains(close) {
                skipping = None;
            }
            continue;
        }
        if let Some(lines) = in_text.as_mut() {
            match line.find("</Text>") {
                Some(end) => {
                    lines.push(line[..end].to_string());
                    let joined = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
                    let joined: Vec<&str> = joined.collect();
                    if let Some((r, _)) = current.as_mut() {
                        r.text = unescape(&joined.join(" "));
                    }
                    in_text = None;
                }
                None => lines.push(line.to_string()),
            }
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("<!--") {
            if !line.contains("-->") {
                skipping = Some("-->");
            }
            continue;
        }
        if line.starts_with("<Parse>") {
            if !line.contains("</Parse>") {
                skipping = Some("</Parse>");
            }
            continue;
        }
        if line.starts_with("<Sentence ") || line == "<Sentence>" {
            finish(current.take(), &mut problems);
            let id = attribute(line, "id").unwrap_or_else(|| {
                problems.push(Problem::at(file, line_no, "sentence without an id"));
                format!("line-{line_no}")
            });
            let date = match attribute(line, "date") {
                Some(d) if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
                }
                Some(d) => {
                    problems.push(Problem::at(
                        file,
                        line_no,
                        format!("sentence {id}: date {d:?} is not YYYYMMDD; coded without a date"),
                    ));
                    None
                }
                None => None,
            };
            // `evaluate="false"` (the GSR) and `sentence="false"` (the unit
            // tests: PETRARCH leaves those records out, 279 of 284 are active)
            let evaluate = ["evaluate", "sentence"]
                .iter()
                .all(|a| attribute(line, a).is_none_or(|v| !v.eq_ignore_ascii_case("false")));
            let record = Record {
                id,
                line: line_no,
                category: attribute(line, "category").unwrap_or_default(),
                date,
                text: String::new(),
                gold: Vec::new(),
            };
            current = Some((record, evaluate));
            continue;
        }
        if line.starts_with("<EventCoding") {
            let Some((r, _)) = current.as_mut() else {
                problems.push(Problem::at(
                    file,
                    line_no,
                    "<EventCoding> outside a sentence; ignored",
                ));
                continue;
            };
            if attribute(line, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                continue;
            }
            match (
                attribute(line, "eventcode"),
                attribute(line, "sourcecode"),
                attribute(line, "targetcode"),
            ) {
                (Some(code), Some(source), Some(target)) if !code.is_empty() => {
                    r.gold.push(GoldTriple { code, source, target });
                }
                _ => problems.push(Problem::at(
                    file,
                    line_no,
                    format!("sentence {}: <EventCoding> without eventcode, sourcecode and targetcode; ignored", r.id),
                )),
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("<Text>") {
            match rest.find("</Text>") {
                Some(end) => {
                    if let Some((r, _)) = current.as_mut() {
                        r.text = unescape(rest[..end].trim());
                    }
                }
                None => in_text = Some(vec![rest.to_string()]),
            }
            continue;
        }
        if line.starts_with("</Sentence>") {
            finish(current.take(), &mut problems);
        }
    }
    if in_text.is_some() {
        problems.push(Problem::at(
            file,
            text.lines().count(),
            "<Text> never closed",
        ));
    }
    finish(current.take(), &mut problems);
    (records, problems)
}

/// A predicted triple.
#[derive(Clone, Debug)]
struct Triple {
    code: String,
    source: Option<ActorCode>,
    target: Option<ActorCode>,
    /// The reverse dyad of a reciprocal-capable event: counted only when it matches.
    optional: bool,
    /// The event it came from.
    event: usize,
}

/// The types whose CAMEO events PETRARCH codes in both directions ("talks
/// between A and B" gives A→B and B→A).
fn reciprocal(t: EventType) -> bool {
    matches!(
        t,
        EventType::Consult | EventType::Agree | EventType::Cooperate
    )
}

fn triples(events: &[Event]) -> Vec<Triple> {
    let mut out: Vec<Triple> = Vec::new();
    let mut push = |t: Triple| {
        let same = out
            .iter_mut()
            .find(|o| o.code == t.code && o.source == t.source && o.target == t.target);
        match same {
            // A required copy wins over an optional one.
            Some(o) => o.optional &= t.optional,
            None => out.push(t),
        }
    };
    for (k, e) in events.iter().enumerate().filter(|(_, e)| counts(e)) {
        let code = e.cameo.clone().unwrap_or_else(|| "---".into());
        let sides = |xs: &[dyad_model::ActorRef]| -> Vec<Option<ActorCode>> {
            if xs.is_empty() {
                vec![None]
            } else {
                xs.iter().map(|a| Some(ActorCode::of(a))).collect()
            }
        };
        for s in sides(&e.actors) {
            for t in sides(&e.recipients) {
                let both = s.is_some() && t.is_some();
                if both && reciprocal(e.event_type) {
                    push(Triple {
                        code: code.clone(),
                        source: t.clone(),
                        target: s.clone(),
                        optional: true,
                        event: k,
                    });
                }
                push(Triple {
                    code: code.clone(),
                    source: s.clone(),
                    target: t,
                    optional: false,
                    event: k,
                });
            }
        }
    }
    // Required triples first, so the optional ones never shadow them.
    out.sort_by_key(|t| t.optional);
    out
}

fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Both sides admitted; an empty side of dyad's only by a gold side that
/// is wholly unknown (`---`: PETRARCH found no actor there either).
fn sides_match(g: &(ActorCode, ActorCode), p: &Triple) -> bool {
    let side = |gold: &ActorCode, pred: &Option<ActorCode>| match pred {
        Some(a) => gold.admits(a, true),
        None => gold.is_unknown(),
    };
    side(&g.0, &p.source) && side(&g.1, &p.target)
}

/// Scores the records against dyad's events (`predicted[k]` for `records[k]`).
pub fn score(records: &[Record], predicted: &[Vec<Event>]) -> Scored {
    let mut full = Counts::default();
    let mut by_root = Counts::default();
    let mut root_only = Counts::default();
    let mut dyad_only = Counts::default();
    let mut per_type = PerType::default();
    let mut passed = 0;
    let mut gold_total = 0;
    let mut incomplete = 0;
    let mut failures = Vec::new();
    let mut categories: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let empty = Vec::new();
    for (k, r) in records.iter().enumerate() {
        let events = predicted.get(k).unwrap_or(&empty);
        let pred = triples(events);
        let optional: Vec<bool> = pred.iter().map(|t| t.optional).collect();
        let gold: Vec<(ActorCode, ActorCode)> = r
            .gold
            .iter()
            .map(|g| (ActorCode::parse(&g.source), ActorCode::parse(&g.target)))
            .collect();
        gold_total += gold.len();
        incomplete += pred
            .iter()
            .filter(|t| !t.optional && (t.source.is_none() || t.target.is_none()))
            .count();
        let code_of = |g: usize| r.gold[g].code.as_str();
        let m = pair(gold.len(), pred.len(), &optional, |g, p| {
            code_of(g) == pred[p].code && sides_match(&gold[g], &pred[p])
        });
        let add = |c: &mut Counts, m: &Pairing| {
            c.add(Counts {
                tp: m.matched(),
                fp: m.extra(&optional),
                fn_: m.missed(),
            })
        };
        add(&mut full, &m);
        let mr = pair(gold.len(), pred.len(), &optional, |g, p| {
            root(code_of(g)) == root(&pred[p].code) && sides_match(&gold[g], &pred[p])
        });
        add(&mut by_root, &mr);
        let mo = pair(gold.len(), pred.len(), &optional, |g, p| {
            root(code_of(g)) == root(&pred[p].code)
        });
        add(&mut root_only, &mo);
        let md = pair(gold.len(), pred.len(), &optional, |g, p| {
            sides_match(&gold[g], &pred[p])
        });
        add(&mut dyad_only, &md);
        for (g, p) in m.gold.iter().enumerate() {
            let e = per_type.entry(root(code_of(g)));
            if p.is_some() {
                e.tp += 1;
            } else {
                e.fn_ += 1;
            }
        }
        for (p, g) in m.pred.iter().enumerate() {
            if g.is_none() && !pred[p].optional {
                per_type.entry(root(&pred[p].code)).fp += 1;
            }
        }
        let ok = m.missed() == 0 && m.extra(&optional) == 0;
        let cat = categories.entry(r.category.as_str()).or_default();
        cat.0 += 1;
        if ok {
            passed += 1;
            cat.1 += 1;
        } else {
            failures.push(failure(r, events, &pred, &m));
        }
    }
    let extra = full.fp;
    let scores = vec![
        ("records", json!(records.len())),
        ("records_passed", json!(passed)),
        ("gold_events", json!(gold_total)),
        ("predicted_triples", json!(full.tp + full.fp)),
        ("precision", json!(round4(full.precision()))),
        ("recall", json!(round4(full.recall()))),
        ("f1", json!(round4(full.f1()))),
        ("root_precision", json!(round4(by_root.precision()))),
        ("root_recall", json!(round4(by_root.recall()))),
        ("root_f1", json!(round4(by_root.f1()))),
        ("root_f1_ignoring_actors", json!(round4(root_only.f1()))),
        ("dyad_f1_ignoring_code", json!(round4(dyad_only.f1()))),
        ("extra_ratio", json!(round4(ratio(extra, gold_total)))),
        ("incomplete_triples", json!(incomplete)),
    ];
    let cats: serde_json::Map<String, Value> = categories
        .into_iter()
        .map(|(c, (n, ok))| (c.to_string(), json!({"records": n, "passed": ok})))
        .collect();
    Scored {
        scores,
        per_type,
        tables: vec![("per_category", Value::Object(cats))],
        failures,
    }
}

fn failure(r: &Record, events: &[Event], pred: &[Triple], m: &Pairing) -> String {
    let mut s = format!("{} (line {}): {}\n", r.id, r.line, r.text);
    if r.gold.is_empty() {
        s.push_str("  gold: no event\n");
    }
    for (g, t) in r.gold.iter().enumerate() {
        let mark = if m.gold[g].is_some() { "ok" } else { "MISSED" };
        s.push_str(&format!(
            "  gold: {} {}→{}  {mark}\n",
            t.code, t.source, t.target
        ));
    }
    for (k, e) in events.iter().enumerate() {
        let mine: Vec<usize> = (0..pred.len()).filter(|&p| pred[p].event == k).collect();
        let matched = mine.iter().any(|&p| m.pred[p].is_some());
        let mark = if !counts(e) {
            "negated, not counted"
        } else if matched {
            "ok"
        } else {
            "EXTRA"
        };
        s.push_str(&format!("  dyad: {}  {mark}\n", describe(e)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::testing::{actor, event};

    const FIXTURE: &str = r#"<Validation>
# a comment line between elements
<Sentences>
<Sentence category="T" date = "20200102" id="R1" evaluate="true"/>
<EventCoding eventcode="040" sourcecode="FRA" targetcode="DEUGOV" />
<EventCoding eventcode="040" sourcecode="DEU" targetcode="FRA" />
<Text>
France met
Germany &amp; friends.
</Text>
<Parse>
1	France	France	PROPN	NNP	_	2	nsubj	_	_
</Parse>
</Sentence>
<Sentence category="T" date="1201" id="R2" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="T" date="20200102" id="R3" evaluate="true"/>
<EventCoding eventcode="190" />
<Text>Broken gold.</Text>
<Sentence category="T" date="20200102" id="R4" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="---REB" targetcode="SYR" />
</Sentences>
"#;

    #[test]
    fn records_that_are_not_sentences_are_left_out() {
        let text = "<Sentence date=\"19950101\" id=\"A\" category=\"DEMO\" sentence=\"true\">\n\
                    <EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n\
                    <Text>\nArnor restored ties with Gondor.\n</Text>\n</Sentence>\n\
                    <Sentence date=\"19950101\" id=\"B\" category=\"DEMO\" sentence=\"false\">\n\
                    <EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n\
                    <Text>\nArnor restored ties with Gondor.\n</Text>\n</Sentence>\n";
        let (records, problems) = read(text, "u.xml");
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["A"], "{problems:?}");
    }

    #[test]
    fn reads_leniently_and_reports_problems() {
        let (records, problems) = read(FIXTURE, "f.xml");
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["R1", "R2", "R3"]);
        assert_eq!(records[0].text, "France met Germany & friends.");
        assert_eq!(records[0].date.as_deref(), Some("2020-01-02"));
        assert_eq!(records[0].gold.len(), 2);
        assert_eq!(records[0].gold[0].target, "DEUGOV");
        assert!(records[1].gold.is_empty());
        assert_eq!(records[1].date, None);
        assert!(records[2].gold.is_empty());
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(said[0].starts_with("f.xml:15: sentence R2: date \"1201\""));
        assert!(said[1].starts_with("f.xml:20: sentence R3: <EventCoding> without"));
        assert!(said[2].starts_with("f.xml:22: sentence R4: no <Text>"));
        // Garbage never panics.
        let _ = read("<Sentence id=\"x\n<Text>\n<EventCoding eventcode=", "g");
    }

    /// Every truncation of the fixture (a file cut short) reads without a panic.
    #[test]
    fn truncated_input_never_panics() {
        for (k, _) in FIXTURE.char_indices() {
            let _ = read(&FIXTURE[..k], "cut");
        }
    }

    #[test]
    fn attributes() {
        assert_eq!(
            attribute(r#"<a id="x" valid="y"/>"#, "id").as_deref(),
            Some("x")
        );
        assert_eq!(attribute(r#"<a valid="y"/>"#, "id"), None);
        assert_eq!(
            attribute(r#"<a date = '2' />"#, "date").as_deref(),
            Some("2")
        );
    }

    #[test]
    fn scores_triples_with_reciprocals_and_roots() {
        let (records, _) = read(FIXTURE, "f.xml");
        let consult = event(
            EventType::Consult,
            "040",
            vec![actor(Some("FRA"), Some("GOV"))],
            vec![actor(Some("DEU"), Some("GOV"))],
        );
        let extra = event(
            EventType::Accuse,
            "111",
            vec![actor(Some("FRA"), None)],
            vec![],
        );
        let predicted = vec![vec![consult], vec![extra], vec![]];
        let s = score(&records, &predicted);
        // R1: both directions found (the reverse is the optional reciprocal).
        // R2: one extra triple on a no-event record. R3: nothing either way.
        assert_eq!(s.get("recall"), json!(1.0));
        assert_eq!(s.get("precision"), json!(0.6667));
        assert_eq!(s.get("records_passed"), json!(2));
        assert_eq!(s.get("extra_ratio"), json!(0.5));
        assert_eq!(s.get("incomplete_triples"), json!(1));
        assert_eq!(s.per_type.0["04"].tp, 2);
        assert_eq!(s.per_type.0["11"].fp, 1);
        assert_eq!(s.failures.len(), 1);
        assert!(s.failures[0].contains("EXTRA"));
    }

    /// A record with one gold triple.
    fn one_triple(code: &str, source: &str, target: &str) -> Record {
        Record {
            id: "r".into(),
            line: 1,
            category: "T".into(),
            date: None,
            text: "t".into(),
            gold: vec![GoldTriple {
                code: code.into(),
                source: source.into(),
                target: target.into(),
            }],
        }
    }

    #[test]
    fn root_matches_where_the_full_code_does_not() {
        let records = vec![one_triple("042", "USA", "CHN")];
        let e = event(
            EventType::Consult,
            "040",
            vec![actor(Some("USA"), Some("GOV"))],
            vec![actor(Some("CHN"), None)],
        );
        let s = score(&records, &[vec![e]]);
        assert_eq!(s.get("f1"), json!(0.0));
        assert_eq!(s.get("root_f1"), json!(1.0));
    }

    #[test]
    fn an_empty_side_matches_only_a_wholly_unknown_gold_side() {
        let record = |target: &str| one_triple("140", "RWALEG", target);
        let e = || {
            event(
                EventType::Protest,
                "140",
                vec![actor(Some("RWA"), Some("LEG"))],
                vec![],
            )
        };
        let s = score(&[record("---")], &[vec![e()]]);
        assert_eq!(s.get("f1"), json!(1.0));
        // a gold side with a sector names someone dyad did not find
        let s = score(&[record("---CVL")], &[vec![e()]]);
        assert_eq!(s.get("f1"), json!(0.0));
    }
}
