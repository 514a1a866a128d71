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
    let mut lines = lines(text).enumerate();
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
        let cells = cells(line, cols.len());
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

/// The lines of a text as [`str::lines`] cuts them (at `\n`, a final
/// `\r` dropped, no empty line after a final `\n`), each end found by
/// `str::find` (memchr) without `str::lines`' other machinery: the
/// lexicon's sources are megabytes of lines.
pub(crate) fn lines(text: &str) -> Lines<'_> {
    Lines { text, pos: 0 }
}

/// See [`lines`].
pub(crate) struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let len = rest.find('\n');
        match len {
            Some(n) => {
                self.pos += n + 1;
                let line = &rest[..n];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => {
                self.pos += rest.len();
                Some(rest)
            }
        }
    }
}

/// A line's tab-separated cells one by one, as `line.split('\t')` gives
/// them, found by scanning the bytes.
pub(crate) fn tab_cells(line: &str) -> TabCells<'_> {
    TabCells { rest: Some(line) }
}

/// See [`tab_cells`].
pub(crate) struct TabCells<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for TabCells<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match rest.bytes().position(|b| b == b'\t') {
            Some(i) => {
                self.rest = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// A line's tab-separated cells (as `line.split('\t')`), in one scan of
/// its bytes; `columns` is how many a row may have.
fn cells(line: &str, columns: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(columns);
    let mut start = 0;
    for (i, b) in line.bytes().enumerate() {
        if b == b'\t' {
            out.push(&line[start..i]);
            start = i + 1;
        }
    }
    out.push(&line[start..]);
    out
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
    fn lines_and_cells_are_cut_as_std_cuts_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "a\n\nb",
            "a\r",
            "\r\n\r\n",
            "x\ty\t\n\tz\r\n\t",
            "é\t’\nü",
        ] {
            let ours: Vec<&str> = lines(text).collect();
            assert_eq!(ours, text.lines().collect::<Vec<_>>(), "{text:?}");
            for line in ours {
                assert_eq!(cells(line, 2), line.split('\t').collect::<Vec<_>>());
                assert_eq!(
                    tab_cells(line).collect::<Vec<_>>(),
                    line.split('\t').collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn bad_header_and_long_rows_name_the_line() {
        let err = parse("t.tsv", "a\tc\n", &["a", "b"]).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:1:"), "{err}");
        let err = parse("t.tsv", "a\tb\n1\t2\t3\n", &["a", "b"]).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:2:"), "{err}");
    }
}
