//! A strict reader of the lexicon's TSV sources: one header line, tab
//! separated cells, `|` separating list items inside a cell.

use crate::Error;

/// One data row: its 1-based line number and its cells.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub line: usize,
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell at `i`, trimmed; empty when missing.
    pub fn get(&self, i: usize) -> &'a str {
        self.cells.get(i).map_or("", |c| c.trim())
    }

    /// The cell at `i` as a non-empty string, or `None`.
    pub fn opt(&self, i: usize) -> Option<&'a str> {
        Some(self.get(i)).filter(|s| !s.is_empty())
    }

    /// The `|`-separated items of cell `i`, trimmed, empty items dropped.
    pub fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.get(i)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Parses `text` (named `file` in errors); the first line must start with
/// the columns `expected` (extra columns are allowed).
pub(crate) fn parse<'a>(
    file: &str,
    text: &'a str,
    expected: &[&str],
) -> Result<Vec<Row<'a>>, Error> {
    let mut lines = text.lines().enumerate();
    let header = match lines.next() {
        Some((_, h)) => h,
        None => return Err(Error::row(file, 1, "empty file, expected a header")),
    };
    let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
    if cols.len() < expected.len() || cols[..expected.len()] != *expected {
        return Err(Error::row(
            file,
            1,
            format!(
                "header is {:?}, expected it to start with {:?}",
                cols, expected
            ),
        ));
    }
    let mut rows = Vec::new();
    for (i, line) in lines {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() > cols.len() {
            return Err(Error::row(
                file,
                line_no,
                format!("{} cells, the header has {}", cells.len(), cols.len()),
            ));
        }
        rows.push(Row {
            line: line_no,
            cells,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_lists() {
        let rows = parse("t.tsv", "a\tb\nx\ty|z| \n\n# c\n", &["a", "b"]).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].list(1).collect::<Vec<_>>(), ["y", "z"]);
        assert_eq!(rows[0].opt(2), None);
    }

    #[test]
    fn bad_header_and_long_rows_name_the_line() {
        let err = parse("t.tsv", "a\tc\n", &["a", "b"]).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:1:"), "{err}");
        let err = parse("t.tsv", "a\tb\n1\t2\t3\n", &["a", "b"]).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:2:"), "{err}");
    }
}
