//! Synthetic coded documents for benchmarking the store (`dyad store
//! generate`): made-up events between real country codes over ten years,
//! from a seeded generator, so the same seed gives the same store.

use dyad_model::{ActorRef, Document, Event, EventType, Modality, Span, Trigger};
use dyad_store::CodedDocument;

const COUNTRIES: &[&str] = &[
    "USA", "RUS", "UKR", "CHN", "IND", "GBR", "FRA", "DEU", "TUR", "IRN", "ISR", "PSE", "SAU",
    "EGY", "SYR", "IRQ", "AFG", "PAK", "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ETH", "SDN",
    "ZAF", "KEN", "POL", "ITA",
];
const SECTORS: &[Option<&str>] = &[None, Some("GOV"), Some("MIL"), Some("COP"), Some("OPP")];

/// splitmix64: a small, well-spread, seedable generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn actor(rng: &mut Rng, country: &str) -> ActorRef {
    let sector = SECTORS[rng.below(SECTORS.len())];
    ActorRef {
        text: country.to_string(),
        span: Span::new(0, 3),
        name: None,
        country: Some(country.into()),
        sector: sector.map(str::to_string),
        cameo: Some(format!("{country}{}", sector.unwrap_or(""))),
        kb_id: None,
    }
}

/// Up to `n` documents (numbered from `first`) holding at most `max_events`
/// events, about ten each.
pub fn documents(seed: u64, first: usize, n: usize, max_events: usize) -> Vec<CodedDocument> {
    let start: jiff::civil::Date = jiff::civil::date(2015, 1, 1);
    let mut out = Vec::new();
    let mut left = max_events;
    for i in first..first + n {
        if left == 0 {
            break;
        }
        let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let day = rng.below(3650) as i64;
        let published = start
            .checked_add(jiff::Span::new().days(day))
            .unwrap_or(start)
            .to_string();
        let id = format!("synthetic-{i}");
        let text = format!("Synthetic document {i}.");
        let k = (5 + rng.below(11)).min(left);
        left -= k;
        let events = (0..k)
            .map(|s| {
                let t = EventType::ALL[rng.below(16)];
                // A quarter of the events involve the United States and Russia,
                // so that their dyad has a long series.
                let (a, b) = if rng.below(4) == 0 {
                    if rng.below(2) == 0 {
                        ("USA", "RUS")
                    } else {
                        ("RUS", "USA")
                    }
                } else {
                    let a = COUNTRIES[rng.below(COUNTRIES.len())];
                    let mut b = COUNTRIES[rng.below(COUNTRIES.len())];
                    if a == b {
                        b = COUNTRIES[(rng.below(COUNTRIES.len() - 1)
                            + 1
                            + COUNTRIES.iter().position(|c| *c == a).unwrap_or(0))
                            % COUNTRIES.len()];
                    }
                    (a, b)
                };
                let quad = t.quad() as u8;
                let goldstein = match quad {
                    1 => 1.0 + rng.below(30) as f64 / 10.0,
                    2 => 4.0 + rng.below(50) as f64 / 10.0,
                    3 => -1.0 - rng.below(50) as f64 / 10.0,
                    _ => -6.0 - rng.below(40) as f64 / 10.0,
                };
                Event {
                    id: format!("{id}-{s}"),
                    doc_id: id.clone(),
                    sentence: s,
                    text: format!("Synthetic sentence {s} of document {i}."),
                    event_type: t,
                    mode: None,
                    contexts: vec![],
                    actors: vec![actor(&mut rng, a)],
                    recipients: vec![actor(&mut rng, b)],
                    trigger: Trigger::default(),
                    date: Some(published.clone()),
                    date_text: None,
                    location: None,
                    attribution: None,
                    modality: Modality::Asserted,
                    deadline: None,
                    cameo: None,
                    goldstein: Some(goldstein),
                    intensity: Some(goldstein),
                    quad,
                    rule: "synthetic".into(),
                    mentions: vec![s],
                    version: "synthetic".into(),
                }
            })
            .collect();
        out.push(CodedDocument {
            doc: Document {
                id,
                text,
                published: Some(published),
                source: Some("synthetic".into()),
                ..Document::default()
            },
            sentences: Vec::new(),
            events,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_documents() {
        let a = documents(7, 0, 20, 1000);
        assert_eq!(a, documents(7, 0, 20, 1000));
        assert_ne!(a, documents(8, 0, 20, 1000));
        let n: usize = documents(7, 0, 100, 57)
            .iter()
            .map(|d| d.events.len())
            .sum();
        assert_eq!(n, 57);
        for d in &a {
            for e in &d.events {
                assert_ne!(e.actors[0].country, e.recipients[0].country);
            }
        }
    }
}
