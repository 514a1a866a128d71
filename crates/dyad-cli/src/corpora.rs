//! Readers of the real news corpora in `../shared/data`, for `dyad bench`
//! and `dyad ingest --corpus`: each gives dyad documents with stable ids.

use std::io::Read;
use std::path::Path;

use anyhow::Context as _;
use dyad_model::Document;

/// The corpora `dyad ingest --corpus` knows, by their directory name.
pub const NAMES: &[&str] = &["reuters21578", "guardian-sample", "indiapoliceevents"];

/// The documents of a named corpus under the data directory.
pub fn named(data: &Path, name: &str) -> anyhow::Result<Vec<Document>> {
    match name {
        "reuters21578" => reuters(&data.join("reuters21578/reuters21578-json.tar.gz")),
        "guardian-sample" => guardian(&data.join("guardian-sample/Guardian_SDF_sample.csv.gz")),
        "indiapoliceevents" => ipe(&data.join("indiapoliceevents/docs.jsonl.gz")),
        _ => anyhow::bail!(
            "--corpus {name:?} is not a corpus dyad reads; known: {}",
            NAMES.join(", ")
        ),
    }
}

/// IndiaPoliceEvents documents (`doc_id`, `doc_text`; Times of India, 2002).
/// The text's first line, "This story is from March 10, 2002", gives the date.
pub fn ipe(path: &Path) -> anyhow::Result<Vec<Document>> {
    #[derive(serde::Deserialize)]
    struct Doc {
        doc_id: serde_json::Value,
        doc_text: String,
    }
    let bytes = gunzip(path)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Doc =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let published = d
            .doc_text
            .lines()
            .next()
            .and_then(|l| l.trim().strip_prefix("This story is from "))
            .and_then(|l| jiff::civil::Date::strptime("%B %d, %Y", l.trim()).ok())
            .map(|d| d.to_string());
        docs.push(Document {
            id: format!("ipe-{}", d.doc_id),
            text: d.doc_text,
            published,
            source: Some("Times of India".into()),
            ..Document::default()
        });
    }
    Ok(docs)
}

pub fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f)
        .read_to_end(&mut out)
        .with_context(|| format!("{}: not a gzip file", path.display()))?;
    Ok(out)
}

/// Reuters-21578 (JSON conversion): every story with a body.
pub fn reuters(path: &Path) -> anyhow::Result<Vec<Document>> {
    #[derive(serde::Deserialize)]
    struct Story {
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        body: Option<String>,
        #[serde(default)]
        date: Option<String>,
    }
    let bytes = gunzip(path)?;
    let mut archive = tar::Archive::new(&bytes[..]);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in archive
        .entries()
        .with_context(|| format!("{}", path.display()))?
    {
        let mut entry = entry?;
        let name = entry.path()?.display().to_string();
        if name.ends_with(".json") {
            let mut buf = Vec::new();
            entry.read_to_end(&mut buf)?;
            files.push((name, buf));
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for (name, buf) in files {
        let stories: Vec<Story> =
            serde_json::from_slice(&buf).with_context(|| format!("{}: {name}", path.display()))?;
        for (i, s) in stories.into_iter().enumerate() {
            let Some(body) = s.body.filter(|b| !b.trim().is_empty()) else {
                continue;
            };
            docs.push(Document {
                id: format!("{name}#{i}"),
                title: s.title,
                text: body,
                published: s.date.as_deref().and_then(reuters_date),
                ..Document::default()
            });
        }
    }
    Ok(docs)
}

/// "26-FEB-1987 15:01:01.79" → "1987-02-26".
fn reuters_date(d: &str) -> Option<String> {
    let mut parts = d.trim().split(|c: char| c == '-' || c.is_whitespace());
    let day: u32 = parts.next()?.parse().ok()?;
    let mon = match parts.next()?.to_ascii_uppercase().as_str() {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        "DEC" => 12,
        _ => return None,
    };
    let year: u32 = parts.next()?.parse().ok()?;
    Some(format!("{year:04}-{mon:02}-{day:02}"))
}

/// The Guardian sample (CSV: index, date, text, source).
pub fn guardian(path: &Path) -> anyhow::Result<Vec<Document>> {
    let bytes = gunzip(path)?;
    let mut rdr = csv::Reader::from_reader(&bytes[..]);
    let mut docs = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: record {}", path.display(), i + 1))?;
        docs.push(Document {
            id: format!("guardian-{}", rec.get(0).unwrap_or_default()),
            text: rec.get(2).unwrap_or_default().to_string(),
            published: rec.get(1).map(str::to_string),
            source: rec.get(3).map(str::to_string),
            ..Document::default()
        });
    }
    Ok(docs)
}

/// The `<Text>` of each GigaWord sample sentence, each one document, the
/// whole set repeated `repeat` times.
pub fn gigaword(path: &Path, repeat: usize) -> anyhow::Result<Vec<Document>> {
    let xml = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let mut texts = Vec::new();
    let mut rest = xml.as_str();
    while let Some(a) = rest.find("<Text>") {
        let after = &rest[a + 6..];
        let Some(b) = after.find("</Text>") else {
            break;
        };
        texts.push(after[..b].split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &after[b + 7..];
    }
    let mut docs = Vec::with_capacity(texts.len() * repeat);
    for r in 0..repeat {
        for (i, t) in texts.iter().enumerate() {
            docs.push(Document {
                id: format!("gigaword-{r}-{i}"),
                text: t.clone(),
                published: Some("2008-08-04".to_string()),
                ..Document::default()
            });
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_corpora_are_named() {
        let err = named(Path::new("."), "gdelt").unwrap_err().to_string();
        assert!(err.contains("known: reuters21578"), "{err}");
    }

    #[test]
    fn reuters_dates() {
        assert_eq!(
            reuters_date("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(
            reuters_date(" 5-MAR-1987 09:00:00.00").as_deref(),
            Some("1987-03-05")
        );
        assert_eq!(reuters_date("garbage"), None);
    }
}
