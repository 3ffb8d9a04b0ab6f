//! 563: a reversed decision (reversal date and reason given) must have the date of the decision
//! to place for adoption (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule563;

static META: RuleMeta = RuleMeta {
    code: "563",
    message: "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank",
    severity: Severity::Error,
    tables: &["PlacedAdoption"],
    fields: &["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule563 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PlacedForAdoption)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.placed_for_adoption {
            let reversed =
                !row.date_placed_ceased.is_blank() && !row.reason_placed_ceased.is_blank();
            if reversed && row.date_placed.is_blank() {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    id(&row.child),
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
    fn a_reversal_without_the_decision_date_fails() {
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
             1,26/05/2024,01/02/2025,RD1
             2,,26/05/2025,RD4
             3,,,",
        );
        assert_eq!(findings(&Rule563, &current(&t)), vec![(2, "2".into())]);
    }
}
