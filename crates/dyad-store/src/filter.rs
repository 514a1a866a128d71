//! What `dyad query` and the API select events by.

use dyad_model::{ActorRef, Event, EventType, Modality};

/// One actor term: matches an actor whose country, sector, CAMEO code,
/// actor-base id or name equals it, ignoring ASCII case ("USA", "GOV",
/// "USAGOV", "vladimir-putin", "Vladimir Putin").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorTerm(pub String);

impl ActorTerm {
    pub fn new(s: &str) -> ActorTerm {
        ActorTerm(s.trim().to_string())
    }

    pub fn matches(&self, a: &ActorRef) -> bool {
        let t = self.0.as_str();
        [
            a.country.as_deref(),
            a.sector.as_deref(),
            a.cameo.as_deref(),
            a.kb_id.as_deref(),
            a.name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|v| v.eq_ignore_ascii_case(t))
    }
}

/// A selection of stored events. Every field left empty selects all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// An actor (the source side) matches.
    pub actor: Option<ActorTerm>,
    /// A recipient matches.
    pub recipient: Option<ActorTerm>,
    /// The event links the first to the second: an actor and a recipient, or
    /// two actors of a reciprocal event; either way round unless `directed`.
    pub dyad: Option<(ActorTerm, ActorTerm)>,
    pub directed: bool,
    /// Any of these types.
    pub types: Vec<EventType>,
    /// The PLOVER mode, ignoring case.
    pub mode: Option<String>,
    /// Any of these quad classes (1–4).
    pub quads: Vec<u8>,
    /// Any of these modalities.
    pub modalities: Vec<Modality>,
    /// Event date from (inclusive), `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Event date until (inclusive), `YYYY-MM-DD`.
    pub until: Option<String>,
    /// The event's place name or country, ignoring ASCII case.
    pub place: Option<String>,
    /// Words in the sentence, ignoring ASCII case.
    pub text: Option<String>,
    /// Events reported by this document.
    pub doc_id: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl Filter {
    /// Whether an event matches, all but `doc_id` (which needs the
    /// mentions) and the paging. The reference semantics: the SQL backend
    /// must select the same events.
    pub fn matches(&self, e: &Event) -> bool {
        if let Some(t) = &self.actor {
            if !e.actors.iter().any(|a| t.matches(a)) {
                return false;
            }
        }
        if let Some(t) = &self.recipient {
            if !e.recipients.iter().any(|a| t.matches(a)) {
                return false;
            }
        }
        if let Some((x, y)) = &self.dyad {
            let sides = crate::identity::sides(e);
            let forward = sides.iter().any(|(a, b)| x.matches(a) && y.matches(b));
            let backward =
                !self.directed && sides.iter().any(|(a, b)| y.matches(a) && x.matches(b));
            if !forward && !backward {
                return false;
            }
        }
        if !self.types.is_empty() && !self.types.contains(&e.event_type) {
            return false;
        }
        if let Some(m) = &self.mode {
            if !e.mode.as_deref().is_some_and(|v| v.eq_ignore_ascii_case(m)) {
                return false;
            }
        }
        if !self.quads.is_empty() && !self.quads.contains(&e.quad) {
            return false;
        }
        if !self.modalities.is_empty() && !self.modalities.contains(&e.modality) {
            return false;
        }
        if let Some(s) = &self.since {
            if e.date.as_deref().is_none_or(|d| d < s.as_str()) {
                return false;
            }
        }
        if let Some(u) = &self.until {
            if e.date.as_deref().is_none_or(|d| d > u.as_str()) {
                return false;
            }
        }
        if let Some(p) = &self.place {
            let hit = e.location.as_ref().is_some_and(|l| {
                l.name.eq_ignore_ascii_case(p)
                    || l.country
                        .as_deref()
                        .is_some_and(|c| c.eq_ignore_ascii_case(p))
            });
            if !hit {
                return false;
            }
        }
        if let Some(t) = &self.text {
            if !e
                .text
                .to_ascii_lowercase()
                .contains(&t.to_ascii_lowercase())
            {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_terms_match_codes_ids_and_names_in_any_case() {
        let putin = ActorRef {
            text: "Russian President Vladimir Putin".into(),
            name: Some("Vladimir Putin".into()),
            country: Some("RUS".into()),
            sector: Some("GOV".into()),
            cameo: Some("RUSGOV".into()),
            kb_id: Some("vladimir-putin".into()),
            ..ActorRef::default()
        };
        for t in ["rus", "GOV", "RusGov", "vladimir-putin", "vladimir putin"] {
            assert!(ActorTerm::new(t).matches(&putin), "{t}");
        }
        for t in ["USA", "Putin", "MIL"] {
            assert!(!ActorTerm::new(t).matches(&putin), "{t}");
        }
    }
}

/// Parsing filter values from text, shared by `dyad query` and the HTTP API
/// so that both accept and refuse the same things. Each error names the
/// value and what was expected; the caller adds the option's name.
pub mod parse {
    use super::ActorTerm;
    use dyad_model::{EventType, Modality};

    fn list(v: &str) -> Vec<&str> {
        v.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect()
    }

    /// Comma-separated PLOVER types, any case.
    pub fn types(v: &str) -> Result<Vec<EventType>, String> {
        list(v)
            .into_iter()
            .map(|t| {
                t.to_ascii_uppercase().parse::<EventType>().map_err(|_| {
                    format!("{t:?} is not a PLOVER event type (e.g. CONSULT, THREATEN)")
                })
            })
            .collect()
    }

    /// Comma-separated quad classes 1–4.
    pub fn quads(v: &str) -> Result<Vec<u8>, String> {
        list(v)
            .into_iter()
            .map(|q| match q.parse::<u8>() {
                Ok(n @ 1..=4) => Ok(n),
                _ => Err(format!("{q:?} is not a quad class (1-4)")),
            })
            .collect()
    }

    /// Comma-separated modalities.
    pub fn modalities(v: &str) -> Result<Vec<Modality>, String> {
        list(v)
            .into_iter()
            .map(|m| {
                serde_json::from_value::<Modality>(serde_json::Value::String(m.to_lowercase()))
                    .map_err(|_| {
                        format!(
                            "{m:?} is not one of asserted, negated, conditional, future, reported"
                        )
                    })
            })
            .collect()
    }

    /// Two comma-separated actors.
    pub fn pair(v: &str) -> Result<(ActorTerm, ActorTerm), String> {
        match list(v).as_slice() {
            [a, b] => Ok((ActorTerm::new(a), ActorTerm::new(b))),
            _ => Err(format!(
                "{v:?}: give two actors separated by a comma, e.g. USA,RUS"
            )),
        }
    }

    /// A `YYYY-MM-DD` date.
    pub fn date(v: &str) -> Result<String, String> {
        v.parse::<jiff::civil::Date>()
            .map(|_| v.to_string())
            .map_err(|_| format!("{v:?} is not a date (YYYY-MM-DD)"))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn values_parse_or_say_why_not() {
            assert_eq!(
                types("threaten, Sanction").unwrap(),
                [EventType::Threaten, EventType::Sanction]
            );
            assert!(types("PARLEY")
                .unwrap_err()
                .contains("not a PLOVER event type"));
            assert_eq!(quads("1,4").unwrap(), [1, 4]);
            assert!(quads("5").unwrap_err().contains("not a quad class"));
            assert_eq!(modalities("Negated").unwrap(), [Modality::Negated]);
            assert!(modalities("maybe").is_err());
            assert_eq!(pair("usa, rus").unwrap().1, ActorTerm::new("rus"));
            assert!(pair("USA").unwrap_err().contains("two actors"));
            assert!(date("2025-02-30").is_err());
            assert_eq!(date("2025-08-06").unwrap(), "2025-08-06");
        }
    }
}
