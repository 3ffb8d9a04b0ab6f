//! 1004: the start date of a missing or away-from-placement period is blank or not a valid date
//! (DfE 903 validation rules).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1004;

static META: RuleMeta = RuleMeta {
    code: "1004",
    message: "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule1004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            if row.mis_start.get().is_none() {
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
    fn blank_and_invalid_start_dates_fail() {
        let t = tables(
            "//- Missing
             CHILD,MIS_START
             1,08/03/2025
             2,
             3,10/24/2025",
        );
        assert_eq!(
            findings(&Rule1004, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
