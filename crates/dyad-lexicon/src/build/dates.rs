//! Dates of office as the sources write them: `20080508`, `080508`,
//! `7 May 2012`, `2025-01-20`, `May 2012`, `2012` — kept at the precision
//! the source gives.

use std::fmt;

/// A calendar date of known precision; `month`/`day` are 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (0, _) => write!(f, "{:04}", self.year),
            (m, 0) => write!(f, "{:04}-{m:02}", self.year),
            (m, d) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
        }
    }
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok =
            (1000..=2999).contains(&year) && month <= 12 && day <= 31 && (month > 0 || day == 0);
        ok.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = parts.next().map_or(Some(0), |m| parse_digits(m, 2))?;
        let day = parts.next().map_or(Some(0), |d| parse_digits(d, 2))?;
        if parts.next().is_some() {
            return None;
        }
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u16> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// `20080508` → 2008-05-08; `080508` → 2008-05-08 (PETRARCH's two-digit
/// years: 00–29 → 20xx, else 19xx). `MMDD` = `0101` is kept as a full date;
/// day `31` in a 30-day month (a quirk of the sources) is clamped.
pub fn compact_date(s: &str) -> Option<Date> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        8 => (s[..4].parse::<u16>().ok()?, &s[4..]),
        6 => {
            let yy: u16 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    let month: u8 = rest[..2].parse().ok()?;
    let day: u8 = rest[2..].parse().ok()?;
    let day = day.min(days_in_month(year, month));
    Date::new(year, month, day)
}

/// `7 May 2012`, `May 2012`, `2012`, `07 May 2012` → a date.
pub fn prose_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [d, m, y] => Date::new(y.parse().ok()?, month_number(m)?, d.parse().ok()?),
        [m, y] => Date::new(y.parse().ok()?, month_number(m)?, 0),
        [y] => Date::new(y.parse().ok()?, 0, 0),
        _ => None,
    }
}

fn month_number(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.trim_end_matches(['.', ',']).to_lowercase();
    let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
    u8::try_from(i + 1).ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if matches!((year % 4, year % 100, year % 400), (0, 1.., _) | (_, _, 0)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(compact_date("20080508").unwrap().to_string(), "2008-05-08");
        assert_eq!(compact_date("080508").unwrap().to_string(), "2008-05-08");
        assert_eq!(compact_date("991231").unwrap().to_string(), "1999-12-31");
        assert_eq!(compact_date("20100631").unwrap().to_string(), "2010-06-30");
        assert_eq!(prose_date("7 May 2012").unwrap().to_string(), "2012-05-07");
        assert_eq!(prose_date("May 2012").unwrap().to_string(), "2012-05");
        assert_eq!(Date::parse_iso("2025-01").unwrap().to_string(), "2025-01");
        assert!(Date::parse_iso("2025-13-01").is_none());
        assert!(Date::parse_iso("25-01-01").is_none());
        assert!(Date::parse_iso("2025-01-01") < Date::parse_iso("2025-02"));
    }
}
