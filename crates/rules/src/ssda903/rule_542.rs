//! 542: a child under 10 at 31 March must have no conviction item (DfE 903 validation rules).
//!
//! The age comes from the OC2 row's own date of birth, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule542;

static META: RuleMeta = RuleMeta {
    code: "542",
    message: "A child aged under 10 at 31 March should not have conviction information completed.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["CONVICTED"],
    years: Years::from(2023),
};

impl Rule for Rule542 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            let under_10 = row
                .dob
                .get()
                .is_some_and(|dob| sightline_model::age_on(dob, data.year_end()) < 10);
            if under_10 && !row.convicted.is_blank() {
                out.at("OC2", row.at.row_number, id(&row.child), &["CONVICTED"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_conviction_item_under_10_fails() {
        // 1: 9 at 31 March 2026. 2: 10 on 31 March 2026. 3: under 10, item blank.
        let t = tables(
            "//- OC2
             CHILD,DOB,CONVICTED
             1,01/04/2016,0
             2,31/03/2016,1
             3,01/01/2020,",
        );
        assert_eq!(findings(&Rule542, &current(&t)), vec![(1, "1".into())]);
    }
}
