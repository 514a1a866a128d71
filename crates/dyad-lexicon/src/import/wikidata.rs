//! Wikidata entities as JSON lines (the entity format of the Wikidata JSON
//! dumps: one entity per line; the dump's `[`, `]` lines and trailing commas
//! are accepted).
//!
//! Read: `id`, `labels.en.value`, `aliases.en[].value` and the claims
//! `P31` instance of, `P39` position held (qualifiers `P580` start time,
//! `P582` end time, `P17` country, `P1001` jurisdiction), `P27` citizenship,
//! `P17` country, `P298` ISO 3166-1 alpha-3, `P1549` demonym, `P279`
//! subclass of, `P1813` short name.
//!
//! - A country (`P31` Q6256 country or Q3624078 sovereign state) with an
//!   ISO code (its `P298`, or one of a few well-known countries) is a row of
//!   `countries.tsv`.
//! - An organisation (`P31` Q43229 organisation, Q484652 international
//!   organisation, Q245065 intergovernmental organisation, Q1127126 military
//!   alliance, Q163740 non-profit, Q79913 NGO, Q7278 political party) is a
//!   row of `organisations.tsv`; IGOs get sector `IGO` and their own code
//!   (NATO, UNO, EUR for NATO, the UN and the EU; else the short name), NGOs
//!   `NGO`, parties `PTY`.
//! - A human (`P31` Q5) is a person with one role per position held that
//!   maps to a sector. The mapping is conservative: heads of state and of
//!   government, presidents, prime ministers and ministers (Q48352,
//!   Q2285706, Q30461, Q11696, Q14212, Q83307, or a position that is an
//!   instance or subclass of one of them) are `GOV`; another position is
//!   `GOV` only if its English label says minister, president or prime
//!   minister; every other position is left out, and a human with no
//!   position left is left out. The role's country is the claim's `P17` or
//!   `P1001`, else the position's, else the person's first citizenship.
//!
//! Dates keep the precision Wikidata gives (day, month or year).

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Import, ImportedPerson, PersonRole};
use crate::build::dates::Date;

/// Well-known country items and their ISO codes, for files that do not
/// carry the country items themselves.
const KNOWN_COUNTRIES: &[(&str, &str)] = &[
    ("Q16", "CAN"),
    ("Q17", "JPN"),
    ("Q30", "USA"),
    ("Q36", "POL"),
    ("Q38", "ITA"),
    ("Q43", "TUR"),
    ("Q79", "EGY"),
    ("Q96", "MEX"),
    ("Q142", "FRA"),
    ("Q145", "GBR"),
    ("Q148", "CHN"),
    ("Q155", "BRA"),
    ("Q159", "RUS"),
    ("Q183", "DEU"),
    ("Q184", "BLR"),
    ("Q212", "UKR"),
    ("Q252", "IDN"),
    ("Q258", "ZAF"),
    ("Q408", "AUS"),
    ("Q414", "ARG"),
    ("Q423", "PRK"),
    ("Q668", "IND"),
    ("Q794", "IRN"),
    ("Q801", "ISR"),
    ("Q851", "SAU"),
    ("Q858", "SYR"),
    ("Q884", "KOR"),
];

/// IGOs with the project's own codes.
const KNOWN_IGOS: &[(&str, &str)] = &[("Q458", "EUR"), ("Q1065", "UNO"), ("Q7184", "NATO")];

/// Government positions: item and office name.
const GOV_POSITIONS: &[(&str, &str)] = &[
    ("Q48352", "head of state"),
    ("Q2285706", "head of government"),
    ("Q30461", "president"),
    ("Q11696", "President of the United States"),
    ("Q14212", "prime minister"),
    ("Q83307", "minister"),
];

const COUNTRY_CLASSES: &[&str] = &["Q6256", "Q3624078"];
const IGO_CLASSES: &[&str] = &["Q484652", "Q245065", "Q1127126"];
const NGO_CLASSES: &[&str] = &["Q163740", "Q79913"];
const PARTY_CLASSES: &[&str] = &["Q7278"];
const ORG_CLASSES: &[&str] = &["Q43229", "Q7210356"];

/// What is read of one entity.
#[derive(Debug, Clone, Default)]
struct Entity {
    line: usize,
    id: String,
    label: String,
    aliases: Vec<String>,
    claims: Value,
}

impl Entity {
    /// The item ids a property's main values point to (deprecated claims left out).
    fn items(&self, prop: &str) -> Vec<String> {
        statements(&self.claims, prop)
            .filter_map(|s| item_id(&s["mainsnak"]))
            .collect()
    }

    fn strings(&self, prop: &str) -> Vec<String> {
        statements(&self.claims, prop)
            .filter_map(|s| {
                s["mainsnak"]["datavalue"]["value"]
                    .as_str()
                    .map(str::to_string)
            })
            .collect()
    }

    /// English monolingual texts (`P1549` demonym, `P1813` short name).
    fn english_texts(&self, prop: &str) -> Vec<String> {
        statements(&self.claims, prop)
            .filter_map(|s| {
                let v = &s["mainsnak"]["datavalue"]["value"];
                (v["language"].as_str() == Some("en"))
                    .then(|| v["text"].as_str().map(str::to_string))
                    .flatten()
            })
            .collect()
    }

    fn is_a(&self, classes: &[&str]) -> bool {
        self.items("P31")
            .iter()
            .any(|c| classes.contains(&c.as_str()))
    }
}

fn statements<'v>(claims: &'v Value, prop: &str) -> impl Iterator<Item = &'v Value> {
    claims[prop]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["rank"].as_str() != Some("deprecated"))
}

fn item_id(snak: &Value) -> Option<String> {
    snak["datavalue"]["value"]["id"]
        .as_str()
        .map(str::to_string)
}

/// A Wikidata time (`+2019-05-20T00:00:00Z`, precision 9 year, 10 month,
/// 11 day) as `YYYY[-MM[-DD]]`; `None` for coarser or BCE times.
fn time(snak: &Value) -> Option<String> {
    let v = &snak["datavalue"]["value"];
    let t = v["time"].as_str()?.strip_prefix('+')?;
    let precision = v["precision"].as_u64()?;
    let date = t.split('T').next()?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let text = match precision {
        11.. => format!("{y}-{m}-{d}"),
        10 => format!("{y}-{m}"),
        9 => y.to_string(),
        _ => return None,
    };
    Date::parse_iso(&text).map(|d| d.to_string())
}

/// Reads one file of entities into the tables.
pub fn add_file(file: &str, text: &str, im: &mut Import) {
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let mut order = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim().trim_end_matches(',');
        if line.is_empty() || line == "[" || line == "]" {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                im.warn(file, i + 1, format!("not a JSON entity: {e}"));
                continue;
            }
        };
        let Some(id) = v["id"].as_str().map(str::to_string) else {
            im.warn(file, i + 1, "entity without an id");
            continue;
        };
        let e = Entity {
            line: i + 1,
            id: id.clone(),
            label: v["labels"]["en"]["value"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            aliases: v["aliases"]["en"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a["value"].as_str().map(str::to_string))
                .collect(),
            claims: v["claims"].clone(),
        };
        if entities.insert(id.clone(), e).is_some() {
            im.warn(file, i + 1, format!("{id} again; the last one is kept"));
        } else {
            order.push(id);
        }
    }
    let cx = Context {
        entities: &entities,
    };
    for id in &order {
        let e = &entities[id];
        if e.label.is_empty() {
            continue;
        }
        if e.is_a(&["Q5"]) {
            cx.person(file, e, im);
        } else if e.is_a(COUNTRY_CLASSES) {
            match cx.country_code(&e.id) {
                Some(code) => {
                    im.add_country_name(&code, &e.label, &code);
                    for a in &e.aliases {
                        im.add_country_name(&code, a, &code);
                    }
                    let row = im.countries.row_mut(&code);
                    for d in e.english_texts("P1549") {
                        crate::build::tsv::push_item(&mut row[3], &super::clean(&d));
                    }
                }
                None => im.warn(
                    file,
                    e.line,
                    format!("country {} has no ISO code (P298)", e.id),
                ),
            }
        } else if let Some(kind) = org_kind(e) {
            cx.organisation(file, e, kind, im);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OrgKind {
    Igo,
    Ngo,
    Party,
    Other,
}

fn org_kind(e: &Entity) -> Option<OrgKind> {
    if e.is_a(IGO_CLASSES) || KNOWN_IGOS.iter().any(|(q, _)| *q == e.id) {
        Some(OrgKind::Igo)
    } else if e.is_a(NGO_CLASSES) {
        Some(OrgKind::Ngo)
    } else if e.is_a(PARTY_CLASSES) {
        Some(OrgKind::Party)
    } else if e.is_a(ORG_CLASSES) {
        Some(OrgKind::Other)
    } else {
        None
    }
}

struct Context<'a> {
    entities: &'a BTreeMap<String, Entity>,
}

impl Context<'_> {
    fn country_code(&self, qid: &str) -> Option<String> {
        let from_file = self
            .entities
            .get(qid)
            .and_then(|e| e.strings("P298").into_iter().next())
            .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
        from_file.or_else(|| {
            KNOWN_COUNTRIES
                .iter()
                .find(|(q, _)| *q == qid)
                .map(|(_, c)| c.to_string())
        })
    }

    /// The office name of a government position, or `None` if it is not one.
    fn gov_office(&self, qid: &str) -> Option<String> {
        if let Some((_, name)) = GOV_POSITIONS.iter().find(|(q, _)| *q == qid) {
            return Some(name.to_string());
        }
        let e = self.entities.get(qid)?;
        let known = |q: &String| GOV_POSITIONS.iter().any(|(g, _)| g == q);
        let label = e.label.to_lowercase();
        let said = ["minister", "president", "prime minister"]
            .iter()
            .any(|w| label.contains(w));
        let kind = e.items("P31").iter().chain(&e.items("P279")).any(known);
        (said || kind).then(|| e.label.clone())
    }

    fn person(&self, file: &str, e: &Entity, im: &mut Import) {
        let citizenship = e
            .items("P27")
            .into_iter()
            .find_map(|q| self.country_code(&q));
        let mut roles = Vec::new();
        for s in statements(&e.claims, "P39") {
            let Some(pos) = item_id(&s["mainsnak"]) else {
                continue;
            };
            let Some(office) = self.gov_office(&pos) else {
                continue;
            };
            let qualifier = |p: &str| s["qualifiers"][p].as_array().and_then(|a| a.first());
            let country = ["P17", "P1001"]
                .iter()
                .filter_map(|p| qualifier(p).and_then(item_id))
                .chain(self.entities.get(&pos).into_iter().flat_map(|p| {
                    let mut v = p.items("P17");
                    v.extend(p.items("P1001"));
                    v
                }))
                .find_map(|q| self.country_code(&q))
                .or_else(|| citizenship.clone());
            let Some(country) = country else {
                im.warn(
                    file,
                    e.line,
                    format!("{}: no country for position {pos}", e.id),
                );
                continue;
            };
            let start = qualifier("P580").and_then(time).unwrap_or_default();
            let end = qualifier("P582").and_then(time).unwrap_or_default();
            if !start.is_empty() && !end.is_empty() && start > end {
                im.warn(
                    file,
                    e.line,
                    format!("{}: position {pos} ends before it starts", e.id),
                );
                continue;
            }
            roles.push(PersonRole {
                country,
                sector: "GOV".to_string(),
                office,
                start,
                end,
            });
        }
        if roles.is_empty() {
            im.warn(
                file,
                e.line,
                format!("{} ({}): no government position, left out", e.id, e.label),
            );
            return;
        }
        im.people.push(ImportedPerson {
            name: e.label.clone(),
            aliases: e.aliases.clone(),
            roles,
        });
    }

    fn organisation(&self, file: &str, e: &Entity, kind: OrgKind, im: &mut Import) {
        let country = e
            .items("P17")
            .into_iter()
            .find_map(|q| self.country_code(&q));
        let short = e
            .english_texts("P1813")
            .into_iter()
            .map(|s| s.replace('.', "").to_uppercase())
            .find(|s| (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()));
        let (country, sector) = match kind {
            OrgKind::Igo => {
                let own = KNOWN_IGOS
                    .iter()
                    .find(|(q, _)| *q == e.id)
                    .map(|(_, c)| c.to_string());
                (own.or(short).unwrap_or_else(|| "IGO".to_string()), "IGO")
            }
            OrgKind::Ngo => (country.unwrap_or_else(|| "NGO".to_string()), "NGO"),
            OrgKind::Party => match country {
                Some(c) => (c, "PTY"),
                None => {
                    im.warn(
                        file,
                        e.line,
                        format!("{}: a party without a country (P17)", e.id),
                    );
                    return;
                }
            },
            OrgKind::Other => (country.unwrap_or_else(|| "INT".to_string()), ""),
        };
        let mut aliases = e.aliases.clone();
        aliases.extend(e.english_texts("P1813"));
        im.add_organisation(&e.label, &aliases, &country, sector, "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../testdata/wikidata/entities.jsonl");

    #[test]
    fn reads_the_fixture() {
        let mut im = Import::new("wikidata");
        add_file("entities.jsonl", FIXTURE, &mut im);
        let warnings: Vec<String> = im.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "entities.jsonl:4: not a JSON entity: EOF while parsing an object at line 1 column 11",
                "entities.jsonl:9: Q900005 (Ann Painter): no government position, left out",
            ]
        );
        let eld = &im.countries.rows["ELD"];
        assert_eq!(&eld[1..4], ["Eldoria", "Republic of Eldoria", "Eldorian"]);
        let p = &im.people[0];
        assert_eq!(p.name, "Mara Quill");
        assert_eq!(p.aliases, ["M. Quill"]);
        let roles: Vec<String> = p
            .roles
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} {}..{}",
                    r.country, r.sector, r.office, r.start, r.end
                )
            })
            .collect();
        assert_eq!(
            roles,
            [
                "ELD GOV President of Eldoria 2019-05-20..2024-06",
                "USA GOV minister 2010..2012-03-01",
            ],
            "the museum director position is left out"
        );
        let nato = &im.organisations.rows["north-atlantic-treaty-organization"];
        assert_eq!(
            &nato[1..5],
            ["North Atlantic Treaty Organization", "NATO", "NATO", "IGO"]
        );
        let party = &im.organisations.rows["eldorian-green-party"];
        assert_eq!(&party[3..5], ["ELD", "PTY"]);
    }

    #[test]
    fn never_panics_on_odd_entities() {
        let mut im = Import::new("wikidata");
        let odd = r#"{"id":"Q1","labels":{"en":{"value":"X"}},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q5"}}}}],"P39":[1,{"mainsnak":7},{"mainsnak":{"datavalue":{"value":{"id":"Q83307"}}},"qualifiers":{"P580":[{"datavalue":{"value":{"time":"+2020","precision":11}}}]}}]}}
{"id":"Q2","labels":5,"claims":{"P31":"x"}}
{"id":7}
[1,2]
{"id":"Q3","labels":{"en":{"value":"Y"}},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q6256"}}}}],"P298":[{"mainsnak":{"datavalue":{"value":"Ünï"}}}]}}
"#;
        add_file("odd.jsonl", odd, &mut im);
        assert_eq!(im.people.len(), 0, "Q1 has no country");
        assert!(im.warnings.len() >= 3, "{:?}", im.warnings);
    }

    #[test]
    fn times() {
        let t = |s: &str, p: u64| {
            time(&serde_json::json!({"datavalue": {"value": {"time": s, "precision": p}}}))
        };
        assert_eq!(
            t("+2019-05-20T00:00:00Z", 11).as_deref(),
            Some("2019-05-20")
        );
        assert_eq!(t("+2019-05-00T00:00:00Z", 10).as_deref(), Some("2019-05"));
        assert_eq!(t("+2019-00-00T00:00:00Z", 9).as_deref(), Some("2019"));
        assert_eq!(t("+2019-00-00T00:00:00Z", 8), None);
        assert_eq!(t("-0044-03-15T00:00:00Z", 11), None);
    }
}
