//! Tests on data outside the repository (`../shared`): the seed article.
//! Built only with `--features shared-data`, as `.ci/run` does; the news text
//! stays out of the repository, only the coded summary is pinned.

use serde_json::Value;

use crate::util::{assert_golden, dyad, events, root};

fn seed() -> String {
    let path = root().join("../shared/seed/witkoff-putin.jsonl");
    assert!(
        path.exists(),
        "{} is missing: these tests need ../shared beside the checkout",
        path.display()
    );
    path.display().to_string()
}

fn countries(actors: &Value) -> Vec<&str> {
    actors
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["country"].as_str())
        .collect()
}

fn find<'a>(evs: &'a [Value], what: &str, pred: impl Fn(&Value) -> bool) -> &'a Value {
    evs.iter().find(|e| pred(e)).unwrap_or_else(|| {
        let all: Vec<String> = evs
            .iter()
            .map(|e| {
                format!(
                    "{} {:?} -> {:?}",
                    e["event_type"],
                    countries(&e["actors"]),
                    countries(&e["recipients"])
                )
            })
            .collect();
        panic!("no event for {what}; the events are:\n{}", all.join("\n"))
    })
}

#[test]
fn the_seed_article_gives_the_foundation_events() {
    let out = dyad(&["code", &seed()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let evs = events(&out.stdout);
    assert!(evs.len() <= 20, "{} events, at most 20 wanted", evs.len());
    let is = |e: &Value, t: &str, a: &[&str], r: &[&str]| {
        e["event_type"] == t
            && a.iter().all(|c| countries(&e["actors"]).contains(c))
            && r.iter().all(|c| countries(&e["recipients"]).contains(c))
    };
    let consult = find(&evs, "CONSULT USA (Witkoff) -> RUS (Putin)", |e| {
        is(e, "CONSULT", &["USA"], &["RUS"]) && e["recipients"][0]["name"] == "Vladimir Putin"
    });
    assert_eq!(consult["date"], "2025-08-06");
    assert_eq!(consult["actors"][0]["name"], "Steve Witkoff");
    assert_eq!(consult["attribution"]["name"], "Kremlin");
    let threat = find(&evs, "THREATEN USA -> RUS", |e| {
        is(e, "THREATEN", &["USA"], &["RUS"])
    });
    assert_eq!(threat["deadline"], "2025-08-08");
    assert_eq!(threat["modality"], "conditional");
    // A duration is never an event's date.
    for e in &evs {
        let text = e["date_text"].as_str().unwrap_or("");
        assert!(!text.contains("years"), "dated by a duration: {e}");
    }
    find(&evs, "THREATEN USA -> CHN, IND", |e| {
        is(e, "THREATEN", &["USA"], &["CHN", "IND"])
    });
    find(&evs, "REJECT by RUS", |e| is(e, "REJECT", &["RUS"], &[]));
    find(&evs, "REQUEST RUS -> UKR", |e| {
        is(e, "REQUEST", &["RUS"], &["UKR"])
    });
    find(&evs, "REQUEST by UKR", |e| is(e, "REQUEST", &["UKR"], &[]));
    find(&evs, "CONSULT between RUS and UKR", |e| {
        e["event_type"] == "CONSULT" && {
            let mut all = countries(&e["actors"]);
            all.extend(countries(&e["recipients"]));
            all.contains(&"RUS") && all.contains(&"UKR")
        }
    });
    let dmitriev = find(&evs, "CONSULT Witkoff -> Dmitriev", |e| {
        e["event_type"] == "CONSULT" && e["recipients"][0]["name"] == "Kirill Dmitriev"
    });
    assert_eq!(dmitriev["attribution"]["name"], "TASS");
}

/// Issue 6: the meeting happened in Moscow, the talks in Istanbul, with
/// the gazetteer's facts.
#[test]
fn the_seed_events_have_their_places() {
    let out = dyad(&["code", &seed()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let evs = events(&out.stdout);
    let consult = find(&evs, "CONSULT Witkoff -> Putin", |e| {
        e["event_type"] == "CONSULT" && e["recipients"][0]["name"] == "Vladimir Putin"
    });
    let moscow = &consult["location"];
    assert_eq!(moscow["name"], "Moscow", "{moscow}");
    assert_eq!(moscow["country"], "RUS");
    assert_eq!(moscow["geonames_id"], 524901);
    assert_eq!(moscow["feature"], "PPLC");
    assert!((moscow["lat"].as_f64().unwrap() - 55.75).abs() < 0.01);
    assert!((moscow["lon"].as_f64().unwrap() - 37.62).abs() < 0.01);
    let talks = find(&evs, "CONSULT between RUS and UKR", |e| {
        e["event_type"] == "CONSULT" && {
            let mut all = countries(&e["actors"]);
            all.extend(countries(&e["recipients"]));
            all.contains(&"RUS") && all.contains(&"UKR")
        }
    });
    let istanbul = &talks["location"];
    assert_eq!(istanbul["name"], "Istanbul", "{istanbul}");
    assert_eq!(istanbul["country"], "TUR");
    assert_eq!(istanbul["geonames_id"], 745044);
}

#[test]
fn the_seed_summary_is_pinned() {
    let out = dyad(&["code", "--format", "summary", &seed()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_golden("testdata/golden/seed.summary.tsv", &out.stdout);
}

/// Every actor of the seed resolves to the actor base with all its fields.
#[test]
fn the_seed_actors_resolve() {
    let out = dyad(&["code", &seed()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let evs = events(&out.stdout);
    let mut seen = std::collections::HashMap::new();
    for e in &evs {
        for a in e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(e["recipients"].as_array().unwrap())
        {
            for field in [
                "name", "country", "sector", "cameo", "kb_id", "text", "span",
            ] {
                assert!(a.get(field).is_some(), "actor {a} lacks {field}");
            }
            if let Some(name) = a["name"].as_str() {
                seen.insert(
                    name.to_string(),
                    (a["country"].clone(), a["sector"].clone()),
                );
            }
        }
    }
    for (name, country, sector) in [
        ("Steve Witkoff", "USA", "GOV"),
        ("Vladimir Putin", "RUS", "GOV"),
        ("Kirill Dmitriev", "RUS", "GOV"),
        ("Donald Trump", "USA", "GOV"),
        ("Volodymyr Zelenskyy", "UKR", "GOV"),
        ("China", "CHN", ""),
        ("India", "IND", ""),
    ] {
        let (c, s) = seen
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not an actor of the seed: {seen:?}"));
        assert_eq!(c, country, "{name}");
        if !sector.is_empty() {
            assert_eq!(s, sector, "{name}");
        }
    }
    // Metonyms and media: Moscow and the Kremlin are RUS GOV, Kyiv UKR GOV, TASS RUS MED.
    for (text, cameo) in [
        (
            "Moscow has insisted that Ukraine give up territory.",
            "RUSGOV",
        ),
        ("The Kremlin rejected the proposal.", "RUSGOV"),
        ("Kyiv is demanding an immediate ceasefire.", "UKRGOV"),
        ("TASS accused NATO of aggression.", "RUSMED"),
    ] {
        let out = dyad(&["code", "--published", "2025-08-06"], Some(text));
        let evs = events(&out.stdout);
        assert_eq!(
            evs.first().map(|e| e["actors"][0]["cameo"].clone()),
            Some(serde_json::json!(cameo)),
            "{text}"
        );
    }
    let out = dyad(
        &["code", "--published", "2025-08-06"],
        Some("TASS accused NATO of aggression."),
    );
    let evs = events(&out.stdout);
    assert_eq!(evs[0]["recipients"][0]["country"], "NATO");
}

/// PETRARCH's validation and Phoenix dictionaries import without error, and
/// the coder runs on the imported lexicon.
#[test]
fn the_petrarch_dictionaries_import_and_code() {
    let data = root().join("../shared/data/petrarch2");
    for files in [
        &["PETR.Validate.actors.txt", "PETR.Validate.agents.txt"][..],
        &[
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
            "Phoenix.agents.txt",
        ][..],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir(&input).unwrap();
        for f in files {
            std::fs::copy(data.join(f), input.join(f)).unwrap();
        }
        let out_dir = dir.path().join("lexicon");
        let (i, o) = (input.display().to_string(), out_dir.display().to_string());
        let out = dyad(&["lexicon", "import", "petrarch", &i, "--out", &o], None);
        assert_eq!(out.code, 0, "{files:?}: {}", out.stderr);
        assert!(out_dir.join("people.tsv").exists() || out_dir.join("organisations.tsv").exists());
        let out = dyad(
            &["code", "--lexicon", &o, "--published", "2014-01-01"],
            Some("Russian President Vladimir Putin met Barack Obama in Moscow."),
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        let evs = events(&out.stdout);
        let consult = find(&evs, "CONSULT", |e| e["event_type"] == "CONSULT");
        assert_eq!(consult["actors"][0]["country"], "RUS", "{files:?}");
    }
}

/// The store on the seed: ingesting it twice adds nothing; Trump's threat to
/// Russia is pending with its deadline, carried out by later sanctions,
/// lapsed when nothing happens by the deadline.
#[test]
fn the_seeds_threat_is_tracked_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seed.db").display().to_string();
    let seed = seed();
    let run = |args: &[&str]| {
        let out = dyad(args, None);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out.stdout
    };
    let count = |db: &str| run(&["query", "--db", db, "--count"]).trim().to_string();
    run(&["ingest", "--db", &db, &seed]);
    let n = count(&db);
    run(&["ingest", "--db", &db, &seed]);
    assert_eq!(count(&db), n, "ingesting the seed twice changed the store");
    let threat = |db: &str| {
        let t = events(&run(&[
            "threats",
            "--db",
            db,
            "--recipient",
            "RUS",
            "--format",
            "jsonl",
        ]));
        assert_eq!(t.len(), 1, "{t:?}");
        t[0].clone()
    };
    let t = threat(&db);
    assert_eq!(t["status"], "pending");
    assert_eq!(t["deadline"], "2025-08-08");
    assert_eq!(t["event"]["actors"][0]["name"], "Donald Trump");

    // A later article of ours: the US imposes sanctions on Russia.
    let later = dir.path().join("later.jsonl");
    std::fs::write(&later, r#"{"id":"test-sanctions","published":"2025-08-11","text":"The United States imposed sweeping new sanctions on Russia on Monday, the Treasury Department said."}"#).unwrap();
    let lapsed_db = dir.path().join("lapsed.db").display().to_string();
    run(&["ingest", "--db", &lapsed_db, &seed]);
    run(&["ingest", "--db", &db, &later.display().to_string()]);
    assert_eq!(threat(&db)["status"], "carried_out");

    // Nothing by the deadline, and a later article on something else.
    let quiet = dir.path().join("quiet.jsonl");
    std::fs::write(&quiet, r#"{"id":"test-harvest","published":"2025-08-12","text":"Farmers in the north reported a strong wheat harvest this summer, the agriculture ministry said."}"#).unwrap();
    run(&["ingest", "--db", &lapsed_db, &quiet.display().to_string()]);
    assert_eq!(threat(&lapsed_db)["status"], "lapsed");
}

/// The seed's temporal expressions, tagged against its publication date:
/// the meeting's Wednesday is the publication day, the deadline's Friday
/// the coming one, and the war's age a duration.
#[test]
fn the_seed_timexes_resolve() {
    let line = std::fs::read_to_string(seed()).unwrap();
    let doc: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    let text = doc["text"].as_str().unwrap();
    let published = "2025-08-06".parse().unwrap();
    let tags: Vec<(String, &str, String)> = dyad_core::timexes(text, Some(published))
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind.as_str(), t.value))
        .collect();
    let find = |extent: &str| {
        tags.iter()
            .find(|t| t.0 == extent)
            .unwrap_or_else(|| panic!("no timex {extent:?} in {tags:?}"))
    };
    assert_eq!(find("Wednesday").2, "2025-08-06");
    assert_eq!(find("Friday").2, "2025-08-08", "{tags:?}");
    assert_eq!(find("Monday").2, "2025-08-04");
    assert_eq!(find("this week").2, "2025-W32");
    assert_eq!(find("recent months").1, "DURATION");
    let war = find("almost three and a half years");
    assert_eq!((war.1, war.2.as_str()), ("DURATION", "P3Y6M"));
}

#[test]
fn an_event_gold_set_holds_its_floors_and_ceilings() {
    let run = |extra: &[&str]| {
        let mut args = vec!["eval", "petr-gsr", "--json"];
        args.extend_from_slice(extra);
        dyad(&args, None)
    };
    let out = run(&["--floor", "f1=0.01", "--ceiling", "extra_ratio=5"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(v["set"], "petr-gsr");
    let out = run(&["--floor", "f1=0.99", "--ceiling", "extra_ratio=0.01"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("eval petr-gsr: f1 is") && out.stderr.contains("below its floor 0.99"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("above its ceiling 0.01"),
        "{}",
        out.stderr
    );
    // a bound on a score the set does not have is an error
    let out = run(&["--floor", "nope=1"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("no score named \"nope\""),
        "{}",
        out.stderr
    );
}
