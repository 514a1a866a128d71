//! Comparing actor codes: the CAMEO/Phoenix codes of the gold sets
//! (`USAGOV`, `---REB`, `IGOUNOMIL`, `SYROPPHRI`) with dyad's actors.
//!
//! A code is split into *who* (a country, an organisation, or unknown) and
//! its *sectors* (the three-letter role codes after the country). Chunks that
//! are neither (religions such as `MUS`, regions such as `GZA`, ethnic codes)
//! are ignored. The leniencies are documented in `docs/eval.md`.

use dyad_model::ActorRef;

/// Who an actor is, at the level the scoring compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// `---` in PETRARCH codes: a sector without a known country.
    Unknown,
    /// A country code, normalised to ISO 3166 alpha-3.
    Country(String),
    /// An international or non-state organisation: `IGO`, `NGO`, `IMG`,
    /// `MNC` followed by its own chunks (`IGOUNO`, `IGOEUREEC`).
    Org(String),
}

/// An actor code split for comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorCode {
    pub who: Who,
    /// Role sectors in code order (`GOV`, `MIL`, …), normalised.
    pub sectors: Vec<String>,
}

impl std::fmt::Display for ActorCode {
    /// The code as compared: `USAGOV`, `---REB`, `IGOUNO`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.who {
            Who::Unknown => f.write_str("---")?,
            Who::Country(c) | Who::Org(c) => f.write_str(c)?,
        }
        self.sectors.iter().try_for_each(|s| f.write_str(s))
    }
}

/// The role sectors of CAMEO, Phoenix and PLOVER that the scoring compares.
const SECTORS: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS",
    "JRN", "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP", "PPL", "PTY", "RAD", "REB", "REF",
    "SOC", "SPY", "UAF",
];

/// Prefixes of organisation codes.
const ORGS: &[&str] = &["IGO", "NGO", "IMG", "MNC", "NGM"];

/// Sectors that different codebooks use for the same role: armed non-state
/// groups, and ordinary people.
const SAME_ROLE: &[&[&str]] = &[&["REB", "INS", "UAF"], &["CVL", "PPL", "SOC"]];

/// Country codes of CAMEO or the PLOVER gold records that differ from ISO.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("ITL", "ITA"),
    ("JAP", "JPN"),
    ("KSV", "XKX"),
    ("ROM", "ROU"),
    ("TMP", "TLS"),
    ("VTN", "VNM"),
    ("ZAR", "COD"),
];

fn country(code: &str) -> String {
    let up = code.to_ascii_uppercase();
    COUNTRY_ALIASES
        .iter()
        .find(|(alias, _)| *alias == up)
        .map_or(up, |(_, iso)| (*iso).to_string())
}

fn sector(chunk: &str) -> Option<String> {
    let up = chunk.get(..3)?.to_ascii_uppercase();
    // "CIV" is a misspelling of CVL in the PLOVER records.
    let up = if up == "CIV" { "CVL".to_string() } else { up };
    SECTORS.contains(&up.as_str()).then_some(up)
}

fn chunks(code: &str) -> Vec<&str> {
    (0..code.len() / 3)
        .filter_map(|k| code.get(k * 3..k * 3 + 3))
        .collect()
}

impl ActorCode {
    /// Parses a CAMEO/Phoenix actor code such as `USAGOV`, `---REB` or
    /// `IGOUNOMIL`. An empty or too short code is `Unknown`.
    pub fn parse(code: &str) -> ActorCode {
        let code = code.trim().to_ascii_uppercase();
        let parts = chunks(&code);
        let Some(&head) = parts.first() else {
            return ActorCode {
                who: Who::Unknown,
                sectors: Vec::new(),
            };
        };
        let rest = &parts[1..];
        if ORGS.contains(&head) {
            // The organisation runs until the first sector chunk.
            let first_sector = rest.iter().position(|c| sector(c).is_some());
            let org_len = first_sector.unwrap_or(rest.len());
            let org: String = std::iter::once(head)
                .chain(rest[..org_len].iter().copied())
                .collect();
            return ActorCode {
                who: Who::Org(org),
                sectors: rest[org_len..].iter().filter_map(|c| sector(c)).collect(),
            };
        }
        let who = if head == "---" {
            Who::Unknown
        } else {
            Who::Country(country(head))
        };
        ActorCode {
            who,
            sectors: rest.iter().filter_map(|c| sector(c)).collect(),
        }
    }

    /// `---`: no country, organisation or sector known.
    pub fn is_unknown(&self) -> bool {
        matches!(self.who, Who::Unknown) && self.sectors.is_empty()
    }

    /// A gold actor given as a country (or organisation) code and a separate
    /// sector, as in the PLOVER records (`{code: "IGO", sector: "MIL"}`).
    pub fn from_parts(code: &str, sector_text: Option<&str>) -> ActorCode {
        let mut a = ActorCode::parse(code);
        if let Some(s) = sector_text.and_then(sector) {
            if !a.sectors.contains(&s) {
                a.sectors.push(s);
            }
        }
        a
    }

    /// dyad's actor: its CAMEO code for organisations, else its country and
    /// sector fields.
    pub fn of(actor: &ActorRef) -> ActorCode {
        let cameo = actor.cameo.as_deref().unwrap_or("").to_ascii_uppercase();
        let is_org = actor.sector.as_deref().is_some_and(|s| ORGS.contains(&s))
            || cameo.get(..3).is_some_and(|h| ORGS.contains(&h));
        if is_org && cameo.get(..3).is_some_and(|h| ORGS.contains(&h)) {
            return ActorCode::parse(&cameo);
        }
        if is_org {
            let org = actor.sector.clone().unwrap_or_default();
            return ActorCode {
                who: Who::Org(org),
                sectors: Vec::new(),
            };
        }
        let who = match actor.country.as_deref() {
            Some(c) if !c.is_empty() => Who::Country(country(c)),
            _ => Who::Unknown,
        };
        let mut sectors: Vec<String> = actor
            .sector
            .as_deref()
            .and_then(sector)
            .into_iter()
            .collect();
        // Further roles from the CAMEO code (`IRQGOVMIL`), after the country.
        for c in chunks(&cameo)
            .into_iter()
            .skip(usize::from(who != Who::Unknown))
        {
            if let Some(s) = sector(c) {
                if !sectors.contains(&s) {
                    sectors.push(s);
                }
            }
        }
        ActorCode { who, sectors }
    }

    /// Whether a prediction matches this gold actor: the same country (or
    /// organisation), and, when `with_sectors` and the gold names a sector,
    /// one of the gold's sectors. See `docs/eval.md` for the leniencies.
    pub fn admits(&self, pred: &ActorCode, with_sectors: bool) -> bool {
        let who = match (&self.who, &pred.who) {
            (Who::Unknown, _) => true,
            (Who::Country(g), Who::Country(p)) => g == p,
            (Who::Org(g), Who::Org(p)) => g.starts_with(p.as_str()) || p.starts_with(g.as_str()),
            _ => false,
        };
        if !who {
            return false;
        }
        if !with_sectors || self.sectors.is_empty() {
            return true;
        }
        match pred.sectors.first() {
            // A bare country (or organisation) stands for its government.
            None => self.sectors.iter().any(|s| s == "GOV"),
            Some(p) => self.sectors.iter().any(|g| same_role(g, p)),
        }
    }
}

fn same_role(a: &str, b: &str) -> bool {
    a == b
        || SAME_ROLE
            .iter()
            .any(|group| group.contains(&a) && group.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(country: Option<&str>, sector: Option<&str>, cameo: Option<&str>) -> ActorRef {
        ActorRef {
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
            cameo: cameo.map(str::to_string),
            ..ActorRef::default()
        }
    }

    #[test]
    fn parses_petrarch_codes() {
        let a = ActorCode::parse("SYROPPHRI");
        assert_eq!(a.who, Who::Country("SYR".into()));
        assert_eq!(a.sectors, ["OPP", "HRI"]);
        let a = ActorCode::parse("---REB");
        assert_eq!((a.who, a.sectors), (Who::Unknown, vec!["REB".to_string()]));
        let a = ActorCode::parse("IGOUNOMIL");
        assert_eq!(
            (a.who, a.sectors),
            (Who::Org("IGOUNO".into()), vec!["MIL".to_string()])
        );
        // Religion and region chunks are not sectors.
        assert_eq!(ActorCode::parse("PSEGZACVL").sectors, ["CVL"]);
        assert_eq!(ActorCode::parse("IRQMUS").sectors, Vec::<String>::new());
        assert_eq!(ActorCode::parse("JAP").who, Who::Country("JPN".into()));
        assert_eq!(ActorCode::parse("").who, Who::Unknown);
    }

    #[test]
    fn country_and_sector_must_agree() {
        let usagov = ActorCode::of(&actor(Some("USA"), Some("GOV"), Some("USAGOV")));
        assert!(ActorCode::parse("USA").admits(&usagov, true));
        assert!(ActorCode::parse("USAGOV").admits(&usagov, true));
        assert!(!ActorCode::parse("USAMIL").admits(&usagov, true));
        assert!(ActorCode::parse("USAMIL").admits(&usagov, false));
        assert!(!ActorCode::parse("RUSGOV").admits(&usagov, false));
    }

    #[test]
    fn leniencies() {
        let bare = ActorCode::of(&actor(Some("USA"), None, Some("USA")));
        assert!(ActorCode::parse("USAGOV").admits(&bare, true));
        assert!(!ActorCode::parse("USAMIL").admits(&bare, true));
        let rebels = ActorCode::of(&actor(None, Some("REB"), Some("REB")));
        assert!(ActorCode::parse("---REB").admits(&rebels, true));
        assert!(ActorCode::parse("---INS").admits(&rebels, true));
        assert!(!ActorCode::parse("SYR").admits(&rebels, true));
        let un = ActorCode::of(&actor(Some("UNO"), Some("IGO"), Some("IGOUNO")));
        assert!(ActorCode::parse("IGOUNOMIL").admits(&un, false));
        assert!(ActorCode::from_parts("IGO", None).admits(&un, true));
        assert!(!ActorCode::from_parts("NGO", None).admits(&un, true));
        let iraqi_army = ActorCode::of(&actor(Some("IRQ"), Some("MIL"), Some("IRQMIL")));
        assert!(ActorCode::parse("IRQGOVMIL").admits(&iraqi_army, true));
        assert!(ActorCode::from_parts("IRQ", Some("MILsrp")).admits(&iraqi_army, true));
    }

    #[test]
    fn odd_codes_never_panic() {
        for code in ["", "U", "ÉÉÉGOV", "IG€", "---", "IGO", "NGOéé"] {
            let _ = ActorCode::parse(code);
            let a = actor(Some(code), Some(code), Some(code));
            let _ = ActorCode::parse(code).admits(&ActorCode::of(&a), true);
        }
    }
}
