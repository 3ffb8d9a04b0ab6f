//! 1002: a care leaver (OC3 row) has no episodes of care this year or last year (DfE 903
//! validation rules; earlier years cannot be seen, so some children are reported wrongly, as
//! the DfE message notes).

use super::util_d::{children_with_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1002;

static META: RuleMeta = RuleMeta {
    code: "1002",
    message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last", "OC3"],
    fields: &["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Years::from(2023),
};

impl Rule for Rule1002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc3),
            Needs::PreviousTable(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let mut looked_after = children_with_episodes(&data.current.episodes);
        looked_after.extend(children_with_episodes(&previous.episodes));
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !looked_after.contains(child) {
                out.at(
                    "OC3",
                    row.at.row_number,
                    Some(child),
                    &["IN_TOUCH", "ACTIV", "ACCOM"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_d::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn care_leavers_without_any_episode_fail() {
        let now = tables(
            "//- Episodes
             CHILD
             1
             //- OC3
             CHILD
             1
             2
             3",
        );
        let last = tables(
            "//- Episodes
             CHILD
             2",
        );
        assert_eq!(
            findings(&Rule1002, &with_previous(&now, &last)),
            vec![(3, "3".into())]
        );
    }
}
