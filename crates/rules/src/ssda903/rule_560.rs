//! 560: a decision to place for adoption recorded last year and not reversed must carry the
//! same date this year (DfE 903 validation rules).
//!
//! Each of this year's rows is compared with each of last year's standing decisions (date given,
//! no reversal date) for the child, as in the tool; dates are compared as recorded.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{PlacedForAdoptionRow, Ssda903Table};

pub(crate) struct Rule560;

static META: RuleMeta = RuleMeta {
    code: "560",
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
    severity: Severity::Error,
    tables: &["PlacedAdoption", "PlacedAdoption_last"],
    fields: &["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule560 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::PlacedForAdoption),
            Needs::PreviousTable(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let mut standing: HashMap<&str, Vec<&PlacedForAdoptionRow>> = HashMap::default();
        for row in &previous.placed_for_adoption {
            let open = !row.date_placed.is_blank() && row.date_placed_ceased.is_blank();
            if let (Some(child), true) = (id(&row.child), open) {
                standing.entry(child).or_default().push(row);
            }
        }
        for row in &data.current.placed_for_adoption {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let changed = standing
                .get(child)
                .is_some_and(|last| last.iter().any(|l| l.date_placed != row.date_placed));
            if changed {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_date_of_a_standing_decision_fails() {
        // 1: date changed. 2: same date. 3: last year's decision was reversed. 4: now blank.
        let now = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,26/05/2024
             2,26/05/2024
             3,01/07/2025
             4,",
        );
        let last = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED
             1,25/05/2024,
             2,26/05/2024,
             3,26/05/2024,01/01/2025
             4,26/05/2024,",
        );
        assert_eq!(
            findings(&Rule560, &with_previous(&now, &last)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
