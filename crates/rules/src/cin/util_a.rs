//! Helpers shared by part A of the CIN census rules: the child id of a finding, the raw text of a
//! UPN cell, census-year and working-day arithmetic, and (in tests) tiny XML builders.
//!
//! Finding locations follow one convention across part A: a finding sits on the element group of
//! the offending element with that element's `position`; `ChildIdentifiers`,
//! `ChildCharacteristics` and `Disabilities` use the child's position (they occur once per child);
//! a review finding carries the position of its `Reviews` element.

use crate::cin::CinReturn;
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild};
use sightline_model::ids::Upn;

/// The child's `LAchildID`, as findings carry it.
pub(crate) fn child_id(child: &CinChild) -> Option<&str> {
    child.la_child_id.value().map(|id| id.as_str())
}

/// The text of a UPN element as written (trimmed), whether or not it has the UPN shape: the
/// character-level UPN rules (1510-1550) read what was written, not only well-formed values.
pub(crate) fn raw_upn(cell: &Cell<Upn>) -> Option<&str> {
    match cell {
        Cell::Value(upn) => Some(upn.as_str()),
        Cell::Invalid(text) => Some(text.trim()),
        Cell::Blank => None,
    }
}

/// Whether `date` falls in the census year, 1 April to the reference date, both included.
pub(crate) fn in_census_year(data: &CinReturn, date: NaiveDate) -> bool {
    data.year_start() <= date && date <= data.reference_date()
}

/// The last working day strictly before `date` (England and Wales calendar).
///
/// This is "`date` minus 1 working day" in the DfE rules: for a working day it is the previous
/// working day, and for a weekend or holiday it is the working day before it, which is also what
/// the DfE community tool gets from pandas' `date - CustomBusinessDay(1)`. A run of more than
/// three weeks without a working day does not exist, so the walk is bounded.
pub(crate) fn previous_working_day(date: NaiveDate) -> NaiveDate {
    let calendar = sightline_calendar::Calendar::england_and_wales();
    let mut day = date;
    for _ in 0..21 {
        let Some(before) = day.pred_opt() else {
            break;
        };
        day = before;
        if calendar.is_working_day(day) {
            return day;
        }
    }
    day
}

/// Test builders: a child and its episodes as XML text, and a runner for any census year.
#[cfg(test)]
pub(crate) mod build {
    use crate::cin::{CinReturn, ReturnSummary, Rule, fixture};
    use crate::engine::Findings;
    use sightline_formats::cin::CinHeader;

    /// A `<Child>` with `LAchildID` `id`, extra `ChildIdentifiers` elements and the rest of the
    /// child (`ChildCharacteristics`, `CINdetails`...). The reader finds elements by name, so
    /// their order does not matter.
    pub(crate) fn child(id: &str, identifiers: &str, rest: &str) -> String {
        format!(
            "<Child><ChildIdentifiers><LAchildID>{id}</LAchildID>{identifiers}</ChildIdentifiers>{rest}</Child>"
        )
    }

    /// A `<CINdetails>` episode holding `inner`.
    pub(crate) fn episode(inner: &str) -> String {
        format!("<CINdetails>{inner}</CINdetails>")
    }

    /// Runs `rule` over the children for the collection year ending `year`, with `header`:
    /// (table, position, child id) of each finding (position 0 for return-level findings).
    pub(crate) fn findings_for(
        rule: &dyn Rule,
        year: i32,
        header: Option<&CinHeader>,
        children_xml: &str,
    ) -> Vec<(&'static str, u64, String)> {
        let data = CinReturn {
            header,
            year,
            la_code: None,
        };
        let kids = fixture::children(children_xml);
        let mut out = Findings::new(rule.meta());
        let mut summary = ReturnSummary::default();
        for child in &kids {
            summary.add(&data, child);
            rule.check_child(&data, child, &mut out);
        }
        rule.check_return(&data, &summary, &mut out);
        out.into_vec()
            .into_iter()
            .map(|f| {
                (
                    f.table,
                    f.row_number.unwrap_or(0),
                    f.child_id.unwrap_or_default(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn previous_working_day_skips_weekends_and_bank_holidays() {
        // Tuesday 1 April 2025: the Monday before.
        assert_eq!(previous_working_day(d(2025, 4, 1)), d(2025, 3, 31));
        // Monday 1 April 2024 was Easter Monday; Good Friday was 29 March: Thursday 28 March.
        assert_eq!(previous_working_day(d(2024, 4, 1)), d(2024, 3, 28));
        // Saturday 1 April 2023: Friday 31 March.
        assert_eq!(previous_working_day(d(2023, 4, 1)), d(2023, 3, 31));
    }

    #[test]
    fn raw_upn_keeps_malformed_text() {
        assert_eq!(raw_upn(&Cell::Invalid(" X12 ".into())), Some("X12"));
        assert_eq!(raw_upn(&Cell::Blank), None);
    }
}
