//! 177: the legal status of the adopters is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule177;

static META: RuleMeta = RuleMeta {
    code: "177",
    message: "The legal status of adopter(s) code is not a valid code.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["LS_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule177 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.ad1 {
            if row.ls_adoptr.is_invalid() {
                out.at("AD1", row.at.row_number, id(&row.child), &["LS_ADOPTR"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: L0, L12, blank. Failing: L1, L5.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- AD1
             CHILD,LS_ADOPTR
             1,L0
             2,L12
             3,L1
             4,L5
             5,",
        );
        assert_eq!(
            findings(&Rule177, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
