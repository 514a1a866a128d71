//! The command line: inputs, formats, errors and exit codes.

use crate::util::{dyad, events};

const GOOD: &str = r#"{"id":"d1","title":"Russia and Ukraine hold talks","text":"Russian troops attacked Ukrainian positions on Monday.","published":"2024-05-08"}"#;
const GOOD2: &str = r#"{"id":"d3","text":"Thousands of protesters rallied in Paris on Sunday.","published":"2024-05-06","lang":"en"}"#;

fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn a_malformed_line_is_reported_and_the_rest_coded() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{GOOD}\n{{\"id\": \"d2\", \"text\": oops}}\n{GOOD2}\n");
    let path = temp_file(&dir, "in.jsonl", input.as_bytes());
    let out = dyad(&["code", &path], None);
    assert_eq!(out.code, 1, "bad input means exit status 1");
    assert!(
        out.stderr
            .contains(&format!("{path}:2: malformed JSON document")),
        "{}",
        out.stderr
    );
    let docs: Vec<_> = events(&out.stdout)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert!(docs.contains(&"d1".to_string()), "{docs:?}");
    assert!(docs.contains(&"d3".to_string()), "{docs:?}");
}

#[test]
fn bad_files_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let empty = temp_file(&dir, "empty.jsonl", b"");
    let binary = temp_file(&dir, "bin.txt", b"\x00\x01\x02abc");
    let latin1 = temp_file(&dir, "latin1.txt", b"Caf\xe9 talks.");
    let no_text = temp_file(&dir, "notext.jsonl", br#"{"id":"x","title":""}"#);
    let missing = dir.path().join("missing.jsonl").display().to_string();
    for (path, want) in [
        (&empty, "empty input"),
        (&binary, "binary file"),
        (&latin1, "not UTF-8 text"),
        (&no_text, "document has no text"),
        (&missing, "No such file"),
    ] {
        let out = dyad(&["code", path], None);
        assert_eq!(out.code, 1, "{path}: {}", out.stderr);
        assert!(
            out.stderr.contains(want),
            "{path}: expected {want:?} in {:?}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_bad_argument_is_a_fatal_error() {
    let out = dyad(&["code", "--published", "last week"], Some("text"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not a date"), "{}", out.stderr);
}

#[test]
fn plain_text_from_stdin_uses_the_published_date() {
    let out = dyad(
        &["code", "--published", "2025-08-06"],
        Some("Russian President Vladimir Putin met with Chinese President Xi Jinping on Monday."),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let evs = events(&out.stdout);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(evs[0]["event_type"], "CONSULT");
    assert_eq!(evs[0]["date"], "2025-08-04");
    assert_eq!(evs[0]["date_text"], "on Monday");
    assert_eq!(evs[0]["actors"][0]["cameo"], "RUSGOV");
    assert_eq!(evs[0]["recipients"][0]["cameo"], "CHNGOV");
}

#[test]
fn csv_has_one_row_per_dyad_and_stable_columns() {
    let out = dyad(
        &["code", "--format", "csv", "--published", "2024-11-15"],
        Some("Ethiopia and Eritrea signed a border agreement with Sudan."),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut lines = out.stdout.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("event_id,doc_id,sentence,date,event_type,mode,cameo,goldstein,intensity,quad,modality,deadline,source_text"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].contains(",ETH,") && rows[0].contains(",SDN,"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains(",ERI,") && rows[1].contains(",SDN,"),
        "{}",
        rows[1]
    );
}

#[test]
fn output_does_not_depend_on_threads_and_ids_are_stable() {
    let input: String = (0..40)
        .map(|i| format!("{{\"id\":\"doc{i}\",\"text\":\"Police arrested {i} protesters in Nairobi on Tuesday. Kenya condemned the attack.\",\"published\":\"2024-06-26\"}}\n"))
        .collect();
    let one = dyad(&["code", "--threads", "1"], Some(&input));
    let four = dyad(&["code", "--threads", "4"], Some(&input));
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
    let again = dyad(&["code", "--threads", "2"], Some(&input));
    assert_eq!(one.stdout, again.stdout);
}

#[test]
fn unknown_fields_pass_through_the_reader() {
    // The document's extra field does not break reading; the title is coded.
    let out = dyad(&["code"], Some(GOOD2));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let evs = events(&out.stdout);
    assert!(evs.iter().any(|e| e["event_type"] == "PROTEST"), "{evs:?}");
    let out = dyad(&["code"], Some(GOOD));
    let evs = events(&out.stdout);
    assert!(evs.iter().any(|e| e["event_type"] == "ASSAULT"), "{evs:?}");
}

#[test]
fn a_directory_is_read_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    temp_file(&dir, "b.jsonl", GOOD.as_bytes());
    temp_file(&dir, "a.jsonl", GOOD2.as_bytes());
    temp_file(&dir, "notes.md", b"not read");
    let out = dyad(&["code", &dir.path().display().to_string()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let docs: Vec<String> = events(&out.stdout)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs.first().map(String::as_str), Some("d3"));
    assert_eq!(docs.last().map(String::as_str), Some("d1"));
}

#[test]
fn roles_hold_on_the_documents_date() {
    // The same sentence about Donald Trump in three years; with his title
    // the text says he is president ("President Trump" in 2022 tells of
    // his term), unless it says "former".
    let sentence = "Donald Trump met Chinese President Xi Jinping in Beijing.";
    let titled = "President Trump met Chinese President Xi Jinping in Beijing.";
    let former = "Former President Trump met Chinese President Xi Jinping in Beijing.";
    for (text, date, sector) in [
        (sentence, "2018-05-01", "GOV"),
        (sentence, "2022-05-01", "ELI"),
        (sentence, "2025-08-06", "GOV"),
        (titled, "2022-05-01", "GOV"),
        (former, "2022-05-01", "ELI"),
    ] {
        let out = dyad(&["code", "--published", date], Some(text));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let evs = events(&out.stdout);
        let trump = &evs[0]["actors"][0];
        assert_eq!(trump["kb_id"], "donald-trump", "{date}");
        assert_eq!(trump["country"], "USA", "{date}");
        assert_eq!(trump["sector"], sector, "{date}");
        assert_eq!(trump["cameo"], format!("USA{sector}"), "{date}");
    }
}

#[test]
fn the_subject_of_a_get_passive_is_no_attacker() {
    // "people … getting killed": the people are killed, they kill no one
    let out = dyad(
        &["code", "--published", "2025-08-06"],
        Some("Trump said, “Get a deal where people stop getting killed.”"),
    );
    for e in events(&out.stdout) {
        for a in e["actors"].as_array().unwrap() {
            assert_ne!(a["text"], "people", "{e}");
        }
    }
    let out = dyad(
        &["code", "--published", "2025-08-06"],
        Some("Two soldiers got killed by rebels near the border."),
    );
    let evs = events(&out.stdout);
    assert!(
        evs.iter().all(|e| e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["text"] != "Two soldiers" && a["text"] != "soldiers")),
        "{evs:?}"
    );
}

#[test]
fn explain_reads_a_headline_in_capitals_and_shows_what_the_parser_read() {
    let out = dyad(
        &[
            "explain",
            "Nothing else happened.",
            "--title",
            "CHILE CONDEMNS PERU OVER FISHING CURBS",
            "--date",
            "2025-08-06",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // the title as the coder read it, the verb as the parser read it, and
    // the event with the title's own words
    assert!(
        out.stdout
            .contains("sentence 0: Chile Condemns Peru Over Fishing Curbs"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(" condemns "), "{}", out.stdout);
    assert!(
        out.stdout.contains("\"trigger\":{\"text\":\"CONDEMNS\""),
        "{}",
        out.stdout
    );
}

#[test]
fn a_public_statement_is_not_coded_and_explain_says_which_row_stopped_it() {
    let text = "Malawi's education ministry refused to comment on the report.";
    let out = dyad(&["code", "--published", "2025-08-06"], Some(text));
    assert!(events(&out.stdout).is_empty(), "{}", out.stdout);
    let out = dyad(&["explain", text, "--date", "2025-08-06"], None);
    assert!(
        out.stdout.contains("`refused to comment`: not coded") && out.stdout.contains("CAMEO 011"),
        "{}",
        out.stdout
    );
}

#[test]
fn explain_into_a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    // Far more output than a pipe holds (64 KiB), so that writing fails.
    let text =
        "Russia and Ukraine held talks in Istanbul. Both sides agreed to exchange prisoners. "
            .repeat(200);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["explain", &text, "--date", "2025-08-06"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe, as `| head -1` does.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("sentence 0:"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

/// A TimeML document written for this test: two timexes in the text, one
/// creation time.
const TIMEML: &str = r#"<?xml version="1.0" ?><TimeML>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2025-08-06">August 6, 2025</TIMEX3></DCT>
<TEXT>
The envoy met the president on <TIMEX3 tid="t1" type="DATE" value="2025-08-06">Wednesday</TIMEX3>, after <TIMEX3 tid="t2" type="DURATION" value="P3Y6M">almost three and a half years</TIMEX3> of war.
</TEXT>
</TimeML>"#;

#[test]
fn eval_time_scores_timeml_and_holds_floors() {
    let dir = tempfile::tempdir().unwrap();
    let gold = temp_file(&dir, "doc.tml", TIMEML.as_bytes());
    let out = dyad(&["eval", "time", "--gold", &gold, "--json"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(v["gold_timexes"], 2);
    assert_eq!(v["value_f1"], 1.0, "{v}");
    assert_eq!(v["extent_f1_strict"], 1.0, "{v}");
    // A floor above the score fails with status 1; an unknown score is fatal.
    let out = dyad(
        &[
            "eval",
            "time",
            "--gold",
            &gold,
            "--json",
            "--floor",
            "value_f1=1.5",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("value_f1 is 1, below its floor 1.5"),
        "{}",
        out.stderr
    );
    let out = dyad(
        &["eval", "time", "--gold", &gold, "--floor", "nope=1"],
        None,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    // A file that is no gold set is a clear error, not a panic.
    let bad = temp_file(&dir, "notes.txt", b"no markup here");
    let out = dyad(&["eval", "time", "--gold", &bad], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no <TEXT> element"), "{}", out.stderr);
    assert!(out.stderr.contains("could be read"), "{}", out.stderr);
    let empty = tempfile::tempdir().unwrap();
    let out = dyad(
        &[
            "eval",
            "time",
            "--gold",
            &empty.path().display().to_string(),
        ],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no TimeML (.tml) or CAT (.xml) files"),
        "{}",
        out.stderr
    );
}
