//! IndiaPoliceEvents (`sents.jsonl.gz`, `metadata.jsonl.gz`): every sentence
//! of 1,257 Times of India articles labelled with what the police did —
//! `KILL`, `ARREST`, `FAIL` (to act), `FORCE`, `ANY_ACTION`.
//!
//! dyad's events map to the labels by [`labels_of`]: only events whose
//! actor is the police count (sector `COP`); a table without that
//! requirement is reported alongside. `FAIL` has no PLOVER counterpart.

use std::collections::{BTreeMap, BTreeSet};

use dyad_model::{ActorRef, Event, EventType};
use serde_json::{json, Value};

use crate::eval::metrics::{ratio, round4, Counts, PerType};
use crate::eval::{counts, describe, Problem, Scored};

/// The labels of the data set.
pub const LABELS: [&str; 5] = ["ANY_ACTION", "ARREST", "FAIL", "FORCE", "KILL"];

/// The labels dyad's events can give.
pub const MAPPED: [&str; 4] = ["ANY_ACTION", "ARREST", "FORCE", "KILL"];

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub doc_id: String,
    pub sent_id: String,
    /// Line in the sentence file.
    pub line: usize,
    pub text: String,
    /// The article's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub labels: BTreeSet<&'static str>,
}

fn id_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads the sentences and the articles' dates (JSON lines, already
/// decompressed).
pub fn read(
    sents: &str,
    sents_file: &str,
    metadata: &str,
    metadata_file: &str,
) -> (Vec<Record>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut dates: BTreeMap<String, String> = BTreeMap::new();
    for (k, line) in metadata.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => {
                let date = v
                    .get("date")
                    .and_then(Value::as_str)
                    .and_then(|d| d.get(..10));
                if let (Some(id), Some(d)) = (id_text(v.get("doc_id")), date) {
                    dates.insert(id, d.to_string());
                }
            }
            Err(e) => problems.push(Problem::at(metadata_file, k + 1, format!("not JSON: {e}"))),
        }
    }
    let mut records = Vec::new();
    for (k, line) in sents.lines().enumerate() {
        let line_no = k + 1;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(Problem::at(sents_file, line_no, format!("not JSON: {e}")));
                continue;
            }
        };
        let (Some(doc_id), Some(text)) = (
            id_text(v.get("doc_id")),
            v.get("sent_text").and_then(Value::as_str),
        ) else {
            problems.push(Problem::at(
                sents_file,
                line_no,
                "no doc_id or sent_text; skipped",
            ));
            continue;
        };
        let mut labels = BTreeSet::new();
        for l in v
            .get("sent_labels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match LABELS.iter().find(|x| Some(**x) == l.as_str()) {
                Some(x) => {
                    labels.insert(*x);
                }
                None => problems.push(Problem::at(
                    sents_file,
                    line_no,
                    format!("unknown label {l}; ignored"),
                )),
            }
        }
        records.push(Record {
            date: dates.get(&doc_id).cloned(),
            doc_id,
            sent_id: id_text(v.get("sent_id")).unwrap_or_default(),
            line: line_no,
            text: text.to_string(),
            labels,
        });
    }
    (records, problems)
}

fn is_police(a: &ActorRef) -> bool {
    a.sector.as_deref() == Some("COP") || a.cameo.as_deref().is_some_and(|c| c.contains("COP"))
}

fn kills(e: &Event) -> bool {
    let cameo = e.cameo.as_deref().unwrap_or("");
    let trigger = e.trigger.text.to_lowercase();
    matches!(cameo, "1823" | "186" | "20" | "200" | "202")
        || matches!(e.mode.as_deref(), Some("assassinate" | "massacre"))
        || trigger.contains("kill")
        || trigger.contains("dead")
}

/// The labels an event list gives: ANY_ACTION for any event, ARREST for a
/// COERCE arrest, FORCE for an ASSAULT (CAMEO 18–20, including violent
/// repression 175), KILL for an ASSAULT that kills. With `police`, only
/// events with a police actor count.
pub fn labels_of(events: &[Event], police: bool) -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for e in events.iter().filter(|e| counts(e)) {
        if police && !e.actors.iter().any(is_police) {
            continue;
        }
        out.insert("ANY_ACTION");
        match e.event_type {
            EventType::Coerce
                if e.mode.as_deref() == Some("arrest")
                    || e.cameo.as_deref().is_some_and(|c| c.starts_with("173")) =>
            {
                out.insert("ARREST");
            }
            EventType::Assault => {
                out.insert("FORCE");
                if kills(e) {
                    out.insert("KILL");
                }
            }
            _ => {}
        }
    }
    out
}

fn tally(records: &[Record], predicted: &[Vec<Event>], police: bool) -> PerType {
    let mut t = PerType::default();
    let empty = Vec::new();
    for (k, r) in records.iter().enumerate() {
        let got = labels_of(predicted.get(k).unwrap_or(&empty), police);
        for l in LABELS {
            let c = t.entry(l);
            match (r.labels.contains(l), got.contains(l)) {
                (true, true) => c.tp += 1,
                (true, false) => c.fn_ += 1,
                (false, true) => c.fp += 1,
                (false, false) => {}
            }
        }
    }
    t
}

/// Scores the sentences against dyad's events (`predicted[k]` for `records[k]`).
pub fn score(records: &[Record], predicted: &[Vec<Event>]) -> Scored {
    let per_type = tally(records, predicted, true);
    let any_actor = tally(records, predicted, false);
    let mut micro = Counts::default();
    for l in MAPPED {
        micro.add(per_type.0.get(l).copied().unwrap_or_default());
    }
    let (mut labelled, mut found, mut passed) = (0, 0, 0);
    let mut failures = Vec::new();
    let empty = Vec::new();
    for (k, r) in records.iter().enumerate() {
        let events = predicted.get(k).unwrap_or(&empty);
        let got = labels_of(events, true);
        let gold: BTreeSet<&str> = r
            .labels
            .iter()
            .copied()
            .filter(|l| MAPPED.contains(l))
            .collect();
        if !gold.is_empty() {
            labelled += 1;
            found += usize::from(gold.iter().any(|l| got.contains(l)));
        }
        if gold == got {
            passed += 1;
        } else {
            let mut s = format!(
                "doc {} sentence {} (line {}): {}\n  gold: {:?}  dyad: {:?}\n",
                r.doc_id,
                r.sent_id,
                r.line,
                r.text.trim(),
                gold,
                got
            );
            for e in events {
                s.push_str(&format!("  dyad: {}\n", describe(e)));
            }
            failures.push(s);
        }
    }
    let gold_pairs = micro.tp + micro.fn_;
    Scored {
        scores: vec![
            ("records", json!(records.len())),
            ("records_passed", json!(passed)),
            ("gold_events", json!(gold_pairs)),
            ("labelled_sentences", json!(labelled)),
            ("type_accuracy", json!(round4(ratio(found, labelled)))),
            ("precision", json!(round4(micro.precision()))),
            ("recall", json!(round4(micro.recall()))),
            ("f1", json!(round4(micro.f1()))),
            ("extra_ratio", json!(round4(ratio(micro.fp, gold_pairs)))),
        ],
        per_type,
        tables: vec![("per_label_any_actor", any_actor.to_json())],
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::testing::{actor, event};

    const SENTS: &str = r#"{"doc_id": 1, "sent_id": 0, "sent_labels": ["ANY_ACTION", "ARREST"], "sent_text": "police arrested two men."}
{"doc_id": 1, "sent_id": 1, "sent_labels": ["ANY_ACTION", "FORCE", "KILL"], "sent_text": "police firing killed one."}
{"doc_id": 2, "sent_id": 0, "sent_labels": [], "sent_text": "a mob attacked shops."}
not json
{"doc_id": 2, "sent_id": 1, "sent_labels": ["WAVE"], "sent_text": "x"}
"#;
    const META: &str = r#"{"doc_id": 1, "date": "2002-03-10", "url": "u"}"#;

    #[test]
    fn reads_and_reports() {
        let (records, problems) = read(SENTS, "s.jsonl", META, "m.jsonl");
        assert_eq!(records.len(), 4);
        assert_eq!(records[0].date.as_deref(), Some("2002-03-10"));
        assert_eq!(records[2].date, None);
        assert!(records[1].labels.contains("KILL"));
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].starts_with("s.jsonl:4: not JSON"));
        assert!(said[1].starts_with("s.jsonl:5: unknown label \"WAVE\""));
    }

    /// Every truncation of the files reads without a panic.
    #[test]
    fn truncated_input_never_panics() {
        for (k, _) in SENTS.char_indices() {
            let _ = read(&SENTS[..k], "s", &META[..k.min(META.len())], "m");
        }
    }

    #[test]
    fn police_events_give_labels() {
        let (records, _) = read(SENTS, "s.jsonl", META, "m.jsonl");
        let police = || vec![actor(Some("IND"), Some("COP"))];
        let mut arrest = event(EventType::Coerce, "173", police(), vec![]);
        arrest.mode = Some("arrest".into());
        let mut kill = event(EventType::Assault, "1823", police(), vec![]);
        kill.trigger.text = "killed".into();
        let mob = event(
            EventType::Assault,
            "190",
            vec![actor(None, Some("CVL"))],
            vec![],
        );
        let predicted = vec![vec![arrest], vec![kill], vec![mob], vec![]];
        let s = score(&records, &predicted);
        assert_eq!(s.get("recall"), json!(1.0));
        assert_eq!(s.get("precision"), json!(1.0));
        assert_eq!(s.get("records_passed"), json!(4));
        assert_eq!(s.per_type.0["KILL"].tp, 1);
        assert_eq!(s.per_type.0["FAIL"], Counts::default());
        // Without the police requirement the mob's attack is a false FORCE.
        assert_eq!(s.tables[0].1["FORCE"]["fp"], 1);
    }
}
