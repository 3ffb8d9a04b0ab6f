//! 630: a child started to be looked after during the year but the previous permanence items
//! were not returned (DfE 903 validation rules).
//!
//! For each episode starting a period of care (RNE `S`) on or after 1 April: the child needs a
//! PrevPerm row with `PREV_PERM` given and, unless it is `Z1` (none), `LA_PERM` and `DATE_PERM`
//! given too. The finding goes on the episode, as in the tool.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{PreviousPermanenceRow, Ssda903Table};
use sightline_model::codes::{PreviousPermanence, ReasonNewEpisode};

pub(crate) struct Rule630;

static META: RuleMeta = RuleMeta {
    code: "630",
    message: "Information on previous permanence option should be returned.",
    severity: Severity::Error,
    tables: &["Episodes", "PrevPerm"],
    fields: &["RNE"],
    years: Years::from(2023),
};

fn complete(row: &PreviousPermanenceRow) -> bool {
    if row.prev_perm.is_blank() {
        return false;
    }
    row.prev_perm.get() == Some(PreviousPermanence::Z1)
        || (!row.la_perm.is_blank() && !row.date_perm.is_blank())
}

impl Rule for Rule630 {
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
        let mut prev_perm: HashMap<&str, &PreviousPermanenceRow> = HashMap::default();
        for row in &data.current.previous_permanence {
            if let Some(child) = id(&row.child) {
                prev_perm.entry(child).or_insert(row);
            }
        }
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let starts_care_in_year = row.rne.get() == Some(ReasonNewEpisode::S)
                && row.decom.get().is_some_and(|d| d >= data.year_start());
            if starts_care_in_year && !prev_perm.get(child).is_some_and(|r| complete(r)) {
                out.at("Episodes", row.at.row_number, Some(child), &["RNE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn children_starting_care_without_previous_permanence_fail() {
        // 0: not a new period. 1: no PrevPerm row. 2: Z1. 3: placement change. 4: started
        // last year. 5: P1 without LA. 6: Z1. 7: PREV_PERM blank. 8: complete.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE
             0,01/04/2025,T
             1,01/04/2025,S
             2,01/04/2025,S
             3,01/04/2025,P
             4,31/03/2025,S
             5,01/04/2025,S
             6,01/04/2025,S
             7,01/04/2025,S
             8,01/04/2025,S
             //- PrevPerm
             CHILD,PREV_PERM,LA_PERM,DATE_PERM
             2,Z1,,
             4,P1,352,
             5,P1,,01/05/2000
             6,Z1,,
             7,,,
             8,P1,352,05/05/2020",
        );
        assert_eq!(
            findings(&Rule630, &current(&t)),
            vec![(2, "1".into()), (6, "5".into()), (8, "7".into())]
        );
    }
}
