//! 562: the earliest of this year's episodes that started before the collection year must be
//! last year's latest episode for the child (same start date) (DfE 903 validation rules).

use super::util_c::{episode_by_start, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule562;

static META: RuleMeta = RuleMeta {
    code: "562",
    message: "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule562 {
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
        let year_start = data.year_start();
        let earlier = data
            .current
            .episodes
            .iter()
            .filter(|row| row.decom.get().is_some_and(|d| d < year_start));
        let first_earlier = episode_by_start(earlier, false);
        let last_year = episode_by_start(&previous.episodes, true);
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let is_first = first_earlier
                .get(child)
                .is_some_and(|first| first.at.row_number == row.at.row_number);
            if !is_first {
                continue;
            }
            let continued = last_year
                .get(child)
                .is_some_and(|last| last.decom.get() == row.decom.get());
            if !continued {
                out.at("Episodes", row.at.row_number, Some(child), &["DECOM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn an_earlier_episode_missing_from_last_year_fails() {
        // 1: matches last year's latest. 2: last year's latest started elsewhere. 3: absent last
        // year. 4: started this year.
        let now = tables(
            "//- Episodes
             CHILD,DECOM
             1,15/03/2025
             1,05/06/2025
             2,13/03/2025
             3,01/01/2025
             4,01/05/2025",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM
             1,01/06/2024
             1,15/03/2025
             2,11/03/2025",
        );
        assert_eq!(
            findings(&Rule562, &with_previous(&now, &last)),
            vec![(3, "2".into()), (4, "3".into())]
        );
    }
}
