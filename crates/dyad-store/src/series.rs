//! Dyadic time series: per period, counts by quad class and by event type,
//! mean Goldstein score and mean PLOVER intensity.

use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::{DyadPoint, Error, Result, Store};

/// The length of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
    Quarter,
    Year,
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Period, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "quarter" => Period::Quarter,
            "year" => Period::Year,
            _ => {
                return Err(format!(
                    "{s:?} is not a period (day, week, month, quarter, year)"
                ))
            }
        })
    }
}

impl Period {
    /// The first day of the period that holds `d`.
    pub fn start(self, d: Date) -> Date {
        match self {
            Period::Day => d,
            Period::Week => {
                let back = i64::from(d.weekday().to_monday_zero_offset());
                d.checked_sub(back.days()).unwrap_or(d)
            }
            Period::Month => d.first_of_month(),
            Period::Quarter => {
                let m = (d.month() - 1) / 3 * 3 + 1;
                Date::new(d.year(), m, 1).unwrap_or(d)
            }
            Period::Year => d.first_of_year(),
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: Date) -> Option<Date> {
        let span = match self {
            Period::Day => 1.day(),
            Period::Week => 1.week(),
            Period::Month => 1.month(),
            Period::Quarter => 3.months(),
            Period::Year => 1.year(),
        };
        start.checked_add(span).ok()
    }
}

/// Which way round the dyad is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Events either way, each counted once.
    Both,
    /// The first country acts on the second.
    Forward,
    /// The second acts on the first.
    Backward,
}

/// One period of a series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesRow {
    /// The first day of the period, `YYYY-MM-DD`.
    pub period: String,
    pub events: usize,
    /// Counts of quad classes 1–4: verbal cooperation, material cooperation,
    /// verbal conflict, material conflict.
    pub quad: [usize; 4],
    /// Counts by PLOVER event type (only the types present).
    pub types: BTreeMap<String, usize>,
    pub mean_goldstein: Option<f64>,
    pub mean_intensity: Option<f64>,
}

/// What a series is asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesQuery {
    pub a: String,
    pub b: String,
    pub by: Period,
    pub direction: Direction,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// The series of a dyad from a store.
pub fn series(store: &dyn Store, q: &SeriesQuery) -> Result<Vec<SeriesRow>> {
    let points = store.dyad_points(&q.a, &q.b, q.since.as_deref(), q.until.as_deref())?;
    aggregate(&points, q.by, q.direction)
}

/// Aggregates points into periods, from the first period with an event to
/// the last, empty periods included (a series has no gaps).
pub fn aggregate(points: &[DyadPoint], by: Period, dir: Direction) -> Result<Vec<SeriesRow>> {
    let mut seen = HashSet::new();
    let mut buckets: BTreeMap<Date, Vec<&DyadPoint>> = BTreeMap::new();
    for p in points {
        let keep = match dir {
            Direction::Both => seen.insert(p.event),
            Direction::Forward => p.forward,
            Direction::Backward => !p.forward,
        };
        if !keep {
            continue;
        }
        let d: Date = p
            .date
            .get(..10)
            .unwrap_or(&p.date)
            .parse()
            .map_err(|_| Error::Invalid(format!("stored date {:?} is not a date", p.date)))?;
        buckets.entry(by.start(d)).or_default().push(p);
    }
    let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().next_back()) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut at = first;
    while at <= last {
        out.push(row(at, buckets.get(&at).map_or(&[][..], |v| v)));
        match by.next(at) {
            Some(n) => at = n,
            None => break,
        }
    }
    Ok(out)
}

fn mean(v: impl Iterator<Item = f64>) -> Option<f64> {
    let (n, s) = v.fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
    (n > 0).then(|| (s / n as f64 * 1000.0).round() / 1000.0)
}

fn row(at: Date, ps: &[&DyadPoint]) -> SeriesRow {
    let mut quad = [0; 4];
    let mut types = BTreeMap::new();
    for p in ps {
        if (1..=4).contains(&p.quad) {
            quad[usize::from(p.quad) - 1] += 1;
        }
        *types.entry(p.event_type.as_str().to_string()).or_insert(0) += 1;
    }
    SeriesRow {
        period: at.to_string(),
        events: ps.len(),
        quad,
        types,
        mean_goldstein: mean(ps.iter().filter_map(|p| p.goldstein)),
        mean_intensity: mean(ps.iter().filter_map(|p| p.intensity)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::EventType;

    fn p(date: &str, forward: bool, event: u64, t: EventType, quad: u8, g: f64) -> DyadPoint {
        DyadPoint {
            date: date.into(),
            forward,
            event,
            event_type: t,
            quad,
            goldstein: Some(g),
            intensity: Some(g / 2.0),
        }
    }

    #[test]
    fn weeks_start_on_monday_and_gaps_are_filled() {
        let pts = [
            p("2025-08-06", true, 1, EventType::Consult, 1, 1.0), // Wednesday
            p("2025-08-08", false, 2, EventType::Threaten, 3, -5.0),
            p("2025-08-20", true, 3, EventType::Sanction, 4, -8.0),
        ];
        let rows = aggregate(&pts, Period::Week, Direction::Both).unwrap();
        let periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(periods, ["2025-08-04", "2025-08-11", "2025-08-18"]);
        assert_eq!(rows[0].events, 2);
        assert_eq!(rows[0].quad, [1, 0, 1, 0]);
        assert_eq!(rows[0].mean_goldstein, Some(-2.0));
        assert_eq!(rows[1].events, 0);
        assert_eq!(rows[1].mean_goldstein, None);
        assert_eq!(rows[2].types["SANCTION"], 1);
    }

    #[test]
    fn directions_and_reciprocal_events() {
        let pts = [
            p("2025-08-06", true, 1, EventType::Consult, 1, 1.0),
            p("2025-08-06", false, 1, EventType::Consult, 1, 1.0),
            p("2025-08-07", false, 2, EventType::Accuse, 3, -2.0),
        ];
        let both = aggregate(&pts, Period::Month, Direction::Both).unwrap();
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].period, "2025-08-01");
        assert_eq!(both[0].events, 2);
        let fwd = aggregate(&pts, Period::Month, Direction::Forward).unwrap();
        assert_eq!(fwd[0].events, 1);
        let back = aggregate(&pts, Period::Month, Direction::Backward).unwrap();
        assert_eq!(back[0].events, 2);
    }

    #[test]
    fn period_starts() {
        let d: Date = "2025-08-10".parse().unwrap(); // a Sunday
        assert_eq!(Period::Week.start(d).to_string(), "2025-08-04");
        assert_eq!(Period::Quarter.start(d).to_string(), "2025-07-01");
        assert_eq!(Period::Year.start(d).to_string(), "2025-01-01");
        assert!("fortnight".parse::<Period>().is_err());
        assert!(aggregate(&[], Period::Day, Direction::Both)
            .unwrap()
            .is_empty());
    }
}
