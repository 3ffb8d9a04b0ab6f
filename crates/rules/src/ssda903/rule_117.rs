//! 117: a decision that the child should (or should no longer) be placed for adoption is dated
//! after the collection year, or after the child last ceased to be looked after (DfE 903
//! validation rules).
//!
//! "Ceased to be looked after" is the end date of the child's latest episode not ended by `X1`
//! (a change within the period of care); an open latest episode only bounds by the year end.
//! The tool checks only children who have episodes; a date after the year end is reported here
//! whether or not the child has episodes, since the message makes that a fault on its own.

use super::util_a::{episode_by_start, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule117;

static META: RuleMeta = RuleMeta {
    code: "117",
    message: "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED", "DATE_PLACED_CEASED", "DEC", "DECOM", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule117 {
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
        let year_end = data.year_end();
        let latest = episode_by_start(&data.current.episodes, true, |e| {
            e.rec.get() != Some(ReasonEpisodeCeased::X1)
        });
        for row in &data.current.placed_for_adoption {
            let child = id(&row.child);
            let left_care = child
                .and_then(|c| latest.get(c))
                .and_then(|episode| episode.dec.get());
            let too_late = |date: Option<NaiveDate>| {
                date.is_some_and(|d| d > year_end || left_care.is_some_and(|left| d > left))
            };
            let mut fields = Vec::new();
            if too_late(row.date_placed.get()) {
                fields.push("DATE_PLACED");
            }
            if too_late(row.date_placed_ceased.get()) {
                fields.push("DATE_PLACED_CEASED");
            }
            if !fields.is_empty() {
                out.at("PlacedAdoption", row.at.row_number, child, &fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn decisions_after_the_year_or_after_leaving_care_fail() {
        // 1: within the year, before leaving. 2: reversal after the year end. 3: decision after
        // the child left care on 01/10/2025. 4: open episode, decision in the year. 5: the X1
        // episode is ignored, so the latest is the open one. 6: no episodes, after the year end.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC
             1,01/01/2025,01/12/2025,E11
             2,01/01/2025,,
             3,01/01/2025,01/10/2025,E13
             4,01/01/2025,,
             5,01/01/2025,01/05/2025,X1
             5,01/05/2025,,
             //- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED
             1,01/06/2025,
             2,01/06/2025,01/04/2026
             3,01/11/2025,
             4,01/03/2026,
             5,01/09/2025,
             6,01/05/2026,",
        );
        assert_eq!(
            findings(&Rule117, &current(&t)),
            vec![(2, "2".into()), (3, "3".into()), (6, "6".into())]
        );
    }
}
