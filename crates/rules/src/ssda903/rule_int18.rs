//! INT18: the date of birth in the UASC table differs from the child's Header date of birth
//! (DfE 903 validation rules, internal integrity check).
//!
//! Only valid dates are compared, as in the tool; a blank or invalid date is reported by the
//! date rules.

use super::util_d::{id, report_dob_differs};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt18;

static META: RuleMeta = RuleMeta {
    code: "INT18",
    message: "Internal Check: DOB in UASC is different to DOB in Header.",
    severity: Severity::Error,
    tables: &["Header", "UASC"],
    fields: &["DOB"],
    years: Years::from(2023),
};

impl Rule for RuleInt18 {
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
        let rows = data
            .current
            .uasc
            .iter()
            .map(|row| (row.at.row_number, id(&row.child), row.dob.get()));
        report_dob_differs(data, out, "UASC", rows);
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
             //- UASC
             CHILD,DOB
             1,1/2/2012
             2,02/02/2012
             3,01/02/2012
             4,01/02/2012
             1,xx",
        );
        assert_eq!(findings(&RuleInt18, &current(&t)), vec![(2, "2".into())]);
    }

    #[test]
    fn matching_dates_pass() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/02/2012
             //- UASC
             CHILD,DOB
             1,01/02/2012",
        );
        assert!(findings(&RuleInt18, &current(&t)).is_empty());
    }
}
