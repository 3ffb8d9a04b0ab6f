//! 232: the child's sex is recorded as unknown (DfE 903 validation rules, from 2024-25).
//!
//! Only the code `U` is unknown; lower-case `u` and the legacy `0`/`9` are not codes at all (rule
//! 101 reports them), as in the DfE tool.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Sex;

pub(crate) struct Rule232;

static META: RuleMeta = RuleMeta {
    code: "232",
    message: "Sex of the child/young person has been reported as unknown.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["SEX"],
    years: Years::from(2025),
};

impl Rule for Rule232 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            if crate::ssda903::sex_in_year(&row.sex, data.year) == Some(Sex::Unknown) {
                out.at("Header", row.at.row_number, id(&row.child), &["SEX"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn unknown_sex_fails() {
        let t = tables(
            "//- Header
             CHILD,SEX
             1,U
             2,u
             3,m
             4,
             5,M
             6,0",
        );
        assert_eq!(findings(&Rule232, &current(&t)), vec![(1, "1".into())]);
    }
}
