//! 522: the decision that a child should be placed for adoption must be on or before the
//! decision that they should no longer be (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule522;

static META: RuleMeta = RuleMeta {
    code: "522",
    message: "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.",
    severity: Severity::Error,
    tables: &["PlacedAdoption"],
    fields: &["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule522 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PlacedForAdoption)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.placed_for_adoption {
            let (Some(placed), Some(ceased)) =
                (row.date_placed.get(), row.date_placed_ceased.get())
            else {
                continue;
            };
            if placed > ceased {
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
    fn a_reversal_before_the_decision_fails() {
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED
             1,01/05/2025,01/06/2025
             2,01/05/2025,01/05/2025
             3,01/07/2025,01/06/2025
             4,01/07/2025,",
        );
        assert_eq!(findings(&Rule522, &current(&t)), vec![(3, "3".into())]);
    }
}
