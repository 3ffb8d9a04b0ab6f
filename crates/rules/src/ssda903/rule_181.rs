//! 181: the OC2 yes/no items must be 0 or 1 when given (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule181;

static META: RuleMeta = RuleMeta {
    code: "181",
    message: "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
    severity: Severity::Error,
    tables: &["OC2"],
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

impl Rule for Rule181 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            let items = [
                ("CONVICTED", &row.convicted),
                ("HEALTH_CHECK", &row.health_check),
                ("IMMUNISATIONS", &row.immunisations),
                ("TEETH_CHECK", &row.teeth_check),
                ("HEALTH_ASSESSMENT", &row.health_assessment),
                ("SUBSTANCE_MISUSE", &row.substance_misuse),
                ("INTERVENTION_RECEIVED", &row.intervention_received),
                ("INTERVENTION_OFFERED", &row.intervention_offered),
            ];
            let invalid: Vec<&'static str> = items
                .iter()
                .filter(|(_, cell)| cell.is_invalid())
                .map(|(name, _)| *name)
                .collect();
            if !invalid.is_empty() {
                out.at("OC2", row.at.row_number, id(&row.child), &invalid);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn any_item_other_than_0_or_1_fails_once_per_row() {
        let t = tables(
            "//- OC2
             CHILD,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
             1,1,1,1,1,1,0,0,1
             2,,,,,,,,
             3,2,2,,,,1,1,0
             4,2,2,2,2,2,2,2,2
             5,0,0,0,0,0,0,,yes",
        );
        assert_eq!(
            findings(&Rule181, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
