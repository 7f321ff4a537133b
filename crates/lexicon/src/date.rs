//! Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as used by office periods.

use chrono::NaiveDate;
use std::cmp::Ordering;
use std::fmt;

/// A date known to the year, month or day; it stands for the range of days it
/// covers, so "2022" as a start means 2022-01-01 and as an end 2022-12-31.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else
    /// (including impossible days such as 2023-02-29).
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month = match parts.next() {
            None => None,
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                Some(m.parse().ok()?)
            }
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => None,
            Some(d) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => {
                Some(d.parse().ok()?)
            }
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        let pd = PartialDate { year, month, day };
        // Both ends must exist as calendar days.
        NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))?;
        Some(pd)
    }

    pub fn from_date(d: NaiveDate) -> PartialDate {
        use chrono::Datelike;
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// The first day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MAX)
            }
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    /// Orders by first day, then by precision (coarser first).
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.last_day().cmp(&other.last_day()).reverse())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_spans() {
        let y = PartialDate::parse("2022").unwrap();
        assert_eq!(y.first_day().to_string(), "2022-01-01");
        assert_eq!(y.last_day().to_string(), "2022-12-31");
        let m = PartialDate::parse("2024-02").unwrap();
        assert_eq!(m.last_day().to_string(), "2024-02-29");
        let d = PartialDate::parse("2022-07-01").unwrap();
        assert_eq!(d.first_day(), d.last_day());
        assert!(PartialDate::parse("2023-02-29").is_none());
        assert!(PartialDate::parse("22-07-01").is_none());
        assert!(PartialDate::parse("2022-7").is_none());
        assert_eq!(d.to_string(), "2022-07-01");
    }
}
