//! 1009: the reason for the placement change is not a valid code (DfE 903 validation rules).
//! A blank reason is 225's concern, as in the tool.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1009;

static META: RuleMeta = RuleMeta {
    code: "1009",
    message: "Reason for placement change is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["REASON_PLACE_CHANGE"],
    years: Years::from(2023),
};

impl Rule for Rule1009 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.reason_place_change.is_invalid() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["REASON_PLACE_CHANGE"],
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
    fn unknown_reasons_fail() {
        let t = tables(
            "//- Episodes
             CHILD,REASON_PLACE_CHANGE
             1,CARPL
             2,OTHER
             3,NA
             4,",
        );
        assert_eq!(findings(&Rule1009, &current(&t)), vec![(3, "3".into())]);
    }
}
