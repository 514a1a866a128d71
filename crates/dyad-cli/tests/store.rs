//! `dyad ingest`, `query`, `series`, `threats` and `store` on stores in
//! temporary directories.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{dyad, events, root};

const SANCTIONS: &str = r#"{"id":"later-sanctions","published":"2025-08-11","source":"Test Wire","text":"The United States imposed sweeping new sanctions on Russia on Monday, the Treasury Department said."}"#;
const HARVEST: &str = r#"{"id":"later-harvest","published":"2025-08-12","source":"Test Wire","text":"Farmers in the north reported a strong wheat harvest this summer, the agriculture ministry said."}"#;

struct Db {
    _dir: tempfile::TempDir,
    path: String,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db").display().to_string();
    Db { _dir: dir, path }
}

fn file(db: &Db, name: &str, text: &str) -> String {
    let p = std::path::Path::new(&db.path).with_file_name(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn count(db: &Db, extra: &[&str]) -> usize {
    let mut args = vec!["query", "--db", &db.path, "--count"];
    args.extend_from_slice(extra);
    let out = dyad(&args, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout.trim().parse().unwrap()
}

/// `dyad threats` on Russia as JSONL, with more arguments.
fn threats_on_russia(db: &Db, extra: &[&str]) -> crate::util::Output {
    let mut args = vec![
        "threats",
        "--db",
        &db.path,
        "--recipient",
        "RUS",
        "--format",
        "jsonl",
    ];
    args.extend_from_slice(extra);
    dyad(&args, None)
}

fn ingest(db: &Db, inputs: &[&str]) -> crate::util::Output {
    let mut args = vec!["ingest", "--db", &db.path];
    args.extend_from_slice(inputs);
    dyad(&args, None)
}

#[test]
fn ingesting_a_document_twice_adds_nothing() {
    let db = db();
    let out = ingest(&db, &["examples/witkoff-moscow.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("ingested 1 documents"),
        "{}",
        out.stderr
    );
    let n = count(&db, &[]);
    assert!(n >= 6, "{n}");
    let out = ingest(&db, &["examples/witkoff-moscow.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("(1 already stored"), "{}", out.stderr);
    assert_eq!(count(&db, &[]), n);
    let check = dyad(&["store", "check", "--db", &db.path], None);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stdout.contains(": ok, schema version 2, 1 documents"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_threat_is_pending_then_carried_out() {
    let db = db();
    ingest(&db, &["examples/witkoff-moscow.jsonl"]);
    let out = threats_on_russia(&db, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let t = events(&out.stdout);
    assert_eq!(t.len(), 1, "{}", out.stdout);
    assert_eq!(t[0]["status"], "pending");
    assert_eq!(t[0]["deadline"], "2025-08-08");
    assert_eq!(t[0]["threatened"], "sanctions");
    assert_eq!(t[0]["event"]["actors"][0]["name"], "Donald Trump");
    let later = file(&db, "later.jsonl", SANCTIONS);
    ingest(&db, &[&later]);
    let out = threats_on_russia(&db, &[]);
    let t = events(&out.stdout);
    assert_eq!(t[0]["status"], "carried_out", "{}", out.stdout);
    let evidence = t[0]["evidence"][0].as_str().unwrap();
    let sanction = dyad(&["query", "--db", &db.path, "--type", "SANCTION"], None);
    assert_eq!(events(&sanction.stdout)[0]["id"], evidence);
    // The table names the status and the deadline.
    let table = dyad(
        &["threats", "--db", &db.path, "--status", "carried_out"],
        None,
    );
    assert!(
        table
            .stdout
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("carried_out\t2025-08-08\t"),
        "{}",
        table.stdout
    );
}

#[test]
fn a_threat_with_nothing_done_by_its_deadline_lapses() {
    let db = db();
    let later = file(&db, "later.jsonl", HARVEST);
    ingest(&db, &["examples/witkoff-moscow.jsonl", &later]);
    let out = threats_on_russia(&db, &[]);
    let t = events(&out.stdout);
    assert_eq!(t[0]["status"], "lapsed", "{}", out.stdout);
    assert_eq!(t[0]["days_left"], -4);
    // Judged as of the day before the deadline, it is still pending.
    let out = threats_on_russia(&db, &["--as-of", "2025-08-07"]);
    assert_eq!(events(&out.stdout)[0]["status"], "pending");
}

#[test]
fn queries_filter_and_export_in_every_format() {
    let db = db();
    ingest(&db, &["examples"]);
    let all = count(&db, &[]);
    assert!(all > 20, "{all}");
    assert_eq!(count(&db, &["--type", "threaten", "--actor", "usa"]), 2);
    assert!(count(&db, &["--dyad", "USA,RUS"]) >= 2);
    assert_eq!(
        count(
            &db,
            &["--dyad", "RUS,USA", "--directed", "--type", "THREATEN"]
        ),
        0
    );
    assert_eq!(
        count(&db, &["--since", "2025-01-01"]),
        count(&db, &["--doc", "example-2025-08-06-witkoff-moscow"])
    );
    let out = dyad(
        &[
            "query", "--db", &db.path, "--format", "polecat", "--limit", "3",
        ],
        None,
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(
        lines[0].starts_with("Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code")
    );
    assert!(
        lines.iter().all(|l| l.split('\t').count() == 40),
        "{}",
        out.stdout
    );
    let out = dyad(
        &[
            "query", "--db", &db.path, "--format", "gdelt", "--type", "CONSULT",
        ],
        None,
    );
    assert!(out
        .stdout
        .starts_with("GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code"));
    let out = dyad(
        &[
            "query", "--db", &db.path, "--format", "plover", "--limit", "1",
        ],
        None,
    );
    let p = &events(&out.stdout)[0];
    assert!(
        p["event"][0].is_string() && p["actor"].is_array() && p["date"].is_string(),
        "{p}"
    );
    let out = dyad(
        &["query", "--db", &db.path, "--limit", "1", "--offset", "2"],
        None,
    );
    let e = &events(&out.stdout)[0];
    assert!(e["id"].as_str().unwrap().starts_with("ev-"));
    assert_eq!(
        e["num_mentions"].as_u64().unwrap() as usize,
        e["mention_links"].as_array().unwrap().len()
    );
    let out = dyad(
        &[
            "query", "--db", &db.path, "--format", "csv", "--type", "PROTEST",
        ],
        None,
    );
    assert!(
        out.stdout
            .starts_with("event_id,doc_id,sentence,date,event_type"),
        "{}",
        out.stdout
    );
}

#[test]
fn bad_arguments_and_missing_stores_are_clear_errors() {
    let db = db();
    let out = dyad(&["query", "--db", &db.path], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("no such file; create one with `dyad ingest`"),
        "{}",
        out.stderr
    );
    assert!(!std::path::Path::new(&db.path).exists());
    ingest(&db, &["examples/witkoff-moscow.jsonl"]);
    for (args, msg) in [
        (vec!["--type", "PARLEY"], "not a PLOVER event type"),
        (vec!["--quad", "5"], "not a quad class"),
        (vec!["--since", "last week"], "not a date"),
        (vec!["--dyad", "USA"], "give two actors"),
        (vec!["--directed"], "--directed needs --dyad"),
        (vec!["--modality", "maybe"], "is not one of asserted"),
    ] {
        let mut a = vec!["query", "--db", &db.path];
        a.extend(args);
        let out = dyad(&a, None);
        assert_eq!(out.code, 2, "{a:?}");
        assert!(out.stderr.contains(msg), "{a:?}: {}", out.stderr);
    }
    let text = file(&db, "notes.db", &"not a database, only words\n".repeat(200));
    let out = dyad(&["query", "--db", &text], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not a dyad store"), "{}", out.stderr);
}

#[test]
fn a_bad_line_is_reported_and_the_rest_stored() {
    let db = db();
    let input = file(
        &db,
        "in.jsonl",
        &format!("{SANCTIONS}\n{{broken\n{HARVEST}\n"),
    );
    let out = ingest(&db, &[&input]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("in.jsonl:2: malformed JSON document"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("ingested 2 documents"),
        "{}",
        out.stderr
    );
}

#[test]
fn series_counts_a_dyad_by_period_and_plots_it() {
    let db = db();
    ingest(&db, &["examples"]);
    let later = file(&db, "later.jsonl", SANCTIONS);
    ingest(&db, &[&later]);
    let plot = std::path::Path::new(&db.path).with_file_name("usa-rus.svg");
    let plot_s = plot.display().to_string();
    let out = dyad(
        &[
            "series", "--db", &db.path, "--dyad", "usa,rus", "--by", "week", "--plot", &plot_s,
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("period,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,mean_goldstein"));
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(lines[1].starts_with("2025-08-04,"), "{}", lines[1]);
    assert!(
        lines[2].starts_with("2025-08-11,1,0,0,0,1,"),
        "{}",
        lines[2]
    );
    assert!(std::fs::read_to_string(&plot).unwrap().starts_with("<svg"));
    let out = dyad(
        &[
            "series",
            "--db",
            &db.path,
            "--dyad",
            "USA,RUS",
            "--by",
            "month",
            "--direction",
            "backward",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["by"], "month");
    let out = dyad(
        &[
            "series",
            "--db",
            &db.path,
            "--dyad",
            "USA,RUS",
            "--by",
            "fortnight",
        ],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not a period"), "{}", out.stderr);
}

/// Documents of our own, each with an event, for the crash test.
fn many_documents(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "{{\"id\":\"doc-{i}\",\"published\":\"2025-08-{:02}\",\"text\":\"Police arrested {} protesters in the capital on Tuesday, the interior ministry of Kenya said in statement number {i}.\"}}\n",
            1 + i % 28,
            2 + i % 50
        ));
    }
    s
}

/// Documents in the crash test: enough that the ingest is still running
/// when a few batches are committed, few enough for a debug build.
const N: usize = 3000;

#[test]
fn a_killed_ingest_leaves_a_store_that_a_rerun_completes() {
    let db = db();
    let input = file(&db, "many.jsonl", &many_documents(N));
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "ingest",
            "--db",
            &db.path,
            "--batch",
            "20",
            "--threads",
            "1",
            &input,
        ])
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until a few batches are committed, then kill it (SIGKILL).
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let out = dyad(&["store", "check", "--db", &db.path], None);
        if out.code == 0
            && !out.stdout.contains(" 0 documents")
            && !out.stdout.contains(" 20 documents,")
        {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest finished before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no batch committed in 2 minutes"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let check = dyad(&["store", "check", "--db", &db.path], None);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let stored: usize = check
        .stdout
        .split(", ")
        .find_map(|p| p.strip_suffix(" documents"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(stored > 0 && stored < N, "{}", check.stdout);
    assert_eq!(
        stored % 20,
        0,
        "only whole batches are committed: {}",
        check.stdout
    );
    // The rerun skips what is stored and adds the rest.
    let out = ingest(&db, &["--batch", "500", &input]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "ingested {} documents ({stored} already stored",
            N - stored
        )),
        "{}",
        out.stderr
    );
    let check = dyad(&["store", "check", "--db", &db.path], None);
    assert!(
        check
            .stdout
            .contains(&format!(": ok, schema version 2, {N} documents")),
        "{}",
        check.stdout
    );
    // The same events as a store ingested in one go.
    let fresh = self::db();
    ingest(&fresh, &["--batch", "5000", &input]);
    assert_eq!(count(&db, &[]), count(&fresh, &[]));
    assert!(count(&db, &[]) > 0);
}
