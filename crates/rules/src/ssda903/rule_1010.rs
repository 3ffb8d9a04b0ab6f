//! 1010: a care leaver (OC3 row) has no episodes this year although their last episode of last
//! year was still open (DfE 903 validation rules).
//!
//! Last year's latest episode is the one with the latest valid start date.

use super::util_d::{children_with_episodes, id, latest_episode_by_child};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1010;

static META: RuleMeta = RuleMeta {
    code: "1010",
    message: "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last", "OC3"],
    fields: &["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Years::from(2023),
};

impl Rule for Rule1010 {
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
        let this_year = children_with_episodes(&data.current.episodes);
        let last_year = latest_episode_by_child(&previous.episodes);
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let open_last_year = last_year.get(child).is_some_and(|e| e.dec.is_blank());
            if open_last_year && !this_year.contains(child) {
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
    fn care_leavers_whose_open_episode_vanished_fail() {
        // 1: episodes this year. 2: the open episode is not the latest. 3: latest is open.
        let now = tables(
            "//- Episodes
             CHILD,DECOM
             1,01/04/2025
             //- OC3
             CHILD
             1
             2
             3",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/01/2024,20/06/2024
             1,11/11/2024,
             2,03/10/2024,
             2,11/11/2024,14/03/2025
             3,01/01/2024,01/01/2024
             3,11/11/2024,
             3,01/02/2024,01/05/2024",
        );
        assert_eq!(
            findings(&Rule1010, &with_previous(&now, &last)),
            vec![(3, "3".into())]
        );
    }
}
