//! The dates stage: relative and absolute date expressions in a sentence,
//! resolved against the publication date, the document's only "now".

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use dyad_model::Span;

use crate::text::Sentence;

/// Which way a relative expression points from the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The latest such day on or before the publication date.
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
                let today = published.weekday();
                if forward {
                    let ahead =
                        (wd.to_monday_zero_offset() - today.to_monday_zero_offset()).rem_euclid(7);
                    published.checked_add(i32::from(ahead).days()).ok()
                } else {
                    let back =
                        (today.to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
                    published.checked_sub(i32::from(back).days()).ok()
                }
            }
        }
    }
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn month(w: &str) -> Option<i8> {
    let w = w.trim_end_matches('.');
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn day_number(w: &str) -> Option<i8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: i8 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn is_deadline_word(w: &str) -> bool {
    matches!(w, "by" | "until" | "till" | "before" | "within")
}

/// All date expressions of a sentence, in order.
pub(crate) fn find(s: &Sentence<'_>, published: Option<Date>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let n = s.words.len();
    let mut i = 0;
    while i < n {
        let w = s.word(i);
        let prev = if i > 0 { s.word(i - 1) } else { "" };
        let mut found: Option<(usize, When)> = None;
        if let Some(wd) = weekday(w) {
            let dir = match prev {
                "last" | "since" | "past" => Direction::Back,
                "next" | "coming" | "by" | "until" | "till" | "before" => Direction::Forward,
                _ => Direction::Open,
            };
            found = Some((i + 1, When::Weekday(wd, dir)));
        } else if let Some(off) = match w {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        } {
            found = Some((i + 1, When::Offset(off)));
        } else if w == "week" && prev == "this" {
            found = Some((i + 1, When::ThisWeek));
        } else if let (Some(m), Some(pub_date)) = (month(w), published) {
            // "August 6", "Aug. 6, 2025"
            let mut j = i + 1;
            if s.word(j) == "." {
                j += 1;
            }
            if let Some(d) = day_number(s.word(j)) {
                let mut end = j + 1;
                let mut year = None;
                let k = if s.word(end) == "," { end + 1 } else { end };
                if let Ok(y) = s.word(k).parse::<i16>() {
                    if (1900..=2100).contains(&y) {
                        year = Some(y);
                        end = k + 1;
                    }
                }
                if let Some(date) = pick_year(pub_date, year, m, d) {
                    found = Some((end, When::Fixed(date)));
                }
            }
        } else if let (Some(d), Some(pub_date)) = (day_number(w), published) {
            // "6 August 2025"
            if let Some(m) = month(s.word(i + 1)) {
                let mut end = i + 2;
                let mut year = None;
                if let Ok(y) = s.word(end).parse::<i16>() {
                    if (1900..=2100).contains(&y) {
                        year = Some(y);
                        end += 1;
                    }
                }
                if let Some(date) = pick_year(pub_date, year, m, d) {
                    found = Some((end, When::Fixed(date)));
                }
            }
        } else if w.len() == 10 {
            if let Ok(d) = w.parse::<Date>() {
                found = Some((i + 1, When::Fixed(d)));
            }
        } else if w.len() == 4 && s.word(i + 1) == "-" && s.word(i + 3) == "-" {
            // "2024-02-29", tokenised at its hyphens
            let iso = format!("{w}-{}-{}", s.word(i + 2), s.word(i + 4));
            if let Ok(d) = iso.parse::<Date>() {
                found = Some((i + 5, When::Fixed(d)));
            }
        }
        if w == "within" {
            // "within 10 days"
            if let (Ok(k), unit) = (s.word(i + 1).parse::<i32>(), s.word(i + 2)) {
                let days = match unit {
                    "day" | "days" => Some(k),
                    "week" | "weeks" => Some(k * 7),
                    _ => None,
                };
                if let Some(days) = days {
                    let tok = (i, i + 3);
                    out.push(DateExpr {
                        tok,
                        span: s.span_of(tok.0, tok.1),
                        when: When::Offset(days),
                        deadline: true,
                    });
                    i += 3;
                    continue;
                }
            }
        }
        if let Some((end, when)) = found {
            let start = if matches!(
                prev,
                "on" | "last"
                    | "next"
                    | "this"
                    | "by"
                    | "until"
                    | "till"
                    | "before"
                    | "since"
                    | "coming"
            ) {
                i - 1
            } else {
                i
            };
            let end = if s.word(end) == "'s" { end + 1 } else { end };
            out.push(DateExpr {
                tok: (start, end),
                span: s.span_of(start, end),
                when,
                deadline: is_deadline_word(prev),
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The date with month `m` and day `d` in `year`, or, with no year, in the
/// year that puts it nearest the publication date.
fn pick_year(published: Date, year: Option<i16>, m: i8, d: i8) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, m, d).ok();
    }
    let y = published.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d).ok())
        .min_by_key(|c| {
            c.since(published)
                .map(|sp| sp.get_days().abs())
                .unwrap_or(i32::MAX)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exprs(text: &str) -> Vec<(String, Option<String>, bool)> {
        let published: Date = "2025-08-06".parse().unwrap();
        let s = Sentence::new(text, 0, 0..text.len(), false);
        find(&s, Some(published))
            .into_iter()
            .map(|e| {
                (
                    e.span.slice(text).to_string(),
                    e.resolve(published, false).map(|d| d.to_string()),
                    e.deadline,
                )
            })
            .collect()
    }

    #[test]
    fn weekdays_point_back_unless_a_deadline() {
        assert_eq!(
            exprs("They met on Wednesday and must agree by Friday."),
            [
                ("on Wednesday".into(), Some("2025-08-06".into()), false),
                ("by Friday".into(), Some("2025-08-08".into()), true),
            ]
        );
        assert_eq!(
            exprs("It said so on Monday.")[0].1.as_deref(),
            Some("2025-08-04")
        );
        assert_eq!(exprs("Wednesday's meeting")[0].0, "Wednesday's");
        assert_eq!(
            exprs("He will go next Monday.")[0].1.as_deref(),
            Some("2025-08-11")
        );
    }

    #[test]
    fn calendar_dates_and_offsets() {
        assert_eq!(
            exprs("on Aug. 4, 2025 it")[0].1.as_deref(),
            Some("2025-08-04")
        );
        assert_eq!(exprs("on 30 July")[0].1.as_deref(), Some("2025-07-30"));
        assert_eq!(exprs("yesterday")[0].1.as_deref(), Some("2025-08-05"));
        assert_eq!(
            exprs("within 10 days"),
            [("within 10 days".into(), Some("2025-08-16".into()), true)]
        );
        assert_eq!(exprs("on 2024-02-29")[0].1.as_deref(), Some("2024-02-29"));
        assert!(exprs("in 45 cases").is_empty());
    }
}
