//! text_to_CAMEO's `countrynames.txt` (MIT): `name<TAB>CAMEO code<TAB>COW code`.
//! Several names per code; territories have six-letter codes (`USAGUM`).

/// `(name, cameo)` pairs in file order, without the `NULL` row.
pub fn parse_country_names(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let name = cells.next()?.trim();
            let code = cells.next()?.trim();
            let valid = (code.len() == 3 || code.len() == 6)
                && code.bytes().all(|b| b.is_ascii_uppercase());
            (valid && name != "NULL").then(|| (name.to_string(), code.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_rows() {
        let rows = super::parse_country_names("NULL\t---\t000\nGuam\tUSAGUM\t000\nGuinea\tGIN\t\n");
        assert_eq!(
            rows,
            [
                ("Guam".into(), "USAGUM".into()),
                ("Guinea".into(), "GIN".into())
            ]
        );
    }
}
