//! 382: a child on short breaks (V3/V4) is in a temporary placement (DfE 903 validation rules).

use super::util_b::{id, is_short_break, is_temporary};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule382;

static META: RuleMeta = RuleMeta {
    code: "382",
    message: "A child receiving respite care cannot be in a temporary placement.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule382 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if is_short_break(&row.ls) && is_temporary(&row.place) {
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
    fn short_breaks_in_temporary_placements_fail() {
        let t = tables(
            "//- Episodes
             CHILD,LS,PLACE
             1,V3,T1
             2,V4,U1
             3,C2,T1
             4,v4,t4",
        );
        assert_eq!(
            findings(&Rule382, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
