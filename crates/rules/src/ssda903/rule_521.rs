//! 521: the date of the decision that adoption is in the child's best interests (AD1 `DATE_INT`)
//! must be on or before the start of every placement for adoption (A3-A6) (DfE 903 validation
//! rules).
//!
//! Reported on the placement episode and on the AD1 row, each once, as the tool reports both.

use super::util_c::{id, is_placed_for_adoption};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;
use std::collections::BTreeSet;

pub(crate) struct Rule521;

static META: RuleMeta = RuleMeta {
    code: "521",
    message: "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &["DATE_INT", "DECOM", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule521 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Ad1),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut decisions: HashMap<&str, Vec<(u64, NaiveDate)>> = HashMap::default();
        for row in &data.current.ad1 {
            if let (Some(child), Some(date)) = (id(&row.child), row.date_int.get()) {
                decisions
                    .entry(child)
                    .or_default()
                    .push((row.at.row_number, date));
            }
        }
        let mut late_decisions: BTreeSet<u64> = BTreeSet::new();
        for row in &data.current.episodes {
            let (Some(child), Some(start)) = (id(&row.child), row.decom.get()) else {
                continue;
            };
            if !is_placed_for_adoption(&row.place) {
                continue;
            }
            let late: Vec<u64> = decisions
                .get(child)
                .into_iter()
                .flatten()
                .filter(|(_, date)| *date > start)
                .map(|(ad1_row, _)| *ad1_row)
                .collect();
            if !late.is_empty() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["DECOM", "PLACE"],
                );
                late_decisions.extend(late);
            }
        }
        for row in &data.current.ad1 {
            if late_decisions.contains(&row.at.row_number) {
                out.at("AD1", row.at.row_number, id(&row.child), &["DATE_INT"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::rows;
    use super::*;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn a_decision_after_the_adoption_placement_fails_on_both_rows() {
        // 1: placed A6 before the decision, then A5 after it. 2: placed on the decision day.
        let t = tables(
            "//- AD1
             CHILD,DATE_INT
             1,08/03/2025
             2,22/06/2025
             //- Episodes
             CHILD,DECOM,PLACE
             1,01/01/2025,A6
             1,01/11/2025,A5
             1,22/01/2025,U4
             2,22/06/2025,A3",
        );
        assert_eq!(
            rows(&Rule521, &current(&t)),
            vec![("Episodes", 1), ("AD1", 1)]
        );
    }
}
