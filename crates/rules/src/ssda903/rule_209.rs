//! 209: a child of school age has the unknown-UPN code UN1 ("not yet of school age") (DfE 903
//! validation rules).
//!
//! School age, as the DfE condition sets it: 4 or older on 31 August of the calendar year
//! before the collection year starts (31 August 2024 for 2025-26).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{Cell, Ssda903Table, UpnField};
use sightline_model::codes::UpnUnknown;

pub(crate) struct Rule209;

static META: RuleMeta = RuleMeta {
    code: "209",
    message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB", "UPN"],
    years: Years::from(2023),
};

impl Rule for Rule209 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(reference) = NaiveDate::from_ymd_opt(data.year - 2, 8, 31) else {
            return;
        };
        for row in &data.current.header {
            let is_un1 = matches!(row.upn, Cell::Value(UpnField::Unknown(UpnUnknown::UN1)));
            let school_age = row
                .dob
                .get()
                .is_some_and(|dob| sightline_model::age_on(dob, reference) >= 4);
            if is_un1 && school_age {
                out.at("Header", row.at.row_number, id(&row.child), &["DOB", "UPN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn un1_for_a_child_four_by_the_reference_date_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB,UPN
             1,31/08/2020,UN1
             2,01/09/2020,UN1
             3,03/10/2015,UN2
             4,,UN1",
        );
        // Reference date for 2025-26: 31/08/2024.
        assert_eq!(findings(&Rule209, &current(&t)), vec![(1, "1".into())]);
    }
}
