//! 304: the date UASC status ceased is after the child's 18th birthday (DfE 903 validation
//! rules).

use super::util_b::{birthday, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule304;

static META: RuleMeta = RuleMeta {
    code: "304",
    message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
    severity: Severity::Error,
    tables: &["UASC"],
    fields: &["DUC"],
    years: Years::from(2023),
};

impl Rule for Rule304 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Uasc)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.uasc {
            let (Some(dob), Some(duc)) = (row.dob.get(), row.duc.get()) else {
                continue;
            };
            if duc > birthday(dob, 18) {
                out.at("UASC", row.at.row_number, id(&row.child), &["DUC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn ceasing_after_the_18th_birthday_fails() {
        let t = tables(
            "//- UASC
             CHILD,DOB,DUC
             1,01/06/2007,05/06/2025
             2,02/06/2007,
             3,03/06/2007,03/06/2025
             4,,05/06/2025",
        );
        assert_eq!(findings(&Rule304, &current(&t)), vec![(1, "1".into())]);
    }
}
