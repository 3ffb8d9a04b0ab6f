//! 546: a child looked after continuously for 12 months at 31 March and aged 5 or over then
//! must not have the health promotion (health check) item completed (DfE 903 validation rules).
//!
//! The age comes from the OC2 row's own date of birth, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::group_a::util_a::continuously_looked_after;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule546;

static META: RuleMeta = RuleMeta {
    code: "546",
    message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["DOB", "HEALTH_CHECK"],
    years: Years::from(2023),
};

impl Rule for Rule546 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Oc2),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let cohort = continuously_looked_after(data);
        for row in &data.current.oc2 {
            let child = id(&row.child);
            let aged_5 = row
                .dob
                .get()
                .is_some_and(|dob| sightline_model::age_on(dob, data.year_end()) >= 5);
            if aged_5 && child.is_some_and(|c| cohort.contains(c)) && !row.health_check.is_blank() {
                out.at("OC2", row.at.row_number, child, &["DOB", "HEALTH_CHECK"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_health_check_for_a_child_of_5_fails() {
        // 1: cohort, 5 on 31 March, given. 2: cohort, 4, given. 3: not in the cohort, 8, given.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2024,S,C2
             2,01/01/2024,S,C2
             3,01/06/2025,S,C2
             //- OC2
             CHILD,DOB,HEALTH_CHECK
             1,31/03/2021,1
             2,01/04/2021,1
             3,01/01/2018,1",
        );
        assert_eq!(findings(&Rule546, &current(&t)), vec![(1, "1".into())]);
    }
}
