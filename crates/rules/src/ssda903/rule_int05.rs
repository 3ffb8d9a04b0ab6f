//! INT05: a child in the OC2 table has no Header row (DfE 903 validation rules, internal
//! integrity check).

use super::util_d::{id, report_not_in_header};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt05;

static META: RuleMeta = RuleMeta {
    code: "INT05",
    message: "Internal Check: Child in OC2 does not exist in Header.",
    severity: Severity::Error,
    tables: &["OC2", "Header"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for RuleInt05 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Oc2),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = data
            .current
            .oc2
            .iter()
            .map(|row| (row.at.row_number, id(&row.child)));
        report_not_in_header(data, out, "OC2", rows);
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
             //- OC2
             CHILD
             1
             3
             2
             ",
        );
        assert_eq!(findings(&RuleInt05, &current(&t)), vec![(2, "3".into())]);
    }

    #[test]
    fn children_in_the_header_pass() {
        let t = tables(
            "//- Header
             CHILD
             1
             //- OC2
             CHILD
             1
             1",
        );
        assert!(findings(&RuleInt05, &current(&t)).is_empty());
    }
}
