//! The PLOVER event types and the four quad classes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the 16 PLOVER event types (PLOVER manual, draft 0.8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// The quad class: verbal/material cooperation/conflict, numbered 1–4 as in
/// GDELT's `QuadClass` and the PLOVER manual.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quad {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl EventType {
    /// All 16 types in the manual's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The upper-case PLOVER name, e.g. `"CONSULT"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// The quad class of the type (PLOVER manual, event category table).
    pub fn quad(self) -> Quad {
        use EventType::*;
        match self {
            Agree | Consult | Support | Concede => Quad::VerbalCooperation,
            Cooperate | Aid | Retreat => Quad::MaterialCooperation,
            Request | Accuse | Reject | Threaten => Quad::VerbalConflict,
            Protest | Sanction | Mobilize | Coerce | Assault => Quad::MaterialConflict,
        }
    }

    /// Whether the event is symmetric: both sides act ("talks between A and B").
    pub fn is_reciprocal_capable(self) -> bool {
        matches!(
            self,
            EventType::Consult | EventType::Agree | EventType::Cooperate | EventType::Assault
        )
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown event type name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEventType(pub String);

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown PLOVER event type {:?}", self.0)
    }
}

impl std::error::Error for UnknownEventType {}

impl FromStr for EventType {
    type Err = UnknownEventType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // the names are upper case: equal to the upper-cased `s` exactly
        // when equal to `s` ignoring ASCII case
        let name = s.trim();
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownEventType(s.to_string()))
    }
}

impl Quad {
    /// The number 1–4.
    pub fn number(self) -> u8 {
        self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>().unwrap(), t);
            let lower = format!(" {} ", t.as_str().to_lowercase());
            assert_eq!(lower.parse::<EventType>().unwrap(), t);
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert!("FIGHT".parse::<EventType>().is_err());
    }

    #[test]
    fn quads_follow_the_manual() {
        assert_eq!(EventType::Consult.quad().number(), 1);
        assert_eq!(EventType::Aid.quad().number(), 2);
        assert_eq!(EventType::Threaten.quad().number(), 3);
        assert_eq!(EventType::Assault.quad().number(), 4);
    }
}
