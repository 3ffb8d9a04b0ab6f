//! 186: a child looked after continuously for 12 months, aged 4 or over at the start of the year
//! and under 17 at its end, has neither an SDQ score nor a reason for having none (DfE 903
//! validation rules).
//!
//! The tool reports the row when either the score or the reason is blank, so it also flags every
//! row with a score and (rightly, per rule 197a) no reason; here the row is reported only when
//! both are blank, since a reason (SDQ2-SDQ5) is how the return explains a missing score.

use super::util_a::{continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::age_on;

pub(crate) struct Rule186;

static META: RuleMeta = RuleMeta {
    code: "186",
    message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["SDQ_SCORE"],
    years: Years::from(2023),
};

impl Rule for Rule186 {
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
        let (start, end) = (data.year_start(), data.year_end());
        for row in &data.current.oc2 {
            let child = id(&row.child);
            let Some(born) = row.dob.get() else {
                continue;
            };
            let in_sdq_ages = age_on(born, start) >= 4 && age_on(born, end) < 17;
            let bad = in_sdq_ages
                && child.is_some_and(|c| cohort.contains(c))
                && row.sdq_score.is_blank()
                && row.sdq_reason.is_blank();
            if bad {
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
    fn a_child_of_sdq_age_in_the_cohort_without_score_or_reason_fails() {
        // 1: aged 10, nothing. 2: score. 3: reason. 4: turns 4 in the year. 5: 17 at the year
        // end. 6: not in the cohort.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2020,S,C2
             2,01/01/2020,S,C2
             3,01/01/2020,S,C2
             4,01/01/2023,S,C2
             5,01/01/2020,S,C2
             6,01/06/2025,S,C2
             //- OC2
             CHILD,DOB,SDQ_SCORE,SDQ_REASON
             1,01/06/2015,,
             2,01/06/2015,12,
             3,01/06/2015,,SDQ2
             4,01/06/2021,,
             5,31/03/2009,,
             6,01/06/2015,,",
        );
        assert_eq!(findings(&Rule186, &current(&t)), vec![(1, "1".into())]);
    }
}
