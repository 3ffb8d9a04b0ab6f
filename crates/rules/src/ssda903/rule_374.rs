//! 374: a child in residential employment (P3) is under 14 at the start of the placement (DfE 903 validation rules).
//!
//! Open placements are checked too; the tool skips episodes without an end date.

use super::util_b::placed_younger_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType::P3;

pub(crate) struct Rule374;

static META: RuleMeta = RuleMeta {
    code: "374",
    message: "Child in residential employment should be at least 14 years old.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule374 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        placed_younger_than(data, out, &[P3], 14);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn placed_before_the_birthday_fails() {
        // Born 01/01/2012: the birthday that matters falls on 1 January 2026.
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/01/2012
             2,01/01/2012
             3,01/01/2012
             //- Episodes
             CHILD,DECOM,DEC,PLACE
             1,31/12/2025,,P3
             2,01/01/2026,,P3
             3,31/12/2025,,U1",
        );
        assert_eq!(findings(&Rule374, &current(&t)), vec![(1, "1".into())]);
    }
}
