//! 371: a child in supported accommodation (K3, and H5 before 2025-26) is under 16 at the start of the placement (DfE 903 validation rules).
//!
//! Open placements are checked too; the tool skips episodes without an end date.

use super::util_b::placed_younger_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType::{H5, K3};

pub(crate) struct Rule371;

static META: RuleMeta = RuleMeta {
    code: "371",
    message: "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule371 {
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
        placed_younger_than(data, out, &[H5, K3], 16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn placed_before_the_birthday_fails() {
        // Born 01/01/2010: the birthday that matters falls on 1 January 2026.
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/01/2010
             2,01/01/2010
             3,01/01/2010
             //- Episodes
             CHILD,DECOM,DEC,PLACE
             1,31/12/2025,,K3
             2,01/01/2026,,K3
             3,31/12/2025,,U1",
        );
        assert_eq!(findings(&Rule371, &current(&t)), vec![(1, "1".into())]);
    }
}
