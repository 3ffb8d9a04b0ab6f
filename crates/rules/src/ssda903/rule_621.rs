//! 621: the date of birth of the mother's first child is on or before the mother's own date of
//! birth (DfE 903 validation rules).
//!
//! Both dates must be valid: the tool also reports a valid MC_DOB against an invalid DOB, which
//! is 102's finding.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule621;

static META: RuleMeta = RuleMeta {
    code: "621",
    message: "Mother’s field has been completed but date of birth shows that the mother is younger than her child.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB", "MC_DOB"],
    years: Years::from(2023),
};

impl Rule for Rule621 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            let (Some(dob), Some(mc_dob)) = (row.dob.get(), row.mc_dob.get()) else {
                continue;
            };
            if mc_dob <= dob {
                out.at(
                    "Header",
                    row.at.row_number,
                    id(&row.child),
                    &["DOB", "MC_DOB"],
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
    fn a_child_born_on_or_before_the_mother_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB,MC_DOB
             1,01/12/2021,01/01/2021
             2,19/02/2006,19/12/2022
             3,31/01/2008,31/01/2008
             4,31/01/2008,
             5,xx,01/01/2000",
        );
        assert_eq!(
            findings(&Rule621, &current(&t)),
            vec![(1, "1".into()), (3, "3".into())]
        );
    }
}
