//! INT01: a child in the AD1 table has no Header row (DfE 903 validation rules, internal
//! integrity check).

use super::util_d::{id, report_not_in_header};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleInt01;

static META: RuleMeta = RuleMeta {
    code: "INT01",
    message: "Data Integrity Check: Child in AD1 does not exist in Header.",
    severity: Severity::Error,
    tables: &["AD1", "Header"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for RuleInt01 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Ad1),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let rows = data
            .current
            .ad1
            .iter()
            .map(|row| (row.at.row_number, id(&row.child)));
        report_not_in_header(data, out, "AD1", rows);
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
             //- AD1
             CHILD
             1
             3
             2
             ",
        );
        assert_eq!(findings(&RuleInt01, &current(&t)), vec![(2, "3".into())]);
    }

    #[test]
    fn children_in_the_header_pass() {
        let t = tables(
            "//- Header
             CHILD
             1
             //- AD1
             CHILD
             1
             1",
        );
        assert!(findings(&RuleInt01, &current(&t)).is_empty());
    }
}
