//! 157: reason SDQ1 (too young or too old for an SDQ) is recorded for a child looked after
//! continuously for 12 months who is 4 or over at the start of the year and 16 or under at its
//! end (DfE 903 validation rules).
//!
//! Ages come from the OC2 date of birth. The tool tests "under 16 at the year end" (its 16th
//! birthday on or after 31 March), which leaves out children aged 16 at the year end; the message
//! says 16 or under, which is also the age range rule 186 expects an SDQ score for.

use super::util_a::{continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::age_on;
use sightline_model::codes::SdqReason;

pub(crate) struct Rule157;

static META: RuleMeta = RuleMeta {
    code: "157",
    message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["DOB", "SDQ_REASON"],
    years: Years::from(2023),
};

impl Rule for Rule157 {
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
            let in_sdq_ages = age_on(born, start) >= 4 && age_on(born, end) <= 16;
            let bad = in_sdq_ages
                && child.is_some_and(|c| cohort.contains(c))
                && row.sdq_score.is_blank()
                && row.sdq_reason.get() == Some(SdqReason::SDQ1);
            if bad {
                out.at("OC2", row.at.row_number, child, &["SDQ_REASON", "DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn sdq1_for_a_child_of_sdq_age_in_the_cohort_fails() {
        // 1: aged 10. 2: aged 16 at the year end. 3: 17 at the year end. 4: turns 4 in the
        // year. 5: another reason. 6: not in the 12-month cohort.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2020,S,C2
             2,01/01/2020,S,C2
             3,01/01/2020,S,C2
             4,01/01/2024,S,C2
             5,01/01/2020,S,C2
             6,01/06/2025,S,C2
             //- OC2
             CHILD,DOB,SDQ_SCORE,SDQ_REASON
             1,01/06/2015,,SDQ1
             2,01/04/2009,,SDQ1
             3,31/03/2009,,SDQ1
             4,01/06/2021,,SDQ1
             5,01/06/2015,,SDQ2
             6,01/06/2015,,SDQ1",
        );
        assert_eq!(
            findings(&Rule157, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
