//! Query-string parameters into store filters, with a 400 for each bad one.

use std::collections::HashMap;

use dyad_model::{EventType, Modality};
use dyad_store::{ActorTerm, Filter};

use crate::error::ApiError;

pub type Params = HashMap<String, String>;

fn list(v: &str) -> Vec<&str> {
    v.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// A `YYYY-MM-DD` parameter.
pub fn date(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    match p.get(name) {
        None => Ok(None),
        Some(d) if d.parse::<jiff::civil::Date>().is_ok() => Ok(Some(d.clone())),
        Some(d) => Err(ApiError::bad_request(format!(
            "{name}={d:?} is not a date (YYYY-MM-DD)"
        ))),
    }
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
pub fn pair(p: &Params, name: &str) -> Result<Option<(String, String)>, ApiError> {
    match p.get(name) {
        None => Ok(None),
        Some(v) => match list(v).as_slice() {
            [a, b] => Ok(Some((a.to_string(), b.to_string()))),
            _ => Err(ApiError::bad_request(format!(
                "{name}={v:?}: give two actors separated by a comma, e.g. USA,RUS"
            ))),
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
    let dyad = pair(p, "dyad")?.map(|(a, b)| (ActorTerm::new(&a), ActorTerm::new(&b)));
    if directed && dyad.is_none() {
        return Err(ApiError::bad_request("directed needs dyad"));
    }
    let types = match p.get("type") {
        None => Vec::new(),
        Some(v) => list(v)
            .into_iter()
            .map(|t| {
                t.to_ascii_uppercase().parse::<EventType>().map_err(|_| {
                    ApiError::bad_request(format!("type={t:?} is not a PLOVER event type"))
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let quads = match p.get("quad") {
        None => Vec::new(),
        Some(v) => list(v)
            .into_iter()
            .map(|q| match q.parse::<u8>() {
                Ok(n @ 1..=4) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "quad={q:?} is not a quad class (1-4)"
                ))),
            })
            .collect::<Result<_, _>>()?,
    };
    let modalities = match p.get("modality") {
        None => Vec::new(),
        Some(v) => list(v)
            .into_iter()
            .map(|m| {
                serde_json::from_value::<Modality>(serde_json::Value::String(m.to_lowercase()))
                    .map_err(|_| {
                        ApiError::bad_request(format!(
                            "modality={m:?} is not one of asserted, negated, conditional, future, reported"
                        ))
                    })
            })
            .collect::<Result<_, _>>()?,
    };
    Ok(Filter {
        actor: p.get("actor").map(|a| ActorTerm::new(a)),
        recipient: p.get("recipient").map(|a| ActorTerm::new(a)),
        dyad,
        directed,
        types,
        mode: p.get("mode").cloned(),
        quads,
        modalities,
        since: date(p, "since")?,
        until: date(p, "until")?,
        place: p.get("place").cloned(),
        text: p.get("text").cloned(),
        doc_id: p.get("doc").cloned(),
        limit: None,
        offset: 0,
    })
}
