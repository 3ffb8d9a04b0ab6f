//! 171: the date of birth of the mother's child is not a valid date (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule171;

static META: RuleMeta = RuleMeta {
    code: "171",
    message: "Date of birth of mother's child is not a valid date.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["MC_DOB"],
    years: Years::from(2023),
};

impl Rule for Rule171 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.header {
            if row.mc_dob.is_invalid() {
                out.at("Header", row.at.row_number, id(&row.child), &["MC_DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: 01/01/2021, blank. Failing: 38/04/2019, 01/01/19.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- Header
             CHILD,MC_DOB
             1,01/01/2021
             2,38/04/2019
             3,01/01/19
             4,",
        );
        assert_eq!(
            findings(&Rule171, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
