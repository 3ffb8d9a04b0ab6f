//! INT12: the date of birth in the PlacedAdoption table differs from the child's Header date of birth
//! (DfE 903 validation rules, internal integrity check).
//!
//! Only valid dates are compared, as in the tool; a blank or invalid date is reported by the
//! date rules.

use super::util_d::{id, report_dob_differs};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt12;

static META: RuleMeta = RuleMeta {
    code: "INT12",
    message: "Internal Check: DOB in PlacedAdoption is different to DOB in Header.",
    severity: Severity::Error,
    tables: &["Header", "PlacedAdoption"],
    fields: &["DOB"],
    years: Years::from(2023),
};

impl Rule for RuleInt12 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = data
            .current
            .placed_for_adoption
            .iter()
            .map(|row| (row.at.row_number, id(&row.child), row.dob.get()));
        report_dob_differs(data, out, "PlacedAdoption", rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_different_date_of_birth_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/02/2012
             2,01/02/2012
             3,
             //- PlacedAdoption
             CHILD,DOB
             1,1/2/2012
             2,02/02/2012
             3,01/02/2012
             4,01/02/2012
             1,xx",
        );
        assert_eq!(findings(&RuleInt12, &current(&t)), vec![(2, "2".into())]);
    }

    #[test]
    fn matching_dates_pass() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/02/2012
             //- PlacedAdoption
             CHILD,DOB
             1,01/02/2012",
        );
        assert!(findings(&RuleInt12, &current(&t)).is_empty());
    }
}
