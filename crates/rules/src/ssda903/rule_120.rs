//! 120: the reason the adoption decision was reversed is not an RD code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule120;

static META: RuleMeta = RuleMeta {
    code: "120",
    message: "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
    severity: Severity::Error,
    tables: &["PlacedAdoption"],
    fields: &["REASON_PLACED_CEASED"],
    years: Years::from(2023),
};

impl Rule for Rule120 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PlacedForAdoption)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.placed_for_adoption {
            if row.reason_placed_ceased.is_invalid() {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    id(&row.child),
                    &["REASON_PLACED_CEASED"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: RD1, rd4, blank. Failing: RD0, 1.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- PlacedAdoption
             CHILD,REASON_PLACED_CEASED
             1,RD1
             2,rd4
             3,RD0
             4,1
             5,",
        );
        assert_eq!(
            findings(&Rule120, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
