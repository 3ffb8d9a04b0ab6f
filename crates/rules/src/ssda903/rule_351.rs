//! 351: the child was over 25 at the start of the collection year (DfE 903 validation rules).
//!
//! Over 25: the 25th birthday falls before 1 April. The message is the DfE's current one (the
//! age limit was 21 in earlier versions of the tool).

use super::util_b::{birthday, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule351;

static META: RuleMeta = RuleMeta {
    code: "351",
    message: "Child was over 25 at the start of the current collection year.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB"],
    years: Years::from(2023),
};

impl Rule for Rule351 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            if row
                .dob
                .get()
                .is_some_and(|dob| birthday(dob, 25) < data.year_start())
            {
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
    fn over_25_on_1_april_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,
             2,01/04/2000
             3,31/03/2000
             4,01/01/2010",
        );
        assert_eq!(findings(&Rule351, &current(&t)), vec![(3, "3".into())]);
    }
}
