//! Announced actions are intents. CAMEO codes "will provide aid" as 033
//! (express intent to provide material aid) and PLOVER files it under AGREE;
//! "will impose sanctions" is a threat (CAMEO 13). This module maps a
//! future-tense event to the intent it expresses.

use dyad_model::EventType;

/// The type and CAMEO code an announced event of type `t` is coded as, if
/// announcing it is an intent or a threat; `None` to keep it as it is.
pub(crate) fn recode(t: EventType, cameo: Option<&str>) -> Option<(EventType, &'static str)> {
    use EventType::*;
    let code = match t {
        Aid => match cameo {
            Some("071") => "0331",
            Some("072") => "0332",
            Some("073") => "0333",
            _ => "033",
        },
        Cooperate => match cameo {
            Some("061") => "0311",
            Some("062") => "0312",
            Some("063") => "0313",
            Some("064") => "0314",
            _ => "031",
        },
        Support => "032",
        Consult => "036",
        Retreat => match cameo {
            Some(c) if c.starts_with("084") => "0353",
            Some("085") => "0354",
            Some(c) if c.starts_with("087") => "0356",
            _ => "035",
        },
        Concede => "035",
        Sanction => match cameo {
            Some("163") => "1312",
            Some(c) if c.starts_with("162") => "1311",
            Some("161") => "1313",
            _ => "131",
        },
        Coerce => match cameo {
            Some("173") | Some("174") => "137",
            Some("191") => "1381",
            Some("192") => "1382",
            _ => "130",
        },
        Assault => "138",
        // "will boycott the elections": a threat to protest
        Protest => match cameo {
            Some("143") => "1312",
            _ => "130",
        },
        _ => return None,
    };
    let to = if matches!(t, Sanction | Coerce | Assault | Protest) {
        Threaten
    } else {
        Agree
    };
    Some((to, code))
}

/// The CAMEO code of refusing to do what an event of type `t` does ("will
/// not accept", "would not meet"), if not doing it is a refusal (CAMEO 12).
pub(crate) fn refusal(t: EventType, cameo: Option<&str>) -> Option<&'static str> {
    use EventType::*;
    Some(match t {
        Consult => "125",
        Agree | Support => "120",
        Cooperate => "121",
        Aid => match cameo {
            Some("071") => "1221",
            Some("072") => "1222",
            Some("073") => "1223",
            _ => "122",
        },
        Concede | Retreat => "124",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announced_cooperation_is_agreement_and_announced_harm_a_threat() {
        assert_eq!(
            recode(EventType::Aid, Some("073")),
            Some((EventType::Agree, "0333"))
        );
        assert_eq!(
            recode(EventType::Consult, Some("040")),
            Some((EventType::Agree, "036"))
        );
        assert_eq!(
            recode(EventType::Sanction, Some("163")),
            Some((EventType::Threaten, "1312"))
        );
        assert_eq!(
            recode(EventType::Assault, Some("190")),
            Some((EventType::Threaten, "138"))
        );
        assert_eq!(recode(EventType::Request, Some("100")), None);
        assert_eq!(refusal(EventType::Consult, Some("040")), Some("125"));
        assert_eq!(refusal(EventType::Assault, Some("190")), None);
        assert_eq!(
            recode(EventType::Protest, Some("143")),
            Some((EventType::Threaten, "1312"))
        );
    }
}
