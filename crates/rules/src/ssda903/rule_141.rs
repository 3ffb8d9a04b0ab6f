//! 141: the episode start date is not a valid date (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule141;

static META: RuleMeta = RuleMeta {
    code: "141",
    message: "Date episode began is not a valid date.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule141 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.episodes {
            if row.decom.is_invalid() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["DECOM"]);
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
            "//- Episodes
             CHILD,DECOM
             1,01/01/2021
             2,38/04/2019
             3,01/01/19
             4,",
        );
        assert_eq!(
            findings(&Rule141, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
