//! 234: a child under 10 cannot change placement because they were taken into custody (DfE 903
//! validation rules, from 2025-26).
//!
//! DfE condition: when the next episode starts (DECOM) before the child's 10th birthday, the
//! episode before it cannot have REASON_PLACE_CHANGE `CUSTOD`. Reported on the episode holding
//! the reason. The tool reads DOB from the Episodes table, which has none, and compares each
//! episode's own start date, so it never reports anything on real returns.

use super::util_b::{birthday, dob_by_child, episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonPlaceChange;

pub(crate) struct Rule234;

static META: RuleMeta = RuleMeta {
    code: "234",
    message: "A child aged under 10 can not change placement due to being admitted to custody",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DOB", "REASON_PLACE_CHANGE"],
    years: Years::from(2026),
};

impl Rule for Rule234 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let dobs = dob_by_child(data.current);
        let mut found = Vec::new();
        for (child, episodes) in episodes_by_child(data.current) {
            let Some(tenth) = dobs.get(child).map(|dob| birthday(*dob, 10)) else {
                continue;
            };
            for pair in episodes.windows(2) {
                let [this, next] = pair else { continue };
                let custody = this.reason_place_change.get() == Some(ReasonPlaceChange::CUSTOD);
                if custody && next.decom.get().is_some_and(|decom| decom < tenth) {
                    found.push(*this);
                }
            }
        }
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["REASON_PLACE_CHANGE"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn custody_before_the_tenth_birthday_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/01/2016
             2,01/01/2016
             3,01/05/2015
             //- Episodes
             CHILD,DECOM,DEC,REASON_PLACE_CHANGE
             1,01/06/2025,01/12/2025,CUSTOD
             1,01/12/2025,,
             2,01/06/2025,01/12/2025,CHILD
             2,01/12/2025,,
             3,01/06/2025,01/05/2025,CUSTOD
             3,01/05/2025,,",
        );
        assert_eq!(findings(&Rule234, &current(&t)), vec![(1, "1".into())]);
    }
}
