//! 550: the parents' provider code PR0 can only go with placement P1 (placed with parents) (DfE
//! 903 validation rules).
//!
//! A blank placement fails, as in the tool; an invalid one is left to rule 146.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{PlacementProvider, PlacementType};

pub(crate) struct Rule550;

static META: RuleMeta = RuleMeta {
    code: "550",
    message: "A placement provider code of PR0 can only be associated with placement P1.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "PLACE_PROVIDER"],
    years: Years::from(2023),
};

impl Rule for Rule550 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let not_p1 =
                row.place.is_blank() || row.place.get().is_some_and(|p| p != PlacementType::P1);
            if row.place_provider.get() == Some(PlacementProvider::PR0) && not_p1 {
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
    fn pr0_outside_p1_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,PLACE_PROVIDER
             1,P1,PR0
             2,U4,PR0
             3,U4,PR1
             4,,PR0",
        );
        assert_eq!(
            findings(&Rule550, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
