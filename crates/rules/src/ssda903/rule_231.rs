//! 231: an unaccompanied asylum-seeking child is unexpectedly young: born less than 11 years
//! before the end of the collection year (DfE 903 validation rules, from 2024-25).
//!
//! UASC status is having a row in this year's UASC table (see `util_b`). The tool reads a
//! `UASC_STATUS` column that no 903 table has, so it never reports anything.

use super::util_b::{id, uasc_children, years_before};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule231;

static META: RuleMeta = RuleMeta {
    code: "231",
    message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB", "UASC"],
    years: Years::from(2025),
};

impl Rule for Rule231 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Uasc),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let uasc = uasc_children(&data.current.uasc);
        let born_after = years_before(data.year_end(), 11);
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if uasc.contains(child) && row.dob.get().is_some_and(|dob| dob > born_after) {
                out.at("Header", row.at.row_number, Some(child), &["DOB", "UASC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn uasc_children_under_eleven_at_year_end_fail() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/04/2015
             2,31/03/2015
             3,01/04/2015
             //- UASC
             CHILD
             1
             2",
        );
        assert_eq!(findings(&Rule231, &current(&t)), vec![(1, "1".into())]);
    }
}
