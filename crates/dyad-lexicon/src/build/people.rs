//! `people.tsv`: people with dated roles, one row per role, from the World
//! Factbook timelines (2014–2026), CountryInfo leaders and cabinets (to
//! 2012), Phoenix person entries (to 2014) and `curated/people.tsv`.
//!
//! A person is identified by first and last name and country; their roles
//! from all sources are merged (same office and country, overlapping or
//! touching dates → one role). Only roles that reach 1979 are kept (the
//! year GDELT's back file begins).

use std::collections::{BTreeMap, BTreeSet};

use super::dates::Date;
use super::english::is_common_word;
use super::organisations::slug;
use super::tsv::{parse_rows, push_item, remove_item, split_list, BadLine};

pub const HEADER: &[&str] = &[
    "kb_id", "name", "aliases", "country", "sector", "office", "start", "end", "source",
];
pub const LISTS: &[&str] = &["aliases"];

/// Roles that end before this year are left out.
const FIRST_YEAR: u16 = 1979;

/// Words that make an alias a title or a description, not a name
/// (`President-Elect Obama`, `The Obama Administration`).
const NOT_NAME_WORDS: &[&str] = &[
    "administration",
    "ambassador",
    "chairman",
    "chancellor",
    "chief",
    "deputy",
    "elect",
    "former",
    "general",
    "governor",
    "government",
    "king",
    "leader",
    "minister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "premier",
    "president",
    "prime",
    "queen",
    "secretary",
    "senator",
    "sheikh",
    "spokesman",
    "the",
    "vice",
];

/// The office of one who heads both the state and the government.
const BOTH: &str = "head of state and government";

/// Offices one person holds at a time in a country.
const ONE_HOLDER: &[&str] = &["head of government", BOTH, "foreign minister"];

/// Offices that succeed each other: a head of government and a head of
/// state and government are in the same line.
fn family(office: &str) -> String {
    if office == BOTH {
        "head of government"
    } else {
        office
    }
    .to_string()
}

/// One role as a source gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRole {
    /// The display name (`Vladimir Putin`).
    pub name: String,
    /// Other forms of the name (`Vladimir Vladimirovich Putin`).
    pub aliases: Vec<String>,
    /// The surname, if the source marks it (`Putin`); else the last word.
    pub surname: Option<String>,
    pub country: String,
    pub sector: String,
    pub office: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub source: String,
}

/// "Ursula von der Leyen" as copy also writes it, "Ursula Von der Leyen",
/// and "Bashar al-Assad" as "Bashar Al-Assad": the first particle of a run
/// capitalised, and an "al-" or "el-" prefix.
fn capitalise_particles(name: &str) -> String {
    const PARTICLES: &[&str] = &[
        "von", "van", "de", "da", "du", "del", "della", "di", "la", "le", "bin", "ibn",
    ];
    let capitalise = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let mut prev_particle = false;
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            let particle = PARTICLES.contains(&w);
            let out = if particle && !prev_particle {
                capitalise(w)
            } else if let Some(rest) = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-")) {
                format!("{}-{rest}", capitalise(&w[..2]))
            } else {
                w.to_string()
            };
            prev_particle = particle || matches!(w, "der" | "den");
            out
        })
        .collect();
    words.join(" ")
}

/// The titles news gives the holder of an office before the surname
/// ("Chancellor" only in Germany and Austria, "Premier" in China, Taiwan
/// and Russia).
fn office_titles(office: &str, country: &str) -> &'static [&'static str] {
    match (office, country) {
        ("head of state" | "head of state and government", _) => &["President"],
        ("head of government", "DEU" | "AUT") => &["Chancellor"],
        ("head of government", "CHN" | "TWN" | "RUS" | "SUN") => &["Premier", "Prime Minister"],
        ("head of government", _) => &["Prime Minister"],
        ("foreign minister", _) => &["Foreign Minister"],
        ("defence minister", _) => &["Defence Minister", "Defense Minister"],
        ("minister of finance", _) => &["Finance Minister"],
        _ => &[],
    }
}

#[derive(Debug, Clone)]
struct Role {
    country: String,
    sector: String,
    office: String,
    start: Option<Date>,
    end: Option<Date>,
    sources: BTreeSet<String>,
}

#[derive(Debug, Default)]
struct Person {
    name: String,
    aliases: Vec<String>,
    surname: String,
    roles: Vec<Role>,
    /// The sources mark the surname (Factbook upper case) or list it alone.
    surname_known: bool,
    /// Set by a curated row: the name is not to be replaced.
    curated_name: bool,
    /// Aliases given by the curated overlay (exempt from the common-word filter).
    curated_aliases: Vec<String>,
    removed_aliases: Vec<String>,
}

/// What the builder needs besides the roles.
#[derive(Debug)]
pub struct Context<'a> {
    /// Common English words: never a surname-only alias.
    pub common: &'a BTreeSet<String>,
    /// Lower-cased names of countries and organisations: never an alias.
    pub reserved: &'a BTreeSet<String>,
    /// Lower-cased names, adjectives and capitals of countries: never an
    /// alias, not even a curated one.
    pub places: &'a BTreeSet<String>,
}

/// The people table under construction.
#[derive(Debug, Default)]
pub struct People {
    persons: BTreeMap<String, Person>,
}

/// `first|last|country`: the identity of a person across sources.
fn identity(name: &str, country: &str) -> String {
    let words: Vec<String> = name
        .split([' ', '-'])
        .filter(|w| !matches!(*w, "Jr." | "Sr." | "II" | "III" | "IV") && !w.ends_with('.'))
        .map(|w| w.to_lowercase())
        .collect();
    // Three letters of the first name bridge spellings (Dmitriy, Dmitry).
    let first: String = words
        .first()
        .map(|w| w.chars().take(3).collect())
        .unwrap_or_default();
    let last = words.last().cloned().unwrap_or_default();
    format!("{first}|{last}|{country}")
}

impl People {
    /// Adds the roles of a source. Roles from `weak` sources (ones without
    /// office titles) are dropped where the person already has a role in the
    /// same country at that time.
    pub fn add(&mut self, roles: Vec<SourceRole>, weak: bool) {
        for r in roles {
            let reversed = matches!((r.start, r.end), (Some(s), Some(e)) if s > e);
            if r.end.is_some_and(|e| e.year < FIRST_YEAR) || r.name.is_empty() || reversed {
                continue;
            }
            let key = identity(&r.name, &r.country);
            let person = self.persons.entry(key).or_default();
            if person.name.is_empty() {
                person.name = r.name.clone();
            }
            for a in std::iter::once(&r.name).chain(&r.aliases) {
                if !person.aliases.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                    person.aliases.push(a.clone());
                }
            }
            if person.surname.is_empty() {
                person.surname = r.surname.clone().unwrap_or_else(|| last_name(&r.name));
            }
            person.surname_known |= r.surname.is_some()
                || r.aliases
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&person.surname));
            let role = Role {
                country: r.country,
                sector: r.sector,
                office: r.office,
                start: r.start,
                end: r.end,
                sources: BTreeSet::from([r.source]),
            };
            if weak {
                if person
                    .roles
                    .iter()
                    .any(|o| o.country == role.country && contains(o, &role))
                {
                    continue;
                }
                // The same term in a source without titles: it may run longer.
                let same_term = person.roles.iter_mut().find(|o| {
                    o.country == role.country
                        && o.sector == role.sector
                        && o.start.is_some()
                        && o.start == role.start
                });
                if let Some(o) = same_term {
                    o.end = match (o.end, role.end) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                    o.sources.extend(role.sources);
                    continue;
                }
            }
            person.roles.push(role);
        }
    }

    /// Applies `curated/people.tsv`: rows with an office or dates add roles
    /// (and override the sources' dates for the same office); a row without
    /// them patches the person (name, aliases, `-alias`); a row whose source
    /// is `-` drops the person's roles of that office (of that country, if
    /// the row gives one); a `-kb_id` row removes
    /// the person. Rows name people by the `kb_id` the sources give them
    /// (a renamed person gets the slug of the new name in the output; people
    /// renamed to the same name are merged).
    pub fn overlay(&mut self, text: &str) -> Result<(), BadLine> {
        self.merge_same_names();
        let ids = self.ids();
        let by_id: BTreeMap<String, String> = ids.into_iter().map(|(k, id)| (id, k)).collect();
        for (line, r) in parse_rows(HEADER, text)? {
            let bad = |reason: String| BadLine { line, reason };
            if let Some(gone) = r[0].strip_prefix('-') {
                match by_id.get(gone) {
                    Some(key) => self.persons.remove(key),
                    None => return Err(bad(format!("no person {gone} to remove"))),
                };
                continue;
            }
            let key = match by_id.get(&r[0]) {
                Some(k) => k.clone(),
                None if !r[3].is_empty() => format!("curated|{}", r[0]),
                None => return Err(bad(format!("no person {} and no country", r[0]))),
            };
            let date = |c: &str| -> Result<Option<Date>, BadLine> {
                if c.is_empty() {
                    return Ok(None);
                }
                Date::parse_iso(c)
                    .map(Some)
                    .ok_or_else(|| bad(format!("bad date {c:?}")))
            };
            let (start, end) = (date(&r[6])?, date(&r[7])?);
            let person = self.persons.entry(key).or_default();
            if !r[1].is_empty() {
                person.name = r[1].clone();
                person.curated_name = true;
            }
            for a in split_list(&r[2]) {
                match a.strip_prefix('-') {
                    Some(gone) => person.removed_aliases.push(gone.to_lowercase()),
                    None => person.curated_aliases.push(a.to_string()),
                }
            }
            if r[8] == "-" {
                // A wrong role in the sources: drop the person's roles with
                // this office (of this country, if the row gives one).
                person.roles.retain(|role| {
                    role.office != r[5] || !(r[3].is_empty() || role.country == r[3])
                });
                continue;
            }
            if r[5].is_empty() && start.is_none() && end.is_none() {
                continue;
            }
            let source = if r[8].is_empty() {
                "curated".to_string()
            } else {
                r[8].clone()
            };
            person.roles.push(Role {
                country: r[3].clone(),
                sector: if r[4].is_empty() {
                    "GOV".to_string()
                } else {
                    r[4].clone()
                },
                office: r[5].clone(),
                start,
                end,
                sources: BTreeSet::from([source]),
            });
        }
        Ok(())
    }

    /// Merges people of different countries who bear exactly the same name
    /// (a monarch of several realms, a minister listed under a dependency).
    fn merge_same_names(&mut self) {
        let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, p) in &self.persons {
            by_name
                .entry(p.name.to_lowercase())
                .or_default()
                .push(key.clone());
        }
        for (_, mut keys) in by_name
            .into_iter()
            .filter(|(name, keys)| keys.len() > 1 && name.contains(' '))
        {
            keys.sort_by_key(|k| k.starts_with("curated|"));
            let target = keys.remove(0);
            for key in keys {
                let Some(p) = self.persons.remove(&key) else {
                    continue;
                };
                let into = self.persons.get_mut(&target).expect("present");
                for a in p.aliases {
                    if !into.aliases.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                        into.aliases.push(a);
                    }
                }
                into.roles.extend(p.roles);
                into.curated_aliases.extend(p.curated_aliases);
                into.removed_aliases.extend(p.removed_aliases);
                if p.curated_name {
                    into.name = p.name;
                    into.curated_name = true;
                }
            }
        }
    }

    /// Where the sources let a holder of a one-holder office run on past
    /// the start of a successor's term (a file not updated, a horizon), the
    /// term ends when the successor's starts. The overlay's dates stand.
    fn end_at_successors(&mut self) {
        // (country, office) → (start, person, role index).
        type Terms = BTreeMap<(String, String), Vec<(Date, String, usize)>>;
        let mut terms: Terms = BTreeMap::new();
        for (key, p) in &self.persons {
            for (i, r) in p.roles.iter().enumerate() {
                if let (Some(start), true) = (r.start, ONE_HOLDER.contains(&r.office.as_str())) {
                    terms
                        .entry((r.country.clone(), family(&r.office)))
                        .or_default()
                        .push((start, key.clone(), i));
                }
            }
        }
        // (person, role index, from, to): a head of state and government
        // who stays head of state from one date to another
        let mut still_head_of_state = Vec::new();
        for list in terms.values_mut() {
            list.sort();
            for pair in list.windows(2) {
                let ((_, a_key, a_i), (b_start, b_key, b_i)) = (&pair[0], &pair[1]);
                if a_key == b_key {
                    continue;
                }
                let b_both = self.persons[b_key].roles[*b_i].office == BOTH;
                let a = &mut self.persons.get_mut(a_key).expect("present").roles[*a_i];
                let curated = a.sources.iter().any(|s| s.starts_with("curated"));
                if !curated && a.end.is_none_or(|e| e > *b_start) {
                    // A new head of government alone (North Korea's premier
                    // from 2013) takes over the government half of the
                    // office: the holder stays head of state to the end of
                    // the term the sources give.
                    if a.office == BOTH && !b_both {
                        still_head_of_state.push((a_key.clone(), *a_i, *b_start, a.end));
                    }
                    a.end = Some(*b_start);
                }
            }
        }
        for (key, i, from, to) in still_head_of_state {
            let p = self.persons.get_mut(&key).expect("present");
            let mut rest = p.roles[i].clone();
            rest.office = "head of state".to_string();
            (rest.start, rest.end) = (Some(from), to);
            p.roles.push(rest);
        }
    }

    /// `identity → kb_id`: a slug of the name, with the country appended
    /// where two people would share it.
    fn ids(&self) -> BTreeMap<String, String> {
        let mut by_slug: BTreeMap<String, Vec<&String>> = BTreeMap::new();
        for (key, p) in &self.persons {
            if let Some(id) = key.strip_prefix("curated|") {
                by_slug.entry(id.to_string()).or_default().push(key);
            } else {
                by_slug.entry(slug(&p.name)).or_default().push(key);
            }
        }
        let mut out = BTreeMap::new();
        for (s, keys) in by_slug {
            for key in &keys {
                let country = key.rsplit('|').next().unwrap_or("").to_lowercase();
                let id = if keys.len() == 1 || key.starts_with("curated|") {
                    s.clone()
                } else {
                    format!("{s}-{country}")
                };
                out.insert((*key).clone(), id);
            }
        }
        out
    }

    /// The rows of `people.tsv`, sorted; aliases on each person's first row.
    pub fn rows(mut self, cx: &Context<'_>) -> Vec<Vec<String>> {
        self.merge_same_names();
        for p in self.persons.values_mut() {
            p.roles = merge_roles(std::mem::take(&mut p.roles));
        }
        self.persons.retain(|_, p| !p.roles.is_empty());
        self.end_at_successors();
        let mut surname_owners: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for (key, p) in &self.persons {
            surname_owners
                .entry(p.surname.to_lowercase())
                .or_default()
                .insert(key);
        }
        // Words that begin someone's name: a surname that is one (`Isaac`,
        // `Roberto`) is not distinctive.
        let first_names: BTreeSet<String> = self
            .persons
            .values()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .filter_map(|n| n.split(' ').next())
            .map(str::to_lowercase)
            .collect();
        // First words of the persons' own names (not of every alias): a
        // titled surname must not be one ("President *Michel* Suleiman").
        let given_names: BTreeSet<String> = self
            .persons
            .values()
            .filter_map(|p| p.name.split(' ').next())
            .map(str::to_lowercase)
            .collect();
        let ids = self.ids();
        let mut rows = Vec::new();
        for (key, p) in &self.persons {
            let mut aliases = String::new();
            let fit = |a: &str| {
                !cx.reserved.contains(&a.to_lowercase())
                    && !p.removed_aliases.contains(&a.to_lowercase())
                    && !is_calendar_word(a)
            };
            let name_like = |a: &str| {
                a.contains(' ')
                    && !a
                        .split([' ', '-'])
                        .any(|w| NOT_NAME_WORDS.contains(&w.to_lowercase().as_str()))
            };
            for a in p
                .aliases
                .iter()
                .filter(|a| fit(a) && name_like(a) && !a.eq_ignore_ascii_case(&p.name))
            {
                push_item(&mut aliases, a);
            }
            // "Ursula Von der Leyen", "Bashar Al-Assad": the name's particles
            // capitalised, as some copy writes them.
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let capitalised = capitalise_particles(n);
                if capitalised != *n && name_like(&capitalised) && fit(&capitalised) {
                    push_item(&mut aliases, &capitalised);
                }
            }
            // "Sir Dawda Jawara", "Dame Cindy Kiro": also known without the
            // honorific ("President Dawda Jawara"), when two names remain.
            if let Some(rest) = ["Sir ", "Dame "]
                .iter()
                .find_map(|h| p.name.strip_prefix(h))
            {
                if rest.contains(' ') && fit(rest) {
                    push_item(&mut aliases, rest);
                }
            }
            let surname = &p.surname;
            let long_enough = surname.chars().filter(|c| c.is_alphabetic()).count() >= 4;
            let distinctive = p.surname_known
                && !first_names.contains(&surname.to_lowercase())
                && long_enough
                && surname_owners
                    .get(&surname.to_lowercase())
                    .is_some_and(|o| o.len() == 1)
                && !is_common_word(cx.common, surname)
                && surname != &p.name;
            if distinctive && fit(surname) {
                push_item(&mut aliases, surname);
            } else if surname != &p.name
                && long_enough
                // (not a first name: "President *Michel* Suleiman" is not
                // President James Michel)
                && !given_names.contains(&surname.to_lowercase())
                // (nor where the surname alone is already an alias)
                && !p
                    .aliases
                    .iter()
                    .chain(&p.curated_aliases)
                    .any(|a| a.eq_ignore_ascii_case(surname))
            {
                // "President Reagan", "Chancellor Kohl": the title of an
                // office held, with the surname, names the holder where the
                // surname alone is too common or unmarked.
                for r in &p.roles {
                    for title in office_titles(&r.office, &r.country) {
                        let titled = format!("{title} {surname}");
                        if fit(&titled) {
                            push_item(&mut aliases, &titled);
                        }
                    }
                }
            }
            // Even the overlay's aliases may not be a country's or capital's
            // name ("Ukraine") or a day or month ("Friday").
            for a in p
                .curated_aliases
                .iter()
                .filter(|a| !cx.places.contains(&a.to_lowercase()) && !is_calendar_word(a))
            {
                push_item(&mut aliases, a);
            }
            for gone in &p.removed_aliases {
                remove_item(&mut aliases, gone);
            }
            let id = &ids[key];
            for (i, r) in p.roles.iter().enumerate() {
                let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
                let sources: Vec<&str> = r.sources.iter().map(String::as_str).collect();
                rows.push(vec![
                    id.clone(),
                    p.name.clone(),
                    if i == 0 {
                        aliases.clone()
                    } else {
                        String::new()
                    },
                    r.country.clone(),
                    r.sector.clone(),
                    r.office.clone(),
                    date(r.start),
                    date(r.end),
                    sources.join("+"),
                ]);
            }
        }
        rows.sort_by(|a, b| (&a[0], &a[6], &a[5]).cmp(&(&b[0], &b[6], &b[5])));
        // The first row of each person carries the aliases.
        let mut i = 0;
        while i < rows.len() {
            let j = rows[i..]
                .iter()
                .position(|r| r[0] != rows[i][0])
                .map_or(rows.len(), |n| i + n);
            let aliases = rows[i..j]
                .iter()
                .map(|r| r[2].clone())
                .find(|a| !a.is_empty())
                .unwrap_or_default();
            for (n, row) in rows[i..j].iter_mut().enumerate() {
                row[2] = if n == 0 {
                    aliases.clone()
                } else {
                    String::new()
                };
            }
            i = j;
        }
        rows
    }
}

/// Days and months: never a one-word alias.
fn is_calendar_word(w: &str) -> bool {
    crate::is_day_or_month(&w.trim().to_lowercase())
}

/// The last word of a name with the particles before it: `di Pietro`.
fn last_name(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let mut start = words.len().saturating_sub(1);
    while start > 1 && words[start - 1].starts_with(char::is_lowercase) {
        start -= 1;
    }
    words[start..].join(" ")
}

/// Does `outer`'s time span contain `inner`'s?
fn contains(outer: &Role, inner: &Role) -> bool {
    let starts_before = match (outer.start, inner.start) {
        (None, _) => true,
        (Some(o), Some(i)) => o <= i,
        (Some(_), None) => false,
    };
    let ends_after = match (outer.end, inner.end) {
        (None, _) => true,
        (Some(o), Some(i)) => o >= i,
        (Some(_), None) => false,
    };
    starts_before && ends_after
}

/// Merges roles of the same country, sector and office that overlap or
/// touch; an open end wins.
fn merge_roles(mut roles: Vec<Role>) -> Vec<Role> {
    let family = |o: &str| {
        if o.starts_with("head of") {
            "head of"
        } else {
            o
        }
        .to_string()
    };
    roles.sort_by(|a, b| {
        (&a.country, family(&a.office), &a.sector, a.start).cmp(&(
            &b.country,
            family(&b.office),
            &b.sector,
            b.start,
        ))
    });
    let mut out: Vec<Role> = Vec::new();
    for r in roles {
        if let Some(last) = out.last_mut() {
            let same_office = last.office == r.office;
            // `head of state and government` (Factbook) absorbs `head of
            // state` or `head of government` (CountryInfo) of the same time.
            let kin = (last.office == BOTH || r.office == BOTH)
                && last.office.starts_with("head of")
                && r.office.starts_with("head of");
            let same = last.country == r.country && (same_office || kin) && last.sector == r.sector;
            let touching = match (last.end, r.start) {
                (None, _) | (_, None) => true,
                (Some(e), Some(s)) if same_office => {
                    s <= e || s.year == e.year && s.month <= e.month.saturating_add(1)
                }
                // Offices of one family (head of state / of state and
                // government) merge only where they truly overlap.
                (Some(e), Some(s)) => s < e && (e.year, e.month) > (s.year, s.month),
            };
            if same && touching {
                if r.office.len() > last.office.len() {
                    last.office = r.office.clone();
                }
                let curated = |r: &Role| r.sources.iter().any(|s| s.starts_with("curated"));
                if curated(&r) && !curated(last) {
                    // The overlay corrects the sources' dates.
                    (last.start, last.end) = (r.start, r.end);
                } else if curated(&r) == curated(last) {
                    last.end = match (last.end, r.end) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                    if last.start.is_none()
                        || r.start.is_some_and(|s| last.start.is_some_and(|l| s < l))
                    {
                        last.start = r.start.or(last.start);
                    }
                }
                last.sources.extend(r.sources);
                continue;
            }
        }
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str, office: &str, start: &str, end: &str, source: &str) -> SourceRole {
        SourceRole {
            name: name.into(),
            aliases: vec![],
            surname: None,
            country: "RUS".into(),
            sector: "GOV".into(),
            office: office.into(),
            start: Date::parse_iso(start),
            end: Date::parse_iso(end),
            source: source.into(),
        }
    }

    #[test]
    fn merges_sources_and_overlays() {
        let mut people = People::default();
        people.add(
            vec![role(
                "Vladimir Putin",
                "head of government",
                "2008-05-08",
                "2012-01",
                "countryinfo",
            )],
            false,
        );
        people.add(
            vec![role(
                "Vladimir Putin",
                "head of state",
                "2012-05-07",
                "",
                "factbook",
            )],
            false,
        );
        people.add(
            vec![role(
                "Vladimir Putin",
                "",
                "2012-05-07",
                "2014-01",
                "phoenix",
            )],
            true,
        );
        people.add(
            vec![role(
                "Boris Yeltsin",
                "head of state",
                "1991-07-10",
                "1999-12-31",
                "countryinfo",
            )],
            false,
        );
        people.add(
            vec![role(
                "Old Man",
                "head of state",
                "1960",
                "1970",
                "countryinfo",
            )],
            false,
        );
        let curated = "kb_id\tname\taliases\tcountry\tsector\toffice\tstart\tend\tsource\n\
                       vladimir-putin\t\tPutin\t\t\t\t\t\t\n\
                       vladimir-putin\t\t\tRUS\tGOV\thead of government\t2008-05-08\t2012-05-07\t\n\
                       steve-witkoff\tSteve Witkoff\tWitkoff\tUSA\tGOV\tspecial envoy\t2025-01-20\t\t\n";
        people.overlay(curated).unwrap();
        let common = BTreeSet::new();
        let reserved = BTreeSet::new();
        let rows = people.rows(&Context {
            common: &common,
            reserved: &reserved,
            places: &reserved,
        });
        let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        assert_eq!(
            text,
            [
                "boris-yeltsin\tBoris Yeltsin\tPresident Yeltsin\tRUS\tGOV\thead of state\t1991-07-10\t1999-12-31\tcountryinfo",
                "steve-witkoff\tSteve Witkoff\tWitkoff\tUSA\tGOV\tspecial envoy\t2025-01-20\t\tcurated",
                "vladimir-putin\tVladimir Putin\tPutin\tRUS\tGOV\thead of government\t2008-05-08\t2012-05-07\tcountryinfo+curated",
                "vladimir-putin\tVladimir Putin\t\tRUS\tGOV\thead of state\t2012-05-07\t\tfactbook",
            ]
        );
    }

    #[test]
    fn a_new_head_of_government_leaves_the_head_of_state_in_office() {
        let mut people = People::default();
        people.add(
            vec![
                role(
                    "Arn Gorm",
                    "head of state and government",
                    "2011-12-17",
                    "",
                    "factbook",
                ),
                role(
                    "Pel Dun",
                    "head of government",
                    "2013-04-02",
                    "",
                    "factbook",
                ),
            ],
            false,
        );
        let (common, reserved) = (BTreeSet::new(), BTreeSet::new());
        let rows = people.rows(&Context {
            common: &common,
            reserved: &reserved,
            places: &reserved,
        });
        let arn: Vec<(&str, &str, &str)> = rows
            .iter()
            .filter(|r| r[1] == "Arn Gorm")
            .map(|r| (r[5].as_str(), r[6].as_str(), r[7].as_str()))
            .collect();
        assert_eq!(
            arn,
            [
                ("head of state and government", "2011-12-17", "2013-04-02"),
                ("head of state", "2013-04-02", ""),
            ],
            "{rows:?}"
        );
    }

    #[test]
    fn particles_are_also_capitalised() {
        assert_eq!(
            capitalise_particles("Ursula von der Leyen"),
            "Ursula Von der Leyen"
        );
        assert_eq!(capitalise_particles("Bashar al-Assad"), "Bashar Al-Assad");
        assert_eq!(
            capitalise_particles("Luiz Inacio Lula da Silva"),
            "Luiz Inacio Lula Da Silva"
        );
        assert_eq!(capitalise_particles("Vladimir Putin"), "Vladimir Putin");
    }

    #[test]
    fn shared_surnames_are_not_aliases() {
        let mut people = People::default();
        let mut a = role(
            "Boris Johnson",
            "head of government",
            "2019-07-24",
            "2022-09-06",
            "factbook",
        );
        a.country = "GBR".into();
        let b = role(
            "Andrew Johnson",
            "head of state",
            "1991",
            "1992",
            "countryinfo",
        );
        people.add(vec![a, b], false);
        let (common, reserved) = (BTreeSet::new(), BTreeSet::new());
        let rows = people.rows(&Context {
            common: &common,
            reserved: &reserved,
            places: &reserved,
        });
        // no bare "Johnson"; each is known by the title of his office
        assert!(
            rows.iter().all(|r| r[2].split('|').all(|a| a != "Johnson")),
            "{rows:?}"
        );
        let boris = rows.iter().find(|r| r[1] == "Boris Johnson").unwrap();
        assert!(boris[2].contains("Prime Minister Johnson"), "{rows:?}");
    }
}
