//! The in-memory store: the reference implementation of the [`Store`]
//! semantics, for tests and short runs. Nothing is kept after it is dropped.

use std::collections::HashMap;

use dyad_model::{stable_hash, Event};

use crate::dedup::{self, Signature};
use crate::identity::{actor_key, dyads, event_key, story_key};
use crate::{
    mean3, stored, ActorCount, CodedDocument, DyadPoint, Edge, Filter, IngestReport, Mention,
    Result, Stats, Store, StoredDocument, StoredEvent,
};

#[derive(Debug)]
struct Doc {
    coded: CodedDocument,
    hash: u64,
    cluster: usize,
    signature: Option<Signature>,
}

#[derive(Debug)]
struct Stored {
    record: Event,
    story: String,
    /// (document index, sentence, the mention's record id)
    mentions: Vec<(usize, usize, String)>,
}

/// An event store held in memory.
#[derive(Debug, Default)]
pub struct MemoryStore {
    docs: Vec<Doc>,
    by_id: HashMap<String, usize>,
    bands: HashMap<(usize, u64), Vec<usize>>,
    events: Vec<Stored>,
    by_key: HashMap<String, usize>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn find_cluster(&self, sig: &Signature, bands: &[u64; dedup::BANDS]) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        for (band, hash) in bands.iter().enumerate() {
            for &d in self.bands.get(&(band, *hash)).into_iter().flatten() {
                let Some(other) = &self.docs[d].signature else {
                    continue;
                };
                let s = sig.similarity(other);
                if s >= dedup::THRESHOLD && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, self.docs[d].cluster));
                }
            }
        }
        best.map(|(_, c)| c)
    }

    fn mention(&self, doc: usize, sentence: usize, record_id: &str) -> Mention {
        let d = &self.docs[doc].coded.doc;
        Mention {
            doc_id: d.id.clone(),
            sentence,
            event_id: record_id.to_string(),
            source: d.source.clone(),
            published: d.published.clone(),
            url: d.url.clone(),
            cluster: self.docs[self.docs[doc].cluster].coded.doc.id.clone(),
        }
    }

    fn stored_event(&self, s: &Stored) -> StoredEvent {
        let mentions = s
            .mentions
            .iter()
            .map(|(d, sent, id)| self.mention(*d, *sent, id))
            .collect();
        stored(s.record.clone(), mentions)
    }

    fn selected(&self, filter: &Filter) -> Vec<&Stored> {
        let mut v: Vec<&Stored> = self
            .events
            .iter()
            .filter(|s| filter.matches(&s.record))
            .filter(|s| {
                filter.doc_id.as_deref().is_none_or(|id| {
                    s.mentions
                        .iter()
                        .any(|(d, _, _)| self.docs[*d].coded.doc.id == id)
                })
            })
            .collect();
        v.sort_by(|a, b| (&a.record.date, &a.record.id).cmp(&(&b.record.date, &b.record.id)));
        v
    }
}

impl Store for MemoryStore {
    fn ingest(&mut self, batch: &[CodedDocument]) -> Result<IngestReport> {
        let mut rep = IngestReport::default();
        for cd in batch {
            let full = cd.doc.full_text();
            let hash = stable_hash(&[full.as_bytes()]);
            if let Some(&i) = self.by_id.get(&cd.doc.id) {
                rep.skipped += 1;
                if self.docs[i].hash != hash {
                    rep.changed += 1;
                }
                continue;
            }
            let signature = dedup::signature(&full);
            let bands = signature.as_ref().map(Signature::bands);
            let found = match (&signature, &bands) {
                (Some(s), Some(b)) => self.find_cluster(s, b),
                _ => None,
            };
            let index = self.docs.len();
            let cluster = found.unwrap_or(index);
            if found.is_some() {
                rep.near_duplicates += 1;
            }
            if let (Some(keys), None) = (&bands, found) {
                for (band, h) in keys.iter().enumerate() {
                    self.bands.entry((band, *h)).or_default().push(index);
                }
            }
            self.docs.push(Doc {
                coded: cd.clone(),
                hash,
                cluster,
                signature,
            });
            self.by_id.insert(cd.doc.id.clone(), index);
            for e in &cd.events {
                let key = event_key(e);
                let story = story_key(e);
                let mut existing = self.by_key.get(&key).copied();
                if existing.is_none() && found.is_some() {
                    existing = self.events.iter().position(|s| {
                        s.story == story
                            && s.mentions
                                .iter()
                                .any(|(d, _, _)| self.docs[*d].cluster == cluster)
                    });
                }
                let slot = match existing {
                    Some(i) => {
                        rep.merged += 1;
                        i
                    }
                    None => {
                        let mut record = e.clone();
                        record.id = key.clone();
                        self.events.push(Stored {
                            record,
                            story,
                            mentions: Vec::new(),
                        });
                        self.by_key.insert(key, self.events.len() - 1);
                        rep.new_events += 1;
                        self.events.len() - 1
                    }
                };
                let sentences: &[usize] = if e.mentions.is_empty() {
                    std::slice::from_ref(&e.sentence)
                } else {
                    &e.mentions
                };
                for &s in sentences {
                    let m = &mut self.events[slot].mentions;
                    if !m.iter().any(|(d, t, _)| *d == index && *t == s) {
                        m.push((index, s, e.id.clone()));
                    }
                }
            }
            rep.documents += 1;
        }
        Ok(rep)
    }

    fn contains(&self, doc_id: &str) -> Result<bool> {
        Ok(self.by_id.contains_key(doc_id))
    }

    fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        Ok(self
            .selected(filter)
            .into_iter()
            .skip(filter.offset)
            .take(filter.limit.unwrap_or(usize::MAX))
            .map(|s| self.stored_event(s))
            .collect())
    }

    fn stored_events(&self, events: Vec<Event>) -> Result<Vec<StoredEvent>> {
        Ok(events
            .into_iter()
            .map(|e| match self.by_key.get(&e.id) {
                Some(&i) => self.stored_event(&self.events[i]),
                None => stored(e, Vec::new()),
            })
            .collect())
    }

    fn count(&self, filter: &Filter) -> Result<usize> {
        Ok(self.selected(filter).len())
    }

    fn dyad_points(
        &self,
        a: &str,
        b: &str,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<DyadPoint>> {
        let a = a.to_ascii_uppercase();
        let b = b.to_ascii_uppercase();
        let mut out = Vec::new();
        for (i, s) in self.events.iter().enumerate() {
            let e = &s.record;
            let Some(date) = &e.date else { continue };
            if since.is_some_and(|x| date.as_str() < x) || until.is_some_and(|x| date.as_str() > x)
            {
                continue;
            }
            for (src, tgt) in dyads(e) {
                if (src == a && tgt == b) || (src == b && tgt == a) {
                    out.push(DyadPoint {
                        date: date.clone(),
                        forward: src == a,
                        event: i as u64,
                        event_type: e.event_type,
                        quad: e.quad,
                        goldstein: e.goldstein,
                        intensity: e.intensity,
                    });
                }
            }
        }
        Ok(out)
    }

    fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        let mut by: std::collections::BTreeMap<String, (ActorCount, Vec<usize>)> =
            Default::default();
        for (i, s) in self.events.iter().enumerate() {
            for a in s.record.actors.iter().chain(&s.record.recipients) {
                let key = actor_key(a);
                let entry = by.entry(key.clone()).or_insert_with(|| {
                    (
                        ActorCount {
                            key,
                            name: None,
                            country: None,
                            sector: None,
                            events: 0,
                        },
                        Vec::new(),
                    )
                });
                // The largest value, as SQL's max() picks.
                let keep = |old: &mut Option<String>, new: &Option<String>| {
                    if new.is_some() && (old.is_none() || new > old) {
                        old.clone_from(new);
                    }
                };
                keep(&mut entry.0.name, &a.name);
                keep(&mut entry.0.country, &a.country);
                keep(&mut entry.0.sector, &a.sector);
                if entry.1.last() != Some(&i) {
                    entry.1.push(i);
                }
            }
        }
        let mut out: Vec<ActorCount> = by
            .into_values()
            .map(|(mut a, evs)| {
                a.events = evs.len();
                a
            })
            .collect();
        out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.key.cmp(&b.key)));
        out.truncate(limit);
        Ok(out)
    }

    fn network(&self, limit: usize) -> Result<Vec<Edge>> {
        let mut by: std::collections::BTreeMap<(String, String), (usize, f64, usize)> =
            Default::default();
        for s in &self.events {
            if s.record.date.is_none() {
                continue;
            }
            for pair in dyads(&s.record) {
                let e = by.entry(pair).or_default();
                e.0 += 1;
                if let Some(g) = s.record.goldstein {
                    e.1 += g;
                    e.2 += 1;
                }
            }
        }
        let mut out: Vec<Edge> = by
            .into_iter()
            .map(|((src, tgt), (n, sum, k))| Edge {
                src,
                tgt,
                events: n,
                mean_goldstein: mean3(sum, k),
            })
            .collect();
        out.sort_by(|a, b| {
            b.events
                .cmp(&a.events)
                .then_with(|| (&a.src, &a.tgt).cmp(&(&b.src, &b.tgt)))
        });
        out.truncate(limit);
        Ok(out)
    }

    fn document(&self, doc_id: &str) -> Result<Option<StoredDocument>> {
        Ok(self.by_id.get(doc_id).map(|&i| {
            let d = &self.docs[i];
            StoredDocument {
                doc: d.coded.doc.clone(),
                sentences: d.coded.sentences.clone(),
                cluster: self.docs[d.cluster].coded.doc.id.clone(),
            }
        }))
    }

    fn stats(&self) -> Result<Stats> {
        Ok(Stats {
            documents: self.docs.len(),
            events: self.events.len(),
            mentions: self.events.iter().map(|s| s.mentions.len()).sum(),
            latest_published: self
                .docs
                .iter()
                .filter_map(|d| d.coded.doc.published.clone())
                .max(),
        })
    }
}
