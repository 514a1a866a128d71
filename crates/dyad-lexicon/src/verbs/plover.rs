//! The CAMEO → PLOVER table of the PLOVER project (`CAMEO2PLOVER-2021.txt`,
//! CC BY-SA 4.0): lines `CODE: EVENT, mode, context; context # description`.

use std::collections::BTreeMap;

/// What a CAMEO code is in PLOVER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mapping {
    pub event: String,
    pub mode: String,
    pub contexts: Vec<String>,
}

/// The table, by CAMEO code, with the lines it could not read.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub codes: BTreeMap<String, Mapping>,
    pub problems: Vec<(usize, String)>,
}

impl Table {
    /// The mapping of `code`, else of its three-digit parent (`1712` →
    /// `171`); the bool says whether the parent was used.
    pub fn get(&self, code: &str) -> Option<(&Mapping, bool)> {
        if let Some(m) = self.codes.get(code) {
            return Some((m, false));
        }
        let parent = code.get(..3).filter(|_| code.len() > 3)?;
        self.codes.get(parent).map(|m| (m, true))
    }
}

/// Parses the table and applies dyad's one documented exception: CAMEO 163
/// (impose embargo, boycott or sanctions) is SANCTION, mode `discontinue`,
/// context `economic` (see `data/CODING.md`), not COERCE.
pub(crate) fn parse(text: &str) -> Table {
    let mut table = Table::default();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("").trim();
        if content.is_empty() || content.starts_with('~') {
            continue;
        }
        let Some((code, rest)) = content.split_once(':') else {
            table
                .problems
                .push((line, "expected `CODE: EVENT, mode, contexts`".into()));
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            table
                .problems
                .push((line, format!("bad CAMEO code {code:?}")));
            continue;
        }
        if !rest.contains(',') {
            // A heading such as `04: CONSULT`.
            continue;
        }
        let mut cells = rest.split(',').map(str::trim);
        let event = cells.next().unwrap_or("").to_string();
        if event.is_empty() || !event.bytes().all(|b| b.is_ascii_uppercase()) {
            table
                .problems
                .push((line, format!("bad PLOVER event type {event:?}")));
            continue;
        }
        let mode = cells.next().unwrap_or("").to_string();
        let contexts = cells
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        let mapping = Mapping {
            event,
            mode,
            contexts,
        };
        match table.codes.get(code) {
            Some(old) if *old != mapping => table
                .problems
                .push((line, format!("CAMEO {code} is mapped twice, differently"))),
            _ => {
                table.codes.insert(code.to_string(), mapping);
            }
        }
    }
    table.codes.insert(
        "163".into(),
        Mapping {
            event: "SANCTION".into(),
            mode: "discontinue".into(),
            contexts: vec!["economic".into()],
        },
    );
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_overrides_163() {
        let t = parse(
            "# header\n\n04: CONSULT\n041: CONSULT, phone,   # Discuss by telephone\n\
             0861: RETREAT, access , peacekeeping # x\n\
             091: ACCUSE, investigate, crime; corruption # y\n\
             163: COERCE, restrict,   diplomatic # z\n\
             175: ASSAULT, a, military\n175: ASSAULT, a, military\nbad line\nx1: AID, ,\n~~~~~\n",
        );
        assert_eq!(t.codes["041"].event, "CONSULT");
        assert_eq!(t.codes["041"].mode, "phone");
        assert!(t.codes["041"].contexts.is_empty());
        assert_eq!(t.codes["0861"].mode, "access");
        assert_eq!(t.codes["091"].contexts, ["crime", "corruption"]);
        assert_eq!(t.codes["163"].event, "SANCTION");
        assert_eq!(t.codes["163"].mode, "discontinue");
        assert!(!t.codes.contains_key("04"));
        assert_eq!(
            t.get("0911").map(|(m, p)| (m.mode.as_str(), p)),
            Some(("investigate", true))
        );
        assert!(t.get("010").is_none());
        let lines: Vec<usize> = t.problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [10, 11]);
    }
}
