//! 586: a missing or away period cannot start before the child was born (DfE 903 validation
//! rules).
//!
//! The date of birth is the Missing row's own, as in the tool; a start on the day of birth is
//! reported too, as the tool does.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule586;

static META: RuleMeta = RuleMeta {
    code: "586",
    message: "Dates of missing periods are before child’s date of birth.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule586 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            let (Some(start), Some(dob)) = (row.mis_start.get(), row.dob.get()) else {
                continue;
            };
            if start <= dob {
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
    fn a_start_before_birth_fails() {
        let t = tables(
            "//- Missing
             CHILD,DOB,MIS_START
             1,02/02/2020,07/02/2020
             2,04/02/2020,03/02/2020
             3,06/02/2020,",
        );
        assert_eq!(findings(&Rule586, &current(&t)), vec![(2, "2".into())]);
    }
}
