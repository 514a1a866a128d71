//! Printing the scores: one JSON object with its fields in a fixed order,
//! and the committed text report (`eval/<set>.txt`).

use serde_json::Value;

use crate::eval::metrics::PerType;

/// Keys printed first, in this order; the others follow in name order.
const KEY_ORDER: &[&str] = &[
    "plover",
    "records",
    "passed",
    "type_found",
    "tp",
    "fp",
    "fn",
    "precision",
    "recall",
    "f1",
];

/// One line of JSON with object keys in [`KEY_ORDER`].
fn compact(v: &Value) -> String {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            let rank = |k: &str| {
                KEY_ORDER
                    .iter()
                    .position(|x| *x == k)
                    .unwrap_or(KEY_ORDER.len())
            };
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
            let body: Vec<String> = keys
                .iter()
                .map(|k| format!("{}: {}", Value::String((*k).clone()), compact(&map[*k])))
                .collect();
            format!("{{{}}}", body.join(", "))
        }
        Value::Array(xs) => {
            let body: Vec<String> = xs.iter().map(compact).collect();
            format!("[{}]", body.join(", "))
        }
        other => other.to_string(),
    }
}

/// Renders fields as one JSON object, in the order given: indented, with
/// one line per row of a table, or all on one line.
pub fn render(fields: &[(String, Value)], pretty: bool) -> String {
    if !pretty {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), compact(v)))
            .collect();
        return format!("{{{}}}", body.join(", "));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| {
            let key = Value::String(k.clone());
            match v {
                Value::Object(rows) if !rows.is_empty() => {
                    let rows: Vec<String> = rows
                        .iter()
                        .map(|(r, x)| format!("    {}: {}", Value::String(r.clone()), compact(x)))
                        .collect();
                    format!("  {key}: {{\n{}\n  }}", rows.join(",\n"))
                }
                _ => format!("  {key}: {}", compact(v)),
            }
        })
        .collect();
    format!("{{\n{}\n}}", body.join(",\n"))
}

/// The names of CAMEO's 20 root codes, for the PETRARCH report's table.
pub fn cameo_root_name(root: &str) -> &'static str {
    match root {
        "01" => "make public statement",
        "02" => "appeal",
        "03" => "express intent to cooperate",
        "04" => "consult",
        "05" => "diplomatic cooperation",
        "06" => "material cooperation",
        "07" => "provide aid",
        "08" => "yield",
        "09" => "investigate",
        "10" => "demand",
        "11" => "disapprove",
        "12" => "reject",
        "13" => "threaten",
        "14" => "protest",
        "15" => "exhibit force posture",
        "16" => "reduce relations",
        "17" => "coerce",
        "18" => "assault",
        "19" => "fight",
        "20" => "mass violence",
        _ => "",
    }
}

/// A fixed-width table of the per-type counts and scores.
pub fn table(per_type: &PerType, name: impl Fn(&str) -> String) -> String {
    let rows: Vec<(String, String)> = per_type
        .0
        .iter()
        .map(|(k, c)| {
            (
                name(k),
                format!(
                    "{:>5} {:>5} {:>5}  {:>9.4} {:>7.4} {:>7.4}",
                    c.tp,
                    c.fp,
                    c.fn_,
                    c.precision(),
                    c.recall(),
                    c.f1()
                ),
            )
        })
        .collect();
    let width = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "{:<width$} {:>5} {:>5} {:>5}  {:>9} {:>7} {:>7}\n",
        "type", "tp", "fp", "fn", "precision", "recall", "f1"
    );
    for (n, r) in rows {
        out.push_str(&format!("{n:<width$} {r}\n"));
    }
    out
}

/// The committed report: the command that regenerates it, the JSON, the table.
pub fn text(command: &str, json: &str, table: &str) -> String {
    format!("# Regenerate with: {command}\n\n{json}\n\n{table}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_field_order() {
        let fields = vec![
            ("z".to_string(), json!(1)),
            ("a".to_string(), json!({"b": [1, 2]})),
        ];
        assert_eq!(render(&fields, false), r#"{"z": 1, "a": {"b": [1, 2]}}"#);
        let pretty = render(&fields, true);
        assert_eq!(
            pretty,
            "{\n  \"z\": 1,\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}"
        );
        let row = compact(&json!({"f1": 0.5, "zz": 1, "tp": 2}));
        assert_eq!(row, r#"{"tp": 2, "f1": 0.5, "zz": 1}"#);
        let back: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(back["a"]["b"][1], 2);
    }

    #[test]
    fn tables_line_up() {
        let mut t = PerType::default();
        t.entry("04").tp = 3;
        t.entry("19").fn_ = 1;
        let s = table(&t, |k| format!("{k} {}", cameo_root_name(k)));
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("04 consult "));
        assert_eq!(lines[0].len(), lines[1].len());
    }
}
