//! 628: motherhood details are given for a care leaver who was not looked after during the year
//! (DfE 903 validation rules).
//!
//! The cohort: Header children with no episode this year and an OC3 row with at least one
//! care-leaver item given.

use super::util_d::{care_leaver_items_given, children_with_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule628;

static META: RuleMeta = RuleMeta {
    code: "628",
    message: "Motherhood details are not required for care leavers who have not been looked after during the year.",
    severity: Severity::Error,
    tables: &["Episodes", "Header", "OC3"],
    fields: &["MOTHER"],
    years: Years::from(2023),
};

impl Rule for Rule628 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let looked_after = children_with_episodes(&data.current.episodes);
        let care_leavers: HashSet<&str> = data
            .current
            .oc3
            .iter()
            .filter(|row| care_leaver_items_given(row))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !row.mother.is_blank()
                && care_leavers.contains(child)
                && !looked_after.contains(child)
            {
                out.at("Header", row.at.row_number, Some(child), &["MOTHER"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn mother_status_for_care_leavers_not_looked_after_fails() {
        // 1: care leaver, mother status given. 2: OC3 items all blank. 3: looked after.
        // 4: mother status blank.
        let t = tables(
            "//- Header
             CHILD,MOTHER
             1,1
             2,0
             3,1
             4,
             //- Episodes
             CHILD,DECOM
             3,01/05/2025
             //- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,YES,,
             2,,,
             3,YES,F2,B1
             4,YES,,",
        );
        assert_eq!(findings(&Rule628, &current(&t)), vec![(1, "1".into())]);
    }
}
