//! 503D: the placement type of this year's first episode must match last year's episode that
//! was still open at 31 March (DfE 903 validation rules).
//!
//! Codes withdrawn from the list count as unchanged when recoded to their successors: `H5` (last
//! valid in 2024-25) continuing as `K3` from 2024-25, and `Z1` (last valid in 2024-25) continuing
//! as `Z11`-`Z14` from 2025-26. The DfE note names H5 to K3 for 2024-25 only and the tool's
//! shared helper applies it in 2024-25 only, but its own 2025-26 test expects `Z1` to `Z13`/`Z14`
//! to pass, and a placement open at 31 March 2025 as H5 can only be recorded as K3 in 2025-26.

use super::util_c::first_episode_differs_from_last_year;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::PlacementType;

pub(crate) struct Rule503D;

static META: RuleMeta = RuleMeta {
    code: "503D",
    message: "The placement type in the first episode does not match open episode at end of last year",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PLACE"],
    years: Years::from(2023),
};

/// Whether `now` is the successor code of last year's withdrawn `last` in collection `year`.
fn recoded(last: &Cell<PlacementType>, now: &Cell<PlacementType>, year: i32) -> bool {
    use PlacementType::{H5, K3, Z1, Z11, Z12, Z13, Z14};
    match (last.get(), now.get()) {
        (Some(H5), Some(K3)) => year >= 2025,
        (Some(Z1), Some(Z11 | Z12 | Z13 | Z14)) => year >= 2026,
        _ => false,
    }
}

impl Rule for Rule503D {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::PreviousTable(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        first_episode_differs_from_last_year(data, out, "PLACE", |first, last| {
            first.place != last.place && !recoded(&last.place, &first.place, data.year)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_placement_type_fails_successor_codes_pass() {
        // 1: same. 2: changed. 3: H5 to K3. 4: Z1 to Z13. 5: H5 to R1.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,PLACE
             1,01/01/2025,U4
             2,01/01/2025,U6
             3,01/01/2025,K3
             4,01/01/2025,Z13
             5,01/01/2025,R1",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,PLACE
             1,01/01/2025,U4
             2,01/01/2025,U4
             3,01/01/2025,H5
             4,01/01/2025,Z1
             5,01/01/2025,H5",
        );
        assert_eq!(
            findings(&Rule503D, &with_previous(&now, &last)),
            vec![(2, "2".into()), (5, "5".into())]
        );
    }

    #[test]
    fn z1_successors_only_count_from_2025_26() {
        let (z1, z13) = (
            Cell::Value(PlacementType::Z1),
            Cell::Value(PlacementType::Z13),
        );
        assert!(recoded(&z1, &z13, 2026));
        assert!(!recoded(&z1, &z13, 2025));
    }
}
