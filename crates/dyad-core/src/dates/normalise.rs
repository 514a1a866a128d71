//! Normalisation: a recognised expression to its TIMEX3 type and value,
//! given the publication date (the only "now") and the sentence's tense.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::recognise::{Count, Kind, Rel};
use super::words::Unit;
use super::TimexType;
use crate::text::Sentence;

/// Which way the sentence looks from the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words that put a sentence in the future.
fn is_future_marker(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "wo"
            | "would"
            | "going"
            | "scheduled"
            | "expected"
            | "slated"
            | "plans"
            | "planned"
            | "due"
            | "upcoming"
            | "tomorrow"
            | "next"
    )
}

/// Words that put a sentence in the past.
fn is_past_marker(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "told"
            | "held"
            | "left"
            | "saw"
            | "began"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "sent"
            | "led"
            | "paid"
            | "sold"
            | "bought"
            | "spoke"
            | "became"
            | "got"
            | "ago"
            | "yesterday"
            | "last"
            | "struck"
            | "hit"
            | "killed"
            | "announced"
    ) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
}

/// The tense of token `i` of the sentence: the nearest tensed word before
/// it ("met on Friday", "will meet on Friday"), else the nearest after it
/// ("on Friday, officials said").
pub(crate) fn tense_at(s: &Sentence<'_>, i: usize) -> Tense {
    tense_before(s, i)
        .or_else(|| (i + 1..s.words.len()).find_map(|k| marker(s, k)))
        .unwrap_or(Tense::Unknown)
}

/// The tense of the nearest tensed word before token `i`, if any.
pub(crate) fn tense_before(s: &Sentence<'_>, i: usize) -> Option<Tense> {
    (0..i.min(s.words.len())).rev().find_map(|k| marker(s, k))
}

/// The tense word `k` gives the sentence, if any.
fn marker(s: &Sentence<'_>, k: usize) -> Option<Tense> {
    let w = s.word(k);
    // "set to resume", "as soon as Tuesday".
    if w == "set" && s.word(k + 1) == "to" || w == "soon" && s.word(k + 1) == "as" {
        return Some(Tense::Future);
    }
    if is_future_marker(w) {
        Some(Tense::Future)
    } else if is_past_marker(w) {
        Some(Tense::Past)
    } else {
        None
    }
}

/// The TIMEX3 type and value of an expression.
pub(crate) fn value(kind: &Kind, published: Option<Date>, tense: Tense) -> (TimexType, String) {
    use TimexType::{Date as D, Duration, Set, Time};
    match kind {
        Kind::Duration(v, _) => (Duration, v.clone()),
        Kind::Set(v) => (Set, v.clone()),
        Kind::Ref(r) => (D, (*r).to_string()),
        Kind::DayPart(day, part) => {
            let (_, v) = value(day, published, tense);
            (Time, format!("{v}T{part}"))
        }
        Kind::Clock { hour, minute, day } => {
            let v = match day {
                Some(d) => value(d, published, tense).1,
                None => published.map_or("XXXX-XX-XX".into(), |p| p.to_string()),
            };
            (Time, format!("{v}T{hour:02}:{minute:02}"))
        }
        _ => (
            D,
            date_value(kind, published, tense).unwrap_or_else(|| unknown(kind)),
        ),
    }
}

/// The value of a date whose anchor is missing.
fn unknown(kind: &Kind) -> String {
    match kind {
        Kind::MonthDay { month, day, .. } => format!("XXXX-{month:02}-{day:02}"),
        Kind::Month { month, .. } => format!("XXXX-{month:02}"),
        Kind::Weekday(wd, _) => format!("XXXX-WXX-{}", wd.to_monday_one_offset()),
        Kind::Season { code, .. } => format!("XXXX-{code}"),
        Kind::Part { code, n, .. } => format!("XXXX-{code}{n}"),
        Kind::Ago(..) => "PAST_REF".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The day a day expression names, given the publication date and tense.
pub(crate) fn day(kind: &Kind, published: Date, tense: Tense) -> Option<Date> {
    match kind {
        Kind::Date(d) => Some(*d),
        Kind::Days(n) => published.checked_add(n.days()).ok(),
        Kind::MonthDay { month, day, rel } => month_day(published, *month, *day, *rel, tense),
        Kind::Weekday(wd, rel) => {
            let forward = match rel {
                Rel::Next => true,
                Rel::Last => false,
                Rel::This | Rel::Open => tense == Tense::Future,
            };
            let day = weekday(published, *wd, forward);
            // "last Wednesday" said on a Wednesday is a week ago.
            if *rel == Rel::Last && day == published {
                return published.checked_sub(7.days()).ok();
            }
            Some(day)
        }
        Kind::DayPart(k, _) => day(k, published, tense),
        Kind::Clock { day: Some(k), .. } => day(k, published, tense),
        _ => None,
    }
}

/// The nearest such weekday on or after (`forward`) or on or before the date.
pub(crate) fn weekday(published: Date, wd: Weekday, forward: bool) -> Date {
    let today = published.weekday();
    let (a, b) = (
        i32::from(wd.to_monday_zero_offset()),
        i32::from(today.to_monday_zero_offset()),
    );
    let shift = if forward {
        (a - b).rem_euclid(7)
    } else {
        -(b - a).rem_euclid(7)
    };
    published.checked_add(shift.days()).unwrap_or(published)
}

fn month_day(published: Date, m: i8, d: i8, rel: Rel, tense: Tense) -> Option<Date> {
    let y = published.year();
    let here = Date::new(y, m, d).ok();
    let before = here
        .filter(|x| *x <= published)
        .or_else(|| Date::new(y - 1, m, d).ok());
    let after = here
        .filter(|x| *x >= published)
        .or_else(|| Date::new(y + 1, m, d).ok());
    let near = nearest(published, y, m, d);
    // Within two months of publication the nearest reading wins.
    let close = near
        .and_then(|n| n.since(published).ok())
        .is_some_and(|sp| sp.get_days().abs() <= 62);
    match (rel, tense) {
        (Rel::Last, _) => before,
        (Rel::Next, _) => after,
        _ if close => near,
        (_, Tense::Past) => before,
        (_, Tense::Future) => after,
        _ => near,
    }
}

/// The date with month `m` and day `d` in the year that puts it nearest the
/// publication date.
pub(crate) fn nearest(published: Date, y: i16, m: i8, d: i8) -> Option<Date> {
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d).ok())
        .min_by_key(|c| {
            c.since(published)
                .map(|sp| sp.get_days().abs())
                .unwrap_or(i32::MAX)
        })
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{}-W{:02}", w.year(), w.week())
}

fn quarter_of(month: i8) -> i32 {
    i32::from((month - 1) / 3 + 1)
}

fn date_value(kind: &Kind, published: Option<Date>, tense: Tense) -> Option<String> {
    if let Kind::Date(d) = kind {
        return Some(d.to_string());
    }
    match kind {
        Kind::Year(y) => return Some(format!("{y:04}")),
        Kind::Decade(d) => return Some(format!("{}X", d / 10)),
        Kind::Century(c) => return Some(format!("{c:02}")),
        Kind::Month {
            month,
            year: Some(y),
            ..
        } => return Some(format!("{y:04}-{month:02}")),
        Kind::Part {
            code,
            n,
            year: Some(y),
        } => return Some(format!("{y:04}-{code}{n}")),
        Kind::Season {
            code,
            year: Some(y),
            ..
        } => return Some(format!("{y:04}-{code}")),
        Kind::Ago(Count::Vague, _) => return Some("PAST_REF".into()),
        _ => {}
    }
    let p = published?;
    let (y, m) = (p.year(), p.month());
    Some(match kind {
        Kind::Days(_) | Kind::MonthDay { .. } | Kind::Weekday(..) => {
            day(kind, p, tense)?.to_string()
        }
        Kind::Month { month, rel, .. } => {
            let year = match (rel, tense) {
                (Rel::This, _) => y,
                // "last February" in March is a year ago: the month just
                // past would be "last month".
                (Rel::Last, _) => {
                    if *month < m - 1 {
                        y
                    } else {
                        y - 1
                    }
                }
                (Rel::Next, _) => {
                    if *month > m {
                        y
                    } else {
                        y + 1
                    }
                }
                // Within two months of publication, the nearest reading.
                (Rel::Open, _) if (*month - m).abs() <= 2 => y,
                (Rel::Open, _) if (*month - m).abs() >= 10 => {
                    if *month < m {
                        y + 1
                    } else {
                        y - 1
                    }
                }
                (Rel::Open, Tense::Future) => {
                    if *month >= m {
                        y
                    } else {
                        y + 1
                    }
                }
                (Rel::Open, _) => {
                    if *month <= m {
                        y
                    } else {
                        y - 1
                    }
                }
            };
            format!("{year:04}-{month:02}")
        }
        Kind::Part { code, n, .. } => {
            let current = if *code == 'Q' {
                quarter_of(m)
            } else {
                i32::from(m > 6) + 1
            };
            let year = if i64::from(*n) > i64::from(current) && tense != Tense::Future {
                y - 1
            } else {
                y
            };
            format!("{year:04}-{code}{n}")
        }
        Kind::YearAgoQuarter => {
            let q = quarter_of(m) - 1;
            if q == 0 {
                format!("{:04}-Q4", y - 2)
            } else {
                format!("{:04}-Q{q}", y - 1)
            }
        }
        Kind::LatestQuarter => {
            let q = quarter_of(m) - 1;
            if q == 0 {
                format!("{:04}-Q4", y - 1)
            } else {
                format!("{y:04}-Q{q}")
            }
        }
        Kind::Season {
            code, start, rel, ..
        } => {
            let year = match rel {
                Rel::Last => {
                    if *start + 3 <= m && *start != 12 {
                        y
                    } else {
                        y - 1
                    }
                }
                Rel::Next => {
                    if *start > m {
                        y
                    } else {
                        y + 1
                    }
                }
                Rel::This => y,
                Rel::Open => {
                    if *start > m && tense == Tense::Past && *start != 12 {
                        y - 1
                    } else {
                        y
                    }
                }
            };
            format!("{year:04}-{code}")
        }
        Kind::Relative(u, n) => relative(p, *u, *n)?,
        Kind::MonthOfYear { month, offset } => {
            format!("{:04}-{month:02}", i32::from(y) + offset)
        }
        Kind::Thanksgiving => {
            // The fourth Thursday of November of the year nearest publication.
            let year = if m >= 6 { y } else { y - 1 };
            let first = Date::new(year, 11, 1).ok()?;
            weekday(first, Weekday::Thursday, true)
                .checked_add(21.days())
                .ok()?
                .to_string()
        }
        Kind::Weekend(n) => {
            // On a weekday, "the weekend" that is past is the last one.
            let back = *n == 0 && tense != Tense::Future && p.weekday().to_monday_one_offset() < 6;
            let n = if back { -1 } else { *n };
            let d = p.checked_add((7 * n).days()).ok()?;
            format!("{}-WE", iso_week(d))
        }
        Kind::Ago(Count::N(x), u) => {
            let n = x.round() as i32;
            if x.fract() != 0.0 {
                return Some(format!("{y:04}"));
            }
            match u {
                Unit::Year => format!("{:04}", i32::from(y) - n),
                Unit::Decade => format!("{:04}", i32::from(y) - 10 * n),
                Unit::Century => format!("{:04}", i32::from(y) - 100 * n),
                Unit::Month => p
                    .checked_sub(n.months())
                    .ok()?
                    .strftime("%Y-%m")
                    .to_string(),
                Unit::Quarter => relative(p, Unit::Quarter, -n)?,
                Unit::Week => iso_week(p.checked_sub((7 * n).days()).ok()?),
                Unit::Day => p.checked_sub(n.days()).ok()?.to_string(),
                Unit::Hour | Unit::Minute | Unit::Second => p.to_string(),
            }
        }
        _ => return None,
    })
}

/// "last week" (-1), "this month" (0), "next year" (+1) from the date.
fn relative(p: Date, u: Unit, n: i32) -> Option<String> {
    let (y, m) = (i32::from(p.year()), p.month());
    Some(match u {
        Unit::Year => format!("{:04}", y + n),
        Unit::Month => p
            .checked_add(n.months())
            .ok()?
            .strftime("%Y-%m")
            .to_string(),
        Unit::Week => iso_week(p.checked_add((7 * n).days()).ok()?),
        Unit::Day => p.checked_add(n.days()).ok()?.to_string(),
        Unit::Quarter => {
            let k = y * 4 + quarter_of(m) - 1 + n;
            format!("{:04}-Q{}", k.div_euclid(4), k.rem_euclid(4) + 1)
        }
        Unit::Decade => format!("{}X", (y + 10 * n) / 10),
        Unit::Century => format!("{:02}", (y + 100 * n) / 100),
        Unit::Hour | Unit::Minute | Unit::Second => p.to_string(),
    })
}
