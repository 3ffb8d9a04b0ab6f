//! 634: previous permanence items are given for a child who has not started to be looked after
//! since 1 April 2016 (DfE 903 validation rules).
//!
//! The DfE rule: when any of `PREV_PERM`, `LA_PERM`, `DATE_PERM` is given, at least one episode
//! must start after 1 April 2016, when the items were introduced. The tool compares with the
//! start of the collection year instead, which contradicts its own message; Sightline follows
//! the DfE text. Children without episodes are not checked, as in the tool. The finding goes on
//! the PrevPerm row.

use super::util_d::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule634;

static META: RuleMeta = RuleMeta {
    code: "634",
    message: "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.",
    severity: Severity::Error,
    tables: &["Episodes", "PrevPerm"],
    fields: &["DATE_PERM", "DECOM", "LA_PERM", "PREV_PERM"],
    years: Years::from(2023),
};

impl Rule for Rule634 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::PreviousPermanence),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let introduced = NaiveDate::from_ymd_opt(2016, 4, 1).unwrap_or(NaiveDate::MIN);
        let episodes = episodes_by_child(&data.current.episodes);
        for row in &data.current.previous_permanence {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let given =
                !row.prev_perm.is_blank() || !row.la_perm.is_blank() || !row.date_perm.is_blank();
            let last_start = episodes
                .get(child)
                .and_then(|rows| rows.last())
                .and_then(|last| last.decom.get());
            if given && last_start.is_some_and(|start| start < introduced) {
                out.at(
                    "PrevPerm",
                    row.at.row_number,
                    Some(child),
                    &["PREV_PERM", "LA_PERM", "DATE_PERM"],
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
    fn permanence_items_for_children_in_care_since_before_2016_fail() {
        // 1: in care since 2011. 2: a later episode from 2021. 3: nothing given. 4: no episodes.
        let t = tables(
            "//- Episodes
             CHILD,DECOM
             1,20/10/2011
             2,17/06/2001
             2,19/11/2021
             3,01/03/2016
             //- PrevPerm
             CHILD,PREV_PERM,LA_PERM,DATE_PERM
             1,Z1,,
             2,P1,352,05/05/2000
             3,,,
             4,P1,352,",
        );
        assert_eq!(findings(&Rule634, &current(&t)), vec![(1, "1".into())]);
    }
}
