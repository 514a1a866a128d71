//! NGEC's `countries.csv` (MIT-declared): `CCA2,Name,CCA3,Nationality`, the
//! last cell a quoted, comma-separated list of adjectives, demonyms and
//! other names (for some states followed by their territories').

/// One row of `countries.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso3: String,
    pub name: String,
    pub nationality: Vec<String>,
}

/// Parses the file; rows whose code is not three letters (the `…PRE`
/// breakaway regions) are kept: the caller decides.
pub fn parse(text: &str) -> Vec<Country> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cells = csv_cells(line);
            let [_, name, iso3, nationality] = cells.as_slice() else {
                return None;
            };
            let nationality = nationality
                .split(',')
                .map(|s| s.trim().replace('’', "'"))
                .filter(|s| !s.is_empty())
                .collect();
            Some(Country {
                iso3: iso3.clone(),
                name: name.clone(),
                nationality,
            })
        })
        .collect()
}

/// Splits one CSV line with `"`-quoted cells (`""` inside quotes is a quote).
pub fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let cell = cells.last_mut().expect("never empty");
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            _ => cell.push(c),
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_lists() {
        let text = "CCA2,Name,CCA3,Nationality\nCI,Cote d'Ivoire,CIV,\"Ivorian, Ivorians, Cote d’Ivoire\"\nBJ,Benin,BEN,Beninese\n";
        let rows = parse(text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].iso3, "CIV");
        assert_eq!(
            rows[0].nationality,
            ["Ivorian", "Ivorians", "Cote d'Ivoire"]
        );
        assert_eq!(rows[1].nationality, ["Beninese"]);
        assert_eq!(csv_cells("a,\"b \"\"c\"\"\",d"), ["a", "b \"c\"", "d"]);
    }
}
