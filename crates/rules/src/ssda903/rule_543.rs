//! 543: a child looked after continuously for 12 months at 31 March and aged 10 or over then
//! must have the conviction item completed (DfE 903 validation rules).
//!
//! The age comes from the OC2 row's own date of birth, as in the tool; a child whose 10th
//! birthday is 31 March counts as 10 (the tool's strict comparison leaves them out).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::group_a::util_a::continuously_looked_after;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule543;

static META: RuleMeta = RuleMeta {
    code: "543",
    message: "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &["CONVICTED", "DOB"],
    years: Years::from(2023),
};

impl Rule for Rule543 {
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
            let aged_10 = row
                .dob
                .get()
                .is_some_and(|dob| sightline_model::age_on(dob, data.year_end()) >= 10);
            if aged_10 && child.is_some_and(|c| cohort.contains(c)) && row.convicted.is_blank() {
                out.at("OC2", row.at.row_number, child, &["CONVICTED", "DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_blank_conviction_item_for_an_eligible_child_of_10_fails() {
        // 1: cohort, 12, blank. 2: cohort, 12, given. 3: cohort, 9. 4: started care this year.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2020,S,C2
             2,01/01/2020,S,C2
             3,01/01/2020,S,C2
             4,01/06/2025,S,C2
             //- OC2
             CHILD,DOB,CONVICTED
             1,01/01/2014,
             2,01/01/2014,0
             3,01/01/2017,
             4,01/01/2014,",
        );
        assert_eq!(findings(&Rule543, &current(&t)), vec![(1, "1".into())]);
    }
}
