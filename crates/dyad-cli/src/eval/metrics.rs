//! Counts of true positives, false positives and false negatives, and the
//! scores made from them.

use std::collections::BTreeMap;

use serde_json::{json, Value};

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// tp ÷ (tp + fp); 0 when nothing was predicted.
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp ÷ (tp + fn); 0 when the gold has nothing.
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// `{tp, fp, fn, precision, recall, f1}`.
    pub fn to_json(self) -> Value {
        json!({
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn_,
            "precision": round4(self.precision()),
            "recall": round4(self.recall()),
            "f1": round4(self.f1()),
        })
    }
}

/// Counts per event type (or per label), in name order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerType(pub BTreeMap<String, Counts>);

impl PerType {
    pub fn entry(&mut self, name: &str) -> &mut Counts {
        self.0.entry(name.to_string()).or_default()
    }

    pub fn to_json(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(k, c)| (k.clone(), c.to_json()))
                .collect(),
        )
    }
}

/// `a ÷ b`, or 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Four decimals: enough for the reports, stable across platforms.
pub fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_from_counts() {
        let c = Counts {
            tp: 2,
            fp: 2,
            fn_: 6,
        };
        assert_eq!(c.precision(), 0.5);
        assert_eq!(c.recall(), 0.25);
        assert_eq!(round4(c.f1()), 0.3333);
        assert_eq!(Counts::default().f1(), 0.0);
        assert_eq!(c.to_json()["fn"], 6);
    }

    #[test]
    fn per_type_in_name_order() {
        let mut t = PerType::default();
        t.entry("ASSAULT").tp += 1;
        t.entry("ACCUSE").fp += 2;
        t.entry("ASSAULT").fn_ += 1;
        assert_eq!(t.to_json()["ASSAULT"]["f1"], 0.6667);
        let keys: Vec<_> = t.0.keys().cloned().collect();
        assert_eq!(keys, ["ACCUSE", "ASSAULT"]);
    }
}
