//! Turning the sources' spellings into the forms news text uses: the
//! CountryInfo/PETRARCH `UPPER_CASE_` phrases become `Title Case` names or
//! lowercase role phrases.

/// Words kept upper case: abbreviations that appear in the sources.
const ACRONYMS: &[&str] = &[
    "DC", "DPRK", "DR", "DRC", "EEUU", "EU", "FYROM", "HKSAR", "II", "III", "IV", "LPDR", "PDR",
    "PRC", "RDTL", "ROC", "ROK", "RSA", "SAR", "SRVN", "TFYRM", "TRNC", "UAE", "UK", "UN", "US",
    "USA", "USSR",
];

/// Words written lower case inside a name.
const PARTICLES: &[&str] = &[
    "al", "and", "as", "at", "bin", "bint", "da", "das", "de", "del", "der", "des", "di", "do",
    "dos", "du", "e", "el", "en", "et", "for", "in", "la", "las", "le", "les", "los", "of", "on",
    "the", "van", "von", "y",
];

/// Particles written lower case inside a person's name (not `in`, `on`:
/// `LAI_IN_JAW` is Lai In Jaw).
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "e",
    "el", "ibn", "la", "le", "van", "von", "y",
];

/// `UNITED_STATES_OF_AMERICA_` → `United States of America`,
/// `COTE_D'IVOIRE` → `Cote d'Ivoire`, `U.S.A.` → `U.S.A.`.
pub fn display_case(raw: &str) -> String {
    cased(raw, PARTICLES)
}

/// A person's name: `ANTONIO_DI_PIETRO` → `Antonio di Pietro`, `LAI_IN_JAW` → `Lai In Jaw`.
pub fn person_case(raw: &str) -> String {
    cased(raw, NAME_PARTICLES)
}

fn cased(raw: &str, particles: &[&str]) -> String {
    let words: Vec<&str> = raw.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        out.push(case_word(word, i == 0, particles));
    }
    out.join(" ")
}

fn case_word(word: &str, first: bool, particles: &[&str]) -> String {
    let mixed = word.chars().any(char::is_uppercase) && word.chars().any(char::is_lowercase);
    if mixed {
        // Already cased (`Jr.`, `al-BURHAN`): only upper-case parts change.
        let parts: Vec<String> = word
            .split('-')
            .map(|p| {
                let caps = p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !p.chars().any(char::is_lowercase);
                if caps {
                    title(&p.to_lowercase())
                } else {
                    p.to_string()
                }
            })
            .collect();
        return parts.join("-");
    }
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.to_uppercase();
    let initials = word
        .split('.')
        .all(|part| part.chars().filter(|c| c.is_alphabetic()).count() <= 2);
    if word.contains('.') && initials && !matches!(upper.as_str(), "ST" | "MT" | "FT") {
        return word.to_uppercase();
    }
    if word.contains('.') && word.len() > 2 {
        // `S.KOREA` → `S.Korea`: each part on its own.
        let parts: Vec<String> = word.split('.').map(|p| title(&p.to_lowercase())).collect();
        return parts.join(".");
    }
    if ACRONYMS.contains(&word) {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    if !first && particles.contains(&lower.as_str()) {
        return lower;
    }
    if !first {
        for prefix in ["d'", "l'"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                return format!("{prefix}{}", title(rest));
            }
        }
    }
    title(&lower)
}

/// Capitalises each hyphen- or apostrophe-separated part (`n'djamena` →
/// `N'Djamena`), but not a one-letter tail (`john's` → `John's`).
fn title(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    let chars: Vec<char> = lower.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let tail_len = chars[i..].iter().take_while(|c| c.is_alphabetic()).count();
        if start && c.is_alphabetic() && (i == 0 || tail_len > 1 || chars[i - 1] == '-') {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = matches!(c, '-' | '\'' | '’' | '(' | '/');
    }
    out
}

/// `POLICE_OFFICER_` → `police officer`: lower case, single spaces.
pub fn phrase(raw: &str) -> String {
    let words: Vec<String> = raw
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            display_case("UNITED_STATES_OF_AMERICA_"),
            "United States of America"
        );
        assert_eq!(display_case("COTE_D'IVOIRE"), "Cote d'Ivoire");
        assert_eq!(display_case("N'DJAMENA_"), "N'Djamena");
        assert_eq!(display_case("SAINT_JOHN'S_"), "Saint John's");
        assert_eq!(display_case("U.S.A."), "U.S.A.");
        assert_eq!(display_case("WASHINGTON_D.C."), "Washington D.C.");
        assert_eq!(display_case("ST._GEORGE'S_"), "St. George's");
        assert_eq!(display_case("GUINEA-BISSAU"), "Guinea-Bissau");
        assert_eq!(display_case("THE_USA_"), "The USA");
        assert_eq!(display_case("EL_SALVADOR"), "El Salvador");
        assert_eq!(display_case("Joseph R. BIDEN Jr."), "Joseph R. Biden Jr.");
        assert_eq!(person_case("LAI_IN_JAW"), "Lai In Jaw");
        assert_eq!(display_case("S.KOREA_"), "S.Korea");
        assert_eq!(person_case("ANTONIO_DI_PIETRO_"), "Antonio di Pietro");
    }

    #[test]
    fn phrases() {
        assert_eq!(phrase("POLICE_OFFICER_"), "police officer");
        assert_eq!(phrase("CHIEF EXECUTIVE"), "chief executive");
    }
}
