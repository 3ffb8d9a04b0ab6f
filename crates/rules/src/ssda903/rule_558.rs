//! 558: an adopted child's decision to be placed for adoption cannot have been reversed: the
//! decision that led to the adoption must have no reversal date (DfE 903 validation rules).
//!
//! A child adopted this year (an episode ending E11/E12) fails when every one of their
//! PlacedAdoption rows has a reversal date, so no standing decision is left; earlier reversed
//! decisions beside a standing one are allowed. The tool reports only children with two or more
//! reversal dates in one calendar year, a condition the DfE text does not have. Reported on the
//! adoption episode, as in the tool.

use super::util_c::{ended_in_adoption, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule558;

static META: RuleMeta = RuleMeta {
    code: "558",
    message: "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED_CEASED", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule558 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Per child: whether every decision row has a reversal date.
        let mut all_reversed: HashMap<&str, bool> = HashMap::default();
        for row in &data.current.placed_for_adoption {
            if let Some(child) = id(&row.child) {
                let reversed = !row.date_placed_ceased.is_blank();
                all_reversed
                    .entry(child)
                    .and_modify(|all| *all &= reversed)
                    .or_insert(reversed);
            }
        }
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if ended_in_adoption(row) && all_reversed.get(child).copied().unwrap_or(false) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["REC", "DATE_PLACED_CEASED"],
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
    fn an_adoption_with_only_reversed_decisions_fails() {
        // 1: decision standing. 2: only a reversed decision. 3: reversed then standing.
        // 4: not adopted.
        let t = tables(
            "//- Episodes
             CHILD,REC
             1,E11
             2,E12
             3,E11
             4,E13
             //- PlacedAdoption
             CHILD,DATE_PLACED_CEASED
             1,
             2,01/01/2025
             3,01/01/2025
             3,
             4,01/01/2025",
        );
        assert_eq!(findings(&Rule558, &current(&t)), vec![(2, "2".into())]);
    }
}
