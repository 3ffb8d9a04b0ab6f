//! 182: once any other OC2 health item is given, immunisations, teeth check, health assessment
//! and substance misuse must all be completed (DfE 903 validation rules: complete them or leave
//! every OC2 item blank).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule182;

static META: RuleMeta = RuleMeta {
    code: "182",
    message: "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.",
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

impl Rule for Rule182 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            let core_missing = row.immunisations.is_blank()
                || row.teeth_check.is_blank()
                || row.health_assessment.is_blank()
                || row.substance_misuse.is_blank();
            let others_given = !(row.convicted.is_blank()
                && row.health_check.is_blank()
                && row.intervention_received.is_blank()
                && row.intervention_offered.is_blank());
            if core_missing && others_given {
                out.at(
                    "OC2",
                    row.at.row_number,
                    id(&row.child),
                    &[
                        "IMMUNISATIONS",
                        "TEETH_CHECK",
                        "HEALTH_ASSESSMENT",
                        "SUBSTANCE_MISUSE",
                    ],
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
    fn other_items_without_the_four_core_items_fail() {
        // 1: all blank. 2: convicted only. 3: health check only. 4: substance misuse missing.
        // 5: offered only. 6: everything given. 7: immunisations and health assessment missing.
        // 8: the four core items only.
        let t = tables(
            "//- OC2
             CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CONVICTED,HEALTH_CHECK,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
             1,,,,,,,,
             2,,,,,1,,,
             3,,,,,,1,,
             4,1,1,1,,,,1,
             5,,,,,,,,1
             6,1,1,1,1,1,1,1,1
             7,,1,,1,1,1,1,1
             8,1,1,1,1,,,,",
        );
        let expected: Vec<(u64, String)> = [2, 3, 4, 5, 7].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule182, &current(&t)), expected);
    }
}
