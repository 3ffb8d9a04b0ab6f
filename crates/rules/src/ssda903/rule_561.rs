//! 561: a decision to place for adoption that last year's return shows as reversed cannot be
//! reported again this year with the same date (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{PlacedForAdoptionRow, Ssda903Table};

pub(crate) struct Rule561;

static META: RuleMeta = RuleMeta {
    code: "561",
    message: "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
    severity: Severity::Error,
    tables: &["PlacedAdoption", "PlacedAdoption_last"],
    fields: &["DATE_PLACED"],
    years: Years::from(2023),
};

impl Rule for Rule561 {
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
        let mut reversed: HashMap<&str, Vec<&PlacedForAdoptionRow>> = HashMap::default();
        for row in &previous.placed_for_adoption {
            let ceased = !row.date_placed_ceased.is_blank() || !row.reason_placed_ceased.is_blank();
            if let (Some(child), true) = (id(&row.child), ceased) {
                reversed.entry(child).or_default().push(row);
            }
        }
        for row in &data.current.placed_for_adoption {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let repeated = !row.date_placed.is_blank()
                && reversed
                    .get(child)
                    .is_some_and(|last| last.iter().any(|l| l.date_placed == row.date_placed));
            if repeated {
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
    fn repeating_a_reversed_decision_fails() {
        // 1: same date, reversed last year. 2: same date, standing. 3: new date after a reversal.
        let now = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,26/05/2024
             2,26/05/2024
             3,01/07/2025",
        );
        let last = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
             1,26/05/2024,,RD1
             2,26/05/2024,,
             3,26/05/2024,01/01/2025,RD2",
        );
        assert_eq!(
            findings(&Rule561, &with_previous(&now, &last)),
            vec![(1, "1".into())]
        );
    }
}
