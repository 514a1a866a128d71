//! CASE 2021 shared task 2 (`test_set_final_release_with_labels.tsv`):
//! news snippets with one fine-grained, ACLED-style event label each.
//!
//! Labels map to the PLOVER types that would code them ([`plover_types`],
//! documented in `docs/eval.md`); a label without a PLOVER counterpart
//! (natural disasters, crime, …) is reported but not scored.

use std::collections::{BTreeMap, BTreeSet};

use dyad_model::{Event, EventType};
use serde_json::{json, Value};

use crate::eval::metrics::{ratio, round4, Counts, PerType};
use crate::eval::{counts, describe, Problem, Scored};

/// One snippet and its gold label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub line: usize,
    pub text: String,
    pub label: String,
}

/// The PLOVER types that code a CASE 2021 label, the usual one first; an
/// empty list for labels outside PLOVER. `None` for an unknown label.
pub fn plover_types(label: &str) -> Option<&'static [EventType]> {
    use EventType::*;
    let types: &'static [EventType] = match label {
        "ABDUCT_DISSAP" | "AIR_STRIKE" | "ARMED_CLASH" | "ART_MISS_ATTACK" | "ATTACK"
        | "CHEM_WEAP" | "GRENADE" | "REM_EXPLOS" | "SEX_VIOL" | "SUIC_BOMB" => &[Assault],
        "AGREEMENT" => &[Agree],
        "ARREST" | "DISR_WEAP" => &[Coerce],
        "FORCE_AGAINST_PROTEST" | "PROPERTY_DISTRUCT" => &[Assault, Coerce],
        "GOV_REGAINS_TERIT" | "NON_STATE_ACTOR_OVERTAKES_TER" => &[Coerce, Assault],
        "NON_VIOL_TERRIT_TRANSFER" => &[Retreat, Coerce],
        "MOB_VIOL" => &[Protest, Assault],
        "PEACE_PROTEST" | "PROTEST_WITH_INTER" | "VIOL_DEMONSTR" => &[Protest],
        // Diplomatic events: meetings, agreements, but also sanctions,
        // expelled diplomats and condemnations.
        "DIPLO" => &[
            Consult, Agree, Support, Cooperate, Aid, Concede, Retreat, Request, Accuse, Reject,
            Threaten, Sanction,
        ],
        "CHANGE_TO_GROUP_ACT"
        | "HQ_ESTABLISHED"
        | "OTHER"
        | "ORG_CRIME"
        | "NATURAL_DISASTER"
        | "MAN_MADE_DISASTER"
        | "ATTRIB" => &[],
        _ => return None,
    };
    Some(types)
}

/// Reads the TSV (`id`, `EventSnippet`, `SubType`, with a header line).
pub fn read(text: &str, file: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line_no = k + 1;
        if line.trim().is_empty() || (k == 0 && line.starts_with("id\t")) {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, snippet, label] = fields[..] else {
            problems.push(Problem::at(
                file,
                line_no,
                format!("{} fields, not 3; skipped", fields.len()),
            ));
            continue;
        };
        let label = label.trim();
        if plover_types(label).is_none() {
            problems.push(Problem::at(
                file,
                line_no,
                format!("unknown label {label:?}; skipped"),
            ));
            continue;
        }
        if snippet.trim().is_empty() {
            problems.push(Problem::at(file, line_no, "empty snippet; skipped"));
            continue;
        }
        records.push(Record {
            id: id.trim().to_string(),
            line: line_no,
            text: snippet.trim().to_string(),
            label: label.to_string(),
        });
    }
    (records, problems)
}

/// Scores the snippets against dyad's events (`predicted[k]` for `records[k]`).
pub fn score(records: &[Record], predicted: &[Vec<Event>]) -> Scored {
    let mut pairs = Counts::default();
    let mut per_type = PerType::default();
    let (mut scored, mut found, mut passed) = (0, 0, 0);
    let (mut unmapped, mut unmapped_with_events) = (0, 0);
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
        let expected = plover_types(&r.label).unwrap_or(&[]);
        let Some(usual) = expected.first() else {
            unmapped += 1;
            unmapped_with_events += usize::from(!kinds.is_empty());
            continue;
        };
        scored += 1;
        let hit = expected.iter().any(|t| kinds.contains(t));
        let label = per_label.entry(r.label.as_str()).or_default();
        label.0 += 1;
        if hit {
            found += 1;
            label.1 += 1;
            pairs.tp += 1;
            per_type.entry(usual.as_str()).tp += 1;
        } else {
            pairs.fn_ += 1;
            per_type.entry(usual.as_str()).fn_ += 1;
        }
        let mut extra = 0;
        for t in kinds.iter().filter(|t| !expected.contains(t)) {
            extra += 1;
            per_type.entry(t.as_str()).fp += 1;
        }
        pairs.fp += extra;
        if hit && extra == 0 {
            passed += 1;
        } else {
            let mut s = format!("{} (line {}) {}: {}\n", r.id, r.line, r.label, r.text);
            for e in events {
                s.push_str(&format!("  dyad: {}\n", describe(e)));
            }
            failures.push(s);
        }
    }
    let labels: serde_json::Map<String, Value> = per_label
        .into_iter()
        .map(|(l, (n, hit))| {
            let plover: Vec<&str> = plover_types(l).unwrap_or(&[]).iter().map(|t| t.as_str()).collect();
            (l.to_string(), json!({"plover": plover.join("|"), "records": n, "type_found": hit, "recall": round4(ratio(hit, n))}))
        })
        .collect();
    Scored {
        scores: vec![
            ("records", json!(records.len())),
            ("records_scored", json!(scored)),
            ("records_passed", json!(passed)),
            ("gold_events", json!(scored)),
            ("type_accuracy", json!(round4(ratio(found, scored)))),
            ("precision", json!(round4(pairs.precision()))),
            ("recall", json!(round4(pairs.recall()))),
            ("f1", json!(round4(pairs.f1()))),
            ("extra_ratio", json!(round4(ratio(pairs.fp, scored)))),
            ("unmapped_records", json!(unmapped)),
            ("unmapped_with_events", json!(unmapped_with_events)),
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

    const FIXTURE: &str = "id\tEventSnippet\tSubType\n\
        1\tTroops shelled a village.\tART_MISS_ATTACK\n\
        2\tPolice detained a man.\tARREST\n\
        3\tA flood hit the town.\tNATURAL_DISASTER\n\
        4\tbroken line\n\
        5\tSomething.\tNO_SUCH_LABEL\n";

    #[test]
    fn reads_and_reports() {
        let (records, problems) = read(FIXTURE, "c.tsv");
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].label, "ARREST");
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "c.tsv:5: 2 fields, not 3; skipped",
                "c.tsv:6: unknown label \"NO_SUCH_LABEL\"; skipped"
            ]
        );
    }

    /// Every truncation of the fixture (a file cut short) reads without a panic.
    #[test]
    fn truncated_input_never_panics() {
        for (k, _) in FIXTURE.char_indices() {
            let _ = read(&FIXTURE[..k], "cut");
        }
    }

    #[test]
    fn scores_mapped_labels_only() {
        let (records, _) = read(FIXTURE, "c.tsv");
        let shell = event(
            EventType::Assault,
            "194",
            vec![actor(Some("SYR"), Some("MIL"))],
            vec![],
        );
        let accuse = event(EventType::Accuse, "111", vec![], vec![]);
        let predicted = vec![vec![shell, accuse.clone()], vec![], vec![accuse]];
        let s = score(&records, &predicted);
        assert_eq!(s.get("records_scored"), json!(2));
        assert_eq!(s.get("type_accuracy"), json!(0.5));
        assert_eq!(s.get("precision"), json!(0.5));
        assert_eq!(s.get("extra_ratio"), json!(0.5));
        assert_eq!(s.get("unmapped_with_events"), json!(1));
        assert_eq!(s.get("records_passed"), json!(0));
        assert_eq!(s.per_type.0["COERCE"].fn_, 1);
    }
}
