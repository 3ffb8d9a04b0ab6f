//! 384: a child on short breaks (V3/V4) is in a long-term foster placement (U1/U4) (DfE 903
//! validation rules).

use super::util_b::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::PlacementType;

pub(crate) struct Rule384;

static META: RuleMeta = RuleMeta {
    code: "384",
    message: "A child receiving respite care cannot be in a long-term foster placement",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule384 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let long_term = matches!(row.place.get(), Some(PlacementType::U1 | PlacementType::U4));
            if is_short_break(&row.ls) && long_term {
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
    fn short_breaks_in_long_term_fostering_fail() {
        let t = tables(
            "//- Episodes
             CHILD,LS,PLACE
             1,V3,U1
             2,V4,U4
             3,V4,U6
             4,C2,U1",
        );
        assert_eq!(
            findings(&Rule384, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
