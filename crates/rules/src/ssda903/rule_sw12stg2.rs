//! SW12STG2: a child looked after on 31 March lacks social worker episodes covering the whole
//! collection year (DfE 903 validation rules).
//!
//! Sightline's reading of the message: a child looked after on 31 March (an episode other than a
//! short break, V3/V4, started by then and open at the end of the year) must have social worker
//! episodes, the earliest starting on or before 1 April (or the child's birth, if later), unless
//! that earliest episode is the child's first contact with a social worker (`FCONTA`), before
//! which there was none to report. The finding goes on the open episode.
//!
//! The tool's 2024-25 check pairs every episode that starts or ends care in the last two years
//! with every social worker episode of the child and reports an episode when any pair fails both
//! "social worker episode starts on or before the episode ends" and "starts on or after the
//! period of care starts"; it reports most children with more than one social worker and is not
//! followed.

use super::util_d::{dob_by_child, id, sw_episodes_by_child};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Table};
use sightline_model::codes::{LegalStatus, SwChangeReason};

pub(crate) struct RuleSw12stg2;

static META: RuleMeta = RuleMeta {
    code: "SW12STG2",
    message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
    severity: Severity::Error,
    tables: &["Episodes", "SWEpisodes"],
    fields: &["SW_DECOM"],
    years: Years::from(2024),
};

fn open_at_year_end(row: &EpisodeRow, data: &Ssda903Return) -> bool {
    let started = row.decom.get().is_some_and(|d| d <= data.year_end());
    let open = match &row.dec {
        Cell::Blank => true,
        Cell::Value(dec) => *dec > data.year_end(),
        Cell::Invalid(_) => false,
    };
    started && open && !row.ls.get().is_some_and(LegalStatus::is_short_break)
}

impl Rule for RuleSw12stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::SwEpisodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut looked_after: HashMap<&str, &EpisodeRow> = HashMap::default();
        for row in data
            .current
            .episodes
            .iter()
            .filter(|r| open_at_year_end(r, data))
        {
            if let Some(child) = id(&row.child) {
                looked_after.insert(child, row);
            }
        }
        let sw_episodes = sw_episodes_by_child(data.current);
        let dobs = dob_by_child(data.current);
        let mut found: Vec<(u64, &str)> = Vec::new();
        for (child, episode) in looked_after {
            let cover_from = dobs
                .get(child)
                .map_or(data.year_start(), |dob| (*dob).max(data.year_start()));
            let covered = sw_episodes
                .get(child)
                .and_then(|rows| rows.first())
                .is_some_and(|first| {
                    first.sw_decom.get().is_some_and(|d| d <= cover_from)
                        || first.sw_reason.get() == Some(SwChangeReason::FCONTA)
                });
            if !covered {
                found.push((episode.at.row_number, child));
            }
        }
        found.sort_unstable();
        for (row_number, child) in found {
            out.at("Episodes", row_number, Some(child), &["SW_DECOM"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn children_in_care_at_31_march_without_a_full_year_of_social_workers_fail() {
        // 1: covered since 2024. 2: no social worker episodes. 3: first from June, not first
        // contact. 4: first contact in June. 5: short break. 6: left care. 7: born in May.
        let t = tables(
            "//- Header
             CHILD,DOB
             7,10/05/2025
             //- Episodes
             CHILD,DECOM,DEC,LS
             1,01/01/2023,,C2
             2,01/01/2023,,C2
             3,01/01/2023,,C2
             4,01/07/2025,,C2
             5,01/07/2025,,V3
             6,01/01/2023,01/01/2026,C2
             7,10/05/2025,,C2
             //- SWEpisodes
             CHILD,SW_DECOM,SW_REASON
             1,01/01/2024,FCONTA
             3,01/06/2025,MANAGE
             4,01/06/2025,FCONTA
             7,10/05/2025,MANAGE",
        );
        assert_eq!(
            findings(&RuleSw12stg2, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
