//! Working days for statutory timescales: Monday to Friday, less England and Wales bank holidays.
//!
//! # Counting convention
//!
//! "Within N working days" is counted the DfE way: the duration from `start` to `end` is the
//! number of working days `w` with `start < w <= end` ([`Calendar::working_days_between`]); the
//! start day itself never counts, so an assessment started and finished the same day takes 0 days,
//! and one authorised the next working day takes 1. The due date of "N working days after `start`"
//! is the N-th working day after `start` ([`Calendar::add_working_days`]), and a task is in time
//! when it happens on or before that date. The two agree: `end <= add_working_days(start, N)`
//! exactly when `working_days_between(start, end) <= N`. A start date on a weekend or holiday is
//! handled by the same rule (the clock starts on the next working day).
//!
//! Calendar-unit timescales ("three months", "six weeks") are plain date arithmetic and live with
//! the timescales that use them; [`add_months`] clamps to the month end (31 January + 1 month =
//! 28/29 February).
//!
//! Bank holidays come from the published list for 2010-2027 (`data/`, the dates actually taken,
//! substitute days included). Outside those years they are derived from the standing rules
//! (New Year, Good Friday, Easter Monday, early May, spring, summer, Christmas and Boxing Day with
//! weekend substitution); one-off proclamations outside the list are unknown.
//!
//! **Invariant:** pure functions of dates; no clock, no I/O after the embedded list is parsed.
//!
//! # Example
//! ```
//! use chrono::NaiveDate;
//! use sightline_calendar::Calendar;
//! let cal = Calendar::england_and_wales();
//! let fri = NaiveDate::from_ymd_opt(2024, 3, 22).unwrap();
//! // Good Friday (29 March) and Easter Monday (1 April) are skipped.
//! assert_eq!(cal.add_working_days(fri, 5), NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
//! ```

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::OnceLock;

const PUBLISHED: &str = include_str!("../data/england-and-wales-bank-holidays.csv");
const FIRST_PUBLISHED_YEAR: i32 = 2010;
const LAST_PUBLISHED_YEAR: i32 = 2027;
/// Years covered by the precomputed table; dates outside fall back to day-by-day counting.
const TABLE_FIRST_YEAR: i32 = 1950;
const TABLE_LAST_YEAR: i32 = 2100;

/// A working-day calendar with a precomputed running count of working days, so that counting
/// the working days between two dates is two array reads.
pub struct Calendar {
    epoch: NaiveDate,
    /// `cumulative[i]` = number of working days in `(epoch, epoch + i]`.
    cumulative: Vec<u32>,
    holidays: Vec<NaiveDate>,
}

impl Calendar {
    /// The England and Wales calendar, built once per process.
    pub fn england_and_wales() -> &'static Calendar {
        static CAL: OnceLock<Calendar> = OnceLock::new();
        CAL.get_or_init(|| Calendar::from_holidays(england_and_wales_holidays()))
    }

    /// A calendar with the given non-working holidays (weekends are always non-working).
    pub fn from_holidays(mut holidays: Vec<NaiveDate>) -> Calendar {
        holidays.sort_unstable();
        holidays.dedup();
        let epoch = ymd(TABLE_FIRST_YEAR, 1, 1);
        let last = ymd(TABLE_LAST_YEAR, 12, 31);
        let days = (last - epoch).num_days() as usize + 1;
        let mut cumulative = Vec::with_capacity(days);
        let mut count = 0u32;
        let mut day = epoch;
        for i in 0..days {
            if i > 0 && is_weekday(day) && holidays.binary_search(&day).is_err() {
                count += 1;
            }
            cumulative.push(count);
            day = day.succ_opt().unwrap_or(day);
        }
        Calendar {
            epoch,
            cumulative,
            holidays,
        }
    }

    /// The bank holidays this calendar knows, sorted.
    pub fn holidays(&self) -> &[NaiveDate] {
        &self.holidays
    }

    /// Monday to Friday and not a bank holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        is_weekday(date) && self.holidays.binary_search(&date).is_err()
    }

    fn index(&self, date: NaiveDate) -> Option<usize> {
        let i = (date - self.epoch).num_days();
        usize::try_from(i)
            .ok()
            .filter(|&i| i < self.cumulative.len())
    }

    /// Number of working days `w` with `start < w <= end`; negative when `end` is before `start`.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        if end < start {
            return -self.working_days_between(end, start);
        }
        match (self.index(start), self.index(end)) {
            (Some(a), Some(b)) => i64::from(self.cumulative[b]) - i64::from(self.cumulative[a]),
            _ => {
                let mut n = 0;
                let mut day = start;
                while day < end {
                    day += Duration::days(1);
                    if self.is_working_day(day) {
                        n += 1;
                    }
                }
                n
            }
        }
    }

    /// The `n`-th working day after `date` (`n = 0` gives `date` itself).
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return date;
        }
        if let Some(a) = self.index(date) {
            let target = self.cumulative[a] + n;
            // First index whose running count reaches the target is the n-th working day.
            let found = a + self.cumulative[a..].partition_point(|&c| c < target);
            if found < self.cumulative.len() {
                return self.epoch + Duration::days(found as i64);
            }
        }
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day += Duration::days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Whether `end` falls within `n` working days of `start` (on or before the due date).
    pub fn within_working_days(&self, start: NaiveDate, end: NaiveDate, n: u32) -> bool {
        self.working_days_between(start, end) <= i64::from(n)
    }
}

/// `date` plus `months` calendar months, clamped to the end of the month.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The published list for 2010-2027, plus rule-derived holidays for the other table years.
fn england_and_wales_holidays() -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = PUBLISHED
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .collect();
    for year in TABLE_FIRST_YEAR..=TABLE_LAST_YEAR {
        if !(FIRST_PUBLISHED_YEAR..=LAST_PUBLISHED_YEAR).contains(&year) {
            out.extend(standing_rule_holidays(year));
        }
    }
    out
}

/// Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

/// The bank holidays of `year` under the standing rules, as the dates taken (substitutes applied).
pub fn standing_rule_holidays(year: i32) -> Vec<NaiveDate> {
    let next_weekday = |d: NaiveDate| match d.weekday() {
        Weekday::Sat => d + Duration::days(2),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    };
    let easter = easter_sunday(year);
    let first_monday = |month: u32| {
        let first = ymd(year, month, 1);
        let offset = (7 - first.weekday().num_days_from_monday() as i64) % 7;
        first + Duration::days(offset)
    };
    let last_monday = |month: u32| {
        let last = ymd(year, month + 1, 1) - Duration::days(1);
        last - Duration::days(last.weekday().num_days_from_monday() as i64)
    };
    let christmas = ymd(year, 12, 25);
    let (christmas_taken, boxing_taken) = match christmas.weekday() {
        Weekday::Fri => (christmas, ymd(year, 12, 28)),
        Weekday::Sat => (ymd(year, 12, 27), ymd(year, 12, 28)),
        Weekday::Sun => (ymd(year, 12, 27), ymd(year, 12, 26)),
        _ => (christmas, next_weekday(ymd(year, 12, 26))),
    };
    vec![
        next_weekday(ymd(year, 1, 1)),
        easter - Duration::days(2),
        easter + Duration::days(1),
        first_monday(5),
        last_monday(5),
        last_monday(8),
        christmas_taken,
        boxing_taken,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn cal() -> &'static Calendar {
        Calendar::england_and_wales()
    }

    #[test]
    fn weekends_are_not_working_days() {
        assert!(!cal().is_working_day(d(2025, 11, 22))); // Saturday
        assert!(!cal().is_working_day(d(2025, 11, 23))); // Sunday
        assert!(cal().is_working_day(d(2025, 11, 24)));
    }

    #[test]
    fn the_start_day_does_not_count() {
        let mon = d(2025, 11, 24);
        assert_eq!(cal().working_days_between(mon, mon), 0);
        assert_eq!(cal().working_days_between(mon, d(2025, 11, 25)), 1);
        // Friday to Monday is one working day.
        assert_eq!(cal().working_days_between(d(2025, 11, 21), mon), 1);
        assert_eq!(cal().working_days_between(mon, d(2025, 11, 21)), -1);
    }

    #[test]
    fn a_weekend_start_runs_from_the_next_working_day() {
        // Saturday 22 Nov 2025: the first working day after it is Monday 24.
        assert_eq!(cal().add_working_days(d(2025, 11, 22), 1), d(2025, 11, 24));
        assert_eq!(
            cal().working_days_between(d(2025, 11, 22), d(2025, 11, 24)),
            1
        );
    }

    #[test]
    fn easter_2024_is_skipped() {
        // Thursday 28 March 2024; Good Friday 29 March and Easter Monday 1 April are holidays.
        assert_eq!(cal().add_working_days(d(2024, 3, 28), 1), d(2024, 4, 2));
        assert_eq!(cal().working_days_between(d(2024, 3, 28), d(2024, 4, 2)), 1);
    }

    #[test]
    fn christmas_2021_substitute_days_are_skipped() {
        // 25 and 26 Dec 2021 fell on a weekend: Mon 27 and Tue 28 were taken instead.
        assert!(!cal().is_working_day(d(2021, 12, 27)));
        assert!(!cal().is_working_day(d(2021, 12, 28)));
        assert!(cal().is_working_day(d(2021, 12, 24)));
        assert_eq!(cal().add_working_days(d(2021, 12, 24), 1), d(2021, 12, 29));
        // New Year's Day 2022 (Saturday) was taken on Monday 3 January.
        assert_eq!(cal().add_working_days(d(2021, 12, 31), 1), d(2022, 1, 4));
    }

    #[test]
    fn forty_five_working_days_across_christmas() {
        // From Mon 3 Nov 2025: 37 working days take us to Wed 24 Dec; 25 and 26 Dec are
        // holidays, 29-31 Dec make 40, 1 Jan is a holiday, Fri 2 Jan is 41, and Mon 5 to
        // Thu 8 Jan make 42 to 45.
        let due = cal().add_working_days(d(2025, 11, 3), 45);
        assert_eq!(due, d(2026, 1, 8));
        assert!(cal().within_working_days(d(2025, 11, 3), d(2026, 1, 8), 45));
        assert!(!cal().within_working_days(d(2025, 11, 3), d(2026, 1, 9), 45));
    }

    #[test]
    fn due_date_and_count_agree_everywhere() {
        let start = d(2019, 12, 1);
        for offset in 0..800 {
            let s = start + Duration::days(offset);
            for n in [1u32, 10, 15, 20, 45] {
                let due = cal().add_working_days(s, n);
                assert_eq!(cal().working_days_between(s, due), i64::from(n));
                assert!(cal().is_working_day(due));
            }
        }
    }

    #[test]
    fn special_proclamations_are_known() {
        assert!(!cal().is_working_day(d(2022, 9, 19))); // State funeral
        assert!(!cal().is_working_day(d(2023, 5, 8))); // Coronation
        assert!(!cal().is_working_day(d(2020, 5, 8))); // VE day
        assert!(cal().is_working_day(d(2020, 5, 4))); // early May moved that year
    }

    #[test]
    fn standing_rules_reproduce_the_published_years_without_proclamations() {
        let specials = [2011, 2012, 2020, 2022, 2023];
        for year in FIRST_PUBLISHED_YEAR..=LAST_PUBLISHED_YEAR {
            if specials.contains(&year) {
                continue;
            }
            let mut rule = standing_rule_holidays(year);
            rule.sort();
            let published: Vec<_> = cal()
                .holidays()
                .iter()
                .copied()
                .filter(|h| h.year() == year)
                .collect();
            assert_eq!(rule, published, "year {year}");
        }
    }

    #[test]
    fn dates_outside_the_table_still_count() {
        let far = d(2150, 1, 5); // a Monday
        assert_eq!(cal().add_working_days(far, 5), d(2150, 1, 12));
        assert_eq!(cal().working_days_between(far, d(2150, 1, 12)), 5);
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(add_months(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(add_months(d(2024, 1, 31), 1), d(2024, 2, 29));
        assert_eq!(add_months(d(2025, 8, 31), 6), d(2026, 2, 28));
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2000), d(2000, 4, 23));
    }
}
