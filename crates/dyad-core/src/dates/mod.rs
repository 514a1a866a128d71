//! The dates stage: a temporal tagger. Temporal expressions of a sentence
//! are recognised on its words ([`recognise`], with [`calendar`] for named
//! days, dates, years and times and [`durations`] for lengths of time) and
//! normalised to TIMEX3 types and values ([`normalise`]) against the
//! publication date, the document's only "now", and the tense: "met on
//! Wednesday" is the past Wednesday, "by Friday" the coming Friday, "last
//! month" `2025-07`, "the 1990s" `199X`, "almost three and a half years"
//! the duration `P3Y6M`.
//!
//! The coder takes from it the expressions that name one day ([`find`]):
//! an event's date and deadline. [`timexes`] gives every expression of a
//! text with its TimeML extent, for `dyad eval time`.

mod calendar;
mod durations;
mod normalise;
mod recognise;
pub(crate) mod words;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use dyad_model::Span;

use crate::text::Sentence;
use normalise::Tense;
use recognise::{Expr, Kind, Rel};

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar point: a day, week, month, season, year, decade, or a
    /// reference to the present, past or future.
    Date,
    /// A time of day, or a part of one ("Friday night").
    Time,
    /// A length of time ("three and a half years": `P3Y6M`).
    Duration,
    /// A recurrence ("every week": `P1W`).
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression of a text, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte span in the text, as TimeML draws it: without a preposition,
    /// with determiners and modifiers ("the past two years", "early May").
    pub span: Span,
    pub kind: TimexType,
    /// The TIMEX3 value: `2025-08-06`, `2025-W32`, `2025-08`, `199X`,
    /// `2025-SU`, `P3Y6M`, `PRESENT_REF`, `XXXX-08-06` without a year to go by.
    pub value: String,
}

/// Every temporal expression of `text`, normalised against `published`
/// (without it, values leave the unknown parts as `X`). The text is cut
/// into sentences and tokens as the coder cuts a document's body.
pub fn timexes(text: &str, published: Option<Date>) -> Vec<Timex> {
    let mut out = Vec::new();
    for (index, r) in dyad_nlp::split_sentences(text).into_iter().enumerate() {
        let s = Sentence::new(text, index, r, false);
        for e in recognise::recognise(&s) {
            let tense = tense_of(&s, &e);
            // In a sentence about quarterly results, "a year ago" is the
            // same quarter a year before.
            let quarterly = matches!(e.kind, Kind::Ago(recognise::Count::N(n), words::Unit::Year) if n == 1.0)
                && s.words.iter().any(|w| w == "quarter");
            let kind = if quarterly {
                &Kind::YearAgoQuarter
            } else {
                &e.kind
            };
            let (kind, value) = normalise::value(kind, published, tense);
            out.push(Timex {
                span: s.span_of(e.tok.0, e.tok.1),
                kind,
                value,
            });
        }
    }
    out
}

/// The tense an open expression is read in: a deadline looks ahead;
/// otherwise the nearest tensed word decides.
fn tense_of(s: &Sentence<'_>, e: &Expr) -> Tense {
    let prev = e.tok.0.checked_sub(1).map_or("", |k| s.word(k));
    let tense = normalise::tense_at(s, e.tok.0);
    // "by Friday" is a deadline unless a past verb governs it ("had
    // finished by Friday"); "until" follows the tense.
    if matches!(prev, "by" | "before") && normalise::tense_before(s, e.tok.0) != Some(Tense::Past)
        || matches!(prev, "until" | "till") && tense != Tense::Past
    {
        return Tense::Future;
    }
    // "since Monday", "Monday's ruling": a day that has been.
    if prev == "since" || s.word(e.tok.1) == "'s" {
        return Tense::Past;
    }
    tense
}

/// Which way a relative expression points from the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The latest such day before the publication date ("last Monday").
    Back,
    /// The first such day on or after it.
    Forward,
    /// Decided by the tense of the event.
    Open,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    Weekday(Weekday, Direction),
    /// An offset in days from the publication date.
    Offset(i32),
    /// A fixed date.
    Fixed(Date),
    /// "this week": the publication date stands for it.
    ThisWeek,
    /// A month and day, in the year that puts it nearest the publication date.
    MonthDay(i8, i8),
}

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DateExpr {
    /// Token range `[a, b)`.
    pub tok: (usize, usize),
    pub span: Span,
    pub when: When,
    /// Introduced by "by", "until", "before", "within": a deadline.
    pub deadline: bool,
}

impl DateExpr {
    /// The calendar date, given the publication date and, for open
    /// expressions, whether the event lies ahead.
    pub fn resolve(&self, published: Date, future: bool) -> Option<Date> {
        match self.when {
            When::Fixed(d) => Some(d),
            When::ThisWeek => Some(published),
            When::Offset(n) => published.checked_add(n.days()).ok(),
            When::Weekday(wd, dir) => {
                let forward = match dir {
                    Direction::Forward => true,
                    Direction::Back => false,
                    Direction::Open => future || self.deadline,
                };
                let day = normalise::weekday(published, wd, forward);
                // "last Wednesday" said on a Wednesday is a week ago.
                if dir == Direction::Back && day == published {
                    return published.checked_sub(7.days()).ok();
                }
                Some(day)
            }
            When::MonthDay(m, d) => normalise::nearest(published, published.year(), m, d),
        }
    }
}

fn is_deadline_word(w: &str) -> bool {
    matches!(w, "by" | "until" | "till" | "before" | "within")
}

/// Words before an expression that the coder keeps in its `date_text`.
fn is_leading_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "by" | "until" | "till" | "before" | "since" | "within"
    )
}

/// The expressions of a sentence that name one day, for the coder: an
/// event's date, or with "by", "until", "before", "within" its deadline.
/// Their spans take in the preposition and a possessive ("on Wednesday",
/// "Wednesday's"). And, from the same reading, the periods wholly before
/// or after the publication date ("last month", "next week", "in 2017"),
/// which date an act without a day.
pub(crate) fn find(s: &Sentence<'_>, published: Option<Date>) -> (Vec<DateExpr>, Vec<Period>) {
    let mut out = Vec::new();
    let mut periods = Vec::new();
    for e in recognise::recognise(s) {
        if !e.kind.is_day() {
            periods.extend(published.and_then(|p| period_of(s, &e, p)));
        }
        let when = match &e.kind {
            Kind::Duration(_, Some(days)) if e.tok.0 > 0 && s.word(e.tok.0 - 1) == "within" => {
                When::Offset(*days)
            }
            k if k.is_day() => match when_of(k, published) {
                Some(w) => w,
                None => continue,
            },
            Kind::Relative(recognise_unit, 0) if *recognise_unit == words::Unit::Week => {
                When::ThisWeek
            }
            _ => continue,
        };
        let (mut a, mut b) = e.tok;
        let prev = a.checked_sub(1).map_or("", |k| s.word(k));
        let deadline = is_deadline_word(prev);
        if is_leading_word(prev) {
            a -= 1;
        }
        if s.word(b) == "'s" {
            b += 1;
        }
        let when = match when {
            When::Weekday(wd, Direction::Open) if deadline => When::Weekday(wd, Direction::Forward),
            w => w,
        };
        out.push(DateExpr {
            tok: (a, b),
            span: s.span_of(a, b),
            when,
            deadline,
        });
    }
    (out, periods)
}

/// A calendar period named in a sentence that does not hold the
/// publication date: "last month", "a year ago", "in 2017", "next week".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Period {
    /// Token range `[a, b)` of the expression.
    pub tok: (usize, usize),
    /// After the publication date ("next month"); else before it.
    pub ahead: bool,
}

/// The period expression `e` names, if it is a week, month, quarter,
/// season, year or decade wholly before or after the publication date.
/// Days are [`find`]'s; lengths, sets and vague references ("in the past")
/// name no period.
fn period_of(s: &Sentence<'_>, e: &Expr, published: Date) -> Option<Period> {
    let (kind, value) = normalise::value(&e.kind, Some(published), tense_of(s, e));
    if kind != TimexType::Date {
        return None;
    }
    let (first, last) = period_range(&value)?;
    // "earlier this month", "later this year": the part of the period
    // before or after the publication date
    match s.word(e.tok.0) {
        "earlier" => {
            return Some(Period {
                tok: e.tok,
                ahead: false,
            })
        }
        "later" if last > published => {
            return Some(Period {
                tok: e.tok,
                ahead: true,
            })
        }
        _ => {}
    }
    (published < first || last < published).then_some(Period {
        tok: e.tok,
        ahead: published < first,
    })
}

/// The first and last day of a TIMEX3 calendar value coarser than a day:
/// `2017`, `199X`, `19` (a century), `2025-02`, `2025-W07`, `2025-Q1`,
/// `2025-H2`, `2025-SU`.
fn period_range(v: &str) -> Option<(Date, Date)> {
    let num = |t: &str| -> Option<i16> {
        t.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| t.parse().ok())
            .flatten()
    };
    let years = |a: i16, b: i16| Some((Date::new(a, 1, 1).ok()?, Date::new(b, 12, 31).ok()?));
    let months = |y: i16, a: i8, b: i8| {
        let last = Date::new(y, b, 1).ok()?.last_of_month();
        Some((Date::new(y, a, 1).ok()?, last))
    };
    match (v.len(), v.split_once('-')) {
        (4, None) if v.ends_with('X') => {
            let d = num(&v[..3])? * 10;
            years(d, d + 9)
        }
        (4, None) => {
            let y = num(v)?;
            years(y, y)
        }
        (2, None) => {
            let c = num(v)? * 100;
            years(c, c + 99)
        }
        (_, Some((y, rest))) if y.len() == 4 => {
            let y = num(y)?;
            match rest.as_bytes() {
                b"WI" => Some((
                    Date::new(y, 12, 1).ok()?,
                    Date::new(y + 1, 3, 1).ok()?.yesterday().ok()?,
                )),
                [b'W', ..] => {
                    let w = i8::try_from(num(&rest[1..])?).ok()?;
                    let monday = jiff::civil::ISOWeekDate::new(y, w, Weekday::Monday)
                        .ok()?
                        .date();
                    Some((monday, monday.checked_add(6.days()).ok()?))
                }
                [b'Q', n @ b'1'..=b'4'] => {
                    let q = (*n - b'0') as i8;
                    months(y, 3 * q - 2, 3 * q)
                }
                [b'H', b'1'] => months(y, 1, 6),
                [b'H', b'2'] => months(y, 7, 12),
                b"SP" => months(y, 3, 5),
                b"SU" => months(y, 6, 8),
                b"FA" => months(y, 9, 11),
                [_, _] => {
                    let m = i8::try_from(num(rest)?).ok()?;
                    months(y, m, m)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The coder's reading of a day expression.
fn when_of(k: &Kind, published: Option<Date>) -> Option<When> {
    Some(match k {
        Kind::Date(d) => When::Fixed(*d),
        Kind::Days(n) => When::Offset(*n),
        Kind::MonthDay { month, day, .. } => {
            published?;
            When::MonthDay(*month, *day)
        }
        Kind::Weekday(wd, rel) => When::Weekday(
            *wd,
            match rel {
                Rel::Last => Direction::Back,
                Rel::Next => Direction::Forward,
                Rel::This | Rel::Open => Direction::Open,
            },
        ),
        Kind::DayPart(k, _) => return when_of(k, published),
        Kind::Clock { day: Some(k), .. } => return when_of(k, published),
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
