//! 190: OC2 health and offending items are completed for a child not looked after continuously
//! for 12 months at 31 March (DfE 903 validation rules). The cohort is defined in `util_a`.

use super::util_a::{continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule190;

static META: RuleMeta = RuleMeta {
    code: "190",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &[
        "CONVICTED",
        "HEALTH_ASSESSMENT",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "INTERVENTION_OFFERED",
        "INTERVENTION_RECEIVED",
        "SUBSTANCE_MISUSE",
        "TEETH_CHECK",
    ],
    years: Years::from(2023),
};

impl Rule for Rule190 {
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
            let given = [
                &row.convicted,
                &row.health_check,
                &row.immunisations,
                &row.teeth_check,
                &row.health_assessment,
                &row.substance_misuse,
                &row.intervention_received,
                &row.intervention_offered,
            ]
            .iter()
            .any(|cell| !cell.is_blank());
            if given && !child.is_some_and(|c| cohort.contains(c)) {
                out.at("OC2", row.at.row_number, child, META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn items_completed_outside_the_cohort_fail() {
        // 1: in the cohort. 2: started care in the year. 3: not in care, blank row.
        // 4: no episodes.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2020,S,C2
             2,01/06/2025,S,C2
             3,01/06/2025,S,C2
             //- OC2
             CHILD,CONVICTED,TEETH_CHECK
             1,1,1
             2,,0
             3,,
             4,x,",
        );
        assert_eq!(
            findings(&Rule190, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
