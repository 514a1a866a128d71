//! Stored events as a Parquet file: one row per event, flat columns (lists
//! of actors joined with "; "), for pandas, polars, R's arrow or DuckDB.

use std::io::Write;
use std::sync::Arc;

use dyad_model::ActorRef;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::{Error, Result, StoredEvent};

/// The Parquet schema: the column names are those of `dyad code --format csv`
/// where they exist.
pub const SCHEMA: &str = "message dyad_event {
    REQUIRED BYTE_ARRAY event_id (UTF8);
    OPTIONAL BYTE_ARRAY date (UTF8);
    REQUIRED BYTE_ARRAY event_type (UTF8);
    OPTIONAL BYTE_ARRAY mode (UTF8);
    OPTIONAL BYTE_ARRAY cameo (UTF8);
    REQUIRED INT32 quad;
    OPTIONAL DOUBLE goldstein;
    OPTIONAL DOUBLE intensity;
    REQUIRED BYTE_ARRAY modality (UTF8);
    OPTIONAL BYTE_ARRAY deadline (UTF8);
    OPTIONAL BYTE_ARRAY source_name (UTF8);
    OPTIONAL BYTE_ARRAY source_country (UTF8);
    OPTIONAL BYTE_ARRAY source_sector (UTF8);
    OPTIONAL BYTE_ARRAY source_cameo (UTF8);
    OPTIONAL BYTE_ARRAY target_name (UTF8);
    OPTIONAL BYTE_ARRAY target_country (UTF8);
    OPTIONAL BYTE_ARRAY target_sector (UTF8);
    OPTIONAL BYTE_ARRAY target_cameo (UTF8);
    OPTIONAL BYTE_ARRAY location (UTF8);
    OPTIONAL BYTE_ARRAY location_country (UTF8);
    OPTIONAL DOUBLE lat;
    OPTIONAL DOUBLE lon;
    OPTIONAL INT64 geonames_id;
    OPTIONAL BYTE_ARRAY location_admin1 (UTF8);
    OPTIONAL BYTE_ARRAY location_feature (UTF8);
    OPTIONAL BYTE_ARRAY attribution (UTF8);
    REQUIRED BYTE_ARRAY trigger (UTF8);
    REQUIRED BYTE_ARRAY text (UTF8);
    REQUIRED BYTE_ARRAY rule (UTF8);
    REQUIRED INT64 num_mentions;
    REQUIRED INT64 num_sources;
    REQUIRED INT64 num_articles;
    OPTIONAL BYTE_ARRAY first_seen (UTF8);
    OPTIONAL BYTE_ARRAY last_seen (UTF8);
    OPTIONAL BYTE_ARRAY doc_id (UTF8);
    REQUIRED BYTE_ARRAY version (UTF8);
}";

/// Rows per row group.
const GROUP: usize = 65_536;

fn pq(e: parquet::errors::ParquetError) -> Error {
    Error::Invalid(format!("writing Parquet: {e}"))
}

/// One column's values for a row group.
enum Column {
    Text(Vec<Option<String>>),
    Int32(Vec<i32>),
    Int64(Vec<i64>),
    Double(Vec<Option<f64>>),
    OptInt64(Vec<Option<i64>>),
}

fn joined(list: &[ActorRef], f: impl Fn(&ActorRef) -> Option<String>) -> Option<String> {
    let v: Vec<String> = list.iter().filter_map(f).collect();
    (!v.is_empty()).then(|| v.join("; "))
}

fn columns(rows: &[StoredEvent]) -> Vec<Column> {
    let text =
        |f: &dyn Fn(&StoredEvent) -> Option<String>| Column::Text(rows.iter().map(f).collect());
    let double =
        |f: &dyn Fn(&StoredEvent) -> Option<f64>| Column::Double(rows.iter().map(f).collect());
    let count = |f: &dyn Fn(&StoredEvent) -> usize| {
        Column::Int64(rows.iter().map(|r| f(r) as i64).collect())
    };
    let name = |a: &ActorRef| Some(a.name.clone().unwrap_or_else(|| a.text.clone()));
    vec![
        text(&|r| Some(r.event.id.clone())),
        text(&|r| r.event.date.clone()),
        text(&|r| Some(r.event.event_type.as_str().to_string())),
        text(&|r| r.event.mode.clone()),
        text(&|r| r.event.cameo.clone()),
        Column::Int32(rows.iter().map(|r| i32::from(r.event.quad)).collect()),
        double(&|r| r.event.goldstein),
        double(&|r| r.event.intensity),
        text(&|r| Some(r.event.modality.as_str().to_string())),
        text(&|r| r.event.deadline.clone()),
        text(&|r| joined(&r.event.actors, name)),
        text(&|r| joined(&r.event.actors, |a| a.country.clone())),
        text(&|r| joined(&r.event.actors, |a| a.sector.clone())),
        text(&|r| joined(&r.event.actors, |a| a.cameo.clone())),
        text(&|r| joined(&r.event.recipients, name)),
        text(&|r| joined(&r.event.recipients, |a| a.country.clone())),
        text(&|r| joined(&r.event.recipients, |a| a.sector.clone())),
        text(&|r| joined(&r.event.recipients, |a| a.cameo.clone())),
        text(&|r| r.event.location.as_ref().map(|l| l.name.clone())),
        text(&|r| r.event.location.as_ref().and_then(|l| l.country.clone())),
        double(&|r| r.event.location.as_ref().and_then(|l| l.lat)),
        double(&|r| r.event.location.as_ref().and_then(|l| l.lon)),
        Column::OptInt64(
            rows.iter()
                .map(|r| {
                    r.event
                        .location
                        .as_ref()
                        .and_then(|l| l.geonames_id)
                        .and_then(|id| i64::try_from(id).ok())
                })
                .collect(),
        ),
        text(&|r| r.event.location.as_ref().and_then(|l| l.admin1.clone())),
        text(&|r| r.event.location.as_ref().and_then(|l| l.feature.clone())),
        text(&|r| r.event.attribution.as_ref().map(|a| a.text.clone())),
        text(&|r| Some(r.event.trigger.text.clone())),
        text(&|r| Some(r.event.text.clone())),
        text(&|r| Some(r.event.rule.clone())),
        count(&|r| r.num_mentions),
        count(&|r| r.num_sources),
        count(&|r| r.num_articles),
        text(&|r| r.first_seen.clone()),
        text(&|r| r.last_seen.clone()),
        text(&|r| r.mention_links.first().map(|m| m.doc_id.clone())),
        text(&|r| Some(r.event.version.clone())),
    ]
}

/// Writes events to Parquet, a row group at a time.
pub struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    pending: Vec<StoredEvent>,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter")
            .field("pending", &self.pending.len())
            .finish()
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<ParquetWriter<W>> {
        let schema = Arc::new(parse_message_type(SCHEMA).map_err(pq)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_created_by(format!("dyad {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        Ok(ParquetWriter {
            writer: SerializedFileWriter::new(out, schema, props).map_err(pq)?,
            pending: Vec::new(),
        })
    }

    pub fn write(&mut self, e: &StoredEvent) -> Result<()> {
        self.pending.push(e.clone());
        if self.pending.len() >= GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn flush_group(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let cols = columns(&self.pending);
        self.pending.clear();
        let mut group = self.writer.next_row_group().map_err(pq)?;
        let mut cols = cols.into_iter();
        while let Some(mut col) = group.next_column().map_err(pq)? {
            let Some(values) = cols.next() else {
                return Err(Error::Invalid("Parquet schema and columns differ".into()));
            };
            match values {
                Column::Text(v) => {
                    let defs: Vec<i16> = v.iter().map(|x| i16::from(x.is_some())).collect();
                    let vals: Vec<ByteArray> = v
                        .into_iter()
                        .flatten()
                        .map(|s| ByteArray::from(s.into_bytes()))
                        .collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(pq)?;
                }
                Column::Double(v) => {
                    let defs: Vec<i16> = v.iter().map(|x| i16::from(x.is_some())).collect();
                    let vals: Vec<f64> = v.into_iter().flatten().collect();
                    col.typed::<DoubleType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(pq)?;
                }
                Column::OptInt64(v) => {
                    let defs: Vec<i16> = v.iter().map(|x| i16::from(x.is_some())).collect();
                    let vals: Vec<i64> = v.into_iter().flatten().collect();
                    col.typed::<Int64Type>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(pq)?;
                }
                Column::Int32(v) => {
                    col.typed::<Int32Type>()
                        .write_batch(&v, None, None)
                        .map_err(pq)?;
                }
                Column::Int64(v) => {
                    col.typed::<Int64Type>()
                        .write_batch(&v, None, None)
                        .map_err(pq)?;
                }
            }
            col.close().map_err(pq)?;
        }
        group.close().map_err(pq)?;
        Ok(())
    }

    /// Writes the last row group and the file footer.
    pub fn finish(mut self) -> Result<W> {
        self.flush_group()?;
        self.writer.into_inner().map_err(pq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn a_parquet_file_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        let mut w = ParquetWriter::new(std::fs::File::create(&path).unwrap()).unwrap();
        let e = crate::conformance::stored_meeting();
        w.write(&e).unwrap();
        w.write(&e).unwrap();
        w.finish().unwrap();
        let r = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = r.metadata();
        assert_eq!(meta.file_metadata().num_rows(), 2);
        let schema = meta.file_metadata().schema_descr();
        assert_eq!(schema.num_columns(), 36);
        assert_eq!(schema.column(2).name(), "event_type");
        let row = r.get_row_iter(None).unwrap().next().unwrap().unwrap();
        let s = row.to_string();
        assert!(s.contains("event_type: \"CONSULT\""), "{s}");
        assert!(s.contains("source_country: \"USA\""), "{s}");
        assert!(s.contains("geonames_id: 524901"), "{s}");
        assert!(s.contains("location_feature: \"PPLC\""), "{s}");
    }

    #[test]
    fn an_empty_export_is_a_valid_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.parquet");
        let w = ParquetWriter::new(std::fs::File::create(&path).unwrap()).unwrap();
        w.finish().unwrap();
        let r = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(r.metadata().file_metadata().num_rows(), 0);
    }
}
