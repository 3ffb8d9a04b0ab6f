//! INT07: a child in the PrevPerm table has no Header row (DfE 903 validation rules, internal
//! integrity check).

use super::util_d::{id, report_not_in_header};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt07;

static META: RuleMeta = RuleMeta {
    code: "INT07",
    message: "Internal Check: Child in PrevPerm does not exist in Header.",
    severity: Severity::Error,
    tables: &["PrevPerm", "Header"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for RuleInt07 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::PreviousPermanence),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = data
            .current
            .previous_permanence
            .iter()
            .map(|row| (row.at.row_number, id(&row.child)));
        report_not_in_header(data, out, "PrevPerm", rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn children_missing_from_the_header_fail() {
        let t = tables(
            "//- Header
             CHILD
             1
             2
             //- PrevPerm
             CHILD
             1
             3
             2
             ",
        );
        assert_eq!(findings(&RuleInt07, &current(&t)), vec![(2, "3".into())]);
    }

    #[test]
    fn children_in_the_header_pass() {
        let t = tables(
            "//- Header
             CHILD
             1
             //- PrevPerm
             CHILD
             1
             1",
        );
        assert!(findings(&RuleInt07, &current(&t)).is_empty());
    }
}
