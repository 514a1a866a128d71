//! dyad's dictionaries: countries, organisations, people with dated roles,
//! news media, role nouns, event trigger patterns and event scores.
//!
//! The sources are reviewable TSV files in `data/` (see its README for the
//! provenance and licence of each). [`Lexicon::builtin`] embeds them in the
//! binary; [`Lexicon::from_dir`] reads a directory of the same files, so that
//! users can bring their own.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use dyad_model::{stable_hash, EventType};

pub mod build;
mod entities;
mod error;
pub mod geo;
pub mod import;
mod inflect;
mod names;
mod scores;
mod triggers;
mod tsv;
pub mod verbs;

pub use entities::{Agent, Country, Media, Organisation, Person, Role, Standing};
pub use error::Error;
pub use inflect::{Inflector, VerbForm};
pub use names::{is_day_or_month, one_line, AgentHit, NameHit, NameRef};
pub use triggers::{
    is_figurative_war, Element, Frame, Toks, TriggerMatch, TriggerPattern, Triggers, MAX_GAP,
};

/// The text of every source file, by file name.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub organisations: &'a str,
    pub media: &'a str,
    pub agents: &'a str,
    pub people: &'a str,
    pub triggers: &'a str,
    /// Patterns converted from PETRARCH2's verb dictionary; after
    /// `triggers`, which wins ties.
    pub cameo_verbs: &'a str,
    pub irregular_verbs: &'a str,
    pub goldstein: &'a str,
    pub plover_scores: &'a str,
}

/// The file names of the sources, in the order of [`Sources`]' fields.
pub const FILES: [&str; 10] = [
    "countries.tsv",
    "organisations.tsv",
    "media.tsv",
    "agents.tsv",
    "people.tsv",
    "triggers.tsv",
    "cameo-verbs.tsv",
    "irregular-verbs.tsv",
    "goldstein.tsv",
    "plover-scores.tsv",
];

static BUILTIN_SOURCES: Sources<'static> = Sources {
    countries: include_str!("../data/countries.tsv"),
    organisations: include_str!("../data/organisations.tsv"),
    media: include_str!("../data/media.tsv"),
    agents: include_str!("../data/agents.tsv"),
    people: include_str!("../data/people.tsv"),
    triggers: include_str!("../data/triggers.tsv"),
    cameo_verbs: include_str!("../data/cameo-verbs.tsv"),
    irregular_verbs: include_str!("../data/irregular-verbs.tsv"),
    goldstein: include_str!("../data/goldstein.tsv"),
    plover_scores: include_str!("../data/plover-scores.tsv"),
};

impl Sources<'static> {
    /// The source files built into the binary (`data/`).
    pub fn builtin() -> Sources<'static> {
        BUILTIN_SOURCES
    }
}

static BUILTIN: LazyLock<Result<Lexicon, Error>> =
    LazyLock::new(|| Lexicon::from_sources(&BUILTIN_SOURCES));

/// The loaded and compiled dictionaries.
#[derive(Debug)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    pub media: Vec<Media>,
    pub agents: Vec<Agent>,
    pub people: Vec<Person>,
    pub triggers: Triggers,
    /// Whether an announced act is coded as the intent or threat it
    /// expresses, and a refusal as the event it is (CAMEO's convention,
    /// `dyad_core`'s intent module); on by default. PETRARCH codes a
    /// pattern's code whatever the tense, so its unit tests run without.
    pub recode_by_modality: bool,
    /// Whether only events with both a source and a target are coded, as
    /// PETRARCH codes them (its `get_events` requires the dyad); off by
    /// default: dyad also reports a one-sided event ("Russia attacked").
    pub require_dyad: bool,
    goldstein: HashMap<String, f64>,
    intensity: HashMap<(EventType, String), f64>,
    matcher: names::NameMatcher,
    by_code: HashMap<String, u32>,
    version: String,
}

impl Lexicon {
    /// The dictionaries shipped in the binary.
    pub fn builtin() -> Result<&'static Lexicon, &'static Error> {
        BUILTIN.as_ref()
    }

    /// Loads the nine source files from a directory (see [`FILES`]).
    pub fn from_dir(dir: &Path) -> Result<Lexicon, Error> {
        let mut texts = Vec::with_capacity(FILES.len());
        for f in FILES {
            let path = dir.join(f);
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.display().to_string(),
                source,
            })?;
            texts.push(text);
        }
        let s = Sources {
            countries: &texts[0],
            organisations: &texts[1],
            media: &texts[2],
            agents: &texts[3],
            people: &texts[4],
            triggers: &texts[5],
            cameo_verbs: &texts[6],
            irregular_verbs: &texts[7],
            goldstein: &texts[8],
            plover_scores: &texts[9],
        };
        Lexicon::from_sources(&s)
    }

    /// Loads, validates and compiles the sources.
    pub fn from_sources(s: &Sources<'_>) -> Result<Lexicon, Error> {
        let countries = entities::load_countries(s.countries)?;
        let organisations = entities::load_organisations(s.organisations)?;
        let media = entities::load_media(s.media)?;
        let agents = entities::load_agents(s.agents)?;
        let people = entities::load_people(s.people)?;
        let inflector = Inflector::load(s.irregular_verbs)?;
        let triggers = Triggers::load_files(
            &[
                ("triggers.tsv", s.triggers),
                ("cameo-verbs.tsv", s.cameo_verbs),
            ],
            &inflector,
        )?;
        let goldstein = scores::load_goldstein(s.goldstein)?;
        let intensity = scores::load_intensity(s.plover_scores)?;
        let matcher =
            names::NameMatcher::build(&countries, &organisations, &media, &people, &agents)?;
        let by_code = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i as u32))
            .collect();
        let all = [
            s.countries,
            s.organisations,
            s.media,
            s.agents,
            s.people,
            s.triggers,
            s.cameo_verbs,
            s.irregular_verbs,
            s.goldstein,
            s.plover_scores,
        ];
        let parts: Vec<&[u8]> = all.iter().map(|t| t.as_bytes()).collect();
        let version = format!(
            "dyad-{}+lex.{:08x}",
            env!("CARGO_PKG_VERSION"),
            stable_hash(&parts) >> 32
        );
        Ok(Lexicon {
            countries,
            organisations,
            media,
            agents,
            people,
            triggers,
            recode_by_modality: true,
            require_dyad: false,
            goldstein,
            intensity,
            matcher,
            by_code,
            version,
        })
    }

    /// The version of the program and of this lexicon's content.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Proper names of the actor base found in `text`, leftmost-longest.
    pub fn find_names(&self, text: &str) -> Vec<NameHit<'_>> {
        self.matcher.names(text)
    }

    /// Role nouns found in `text`, leftmost-longest, any case.
    pub fn find_agents(&self, text: &str) -> Vec<AgentHit> {
        self.matcher.agents(text)
    }

    /// The country with this ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_code.get(iso3).map(|&i| &self.countries[i as usize])
    }

    /// The Goldstein score of a CAMEO event code (GDELT's table).
    pub fn goldstein(&self, cameo: &str) -> Option<f64> {
        self.goldstein.get(cameo).copied()
    }

    /// The PLOVER intensity of a type and mode; falls back to the type's
    /// score when the mode has none of its own.
    pub fn intensity(&self, event: EventType, mode: Option<&str>) -> Option<f64> {
        mode.and_then(|m| self.intensity.get(&(event, m.to_string())))
            .or_else(|| self.intensity.get(&(event, String::new())))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.triggers.patterns.len() > 100);
        assert!(lex.version().starts_with("dyad-"));
        assert_eq!(lex.goldstein("1312"), Some(-5.8));
        assert_eq!(lex.intensity(EventType::Accuse, None), Some(-3.0));
        assert_eq!(lex.intensity(EventType::Accuse, Some("allege")), Some(-3.5));
        assert_eq!(
            lex.intensity(EventType::Accuse, Some("no-such-mode")),
            Some(-3.0)
        );
    }

    #[test]
    fn every_trigger_event_and_code_is_known() {
        let lex = Lexicon::builtin().unwrap();
        for p in &lex.triggers.patterns {
            if let Some(c) = &p.cameo {
                // GDELT's table lacks 1213 (reject judicial cooperation)
                // and 1952 (drone strike), which PETRARCH2's dictionary uses.
                assert!(
                    lex.goldstein(c).is_some()
                        || (p.file == "cameo-verbs.tsv" && matches!(c.as_str(), "1213" | "1952")),
                    "{}:{} CAMEO {c} has no Goldstein score",
                    p.file,
                    p.line
                );
            }
            assert!(
                lex.intensity(p.event, p.mode.as_deref()).is_some(),
                "{}:{}",
                p.file,
                p.line
            );
        }
        // All 16 types have at least one pattern.
        for t in EventType::ALL {
            assert!(
                lex.triggers.patterns.iter().any(|p| p.event == t),
                "no pattern for {t}"
            );
        }
    }
}
