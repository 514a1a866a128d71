//! Recognising calendar expressions: named days and months, dates in the
//! common news formats, years, decades, centuries, quarters, holidays and
//! clock times.

use jiff::civil::{Date, Weekday};

use super::recognise::{expr, Expr, Kind, Rel, Words};
use super::words::{day_number, day_part, month, ordinal, weekday, year_number};

/// A year after a month or season: "2010", ", 2010", "of 2010".
pub(super) fn following_year(ws: &Words<'_, '_>, j: usize) -> Option<(i16, usize)> {
    if let Some(y) = year_number(ws.w(j)) {
        return Some((y, j + 1));
    }
    if matches!(ws.w(j), "," | "of") {
        if let Some(y) = year_number(ws.w(j + 1)) {
            return Some((y, j + 2));
        }
    }
    None
}

/// "1990s", "1990", "90s" (in "mid-90s" only as a decade of 1900).
pub(super) fn decade_or_year(w: &str) -> Option<Kind> {
    if let Some(d) = w.strip_suffix('s').and_then(year_number) {
        return (d % 10 == 0).then_some(Kind::Decade(d));
    }
    year_number(w).map(Kind::Year)
}

/// A weekday, with ", Oct. 23" after it or a part of the day.
pub(super) fn weekday_expr(
    ws: &Words<'_, '_>,
    start: usize,
    i: usize,
    wd: Weekday,
    rel: Rel,
) -> Option<Expr> {
    // "Friday, Oct. 23": the calendar date wins.
    if ws.w(i + 1) == "," {
        if let Some(m) = month(ws.w(i + 2)) {
            if let Some(e) = month_expr(ws, start, i + 2, m, Rel::Open) {
                if matches!(e.kind, Kind::MonthDay { .. } | Kind::Date(_)) {
                    return Some(e);
                }
            }
        }
    }
    if let Some(m) = month(ws.w(i + 1)) {
        if let Some(e) = month_expr(ws, start, i + 1, m, Rel::Open) {
            if matches!(e.kind, Kind::MonthDay { .. } | Kind::Date(_)) {
                return Some(e);
            }
        }
    }
    with_part(ws, i + 1, start, Kind::Weekday(wd, rel))
}

/// A day expression with "morning", "night" after it.
pub(super) fn with_part(ws: &Words<'_, '_>, j: usize, start: usize, day: Kind) -> Option<Expr> {
    if let Some(p) = day_part(ws.w(j)) {
        return expr(start, j + 1, Kind::DayPart(Box::new(day), p));
    }
    if ws.w(start) == "tonight" {
        return expr(start, j, Kind::DayPart(Box::new(day), "NI"));
    }
    expr(start, j, day)
}

/// A month name: "August 6", "Aug. 6, 2025", "May 2010", "last May".
pub(super) fn month_expr(
    ws: &Words<'_, '_>,
    start: usize,
    i: usize,
    m: i8,
    rel: Rel,
) -> Option<Expr> {
    let w = ws.w(i);
    let mut j = i + 1;
    if ws.w(j) == "." {
        j += 1;
    }
    if let Some(d) = day_number(ws.w(j)).filter(|_| ws.w(j + 1) != "%") {
        let after = j + 1;
        if let Some((y, end)) = following_year(ws, after).filter(|_| ws.w(after) != "of") {
            let date = Date::new(y, m, d).ok()?;
            return expr(start, end, Kind::Date(date));
        }
        return expr(
            start,
            after,
            Kind::MonthDay {
                month: m,
                day: d,
                rel,
            },
        );
    }
    if let Some((y, end)) = following_year(ws, i + 1) {
        return expr(
            start,
            end,
            Kind::Month {
                month: m,
                year: Some(y),
                rel,
            },
        );
    }
    // A bare month name must look like one.
    let prev = ws.w(start.wrapping_sub(1));
    let dated_context = matches!(
        prev,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "before"
            | "after"
            | "during"
            | "through"
            | "from"
            | "between"
    ) || start < i;
    // "may", "march", "Jan Kavan": a month name only when capitalised
    // and after a word that introduces a date.
    if !dated_context || !ws.capitalised(i) {
        return None;
    }
    if w.len() <= 3 && w != "may" {
        return None;
    }
    // "January this year", "June last year", "October of next year".
    let k = if ws.w(i + 1) == "of" { i + 2 } else { i + 1 };
    if matches!(ws.w(k), "this" | "last" | "next") && ws.w(k + 1) == "year" {
        let offset = match ws.w(k) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return expr(start, k + 2, Kind::MonthOfYear { month: m, offset });
    }
    expr(
        start,
        i + 1,
        Kind::Month {
            month: m,
            year: None,
            rel,
        },
    )
}

/// "6 August", "6 August 2025", "6th of August".
pub(super) fn day_month(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let d = day_number(ws.w(i))?;
    let mut j = i + 1;
    if ws.w(j) == "of" {
        j += 1;
    }
    let m = month(ws.w(j))?;
    if let Some((y, end)) = following_year(ws, j + 1).filter(|_| ws.w(j + 1) != "of") {
        let date = Date::new(y, m, d).ok()?;
        return expr(i, end, Kind::Date(date));
    }
    expr(
        i,
        j + 1,
        Kind::MonthDay {
            month: m,
            day: d,
            rel: Rel::Open,
        },
    )
}

/// "2024-02-29" (one token or cut at its hyphens) and "3/22/2013".
pub(super) fn numeric_date(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let w = ws.w(i);
    if w.len() == 10 {
        if let Ok(d) = w.parse::<Date>() {
            return expr(i, i + 1, Kind::Date(d));
        }
    }
    if w.len() == 4 && ws.w(i + 1) == "-" && ws.w(i + 3) == "-" {
        let (y, m, d) = (
            w.parse().ok()?,
            ws.w(i + 2).parse().ok()?,
            ws.w(i + 4).parse().ok()?,
        );
        if ws.w(i + 2).len() == 2 && ws.w(i + 4).len() == 2 {
            return expr(i, i + 5, Kind::Date(Date::new(y, m, d).ok()?));
        }
    }
    // "3/22/2013", one token or three.
    let parts: Vec<&str> = w.split('/').collect();
    if let [m, d, y] = parts[..] {
        // "7/8/07": a two-digit year is in 1950–2049.
        let y = match y.len() {
            2 => y
                .parse::<i16>()
                .ok()
                .map(|y| if y < 50 { 2000 + y } else { 1900 + y })?,
            _ => year_number(y)?,
        };
        let (m, d) = (m.parse().ok()?, d.parse().ok()?);
        return expr(i, i + 1, Kind::Date(Date::new(y, m, d).ok()?));
    }
    if ws.w(i + 1) == "/" && ws.w(i + 3) == "/" && w.len() <= 2 && ws.w(i + 2).len() <= 2 {
        let y: i16 = year_number(ws.w(i + 4))?;
        let (m, d) = (w.parse().ok()?, ws.w(i + 2).parse().ok()?);
        return expr(i, i + 5, Kind::Date(Date::new(y, m, d).ok()?));
    }
    None
}

/// Tokens that make a four-digit number something other than a year.
pub(super) fn not_a_year_context(prev: &str, next: &str) -> bool {
    matches!(
        prev,
        "$" | "£"
            | "€"
            | "us$"
            | "no."
            | "number"
            | "flight"
            | "route"
            | "resolution"
            | "article"
            | "room"
            | "page"
            | "p."
            | "pp."
            | "about"
            | "some"
            | "nearly"
            | "than"
            | "#"
    ) || matches!(
        next,
        "%" | "percent"
            | "per"
            | "people"
            | "shares"
            | "tons"
            | "troops"
            | "soldiers"
            | "points"
            | "miles"
            | "km"
            | "feet"
            | "meters"
            | "metres"
            | "kilometers"
            | "kilometres"
            | "yards"
            | "votes"
            | "jobs"
            | "workers"
            | "employees"
            | "members"
            | "cars"
            | "units"
            | "barrels"
            | "acres"
    )
}

/// A year ("2010", "fiscal 1989"), or a decade ("1990s", "1990's").
pub(super) fn year(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let w = ws.w(i);
    let prev = ws.w(i.wrapping_sub(1));
    if let Some(Kind::Decade(d)) = decade_or_year(w) {
        let a = if prev == "the" { i - 1 } else { i };
        return expr(a, i + 1, Kind::Decade(d));
    }
    let y = year_number(w)?;
    if ws.w(i + 1) == "'s" && y % 10 == 0 {
        let a = if prev == "the" { i - 1 } else { i };
        return expr(a, i + 2, Kind::Decade(y));
    }
    let next = ws.w(i + 1);
    if not_a_year_context(prev, next) {
        return None;
    }
    // "have 2010 fighters": a count of something, unless the number
    // follows a preposition ("in 2010 elections").
    let plural_noun = next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss")
        && next.bytes().all(|b| b.is_ascii_lowercase());
    if plural_noun
        && !matches!(
            prev,
            "in" | "since"
                | "of"
                | "by"
                | "until"
                | "from"
                | "during"
                | "before"
                | "after"
                | "the"
                | "early"
                | "late"
                | "mid"
                | ","
                | "and"
                | "for"
                | "to"
                | "through"
        )
    {
        return None;
    }
    // A number among numbers ("1,200 and 1500") is not a year.
    if prev.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    expr(i, i + 1, Kind::Year(y))
}

/// Quarters and halves: "the third quarter", "third-quarter", "the fiscal
/// first quarter of 2012", "the first half", "the quarter", "Q3".
pub(super) fn quarter(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let mut j = i;
    if ws.w(j) == "the" {
        j += 1;
    }
    if ws.w(j) == "fiscal" {
        j += 1;
    }
    let w = ws.w(j);
    if w.len() == 2 && w.starts_with('q') {
        let n = u32::from(w.as_bytes()[1].wrapping_sub(b'0'));
        if (1..=4).contains(&n) {
            let (year, end) =
                following_year(ws, j + 1).map_or((None, j + 1), |(y, e)| (Some(y), e));
            return expr(i, end, Kind::Part { code: 'Q', n, year });
        }
    }
    let n = ordinal(w).filter(|n| *n <= 4)?;
    let k = if ws.w(j + 1) == "-" { j + 2 } else { j + 1 };
    let code = match ws.w(k) {
        "quarter" => 'Q',
        "half" if n <= 2 => 'H',
        _ => return None,
    };
    let (year, end) = following_year(ws, k + 1).map_or((None, k + 1), |(y, e)| (Some(y), e));
    // "the third-quarter results": the adjective alone.
    let start = if k == j + 2 && ws.w(i) == "the" { j } else { i };
    expr(start, end, Kind::Part { code, n, year })
}

/// "the 20th century", "the twenty-first century", "11th-century".
pub(super) fn century(ws: &Words<'_, '_>, start: usize, i: usize) -> Option<Expr> {
    let x = ws.w(i);
    let (n, k) = if x == "twenty" && ws.w(i + 1) == "-" {
        (ordinal(&format!("twenty-{}", ws.w(i + 2)))?, i + 3)
    } else {
        (ordinal(x)?, i + 1)
    };
    let k = if ws.w(k) == "-" { k + 1 } else { k };
    if ws.w(k) == "century" && (1..=30).contains(&n) {
        let c = i16::try_from(n).ok()? - 1;
        return expr(start, k + 1, Kind::Century(c));
    }
    None
}

/// Fixed-date holidays: "Christmas", "New Year's Day", "Thanksgiving Day".
pub(super) fn holiday(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let cap = ws.capitalised(i);
    let (kind, end) = match ws.w(i) {
        "christmas" if cap => {
            let eve = ws.w(i + 1) == "eve";
            let day = if eve { 24 } else { 25 };
            let end = if eve || ws.w(i + 1) == "day" {
                i + 2
            } else {
                i + 1
            };
            (
                Kind::MonthDay {
                    month: 12,
                    day,
                    rel: Rel::Open,
                },
                end,
            )
        }
        "new" if cap && ws.w(i + 1) == "year" && ws.w(i + 2) == "'s" => match ws.w(i + 3) {
            "day" => (
                Kind::MonthDay {
                    month: 1,
                    day: 1,
                    rel: Rel::Open,
                },
                i + 4,
            ),
            "eve" => (
                Kind::MonthDay {
                    month: 12,
                    day: 31,
                    rel: Rel::Open,
                },
                i + 4,
            ),
            _ => return None,
        },
        "thanksgiving" if cap => {
            let end = if ws.w(i + 1) == "day" { i + 2 } else { i + 1 };
            (Kind::Thanksgiving, end)
        }
        _ => return None,
    };
    expr(i, end, kind)
}

/// "10 p.m.", "6 am", "15:00 GMT Saturday", "10:30".
pub(super) fn clock(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let w = ws.w(i);
    let (h, m) = match w.split_once(':') {
        Some((h, m)) if m.len() == 2 && !m.contains(':') => {
            (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)
        }
        Some(_) => return None,
        None => (w.parse::<u8>().ok()?, 0),
    };
    if h > 24 || m > 59 {
        return None;
    }
    let mut j = i + 1;
    let mut hour = h;
    let meridian = ws.w(j).trim_end_matches('.');
    match meridian {
        "a.m" | "am" => {
            if h == 12 {
                hour = 0;
            }
            j += 1;
        }
        "p.m" | "pm" => {
            if h < 12 {
                hour = h + 12;
            }
            j += 1;
        }
        _ => {
            let zoned = matches!(
                ws.w(j),
                "gmt" | "utc" | "et" | "est" | "edt" | "bst" | "cet" | "local"
            );
            if !(w.contains(':') && (zoned || ws.w(i.wrapping_sub(1)) == "at")) {
                return None;
            }
        }
    }
    if h > 12 && j > i + 1 {
        return None;
    }
    if matches!(
        ws.w(j),
        "gmt" | "utc" | "et" | "est" | "edt" | "bst" | "cet"
    ) {
        j += 1;
    }
    if ws.w(j) == "local" && ws.w(j + 1) == "time" {
        j += 2;
    }
    let mut day = None;
    let k = if ws.w(j) == "on" { j + 1 } else { j };
    if let Some(wd) = weekday(ws.w(k)) {
        day = Some(Box::new(Kind::Weekday(wd, Rel::Open)));
        j = k + 1;
    } else if let Some(n) = match ws.w(k) {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    } {
        day = Some(Box::new(Kind::Days(n)));
        j = k + 1;
    }
    expr(
        i,
        j,
        Kind::Clock {
            hour,
            minute: m,
            day,
        },
    )
}
