//! 570: a missing or away period cannot start after the end of the collection year (DfE 903
//! validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule570;

static META: RuleMeta = RuleMeta {
    code: "570",
    message: "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule570 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            if row
                .mis_start
                .get()
                .is_some_and(|start| start > data.year_end())
            {
                out.at("Missing", row.at.row_number, id(&row.child), &["MIS_START"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_start_after_31_march_fails() {
        let t = tables(
            "//- Missing
             CHILD,MIS_START
             1,31/03/2026
             2,01/04/2026
             3,",
        );
        assert_eq!(findings(&Rule570, &current(&t)), vec![(2, "2".into())]);
    }
}
