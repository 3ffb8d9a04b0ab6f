//! 381: a period of care ends in a temporary placement (DfE 903 validation rules).

use super::util_b::{id, is_temporary};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule381;

static META: RuleMeta = RuleMeta {
    code: "381",
    message: "A period of care cannot end with a temporary placement.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule381 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let leaves_care =
                matches!(&row.rec, Cell::Value(rec) if *rec != ReasonEpisodeCeased::X1);
            if is_temporary(&row.place) && leaves_care {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PLACE", "REC"],
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
    fn leaving_care_from_a_temporary_placement_fails() {
        let t = tables(
            "//- Episodes
             CHILD,REC,PLACE
             1,X1,T3
             2,E8,T0
             3,E8,U2
             4,,T2",
        );
        assert_eq!(findings(&Rule381, &current(&t)), vec![(2, "2".into())]);
    }
}
