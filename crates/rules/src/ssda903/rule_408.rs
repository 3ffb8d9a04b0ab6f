//! 408: a child placed for adoption under a placement order (A5/A6) must have legal status E1
//! (DfE 903 validation rules).
//!
//! A blank legal status fails, as in the tool; an invalid one is left to rule 144.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{LegalStatus, PlacementType};

pub(crate) struct Rule408;

static META: RuleMeta = RuleMeta {
    code: "408",
    message: "Child is placed for adoption with a placement order, but no placement order has been recorded.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule408 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let placement_order =
                matches!(row.place.get(), Some(PlacementType::A5 | PlacementType::A6));
            let not_e1 = row.ls.is_blank() || row.ls.get().is_some_and(|ls| ls != LegalStatus::E1);
            if placement_order && not_e1 {
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
    fn a5_or_a6_without_e1_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,LS
             1,A5,C2
             2,A6,E1
             3,A6,
             4,A4,C2
             5,A5,XX",
        );
        assert_eq!(
            findings(&Rule408, &current(&t)),
            vec![(1, "1".into()), (3, "3".into())]
        );
    }
}
