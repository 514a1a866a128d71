//! Importing actor dictionaries from other formats into dyad's own tables.
//!
//! [`petrarch`] reads PETRARCH/TABARI `.actors` and `.agents` dictionaries,
//! [`wikidata`] reads Wikidata entities as JSON lines. Both fill an
//! [`Import`], which [`write_dir`] turns into a complete lexicon directory
//! (the five actor tables plus the built-in triggers and scores), loadable
//! with [`crate::Lexicon::from_dir`] and checkable with
//! [`crate::build::check`].
//!
//! Importing never fails on a bad line: the line is skipped and reported as
//! a [`Warning`] (`file:line: reason`).

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use crate::build::organisations::{slug, REGIONS};
use crate::build::tsv::{push_item, Table};
use crate::build::{agents, countries, media, organisations, people, Error};

pub mod petrarch;
pub mod wikidata;

/// The built-in files an imported directory shares with the built-in lexicon.
const SHARED_FILES: [(&str, &str); 5] = [
    ("triggers.tsv", include_str!("../../data/triggers.tsv")),
    (
        "cameo-verbs.tsv",
        include_str!("../../data/cameo-verbs.tsv"),
    ),
    (
        "irregular-verbs.tsv",
        include_str!("../../data/irregular-verbs.tsv"),
    ),
    ("goldstein.tsv", include_str!("../../data/goldstein.tsv")),
    (
        "plover-scores.tsv",
        include_str!("../../data/plover-scores.tsv"),
    ),
];

/// The built-in countries, used for the codes an import refers to.
const BUILTIN_COUNTRIES: &str = include_str!("../../data/countries.tsv");

/// The built-in role nouns, for an import that brings none.
const BUILTIN_AGENTS: &str = include_str!("../../data/agents.tsv");

/// A line of an input that was skipped or read with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    /// 1-based; 0 for the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One role of an imported person (a row of `people.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRole {
    pub country: String,
    pub sector: String,
    pub office: String,
    /// `YYYY[-MM[-DD]]` or empty.
    pub start: String,
    pub end: String,
}

/// An imported person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedPerson {
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<PersonRole>,
}

/// The tables being imported into, and what was skipped.
#[derive(Debug, Clone)]
pub struct Import {
    pub countries: Table,
    pub organisations: Table,
    pub media: Table,
    pub agents: Table,
    pub people: Vec<ImportedPerson>,
    pub warnings: Vec<Warning>,
    /// What the rows' `source` column says (`petrarch`, `wikidata`).
    pub source: String,
}

impl Import {
    pub fn new(source: &str) -> Import {
        Import {
            countries: Table::new(countries::HEADER, countries::LISTS),
            organisations: Table::new(organisations::HEADER, organisations::LISTS),
            media: Table::new(media::HEADER, media::LISTS),
            agents: Table::new(agents::HEADER, &[]),
            people: Vec::new(),
            warnings: Vec::new(),
            source: source.to_string(),
        }
    }

    pub(crate) fn warn(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: file.to_string(),
            line,
            message: message.into(),
        });
    }

    /// Adds a name of the country `code`: the first becomes its name.
    pub(crate) fn add_country_name(&mut self, code: &str, name: &str, cameo: &str) {
        let name = clean(name);
        if name.is_empty() {
            return;
        }
        let source = self.source.clone();
        let row = self.countries.row_mut(code);
        if row[1].is_empty() {
            row[1] = name;
        } else if row[1] != name {
            push_item(&mut row[2], &name);
        }
        if row[6].is_empty() {
            row[6] = cameo.to_string();
        }
        row[7] = source;
    }

    /// Adds an organisation; one with the same id and CAMEO code is merged,
    /// another with the same id gets the code appended to its id.
    pub(crate) fn add_organisation(
        &mut self,
        name: &str,
        aliases: &[String],
        country: &str,
        sector: &str,
        cameo: &str,
    ) {
        let name = clean(name);
        let base = slug(&name);
        if base.is_empty() || country.is_empty() {
            return;
        }
        let mut id = base.clone();
        let mut n = 1;
        while let Some(row) = self.organisations.rows.get(&id) {
            if row[5] == cameo && row[3] == country {
                break;
            }
            n += 1;
            id = format!("{base}-{n}");
        }
        let source = self.source.clone();
        let row = self.organisations.row_mut(&id);
        if row[1].is_empty() {
            row[1] = name.clone();
            row[3] = country.to_string();
            row[4] = sector.to_string();
            row[5] = cameo.to_string();
            row[6] = source;
        }
        for a in aliases {
            let a = clean(a);
            if a != row[1] {
                push_item(&mut row[2], &a);
            }
        }
    }

    /// Adds an agent phrase; a later sector for the same phrase wins.
    pub(crate) fn add_agent(&mut self, phrase: &str, sector: &str) {
        let source = self.source.clone();
        let row = self.agents.row_mut(phrase);
        row[1] = sector.to_string();
        row[2] = source;
    }

    /// The country codes the organisations and people refer to.
    fn referenced_codes(&self) -> BTreeSet<String> {
        let igo: BTreeSet<&str> = self
            .organisations
            .rows
            .values()
            .filter(|r| r[4] == "IGO")
            .map(|r| r[3].as_str())
            .collect();
        let orgs = self.organisations.rows.values().map(|r| r[3].clone());
        let media = self.media.rows.values().map(|r| r[3].clone());
        let people = self
            .people
            .iter()
            .flat_map(|p| p.roles.iter().map(|r| r.country.clone()));
        orgs.chain(media)
            .chain(people)
            .filter(|c| {
                !c.is_empty() && !REGIONS.contains(&c.as_str()) && !igo.contains(c.as_str())
            })
            .collect()
    }

    /// Gives every referenced country code a row: the built-in country of
    /// that ISO or CAMEO code when there is one, else a row named by the
    /// code; a row that has only names from the import gets the built-in
    /// row's other cells.
    pub fn complete_countries(&mut self) {
        let builtin = Table::parse(countries::HEADER, countries::LISTS, BUILTIN_COUNTRIES)
            .unwrap_or_else(|_| Table::new(countries::HEADER, countries::LISTS));
        let find = |code: &str| {
            builtin
                .rows
                .get(code)
                .or_else(|| builtin.rows.values().find(|r| r[6] == code))
                .cloned()
        };
        let mut codes = self.referenced_codes();
        codes.extend(self.countries.rows.keys().cloned());
        for code in codes {
            let source = self.source.clone();
            let known = find(&code);
            let row = self.countries.row_mut(&code);
            match known {
                Some(b) => {
                    if row[1].is_empty() {
                        row[1] = b[1].clone();
                    } else if row[1] != b[1] {
                        push_item(&mut row[2], &b[1]);
                    }
                    for c in 2..6 {
                        for item in crate::build::tsv::split_list(&b[c]) {
                            push_item(&mut row[c], item);
                        }
                    }
                    row[7] = if row[7].is_empty() {
                        "builtin".to_string()
                    } else {
                        format!("{source}+builtin")
                    };
                }
                None if row[1].is_empty() => {
                    row[1] = code.clone();
                    row[7] = source;
                }
                None => {}
            }
            if row[6].is_empty() {
                row[6] = code.clone();
            }
            // The name is not also one of the other names.
            let name = row[1].clone();
            crate::build::tsv::remove_item(&mut row[2], &name);
        }
    }

    /// The rows of `people.tsv`: ids are slugs of the names, made unique;
    /// a person's rows together, by start date, aliases on the first.
    pub fn people_rows(&self) -> Vec<Vec<String>> {
        let mut used = BTreeSet::new();
        let mut rows = Vec::new();
        for p in &self.people {
            let base = slug(&p.name);
            if base.is_empty() || p.roles.is_empty() {
                continue;
            }
            let mut id = base.clone();
            let mut n = 1;
            while !used.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            let mut aliases = String::new();
            for a in &p.aliases {
                let a = clean(a);
                if a != p.name {
                    push_item(&mut aliases, &a);
                }
            }
            let mut roles = p.roles.clone();
            roles.sort_by(|a, b| (&a.start, &a.office).cmp(&(&b.start, &b.office)));
            roles.dedup();
            for (i, r) in roles.iter().enumerate() {
                rows.push(vec![
                    id.clone(),
                    clean(&p.name),
                    if i == 0 {
                        aliases.clone()
                    } else {
                        String::new()
                    },
                    r.country.clone(),
                    r.sector.clone(),
                    clean(&r.office),
                    r.start.clone(),
                    r.end.clone(),
                    self.source.clone(),
                ]);
            }
        }
        // Stable: a person's rows stay in start order.
        rows.sort_by(|a, b| a[0].cmp(&b[0]));
        rows
    }
}

/// A cell's text: no tabs, line breaks or list separators, single spaces.
pub(crate) fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What [`write_dir`] wrote: file name and number of data rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub files: Vec<(String, usize)>,
}

/// Writes a complete lexicon directory: the five actor tables of `import`
/// (countries completed for every code used; the built-in role nouns if the
/// import brought none) and the built-in triggers, irregular verbs and scores.
pub fn write_dir(import: &mut Import, out: &Path) -> Result<Written, Error> {
    std::fs::create_dir_all(out).map_err(|source| Error::Write {
        path: out.to_path_buf(),
        source,
    })?;
    import.complete_countries();
    if import.agents.rows.is_empty() {
        if let Ok(builtin) = Table::parse(agents::HEADER, &[], BUILTIN_AGENTS) {
            import.agents = builtin;
        }
    }
    let mut written = Written::default();
    let mut put = |name: &str, text: String, rows: usize| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|source| Error::Write { path, source })?;
        written.files.push((name.to_string(), rows));
        Ok::<(), Error>(())
    };
    put(
        "countries.tsv",
        import.countries.render(),
        import.countries.rows.len(),
    )?;
    put(
        "organisations.tsv",
        import.organisations.render(),
        import.organisations.rows.len(),
    )?;
    put("media.tsv", import.media.render(), import.media.rows.len())?;
    put(
        "agents.tsv",
        import.agents.render(),
        import.agents.rows.len(),
    )?;
    let people = import.people_rows();
    put(
        "people.tsv",
        crate::build::tsv::render(people::HEADER, &people),
        people.len(),
    )?;
    for (name, text) in SHARED_FILES {
        let rows = text.lines().count().saturating_sub(1);
        put(name, text.to_string(), rows)?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_completed_for_every_code_used() {
        let mut im = Import::new("test");
        im.add_country_name("GON", "Gondor", "GON");
        im.add_organisation("Rohan Riders", &[], "ROH", "MIL", "ROHMIL");
        im.add_organisation("United Nations", &["UN".into()], "UNO", "IGO", "IGOUNO");
        im.people.push(ImportedPerson {
            name: "Jane Example".into(),
            aliases: vec!["J.|Example".into(), "Jane Example".into()],
            roles: vec![PersonRole {
                country: "USA".into(),
                sector: "GOV".into(),
                office: "minister".into(),
                start: "2020".into(),
                end: String::new(),
            }],
        });
        im.complete_countries();
        let keys: Vec<&str> = im.countries.rows.keys().map(String::as_str).collect();
        assert_eq!(keys, ["GON", "ROH", "USA"], "UNO is an IGO's own code");
        assert_eq!(im.countries.rows["USA"][1], "United States");
        assert_eq!(im.countries.rows["ROH"][1], "ROH");
        let rows = im.people_rows();
        assert_eq!(rows[0][0], "jane-example");
        assert_eq!(rows[0][2], "J. Example", "no list separator, not the name");
    }
}
