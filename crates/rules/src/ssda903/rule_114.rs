//! 114: whether the child was adopted by former foster carers is not 0 or 1 (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule114;

static META: RuleMeta = RuleMeta {
    code: "114",
    message: "Data entry to record the status of former carer(s) of an adopted child is invalid.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["FOSTER_CARE"],
    years: Years::from(2023),
};

impl Rule for Rule114 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.ad1 {
            if row.foster_care.is_invalid() {
                out.at("AD1", row.at.row_number, id(&row.child), &["FOSTER_CARE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: 0, 1, blank. Failing: 2, former foster carer.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- AD1
             CHILD,FOSTER_CARE
             1,0
             2,1
             3,2
             4,former foster carer
             5,",
        );
        assert_eq!(
            findings(&Rule114, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
