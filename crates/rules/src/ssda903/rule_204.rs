//! 204: the child's ethnic origin differs from the one recorded in last year's Header (DfE 903
//! validation rules).

use super::util_b::{header_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule204;

static META: RuleMeta = RuleMeta {
    code: "204",
    message: "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
    severity: Severity::Error,
    tables: &["Header", "Header_last"],
    fields: &["ETHNIC"],
    years: Years::from(2023),
};

impl Rule for Rule204 {
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
            if last_year
                .get(child)
                .is_some_and(|last| last.ethnic != row.ethnic)
            {
                out.at("Header", row.at.row_number, Some(child), &["ETHNIC"]);
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
    fn a_different_ethnicity_fails_new_children_pass() {
        let now = tables(
            "//- Header
             CHILD,ETHNIC
             1,WBRI
             2,BAFR
             3,wbri
             4,AOTH",
        );
        let last = tables(
            "//- Header
             CHILD,ETHNIC
             1,WBRI
             2,BCRB
             3,WBRI",
        );
        assert_eq!(
            findings(&Rule204, &with_previous(&now, &last)),
            vec![(2, "2".into())]
        );
    }
}
