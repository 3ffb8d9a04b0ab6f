//! Helpers shared by part B of the CIN census rules (8610 to 8950Q): the child id of a finding,
//! census-year and working-day arithmetic, the meaning of the two boolean flags, and (in tests)
//! tiny XML builders.
//!
//! Conventions every part-B rule follows, so that they read alike:
//! - a finding sits on the element group of the offending element with that element's
//!   `position`; `ChildIdentifiers`, `ChildCharacteristics` and `Disabilities` occur once per
//!   child and use the child's position; `Reviews` has no position of its own in the lenient
//!   reader, so a review finding carries the position of its parent `ChildProtectionPlans`;
//! - "present" in a rule about presence alone (8805, 8810, 8614...) means any text was written,
//!   valid or not: a mistyped date still says the episode was closed. The DfE tool turns bad
//!   dates into blanks, so it reads such an element as absent;
//! - a rule comparing dates needs parsed dates: an invalid date means the row cannot be checked
//!   (skipped), unless the rule itself requires the date to be present and valid.

use crate::cin::CinReturn;
use chrono::{Datelike, NaiveDate, Weekday};
use sightline_formats::cin::{Cell, CinChild, CinDetails};

/// The child's `LAchildID`, as findings carry it.
pub(crate) fn child_id(child: &CinChild) -> Option<&str> {
    child.la_child_id.value().map(|id| id.as_str())
}

/// Whether `date` falls in the census year, 1 April to the reference date, both included.
pub(crate) fn in_census_year(data: &CinReturn, date: NaiveDate) -> bool {
    data.year_start() <= date && date <= data.reference_date()
}

/// Saturday or Sunday (bank holidays are not weekends: 8870Q and 8875 name the weekend only).
pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Number of England and Wales working days `w` with `date < w <= reference date`.
///
/// "Started more than N working days before the reference date" is `> N` here: the count follows
/// the calendar crate's convention (the start day itself never counts), so a Tuesday start with
/// the reference date nine weeks later on a Tuesday is exactly 45 working days before it. The
/// DfE tool instead subtracts `N - 1` business days from the reference date and flags starts
/// strictly before that day, which flags the N-th working day before the reference date too (one
/// working day earlier than "more than N"); see 8670Q and 8675Q.
pub(crate) fn working_days_before_reference(data: &CinReturn, date: NaiveDate) -> i64 {
    sightline_calendar::Calendar::england_and_wales()
        .working_days_between(date, data.reference_date())
}

/// Whether a boolean flag is written as true (`true` or `1`).
pub(crate) fn is_true(flag: &Cell<bool>) -> bool {
    flag.get() == Some(true)
}

/// Whether a boolean flag is written as false (`false` or `0`); blank and invalid are neither.
pub(crate) fn is_false(flag: &Cell<bool>) -> bool {
    flag.get() == Some(false)
}

/// A referral that led to further action: `ReferralNFA` is false or 0.
pub(crate) fn is_further_action(episode: &CinDetails) -> bool {
    is_false(&episode.referral_nfa)
}

/// A referral with no further action: `ReferralNFA` is true or 1.
pub(crate) fn is_nfa(episode: &CinDetails) -> bool {
    is_true(&episode.referral_nfa)
}

/// Test builders: a child and its elements as XML text.
#[cfg(test)]
pub(crate) mod build {
    /// A `<Child>` with `LAchildID` `id`, extra `ChildIdentifiers` elements and the rest of the
    /// child (`ChildCharacteristics`, `CINdetails`...). The reader finds elements by name, so
    /// their order does not matter.
    pub(crate) fn child(id: &str, identifiers: &str, rest: &str) -> String {
        format!(
            "<Child><ChildIdentifiers><LAchildID>{id}</LAchildID>{identifiers}</ChildIdentifiers>{rest}</Child>"
        )
    }

    /// `<name>text</name>`.
    pub(crate) fn el(name: &str, text: &str) -> String {
        format!("<{name}>{text}</{name}>")
    }

    /// A `<CINdetails>` episode holding `inner`.
    pub(crate) fn episode(inner: &str) -> String {
        el("CINdetails", inner)
    }

    /// An `<Assessments>` element holding `inner`.
    pub(crate) fn assessment(inner: &str) -> String {
        el("Assessments", inner)
    }

    /// A `<Section47>` element holding `inner`.
    pub(crate) fn s47(inner: &str) -> String {
        el("Section47", inner)
    }

    /// A `<ChildProtectionPlans>` element holding `inner`.
    pub(crate) fn cp_plan(inner: &str) -> String {
        el("ChildProtectionPlans", inner)
    }

    /// `<FactorsIdentifiedAtAssessment>` with one `AssessmentFactors` per code.
    pub(crate) fn factors(codes: &[&str]) -> String {
        let inner: String = codes.iter().map(|c| el("AssessmentFactors", c)).collect();
        el("FactorsIdentifiedAtAssessment", &inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::year_2026;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn census_year_includes_both_ends() {
        let data = year_2026();
        assert!(in_census_year(&data, d(2025, 4, 1)));
        assert!(in_census_year(&data, d(2026, 3, 31)));
        assert!(!in_census_year(&data, d(2025, 3, 31)));
        assert!(!in_census_year(&data, d(2026, 4, 1)));
    }

    #[test]
    fn working_days_before_the_2026_reference_date() {
        let data = year_2026();
        // Tuesday 27 January to Tuesday 31 March 2026: nine weeks, no bank holiday (Good Friday
        // is 3 April), so 45 working days; the Monday before is 46.
        assert_eq!(working_days_before_reference(&data, d(2026, 1, 27)), 45);
        assert_eq!(working_days_before_reference(&data, d(2026, 1, 26)), 46);
        // A weekend start counts like the Friday before it: Monday 26 January is its first day.
        assert_eq!(working_days_before_reference(&data, d(2026, 1, 25)), 47);
        assert_eq!(working_days_before_reference(&data, d(2026, 1, 24)), 47);
        assert_eq!(working_days_before_reference(&data, d(2026, 1, 23)), 47);
        assert_eq!(working_days_before_reference(&data, d(2026, 3, 31)), 0);
    }

    #[test]
    fn weekends_are_saturday_and_sunday_only() {
        assert!(is_weekend(d(2025, 10, 4)));
        assert!(is_weekend(d(2025, 10, 5)));
        assert!(!is_weekend(d(2025, 10, 6)));
        // Christmas Day 2025 is a Thursday: a bank holiday, not a weekend.
        assert!(!is_weekend(d(2025, 12, 25)));
    }

    #[test]
    fn flags_read_true_false_and_neither() {
        assert!(is_true(&Cell::Value(true)));
        assert!(is_false(&Cell::Value(false)));
        assert!(!is_true(&Cell::Blank) && !is_false(&Cell::Blank));
        assert!(!is_false(&Cell::Invalid("no".into())));
    }
}
