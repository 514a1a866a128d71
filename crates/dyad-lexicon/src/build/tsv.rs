//! The TSV files of the actor base: one header line, tab-separated cells, `|`
//! between list items, rows sorted by their first column.
//!
//! A [`Table`] is keyed by its first column. Curated overlays use the same
//! header and are merged with [`Table::overlay`]: a row whose key starts with
//! `-` deletes the row, a list item that starts with `-` removes that item,
//! any other non-empty cell replaces (scalar) or extends (list) the base cell.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The separator between items of a list cell.
pub const LIST_SEP: char = '|';

/// A keyed table: `rows[key]` holds all the cells, the key included.
#[derive(Debug, Clone)]
pub struct Table {
    pub header: &'static [&'static str],
    /// Which columns hold `|`-separated lists.
    pub lists: &'static [&'static str],
    pub rows: BTreeMap<String, Vec<String>>,
}

/// A line of a TSV file that does not fit its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub reason: String,
}

impl Table {
    pub fn new(header: &'static [&'static str], lists: &'static [&'static str]) -> Table {
        Table {
            header,
            lists,
            rows: BTreeMap::new(),
        }
    }

    /// The index of a column; panics on a name that is not in the header,
    /// which is a programming error, not a data error.
    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    fn is_list(&self, col: usize) -> bool {
        self.lists.contains(&self.header[col])
    }

    /// The row for `key`, created empty if missing.
    pub fn row_mut(&mut self, key: &str) -> &mut Vec<String> {
        let width = self.header.len();
        self.rows.entry(key.to_string()).or_insert_with(|| {
            let mut row = vec![String::new(); width];
            row[0] = key.to_string();
            row
        })
    }

    /// Appends `item` to the list cell `col` of `key` unless it is already there.
    pub fn push_item(&mut self, key: &str, col: usize, item: &str) {
        let cell = &mut self.row_mut(key)[col];
        push_item(cell, item);
    }

    /// Merges a curated overlay into this table (see the module docs).
    pub fn overlay(&mut self, curated: &Table, tag: &str) {
        let source = self.header.iter().position(|h| *h == "source");
        for (key, crow) in &curated.rows {
            if let Some(gone) = key.strip_prefix('-') {
                self.rows.remove(gone);
                continue;
            }
            let existed = self.rows.contains_key(key);
            let lists: Vec<bool> = (0..self.header.len()).map(|c| self.is_list(c)).collect();
            let row = self.row_mut(key);
            for (c, cell) in crow.iter().enumerate().skip(1) {
                if Some(c) == source || cell.is_empty() {
                    continue;
                }
                if lists[c] {
                    for item in split_list(cell) {
                        match item.strip_prefix('-') {
                            Some(gone) => remove_item(&mut row[c], gone),
                            None => push_item(&mut row[c], item),
                        }
                    }
                } else {
                    row[c] = cell.clone();
                }
            }
            if let Some(s) = source {
                row[s] = match (crow[s].is_empty(), existed && !row[s].is_empty()) {
                    (false, _) => crow[s].clone(),
                    (true, true) => format!("{}+{tag}", row[s]),
                    (true, false) => tag.to_string(),
                };
            }
        }
    }

    /// Parses a TSV text with exactly this table's header.
    pub fn parse(
        header: &'static [&'static str],
        lists: &'static [&'static str],
        text: &str,
    ) -> Result<Table, BadLine> {
        let mut table = Table::new(header, lists);
        for (i, cells) in parse_rows(header, text)? {
            if table.rows.insert(cells[0].clone(), cells).is_some() {
                return Err(BadLine {
                    line: i,
                    reason: "duplicate key".into(),
                });
            }
        }
        Ok(table)
    }

    /// Renders the table: header, then rows in key order, `\n` line ends.
    pub fn render(&self) -> String {
        render(self.header, self.rows.values())
    }
}

/// Parses the rows of a TSV text (line numbers from 1), checking the header
/// and the column count. Keeps duplicates; callers decide about keys.
pub fn parse_rows(header: &[&str], text: &str) -> Result<Vec<(usize, Vec<String>)>, BadLine> {
    let mut lines = text.lines().enumerate();
    let want = header.join("\t");
    match lines.next() {
        Some((_, first)) if first == want => {}
        _ => {
            return Err(BadLine {
                line: 1,
                reason: format!("header is not `{want}`"),
            })
        }
    }
    let mut rows = Vec::new();
    for (i, line) in lines {
        if line.is_empty() {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        if cells.len() != header.len() {
            let reason = format!("{} cells, expected {}", cells.len(), header.len());
            return Err(BadLine {
                line: i + 1,
                reason,
            });
        }
        rows.push((i + 1, cells));
    }
    Ok(rows)
}

/// Renders rows under a header.
pub fn render<'a>(header: &[&str], rows: impl IntoIterator<Item = &'a Vec<String>>) -> String {
    let mut out = header.join("\t");
    out.push('\n');
    for row in rows {
        let _ = writeln!(out, "{}", row.join("\t"));
    }
    out
}

/// The items of a list cell.
pub fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(LIST_SEP)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Appends `item` to a list cell unless present (exact match) or unfit for a cell.
pub fn push_item(cell: &mut String, item: &str) {
    let item = item.trim();
    if item.is_empty() || item.contains(['\t', '\n', LIST_SEP]) {
        return;
    }
    if split_list(cell).any(|x| x == item) {
        return;
    }
    if !cell.is_empty() {
        cell.push(LIST_SEP);
    }
    cell.push_str(item);
}

/// Removes `item` from a list cell, comparing case-insensitively.
pub fn remove_item(cell: &mut String, item: &str) {
    let kept: Vec<&str> = split_list(cell)
        .filter(|x| !x.eq_ignore_ascii_case(item))
        .collect();
    *cell = kept.join("|");
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &[&str] = &["id", "name", "aliases", "source"];
    const L: &[&str] = &["aliases"];

    #[test]
    fn round_trip_and_order() {
        let text = "id\tname\taliases\tsource\nb\tB\tx|y\ts\na\tA\t\ts\n";
        let t = Table::parse(H, L, text).unwrap();
        assert_eq!(
            t.render(),
            "id\tname\taliases\tsource\na\tA\t\ts\nb\tB\tx|y\ts\n"
        );
    }

    #[test]
    fn rejects_bad_header_width_and_duplicates() {
        assert_eq!(Table::parse(H, L, "id\tname\n").unwrap_err().line, 1);
        assert_eq!(
            Table::parse(H, L, "id\tname\taliases\tsource\na\tA\n")
                .unwrap_err()
                .line,
            2
        );
        let dup = "id\tname\taliases\tsource\na\tA\t\ts\na\tB\t\ts\n";
        assert_eq!(Table::parse(H, L, dup).unwrap_err().reason, "duplicate key");
    }

    #[test]
    fn overlay_adds_removes_and_tags() {
        let mut base = Table::parse(
            H,
            L,
            "id\tname\taliases\tsource\na\tA\tx|y\tsrc\nb\tB\t\tsrc\n",
        )
        .unwrap();
        let cur = Table::parse(
            H,
            L,
            "id\tname\taliases\tsource\na\t\t-X|z\t\n-b\t\t\t\nc\tC\t\t\n",
        )
        .unwrap();
        base.overlay(&cur, "curated");
        assert_eq!(
            base.render(),
            "id\tname\taliases\tsource\na\tA\ty|z\tsrc+curated\nc\tC\t\tcurated\n"
        );
    }
}
