//! 347: a care leaver under 18 at the start of the year is accommodated in a foyer (DfE 903
//! validation rules, from 2023-24).
//!
//! Foyer accommodation is ACCOM T1 or T2. The tool compares ACCOM with the bare letter `T`,
//! which no valid code equals, so it never reports anything.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Accommodation;

pub(crate) struct Rule347;

static META: RuleMeta = RuleMeta {
    code: "347",
    message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACCOM", "DOB"],
    years: Years::from(2024),
};

impl Rule for Rule347 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc3 {
            let foyer = matches!(row.accom.get(), Some(Accommodation::T1 | Accommodation::T2));
            let under_18 = row
                .dob
                .get()
                .is_some_and(|dob| sightline_model::age_on(dob, data.year_start()) < 18);
            if foyer && under_18 {
                out.at("OC3", row.at.row_number, id(&row.child), &["ACCOM", "DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_foyer_for_an_under_18_fails() {
        let t = tables(
            "//- OC3
             CHILD,DOB,ACCOM
             1,01/01/2005,T1
             2,02/04/2007,T2
             3,01/04/2007,T1
             4,02/04/2007,B1",
        );
        assert_eq!(findings(&Rule347, &current(&t)), vec![(2, "2".into())]);
    }
}
