//! 557: a child for whom adoption was decided (placed for adoption A3-A6, or under a placement
//! order E1) who left care other than by adoption must have the decision reversed, with its date
//! and reason (DfE 903 validation rules).
//!
//! An episode "left care" when its REC is given and is neither `X1` nor adoption (E11/E12); an
//! invalid REC is left to rule 149. Reported on the episode, and on each of the child's
//! PlacedAdoption rows lacking the reversal date or reason, each row once, as in the tool.

use super::util_c::{ended_in_adoption, id, is_placed_for_adoption};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{PlacedForAdoptionRow, Ssda903Table};
use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased};
use std::collections::BTreeSet;

pub(crate) struct Rule557;

static META: RuleMeta = RuleMeta {
    code: "557",
    message: "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &[
        "DATE_PLACED_CEASED",
        "LS",
        "PLACE",
        "REASON_PLACED_CEASED",
        "REC",
    ],
    years: Years::from(2023),
};

/// Whether a decision row lacks its reversal date or reason.
fn not_closed(row: &PlacedForAdoptionRow) -> bool {
    row.date_placed_ceased.is_blank() || row.reason_placed_ceased.is_blank()
}

impl Rule for Rule557 {
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
        let mut decisions: HashMap<&str, Vec<&PlacedForAdoptionRow>> = HashMap::default();
        for row in &data.current.placed_for_adoption {
            if let Some(child) = id(&row.child) {
                decisions.entry(child).or_default().push(row);
            }
        }
        let mut open_rows: BTreeSet<u64> = BTreeSet::new();
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let adoption_decided =
                is_placed_for_adoption(&row.place) || row.ls.get() == Some(LegalStatus::E1);
            let left_not_adopted = row
                .rec
                .get()
                .is_some_and(|rec| rec != ReasonEpisodeCeased::X1)
                && !ended_in_adoption(row);
            if !(adoption_decided && left_not_adopted) {
                continue;
            }
            let rows = decisions.get(child).map(Vec::as_slice).unwrap_or_default();
            let open: Vec<u64> = rows
                .iter()
                .filter(|d| not_closed(d))
                .map(|d| d.at.row_number)
                .collect();
            if rows.is_empty() || !open.is_empty() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["LS", "PLACE", "REC"],
                );
                open_rows.extend(open);
            }
        }
        for row in &data.current.placed_for_adoption {
            if open_rows.contains(&row.at.row_number) {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    id(&row.child),
                    &["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                );
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
    fn leaving_care_unadopted_without_a_reversal_fails() {
        // 1: A3, left, decision open. 2: E1, left, decision reversed. 3: adopted.
        // 4: A5, left, no decision row. 5: A6, moved on (X1).
        let t = tables(
            "//- Episodes
             CHILD,PLACE,LS,REC
             1,A3,C2,E13
             2,U4,E1,E13
             3,A4,E1,E12
             4,A5,C2,E8
             5,A6,E1,X1
             //- PlacedAdoption
             CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED
             1,,
             2,01/02/2026,RD1
             3,,
             5,,",
        );
        assert_eq!(
            rows(&Rule557, &current(&t)),
            vec![("Episodes", 1), ("Episodes", 4), ("PlacedAdoption", 1)]
        );
    }
}
