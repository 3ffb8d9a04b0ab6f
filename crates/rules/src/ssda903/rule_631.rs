//! 631: the previous permanence option is not a valid code (DfE 903 validation rules).
//!
//! A blank code is not this rule's concern, as in the tool (630 asks for it).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule631;

static META: RuleMeta = RuleMeta {
    code: "631",
    message: "Previous permanence option not a valid value.",
    severity: Severity::Error,
    tables: &["PrevPerm"],
    fields: &["PREV_PERM"],
    years: Years::from(2023),
};

impl Rule for Rule631 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PreviousPermanence)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.previous_permanence {
            if row.prev_perm.is_invalid() {
                out.at(
                    "PrevPerm",
                    row.at.row_number,
                    id(&row.child),
                    &["PREV_PERM"],
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
    fn unknown_codes_fail() {
        let t = tables(
            "//- PrevPerm
             CHILD,PREV_PERM
             1,P0
             2,P1
             3,z1
             4,",
        );
        assert_eq!(findings(&Rule631, &current(&t)), vec![(1, "1".into())]);
    }
}
