//! ISO 8601 calendar dates of varying precision: `2019`, `2019-11` or `2019-11-24`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else (including impossible
    /// dates such as `2019-02-30`) is `None`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year = digits(parts.next()?, 4)? as i32;
        let month = match parts.next() {
            None => return Some(PartialDate { year, month: None, day: None }),
            Some(m) => digits(m, 2)? as u8,
        };
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = match parts.next() {
            None => return Some(PartialDate { year, month: Some(month), day: None }),
            Some(d) => digits(d, 2)? as u8,
        };
        if day == 0 || day > days_in_month(year, month) || parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    /// A sortable key: unknown month/day sort first.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// English display form: `24 Nov 2019`, `Nov 2019`, `2019`.
    pub fn display_en(&self) -> String {
        self.display_with(&MONTHS_EN)
    }

    pub fn display_with(&self, months: &[&str; 12]) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {} {}", d, months[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", months[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

pub const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_three_precisions() {
        assert_eq!(PartialDate::parse("2019"), Some(PartialDate { year: 2019, month: None, day: None }));
        assert_eq!(PartialDate::parse("2019-11").unwrap().month, Some(11));
        let d = PartialDate::parse("2019-11-24").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, Some(11), Some(24)));
        assert_eq!(d.to_string(), "2019-11-24");
        assert_eq!(d.display_en(), "24 Nov 2019");
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in ["", "19", "2019-1", "2019-13", "2019-00", "2019-02-30", "2019-11-24T10:00", "24/11/2019", "2019-11-24-1", "abcd", "+2019"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert!(PartialDate::parse("2020-02-29").is_some());
        assert!(PartialDate::parse("2019-02-29").is_none());
    }

    #[test]
    fn sorts_by_year_then_month_then_day() {
        let a = PartialDate::parse("2019").unwrap();
        let b = PartialDate::parse("2019-03").unwrap();
        let c = PartialDate::parse("2019-03-02").unwrap();
        assert!(a.sort_key() < b.sort_key() && b.sort_key() < c.sort_key());
    }
}
