//! The entity tables: countries, organisations, people with dated roles,
//! news media and role nouns (agents).

use crate::tsv::{self, Row};
use crate::Error;

/// A country or territory.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    pub iso3: String,
    pub name: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
    /// Seats of government used as metonyms ("the Kremlin").
    pub seats: Vec<String>,
    pub cameo: String,
}

/// An international organisation or a non-state group.
#[derive(Clone, Debug, PartialEq)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// An IGO code (NATO, UNO, EUR) or the ISO3 of a national group.
    pub country: String,
    pub sector: Option<String>,
    pub cameo: String,
}

/// A news medium.
#[derive(Clone, Debug, PartialEq)]
pub struct Media {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: String,
}

/// A role noun ("special envoy", "troops") and its sector.
#[derive(Clone, Debug, PartialEq)]
pub struct Agent {
    pub phrase: String,
    pub sector: String,
}

/// One dated role of a person. Dates are `YYYY-MM-DD` after loading
/// (a bare year or month is widened: a start to its first day, an end to its last).
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub country: String,
    pub sector: String,
    pub office: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
}

impl Role {
    /// Whether the role holds on `date` (`YYYY-MM-DD`).
    pub fn holds_on(&self, date: &str) -> bool {
        self.start.as_deref().is_none_or(|s| s <= date)
            && self.end.as_deref().is_none_or(|e| date <= e)
    }
}

/// A person and their roles, in the order of their start dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub kb_id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
}

/// What a person was on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing<'a> {
    pub country: &'a str,
    /// The sector; `ELI` for a former holder of a government office.
    pub sector: &'a str,
    pub office: Option<&'a str>,
}

fn standing(r: &Role) -> Standing<'_> {
    Standing {
        country: &r.country,
        sector: &r.sector,
        office: r.office.as_deref(),
    }
}

impl Person {
    /// The role that holds on `date`; with no date, the latest role. A person
    /// whose government roles all ended before `date` is a former leader (ELI).
    pub fn standing_on(&self, date: Option<&str>) -> Option<Standing<'_>> {
        let Some(date) = date else {
            return self.roles.last().map(standing);
        };
        // Prefer a government role when several hold (a president who is
        // also party leader).
        let holding: Vec<&Role> = self.roles.iter().filter(|r| r.holds_on(date)).collect();
        if let Some(r) = holding
            .iter()
            .find(|r| r.sector == "GOV")
            .or(holding.first())
        {
            return Some(standing(r));
        }
        let before: Vec<&Role> = self
            .roles
            .iter()
            .filter(|r| r.end.as_deref().is_some_and(|e| e < date))
            .collect();
        if let Some(last) = before.last() {
            let sector = if matches!(last.sector.as_str(), "GOV" | "ELI") {
                "ELI"
            } else {
                &last.sector
            };
            return Some(Standing {
                country: &last.country,
                sector,
                office: None,
            });
        }
        // Before the first known role: the country only is safe to say.
        self.roles.first().map(|r| Standing {
            country: &r.country,
            sector: "",
            office: None,
        })
    }
}

pub(crate) fn load_countries(text: &str) -> Result<Vec<Country>, Error> {
    const FILE: &str = "countries.tsv";
    let rows = tsv::parse(
        FILE,
        text,
        &[
            "iso3",
            "name",
            "names",
            "adjectives",
            "capitals",
            "seats",
            "cameo",
        ],
    )?;
    rows.iter()
        .map(|r| {
            let iso3 = required(FILE, r, 0, "iso3")?;
            Ok(Country {
                iso3: iso3.to_string(),
                name: required(FILE, r, 1, "name")?.to_string(),
                names: owned(r.list(2)),
                adjectives: owned(r.list(3)),
                capitals: owned(r.list(4)),
                seats: owned(r.list(5)),
                cameo: r.opt(6).unwrap_or(iso3).to_string(),
            })
        })
        .collect()
}

pub(crate) fn load_organisations(text: &str) -> Result<Vec<Organisation>, Error> {
    const FILE: &str = "organisations.tsv";
    let rows = tsv::parse(
        FILE,
        text,
        &["id", "name", "aliases", "country", "sector", "cameo"],
    )?;
    rows.iter()
        .map(|r| {
            Ok(Organisation {
                id: required(FILE, r, 0, "id")?.to_string(),
                name: required(FILE, r, 1, "name")?.to_string(),
                aliases: owned(r.list(2)),
                country: required(FILE, r, 3, "country")?.to_string(),
                sector: r.opt(4).map(str::to_string),
                cameo: r.opt(5).unwrap_or(r.get(3)).to_string(),
            })
        })
        .collect()
}

pub(crate) fn load_media(text: &str) -> Result<Vec<Media>, Error> {
    const FILE: &str = "media.tsv";
    let rows = tsv::parse(FILE, text, &["id", "name", "aliases", "country"])?;
    rows.iter()
        .map(|r| {
            Ok(Media {
                id: required(FILE, r, 0, "id")?.to_string(),
                name: required(FILE, r, 1, "name")?.to_string(),
                aliases: owned(r.list(2)),
                country: required(FILE, r, 3, "country")?.to_string(),
            })
        })
        .collect()
}

pub(crate) fn load_agents(text: &str) -> Result<Vec<Agent>, Error> {
    const FILE: &str = "agents.tsv";
    let rows = tsv::parse(FILE, text, &["phrase", "sector"])?;
    rows.iter()
        .map(|r| {
            Ok(Agent {
                phrase: required(FILE, r, 0, "phrase")?.to_lowercase(),
                sector: required(FILE, r, 1, "sector")?
                    .trim_matches('~')
                    .to_string(),
            })
        })
        .collect()
}

pub(crate) fn load_people(text: &str) -> Result<Vec<Person>, Error> {
    const FILE: &str = "people.tsv";
    let rows = tsv::parse(
        FILE,
        text,
        &[
            "kb_id", "name", "aliases", "country", "sector", "office", "start", "end",
        ],
    )?;
    let mut people: Vec<Person> = Vec::new();
    for r in &rows {
        let kb_id = required(FILE, r, 0, "kb_id")?;
        let start = r.opt(6).map(|d| widen(FILE, r, d, false)).transpose()?;
        let end = r.opt(7).map(|d| widen(FILE, r, d, true)).transpose()?;
        if let (Some(s), Some(e)) = (&start, &end) {
            if s > e {
                return Err(Error::row(
                    FILE,
                    r.line,
                    format!("start {s} is after end {e}"),
                ));
            }
        }
        let role = Role {
            country: required(FILE, r, 3, "country")?.to_string(),
            sector: r.get(4).to_string(),
            office: r.opt(5).map(str::to_string),
            start,
            end,
        };
        match people.last_mut() {
            Some(p) if p.kb_id == kb_id => {
                for a in r.list(2) {
                    if !p.aliases.iter().any(|x| x == a) {
                        p.aliases.push(a.to_string());
                    }
                }
                p.roles.push(role);
            }
            _ => people.push(Person {
                kb_id: kb_id.to_string(),
                name: required(FILE, r, 1, "name")?.to_string(),
                aliases: owned(r.list(2)),
                roles: vec![role],
            }),
        }
    }
    for p in &mut people {
        p.roles.sort_by(|a, b| a.start.cmp(&b.start));
    }
    Ok(people)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to a full date; an end widens to the
/// last day of its period.
fn widen(file: &str, r: &Row<'_>, d: &str, end: bool) -> Result<String, Error> {
    let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let joined = |parts: [&str; 3]| {
        let mut s = String::with_capacity(10);
        s.push_str(parts[0]);
        s.push('-');
        s.push_str(parts[1]);
        s.push('-');
        s.push_str(parts[2]);
        s
    };
    let mut parts = d.split('-');
    let full = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), None, None, None) if ok(y, 4) => joined([
            y,
            if end { "12" } else { "01" },
            if end { "31" } else { "01" },
        ]),
        (Some(y), Some(m), None, None) if ok(y, 4) && ok(m, 2) => {
            joined([y, m, if end { "31" } else { "01" }])
        }
        (Some(y), Some(m), Some(dd), None) if ok(y, 4) && ok(m, 2) && ok(dd, 2) => d.to_string(),
        _ => {
            return Err(Error::row(
                file,
                r.line,
                format!("bad date {d:?}, expected YYYY[-MM[-DD]]"),
            ))
        }
    };
    Ok(full)
}

fn required<'a>(file: &str, r: &Row<'a>, i: usize, name: &str) -> Result<&'a str, Error> {
    r.opt(i)
        .ok_or_else(|| Error::row(file, r.line, format!("empty {name}")))
}

fn owned<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    it.map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &str = "kb_id\tname\taliases\tcountry\tsector\toffice\tstart\tend\tsource\n\
        donald-trump\tDonald Trump\tTrump\tUSA\tGOV\tPresident\t2017-01-20\t2021-01-20\tcurated\n\
        donald-trump\tDonald Trump\t\tUSA\tGOV\tPresident\t2025-01-20\t\tcurated\n";

    #[test]
    fn roles_depend_on_the_date() {
        let people = load_people(PEOPLE).unwrap();
        assert_eq!(people.len(), 1);
        let trump = &people[0];
        let on = |d| trump.standing_on(Some(d)).unwrap().sector;
        assert_eq!(on("2018-05-01"), "GOV");
        assert_eq!(on("2022-05-01"), "ELI");
        assert_eq!(on("2025-08-06"), "GOV");
        assert_eq!(on("2010-01-01"), "");
        assert_eq!(trump.standing_on(None).unwrap().sector, "GOV");
    }

    #[test]
    fn bad_dates_are_row_errors() {
        let bad = "kb_id\tname\taliases\tcountry\tsector\toffice\tstart\tend\nx\tX\t\tUSA\tGOV\t\tsoon\t\n";
        assert_eq!(
            load_people(bad).unwrap_err().to_string(),
            "people.tsv:2: bad date \"soon\", expected YYYY[-MM[-DD]]"
        );
        let bad = "kb_id\tname\taliases\tcountry\tsector\toffice\tstart\tend\nx\tX\t\tUSA\tGOV\t\t2020\t2019\n";
        assert!(load_people(bad)
            .unwrap_err()
            .to_string()
            .contains("after end"));
    }

    #[test]
    fn widening_covers_the_period() {
        let p = load_people("kb_id\tname\taliases\tcountry\tsector\toffice\tstart\tend\nx\tX\t\tUSA\tGOV\t\t2020\t2021-06\n").unwrap();
        assert_eq!(p[0].roles[0].start.as_deref(), Some("2020-01-01"));
        assert_eq!(p[0].roles[0].end.as_deref(), Some("2021-06-31"));
    }
}
