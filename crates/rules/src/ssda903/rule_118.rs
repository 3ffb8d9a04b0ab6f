//! 118: a decision that the child should no longer be placed for adoption is dated before the
//! collection year, or before the child started to be looked after (DfE 903 validation rules).
//!
//! "Started to be looked after" is the start of the child's earliest episode that is not a short
//! break (V3/V4). The tool checks only children who have episodes; a date before the year start
//! is reported here whether or not the child has episodes.

use super::util_a::{episode_by_start, id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule118;

static META: RuleMeta = RuleMeta {
    code: "118",
    message: "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED_CEASED", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule118 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let year_start = data.year_start();
        let earliest = episode_by_start(&data.current.episodes, false, |e| !is_short_break(&e.ls));
        for row in &data.current.placed_for_adoption {
            let Some(ceased) = row.date_placed_ceased.get() else {
                continue;
            };
            let child = id(&row.child);
            let started = child
                .and_then(|c| earliest.get(c))
                .and_then(|episode| episode.decom.get());
            if ceased < year_start || started.is_some_and(|s| ceased < s) {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    child,
                    &["DATE_PLACED_CEASED"],
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
    fn reversals_before_the_year_or_before_care_fail() {
        // 1: before the year start. 2: before care started on 01/06/2025 (the earlier V3
        // episode does not count). 3: after care started. 4: no reversal.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,LS
             1,01/01/2019,C2
             2,01/04/2025,V3
             2,01/06/2025,C2
             3,01/01/2019,C2
             4,01/01/2019,C2
             //- PlacedAdoption
             CHILD,DATE_PLACED_CEASED
             1,08/03/2025
             2,01/05/2025
             3,01/05/2025
             4,",
        );
        assert_eq!(
            findings(&Rule118, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
