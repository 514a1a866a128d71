//! `media.tsv`: news media and their countries. No public source lists
//! them in a usable form, so the table is the curated overlay
//! `curated/media.tsv` (facts only: name, common short names, the country
//! where the medium is based).

use super::tsv::Table;

pub const HEADER: &[&str] = &["id", "name", "aliases", "country", "source"];
pub const LISTS: &[&str] = &["aliases"];

/// The empty base table the overlay is merged into.
pub fn build() -> Table {
    Table::new(HEADER, LISTS)
}
