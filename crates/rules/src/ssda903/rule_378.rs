//! 378: a child placed with parents (P1) is looked after under a single period of
//! accommodation under section 20 (V2) (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{LegalStatus, PlacementType};

pub(crate) struct Rule378;

static META: RuleMeta = RuleMeta {
    code: "378",
    message: "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule378 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.place.get() == Some(PlacementType::P1) && row.ls.get() == Some(LegalStatus::V2) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["LS", "PLACE"],
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
    fn section_20_placements_with_parents_fail() {
        let t = tables(
            "//- Episodes
             CHILD,LS,PLACE
             1,V2,P1
             2,C2,P1
             3,V2,U1",
        );
        assert_eq!(findings(&Rule378, &current(&t)), vec![(1, "1".into())]);
    }
}
