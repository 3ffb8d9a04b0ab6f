//! 198: a reason for no SDQ score is given for a child not looked after continuously for 12
//! months at 31 March (DfE 903 validation rules). The cohort is defined in `util_a`.

use super::util_a::{continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule198;

static META: RuleMeta = RuleMeta {
    code: "198",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed. ",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["SDQ_REASON"],
    years: Years::from(2023),
};

impl Rule for Rule198 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc2),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let cohort = continuously_looked_after(data);
        for row in &data.current.oc2 {
            let child = id(&row.child);
            let in_cohort = child.is_some_and(|c| cohort.contains(c));
            if !in_cohort && !row.sdq_reason.is_blank() {
                out.at("OC2", row.at.row_number, child, &["SDQ_REASON"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_reason_outside_the_twelve_month_cohort_fails() {
        // 1: in the cohort. 2: left care in the year. 3: short breaks. 4: no reason.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS,DEC,REC
             1,01/01/2020,S,C2,,
             2,01/01/2020,S,C2,01/10/2025,E13
             3,01/01/2020,S,V3,,
             4,01/06/2025,S,C2,,
             //- OC2
             CHILD,SDQ_REASON
             1,SDQ2
             2,SDQ2
             3,SDQ4
             4,",
        );
        assert_eq!(
            findings(&Rule198, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
