//! 215: a care leaver (OC3 data given) also has OC2 data for children looked after 12 months
//! (DfE 903 validation rules).
//!
//! Reported on the OC2 row, which holds the data that should not be there; the tool reports
//! both rows.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Oc2Row, Ssda903Table};

pub(crate) struct Rule215;

static META: RuleMeta = RuleMeta {
    code: "215",
    message: "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.",
    severity: Severity::Error,
    tables: &["OC2", "OC3"],
    fields: &[
        "ACCOM",
        "ACTIV",
        "CONVICTED",
        "HEALTH_ASSESSMENT",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "INTERVENTION_OFFERED",
        "INTERVENTION_RECEIVED",
        "IN_TOUCH",
        "SUBSTANCE_MISUSE",
        "TEETH_CHECK",
    ],
    years: Years::from(2023),
};

/// The OC2 items that must be blank for a care leaver.
const OC2_FIELDS: &[&str] = &[
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
];

fn has_oc2_data(row: &Oc2Row) -> bool {
    [
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
    .any(|cell| !cell.is_blank())
}

impl Rule for Rule215 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Oc2),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let leavers: HashSet<&str> = data
            .current
            .oc3
            .iter()
            .filter(|r| !r.in_touch.is_blank() || !r.activ.is_blank() || !r.accom.is_blank())
            .filter_map(|r| id(&r.child))
            .collect();
        for row in &data.current.oc2 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if leavers.contains(child) && has_oc2_data(row) {
                out.at("OC2", row.at.row_number, Some(child), OC2_FIELDS);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn oc2_items_for_a_care_leaver_fail() {
        let t = tables(
            "//- OC2
             CHILD,IMMUNISATIONS,CONVICTED
             A,1,
             B,,
             C,1,1
             D,0,
             //- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             A,DIED,,
             B,YES,,
             C,,,
             D,,,XXX",
        );
        assert_eq!(
            findings(&Rule215, &current(&t)),
            vec![(1, "A".into()), (4, "D".into())]
        );
    }
}
