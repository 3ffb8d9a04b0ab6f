//! 624: the date of birth of the mother's first child differs from the one recorded last year
//! (DfE 903 validation rules).
//!
//! Only children whose MC_DOB was given last year are checked, as in the tool; this year's
//! blank against last year's date is a difference. Dates are compared as dates, so `1/6/2020`
//! equals `01/06/2020` (the tool compares the text); invalid text is compared verbatim.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule624;

static META: RuleMeta = RuleMeta {
    code: "624",
    message: "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
    severity: Severity::Error,
    tables: &["Header", "Header_last"],
    fields: &["MC_DOB"],
    years: Years::from(2023),
};

impl Rule for Rule624 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::PreviousTable(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let mut last_year = HashMap::default();
        for row in previous.header.iter().filter(|r| !r.mc_dob.is_blank()) {
            if let Some(child) = id(&row.child) {
                last_year.entry(child).or_insert(&row.mc_dob);
            }
        }
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if last_year
                .get(child)
                .is_some_and(|last| **last != row.mc_dob)
            {
                out.at("Header", row.at.row_number, Some(child), &["MC_DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_d::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_or_removed_first_child_date_of_birth_fails() {
        let now = tables(
            "//- Header
             CHILD,MC_DOB
             1,1/6/2020
             2,
             3,08/09/2020
             4,
             5,01/02/2020",
        );
        let last = tables(
            "//- Header
             CHILD,MC_DOB
             1,01/06/2020
             2,01/06/2019
             3,10/09/2020
             4,
             5,",
        );
        assert_eq!(
            findings(&Rule624, &with_previous(&now, &last)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
