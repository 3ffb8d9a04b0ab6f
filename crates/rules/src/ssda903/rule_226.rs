//! 226: a reason for placement change is given around a temporary placement (DfE 903 validation
//! rules, 2025-26 definition).
//!
//! A temporary placement (T0-T4) must have no REASON_PLACE_CHANGE, and neither may the episode
//! just before it (moving into a temporary placement is not a change of placement). Reported on
//! the temporary episode, as in the tool.

use super::util_b::{episodes_by_child, id, is_temporary};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule226;

static META: RuleMeta = RuleMeta {
    code: "226",
    message: "Reason for placement change is not required for temporary placements.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "REASON_PLACE_CHANGE"],
    years: Years::from(2023),
};

impl Rule for Rule226 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found = Vec::new();
        for episodes in episodes_by_child(data.current).values() {
            for (i, row) in episodes.iter().enumerate() {
                let previous_has_reason = i
                    .checked_sub(1)
                    .and_then(|p| episodes.get(p))
                    .is_some_and(|prev| !prev.reason_place_change.is_blank());
                if is_temporary(&row.place)
                    && (!row.reason_place_change.is_blank() || previous_has_reason)
                {
                    found.push(*row);
                }
            }
        }
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["PLACE", "REASON_PLACE_CHANGE"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn reasons_into_or_on_temporary_placements_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,PLACE,REASON_PLACE_CHANGE
             1,01/01/2026,U1,CARPL
             1,11/01/2026,T1,
             1,22/01/2026,U1,
             2,22/01/2026,T1,CHILD
             3,01/01/2026,T3,
             3,11/01/2026,U1,",
        );
        assert_eq!(
            findings(&Rule226, &current(&t)),
            vec![(2, "1".into()), (4, "2".into())]
        );
    }
}
