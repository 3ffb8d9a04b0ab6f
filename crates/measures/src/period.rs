//! Months and DfE years: the periods every indicator is computed for.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    /// Year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
}

impl Month {
    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// First day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    /// The following month.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The preceding month.
    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Every month from `first` to `last`, both included.
    pub fn range(first: Month, last: Month) -> Vec<Month> {
        let mut out = Vec::new();
        let mut m = first;
        while m <= last {
            out.push(m);
            m = m.next();
        }
        out
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        (y.len() == 4 && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// Whether `date` falls in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A reporting period: a month, or a DfE year (1 April to 31 March, named by its ending year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A calendar month.
    Month(Month),
    /// The DfE year ending 31 March of the given year.
    DfeYear(i32),
}

impl Period {
    /// First day of the period.
    pub fn start(self) -> NaiveDate {
        match self {
            Period::Month(m) => m.first_day(),
            Period::DfeYear(y) => NaiveDate::from_ymd_opt(y - 1, 4, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    /// Last day of the period (snapshot indicators are taken on this day).
    pub fn end(self) -> NaiveDate {
        match self {
            Period::Month(m) => m.last_day(),
            Period::DfeYear(y) => NaiveDate::from_ymd_opt(y, 3, 31).unwrap_or(NaiveDate::MIN),
        }
    }

    /// Whether `date` falls in the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// Number of months the period spans (1 or 12), to annualise rates.
    pub fn months(self) -> u32 {
        match self {
            Period::Month(_) => 1,
            Period::DfeYear(_) => 12,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => m.fmt(f),
            Period::DfeYear(y) => write!(f, "{}-{:02}", y - 1, y % 100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_across_years() {
        let dec = Month {
            year: 2025,
            month: 12,
        };
        assert_eq!(
            dec.next(),
            Month {
                year: 2026,
                month: 1
            }
        );
        assert_eq!(dec.next().prev(), dec);
        assert_eq!(
            Month {
                year: 2024,
                month: 2
            }
            .last_day()
            .to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Month::range(
                Month {
                    year: 2025,
                    month: 11
                },
                Month {
                    year: 2026,
                    month: 2
                }
            )
            .len(),
            4
        );
    }

    #[test]
    fn months_parse_and_print() {
        assert_eq!(Month::parse("2026-03").unwrap().to_string(), "2026-03");
        assert!(Month::parse("2026-13").is_none());
        assert!(Month::parse("26-03").is_none());
    }

    #[test]
    fn dfe_years_run_april_to_march() {
        let y = Period::DfeYear(2026);
        assert_eq!(y.start().to_string(), "2025-04-01");
        assert_eq!(y.end().to_string(), "2026-03-31");
        assert_eq!(y.to_string(), "2025-26");
    }
}
