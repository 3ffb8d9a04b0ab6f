//! 197a: a reason for no SDQ score is given although the SDQ score is filled in (DfE 903
//! validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule197a;

static META: RuleMeta = RuleMeta {
    code: "197a",
    message: "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["SDQ_REASON", "SDQ_SCORE"],
    years: Years::from(2023),
};

impl Rule for Rule197a {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            if !row.sdq_score.is_blank() && !row.sdq_reason.is_blank() {
                out.at("OC2", row.at.row_number, id(&row.child), &["SDQ_REASON"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_reason_alongside_a_score_fails() {
        let t = tables(
            "//- OC2
             CHILD,SDQ_SCORE,SDQ_REASON
             1,0,SDQ1
             2,,
             3,10,
             4,1,SDQ4
             5,,SDQ2",
        );
        assert_eq!(
            findings(&Rule197a, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
