//! 196: the reason for no SDQ score is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule196;

static META: RuleMeta = RuleMeta {
    code: "196",
    message: "Strengths and Difficulties (SDQ) reason is not a valid code.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["SDQ_REASON"],
    years: Years::from(2023),
};

impl Rule for Rule196 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.oc2 {
            if row.sdq_reason.is_invalid() {
                out.at("OC2", row.at.row_number, id(&row.child), &["SDQ_REASON"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: SDQ1, SDQ5, blank. Failing: SDQ6.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- OC2
             CHILD,SDQ_REASON
             1,SDQ1
             2,SDQ5
             3,SDQ6
             4,",
        );
        assert_eq!(findings(&Rule196, &current(&t)), vec![(3, "3".into())]);
    }
}
