//! The places stage: place names found in each sentence through the
//! gazetteer's name index (and unknown names after "in the town of …"),
//! resolved for the whole document, and the place where an event happened.
//!
//! Resolution ranks a name's candidates by the document's country context
//! (the countries named, their demonyms, and the countries of the other
//! unambiguous places), the first-level divisions named, feature type
//! (country, then capital, then division, then city) and population: "Paris"
//! is the French capital unless the document is about Texas, "Georgia" the
//! country unless the document names places in the United States.

use dyad_lexicon::geo::{Candidate, Feature, Gazetteer};
use dyad_model::{Location, Span};
use dyad_nlp::ParsedSentence;

use crate::actors::Mention;
use crate::text::Sentence;

mod event;
mod names;
mod resolve;
#[cfg(test)]
mod tests;
mod words;
pub(crate) use words::REGION_ADJECTIVES;

use event::event_place;
use names::find;
use resolve::{dateline, resolve};

/// A place name in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct PlaceMention {
    /// Token range `[a, b)` in the sentence.
    pub tok: (usize, usize),
    pub span: Span,
    /// The gazetteer's candidates (empty for an unknown name).
    pub candidates: Vec<Candidate>,
    /// A demonym ("Russian"): country context, never an event's place.
    pub demonym: bool,
    /// The chosen candidate, after [`resolve`].
    pub place: Option<u32>,
}

/// The output record of a place mention.
pub(crate) fn location(gaz: &Gazetteer, doc_text: &str, p: &PlaceMention) -> Location {
    let name = p.span.slice(doc_text).to_string();
    let name = if name.chars().all(|c| !c.is_lowercase()) {
        // A dateline in capitals: the gazetteer's spelling.
        p.place.map_or(name, |k| gaz.place(k).name.clone())
    } else {
        name
    };
    match p.place {
        Some(k) => {
            let pl = gaz.place(k);
            let division = match pl.feature {
                Feature::Admin1 => None,
                _ => pl.admin1.as_deref().and_then(|a| gaz.admin1(a)),
            };
            Location {
                name,
                geonames_id: pl.geonames_id,
                lat: pl.lat,
                lon: pl.lon,
                // (a region of several countries is in none)
                country: (!pl.country.is_empty()).then(|| pl.country.clone()),
                admin1: match pl.feature {
                    Feature::Admin1 => Some(pl.name.clone()),
                    _ => division.map(|d| d.name.clone()),
                },
                admin1_code: pl.admin1.clone(),
                feature: Some(pl.feature.code().to_string()),
                span: Some(p.span),
            }
        }
        None => Location {
            name,
            span: Some(p.span),
            ..Location::default()
        },
    }
}

/// The places of a document, found and resolved.
#[derive(Debug, Default)]
pub(crate) struct DocumentPlaces {
    gaz: Option<&'static Gazetteer>,
    /// Per sentence, in order.
    pub sentences: Vec<Vec<PlaceMention>>,
    pub dateline: Option<PlaceMention>,
    /// The headline's place ("Witkoff Meets Putin in Moscow": a place after
    /// a locative preposition, index into `sentences[0]`) and the keys of
    /// the actors it names.
    headline: Option<(usize, Vec<String>)>,
}

impl DocumentPlaces {
    pub fn new(
        doc: &dyad_model::Document,
        doc_text: &str,
        sentences: &[Sentence<'_>],
        mentions: &[Vec<Mention>],
    ) -> DocumentPlaces {
        let Ok(gaz) = Gazetteer::builtin() else {
            return DocumentPlaces::default();
        };
        let mut found: Vec<Vec<PlaceMention>> = sentences
            .iter()
            .enumerate()
            .map(|(k, s)| find(gaz, doc_text, s, mentions.get(k).map_or(&[], Vec::as_slice)))
            .collect();
        let mut dateline = dateline(gaz, doc_text, doc.body_offset());
        found.push(dateline.take().into_iter().collect());
        resolve(gaz, &mut found);
        let dateline = found.pop().and_then(|mut d| d.pop());
        let headline = sentences.first().filter(|t| t.is_title).and_then(|t| {
            let k = found.first()?.iter().position(|p| {
                !p.demonym && p.tok.0 > 0 && matches!(t.word(p.tok.0 - 1), "in" | "at" | "near")
            })?;
            let keys = mentions.first()?.iter().map(|m| m.key.clone()).collect();
            Some((k, keys))
        });
        DocumentPlaces {
            gaz: Some(gaz),
            sentences: found,
            dateline,
            headline,
        }
    }

    /// The place in `s` where the event of the trigger at tokens
    /// `[trigger.0, trigger.1)` happened, if the sentence names it.
    pub fn location_at(
        &self,
        doc_text: &str,
        s: &Sentence<'_>,
        parse: Option<&ParsedSentence<'_>>,
        trigger: (usize, usize),
    ) -> Option<Location> {
        let gaz = self.gaz?;
        let places = self.sentences.get(s.index).map_or(&[][..], Vec::as_slice);
        let k = event_place(s, parse, places, trigger, gaz)?;
        Some(location(gaz, doc_text, &places[k]))
    }

    /// The country of the gazetteer place (not a demonym) named by sentence
    /// `k`'s place mention whose tokens end at `end` (`ends`) or start at
    /// `start`.
    /// Not a name that is also a common word ("Western") or an acronym
    /// ("BLA"), which may be anything but the place.
    pub fn country_near(
        &self,
        doc_text: &str,
        k: usize,
        ends: Option<usize>,
        start: Option<usize>,
    ) -> Option<&str> {
        let gaz = self.gaz?;
        let p = self
            .sentences
            .get(k)?
            .iter()
            .filter(|p| !p.demonym)
            .find(|p| ends == Some(p.tok.1) || start == Some(p.tok.0))?;
        let i = p.place?;
        let text = p.span.slice(doc_text);
        let acronym = text.chars().all(|c| !c.is_lowercase());
        let common = p.candidates.iter().any(|c| c.place == i && c.common)
            || matches!(
                text,
                "Western"
                    | "Eastern"
                    | "Northern"
                    | "Southern"
                    | "Central"
                    | "North"
                    | "South"
                    | "East"
                    | "West"
            );
        let country = gaz.place(i).country.as_str();
        (!acronym && !common && !country.is_empty()).then_some(country)
    }

    /// One line per place name of sentence `k`, for `dyad explain`.
    pub fn describe(&self, doc_text: &str, k: usize) -> Vec<String> {
        let Some(gaz) = self.gaz else {
            return Vec::new();
        };
        self.sentences
            .get(k)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|p| {
                let what = match p.place.map(|i| gaz.place(i)) {
                    Some(pl) => format!(
                        "{} {} {} ({}; {} candidates)",
                        pl.name,
                        pl.feature.code(),
                        pl.country,
                        pl.geonames_id
                            .map_or("curated".to_string(), |id| format!("GeoNames {id}")),
                        p.candidates.len()
                    ),
                    None => "not in the gazetteer".to_string(),
                };
                let kind = if p.demonym { " (demonym)" } else { "" };
                format!("{:?} {:?}{kind} → {what}", p.tok, p.span.slice(doc_text))
            })
            .collect()
    }

    /// The country of the place a mention was resolved to ("" for one in no
    /// country), or None when it was not resolved.
    pub fn place_country(&self, p: &PlaceMention) -> Option<&str> {
        Some(self.gaz?.place(p.place?).country.as_str())
    }

    /// Every place named, resolved, in text order (demonyms left out).
    pub fn all(&self, doc_text: &str) -> Vec<Location> {
        let Some(gaz) = self.gaz else {
            return Vec::new();
        };
        self.dateline
            .iter()
            .chain(self.sentences.iter().flatten())
            .filter(|p| !p.demonym)
            .map(|p| location(gaz, doc_text, p))
            .collect()
    }

    /// Where the event found in `s` happened: the place its trigger's
    /// parse attaches (or the nearest place after a locative preposition in
    /// its segment), else a place actor the event stage saw after the
    /// trigger ("in the Kremlin"), else the dateline.
    pub fn event_location(
        &self,
        doc_text: &str,
        s: &Sentence<'_>,
        parse: Option<&ParsedSentence<'_>>,
        mentions: &[Mention],
        f: &crate::events::Found,
        attribution: Option<(usize, usize)>,
    ) -> Option<Location> {
        let gaz = self.gaz?;
        // The place of whoever reports it is not the event's ("the ministry
        // in Tokyo said").
        let places: Vec<PlaceMention> = self
            .sentences
            .get(s.index)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|p| attribution.is_none_or(|(a, b)| p.tok.1 <= a || p.tok.0 >= b))
            .cloned()
            .collect();
        if let Some(k) = event_place(s, parse, &places, (f.trigger.start, f.trigger.end), gaz) {
            return Some(location(gaz, doc_text, &places[k]));
        }
        if let Some(m) = f.location.and_then(|k| mentions.get(k)) {
            return Some(Location {
                name: m.actor.text.trim_start_matches("the ").to_string(),
                country: m.actor.country.clone(),
                span: Some(s.span_of(m.tok.0, m.tok.1)),
                ..Location::default()
            });
        }
        // The headline's place, for the event the headline names: all its
        // actors are the headline's ("Witkoff Meets Putin in Moscow").
        let keys: Vec<&str> = f
            .actors
            .iter()
            .chain(&f.recipients)
            .filter_map(|&k| mentions.get(k))
            .map(|m| m.key.as_str())
            .collect();
        // A person or an organisation among them: countries are named
        // everywhere.
        let someone = f
            .actors
            .iter()
            .chain(&f.recipients)
            .filter_map(|&k| mentions.get(k))
            .any(|m| m.actor.kb_id.is_some() && m.actor.kb_id != m.actor.country);
        if let Some((k, named)) = &self.headline {
            if keys.len() >= 2 && someone && keys.iter().all(|key| named.iter().any(|n| n == key)) {
                if let Some(p) = self.sentences.first().and_then(|t| t.get(*k)) {
                    return Some(location(gaz, doc_text, p));
                }
            }
        }
        self.dateline.as_ref().map(|d| location(gaz, doc_text, d))
    }
}
