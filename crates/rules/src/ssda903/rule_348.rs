//! 348: a care leaver reported last year as having died is not reported as died this year (DfE
//! 903 validation rules, from 2025-26).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::InTouch;

pub(crate) struct Rule348;

static META: RuleMeta = RuleMeta {
    code: "348",
    message: "Care leaver has previously been reported as having died.",
    severity: Severity::Error,
    tables: &["OC3", "OC3_last"],
    fields: &["IN_TOUCH"],
    years: Years::from(2026),
};

impl Rule for Rule348 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Oc3),
            Needs::PreviousTable(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let died: HashSet<&str> = previous
            .oc3
            .iter()
            .filter(|row| row.in_touch.get() == Some(InTouch::DIED))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if died.contains(child) && row.in_touch.get() != Some(InTouch::DIED) {
                out.at("OC3", row.at.row_number, Some(child), &["IN_TOUCH"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_leaver_who_died_last_year_must_stay_died() {
        let now = tables(
            "//- OC3
             CHILD,IN_TOUCH
             1,DIED
             2,YES
             3,DIED
             4,",
        );
        let last = tables(
            "//- OC3
             CHILD,IN_TOUCH
             1,DIED
             2,DIED
             3,YES
             4,DIED",
        );
        assert_eq!(
            findings(&Rule348, &with_previous(&now, &last)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
