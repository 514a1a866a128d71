//! Recognition: the temporal expressions of a sentence, found on its
//! lower-cased words, with their extents as TimeML draws them (no
//! preposition; determiners and modifiers such as "the", "early",
//! "almost" included) and what they mean before any resolution.

use jiff::civil::{Date, Weekday};

use super::calendar::{
    century, clock, day_month, decade_or_year, following_year, holiday, month_expr, numeric_date,
    quarter, weekday_expr, with_part, year,
};
use super::durations::{count, duration, duration_value, whole_days};
use super::words::{day_part, month, number_word, ordinal, season, weekday, year_number, Unit};
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

    pub(super) fn len(&self) -> usize {
        self.s.words.len()
    }

    /// The word at `i`, or "" past the end.
    pub(super) fn w(&self, i: usize) -> &str {
        self.s.word(i)
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
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

pub(super) fn expr(a: usize, b: usize, kind: Kind) -> Option<Expr> {
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
