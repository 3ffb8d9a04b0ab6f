//! 526: every episode needs a placement provider, except temporary placements (T0-T4) and the
//! "other placement" codes (Z1 until 2024-25, Z11-Z14 from 2025-26) (DfE 903 validation rules).
//!
//! The exempt "other placement" codes follow the collection year's placement list: in 2025-26
//! `Z1` is no longer a valid code and is not exempt, as in the tool's 2025-26 rule. A blank
//! placement is not exempt, as in the tool; an invalid one is left to rule 146.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::PlacementType;

pub(crate) struct Rule526;

static META: RuleMeta = RuleMeta {
    code: "526",
    message: "Child is missing a placement provider code for at least one episode.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "PLACE_PROVIDER"],
    years: Years::from(2023),
};

/// Whether a placement needs no provider in the collection year ending `year`.
fn exempt(place: PlacementType, year: i32) -> bool {
    use PlacementType::{Z1, Z11, Z12, Z13, Z14};
    match place {
        Z1 => year <= 2025,
        Z11 | Z12 | Z13 | Z14 => year >= 2026,
        other => other.is_temporary(),
    }
}

impl Rule for Rule526 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let needs_provider = match row.place {
                Cell::Value(place) => !exempt(place, data.year),
                Cell::Blank => true,
                Cell::Invalid(_) => false,
            };
            if needs_provider && row.place_provider.is_blank() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PLACE", "PLACE_PROVIDER"],
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
    fn a_missing_provider_fails_unless_the_placement_needs_none() {
        // 1: provider given. 2: temporary. 3: Z14 (exempt in 2025-26). 4: Z1 (withdrawn).
        // 5: foster placement without provider. 6: blank placement.
        let t = tables(
            "//- Episodes
             CHILD,PLACE,PLACE_PROVIDER
             1,U4,PR1
             2,T1,
             3,Z14,
             4,Z1,
             5,U4,
             6,,",
        );
        assert_eq!(
            findings(&Rule526, &current(&t)),
            vec![(4, "4".into()), (5, "5".into()), (6, "6".into())]
        );
    }

    #[test]
    fn z1_was_exempt_until_2024_25() {
        assert!(exempt(PlacementType::Z1, 2025));
        assert!(!exempt(PlacementType::Z1, 2026));
        assert!(!exempt(PlacementType::Z12, 2025));
    }
}
