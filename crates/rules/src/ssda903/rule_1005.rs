//! 1005: the end date of a missing or away-from-placement period is not a valid date (DfE 903
//! validation rules). A blank end date (a period still open) passes.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1005;

static META: RuleMeta = RuleMeta {
    code: "1005",
    message: "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_END"],
    years: Years::from(2023),
};

impl Rule for Rule1005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            if row.mis_end.is_invalid() {
                out.at("Missing", row.at.row_number, id(&row.child), &["MIS_END"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn invalid_end_dates_fail_and_blank_ones_pass() {
        let t = tables(
            "//- Missing
             CHILD,MIS_END
             1,08/03/2025
             2,
             3,13/10/25",
        );
        assert_eq!(findings(&Rule1005, &current(&t)), vec![(3, "3".into())]);
    }
}
