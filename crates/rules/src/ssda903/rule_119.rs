//! 119: the date and the reason of a reversed adoption decision must be given together (DfE 903
//! validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule119;

static META: RuleMeta = RuleMeta {
    code: "119",
    message: "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.",
    severity: Severity::Error,
    tables: &["PlacedAdoption"],
    fields: &["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule119 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PlacedForAdoption)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.placed_for_adoption {
            if row.date_placed_ceased.is_blank() != row.reason_placed_ceased.is_blank() {
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
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn one_without_the_other_fails() {
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED
             1,22/11/2025,RD1
             2,08/05/2025,
             3,,RD2
             4,,",
        );
        assert_eq!(
            findings(&Rule119, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
