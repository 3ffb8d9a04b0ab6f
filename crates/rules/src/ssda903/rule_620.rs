//! 620: the child is recorded as a mother but is under 11 (DfE 903 validation rules).
//!
//! Age is taken at the start of the collection year, as the tool does.

use super::util_d::{birthday, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule620;

static META: RuleMeta = RuleMeta {
    code: "620",
    message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB", "MOTHER"],
    years: Years::from(2023),
};

impl Rule for Rule620 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            let Some(dob) = row.dob.get() else { continue };
            if row.mother.get() == Some(true) && birthday(dob, 11) > data.year_start() {
                out.at(
                    "Header",
                    row.at.row_number,
                    id(&row.child),
                    &["DOB", "MOTHER"],
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
    fn mothers_under_11_at_the_start_of_the_year_fail() {
        // The year starts on 1 April 2025: child 2 turns 11 the next day.
        let t = tables(
            "//- Header
             CHILD,DOB,MOTHER
             1,01/04/2014,1
             2,02/04/2014,1
             3,02/04/2014,0
             4,,1",
        );
        assert_eq!(findings(&Rule620, &current(&t)), vec![(2, "2".into())]);
    }
}
