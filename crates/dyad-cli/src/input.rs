//! Reading documents: JSONL files, plain-text files, directories of them,
//! and standard input. A bad line or file is reported as `file:line: reason`
//! and skipped; everything else still goes through.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dyad_model::{stable_hash, Document};

/// A document with where it came from, for messages.
#[derive(Debug)]
pub struct Sourced {
    pub doc: Document,
    /// `file:line` or `file`.
    pub origin: String,
}

/// A problem with the input, already phrased for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

/// How plain-text inputs get their publication date.
#[derive(Debug, Clone, Default)]
pub struct TextDefaults {
    pub published: Option<String>,
    pub source: Option<String>,
}

/// The options `dyad code` and `dyad ingest` share: how plain-text
/// documents are dated and sourced, and how many threads code them.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TextArgs {
    /// Publication date (YYYY-MM-DD) of plain-text documents.
    #[arg(long)]
    pub published: Option<String>,
    /// Source (outlet) of plain-text documents.
    #[arg(long)]
    pub source: Option<String>,
    /// Worker threads for coding (default: all cores). Output does not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
}

impl TextArgs {
    /// The plain-text defaults, with `--published` checked.
    pub fn defaults(&self) -> anyhow::Result<TextDefaults> {
        if let Some(p) = &self.published {
            p.parse::<jiff::civil::Date>()
                .map_err(|_| anyhow::anyhow!("--published {p:?} is not a date (YYYY-MM-DD)"))?;
        }
        Ok(TextDefaults {
            published: self.published.clone(),
            source: self.source.clone(),
        })
    }

    /// The worker threads.
    pub fn pool(&self) -> anyhow::Result<rayon::ThreadPool> {
        rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.unwrap_or(0))
            .build()
            .map_err(|e| anyhow::anyhow!("starting the worker threads: {e}"))
    }
}

/// Every input file: the paths as given, directories walked in name order
/// for `.jsonl`, `.json`, `.ndjson`, `.txt` files (`-` is standard input).
pub fn expand(paths: &[PathBuf], errors: &mut Vec<InputError>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            walk(p, &mut out, errors);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push(InputError(format!("{}: {e}", dir.display())));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, errors);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "json" | "ndjson" | "txt")
        ) {
            out.push(p);
        }
    }
}

fn is_jsonl(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "json" | "ndjson") => true,
        Some(_) => false,
        None => text.trim_start().starts_with('{'),
    }
}

/// Reads one input into documents; problems go to `errors`.
pub fn read(path: &Path, defaults: &TextDefaults, errors: &mut Vec<InputError>) -> Vec<Sourced> {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut buf) {
            Ok(_) => buf,
            Err(e) => {
                errors.push(InputError(format!("{name}: {e}")));
                return Vec::new();
            }
        }
    } else {
        match fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(InputError(format!("{name}: {e}")));
                return Vec::new();
            }
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        errors.push(InputError(format!(
            "{name}: empty input, no document in it"
        )));
        return Vec::new();
    }
    if bytes.contains(&0) {
        errors.push(InputError(format!(
            "{name}: binary file (it has NUL bytes), not text"
        )));
        return Vec::new();
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            errors.push(InputError(format!(
                "{name}: not UTF-8 text (invalid byte at offset {at})"
            )));
            return Vec::new();
        }
    };
    if is_jsonl(path, &text) {
        parse_jsonl(&name, &text, errors)
    } else {
        let id = Path::new(&name)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty() && *s != "<stdin>")
            .map(str::to_string)
            .unwrap_or_else(|| content_id(&text));
        vec![Sourced {
            doc: Document {
                id,
                text: text.trim_start_matches('\u{feff}').to_string(),
                published: defaults.published.clone(),
                source: defaults.source.clone(),
                ..Document::default()
            },
            origin: name,
        }]
    }
}

/// The id of a document that has none: a hash of its content.
fn content_id(text: &str) -> String {
    format!("sha-{:016x}", stable_hash(&[text.as_bytes()]))
}

/// One document per non-blank line.
pub fn parse_jsonl(name: &str, text: &str, errors: &mut Vec<InputError>) -> Vec<Sourced> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name}:{line_no}");
        match serde_json::from_str::<Document>(line) {
            Ok(mut doc) => {
                if doc.text.trim().is_empty()
                    && doc.title.as_deref().is_none_or(|t| t.trim().is_empty())
                {
                    errors.push(InputError(format!(
                        "{origin}: document has no text (field \"text\" missing or empty)"
                    )));
                    continue;
                }
                if doc.id.is_empty() {
                    doc.id = doc.content_id();
                }
                out.push(Sourced { doc, origin });
            }
            Err(e) => errors.push(InputError(format!(
                "{origin}: malformed JSON document: {e}"
            ))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_and_the_rest_read() {
        let mut errors = Vec::new();
        let text = "{\"id\":\"a\",\"text\":\"One.\"}\n{not json\n\n{\"id\":\"c\",\"text\":\"\"}\n{\"text\":\"No id.\"}\n";
        let docs = parse_jsonl("in.jsonl", text, &mut errors);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].origin, "in.jsonl:1");
        assert!(docs[1].doc.id.starts_with("sha-"));
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0]
                .0
                .starts_with("in.jsonl:2: malformed JSON document"),
            "{:?}",
            errors[0]
        );
        assert!(
            errors[1].0.starts_with("in.jsonl:4: document has no text"),
            "{:?}",
            errors[1]
        );
    }

    #[test]
    fn content_ids_are_stable() {
        assert_eq!(content_id("x"), content_id("x"));
        assert_ne!(content_id("x"), content_id("y"));
    }
}
