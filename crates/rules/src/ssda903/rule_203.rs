//! 203: the child's date of birth differs from the one recorded in last year's Header (DfE 903
//! validation rules).
//!
//! A blank or invalid date against last year's is a difference, as in the tool (which compares
//! the text); invalid text is compared verbatim.

use super::util_b::{header_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule203;

static META: RuleMeta = RuleMeta {
    code: "203",
    message: "Date of birth disagrees with the date of birth already recorded for this child.",
    severity: Severity::Error,
    tables: &["Header", "Header_last"],
    fields: &["DOB"],
    years: Years::from(2023),
};

impl Rule for Rule203 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::PreviousTable(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let last_year = header_by_child(&previous.header);
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if last_year.get(child).is_some_and(|last| last.dob != row.dob) {
                out.at("Header", row.at.row_number, Some(child), &["DOB"]);
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
    fn a_different_date_of_birth_fails() {
        let now = tables(
            "//- Header
             CHILD,DOB
             1,01/02/2012
             2,02/02/2012
             3,3/2/2012
             4,04/02/2012",
        );
        let last = tables(
            "//- Header
             CHILD,DOB
             1,01/02/2012
             2,01/02/2012
             3,03/02/2012",
        );
        assert_eq!(
            findings(&Rule203, &with_previous(&now, &last)),
            vec![(2, "2".into())]
        );
    }
}
