//! 377: more than two temporary placements while the usual foster carers are on holiday (T3) in
//! a 12-month period (DfE 903 validation rules).
//!
//! Follows the DfE text: three or more T3 placements starting within 12 months of each other
//! fail, and each of them is reported. The tool counts all of a child's T3 placements in the
//! return, however far apart.

use super::util_b::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::Months;
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::PlacementType;
use std::collections::BTreeSet;

pub(crate) struct Rule377;

static META: RuleMeta = RuleMeta {
    code: "377",
    message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule377 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found: BTreeSet<u64> = BTreeSet::new();
        let mut rows: Vec<&EpisodeRow> = Vec::new();
        for episodes in episodes_by_child(data.current).values() {
            let holidays: Vec<&EpisodeRow> = episodes
                .iter()
                .copied()
                .filter(|row| row.place.get() == Some(PlacementType::T3))
                .collect();
            for (i, first) in holidays.iter().enumerate() {
                let Some(window_end) = first
                    .decom
                    .get()
                    .and_then(|d| d.checked_add_months(Months::new(12)))
                else {
                    continue;
                };
                let window: Vec<&EpisodeRow> = holidays
                    .iter()
                    .skip(i)
                    .copied()
                    .take_while(|row| row.decom.get().is_some_and(|d| d < window_end))
                    .collect();
                if window.len() > 2 {
                    for row in window {
                        if found.insert(row.at.row_number) {
                            rows.push(row);
                        }
                    }
                }
            }
        }
        rows.sort_by_key(|row| row.at.row_number);
        for row in rows {
            out.at("Episodes", row.at.row_number, id(&row.child), &["PLACE"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_third_holiday_placement_within_a_year_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,PLACE
             1,01/06/2025,T3
             1,05/06/2025,U4
             1,06/08/2025,T3
             1,08/12/2025,T3
             2,01/06/2024,T3
             2,01/06/2025,T3
             2,01/06/2026,T3
             3,01/06/2025,T3
             3,01/09/2025,T3",
        );
        // 2's placements are a year apart.
        assert_eq!(
            findings(&Rule377, &current(&t)),
            vec![(1, "1".into()), (3, "1".into()), (4, "1".into())]
        );
    }
}
