//! 175: the number of adopters is not 1 or 2 (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule175;

static META: RuleMeta = RuleMeta {
    code: "175",
    message: "The number of adopter(s) code is not a valid code.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["NB_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule175 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.ad1 {
            if row.nb_adoptr.is_invalid() {
                out.at("AD1", row.at.row_number, id(&row.child), &["NB_ADOPTR"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: 1, 2, blank. Failing: 0, 3.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- AD1
             CHILD,NB_ADOPTR
             1,1
             2,2
             3,0
             4,3
             5,",
        );
        assert_eq!(
            findings(&Rule175, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
