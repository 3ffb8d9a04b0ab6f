//! 188: an SDQ score or a reason for none is given for a child under 4 at the end of the year
//! (DfE 903 validation rules). The age comes from the OC2 date of birth.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::age_on;

pub(crate) struct Rule188;

static META: RuleMeta = RuleMeta {
    code: "188",
    message: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["SDQ_REASON", "SDQ_SCORE"],
    years: Years::from(2023),
};

impl Rule for Rule188 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let end = data.year_end();
        for row in &data.current.oc2 {
            let under_four = row.dob.get().is_some_and(|born| age_on(born, end) < 4);
            let sdq_given = !(row.sdq_score.is_blank() && row.sdq_reason.is_blank());
            if under_four && sdq_given {
                out.at(
                    "OC2",
                    row.at.row_number,
                    id(&row.child),
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
    fn sdq_data_for_a_child_under_four_at_the_year_end_fails() {
        // 1: aged 3 with a score. 2: aged 3 with a reason. 3: turns 4 on 31 March. 4: turns 4
        // on 1 April. 5: aged 3, nothing given.
        let t = tables(
            "//- OC2
             CHILD,DOB,SDQ_SCORE,SDQ_REASON
             1,01/01/2023,12,
             2,01/01/2023,,SDQ1
             3,31/03/2022,12,
             4,01/04/2022,12,
             5,01/01/2023,,",
        );
        let expected: Vec<(u64, String)> = [1, 2, 4].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule188, &current(&t)), expected);
    }
}
