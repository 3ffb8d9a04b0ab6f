//! 102: the child's date of birth is missing or not a valid date (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule102;

static META: RuleMeta = RuleMeta {
    code: "102",
    message: "Date of birth is not a valid date.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB"],
    years: Years::from(2023),
};

impl Rule for Rule102 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // The date of birth is mandatory: blank fails as well as a bad date.
        for row in &data.current.header {
            if row.dob.value().is_none() {
                out.at("Header", row.at.row_number, id(&row.child), &["DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn impossible_short_and_blank_dates_fail() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/01/2021
             2,38/04/2019
             3,01/01/19
             4,",
        );
        assert_eq!(
            findings(&Rule102, &current(&t)),
            vec![(2, "2".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
