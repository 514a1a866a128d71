//! Event scores: Goldstein by CAMEO code, PLOVER intensity by type and mode.

use std::collections::HashMap;
use std::str::FromStr;

use dyad_model::EventType;

use crate::tsv;
use crate::Error;

pub(crate) fn load_goldstein(text: &str) -> Result<HashMap<String, f64>, Error> {
    const FILE: &str = "goldstein.tsv";
    tsv::parse(FILE, text, &["cameo", "goldstein"])?
        .iter()
        .map(|r| {
            let v: f64 = r
                .get(1)
                .parse()
                .map_err(|e| Error::row(FILE, r.line, format!("{e}")))?;
            Ok((r.get(0).to_string(), v))
        })
        .collect()
}

pub(crate) fn load_intensity(text: &str) -> Result<HashMap<(EventType, String), f64>, Error> {
    const FILE: &str = "plover-scores.tsv";
    tsv::parse(FILE, text, &["event", "mode", "score"])?
        .iter()
        .map(|r| {
            let t = EventType::from_str(r.get(0)).map_err(|e| Error::row(FILE, r.line, e))?;
            let v: f64 = r
                .get(2)
                .parse()
                .map_err(|e| Error::row(FILE, r.line, format!("{e}")))?;
            Ok(((t, r.get(1).to_string()), v))
        })
        .collect()
}
