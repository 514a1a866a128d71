//! The vocabulary of temporal expressions: month and weekday names,
//! numbers written out, units of time, ordinals.

use jiff::civil::Weekday;

pub(crate) fn weekday(w: &str) -> Option<Weekday> {
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

/// A month's number from its name or abbreviation ("Sept.", "aug").
pub(crate) fn month(w: &str) -> Option<i8> {
    let m = match w.trim_end_matches('.') {
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

/// A day of the month: "6", "6th", "21st".
pub(crate) fn day_number(w: &str) -> Option<i8> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i8 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// A year written as four digits, 1800–2099.
pub(crate) fn year_number(w: &str) -> Option<i16> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = w.parse().ok()?;
    (1800..=2099).contains(&y).then_some(y)
}

pub(crate) use dyad_nlp::number_word;

/// An ordinal, "first" to "twenty-first" in one word or "1st" to "31st".
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    const WORDS: [&str; 21] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    if let Some(k) = WORDS.iter().position(|x| *x == w) {
        return u32::try_from(k + 1).ok();
    }
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit named by a word, and whether the word is plural.
    pub fn parse(w: &str) -> Option<(Unit, bool)> {
        Some(match w {
            "second" => (Unit::Second, false),
            "seconds" => (Unit::Second, true),
            "minute" => (Unit::Minute, false),
            "minutes" => (Unit::Minute, true),
            "hour" => (Unit::Hour, false),
            "hours" => (Unit::Hour, true),
            "day" => (Unit::Day, false),
            "days" => (Unit::Day, true),
            "week" => (Unit::Week, false),
            "weeks" => (Unit::Week, true),
            "month" => (Unit::Month, false),
            "months" => (Unit::Month, true),
            "quarter" => (Unit::Quarter, false),
            "quarters" => (Unit::Quarter, true),
            "year" => (Unit::Year, false),
            "years" => (Unit::Year, true),
            "decade" => (Unit::Decade, false),
            "decades" => (Unit::Decade, true),
            "century" => (Unit::Century, false),
            "centuries" => (Unit::Century, true),
            _ => return None,
        })
    }

    /// Whether the unit is a time of day (written after `T` in a duration).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A season's TIMEX code ("SU"), and the month it begins.
pub(crate) fn season(w: &str) -> Option<(&'static str, i8)> {
    Some(match w {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

/// A part of the day's TIMEX code ("TMO").
pub(crate) fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}
