//! One suite of behaviour, run against every backend (as tantivy's
//! directory tests are): whatever passes here is a [`Store`].

use dyad_model::{ActorRef, Document, Event, EventType, Location, Modality, Span};

use crate::series::{self, Direction, Period, SeriesQuery};
use crate::threats::{self, Status, Threatened};
use crate::{ActorTerm, CodedDocument, Filter, MemoryStore, SqliteStore, Store, Total};

pub(crate) fn actor(country: &str, sector: Option<&str>, name: &str) -> ActorRef {
    ActorRef {
        text: name.into(),
        span: Span::new(0, name.len()),
        name: Some(name.into()),
        country: Some(country.into()),
        sector: sector.map(str::to_string),
        cameo: Some(format!("{country}{}", sector.unwrap_or(""))),
        kb_id: None,
    }
}

pub(crate) fn event(
    t: EventType,
    actors: Vec<ActorRef>,
    recipients: Vec<ActorRef>,
    date: &str,
    sentence: usize,
    text: &str,
) -> Event {
    let (quad, goldstein) = match t {
        EventType::Consult => (1, 1.0),
        EventType::Threaten => (3, -5.8),
        EventType::Sanction => (4, -8.0),
        _ => (3, -2.0),
    };
    Event {
        id: format!("rec-{sentence}-{}", t.as_str()),
        doc_id: String::new(),
        sentence,
        text: text.into(),
        event_type: t,
        mode: None,
        contexts: vec![],
        actors,
        recipients,
        trigger: Default::default(),
        date: Some(date.into()),
        date_text: None,
        location: None,
        attribution: None,
        modality: Modality::Asserted,
        deadline: None,
        cameo: None,
        goldstein: Some(goldstein),
        intensity: Some(goldstein / 2.0),
        quad,
        rule: "test".into(),
        mentions: vec![sentence],
        version: "test".into(),
    }
}

fn doc(id: &str, source: &str, published: &str, text: &str, events: Vec<Event>) -> CodedDocument {
    CodedDocument {
        doc: Document {
            id: id.into(),
            text: text.into(),
            published: Some(published.into()),
            source: Some(source.into()),
            ..Document::default()
        },
        sentences: vec![Span::new(0, text.len())],
        events: events
            .into_iter()
            .map(|mut e| {
                e.doc_id = id.into();
                e
            })
            .collect(),
    }
}

const MEETING: &str = "The American envoy met the Russian president in Moscow on Wednesday for three hours, and both sides called the talks useful and constructive, officials said.";

fn meeting(id: &str, source: &str, published: &str) -> CodedDocument {
    let mut e = event(
        EventType::Consult,
        vec![actor("USA", Some("GOV"), "Steve Witkoff")],
        vec![actor("RUS", Some("GOV"), "Vladimir Putin")],
        "2025-08-06",
        0,
        MEETING,
    );
    e.location = Some(Location {
        name: "Moscow".into(),
        geonames_id: Some(524901),
        lat: Some(55.75204),
        lon: Some(37.61781),
        country: Some("RUS".into()),
        admin1: Some("Moskva".into()),
        admin1_code: Some("RU.48".into()),
        feature: Some("PPLC".into()),
        span: None,
    });
    doc(id, source, published, MEETING, vec![e])
}

const THREAT: &str = "If Moscow does not agree to a truce by Friday, the American president has threatened to put sanctions on the country, the White House said today.";

fn threat_doc() -> CodedDocument {
    let mut e = event(
        EventType::Threaten,
        vec![actor("USA", Some("GOV"), "Donald Trump")],
        vec![actor("RUS", None, "Russia")],
        "2025-08-06",
        0,
        THREAT,
    );
    e.cameo = Some("1312".into());
    e.modality = Modality::Conditional;
    e.deadline = Some("2025-08-08".into());
    doc("threat", "Wire", "2025-08-06", THREAT, vec![e])
}

fn sanctions_doc(published: &str, negated: bool) -> CodedDocument {
    let text = "The United States imposed sweeping new sanctions on Russia on Monday, the Treasury Department announced in a statement.";
    let mut e = event(
        EventType::Sanction,
        vec![actor("USA", None, "United States")],
        vec![actor("RUS", None, "Russia")],
        published,
        0,
        text,
    );
    if negated {
        e.modality = Modality::Negated;
    }
    doc(
        &format!("sanctions-{published}"),
        "Daily",
        published,
        text,
        vec![e],
    )
}

fn talks_doc() -> CodedDocument {
    let text = "Delegations of Russia and Ukraine held a round of direct talks in Istanbul on Thursday, the first such meeting in weeks.";
    let e = event(
        EventType::Consult,
        vec![actor("RUS", None, "Russia"), actor("UKR", None, "Ukraine")],
        vec![],
        "2025-07-24",
        0,
        text,
    );
    doc("talks", "Wire", "2025-07-24", text, vec![e])
}

/// The meeting, the threat, the talks, and sanctions imposed on `sanctions_day`.
pub(crate) fn four_stories(sanctions_day: &str) -> Vec<CodedDocument> {
    vec![
        meeting("a", "Wire", "2025-08-06"),
        threat_doc(),
        talks_doc(),
        sanctions_doc(sanctions_day, false),
    ]
}

fn ingest_is_idempotent(s: &mut dyn Store) {
    let r = s.ingest(&[meeting("a", "Wire", "2025-08-06")]).unwrap();
    assert_eq!((r.documents, r.new_events, r.skipped), (1, 1, 0));
    let before = s.stats().unwrap();
    let r = s.ingest(&[meeting("a", "Wire", "2025-08-06")]).unwrap();
    assert_eq!(
        (r.documents, r.new_events, r.skipped, r.changed),
        (0, 0, 1, 0)
    );
    assert_eq!(s.stats().unwrap(), before);
    let mut changed = meeting("a", "Wire", "2025-08-06");
    changed.doc.text.push_str(" Updated.");
    let r = s.ingest(&[changed]).unwrap();
    assert_eq!((r.skipped, r.changed), (1, 1));
    assert_eq!(s.stats().unwrap(), before);
    assert!(s.contains("a").unwrap());
    assert!(!s.contains("b").unwrap());
    // The same document twice in one batch is stored once.
    let r = s.ingest(&[talks_doc(), talks_doc()]).unwrap();
    assert_eq!((r.documents, r.skipped), (1, 1));
}

fn one_event_reported_by_two_articles(s: &mut dyn Store) {
    let mut other = meeting("b", "Daily", "2025-08-07");
    other.doc.text = "Russia's leader received Washington's special envoy at the Kremlin for a long meeting on the war, his spokesman told reporters.".into();
    other.events[0].text = other.doc.text.clone();
    other.events[0].actors[0].text = "Washington's special envoy".into();
    s.ingest(&[meeting("a", "Wire", "2025-08-06")]).unwrap();
    let r = s.ingest(&[other]).unwrap();
    assert_eq!((r.new_events, r.merged, r.near_duplicates), (0, 1, 0));
    let ev = s.events(&Filter::default()).unwrap();
    assert_eq!(ev.len(), 1);
    let e = &ev[0];
    assert!(e.event.id.starts_with("ev-"), "{}", e.event.id);
    assert_eq!(
        (e.num_mentions, e.num_articles, e.num_sources, e.num_stories),
        (2, 2, 2, 2)
    );
    assert_eq!(e.first_seen.as_deref(), Some("2025-08-06"));
    assert_eq!(e.last_seen.as_deref(), Some("2025-08-07"));
    let docs: Vec<&str> = e.mention_links.iter().map(|m| m.doc_id.as_str()).collect();
    assert_eq!(docs, ["a", "b"]);
    assert_eq!(e.mention_links[0].event_id, "rec-0-CONSULT");
    // The record kept is the first article's.
    assert_eq!(e.event.text, MEETING);
}

fn wire_copies_are_one_story(s: &mut dyn Store) {
    s.ingest(&[meeting("a", "Wire", "2025-08-06")]).unwrap();
    // A copy of the wire story, a day later elsewhere, with a line added;
    // its undated event defaulted to the later day.
    let mut copy = meeting("copy", "Gazette", "2025-08-07");
    copy.doc.text = format!("{MEETING} Talks continue next week.");
    copy.events[0].date = Some("2025-08-07".into());
    let r = s.ingest(&[copy]).unwrap();
    assert_eq!((r.near_duplicates, r.new_events, r.merged), (1, 0, 1));
    let ev = s.events(&Filter::default()).unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].num_articles, ev[0].num_sources, ev[0].num_stories),
        (2, 2, 1)
    );
    assert_eq!(s.document("copy").unwrap().unwrap().cluster, "a");
    assert_eq!(s.document("a").unwrap().unwrap().cluster, "a");
}

fn filters_select_the_same_events(s: &mut dyn Store) {
    s.ingest(&four_stories("2025-08-11")).unwrap();
    let ids = |f: Filter| -> Vec<String> {
        let ev = s.events(&f).unwrap();
        // the same events, in the same order, without their mentions
        let coded: Vec<Event> = ev.iter().map(|e| e.event.clone()).collect();
        assert_eq!(s.coded_events(&f).unwrap(), coded, "{f:?}");
        let n = s.count(&f).unwrap();
        assert!(n >= ev.len());
        for cap in [1, 2, 100] {
            let total = s.count_upto(&f, cap).unwrap();
            if total.exact {
                assert_eq!(total.count, n, "{f:?}");
            } else {
                assert!(total.count <= n.min(cap), "{f:?}: {total:?} of {n}");
            }
        }
        assert_eq!(s.count_upto(&f, 100).unwrap(), Total::exact(n), "{f:?}");
        ev.into_iter()
            .map(|e| e.mention_links[0].doc_id.clone())
            .collect()
    };
    let t = ActorTerm::new;
    assert_eq!(
        ids(Filter::default()),
        ["talks", "threat", "a", "sanctions-2025-08-11"]
    );
    assert_eq!(
        ids(Filter {
            actor: Some(t("usa")),
            ..Filter::default()
        }),
        ["threat", "a", "sanctions-2025-08-11"]
    );
    assert_eq!(
        ids(Filter {
            actor: Some(t("USAGOV")),
            ..Filter::default()
        }),
        ["threat", "a"]
    );
    assert_eq!(
        ids(Filter {
            actor: Some(t("Vladimir Putin")),
            ..Filter::default()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(Filter {
            recipient: Some(t("vladimir putin")),
            ..Filter::default()
        }),
        ["a"]
    );
    assert_eq!(
        ids(Filter {
            recipient: Some(t("GOV")),
            ..Filter::default()
        }),
        ["a"]
    );
    let dyad = |a: &str, b: &str, directed: bool| Filter {
        dyad: Some((t(a), t(b))),
        directed,
        ..Filter::default()
    };
    assert_eq!(
        ids(dyad("RUS", "USA", false)),
        ["threat", "a", "sanctions-2025-08-11"]
    );
    assert_eq!(ids(dyad("RUS", "USA", true)), Vec::<String>::new());
    assert_eq!(ids(dyad("UKR", "RUS", true)), ["talks"]);
    assert_eq!(ids(dyad("RUS", "UKR", true)), ["talks"]);
    assert_eq!(ids(dyad("USA", "UKR", false)), Vec::<String>::new());
    // Read a page at a time, a dyad selects the same events.
    for (a, b, directed) in [
        ("RUS", "USA", false),
        ("UKR", "RUS", true),
        ("RUS", "UKR", false),
    ] {
        let paged = Filter {
            limit: Some(10),
            ..dyad(a, b, directed)
        };
        assert_eq!(ids(paged), ids(dyad(a, b, directed)), "{a} {b} {directed}");
    }
    assert_eq!(
        ids(Filter {
            types: vec![EventType::Threaten, EventType::Sanction],
            ..Filter::default()
        }),
        ["threat", "sanctions-2025-08-11"]
    );
    assert_eq!(
        ids(Filter {
            quads: vec![1],
            ..Filter::default()
        }),
        ["talks", "a"]
    );
    assert_eq!(
        ids(Filter {
            modalities: vec![Modality::Conditional],
            ..Filter::default()
        }),
        ["threat"]
    );
    assert_eq!(
        ids(Filter {
            since: Some("2025-08-06".into()),
            until: Some("2025-08-10".into()),
            ..Filter::default()
        }),
        ["threat", "a"]
    );
    assert_eq!(
        ids(Filter {
            place: Some("moscow".into()),
            ..Filter::default()
        }),
        ["a"]
    );
    assert_eq!(
        ids(Filter {
            place: Some("rus".into()),
            ..Filter::default()
        }),
        ["a"]
    );
    assert_eq!(
        ids(Filter {
            text: Some("ISTANBUL".into()),
            ..Filter::default()
        }),
        ["talks"]
    );
    assert_eq!(
        ids(Filter {
            doc_id: Some("threat".into()),
            ..Filter::default()
        }),
        ["threat"]
    );
    assert_eq!(
        ids(Filter {
            mode: Some("none".into()),
            ..Filter::default()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(Filter {
            limit: Some(2),
            offset: 1,
            ..Filter::default()
        }),
        ["threat", "a"]
    );
    assert_eq!(
        s.count(&Filter {
            limit: Some(1),
            ..Filter::default()
        })
        .unwrap(),
        4
    );
    assert_eq!(
        s.count(&Filter {
            actor: Some(t("UKR")),
            ..Filter::default()
        })
        .unwrap(),
        1
    );
}

fn series_of_a_dyad(s: &mut dyn Store) {
    s.ingest(&four_stories("2025-08-18")).unwrap();
    let q = |a: &str, b: &str, direction| SeriesQuery {
        a: a.into(),
        b: b.into(),
        by: Period::Week,
        direction,
        since: None,
        until: None,
    };
    let rows = series::series(s, &q("usa", "rus", Direction::Both)).unwrap();
    let got: Vec<(&str, usize, [usize; 4])> = rows
        .iter()
        .map(|r| (r.period.as_str(), r.events, r.quad))
        .collect();
    assert_eq!(
        got,
        [
            ("2025-08-04", 2, [1, 0, 1, 0]),
            ("2025-08-11", 0, [0; 4]),
            ("2025-08-18", 1, [0, 0, 0, 1])
        ]
    );
    assert_eq!(rows[0].mean_goldstein, Some(-2.4));
    let back = series::series(s, &q("USA", "RUS", Direction::Backward)).unwrap();
    assert!(back.is_empty());
    let talks = series::series(s, &q("RUS", "UKR", Direction::Both)).unwrap();
    assert_eq!(talks.len(), 1);
    assert_eq!(talks[0].events, 1);
    let mut bounded = q("USA", "RUS", Direction::Forward);
    bounded.since = Some("2025-08-10".into());
    let rows = series::series(s, &bounded).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].types["SANCTION"], 1);
}

fn threats_are_tracked(s: &mut dyn Store) {
    s.ingest(&[threat_doc(), meeting("a", "Wire", "2025-08-06")])
        .unwrap();
    let t = threats::track(s, &Filter::default(), None).unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].status, Status::Pending);
    assert_eq!(t[0].threatened, Threatened::Sanctions);
    assert_eq!(t[0].deadline.as_deref(), Some("2025-08-08"));
    assert_eq!(t[0].days_left, Some(2));
    // A denial is no evidence; a later date with nothing done lapses it.
    s.ingest(&[sanctions_doc("2025-08-12", true)]).unwrap();
    let t = threats::track(s, &Filter::default(), None).unwrap();
    assert_eq!(t[0].status, Status::Lapsed);
    assert_eq!(t[0].days_left, Some(-4));
    // Sanctions imposed: carried out, with the evidence linked.
    s.ingest(&[sanctions_doc("2025-08-14", false)]).unwrap();
    let t = threats::track(s, &Filter::default(), None).unwrap();
    assert_eq!(t[0].status, Status::CarriedOut);
    assert_eq!(t[0].evidence.len(), 1);
    let evidence = s
        .events(&Filter {
            doc_id: Some("sanctions-2025-08-14".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(t[0].evidence[0], evidence[0].event.id);
    // Judged as of an earlier day, before any of it.
    let t = threats::track(s, &Filter::default(), Some("2025-08-07")).unwrap();
    assert_eq!(t[0].days_left, Some(1));
    // Sanctions before the threat are no evidence; of many after it, the
    // earliest are listed, in date order, at most EVIDENCE_MAX of them.
    let before = sanctions_doc("2025-08-01", false);
    let after: Vec<CodedDocument> = (15..=28)
        .map(|d| {
            // another story each day, not a repeat of the first
            let published = format!("2025-08-{d}");
            let text =
                format!("On day {d} of the crisis Washington imposed more sanctions on Russia.");
            let mut e = event(
                EventType::Sanction,
                vec![actor("USA", None, "United States")],
                vec![actor("RUS", None, "Russia")],
                &published,
                0,
                &text,
            );
            e.cameo = Some("163".into());
            doc(&format!("more-{d}"), "Daily", &published, &text, vec![e])
        })
        .collect();
    s.ingest(&[before]).unwrap();
    s.ingest(&after).unwrap();
    let t = threats::track(s, &Filter::default(), None).unwrap();
    assert_eq!(t[0].evidence.len(), threats::EVIDENCE_MAX);
    let mut expected: Vec<(String, String)> = s
        .events(&Filter {
            types: vec![EventType::Sanction],
            modalities: vec![Modality::Asserted],
            since: Some("2025-08-06".into()),
            ..Filter::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| (e.event.date.unwrap_or_default(), e.event.id))
        .collect();
    assert!(expected.len() > threats::EVIDENCE_MAX);
    expected.sort();
    let expected: Vec<String> = expected
        .into_iter()
        .take(threats::EVIDENCE_MAX)
        .map(|(_, id)| id)
        .collect();
    assert_eq!(t[0].evidence, expected);
    assert_eq!(t[0].evidence[0], evidence[0].event.id);
    // judged as coded, then read with their mentions: the same threats
    let coded = threats::track_coded(s, &Filter::default(), None).unwrap();
    assert_eq!(threats::with_mentions(s, coded).unwrap(), t);
    assert!(t[0].event.num_mentions > 0);
    // every event of the store comes back with its mentions and counts
    let all = s.events(&Filter::default()).unwrap();
    let coded = s.coded_events(&Filter::default()).unwrap();
    assert_eq!(s.stored_events(coded).unwrap(), all);
}

fn documents_round_trip(s: &mut dyn Store) {
    let mut d = meeting("a", "Wire", "2025-08-06");
    d.doc.title = Some("Envoy meets president".into());
    d.doc.url = Some("https://example.org/a".into());
    d.doc.extra.insert("lang".into(), "en".into());
    d.sentences = vec![Span::new(0, 23), Span::new(25, 60)];
    s.ingest(std::slice::from_ref(&d)).unwrap();
    let back = s.document("a").unwrap().unwrap();
    assert_eq!(back.doc, d.doc);
    assert_eq!(back.sentences, d.sentences);
    assert!(s.document("nope").unwrap().is_none());
    let st = s.stats().unwrap();
    assert_eq!((st.documents, st.events, st.mentions), (1, 1, 1));
    assert_eq!(st.latest_published.as_deref(), Some("2025-08-06"));
}

fn actors_and_network(s: &mut dyn Store) {
    s.ingest(&four_stories("2025-08-11")).unwrap();
    let actors = s.actors(3).unwrap();
    let got: Vec<(&str, usize)> = actors.iter().map(|a| (a.key.as_str(), a.events)).collect();
    assert_eq!(got, [("RUS", 3), ("USAGOV", 2), ("RUSGOV", 1)]);
    assert_eq!(actors[1].name.as_deref(), Some("Steve Witkoff"));
    assert_eq!(actors[1].country.as_deref(), Some("USA"));
    let edges = s.network(10).unwrap();
    let got: Vec<(&str, &str, usize)> = edges
        .iter()
        .map(|e| (e.src.as_str(), e.tgt.as_str(), e.events))
        .collect();
    assert_eq!(
        got,
        [("USA", "RUS", 3), ("RUS", "UKR", 1), ("UKR", "RUS", 1)]
    );
    assert_eq!(edges[0].mean_goldstein, Some(-4.267));
    assert_eq!(s.network(1).unwrap().len(), 1);
}

macro_rules! suite {
    ($($name:ident),*) => {
        mod memory {
            $(#[test] fn $name() { super::$name(&mut super::MemoryStore::new()); })*
        }
        mod sqlite {
            $(#[test] fn $name() { super::$name(&mut super::SqliteStore::in_memory().unwrap()); })*
        }
        mod sqlite_file {
            $(#[test] fn $name() {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("events.db");
                super::$name(&mut super::SqliteStore::open(&path).unwrap());
                // Everything is still there after reopening.
                let again = super::SqliteStore::open_existing(&path).unwrap();
                again.check().unwrap();
            })*
        }
    };
}

suite!(
    ingest_is_idempotent,
    one_event_reported_by_two_articles,
    wire_copies_are_one_story,
    filters_select_the_same_events,
    series_of_a_dyad,
    threats_are_tracked,
    documents_round_trip,
    actors_and_network
);

/// A stored event for other modules' tests: the envoy's meeting, with a
/// location and a cameo code.
pub(crate) fn stored_meeting() -> crate::StoredEvent {
    let mut d = meeting("a", "Wire", "2025-08-06");
    d.events[0].cameo = Some("040".into());
    let mut s = MemoryStore::new();
    s.ingest(&[d]).unwrap();
    s.events(&Filter::default()).unwrap().remove(0)
}
