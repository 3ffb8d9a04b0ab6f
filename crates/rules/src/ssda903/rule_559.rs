//! 559: a decision to place for adoption dated before this collection year must be in last
//! year's return (DfE 903 validation rules).
//!
//! The child passes when any of last year's rows for them has `DATE_PLACED` given; the tool
//! also reports a child whose last-year rows include a blank one beside a dated one.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule559;

static META: RuleMeta = RuleMeta {
    code: "559",
    message: "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
    severity: Severity::Error,
    tables: &["PlacedAdoption", "PlacedAdoption_last"],
    fields: &["DATE_PLACED"],
    years: Years::from(2023),
};

impl Rule for Rule559 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::PlacedForAdoption),
            Needs::PreviousTable(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let recorded_last_year: HashSet<&str> = previous
            .placed_for_adoption
            .iter()
            .filter(|row| !row.date_placed.is_blank())
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.placed_for_adoption {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let before_year = row.date_placed.get().is_some_and(|d| d < data.year_start());
            if before_year && !recorded_last_year.contains(child) {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn an_earlier_decision_missing_last_year_fails() {
        // 1: this year's decision. 2: earlier, recorded last year. 3: earlier, blank last year.
        // 4: earlier, child absent last year.
        let now = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,26/05/2025
             2,01/02/2024
             3,26/05/2024
             4,26/05/2024",
        );
        let last = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             2,01/02/2024
             3,",
        );
        assert_eq!(
            findings(&Rule559, &with_previous(&now, &last)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
