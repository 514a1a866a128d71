//! The PLOVER gold standard records (`PLOVER_GSR_CAMEO.txt`): the CAMEO
//! manual's example sentences coded to PLOVER 0.5b1, one event a record.
//!
//! The labels of 0.5b1 are mapped to the 16 types of PLOVER 0.8 that dyad
//! codes ([`map_label`]); the map is documented in `docs/eval.md`.

use std::collections::{BTreeMap, BTreeSet};

use dyad_model::{Event, EventType};
use serde_json::{json, Value};

use crate::eval::actors::ActorCode;
use crate::eval::matching::pair;
use crate::eval::metrics::{ratio, round4, Counts, PerType};
use crate::eval::{counts, describe, Problem, Scored};

/// One gold record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    /// Line of the record's id in the file.
    pub line: usize,
    pub text: String,
    /// The label as written (PLOVER 0.5b1: `DEMAND`, `FIGHT`, …).
    pub label: String,
    /// The PLOVER 0.8 type it maps to.
    pub event: EventType,
    /// The mode the mapping implies (`investigate` for INVESTIGATE).
    pub mode: Option<String>,
    pub sources: Vec<ActorCode>,
    pub targets: Vec<ActorCode>,
    /// Marked `SRC/TAR:`: the sources act on each other.
    pub reciprocal: bool,
}

/// PLOVER 0.5b1 (and 0.8) labels to a PLOVER 0.8 type and mode.
pub fn map_label(label: &str) -> Option<(EventType, Option<&'static str>)> {
    let up = label.trim().to_ascii_uppercase();
    let mapped = match up.as_str() {
        "DEMAND" => (EventType::Request, None),
        "DISAPPROVE" => (EventType::Accuse, None),
        "INVESTIGATE" => (EventType::Accuse, Some("investigate")),
        "FIGHT" => (EventType::Assault, None),
        _ => (up.parse::<EventType>().ok()?, None),
    };
    Some(mapped)
}

fn line_of(raw: &str, id: &str) -> usize {
    raw.find(&format!("\"{id}\""))
        .map_or(0, |k| raw[..k].matches('\n').count() + 1)
}

fn actors(
    v: Option<&Value>,
    side: &str,
    place: &dyn Fn() -> String,
    problems: &mut Vec<Problem>,
) -> Vec<ActorCode> {
    let bad = |problems: &mut Vec<Problem>, what: String| {
        problems.push(Problem {
            place: place(),
            reason: what,
        })
    };
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) if s.is_empty() => Vec::new(),
        Some(Value::Array(xs)) => xs
            .iter()
            .filter_map(|a| {
                let code = a.get("code").and_then(Value::as_str);
                let sector = a.get("sector").and_then(Value::as_str);
                match code {
                    Some(c) if !c.trim().is_empty() => Some(ActorCode::from_parts(c, sector)),
                    _ => {
                        bad(
                            problems,
                            format!("a {side} actor without a code: {a}; ignored"),
                        );
                        None
                    }
                }
            })
            .collect(),
        Some(other) => {
            bad(
                problems,
                format!("{side} is {other}, not a list of actors; ignored"),
            );
            Vec::new()
        }
    }
}

/// Reads the records (the `DOCUMENT` record is skipped); a record without
/// text or with an unknown label is reported and left out.
pub fn read(raw: &str, file: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut problems = Vec::new();
    let all: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            problems.push(Problem::at(file, e.line(), format!("not JSON: {e}")));
            return (Vec::new(), problems);
        }
    };
    let Some(items) = all.as_array() else {
        problems.push(Problem::at(file, 1, "not a JSON array of records"));
        return (Vec::new(), problems);
    };
    let mut records = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(|| format!("record {k}"), str::to_string);
        let line = line_of(raw, &id);
        let place = || format!("{file}:{line}: {id}");
        let label = item.get("event").and_then(Value::as_str).unwrap_or("");
        if label == "DOCUMENT" {
            continue;
        }
        let Some((event, mode)) = map_label(label) else {
            problems.push(Problem {
                place: place(),
                reason: format!("unknown event label {label:?}; skipped"),
            });
            continue;
        };
        let text = item
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        if text.is_empty() {
            problems.push(Problem {
                place: place(),
                reason: "no text; skipped".into(),
            });
            continue;
        }
        let sources = actors(item.get("source"), "source", &place, &mut problems);
        let targets = actors(item.get("target"), "target", &place, &mut problems);
        let reciprocal = item
            .pointer("/textInfo/markup")
            .and_then(Value::as_str)
            .is_some_and(|m| m.contains("SRC/TAR"));
        records.push(Record {
            id,
            line,
            text: text.to_string(),
            label: label.to_string(),
            event,
            mode: mode.map(str::to_string),
            sources,
            targets,
            reciprocal,
        });
    }
    (records, problems)
}

/// A gold or predicted dyad: who acted on whom, countries only.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Dyad {
    event: EventType,
    source: Option<ActorCode>,
    target: Option<ActorCode>,
    optional: bool,
}

fn who_only(a: &ActorCode) -> ActorCode {
    ActorCode {
        who: a.who.clone(),
        sectors: Vec::new(),
    }
}

fn gold_dyads(r: &Record) -> Vec<Dyad> {
    let one = |s: Option<&ActorCode>, t: Option<&ActorCode>| Dyad {
        event: r.event,
        source: s.map(who_only),
        target: t.map(who_only),
        optional: false,
    };
    if r.reciprocal && r.targets.is_empty() && r.sources.len() >= 2 {
        let mut out = Vec::new();
        for (i, s) in r.sources.iter().enumerate() {
            for (j, t) in r.sources.iter().enumerate() {
                if i != j {
                    out.push(one(Some(s), Some(t)));
                }
            }
        }
        return out;
    }
    let sources: Vec<Option<&ActorCode>> = if r.sources.is_empty() {
        vec![None]
    } else {
        r.sources.iter().map(Some).collect()
    };
    let targets: Vec<Option<&ActorCode>> = if r.targets.is_empty() {
        vec![None]
    } else {
        r.targets.iter().map(Some).collect()
    };
    let mut out = Vec::new();
    for s in &sources {
        for t in &targets {
            let d = one(*s, *t);
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

fn predicted_dyads(events: &[Event]) -> Vec<Dyad> {
    let mut out: Vec<Dyad> = Vec::new();
    let side = |xs: &[dyad_model::ActorRef]| -> Vec<Option<ActorCode>> {
        if xs.is_empty() {
            vec![None]
        } else {
            xs.iter()
                .map(|a| Some(who_only(&ActorCode::of(a))))
                .collect()
        }
    };
    for e in events.iter().filter(|e| counts(e)) {
        for s in side(&e.actors) {
            for t in side(&e.recipients) {
                let mut ds = vec![Dyad {
                    event: e.event_type,
                    source: s.clone(),
                    target: t.clone(),
                    optional: false,
                }];
                if e.event_type.is_reciprocal_capable() && s.is_some() && t.is_some() {
                    ds.push(Dyad {
                        event: e.event_type,
                        source: t.clone(),
                        target: s.clone(),
                        optional: true,
                    });
                }
                for d in ds {
                    match out.iter_mut().find(|o| {
                        o.event == d.event && o.source == d.source && o.target == d.target
                    }) {
                        Some(o) => o.optional &= d.optional,
                        None => out.push(d),
                    }
                }
            }
        }
    }
    out.sort_by_key(|d| d.optional);
    out
}

/// A gold side admits a predicted one: a side the gold does not give (or
/// gives without a country) admits anything; else the prediction must name
/// the same country or organisation.
fn side_fits(gold: &Option<ActorCode>, pred: &Option<ActorCode>) -> bool {
    match (gold, pred) {
        (None, _) => true,
        (Some(g), Some(p)) => g.admits(p, false),
        (Some(_), None) => false,
    }
}

/// Scores the records against dyad's events (`predicted[k]` for `records[k]`).
pub fn score(records: &[Record], predicted: &[Vec<Event>]) -> Scored {
    let mut types = Counts::default();
    let mut dyads = Counts::default();
    let mut per_type = PerType::default();
    let mut found = 0;
    let mut passed = 0;
    let mut per_label: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let empty = Vec::new();
    for (k, r) in records.iter().enumerate() {
        let events = predicted.get(k).unwrap_or(&empty);
        let kinds: BTreeSet<EventType> = events
            .iter()
            .filter(|e| counts(e))
            .map(|e| e.event_type)
            .collect();
        let hit = kinds.contains(&r.event);
        let label = per_label.entry(r.label.as_str()).or_default();
        label.0 += 1;
        if hit {
            found += 1;
            label.1 += 1;
            types.tp += 1;
            per_type.entry(r.event.as_str()).tp += 1;
        } else {
            types.fn_ += 1;
            per_type.entry(r.event.as_str()).fn_ += 1;
        }
        for t in kinds.iter().filter(|t| **t != r.event) {
            types.fp += 1;
            per_type.entry(t.as_str()).fp += 1;
        }
        let gold = gold_dyads(r);
        let pred = predicted_dyads(events);
        let optional: Vec<bool> = pred.iter().map(|d| d.optional).collect();
        let m = pair(gold.len(), pred.len(), &optional, |g, p| {
            gold[g].event == pred[p].event
                && side_fits(&gold[g].source, &pred[p].source)
                && side_fits(&gold[g].target, &pred[p].target)
        });
        dyads.add(Counts {
            tp: m.matched(),
            fp: m.extra(&optional),
            fn_: m.missed(),
        });
        if m.missed() == 0 && m.extra(&optional) == 0 {
            passed += 1;
        } else {
            let sides = |xs: &[ActorCode]| -> String {
                let codes: Vec<String> = xs.iter().map(ActorCode::to_string).collect();
                if codes.is_empty() {
                    "-".into()
                } else {
                    codes.join("+")
                }
            };
            let mut s = format!(
                "{} (line {}): {}\n  gold: {} ({}) {}→{}{}\n",
                r.id,
                r.line,
                r.text,
                r.event,
                r.label,
                sides(&r.sources),
                sides(&r.targets),
                if hit { "  type found" } else { "  type MISSED" }
            );
            for e in events {
                s.push_str(&format!("  dyad: {}\n", describe(e)));
            }
            failures.push(s);
        }
    }
    let labels: serde_json::Map<String, Value> = per_label
        .into_iter()
        .map(|(l, (n, hit))| {
            (
                l.to_string(),
                json!({"records": n, "type_found": hit, "recall": round4(ratio(hit, n))}),
            )
        })
        .collect();
    Scored {
        scores: vec![
            ("records", json!(records.len())),
            ("records_passed", json!(passed)),
            ("gold_events", json!(records.len())),
            ("type_accuracy", json!(round4(ratio(found, records.len())))),
            ("type_precision", json!(round4(types.precision()))),
            ("type_recall", json!(round4(types.recall()))),
            ("type_f1", json!(round4(types.f1()))),
            ("precision", json!(round4(dyads.precision()))),
            ("recall", json!(round4(dyads.recall()))),
            ("f1", json!(round4(dyads.f1()))),
            ("extra_ratio", json!(round4(ratio(types.fp, records.len())))),
        ],
        per_type,
        tables: vec![("per_gold_label", Value::Object(labels))],
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::testing::{actor, event};

    const FIXTURE: &str = r#"[
{"id": "DOC", "event": "DOCUMENT"},
{"id": "A-1", "event": "DEMAND", "text": "Canada demanded that Peru act.",
 "source": [{"actorText": "Canada", "code": "CAN", "sector": "GOV"}],
 "target": [{"actorText": "Peru", "code": "PER"}]},
{"id": "A-2", "event": "AGREE", "text": "Chile and Peru agreed.",
 "source": [{"code": "CHL"}, {"code": "PER"}], "target": "",
 "textInfo": {"markup": "(SRC/TAR: Chile) and (SRC/TAR: Peru) (EVT: agreed)."}},
{"id": "A-3", "event": "WOBBLE", "text": "x"},
{"id": "A-4", "event": "FIGHT", "text": "Rebels fought the UN.",
 "source": [{"code": "---", "sector": "REB"}], "target": "troops"}
]"#;

    #[test]
    fn reads_and_maps_labels() {
        let (records, problems) = read(FIXTURE, "g.json");
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["A-1", "A-2", "A-4"]);
        assert_eq!(records[0].event, EventType::Request);
        assert_eq!(records[0].line, 3);
        assert!(records[1].reciprocal && records[1].targets.is_empty());
        assert_eq!(records[2].event, EventType::Assault);
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].starts_with("g.json:9: A-3: unknown event label"));
        assert!(said[1].contains("target is \"troops\""));
        assert_eq!(
            map_label("INVESTIGATE"),
            Some((EventType::Accuse, Some("investigate")))
        );
        let (r, p) = read("{", "bad.json");
        assert!(r.is_empty() && p.len() == 1);
    }

    /// Every truncation of the fixture (a file cut short) reads without a panic.
    #[test]
    fn truncated_input_never_panics() {
        for (k, _) in FIXTURE.char_indices() {
            let _ = read(&FIXTURE[..k], "cut");
        }
    }

    #[test]
    fn scores_types_and_dyads() {
        let (records, _) = read(FIXTURE, "g.json");
        let request = event(
            EventType::Request,
            "10",
            vec![actor(Some("CAN"), Some("GOV"))],
            vec![actor(Some("PER"), Some("GOV"))],
        );
        let accuse = event(
            EventType::Accuse,
            "111",
            vec![actor(Some("CAN"), None)],
            vec![],
        );
        let agree = event(
            EventType::Agree,
            "030",
            vec![actor(Some("CHL"), None)],
            vec![actor(Some("PER"), None)],
        );
        let predicted = vec![vec![request, accuse], vec![agree], vec![]];
        let s = score(&records, &predicted);
        assert_eq!(s.get("type_accuracy"), json!(0.6667));
        assert_eq!(s.get("type_precision"), json!(0.6667));
        assert_eq!(s.get("extra_ratio"), json!(0.3333));
        // Dyads: CAN→PER found, CHL↔PER found both ways, the rebels missed,
        // the accusation extra.
        assert_eq!(s.get("recall"), json!(0.75));
        assert_eq!(s.get("precision"), json!(0.75));
        assert_eq!(s.get("records_passed"), json!(1));
        assert_eq!(s.per_type.0["ACCUSE"].fp, 1);
        assert_eq!(s.per_type.0["ASSAULT"].fn_, 1);
    }
}
