//! 202: the child's sex differs from the one recorded in last year's Header (DfE 903 validation
//! rules).
//!
//! Sex codes are compared as parsed codes, so last year's legacy `1`/`2` equal this year's
//! `M`/`F` (the DfE changed the code list in 2024-25); a blank against a value is a difference,
//! as in the tool.

use super::util_b::{header_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule202;

static META: RuleMeta = RuleMeta {
    code: "202",
    message: "The gender code conflicts with the gender already recorded for this child.",
    severity: Severity::Error,
    tables: &["Header", "Header_last"],
    fields: &["SEX"],
    years: Years::from(2023),
};

impl Rule for Rule202 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::PreviousTable(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let last_year = header_by_child(&previous.header);
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if last_year.get(child).is_some_and(|last| {
                crate::ssda903::sex_any_coding(&last.sex)
                    != crate::ssda903::sex_any_coding(&row.sex)
            }) {
                out.at("Header", row.at.row_number, Some(child), &["SEX"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_or_dropped_sex_fails_legacy_codes_match() {
        let now = tables(
            "//- Header
             CHILD,SEX
             1,M
             2,F
             3,F
             4,
             5,M",
        );
        let last = tables(
            "//- Header
             CHILD,SEX
             1,1
             2,M
             3,F
             4,F",
        );
        assert_eq!(
            findings(&Rule202, &with_previous(&now, &last)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
