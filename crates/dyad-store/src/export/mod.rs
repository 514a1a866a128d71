//! Stored events out, in the formats other event datasets use:
//! dyad's own JSONL (with the store's counts), PLOVER JSONL (the PLOVER
//! manual's field names), POLECAT-style TSV (its column names),
//! GDELT-style dyadic CSV (its event-table column names, one row per
//! actor × recipient), and Parquet ([`ParquetWriter`]).

mod parquet;

pub use self::parquet::ParquetWriter;

use std::io::Write;

use dyad_model::{ActorRef, Event};
use serde_json::json;

use crate::{Error, Result, StoredEvent};

/// The columns of POLECAT's weekly TSV files, in order.
pub const POLECAT_COLUMNS: &[&str] = &[
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
];

/// The columns of GDELT 2.0's event table, in order.
pub const GDELT_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// dyad's event record with the store's counts and mention links.
    Jsonl,
    /// PLOVER JSONL.
    Plover,
    /// POLECAT-style TSV.
    Polecat,
    /// GDELT-style dyadic CSV.
    Gdelt,
}

/// Writes events in one format; call [`Exporter::finish`] at the end.
#[derive(Debug)]
pub struct Exporter<W: Write> {
    format: Export,
    out: W,
    header: bool,
}

fn io(e: std::io::Error) -> Error {
    Error::Invalid(format!("writing the export: {e}"))
}

fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn names(list: &[ActorRef]) -> String {
    list.iter()
        .map(|a| a.name.clone().unwrap_or_else(|| a.text.clone()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn join(list: &[ActorRef], f: impl Fn(&ActorRef) -> Option<String>) -> String {
    list.iter()
        .map(|a| f(a).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

fn plover(s: &StoredEvent) -> serde_json::Value {
    let e = &s.event;
    let entity = |a: &ActorRef| {
        json!({
            "code": a.country,
            "sector": a.sector,
            "entity_text": a.text,
            "identifier_id": a.kb_id,
            "identifier_text": a.name,
        })
    };
    let first = s.mention_links.first();
    json!({
        "id": e.id,
        "date": e.date,
        "actor": e.actors.iter().map(entity).collect::<Vec<_>>(),
        "recipient": e.recipients.iter().map(entity).collect::<Vec<_>>(),
        "event": [e.event_type.as_str()],
        "mode": e.mode.iter().collect::<Vec<_>>(),
        "context": e.contexts,
        "event_loc": e.location.as_ref().map(|l| json!({
            "placename": l.name,
            "geonames_id": l.geonames_id,
            "lat": l.lat,
            "lon": l.lon,
            "country": l.country,
            "admin1": l.admin1,
            "feature_code": l.feature,
        })),
        "event_text": [e.trigger.text],
        "quad_code": e.quad,
        "event_scale": e.intensity,
        "text_info": {"sequence": e.sentence, "start": e.trigger.span.start, "end": e.trigger.span.end},
        "cite_info": first.map(|m| json!({
            "doc_id": m.doc_id,
            "source": m.source,
            "publication_date": m.published,
            "url": m.url,
        })),
        "coder": format!("dyad {}", e.version),
        "comment": e.rule,
    })
}

fn polecat_row(s: &StoredEvent) -> Vec<String> {
    let e = &s.event;
    let first = s.mention_links.first();
    let loc = e.location.as_ref();
    let sectors = |l: &[ActorRef]| join(l, |a| a.sector.clone());
    vec![
        e.id.clone(),
        opt(&e.date),
        e.event_type.as_str().to_string(),
        opt(&e.mode),
        opt(&e.intensity),
        e.quad.to_string(),
        e.contexts.join("; "),
        names(&e.actors),
        join(&e.actors, |a| a.country.clone()),
        String::new(),
        e.actors
            .first()
            .and_then(|a| a.sector.clone())
            .unwrap_or_default(),
        sectors(&e.actors),
        String::new(),
        join(&e.actors, |a| Some(a.text.clone())),
        join(&e.actors, |a| a.kb_id.clone()),
        names(&e.recipients),
        join(&e.recipients, |a| a.country.clone()),
        String::new(),
        e.recipients
            .first()
            .and_then(|a| a.sector.clone())
            .unwrap_or_default(),
        sectors(&e.recipients),
        String::new(),
        join(&e.recipients, |a| Some(a.text.clone())),
        join(&e.recipients, |a| a.kb_id.clone()),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        // City: the populated place's name.
        loc.filter(|l| matches!(l.feature.as_deref(), Some("PPL" | "PPLC")))
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        String::new(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        loc.map(|l| opt(&l.lat)).unwrap_or_default(),
        loc.map(|l| opt(&l.lon)).unwrap_or_default(),
        loc.map(|l| opt(&l.geonames_id)).unwrap_or_default(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.feature.clone()).unwrap_or_default(),
        first.and_then(|m| m.source.clone()).unwrap_or_default(),
        first.and_then(|m| m.published.clone()).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        "en".into(),
        e.version.clone(),
    ]
}

/// GDELT's `ActionGeo_Type`: 1 country, 2 US state, 3 US city, 4 world
/// city, 5 world state (first-level division, or a region such as Darfur);
/// unknown (empty) for a place outside the gazetteer.
fn geo_type(l: &dyad_model::Location) -> Option<u8> {
    let us = l.country.as_deref() == Some("USA");
    Some(match (l.feature.as_deref()?, us) {
        ("PCLI", _) => 1,
        ("ADM1" | "RGN", true) => 2,
        ("ADM1" | "RGN", false) => 5,
        (_, true) => 3,
        (_, false) => 4,
    })
}

fn gdelt_rows(s: &StoredEvent) -> Vec<Vec<String>> {
    let e: &Event = &s.event;
    let date = e.date.as_deref().unwrap_or("");
    let sqldate = date.replace('-', "");
    let (year, month) = (date.get(..4).unwrap_or(""), date.get(5..7).unwrap_or(""));
    let fraction = match (
        year.parse::<f64>(),
        date.get(5..7).and_then(|m| m.parse::<f64>().ok()),
        date.get(8..10).and_then(|d| d.parse::<f64>().ok()),
    ) {
        (Ok(y), Some(m), Some(d)) => format!("{:.4}", y + ((m - 1.0) * 30.4375 + d) / 365.25),
        _ => String::new(),
    };
    let cameo = e.cameo.clone().unwrap_or_default();
    let actor = |a: Option<&ActorRef>| -> Vec<String> {
        let mut v = vec![String::new(); 10];
        if let Some(a) = a {
            v[0] = a.cameo.clone().unwrap_or_default();
            v[1] = a
                .name
                .clone()
                .unwrap_or_else(|| a.text.clone())
                .to_uppercase();
            v[2] = a.country.clone().unwrap_or_default();
            v[7] = a.sector.clone().unwrap_or_default();
        }
        v
    };
    let pairs: Vec<(Option<&ActorRef>, Option<&ActorRef>)> = {
        let sides = crate::identity::sides(e);
        if !sides.is_empty() {
            sides.into_iter().map(|(a, b)| (Some(a), Some(b))).collect()
        } else if e.actors.is_empty() {
            vec![(None, e.recipients.first())]
        } else {
            e.actors.iter().map(|a| (Some(a), None)).collect()
        }
    };
    let loc = e.location.as_ref();
    let geo = |l: Option<&dyad_model::Location>| -> Vec<String> {
        match l {
            Some(l) => vec![
                geo_type(l).map(|t| t.to_string()).unwrap_or_default(),
                l.name.clone(),
                l.country.clone().unwrap_or_default(),
                // GDELT's ADM1 code: country and division codes run together.
                l.admin1_code
                    .as_deref()
                    .map(|c| c.replace('.', ""))
                    .unwrap_or_default(),
                String::new(),
                opt(&l.lat),
                opt(&l.lon),
                opt(&l.geonames_id),
            ],
            None => vec![String::new(); 8],
        }
    };
    let first = s.mention_links.first();
    pairs
        .into_iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let mut row = vec![
                if i == 0 {
                    e.id.clone()
                } else {
                    format!("{}-{i}", e.id)
                },
                sqldate.clone(),
                format!("{year}{month}"),
                year.to_string(),
                fraction.clone(),
            ];
            row.extend(actor(a));
            row.extend(actor(b));
            row.push(if e.sentence <= 1 {
                "1".into()
            } else {
                "0".into()
            });
            row.push(cameo.clone());
            row.push(cameo.get(..3).unwrap_or(&cameo).to_string());
            row.push(cameo.get(..2).unwrap_or(&cameo).to_string());
            row.push(e.quad.to_string());
            row.push(opt(&e.goldstein));
            row.push(s.num_mentions.to_string());
            row.push(s.num_sources.to_string());
            row.push(s.num_articles.to_string());
            row.push(String::new());
            row.extend(geo(None));
            row.extend(geo(None));
            row.extend(geo(loc));
            row.push(
                first
                    .and_then(|m| m.published.clone())
                    .unwrap_or_default()
                    .replace('-', ""),
            );
            row.push(first.and_then(|m| m.url.clone()).unwrap_or_default());
            row
        })
        .collect()
}

impl<W: Write> Exporter<W> {
    pub fn new(format: Export, out: W) -> Exporter<W> {
        Exporter {
            format,
            out,
            header: false,
        }
    }

    fn header(&mut self) -> Result<()> {
        if self.header {
            return Ok(());
        }
        self.header = true;
        match self.format {
            Export::Polecat => writeln!(self.out, "{}", POLECAT_COLUMNS.join("\t")).map_err(io),
            Export::Gdelt => writeln!(self.out, "{}", GDELT_COLUMNS.join(",")).map_err(io),
            Export::Jsonl | Export::Plover => Ok(()),
        }
    }

    pub fn write(&mut self, s: &StoredEvent) -> Result<()> {
        self.header()?;
        match self.format {
            Export::Jsonl => {
                serde_json::to_writer(&mut self.out, s)?;
                writeln!(self.out).map_err(io)
            }
            Export::Plover => {
                serde_json::to_writer(&mut self.out, &plover(s))?;
                writeln!(self.out).map_err(io)
            }
            Export::Polecat => {
                let row: Vec<String> = polecat_row(s).iter().map(|f| tsv(f)).collect();
                writeln!(self.out, "{}", row.join("\t")).map_err(io)
            }
            Export::Gdelt => {
                for row in gdelt_rows(s) {
                    let row: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
                    writeln!(self.out, "{}", row.join(",")).map_err(io)?;
                }
                Ok(())
            }
        }
    }

    /// Writes the header of an empty table and flushes.
    pub fn finish(mut self) -> Result<W> {
        self.header()?;
        self.out.flush().map_err(io)?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polecat_rows_fill_every_column() {
        let s = crate::conformance::stored_meeting();
        let row = polecat_row(&s);
        assert_eq!(row.len(), POLECAT_COLUMNS.len());
        assert_eq!(row[2], "CONSULT");
        assert_eq!(row[8], "USA");
        assert_eq!(row[16], "RUS");
        let rows = gdelt_rows(&s);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].len(), GDELT_COLUMNS.len());
        assert_eq!(rows[0][1], "20250806");
        assert_eq!(rows[0][5], "USAGOV");
        assert_eq!(rows[0][15], "RUSGOV");
        assert_eq!(rows[0][28], "04");
    }

    #[test]
    fn exports_carry_the_gazetteer_place() {
        let s = crate::conformance::stored_meeting();
        let row = polecat_row(&s);
        let col = |name: &str| &row[POLECAT_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(col("Placename"), "Moscow");
        assert_eq!(col("City"), "Moscow");
        assert_eq!(col("Province"), "Moskva");
        assert_eq!(col("Country"), "RUS");
        assert_eq!(col("GeoNames ID"), "524901");
        assert_eq!(col("Feature Type"), "PPLC");
        let rows = gdelt_rows(&s);
        let gcol = |name: &str| &rows[0][GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(gcol("ActionGeo_Type"), "4");
        assert_eq!(gcol("ActionGeo_FullName"), "Moscow");
        assert_eq!(gcol("ActionGeo_ADM1Code"), "RU48");
        assert_eq!(gcol("ActionGeo_FeatureID"), "524901");
        assert!(gcol("ActionGeo_Lat").starts_with("55.75"));
        let place = |feature: Option<&str>, country: &str, lat: Option<f64>| dyad_model::Location {
            feature: feature.map(str::to_string),
            country: Some(country.to_string()),
            lat,
            ..dyad_model::Location::default()
        };
        assert_eq!(geo_type(&place(Some("PCLI"), "GEO", None)), Some(1));
        assert_eq!(geo_type(&place(Some("ADM1"), "USA", None)), Some(2));
        assert_eq!(geo_type(&place(Some("PPL"), "USA", Some(1.0))), Some(3));
        assert_eq!(geo_type(&place(Some("ADM1"), "FRA", None)), Some(5));
        assert_eq!(geo_type(&place(None, "SYR", None)), None);
    }

    #[test]
    fn exports_write_headers_even_when_empty() {
        let out = Exporter::new(Export::Gdelt, Vec::new()).finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
        let out = Exporter::new(Export::Jsonl, Vec::new()).finish().unwrap();
        assert!(out.is_empty());
        let mut ex = Exporter::new(Export::Plover, Vec::new());
        ex.write(&crate::conformance::stored_meeting()).unwrap();
        let out = ex.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["event"][0], "CONSULT");
        assert_eq!(v["actor"][0]["code"], "USA");
    }
}
