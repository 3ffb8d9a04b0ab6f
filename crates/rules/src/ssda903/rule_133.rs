//! 133: the care leaver's accommodation is missing or not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule133;

static META: RuleMeta = RuleMeta {
    code: "133",
    message: "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACCOM"],
    years: Years::from(2023),
};

impl Rule for Rule133 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // ACCOM is required: blank fails as well as text that is not a valid value.
        for row in &data.current.oc3 {
            if row.accom.value().is_none() {
                out.at("OC3", row.at.row_number, id(&row.child), &["ACCOM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: B1, 0. Failing: X, 1, blank.
    #[test]
    fn bad_values_fail_and_blank_fails() {
        let t = tables(
            "//- OC3
             CHILD,ACCOM
             1,B1
             2,0
             3,X
             4,1
             5,",
        );
        assert_eq!(
            findings(&Rule133, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
