//! Query-string parameters into store filters, with a 400 for each bad one.

use std::collections::HashMap;

use dyad_store::filter::parse;
use dyad_store::{ActorTerm, Filter};

use crate::error::ApiError;

pub type Params = HashMap<String, String>;

/// A `YYYY-MM-DD` parameter.
pub fn date(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    p.get(name)
        .map(|d| parse::date(d).map_err(|e| ApiError::bad_request(format!("{name}={e}"))))
        .transpose()
}

/// A non-negative integer parameter with a default and a maximum.
pub fn number(p: &Params, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
    match p.get(name) {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "{name}={v:?} is not a number from 0 to {max}"
            ))),
        },
    }
}

/// Two comma-separated actors.
pub fn pair(p: &Params, name: &str) -> Result<Option<(ActorTerm, ActorTerm)>, ApiError> {
    p.get(name)
        .map(|v| parse::pair(v).map_err(|e| ApiError::bad_request(format!("{name}={e}"))))
        .transpose()
}

/// A text parameter: given means not blank (an empty `actor=` would match
/// nothing and hide a mistake).
fn value(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    match p.get(name) {
        Some(v) if v.trim().is_empty() => Err(ApiError::bad_request(format!(
            "{name} is empty; leave it out to not filter by it"
        ))),
        v => Ok(v.cloned()),
    }
}

/// A comma-separated list parameter, not empty when given.
fn many<T>(
    p: &Params,
    name: &str,
    f: fn(&str) -> Result<Vec<T>, String>,
) -> Result<Vec<T>, ApiError> {
    match value(p, name)? {
        None => Ok(Vec::new()),
        Some(v) => match f(&v) {
            Ok(list) if list.is_empty() => {
                Err(ApiError::bad_request(format!("{name}={v:?} lists nothing")))
            }
            Ok(list) => Ok(list),
            Err(e) => Err(ApiError::bad_request(format!("{name}={e}"))),
        },
    }
}

/// The filters of `dyad query`, by the same names.
pub fn filter(p: &Params) -> Result<Filter, ApiError> {
    const KNOWN: &[&str] = &[
        "actor",
        "recipient",
        "dyad",
        "directed",
        "type",
        "mode",
        "quad",
        "modality",
        "since",
        "until",
        "place",
        "text",
        "doc",
        "limit",
        "offset",
        "as_of",
        "status",
    ];
    if let Some(k) = p.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(ApiError::bad_request(format!(
            "unknown parameter {k:?}; known: {}",
            KNOWN.join(", ")
        )));
    }
    let directed = match p.get("directed").map(String::as_str) {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") | Some("") => true,
        Some(v) => {
            return Err(ApiError::bad_request(format!(
                "directed={v:?} is not true or false"
            )))
        }
    };
    let dyad = pair(p, "dyad")?;
    if directed && dyad.is_none() {
        return Err(ApiError::bad_request("directed needs dyad"));
    }
    Ok(Filter {
        actor: value(p, "actor")?.map(|a| ActorTerm::new(&a)),
        recipient: value(p, "recipient")?.map(|a| ActorTerm::new(&a)),
        dyad,
        directed,
        types: many(p, "type", parse::types)?,
        mode: value(p, "mode")?,
        quads: many(p, "quad", parse::quads)?,
        modalities: many(p, "modality", parse::modalities)?,
        since: date(p, "since")?,
        until: date(p, "until")?,
        place: value(p, "place")?,
        text: value(p, "text")?,
        doc_id: value(p, "doc")?,
        limit: None,
        offset: 0,
    })
}
