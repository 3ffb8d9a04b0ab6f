//! 2886Q: more than 2% of the children born have no sex recorded (DfE CIN census validation rules
//! 2025-26; return-level query).
//!
//! Children with `Sex` blank or `U` (the 2024-25 code for "not recorded"; the legacy
//! `GenderCurrent` 0 and 9 read as `U`) and no `ExpectedPersonBirthDate`, divided by all child
//! records, must not exceed 0.02. An invalid sex code is not counted. The DfE tool combines its two conditions with operators that do not do what
//! its comment says (`isna() | col == 0` binds as `(isna() | col) == 0`, and two data frames are
//! and-ed); this follows the DfE text.

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};

pub(crate) struct Rule2886Q;

static META: RuleMeta = RuleMeta {
    code: "2886Q",
    message: "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)",
    severity: Severity::Query,
    tables: &["ChildIdentifiers"],
    fields: &["Sex", "ExpectedPersonBirthDate"],
    years: Years::from(2023),
};

impl Rule for Rule2886Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, _data: &CinReturn, summary: &ReturnSummary, out: &mut Findings) {
        // Integer form of `without / children > 0.02`.
        if summary.born_children_without_sex * 50 > summary.children {
            out.on_return("ChildIdentifiers", &["Sex", "ExpectedPersonBirthDate"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    /// `n` children with sex M, then the given extra children.
    fn children(n: usize, extra: &[String]) -> String {
        let mut xml: String = (0..n)
            .map(|i| child(&format!("M{i}"), "<Sex>M</Sex>", ""))
            .collect();
        xml.extend(extra.iter().cloned());
        xml
    }

    #[test]
    fn over_two_percent_without_sex_is_queried() {
        // 2 of 51 (3.9%) born children have no sex: blank and U.
        let xml = children(49, &[child("A", "", ""), child("B", "<Sex>U</Sex>", "")]);
        assert_eq!(
            findings(&Rule2886Q, &xml),
            vec![("ChildIdentifiers", 0, String::new())]
        );
    }

    #[test]
    fn two_percent_or_unborn_children_pass() {
        // 1 of 50 is exactly 2%; the unborn child with sex U is not counted.
        let xml = children(
            48,
            &[
                child("A", "<Sex>U</Sex>", ""),
                child(
                    "B",
                    "<Sex>U</Sex><ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>",
                    "",
                ),
            ],
        );
        assert!(findings(&Rule2886Q, &xml).is_empty());
    }
}
