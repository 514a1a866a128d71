//! Golden files: the full output on our own example articles, pinned.

use crate::util::{assert_golden, dyad, events};

const EXAMPLES: &[&str] = &[
    "witkoff-moscow",
    "capital-protests",
    "border-clashes",
    "aid-and-sanctions",
];

fn code(name: &str, format: &str) -> String {
    let path = format!("examples/{name}.jsonl");
    let out = dyad(&["code", "--format", format, &path], None);
    assert_eq!(out.code, 0, "dyad code {path}: {}", out.stderr);
    out.stdout
}

#[test]
fn examples_match_their_golden_files() {
    for name in EXAMPLES {
        assert_golden(
            &format!("testdata/golden/{name}.jsonl"),
            &code(name, "jsonl"),
        );
        assert_golden(
            &format!("testdata/golden/{name}.summary.tsv"),
            &code(name, "summary"),
        );
    }
}

/// The types each example must show, whatever else it codes.
#[test]
fn examples_cover_the_event_types() {
    let want: &[(&str, &[&str])] = &[
        (
            "witkoff-moscow",
            &["CONSULT", "THREATEN", "REJECT", "REQUEST"],
        ),
        ("capital-protests", &["PROTEST", "COERCE", "ACCUSE"]),
        ("border-clashes", &["ASSAULT", "ACCUSE", "MOBILIZE"]),
        (
            "aid-and-sanctions",
            &["AID", "SANCTION", "SUPPORT", "AGREE"],
        ),
    ];
    for (name, types) in want {
        let evs = events(&code(name, "jsonl"));
        for t in *types {
            assert!(
                evs.iter().any(|e| e["event_type"] == *t),
                "{name}: no {t} event"
            );
        }
    }
}

#[test]
fn the_envoy_example_is_coded_right() {
    let evs = events(&code("witkoff-moscow", "jsonl"));
    let consult = evs
        .iter()
        .find(|e| e["event_type"] == "CONSULT")
        .expect("a CONSULT event");
    assert_eq!(consult["actors"][0]["country"], "USA");
    assert_eq!(consult["recipients"][0]["country"], "RUS");
    assert_eq!(consult["date"], "2025-08-06");
    assert_eq!(consult["location"]["name"], "Moscow");
    assert_eq!(consult["attribution"]["name"], "Kremlin");
    let threat = evs
        .iter()
        .find(|e| e["event_type"] == "THREATEN")
        .expect("a THREATEN event");
    assert_eq!(threat["modality"], "conditional");
    assert_eq!(threat["deadline"], "2025-08-08");
    assert_eq!(threat["recipients"][0]["country"], "RUS");
    // Every event explains itself.
    for e in &evs {
        let rule = e["rule"].as_str().unwrap();
        assert!(
            rule.starts_with("triggers.tsv:") || rule.starts_with("cameo-verbs.tsv:"),
            "{rule}"
        );
        let text =
            std::fs::read_to_string(crate::util::root().join("examples/witkoff-moscow.jsonl"))
                .unwrap();
        let doc: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        let full = format!(
            "{}\n\n{}",
            doc["title"].as_str().unwrap(),
            doc["text"].as_str().unwrap()
        );
        let span = &e["trigger"]["span"];
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &full[a..b],
            e["trigger"]["text"].as_str().unwrap(),
            "trigger span points at its text"
        );
    }
}
