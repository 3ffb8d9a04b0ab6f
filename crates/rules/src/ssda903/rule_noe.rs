//! NoE: an episode started before this collection year, but last year's return has no episodes
//! for the child (DfE 903 validation rules).

use super::util_d::{children_with_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleNoe;

static META: RuleMeta = RuleMeta {
    code: "NoE",
    message: "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for RuleNoe {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::PreviousTable(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let last_year = children_with_episodes(&previous.episodes);
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let before_year = row.decom.get().is_some_and(|d| d < data.year_start());
            if before_year && !last_year.contains(child) {
                out.at("Episodes", row.at.row_number, Some(child), &["DECOM"]);
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
    fn episodes_from_before_the_year_without_last_year_episodes_fail() {
        let now = tables(
            "//- Episodes
             CHILD,DECOM
             1,14/03/2025
             2,08/09/2025
             3,03/10/2024",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM
             1,14/03/2025
             2,16/06/2023",
        );
        assert_eq!(
            findings(&RuleNoe, &with_previous(&now, &last)),
            vec![(3, "3".into())]
        );
    }
}
