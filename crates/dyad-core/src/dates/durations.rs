//! Recognising lengths of time: counts ("three and a half", "several"),
//! durations ("ten days", "a four-week"), and "two years ago".

use super::recognise::{expr, Count, Expr, Kind, Words};
use super::words::{number_word, Unit};

/// A count: "three", "10", "a", "several", "twenty-five", "three and a half".
pub(super) fn count(ws: &Words<'_, '_>, i: usize) -> Option<(Count, usize)> {
    let w = ws.w(i);
    let (mut n, mut j) = match w {
        "a" | "an" | "one" => (1.0, i + 1),
        "several" | "few" | "many" | "some" => return Some((Count::Vague, i + 1)),
        "half" if matches!(ws.w(i + 1), "a" | "an") => return Some((Count::N(0.5), i + 2)),
        "dozen" => (12.0, i + 1),
        _ => {
            if let Some(k) = number_word(w) {
                if k >= 20 && ws.w(i + 1) == "-" {
                    if let Some(u) = number_word(ws.w(i + 2)).filter(|u| *u < 10) {
                        (f64::from(k + u), i + 3)
                    } else {
                        (f64::from(k), i + 1)
                    }
                } else {
                    (f64::from(k), i + 1)
                }
            } else if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                let x: f64 = w.replace(',', "").parse().ok()?;
                if !(0.0..=100_000.0).contains(&x) {
                    return None;
                }
                (x, i + 1)
            } else {
                return None;
            }
        }
    };
    if w == "a" && ws.w(i + 1) == "few" {
        return Some((Count::Vague, i + 2));
    }
    if w == "a" && ws.w(i + 1) == "couple" && ws.w(i + 2) == "of" {
        return Some((Count::N(2.0), i + 3));
    }
    if ws.w(j) == "and" && ws.w(j + 1) == "a" && ws.w(j + 2) == "half" {
        n += 0.5;
        j += 3;
    } else if ws.w(j) == "1/2" {
        n += 0.5;
        j += 1;
    } else if ws.w(j) == "1" && ws.w(j + 1) == "/" && ws.w(j + 2) == "2" {
        n += 0.5;
        j += 3;
    }
    Some((Count::N(n), j))
}

/// A duration value: `P3Y`, `P3Y6M`, `PT5H30M`, `PXM`.
pub(crate) fn duration_value(c: Count, u: Unit) -> String {
    let (letter, scale) = match u {
        Unit::Second => ("S", 1.0),
        Unit::Minute => ("M", 1.0),
        Unit::Hour => ("H", 1.0),
        Unit::Day => ("D", 1.0),
        Unit::Week => ("W", 1.0),
        Unit::Month => ("M", 1.0),
        Unit::Quarter => ("Q", 1.0),
        Unit::Year => ("Y", 1.0),
        Unit::Decade => ("Y", 10.0),
        Unit::Century => ("Y", 100.0),
    };
    let t = if u.is_clock() { "T" } else { "" };
    let n = match c {
        Count::Vague => {
            let letter = match u {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => letter,
            };
            return format!("P{t}X{letter}");
        }
        Count::N(n) => n * scale,
    };
    if n.fract() == 0.0 {
        return format!("P{t}{}{letter}", n as u64);
    }
    let whole = n.trunc() as u64;
    let half = n.fract() == 0.5;
    match u {
        Unit::Year if half => format!("P{whole}Y6M"),
        Unit::Hour if half => format!("PT{whole}H30M"),
        Unit::Day if half => format!("P{whole}DT12H"),
        _ => format!("P{t}{n}{letter}"),
    }
}

pub(super) fn whole_days(c: Count, u: Unit) -> Option<i32> {
    let Count::N(n) = c else { return None };
    if n.fract() != 0.0 || n > 10_000.0 {
        return None;
    }
    let n = n as i32;
    match u {
        Unit::Day => Some(n),
        Unit::Week => Some(n * 7),
        _ => None,
    }
}

/// "three years", "10 days", "a four-week", "several months", "two years ago".
pub(super) fn duration(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let (c, j) = count(ws, i)?;
    let j = if matches!(ws.w(j), "more" | "additional" | "straight" | "consecutive") {
        j + 1
    } else {
        j
    };
    let k = if ws.w(j) == "-" { j + 1 } else { j };
    let (u, plural) = Unit::parse(ws.w(k))?;
    // "60 Minutes", "This Week": titles.
    if u == Unit::Quarter || ws.capitalised(k) {
        return None;
    }
    let article = matches!(ws.w(i), "a" | "an");
    // "a second time": an ordinal.
    if article && u == Unit::Second {
        return None;
    }
    // "24 hours a day", "four flights a week": a rate.
    let prev = ws.w(i.wrapping_sub(1));
    let rate = prev.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || prev.len() > 3 && prev.ends_with('s') && !prev.ends_with("ss");
    let anchored = matches!(
        ws.w(k + 1),
        "after" | "before" | "ago" | "earlier" | "later"
    );
    if article && !plural && rate && !anchored {
        return None;
    }
    // "a 45-year-old": an age, not a time.
    if ws.w(k + 1) == "old" || ws.w(k + 1) == "-" && ws.w(k + 2) == "old" {
        return None;
    }
    if article && !plural && matches!(prev, "twice" | "once") {
        return None;
    }
    let end = k + 1;
    if matches!(ws.w(end), "ago" | "earlier") {
        return expr(i, end + 1, Kind::Ago(c, u));
    }
    expr(
        i,
        end,
        Kind::Duration(duration_value(c, u), whole_days(c, u)),
    )
}
