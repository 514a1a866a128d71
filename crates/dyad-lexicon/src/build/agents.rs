//! `agents.tsv`: role nouns → sector codes, from the PETRARCH/Phoenix agents
//! dictionary (MIT) and its PLOVER revision in NGEC (MIT-declared).
//!
//! Dictionary lines look like `POLICE_OFFICER_ {POLICE_OFFICERS} [~COP] # note`:
//! `_` joins words, `{…}` gives an irregular plural, `[~XXX]` codes the
//! agent as following the actor (`[XXX~]` preceding), and macros such as
//! `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON` expand inside phrases.

use std::collections::BTreeMap;

use super::spelling::phrase;
use super::tsv::Table;

pub const HEADER: &[&str] = &["phrase", "sector", "source"];

/// Codes that mark non-actors (`JNK` weather and disasters, `NON` weekdays
/// and continents, `UNK` bare `man`, `group`): such rows are left out.
const NOT_AGENTS: &[&str] = &["JNK", "NON", "UNK"];

/// One dictionary entry, after macro expansion; `plural` is the irregular plural.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The 1-based line of the dictionary.
    pub line: usize,
    pub phrase: String,
    pub plural: Option<String>,
    /// The sector codes, concatenated as in the source (`GOVMIL`).
    pub sector: String,
}

/// Parses an agents dictionary.
pub fn parse(text: &str) -> Vec<Entry> {
    parse_reporting(text).0
}

/// Parses an agents dictionary, with the 1-based line numbers and reasons
/// of the lines that were skipped. `<!-- … -->` lines (the PETRARCH
/// validation files' headers) are comments.
pub fn parse_reporting(text: &str) -> (Vec<Entry>, Vec<(usize, String)>) {
    let mut macros: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        if in_comment || raw.trim_start().starts_with("<!") {
            in_comment = !raw.contains("-->");
            continue;
        }
        let line = raw.split_once('#').map_or(raw, |(keep, _)| keep).trim();
        if line.is_empty() {
            continue;
        }
        if let Some((name, values)) = line
            .split_once('=')
            .filter(|_| line.starts_with('!') && !line.contains('['))
        {
            let values = values.split(',').map(|v| v.trim().to_string()).collect();
            macros.insert(name.trim().to_string(), values);
            continue;
        }
        let Some((head, code)) = line.split_once('[') else {
            skipped.push((i + 1, "no [CODE]".to_string()));
            continue;
        };
        let code = code
            .trim_end()
            .trim_end_matches([']', '}'])
            .replace(['~', ' '], "");
        if code.len() < 3 || code.len() % 3 != 0 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            skipped.push((i + 1, format!("bad agent code [{code}]")));
            continue;
        }
        let (words, plural) = match head.split_once('{') {
            Some((w, p)) => (w, Some(p.trim().trim_end_matches('}').trim())),
            None => (head, None),
        };
        for phrase in expand(&macros, words) {
            let plural = plural.filter(|p| !p.is_empty()).map(str::to_string);
            out.push(Entry {
                line: i + 1,
                phrase,
                plural,
                sector: code.clone(),
            });
        }
    }
    (out, skipped)
}

/// Expands `!MACRO!`s (each occurrence, all values) in a phrase. A macro
/// inside a word (`AD!MINIST!RATION`, a search-and-replace slip in the
/// sources) stands for its own letters.
fn expand(macros: &BTreeMap<String, Vec<String>>, words: &str) -> Vec<String> {
    let mut words = words.trim().to_string();
    // A macro's letters written as a whole word without its `!`s
    // (`COMMERCE_MINIST`, a slip in the sources for `COMMERCE_!MINIST!`)
    // stand for the macro, when they are none of its values (not `PERSON`).
    for (name, values) in macros {
        let letters = name.trim_matches('!');
        if letters.is_empty() || values.iter().any(|v| v == letters) {
            continue;
        }
        let parts: Vec<&str> = words.split('_').collect();
        if parts.iter().any(|w| w.trim() == letters) {
            words = parts
                .iter()
                .map(|w| {
                    if w.trim() == letters {
                        name.as_str()
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join("_");
        }
    }
    for name in macros.keys() {
        let letters = name.trim_matches('!');
        while let Some(at) = words.find(name.as_str()) {
            let before = words[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            let after = words[at + name.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
            if !(before && after) {
                break;
            }
            words.replace_range(at..at + name.len(), letters);
        }
    }
    let words = words.as_str();
    for (name, values) in macros {
        if let Some(at) = words.find(name.as_str()) {
            let (before, after) = (&words[..at], &words[at + name.len()..]);
            return values
                .iter()
                .flat_map(|v| expand(macros, &format!("{before}{v}{after}")))
                .collect();
        }
    }
    vec![words.to_string()]
}

/// Words that cannot end a role noun: a phrase ending in one is cut off
/// before its object (`ambassador to`, `embassy in`, `c in c of`).
const FUNCTION_WORDS: &[&str] = &[
    "a", "against", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "under", "with",
];

/// Is this phrase fit to be matched in English news text?
pub fn usable(phrase: &str) -> bool {
    let last = phrase.rsplit(' ').next().unwrap_or("");
    !(phrase.contains(' ') && FUNCTION_WORDS.contains(&last))
        && phrase.chars().any(|c| c.is_alphabetic())
        && phrase
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || " -'.&".contains(c))
        && !phrase.contains('!')
}

/// PLOVER's agents file renamed two CAMEO sectors: its `JRN` is CAMEO's
/// `MED` (media) and its `MED` is CAMEO's `HLH` (health). The table uses
/// CAMEO's names, as the rest of dyad does.
pub fn cameo_sector(plover: &str) -> String {
    let mut out = String::with_capacity(plover.len());
    for i in (0..plover.len()).step_by(3) {
        out.push_str(match plover.get(i..i + 3).unwrap_or("") {
            "MED" => "HLH",
            "JRN" => "MED",
            other => other,
        });
    }
    out
}

/// CAMEO's actor codebook files activists, dissidents, protesters and the
/// opposition's leaders under `OPP` (political opposition), as the Phoenix
/// dictionaries code them; PLOVER's agents file puts civilians first
/// (`CVLOPP`). The table leads with the opposition role and keeps the
/// civilian one: `OPPCVL`.
fn opposition_first(sector: String) -> String {
    match sector.strip_prefix("CVLOPP") {
        Some(rest) => format!("OPPCVL{rest}"),
        None => sector,
    }
}

/// Builds the table: PLOVER's codes win over Phoenix's for the same phrase.
pub fn build(plover: &[Entry], phoenix: &[Entry]) -> Table {
    let mut table = Table::new(HEADER, &[]);
    let plover: Vec<Entry> = plover
        .iter()
        .map(|e| Entry {
            sector: opposition_first(cameo_sector(&e.sector)),
            ..e.clone()
        })
        .collect();
    for (tag, entries) in [("phoenix", phoenix), ("plover", &plover[..])] {
        for e in entries
            .iter()
            .filter(|e| !NOT_AGENTS.contains(&e.sector.as_str()))
        {
            let forms = std::iter::once(phrase(&e.phrase)).chain(e.plural.as_deref().map(phrase));
            for form in forms.filter(|f| usable(f)) {
                let row = table.row_mut(&form);
                let source = match row[2].as_str() {
                    "" => tag.to_string(),
                    prev if prev == tag || prev.ends_with(&format!("+{tag}")) => prev.to_string(),
                    prev => format!("{prev}+{tag}"),
                };
                row[1] = e.sector.clone();
                row[2] = source;
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "# header\n!PERSON! = MAN, WOMAN\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n\
        CATTLE!PERSON! [~AGR]\nANTI_RIOT_POLICE {} [~COP] # note\nDEPARMENT_OF_ENVIRONMENT [~ENV}\nMP [~LEG]\nIGO [IGO~]\n\
        BAD_LINE [~GOVX]\n!PERSON! OF_AD!PERSON!RATION [~GOV]\n";

    #[test]
    fn parses_dictionary_lines() {
        let e = parse(SNIPPET);
        let got: Vec<(&str, Option<&str>, &str)> = e
            .iter()
            .map(|e| (e.phrase.as_str(), e.plural.as_deref(), e.sector.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("CHAMBER_OF_COMMERCE", Some("CHAMBERS_OF_COMMERCE"), "BUS"),
                ("CATTLEMAN", None, "AGR"),
                ("CATTLEWOMAN", None, "AGR"),
                ("ANTI_RIOT_POLICE", None, "COP"),
                ("DEPARMENT_OF_ENVIRONMENT", None, "ENV"),
                ("MP", None, "LEG"),
                ("IGO", None, "IGO"),
                ("MAN OF_ADPERSONRATION", None, "GOV"),
                ("WOMAN OF_ADPERSONRATION", None, "GOV"),
            ]
        );
    }

    #[test]
    fn a_macros_letters_without_its_bangs_are_the_macro() {
        let e = parse("!MINIST! = MINISTER, MINISTRY\n!PERSON! = MAN, PERSON\nCOMMERCE_MINIST [~GOV]\nPERSON [~CVL]\n");
        let got: Vec<&str> = e.iter().map(|e| e.phrase.as_str()).collect();
        assert_eq!(got, ["COMMERCE_MINISTER", "COMMERCE_MINISTRY", "PERSON"]);
    }

    #[test]
    fn the_opposition_role_leads_plovers_civilian_opposition() {
        let phoenix = parse("DISSIDENT [~OPP]\n");
        let plover =
            parse("DISSIDENT [~CVLOPP]\nDISSIDENT_STUDENT [~CVLOPPEDU]\nVILLAGER [~CVL]\n");
        assert_eq!(
            build(&plover, &phoenix).render(),
            "phrase\tsector\tsource\ndissident\tOPPCVL\tphoenix+plover\n\
             dissident student\tOPPCVLEDU\tplover\nvillager\tCVL\tplover\n"
        );
    }

    #[test]
    fn plover_overrides_phoenix() {
        let phoenix = parse("POLICE_OFFICER [ ~COP]\nREBEL [~REB]\nC_IN_C_OF [~MIL]\n");
        let plover = parse(
            "REBEL [~REBUAF]\nSPY {SPIES} [~SPY]\nDOCTOR [~MED]\nREPORTER [~GOVJRN]\nEMBASSY_IN [~GOV]\n",
        );
        let t = build(&plover, &phoenix);
        assert_eq!(
            t.render(),
            "phrase\tsector\tsource\ndoctor\tHLH\tplover\npolice officer\tCOP\tphoenix\nrebel\tREBUAF\tphoenix+plover\n\
             reporter\tGOVMED\tplover\nspies\tSPY\tplover\nspy\tSPY\tplover\n"
        );
    }
}
