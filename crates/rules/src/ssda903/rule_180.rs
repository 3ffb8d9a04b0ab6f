//! 180: the SDQ score is not a whole number from 0 to 40 (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule180;

static META: RuleMeta = RuleMeta {
    code: "180",
    message: "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["SDQ_SCORE"],
    years: Years::from(2023),
};

impl Rule for Rule180 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.oc2 {
            if row.sdq_score.is_invalid() {
                out.at("OC2", row.at.row_number, id(&row.child), &["SDQ_SCORE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: 0, 40, blank. Failing: 41, 39.5, XX.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- OC2
             CHILD,SDQ_SCORE
             1,0
             2,40
             3,41
             4,39.5
             5,XX
             6,",
        );
        assert_eq!(
            findings(&Rule180, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
