//! `organisations.tsv`: international organisations, NGOs and armed
//! non-state groups, from the Phoenix International and MilNonState actor
//! dictionaries (MIT), keyed by a slug of the name.
//!
//! The `country` of an organisation is taken from its CAMEO code: for an IGO
//! the code of the organisation itself (`IGOUNO…` → `UNO`, `IGOWSTNAT` →
//! `NATO`, `IGOEUREEC` → `EUR`), for a national group or NGO its country
//! (`PSEREB` → `PSE`), otherwise the code's region or kind (`IMG`, `INT`,
//! `MEA`, `NGO`).

use std::collections::{BTreeMap, BTreeSet};

use super::phoenix::Entry;
use super::spelling::display_case;
use super::tsv::{push_item, split_list, Table};

pub const HEADER: &[&str] = &[
    "id", "name", "aliases", "country", "sector", "cameo", "source",
];
pub const LISTS: &[&str] = &["aliases"];

/// CAMEO region codes (and `INT`, `IMG`, `NGO`, `IGO` themselves): accepted
/// as the `country` of an organisation that is not tied to one state.
pub const REGIONS: &[&str] = &[
    "AFR", "ARB", "ASA", "BLK", "BLT", "CAF", "CAS", "CAU", "CRB", "EAF", "EEU", "EUR", "IGO",
    "IMG", "INT", "KAS", "KKL", "LAM", "MEA", "MDT", "NAF", "NAM", "NGO", "NMR", "PGS", "SAF",
    "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST",
];

/// CAMEO's codes of peoples without a state of their own, which stand
/// where a country code would ("the Kurds", KUR).
pub const PEOPLES: &[&str] = &["KUR"];

/// Three-letter codes that say what an organisation does, not which one it is.
const FUNCTIONS: &[&str] = &[
    "AGR", "BUS", "CHR", "COP", "CRM", "CVL", "DEV", "EDU", "ENV", "GOV", "HLH", "HRI", "JEW",
    "JUD", "KID", "LAB", "LEG", "MED", "MIL", "MOS", "MUS", "NON", "REB", "REF", "REL", "SPY",
    "UAF",
];

/// Words that make a phrase the name of an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "academy",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "brigades",
    "bureau",
    "campaign",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "command",
    "commission",
    "committee",
    "community",
    "conference",
    "congress",
    "corps",
    "council",
    "court",
    "crescent",
    "cross",
    "department",
    "federation",
    "force",
    "forces",
    "forum",
    "foundation",
    "front",
    "fund",
    "group",
    "groups",
    "initiative",
    "institute",
    "international",
    "league",
    "mission",
    "movement",
    "nations",
    "network",
    "office",
    "organisation",
    "organization",
    "pact",
    "parliament",
    "partnership",
    "party",
    "programme",
    "program",
    "project",
    "secretariat",
    "service",
    "society",
    "treaty",
    "tribunal",
    "trust",
    "union",
    "watch",
];

/// Word stems of armed groups' names (`Lashkar-e-Taiba`, `Jemaah Islamiyah`).
const GROUP_STEMS: &[&str] = &[
    "ansar",
    "battalion",
    "company",
    "hizb",
    "hezb",
    "harakat",
    "harakut",
    "harkat",
    "jaish",
    "jamaa",
    "jemaa",
    "jihad",
    "jund",
    "kata",
    "khalq",
    "lashkar",
    "mujahi",
    "mujahe",
    "qaeda",
    "qaida",
    "qa'ida",
    "saraya",
    "tawhid",
    "tehrik",
];

/// Which dictionary an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dictionary {
    /// IGOs and NGOs (companies, `MNC…`, are left out).
    International,
    /// Armed non-state groups: every entry.
    MilNonState,
    /// National institutions (`UNITED_STATES_CONGRESS_ [USAGOVLEG]`): entries
    /// with a sector code whose name is an organisation's.
    Countries,
}

/// What the builder needs besides the dictionaries.
#[derive(Debug)]
pub struct Context<'a> {
    /// CAMEO country code → ISO code (`KSV` → `XKX`), countries only.
    pub iso3_of: &'a BTreeMap<String, String>,
    /// Lower-cased country names, adjectives, capitals and seats: never an
    /// organisation's name or alias ("Uzbekistan" is not a name of the
    /// Islamic Jihad Union; "White House" is a seat).
    pub reserved: &'a BTreeSet<String>,
    /// Common English words: a one-word name or alias that is one of them
    /// (`Foundation`, `ZERO`, `AN`) is dropped.
    pub common: &'a BTreeSet<String>,
}

impl Context<'_> {
    fn unfit(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.reserved.contains(&lower) || !name.contains(' ') && self.common.contains(&lower)
    }
}

/// Builds the table from the dictionaries, in order (an id seen again is
/// merged into the first row).
pub fn build(dictionaries: &[(Dictionary, &[Entry])], cx: &Context<'_>) -> Table {
    let mut table = Table::new(HEADER, LISTS);
    for (dict, entries) in dictionaries {
        let mut by_code: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for entry in entries.iter() {
            let Some((id, code)) = add_entry(&mut table, *dict, entry, cx) else {
                continue;
            };
            by_code.entry(code).or_default().push(id);
        }
        merge_acronyms(&mut table, &by_code);
    }
    table
}

/// Adds one entry (or merges it into the row of the same id); returns the
/// id and CAMEO code, or `None` for a person, a company, or junk.
fn add_entry(
    table: &mut Table,
    dict: Dictionary,
    entry: &Entry,
    cx: &Context<'_>,
) -> Option<(String, String)> {
    if entry
        .codes
        .iter()
        .any(|c| c.is_dated() || c.code.ends_with("ELI"))
    {
        return None; // a person
    }
    let code = entry.codes.first()?.code.clone();
    let kind = &code[..3];
    let (name, mut aliases) = names(&entry.phrase, dict)?;
    let words: Vec<String> = name.split([' ', '-']).map(str::to_lowercase).collect();
    let has_org_word = words.iter().any(|w| ORG_WORDS.contains(&w.as_str()));
    let single = !name.contains(' ');
    let wanted = match dict {
        Dictionary::International => matches!(kind, "IGO" | "NGO") && (single || has_org_word),
        // The `IMG…` entries are largely individual militants coded as their
        // group ("Abu Abdullah", "Bashir Ahmed"): names too common to keep
        // unless they name a group.
        Dictionary::MilNonState => {
            kind != "IMG"
                || has_org_word
                || words
                    .iter()
                    .any(|w| GROUP_STEMS.iter().any(|g| w.starts_with(g)))
        }
        Dictionary::Countries => {
            let national = cx.iso3_of.contains_key(kind) && code.len() >= 6;
            national && (has_org_word || single && name.len() <= 5)
        }
    };
    if !wanted || cx.unfit(&name) {
        return None;
    }
    for syn in &entry.synonyms {
        if let Some((n, a)) = names(syn, dict) {
            aliases.push(n);
            aliases.extend(a);
        }
    }
    aliases.retain(|a| !cx.unfit(a));
    let iso3_of = |c: &str| cx.iso3_of.get(c).cloned();
    let (country, sector) = country_and_sector(&code, &iso3_of);
    let id = slug(&name);
    let (c_name, c_aliases, c_country, c_sector, c_cameo, c_source) = (1, 2, 3, 4, 5, 6);
    let fresh = !table.rows.contains_key(&id);
    let row = table.row_mut(&id);
    if fresh {
        row[c_name] = name.clone();
        row[c_country] = country;
        row[c_sector] = sector;
        row[c_cameo] = code.clone();
        row[c_source] = "phoenix".to_string();
    }
    for a in aliases {
        add_alias(row, c_name, c_aliases, &a);
    }
    if !fresh {
        add_alias(row, c_name, c_aliases, &name);
    }
    Some((id, code))
}

fn add_alias(row: &mut [String], c_name: usize, c_aliases: usize, alias: &str) {
    let letters = alias.chars().filter(|c| c.is_alphanumeric()).count();
    let known = split_list(&row[c_aliases]).any(|x| x.eq_ignore_ascii_case(alias));
    if letters >= 2 && !known && !alias.eq_ignore_ascii_case(&row[c_name]) {
        push_item(&mut row[c_aliases], alias);
    }
}

/// Within each CAMEO code, an acronym-named row (`IAEA`) whose letters are
/// the initials of another row's name (`International Atomic Energy
/// Agency`) is merged into that row.
fn merge_acronyms(table: &mut Table, by_code: &BTreeMap<String, Vec<String>>) {
    for ids in by_code.values() {
        for short in ids {
            let Some(row) = table.rows.get(short) else {
                continue;
            };
            let acronym = row[1].replace('.', "");
            if acronym.contains(' ') || acronym.chars().any(char::is_lowercase) {
                continue;
            }
            let full = ids.iter().find(|id| {
                *id != short
                    && table
                        .rows
                        .get(*id)
                        .is_some_and(|r| initials(&r[1]) == acronym)
            });
            let Some(full) = full.cloned() else { continue };
            let gone = table.rows.remove(short).expect("present");
            let into = table.rows.get_mut(&full).expect("present");
            add_alias(into, 1, 2, &gone[1]);
            for a in split_list(&gone[2]) {
                add_alias(into, 1, 2, a);
            }
        }
    }
}

/// `International Atomic Energy Agency` → `IAEA`.
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// The display name of a phrase and any acronym it carries in parentheses:
/// `ANIMAL_LIBERATION_FRONT_(ALF)_` → (`Animal Liberation Front`, [`ALF`]).
fn names(raw: &str, dict: Dictionary) -> Option<(String, Vec<String>)> {
    let raw = raw.trim().trim_matches('_');
    let (main, acronym) = match raw.split_once('(') {
        Some((m, rest)) => (
            m,
            rest.split(')')
                .next()
                .map(|a| a.trim_matches('_').to_string()),
        ),
        None => (raw, None),
    };
    let main = main.trim_matches('_');
    let main = main.strip_prefix("THE_").unwrap_or(main);
    let has_letters = main.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !has_letters || main.contains([':', '/', ',', '\u{fffd}']) {
        return None;
    }
    let single = !main.contains(['_', ' ']);
    let letters = main.chars().filter(|c| c.is_alphabetic()).count();
    let keep_upper = match dict {
        Dictionary::International => single && letters <= 7,
        Dictionary::MilNonState | Dictionary::Countries => single && letters <= 4,
    };
    let name = if keep_upper || main.contains('.') && single {
        main.to_string()
    } else {
        display_case(main)
    };
    let acronym = acronym.filter(|a| {
        let letters = a.chars().filter(char::is_ascii_alphabetic).count();
        (2..=6).contains(&letters)
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    });
    let acronyms = acronym.into_iter().collect();
    Some((name, acronyms))
}

/// The `country` and `sector` columns for a CAMEO code.
/// `code` has at least three letters.
pub fn country_and_sector(
    code: &str,
    iso3_of: &dyn Fn(&str) -> Option<String>,
) -> (String, String) {
    let segs: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    if segs.is_empty() {
        return (code.to_string(), String::new());
    }
    match segs[0] {
        "IGO" => {
            let org = if code.starts_with("IGOEUREEC") {
                "EUR"
            } else {
                segs[1..]
                    .iter()
                    .rev()
                    .find(|s| !REGIONS.contains(s) && !FUNCTIONS.contains(s))
                    .or_else(|| segs.get(1).filter(|s| REGIONS.contains(s)))
                    .copied()
                    .unwrap_or("IGO")
            };
            (igo_country(org).to_string(), "IGO".to_string())
        }
        "NGO" | "MNC" => {
            let country = segs
                .get(1)
                .and_then(|s| iso3_of(s))
                .unwrap_or_else(|| segs[0].to_string());
            (
                country,
                if segs[0] == "NGO" { "NGO" } else { "BUS" }.to_string(),
            )
        }
        "IMG" => ("IMG".to_string(), "REB".to_string()),
        first => {
            let region = REGIONS.contains(&first).then(|| first.to_string());
            let country = iso3_of(first)
                .or(region)
                .unwrap_or_else(|| "INT".to_string());
            let sector = segs.get(1).copied().unwrap_or("").to_string();
            (country, sector)
        }
    }
}

/// The project's code for an IGO whose CAMEO segment is abbreviated:
/// `NAT` (CAMEO's `IGOWSTNAT`) is written `NATO`; `UNO`, `EUR` and the
/// others are kept.
pub fn igo_country(segment: &str) -> &str {
    match segment {
        "NAT" => "NATO",
        other => other,
    }
}

/// `Human Rights Watch` → `human-rights-watch`; `U.N.` → `un`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name
        .chars()
        .filter(|c| *c != '.' && *c != '\'')
        .map(ascii_fold)
    {
        if c.is_ascii_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `é` → `e`, `ş` → `s`: the Latin letters with diacritics of the sources.
fn ascii_fold(c: char) -> char {
    const FROM: &str = "ÀÁÂÃÄÅàáâãäåāăąÇçćčĐđÈÉÊËèéêëēęěĞğÌÍÎÏìíîïıŁłÑñńňÒÓÔÕÖØòóôõöøőŘřŚśŞşŠšŢţŤťÙÚÛÜùúûüűůÝýÿŹźŻżŽž";
    const TO: &str = "AAAAAAaaaaaaaaaCcccDdEEEEeeeeeeeGgIIIIiiiiiLlNnnnOOOOOOoooooooRrSsSsSsTtTtUUUUuuuuuuYyyZzZzZz";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// The codes that organisations' rows use as `country` for themselves.
pub fn igo_codes(table: &Table) -> BTreeSet<String> {
    table
        .rows
        .values()
        .filter(|r| r[4] == "IGO")
        .map(|r| r[3].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::phoenix;
    use super::*;

    #[test]
    fn builds_rows() {
        let intl = phoenix::parse(
            "NATO_\n+NORTH_ATLANTIC_TREATY_ORGANIZATION_\n\t[IGOWSTNAT]\nKOFI_ANNAN_\t[IGOUNO 970101-061231]\n\
             IAEA_\t[IGOUNOIAE]\nINTERNATIONAL_ATOMIC_ENERGY_AGENCY_\t[IGOUNOIAE]\nAMNESTY_INTERNATIONAL_\t[NGOHRIAMN]\n\
             ANTI_SLAVERY_INTERNATIONAL_\t[NGOGBRHRI]\nJOHN_SMITH_\t[IGOUNO]\nSHELL_\t[MNCGBR]\nEUROPEAN_UNION_\t[IGOEUREEC]\n",
        );
        let mil = phoenix::parse(
            "ABU_ABDULLAH\t[IMGSASMUS]\nHAMAS\t[PSEREB]\n+HARAKAT_AL-MUQAWAMA_AL-ISLAMIYA\n+PARADISE\nPARADISE_ [RUSREB]\nADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]\n+YEMEN\nAL_QAEDA [IMGMUSALQ]\n313 [PAKREB]\n",
        );
        let national = phoenix::parse(
            "KREMLIN_\n\t[RUSGOV]\nFEDERAL_SECURITY_SERVICE_\n+FSB_\n\t[RUSCOP]\nRUSSIAN_FEDERATION_ [RUS]\nIVAN_IVANOV_ [RUSGOV]\n",
        );
        let iso3_of: BTreeMap<String, String> = ["PSE", "GBR", "USA", "YEM", "RUS"]
            .iter()
            .map(|c| (c.to_string(), c.to_string()))
            .collect();
        let reserved: BTreeSet<String> =
            ["yemen", "kremlin"].iter().map(|s| s.to_string()).collect();
        let common: BTreeSet<String> = ["paradise"].iter().map(|s| s.to_string()).collect();
        let dicts = [
            (Dictionary::International, &intl[..]),
            (Dictionary::MilNonState, &mil[..]),
            (Dictionary::Countries, &national[..]),
        ];
        let t = build(
            &dicts,
            &Context {
                iso3_of: &iso3_of,
                reserved: &reserved,
                common: &common,
            },
        );
        let ids: Vec<&str> = t.rows.keys().map(String::as_str).collect();
        assert_eq!(
            ids,
            [
                "aden-abyan-islamic-army",
                "al-qaeda",
                "amnesty-international",
                "anti-slavery-international",
                "european-union",
                "federal-security-service",
                "hamas",
                "international-atomic-energy-agency",
                "nato"
            ]
        );
        assert_eq!(t.rows["nato"][2], "North Atlantic Treaty Organization");
        assert_eq!(&t.rows["nato"][3..6], ["NATO", "IGO", "IGOWSTNAT"]);
        assert_eq!(t.rows["international-atomic-energy-agency"][2], "IAEA");
        assert_eq!(t.rows["international-atomic-energy-agency"][3], "IAE");
        assert_eq!(t.rows["european-union"][3], "EUR");
        assert_eq!(&t.rows["anti-slavery-international"][3..5], ["GBR", "NGO"]);
        assert_eq!(&t.rows["amnesty-international"][3..5], ["NGO", "NGO"]);
        assert_eq!(t.rows["hamas"][1], "Hamas");
        assert_eq!(t.rows["hamas"][2], "Harakat Al-Muqawama Al-Islamiya");
        assert_eq!(&t.rows["hamas"][3..5], ["PSE", "REB"]);
        assert_eq!(t.rows["aden-abyan-islamic-army"][2], "AAIA");
        assert_eq!(&t.rows["al-qaeda"][3..5], ["IMG", "REB"]);
        assert_eq!(
            &t.rows["federal-security-service"][2..5],
            ["FSB", "RUS", "COP"]
        );
        assert_eq!(slug("Sébastien Lecornu"), "sebastien-lecornu");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
    }
}
