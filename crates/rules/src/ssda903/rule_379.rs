//! 379: a temporary placement for another reason (T4) lasts more than seven days (DfE 903 validation rules).
//!
//! A placement still open at the end of the year is measured to 31 March: it has already
//! exceeded the limit if that is more than 7 days. The tool skips open placements.

use super::util_b::placement_longer_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType;

pub(crate) struct Rule379;

static META: RuleMeta = RuleMeta {
    code: "379",
    message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule379 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        placement_longer_than(data, out, &[PlacementType::T4], 7);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn placements_over_the_limit_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,PLACE
             1,01/01/2026,08/01/2026,T4
             2,01/01/2026,09/01/2026,T4
             3,01/01/2026,09/01/2026,U1
             4,01/01/2026,,T4",
        );
        assert_eq!(
            findings(&Rule379, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
