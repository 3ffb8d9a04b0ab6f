//! 583: when several decisions to place for adoption are reported, every one but the latest
//! must have been reversed (DfE 903 validation rules).
//!
//! Reported on each unreversed row that is not the child's latest decision, and on every
//! unreversed row of a child with more than one, as in the tool. The latest decision is the
//! row with the latest valid `DATE_PLACED` (the first such row on a tie).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{PlacedForAdoptionRow, Ssda903Table};

pub(crate) struct Rule583;

static META: RuleMeta = RuleMeta {
    code: "583",
    message: "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.",
    severity: Severity::Error,
    tables: &["PlacedAdoption"],
    fields: &["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule583 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PlacedForAdoption)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = &data.current.placed_for_adoption;
        let mut latest: HashMap<&str, &PlacedForAdoptionRow> = HashMap::default();
        let mut unreversed: HashMap<&str, usize> = HashMap::default();
        for row in rows {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if row.date_placed_ceased.is_blank() {
                *unreversed.entry(child).or_default() += 1;
            }
            let later = latest
                .get(child)
                .is_none_or(|best| row.date_placed.get() > best.date_placed.get());
            if later {
                latest.insert(child, row);
            }
        }
        for row in rows {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !row.date_placed_ceased.is_blank() {
                continue;
            }
            let is_latest = latest
                .get(child)
                .is_some_and(|best| best.at.row_number == row.at.row_number);
            let several_open = unreversed.get(child).is_some_and(|n| *n > 1);
            if several_open || !is_latest {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    META.fields,
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
    fn an_earlier_unreversed_decision_fails() {
        // 1: earlier reversed, latest open (passes). 2: two open. 3: earlier open, latest reversed.
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED
             1,01/02/2025,02/02/2025
             1,03/02/2025,
             2,01/02/2025,
             2,02/02/2025,
             3,01/02/2025,02/02/2025
             3,01/01/2025,",
        );
        assert_eq!(
            findings(&Rule583, &current(&t)),
            vec![(3, "2".into()), (4, "2".into()), (6, "3".into())]
        );
    }
}
