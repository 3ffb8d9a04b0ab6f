//! 197B: a child looked after continuously for 12 months who turns 4 or 17 during the year has
//! neither an SDQ score nor a reason for having none (DfE 903 validation rules). The age comes
//! from the OC2 date of birth.

use super::util_a::{birthday, continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule197B;

static META: RuleMeta = RuleMeta {
    code: "197B",
    message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["DOB", "SDQ_REASON"],
    years: Years::from(2023),
};

impl Rule for Rule197B {
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
        let year = data.year_start()..=data.year_end();
        for row in &data.current.oc2 {
            let child = id(&row.child);
            let Some(born) = row.dob.get() else {
                continue;
            };
            let turns_4_or_17 =
                year.contains(&birthday(born, 4)) || year.contains(&birthday(born, 17));
            let bad = turns_4_or_17
                && child.is_some_and(|c| cohort.contains(c))
                && row.sdq_score.is_blank()
                && row.sdq_reason.is_blank();
            if bad {
                out.at(
                    "OC2",
                    row.at.row_number,
                    child,
                    &["SDQ_SCORE", "SDQ_REASON"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn nothing_given_for_a_child_turning_4_or_17_fails() {
        // 1: turns 4 on 1 April. 2: turns 17 on 31 March. 3: turns 4, reason given. 4: aged 10.
        // 5: turns 17 but not in the cohort. 6: turns 4 on 1 April of the next year.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2023,S,C2
             2,01/01/2020,S,C2
             3,01/01/2023,S,C2
             4,01/01/2020,S,C2
             5,01/06/2025,S,C2
             6,01/01/2023,S,C2
             //- OC2
             CHILD,DOB,SDQ_SCORE,SDQ_REASON
             1,01/04/2021,,
             2,31/03/2009,,
             3,01/04/2021,,SDQ1
             4,01/06/2015,,
             5,01/06/2008,,
             6,01/04/2022,,",
        );
        assert_eq!(
            findings(&Rule197B, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
