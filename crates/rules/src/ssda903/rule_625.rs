//! 625: the date of birth of the mother's first child is after the end of the collection year or
//! after the date she ceased to be looked after (DfE 903 validation rules).
//!
//! "Ceased to be looked after" is the end date of the child's latest episode (by start date);
//! the tool takes the latest end date of any episode, even when a later episode is still open,
//! and checks the year end only for children with an ended episode. Here the year end is
//! checked for every child. The finding goes on the Header row, where MC_DOB is.

use super::util_d::{id, latest_episode_by_child};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule625;

static META: RuleMeta = RuleMeta {
    code: "625",
    message: "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["MC_DOB", "DEC"],
    years: Years::from(2023),
};

impl Rule for Rule625 {
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
        let latest = latest_episode_by_child(&data.current.episodes);
        for row in &data.current.header {
            let (Some(child), Some(mc_dob)) = (id(&row.child), row.mc_dob.get()) else {
                continue;
            };
            let left_before = latest
                .get(child)
                .and_then(|episode| episode.dec.get())
                .is_some_and(|dec| mc_dob > dec);
            if mc_dob > data.year_end() || left_before {
                out.at("Header", row.at.row_number, Some(child), &["MC_DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_first_child_born_after_the_year_or_after_leaving_care_fails() {
        // 1: born after the year end. 2: born after the child left care. 3: born while a later
        // episode is open. 4: born before leaving care.
        let t = tables(
            "//- Header
             CHILD,MC_DOB
             1,01/04/2026
             2,19/12/2025
             3,19/12/2025
             4,19/12/2025
             //- Episodes
             CHILD,DECOM,DEC
             2,01/01/2025,11/11/2025
             3,01/01/2025,11/11/2025
             3,11/11/2025,
             4,01/01/2025,20/12/2025",
        );
        assert_eq!(
            findings(&Rule625, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
