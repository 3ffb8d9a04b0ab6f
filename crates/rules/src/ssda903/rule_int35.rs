//! INT35: a child appears on more than one row of the PrevPerm table (DfE 903 validation rules,
//! internal integrity check).
//!
//! Every row of a repeated child is reported, as in the tool.

use super::util_d::{id, report_duplicates};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt35;

static META: RuleMeta = RuleMeta {
    code: "INT35",
    message: "Internal Check: Child should only exist once in PrevPerm.",
    severity: Severity::Error,
    tables: &["PrevPerm"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for RuleInt35 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PreviousPermanence)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = data
            .current
            .previous_permanence
            .iter()
            .map(|row| (row.at.row_number, id(&row.child)));
        report_duplicates(out, "PrevPerm", rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn every_row_of_a_repeated_child_fails() {
        let t = tables(
            "//- PrevPerm
             CHILD
             1
             2
             1
             3
             ",
        );
        assert_eq!(
            findings(&RuleInt35, &current(&t)),
            vec![(1, "1".into()), (3, "1".into())]
        );
    }

    #[test]
    fn children_appearing_once_pass() {
        let t = tables(
            "//- PrevPerm
             CHILD
             1
             2",
        );
        assert!(findings(&RuleInt35, &current(&t)).is_empty());
    }
}
