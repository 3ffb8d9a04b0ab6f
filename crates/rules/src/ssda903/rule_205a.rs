//! 205A: a child identified as UASC last year but not this year must have had their UASC status
//! cease during last year (DfE 903 validation rules).
//!
//! UASC status is derived from the UASC tables (see `util_b`): a child in this year's Header
//! with no row in this year's UASC table but a row in last year's is "no longer UASC", and last
//! year's DUC must then fall within last year's collection year. The tool walks this year's
//! UASC rows, whose derived flag is always 1, so on CSV returns it never sees such a child; the
//! check here starts from the Header, where the changed status shows.

use super::util_b::{id, uasc_by_child, uasc_children, years_before};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule205A;

static META: RuleMeta = RuleMeta {
    code: "205A",
    message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
    severity: Severity::Error,
    tables: &["Header", "Header_last", "UASC", "UASC_last"],
    fields: &["CHILD", "UASC"],
    years: Years::from(2023),
};

impl Rule for Rule205A {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Uasc),
            Needs::PreviousTable(Ssda903Table::Uasc),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let uasc_now = uasc_children(&data.current.uasc);
        let uasc_last = uasc_by_child(&previous.uasc);
        let (start_last, end_last) = (
            years_before(data.year_start(), 1),
            years_before(data.year_end(), 1),
        );
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if uasc_now.contains(child) {
                continue;
            }
            let Some(last) = uasc_last.get(child) else {
                continue;
            };
            let ceased_last_year = match &last.duc {
                Cell::Value(duc) => (start_last..=end_last).contains(duc),
                Cell::Blank => false,
                // An unreadable date is rule 104's finding.
                Cell::Invalid(_) => continue,
            };
            if !ceased_last_year {
                out.at("Header", row.at.row_number, Some(child), &["CHILD", "UASC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn status_dropped_without_a_last_year_ceasing_date_fails() {
        let now = tables(
            "//- Header
             CHILD
             1
             2
             3
             4
             //- UASC
             CHILD,DUC
             4,",
        );
        let last = tables(
            "//- UASC
             CHILD,DUC
             1,20/01/2025
             2,
             3,20/01/2024
             4,",
        );
        // 1 ceased during 2024-25; 2 and 3 did not; 4 is still UASC.
        assert_eq!(
            findings(&Rule205A, &with_previous(&now, &last)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
