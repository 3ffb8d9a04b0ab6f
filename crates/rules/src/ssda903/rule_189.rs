//! 189: an SDQ score or a reason for none is given for a young person aged 17 or over at the
//! start of the year (DfE 903 validation rules). The age comes from the OC2 date of birth.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::age_on;

pub(crate) struct Rule189;

static META: RuleMeta = RuleMeta {
    code: "189",
    message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["DOB", "SDQ_REASON", "SDQ_SCORE"],
    years: Years::from(2023),
};

impl Rule for Rule189 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let start = data.year_start();
        for row in &data.current.oc2 {
            let seventeen = row.dob.get().is_some_and(|born| age_on(born, start) >= 17);
            let sdq_given = !(row.sdq_score.is_blank() && row.sdq_reason.is_blank());
            if seventeen && sdq_given {
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
    fn sdq_data_for_a_seventeen_year_old_at_the_year_start_fails() {
        // 1: turns 17 on 1 April. 2: turns 17 on 2 April. 3: aged 10. 4: aged 18, nothing.
        // 5: aged 18 with a reason.
        let t = tables(
            "//- OC2
             CHILD,DOB,SDQ_SCORE,SDQ_REASON
             1,01/04/2008,12,
             2,02/04/2008,12,
             3,01/01/2015,12,
             4,31/03/2007,,
             5,31/03/2007,,SDQ1",
        );
        assert_eq!(
            findings(&Rule189, &current(&t)),
            vec![(1, "1".into()), (5, "5".into())]
        );
    }
}
