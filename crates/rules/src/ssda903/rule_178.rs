//! 178: the placement provider is not a valid code, or is given for a placement type that takes
//! none (DfE 903 validation rules; 2025-26: T0-T3 and Z11-Z14 take no provider, before it T0-T4
//! and Z1).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType;

pub(crate) struct Rule178;

static META: RuleMeta = RuleMeta {
    code: "178",
    message: "Placement provider code is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE_PROVIDER"],
    years: Years::from(2023),
};

/// Whether a placement of type `place` has no provider in the collection year ending `year`.
fn takes_no_provider(place: PlacementType, year: i32) -> bool {
    use PlacementType::*;
    if year >= 2026 {
        matches!(place, T0 | T1 | T2 | T3 | Z11 | Z12 | Z13 | Z14)
    } else {
        matches!(place, T0 | T1 | T2 | T3 | T4 | Z1)
    }
}

impl Rule for Rule178 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            // A blank provider is never this rule's concern (rule 526 asks for one).
            let bad = row.place_provider.is_invalid()
                || (!row.place_provider.is_blank()
                    && row
                        .place
                        .get()
                        .is_some_and(|p| takes_no_provider(p, data.year)));
            if bad {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PLACE_PROVIDER"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    const EPISODES: &str = "//- Episodes
        CHILD,PLACE,PLACE_PROVIDER
        1,U1,PR0
        2,T0,PR1
        3,U2,PR9
        4,Z1,
        5,T1,
        6,,
        7,U1,pr4
        8,Z14,PR5
        9,T4,PR4";

    #[test]
    fn bad_codes_and_providers_of_temporary_or_other_placements_fail() {
        let t = tables(EPISODES);
        assert_eq!(
            findings(&Rule178, &current(&t)),
            vec![(2, "2".into()), (3, "3".into()), (8, "8".into())]
        );
    }

    #[test]
    fn t4_took_no_provider_before_2025_26() {
        let t = tables(EPISODES);
        let mut data = current(&t);
        data.year = 2025;
        assert_eq!(
            findings(&Rule178, &data),
            vec![(2, "2".into()), (3, "3".into()), (9, "9".into())]
        );
    }
}
