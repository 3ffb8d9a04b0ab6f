//! 185: an SDQ score is given for a child not looked after continuously for 12 months at 31 March
//! (DfE 903 validation rules). The 12-month cohort is defined in `util_a`.

use super::util_a::{continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule185;

static META: RuleMeta = RuleMeta {
    code: "185",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["SDQ_SCORE"],
    years: Years::from(2023),
};

impl Rule for Rule185 {
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
            if !in_cohort && !row.sdq_score.is_blank() {
                out.at("OC2", row.at.row_number, child, &["SDQ_SCORE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_score_outside_the_twelve_month_cohort_fails() {
        // 1: in the cohort. 2: started care in the year. 3: no episodes. 4: no score.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2020,S,C2
             2,01/06/2025,S,C2
             4,01/06/2025,S,C2
             //- OC2
             CHILD,SDQ_SCORE
             1,12
             2,12
             3,12
             4,",
        );
        assert_eq!(
            findings(&Rule185, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
