//! Event locations: Halterman's "Geolocating Political Events in Text"
//! (2019) data, `labeled_text.json.gz` — one JSON array of Prodigy records,
//! each a sentence with one `VERB` span (the event) and zero or more
//! `LOCATION` spans, the places where that event happened.
//!
//! For each record dyad places the marked verb's event (the place the parse
//! attaches, else the nearest place after a locative preposition in its
//! segment, else none). A record is **correct** when dyad's place overlaps
//! one of the gold spans, or when the record has no gold location and dyad
//! gives none. `accuracy` is the share of correct records among the author's
//! re-annotated gold (`source == "RELABEL"`); `accuracy_all` among all
//! records. (The paper reports token-level precision and recall of a
//! sequence labeller; a record-level accuracy asks what an event coder
//! needs: one place, or none, per event.)

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::eval::metrics::{ratio, round4};
use crate::eval::{Problem, Scored};

/// The source of the author's re-annotated gold records.
pub const RELABEL: &str = "RELABEL";

/// One gold record, spans as byte offsets into `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub source: String,
    pub text: String,
    pub verb: (usize, usize),
    pub locations: Vec<(usize, usize)>,
}

/// Reads the JSON array (already decompressed). A record whose verb span
/// cannot be placed in its text is a problem and left out.
pub fn read(raw: &str, file: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut problems = Vec::new();
    let items: Vec<Value> = match serde_json::from_str(raw) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            problems.push(Problem::at(file, 1, "not a JSON array of records"));
            return (Vec::new(), problems);
        }
        Err(e) => {
            problems.push(Problem::at(file, e.line(), e.to_string()));
            return (Vec::new(), problems);
        }
    };
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let id = item["_id"]
            .as_str()
            .map_or_else(|| format!("#{k}"), |s| s.trim().to_string());
        let problem = |reason: String| Problem {
            place: format!("{file}: record {id}"),
            reason,
        };
        let Some(text) = item["text"].as_str() else {
            problems.push(problem("no text".into()));
            continue;
        };
        let spans = item["spans"].as_array().map_or(&[][..], Vec::as_slice);
        let mut verb = None;
        let mut locations = Vec::new();
        let mut bad = None;
        for s in spans {
            match (s["label"].as_str(), span_of(text, item, s)) {
                (Some("VERB"), Some(b)) if verb.is_none() => verb = Some(b),
                (Some("VERB"), Some(_)) => bad = Some("more than one VERB span".to_string()),
                (Some("LOCATION"), Some(b)) => locations.push(b),
                (Some(l), None) => bad = Some(format!("a {l} span outside the text")),
                _ => {}
            }
        }
        match (verb, bad) {
            (Some(verb), None) => out.push(Record {
                id,
                source: item["source"].as_str().unwrap_or("").to_string(),
                text: text.to_string(),
                verb,
                locations,
            }),
            (None, None) => problems.push(problem("no VERB span".into())),
            (_, Some(reason)) => problems.push(problem(reason)),
        }
    }
    (out, problems)
}

/// A span's byte offsets. Prodigy's offsets count characters; in some
/// records they are token indices instead: then the span's tokens, or its
/// text found in the sentence, place it.
fn span_of(text: &str, item: &Value, s: &Value) -> Option<(usize, usize)> {
    let byte = |c: usize| {
        text.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .nth(c)
    };
    let chars = |a: &Value, b: &Value| -> Option<(usize, usize)> {
        let (a, b) = (byte(a.as_u64()? as usize)?, byte(b.as_u64()? as usize)?);
        (a < b).then_some((a, b))
    };
    let by_chars = chars(&s["start"], &s["end"]);
    let Some(want) = s["text"].as_str() else {
        return by_chars;
    };
    if let Some((a, b)) = by_chars.filter(|&(a, b)| &text[a..b] == want) {
        return Some((a, b));
    }
    let tokens = item["tokens"].as_array()?;
    let by_tokens = tokens
        .get(s["token_start"].as_u64()? as usize)
        .zip(tokens.get(s["token_end"].as_u64()? as usize))
        .and_then(|(a, b)| chars(&a["start"], &b["end"]));
    if let Some((a, b)) = by_tokens.filter(|&(a, b)| &text[a..b] == want) {
        return Some((a, b));
    }
    text.find(want).map(|a| (a, a + want.len()))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Whether dyad's place (byte span, if any) is right for the record.
pub fn correct(r: &Record, predicted: Option<(usize, usize)>) -> bool {
    match predicted {
        None => r.locations.is_empty(),
        Some(p) => r.locations.iter().any(|&g| overlaps(g, p)),
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    records: usize,
    correct: usize,
    /// Records with a gold location, and those of them dyad got.
    located: usize,
    located_correct: usize,
    /// Records dyad placed, and those placed right.
    predicted: usize,
    predicted_correct: usize,
}

impl Tally {
    fn add(&mut self, r: &Record, p: Option<(usize, usize)>) {
        let ok = correct(r, p);
        self.records += 1;
        self.correct += usize::from(ok);
        if !r.locations.is_empty() {
            self.located += 1;
            self.located_correct += usize::from(ok);
        }
        if p.is_some() {
            self.predicted += 1;
            self.predicted_correct += usize::from(ok);
        }
    }

    fn to_json(self) -> Value {
        json!({
            "records": self.records,
            "accuracy": round4(ratio(self.correct, self.records)),
            "located_recall": round4(ratio(self.located_correct, self.located)),
            "placed_precision": round4(ratio(self.predicted_correct, self.predicted)),
        })
    }
}

/// Scores dyad's places (one per record, in order) against the records.
pub fn score(records: &[Record], predicted: &[Option<(usize, usize)>]) -> Scored {
    let mut all = Tally::default();
    let mut relabel = Tally::default();
    let mut sources: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for (r, &p) in records.iter().zip(predicted) {
        all.add(r, p);
        sources.entry(&r.source).or_default().add(r, p);
        if r.source == RELABEL {
            relabel.add(r, p);
        }
        if !correct(r, p) {
            let show = |s: (usize, usize)| r.text.get(s.0..s.1).unwrap_or("?").to_string();
            let gold: Vec<String> = r.locations.iter().map(|&s| show(s)).collect();
            failures.push(format!(
                "{} [{}] verb `{}`: gold {:?}, dyad {:?}\n  {}",
                r.id,
                r.source,
                show(r.verb),
                gold,
                p.map(show),
                r.text
            ));
        }
    }
    Scored {
        scores: vec![
            ("records", json!(all.records)),
            ("relabel_records", json!(relabel.records)),
            (
                "accuracy",
                json!(round4(ratio(relabel.correct, relabel.records))),
            ),
            (
                "accuracy_all",
                json!(round4(ratio(all.correct, all.records))),
            ),
            (
                "located_recall",
                json!(round4(ratio(relabel.located_correct, relabel.located))),
            ),
            (
                "placed_precision",
                json!(round4(ratio(relabel.predicted_correct, relabel.predicted))),
            ),
            (
                "located_recall_all",
                json!(round4(ratio(all.located_correct, all.located))),
            ),
            (
                "placed_precision_all",
                json!(round4(ratio(all.predicted_correct, all.predicted))),
            ),
        ],
        tables: vec![(
            "per_source",
            Value::Object(
                sources
                    .into_iter()
                    .map(|(k, t)| (k.to_string(), t.to_json()))
                    .collect(),
            ),
        )],
        failures,
        ..Scored::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = r#"[
      {"_id": "a", "source": "RELABEL", "text": "Rebels attacked a base in Kharkiv on Monday.",
       "spans": [{"start": 7, "end": 15, "label": "VERB", "text": "attacked"},
                 {"start": 26, "end": 33, "label": "LOCATION", "text": "Kharkiv"}]},
      {"_id": "b", "source": "APW_RA", "text": "Café owners protested the tax.",
       "spans": [{"start": 12, "end": 21, "label": "VERB"}]},
      {"_id": "c", "source": "AP", "text": "Troops shelled the town of Zed.",
       "tokens": [{"start": 0, "end": 6}, {"start": 7, "end": 14}, {"start": 15, "end": 18},
                  {"start": 19, "end": 23}, {"start": 24, "end": 26}, {"start": 27, "end": 30}],
       "spans": [{"start": 1, "end": 1, "token_start": 1, "token_end": 1, "label": "VERB", "text": "shelled"},
                 {"start": 27, "end": 30, "label": "LOCATION", "text": "Zed"}]},
      {"_id": "d", "source": "AP", "text": "No verb here."}
    ]"#;

    #[test]
    fn reads_char_offsets_token_fallback_and_problems() {
        let (records, problems) = read(GOLD, "gold.json");
        assert_eq!(records.len(), 3);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].place.ends_with("record d"));
        let b = &records[1];
        // Character offsets after a two-byte character.
        assert_eq!(&b.text[b.verb.0..b.verb.1], "protested");
        let c = &records[2];
        assert_eq!(&c.text[c.verb.0..c.verb.1], "shelled");
        assert_eq!(&c.text[c.locations[0].0..c.locations[0].1], "Zed");
        assert!(read("{}", "x").0.is_empty());
        assert_eq!(read("not json", "x").1.len(), 1);
    }

    #[test]
    fn accuracy_counts_overlap_and_agreed_absence() {
        let (records, _) = read(GOLD, "gold.json");
        // a: right place; b: none, rightly; c: a wrong place.
        let predicted = vec![Some((26, 33)), None, Some((0, 6))];
        let s = score(&records, &predicted);
        assert_eq!(s.get("accuracy"), json!(1.0));
        assert_eq!(s.get("accuracy_all"), json!(0.6667));
        assert_eq!(s.failures.len(), 1);
        assert!(!correct(&records[1], Some((0, 4))));
        assert!(!correct(&records[0], None));
        assert!(correct(&records[0], Some((28, 40))));
    }
}
