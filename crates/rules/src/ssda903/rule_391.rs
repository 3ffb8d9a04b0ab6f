//! 391: care leaver information is given for a young person not yet 17 at the end of the
//! collection year (DfE 903 validation rules).
//!
//! As in the tool, only the lower bound is checked (17th birthday after 31 March).

use super::util_b::{birthday, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule391;

static META: RuleMeta = RuleMeta {
    code: "391",
    message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACCOM", "ACTIV", "DOB", "IN_TOUCH"],
    years: Years::from(2023),
};

impl Rule for Rule391 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc3 {
            let too_young = row
                .dob
                .get()
                .is_some_and(|dob| birthday(dob, 17) > data.year_end());
            let completed =
                !row.in_touch.is_blank() || !row.activ.is_blank() || !row.accom.is_blank();
            if too_young && completed {
                out.at(
                    "OC3",
                    row.at.row_number,
                    id(&row.child),
                    &["ACCOM", "ACTIV", "DOB", "IN_TOUCH"],
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
    fn leaver_data_for_under_17s_fails() {
        let t = tables(
            "//- OC3
             CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
             1,01/01/2008,YES,,
             2,01/04/2009,YES,,
             3,31/03/2009,NO,,
             4,01/04/2009,,,",
        );
        assert_eq!(findings(&Rule391, &current(&t)), vec![(2, "2".into())]);
    }
}
