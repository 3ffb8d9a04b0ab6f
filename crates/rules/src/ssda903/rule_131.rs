//! 131: whether the council is in touch with the care leaver is missing or not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule131;

static META: RuleMeta = RuleMeta {
    code: "131",
    message: "Data entry for being in touch after leaving care is invalid.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["IN_TOUCH"],
    years: Years::from(2023),
};

impl Rule for Rule131 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // IN_TOUCH is required: blank fails as well as text that is not a valid value.
        for row in &data.current.oc3 {
            if row.in_touch.value().is_none() {
                out.at("OC3", row.at.row_number, id(&row.child), &["IN_TOUCH"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: YES, REFU. Failing: REFUSE, blank.
    #[test]
    fn bad_values_fail_and_blank_fails() {
        let t = tables(
            "//- OC3
             CHILD,IN_TOUCH
             1,YES
             2,REFU
             3,REFUSE
             4,",
        );
        assert_eq!(
            findings(&Rule131, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
