//! 146: the placement type is not a valid code for the collection year (DfE 903 validation
//! rules; 2025-26 list: H5, P2 and Z1 withdrawn, K3 from 2024-25, Z11-Z14 from 2025-26).
//!
//! The tool's 2024-25 list spells K3 in lower case, so it rejects `K3` that year; here K3 is
//! valid from 2024-25 as the DfE guide says.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType;

pub(crate) struct Rule146;

static META: RuleMeta = RuleMeta {
    code: "146",
    message: "Placement type code is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE"],
    years: Years::from(2023),
};

/// Whether `place` is in the placement list of the collection year ending `year`.
fn valid_in(place: PlacementType, year: i32) -> bool {
    use PlacementType::*;
    match place {
        H5 | P2 | Z1 => year <= 2025,
        K3 => year >= 2025,
        Z11 | Z12 | Z13 | Z14 => year >= 2026,
        _ => true,
    }
}

impl Rule for Rule146 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            // Blank is allowed here; other rules require a placement where one is due.
            let bad = row.place.is_invalid()
                || row
                    .place
                    .get()
                    .is_some_and(|place| !valid_in(place, data.year));
            if bad {
                out.at("Episodes", row.at.row_number, id(&row.child), &["PLACE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    const EPISODES: &str = "//- Episodes
        CHILD,PLACE
        1,U1
        2,K3
        3,Z14
        4,H5
        5,Z1
        6,P2
        7,R4
        8,";

    #[test]
    fn withdrawn_and_unknown_codes_fail_in_2025_26() {
        let t = tables(EPISODES);
        let expected: Vec<(u64, String)> = [4, 5, 6, 7].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule146, &current(&t)), expected);
    }

    #[test]
    fn the_list_follows_the_collection_year() {
        let t = tables(EPISODES);
        let mut data = current(&t);
        data.year = 2025;
        assert_eq!(
            findings(&Rule146, &data),
            vec![(3, "3".into()), (7, "7".into())]
        );
        data.year = 2024;
        let expected: Vec<(u64, String)> = [2, 3, 7].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule146, &data), expected);
    }
}
