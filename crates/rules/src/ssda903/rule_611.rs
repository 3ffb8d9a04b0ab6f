//! 611: the child is recorded as a mother but the date of birth of her first child is blank (DfE
//! 903 validation rules).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule611;

static META: RuleMeta = RuleMeta {
    code: "611",
    message: "Date of birth field is blank, but child is a mother.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["MOTHER", "MC_DOB"],
    years: Years::from(2023),
};

impl Rule for Rule611 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            if row.mother.get() == Some(true) && row.mc_dob.is_blank() {
                out.at(
                    "Header",
                    row.at.row_number,
                    id(&row.child),
                    &["MOTHER", "MC_DOB"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn mothers_without_a_child_date_of_birth_fail() {
        let t = tables(
            "//- Header
             CHILD,MOTHER,MC_DOB
             1,1,01/01/2021
             2,1,
             3,0,
             4,,
             5,1,xx",
        );
        assert_eq!(findings(&Rule611, &current(&t)), vec![(2, "2".into())]);
    }
}
