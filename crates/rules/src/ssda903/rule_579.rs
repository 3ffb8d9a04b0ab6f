//! 579: a child's decisions to place for adoption cannot overlap: each new decision needs the
//! previous one reversed, on or before the new decision's date (DfE 903 validation rules).
//!
//! A child's rows are ordered by `DATE_PLACED` (rows without a valid date are left out); a row
//! is reported when the previous decision has no reversal date or was reversed after this
//! decision, as in the tool. An invalid reversal date is left to rule 116.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, PlacedForAdoptionRow, Ssda903Table};

pub(crate) struct Rule579;

static META: RuleMeta = RuleMeta {
    code: "579",
    message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
    severity: Severity::Error,
    tables: &["PlacedAdoption"],
    fields: &["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule579 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PlacedForAdoption)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut by_child: HashMap<&str, Vec<&PlacedForAdoptionRow>> = HashMap::default();
        for row in &data.current.placed_for_adoption {
            if let (Some(child), Some(_)) = (id(&row.child), row.date_placed.get()) {
                by_child.entry(child).or_default().push(row);
            }
        }
        let mut overlapping: Vec<&PlacedForAdoptionRow> = Vec::new();
        for rows in by_child.values_mut() {
            rows.sort_by_key(|row| (row.date_placed.get(), row.at.row_number));
            for pair in rows.windows(2) {
                let [previous, row] = pair else { continue };
                let overlaps = match previous.date_placed_ceased {
                    Cell::Blank => true,
                    Cell::Value(ceased) => row.date_placed.get().is_some_and(|d| d < ceased),
                    Cell::Invalid(_) => false,
                };
                if overlaps {
                    overlapping.push(row);
                }
            }
        }
        overlapping.sort_by_key(|row| row.at.row_number);
        for row in overlapping {
            out.at(
                "PlacedAdoption",
                row.at.row_number,
                id(&row.child),
                META.fields,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn overlapping_or_unreversed_decisions_fail() {
        // 1: second decision before the first was reversed. 2: first never reversed.
        // 3: reversed, then a new decision the same day.
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED
             1,01/06/2025,05/06/2025
             1,04/06/2025,
             2,03/06/2025,
             2,07/06/2025,09/06/2025
             3,02/06/2025,04/06/2025
             3,04/06/2025,",
        );
        assert_eq!(
            findings(&Rule579, &current(&t)),
            vec![(2, "1".into()), (4, "2".into())]
        );
    }
}
