//! 176: the sex of the adopters is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule176;

static META: RuleMeta = RuleMeta {
    code: "176",
    message: "The gender of adopter(s) at the date of adoption code is not a valid code.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule176 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.ad1 {
            if row.sex_adoptr.is_invalid() {
                out.at("AD1", row.at.row_number, id(&row.child), &["SEX_ADOPTR"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: M1, MF, blank. Failing: 1, FM.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- AD1
             CHILD,SEX_ADOPTR
             1,M1
             2,MF
             3,1
             4,FM
             5,",
        );
        assert_eq!(
            findings(&Rule176, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
