//! 213: a placement provider is given for a placement type that takes none (temporary T0-T4,
//! other placements Z11-Z14, and the withdrawn Z1) (DfE 903 validation rules, 2025-26 list).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType::{self, T0, T1, T2, T3, T4, Z1, Z11, Z12, Z13, Z14};

pub(crate) struct Rule213;

static META: RuleMeta = RuleMeta {
    code: "213",
    message: "Placement provider information not required.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE_PROVIDER"],
    years: Years::from(2023),
};

/// Z1 is kept for the years before 2025-26, when it was the code the Z11-Z14 split replaced.
const NO_PROVIDER: &[PlacementType] = &[T0, T1, T2, T3, T4, Z1, Z11, Z12, Z13, Z14];

impl Rule for Rule213 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let takes_none = row.place.get().is_some_and(|p| NO_PROVIDER.contains(&p));
            if takes_none && !row.place_provider.is_blank() {
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

    #[test]
    fn providers_on_temporary_and_other_placements_fail() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,PLACE_PROVIDER
             1,T0,
             2,U1,PR3
             3,T2,PR2
             4,Z13,value
             5,Z14,PR6
             6,Z11,",
        );
        assert_eq!(
            findings(&Rule213, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
