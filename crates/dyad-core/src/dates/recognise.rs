//! Recognition: the temporal expressions of a sentence, found on its
//! lower-cased words, with their extents as TimeML draws them (no
//! preposition; determiners and modifiers such as "the", "early",
//! "almost" included) and what they mean before any resolution.

use jiff::civil::{Date, Weekday};

use super::words::{
    day_number, day_part, month, number_word, ordinal, season, weekday, year_number, Unit,
};
use crate::text::Sentence;

/// Which way a relative expression points: "last", "this", "next", or
/// unsaid ("on Friday", "in May"), to be decided by the tense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    Last,
    This,
    Next,
    Open,
}

/// A count: a number, or a vague one ("several", "a few").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Count {
    N(f64),
    Vague,
}

/// What an expression means, before resolution against the publication date.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    /// A full calendar date.
    Date(Date),
    /// A month and day without a year.
    MonthDay {
        month: i8,
        day: i8,
        rel: Rel,
    },
    Weekday(Weekday, Rel),
    /// Days from the publication date ("yesterday": -1).
    Days(i32),
    /// A month, with its year when given.
    Month {
        month: i8,
        year: Option<i16>,
        rel: Rel,
    },
    Year(i16),
    /// A month of the year `offset` from publication: "June last year".
    MonthOfYear {
        month: i8,
        offset: i32,
    },
    /// The decade of a year: 1990 for "the 1990s".
    Decade(i16),
    /// A century by its first two digits: 19 for "the 20th century".
    Century(i16),
    /// A quarter or half ("Q", "H") of a year; `None` for the year of the
    /// publication date.
    Part {
        code: char,
        n: u32,
        year: Option<i16>,
    },
    /// Thanksgiving Day, the fourth Thursday of November.
    Thanksgiving,
    /// "a year ago" in a sentence about quarterly results: the last
    /// completed quarter, a year before.
    YearAgoQuarter,
    /// "the quarter": the last completed quarter before publication.
    LatestQuarter,
    Season {
        code: &'static str,
        start: i8,
        year: Option<i16>,
        rel: Rel,
    },
    /// "last week" (-1), "this year" (0), "next month" (+1).
    Relative(Unit, i32),
    /// "this weekend", "last weekend".
    Weekend(i32),
    /// "two years ago"; a vague count gives PAST_REF.
    Ago(Count, Unit),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A duration's value ("P3Y6M"), and its length in days when it is a
    /// whole number of days or weeks (for "within 10 days").
    Duration(String, Option<i32>),
    /// A set's value ("P1D", "XXXX-WXX-7").
    Set(String),
    /// A part of a day ("MO", "NI") of a day expression.
    DayPart(Box<Kind>, &'static str),
    /// A clock time, on the day of the expression when there is one.
    Clock {
        hour: u8,
        minute: u8,
        day: Option<Box<Kind>>,
    },
}

impl Kind {
    /// Whether this kind names one day (a point the coder can date an event by).
    pub fn is_day(&self) -> bool {
        match self {
            Kind::Date(_) | Kind::MonthDay { .. } | Kind::Weekday(..) | Kind::Days(_) => true,
            Kind::DayPart(k, _) => k.is_day(),
            Kind::Clock { day, .. } => day.as_deref().is_some_and(Kind::is_day),
            _ => false,
        }
    }
}

/// A temporal expression: tokens `[a, b)` of its sentence and its meaning.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Expr {
    pub tok: (usize, usize),
    pub kind: Kind,
}

/// Words of a sentence, with the capitalisation of each token.
pub(crate) struct Words<'s, 't> {
    s: &'s Sentence<'t>,
}

impl<'s, 't> Words<'s, 't> {
    pub fn new(s: &'s Sentence<'t>) -> Self {
        Words { s }
    }

    fn len(&self) -> usize {
        self.s.words.len()
    }

    /// The word at `i`, or "" past the end.
    fn w(&self, i: usize) -> &str {
        self.s.word(i)
    }

    fn capitalised(&self, i: usize) -> bool {
        let Some(t) = self.s.tokens.get(i) else {
            return false;
        };
        let a = t.start.saturating_sub(self.s.span.start);
        let b = t.end.saturating_sub(self.s.span.start);
        self.s
            .text
            .get(a..b)
            .and_then(|x| x.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

/// All temporal expressions of a sentence, in order, not overlapping.
pub(crate) fn recognise(s: &Sentence<'_>) -> Vec<Expr> {
    let ws = Words::new(s);
    let mut out = Vec::new();
    let n = ws.len();
    let mut i = 0;
    while i < n {
        if !may_start(ws.w(i)) {
            i += 1;
            continue;
        }
        if let Some(e) = at(&ws, i) {
            let end = e.tok.1.max(i + 1);
            out.push(e);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether an expression (or a modifier of one) can start with the word:
/// a cheap test that skips most words of a sentence. It must accept every
/// first word the recognisers below accept.
pub(super) fn may_start(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    if first.is_ascii_digit() {
        return true;
    }
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "at"
            | "about"
            | "more"
            | "less"
            | "fewer"
            | "up"
            | "some"
            | "almost"
            | "nearly"
            | "around"
            | "roughly"
            | "approximately"
            | "just"
            | "only"
            | "barely"
            | "early"
            | "late"
            | "earlier"
            | "later"
            | "mid"
            | "end"
            | "beginning"
            | "start"
            | "several"
            | "few"
            | "many"
            | "half"
            | "dozen"
            | "last"
            | "past"
            | "previous"
            | "this"
            | "current"
            | "next"
            | "coming"
            | "recent"
            | "fiscal"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "now"
            | "currently"
            | "presently"
            | "nowadays"
            | "recently"
            | "lately"
            | "these"
            | "daily"
            | "nightly"
            | "weekly"
            | "monthly"
            | "annually"
            | "yearly"
            | "hourly"
            | "every"
            | "each"
            | "future"
            | "noon"
            | "midnight"
            | "christmas"
            | "new"
            | "thanksgiving"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
    ) || w.starts_with("mid-")
        || w.starts_with("post-")
        || weekday(w).is_some()
        || month(w).is_some()
        || season(w).is_some()
        || Unit::parse(w).is_some()
        || number_word(w).is_some()
        || ordinal(w).is_some()
}

/// Modifiers kept in a date's extent: "early", "late last July", "earlier
/// this year", "the end of".
const DATE_MODS: &[&[&str]] = &[
    &["early"],
    &["late"],
    &["mid"],
    &["earlier"],
    &["later"],
    &["the", "end", "of"],
    &["the", "beginning", "of"],
    &["the", "start", "of"],
    &["the", "middle", "of"],
    &["end", "of"],
    &["beginning", "of"],
    &["start", "of"],
];

/// Modifiers kept in a duration's extent: "almost three years".
const DURATION_MODS: &[&[&str]] = &[
    &["almost"],
    &["nearly"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["just"],
    &["only"],
    &["barely"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["a", "mere"],
    &["a", "full"],
];

fn prefix(ws: &Words<'_, '_>, i: usize, list: &[&[&str]]) -> Option<usize> {
    list.iter()
        .filter(|m| m.iter().enumerate().all(|(k, x)| ws.w(i + k) == *x))
        .map(|m| i + m.len())
        .max()
}

/// The expression starting at token `i`, if any.
pub(super) fn at(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    if let Some(e) = core(ws, i) {
        return Some(e);
    }
    if let Some(j) = prefix(ws, i, DATE_MODS) {
        let of = ws.w(j - 1) == "of";
        let inner = core(ws, j).or_else(|| if of { this_unit(ws, j) } else { None });
        if let Some(e) = inner.filter(|e| !matches!(e.kind, Kind::Duration(..) | Kind::Set(_))) {
            return Some(Expr {
                tok: (i, e.tok.1),
                kind: e.kind,
            });
        }
    }
    if let Some(j) = prefix(ws, i, DURATION_MODS) {
        if let Some(e) =
            core(ws, j).filter(|e| matches!(e.kind, Kind::Duration(..) | Kind::Ago(..)))
        {
            return Some(Expr {
                tok: (i, e.tok.1),
                kind: e.kind,
            });
        }
    }
    None
}

/// "(the) year", "(the) month" after "the end of": the current one.
fn this_unit(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let j = if ws.w(i) == "the" { i + 1 } else { i };
    match Unit::parse(ws.w(j)) {
        Some((
            u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century),
            false,
        )) => Some(Expr {
            tok: (i, j + 1),
            kind: Kind::Relative(u, 0),
        }),
        _ => None,
    }
}

fn expr(a: usize, b: usize, kind: Kind) -> Option<Expr> {
    Some(Expr { tok: (a, b), kind })
}

/// The expression starting exactly at `i`, without leading modifiers.
fn core(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let w = ws.w(i);
    let first = w.as_bytes().first().copied()?;
    if first.is_ascii_digit() {
        return clock(ws, i)
            .or_else(|| numeric_date(ws, i))
            .or_else(|| day_month(ws, i))
            .or_else(|| duration(ws, i))
            .or_else(|| year(ws, i));
    }
    if let Some(e) = relative(ws, i) {
        return Some(e);
    }
    if let Some(e) = quarter(ws, i) {
        return Some(e);
    }
    if let Some(e) = duration(ws, i) {
        return Some(e);
    }
    match w {
        "today" | "tonight" | "yesterday" | "tomorrow" => {
            let n = match w {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            return with_part(ws, i + 1, i, Kind::Days(n));
        }
        "now" | "currently" | "presently" | "nowadays" => {
            return expr(i, i + 1, Kind::Ref("PRESENT_REF"))
        }
        "recently" | "lately" => return expr(i, i + 1, Kind::Ref("PAST_REF")),
        "these" if ws.w(i + 1) == "days" => return expr(i, i + 2, Kind::Ref("PRESENT_REF")),
        "daily" | "nightly" => return expr(i, i + 1, Kind::Set("P1D".into())),
        "weekly" => return expr(i, i + 1, Kind::Set("P1W".into())),
        "monthly" => return expr(i, i + 1, Kind::Set("P1M".into())),
        "annually" | "yearly" => return expr(i, i + 1, Kind::Set("P1Y".into())),
        "hourly" => return expr(i, i + 1, Kind::Set("PT1H".into())),
        "every" | "each" => return set(ws, i),
        "the" => return the(ws, i),
        "future" if matches!(ws.w(i.wrapping_sub(1)), "in" | "near") => {
            return expr(i, i + 1, Kind::Ref("FUTURE_REF"))
        }
        "noon" | "midnight"
            if matches!(ws.w(i.wrapping_sub(1)), "at" | "by" | "until" | "before") =>
        {
            let hour = if w == "noon" { 12 } else { 24 };
            return expr(
                i,
                i + 1,
                Kind::Clock {
                    hour,
                    minute: 0,
                    day: None,
                },
            );
        }
        "fiscal" => {
            if let Some(y) = year_number(ws.w(i + 1)) {
                return expr(i, i + 2, Kind::Year(y));
            }
            return None;
        }
        _ => {}
    }
    if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("post-")) {
        if let Some(m) = month(rest) {
            return expr(
                i,
                i + 1,
                Kind::Month {
                    month: m,
                    year: following_year(ws, i + 1).map(|(y, _)| y),
                    rel: Rel::Open,
                },
            )
            .map(|mut e| {
                if let Some((_, end)) = following_year(ws, i + 1) {
                    e.tok.1 = end;
                }
                e
            });
        }
        return decade_or_year(rest).and_then(|k| expr(i, i + 1, k));
    }
    if let Some(wd) = weekday(w) {
        return weekday_expr(ws, i, i, wd, Rel::Open);
    }
    // "for years", "within weeks".
    if let Some((u, true)) = Unit::parse(w) {
        if u != Unit::Quarter
            && !ws.capitalised(i)
            && matches!(ws.w(i.wrapping_sub(1)), "for" | "within")
        {
            return expr(
                i,
                i + 1,
                Kind::Duration(duration_value(Count::Vague, u), None),
            );
        }
    }
    if let Some(e) = century(ws, i, i).or_else(|| holiday(ws, i)) {
        return Some(e);
    }
    if let Some(m) = month(w) {
        return month_expr(ws, i, i, m, Rel::Open);
    }
    if let Some((code, start)) = season(w) {
        let prev = ws.w(i.wrapping_sub(1));
        let year = following_year(ws, i + 1);
        let safe = w != "fall" && w != "spring"
            || year.is_some()
            || matches!(
                prev,
                "in" | "during" | "since" | "until" | "early" | "late" | "this"
            );
        if safe
            && matches!(
                prev,
                "in" | "during"
                    | "since"
                    | "until"
                    | "early"
                    | "late"
                    | "this"
                    | "by"
                    | "of"
                    | "through"
            )
            || year.is_some()
        {
            let (year, end) = year.map_or((None, i + 1), |(y, e)| (Some(y), e));
            return expr(
                i,
                end,
                Kind::Season {
                    code,
                    start,
                    year,
                    rel: Rel::Open,
                },
            );
        }
    }
    None
}

/// A year after a month or season: "2010", ", 2010", "of 2010".
fn following_year(ws: &Words<'_, '_>, j: usize) -> Option<(i16, usize)> {
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
fn decade_or_year(w: &str) -> Option<Kind> {
    if let Some(d) = w.strip_suffix('s').and_then(year_number) {
        return (d % 10 == 0).then_some(Kind::Decade(d));
    }
    year_number(w).map(Kind::Year)
}

/// A weekday, with ", Oct. 23" after it or a part of the day.
fn weekday_expr(ws: &Words<'_, '_>, start: usize, i: usize, wd: Weekday, rel: Rel) -> Option<Expr> {
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
fn with_part(ws: &Words<'_, '_>, j: usize, start: usize, day: Kind) -> Option<Expr> {
    if let Some(p) = day_part(ws.w(j)) {
        return expr(start, j + 1, Kind::DayPart(Box::new(day), p));
    }
    if ws.w(start) == "tonight" {
        return expr(start, j, Kind::DayPart(Box::new(day), "NI"));
    }
    expr(start, j, day)
}

/// A month name: "August 6", "Aug. 6, 2025", "May 2010", "last May".
fn month_expr(ws: &Words<'_, '_>, start: usize, i: usize, m: i8, rel: Rel) -> Option<Expr> {
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
fn day_month(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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
fn numeric_date(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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
fn not_a_year_context(prev: &str, next: &str) -> bool {
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
fn year(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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

/// A count: "three", "10", "a", "several", "twenty-five", "three and a half".
fn count(ws: &Words<'_, '_>, i: usize) -> Option<(Count, usize)> {
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

fn whole_days(c: Count, u: Unit) -> Option<i32> {
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
fn duration(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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

/// Expressions with "last", "this", "next", "past", "coming", "recent":
/// "last week", "this year", "next Monday", "last summer", "recent weeks".
fn relative(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let w = ws.w(i);
    if w == "first" {
        // "the first nine months": a duration only.
        let (c, k) = count(ws, i + 1)?;
        let k = if ws.w(k) == "-" { k + 1 } else { k };
        let (u, _) = Unit::parse(ws.w(k)).filter(|(u, _)| *u != Unit::Quarter)?;
        return expr(
            i,
            k + 1,
            Kind::Duration(duration_value(c, u), whole_days(c, u)),
        );
    }
    let rel = match w {
        "last" | "past" | "previous" => Rel::Last,
        "this" | "current" => Rel::This,
        "next" | "coming" => Rel::Next,
        "recent" => Rel::Open,
        _ => return None,
    };
    let mut j = i + 1;
    if ws.w(j) == "fiscal" {
        j += 1;
    }
    let x = ws.w(j);
    if rel != Rel::Open {
        if let Some(wd) = weekday(x) {
            return weekday_expr(ws, i, j, wd, rel);
        }
        if let Some(m) = month(x) {
            return month_expr(ws, i, j, m, rel).map(|mut e| {
                if let Kind::Month { rel: r, .. } = &mut e.kind {
                    *r = rel;
                }
                e
            });
        }
        if let Some((code, start)) = season(x) {
            return expr(
                i,
                j + 1,
                Kind::Season {
                    code,
                    start,
                    year: None,
                    rel,
                },
            );
        }
        if x == "weekend" {
            return expr(i, j + 1, Kind::Weekend(offset(rel)));
        }
        if matches!(x, "night" | "morning" | "afternoon" | "evening")
            && w != "past"
            && w != "coming"
        {
            let day = if w == "last" && x == "night" {
                -1
            } else if rel == Rel::Next {
                1
            } else {
                0
            };
            return expr(
                i,
                j + 1,
                Kind::DayPart(Box::new(Kind::Days(day)), day_part(x)?),
            );
        }
    }
    // "the past two years", "the next few months": durations.
    if let Some((c, k)) = count(ws, j).filter(|_| rel != Rel::This) {
        let k2 = if ws.w(k) == "-" { k + 1 } else { k };
        if let Some((u, _)) = Unit::parse(ws.w(k2)) {
            if u != Unit::Quarter {
                return expr(
                    i,
                    k2 + 1,
                    Kind::Duration(duration_value(c, u), whole_days(c, u)),
                );
            }
        }
    }
    let (u, plural) = Unit::parse(x)?;
    if plural {
        // "recent weeks", "the past months", "the coming days".
        if matches!(rel, Rel::Last | Rel::Next | Rel::Open) && u != Unit::Quarter {
            return expr(
                i,
                j + 1,
                Kind::Duration(duration_value(Count::Vague, u), None),
            );
        }
        return None;
    }
    if rel == Rel::Open {
        return None;
    }
    if u == Unit::Quarter {
        return expr(i, j + 1, Kind::Relative(Unit::Quarter, offset(rel)));
    }
    if w == "past" {
        return expr(
            i,
            j + 1,
            Kind::Duration(
                duration_value(Count::N(1.0), u),
                whole_days(Count::N(1.0), u),
            ),
        );
    }
    if matches!(u, Unit::Day) {
        return None;
    }
    expr(i, j + 1, Kind::Relative(u, offset(rel)))
}

fn offset(rel: Rel) -> i32 {
    match rel {
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::This | Rel::Open => 0,
    }
}

/// Quarters and halves: "the third quarter", "third-quarter", "the fiscal
/// first quarter of 2012", "the first half", "the quarter", "Q3".
fn quarter(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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

/// Expressions after "the": "the past two years", "the nine months",
/// "the past", "the future", "the quarter", "the weekend", "the 20th
/// century", "the 1990s".
fn the(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let x = ws.w(i + 1);
    let inner = if matches!(x, "a" | "an" | "one" | "some" | "many") {
        None
    } else {
        relative(ws, i + 1).or_else(|| duration(ws, i + 1))
    };
    if let Some(e) = inner.filter(|e| !matches!(e.kind, Kind::Ago(..))) {
        // "the two-week talks": the adjective alone.
        let adjective = (e.tok.0..e.tok.1).any(|k| ws.w(k) == "-");
        return expr(if adjective { i + 1 } else { i }, e.tok.1, e.kind);
    }
    match x {
        "past" => return expr(i, i + 2, Kind::Ref("PAST_REF")),
        "future" => return expr(i, i + 2, Kind::Ref("FUTURE_REF")),
        "near" | "foreseeable" | "distant" if ws.w(i + 2) == "future" => {
            return expr(i, i + 3, Kind::Ref("FUTURE_REF"))
        }
        "quarter" => return expr(i, i + 2, Kind::LatestQuarter),
        "latest" | "most" if ws.w(i + 2) == "quarter" => {
            return expr(i, i + 3, Kind::LatestQuarter)
        }
        "weekend" => return expr(i, i + 2, Kind::Weekend(0)),
        _ => {}
    }
    if let Some(Kind::Decade(d)) = decade_or_year(x) {
        return expr(i, i + 2, Kind::Decade(d));
    }
    century(ws, i, i + 1)
}

/// "the 20th century", "the twenty-first century", "11th-century".
fn century(ws: &Words<'_, '_>, start: usize, i: usize) -> Option<Expr> {
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
fn holiday(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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

/// "every day", "each year", "every Sunday", "every morning".
fn set(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
    let x = ws.w(i + 1);
    let value = if let Some((u, false)) = Unit::parse(x) {
        duration_value(Count::N(1.0), u)
    } else if let Some(wd) = weekday(x) {
        format!("XXXX-WXX-{}", wd.to_monday_one_offset())
    } else if let Some(p) = day_part(x) {
        format!("XXXX-XX-XXT{p}")
    } else if let Some((code, _)) = season(x) {
        format!("XXXX-{code}")
    } else {
        return None;
    };
    expr(i, i + 2, Kind::Set(value))
}

/// "10 p.m.", "6 am", "15:00 GMT Saturday", "10:30".
fn clock(ws: &Words<'_, '_>, i: usize) -> Option<Expr> {
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
