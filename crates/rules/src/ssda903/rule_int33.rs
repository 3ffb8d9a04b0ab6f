//! INT33: a child appears on more than one row of the OC2 table (DfE 903 validation rules,
//! internal integrity check).
//!
//! Every row of a repeated child is reported, as in the tool.

use super::util_d::{id, report_duplicates};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt33;

static META: RuleMeta = RuleMeta {
    code: "INT33",
    message: "Internal Check: Child should only exist once in OC2.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for RuleInt33 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = data
            .current
            .oc2
            .iter()
            .map(|row| (row.at.row_number, id(&row.child)));
        report_duplicates(out, "OC2", rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn every_row_of_a_repeated_child_fails() {
        let t = tables(
            "//- OC2
             CHILD
             1
             2
             1
             3
             ",
        );
        assert_eq!(
            findings(&RuleInt33, &current(&t)),
            vec![(1, "1".into()), (3, "1".into())]
        );
    }

    #[test]
    fn children_appearing_once_pass() {
        let t = tables(
            "//- OC2
             CHILD
             1
             2",
        );
        assert!(findings(&RuleInt33, &current(&t)).is_empty());
    }
}
