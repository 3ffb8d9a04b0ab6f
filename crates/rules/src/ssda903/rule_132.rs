//! 132: the care leaver's activity is missing or not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule132;

static META: RuleMeta = RuleMeta {
    code: "132",
    message: "Data entry for activity after leaving care is invalid.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACTIV"],
    years: Years::from(2023),
};

impl Rule for Rule132 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // ACTIV is required: blank fails as well as text that is not a valid value.
        for row in &data.current.oc3 {
            if row.activ.value().is_none() {
                out.at("OC3", row.at.row_number, id(&row.child), &["ACTIV"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: F1, 0. Failing: 1, X, blank.
    #[test]
    fn bad_values_fail_and_blank_fails() {
        let t = tables(
            "//- OC3
             CHILD,ACTIV
             1,F1
             2,0
             3,1
             4,X
             5,",
        );
        assert_eq!(
            findings(&Rule132, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
