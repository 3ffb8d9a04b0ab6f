//! 184: the decision to place the child for adoption is dated before the child's birth (DfE 903
//! validation rules). The date of birth is the Header's.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule184;

static META: RuleMeta = RuleMeta {
    code: "184",
    message: "Date of decision that a child should be placed for adoption is before the child was born.",
    severity: Severity::Error,
    tables: &["Header", "PlacedAdoption"],
    fields: &["DATE_PLACED", "DOB"],
    years: Years::from(2023),
};

impl Rule for Rule184 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // A child listed twice in the Header keeps the first valid date (rule INT32 reports
        // the duplicate).
        let mut born: HashMap<&str, NaiveDate> = HashMap::default();
        for row in &data.current.header {
            if let (Some(child), Some(dob)) = (id(&row.child), row.dob.get()) {
                born.entry(child).or_insert(dob);
            }
        }
        for row in &data.current.placed_for_adoption {
            let child = id(&row.child);
            let dob = child.and_then(|c| born.get(c));
            if let (Some(placed), Some(dob)) = (row.date_placed.get(), dob)
                && placed < *dob
            {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    child,
                    &["DATE_PLACED", "DOB"],
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
    fn a_decision_before_birth_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/10/2017
             2,31/05/2018
             3,10/03/2019
             4,19/08/2020
             //- PlacedAdoption
             CHILD,DATE_PLACED
             1,01/10/2017
             2,10/02/2019
             3,10/02/2019
             4,
             5,01/01/2000",
        );
        assert_eq!(findings(&Rule184, &current(&t)), vec![(3, "3".into())]);
    }
}
