//! 607: a girl ceased to be looked after during the year but her mother field is blank (DfE 903
//! validation rules, 2024-25 definition: `SEX` coded `F`).
//!
//! An episode ends care when it has a `DEC` in the year and a reason other than `X1` (an invalid
//! reason counts, as the tool's `notna()` does), and is not a short break (V3/V4). The finding
//! goes on the child's Header row, where `MOTHER` is missing; the tool also reports each episode.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Table};
use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased, Sex};

pub(crate) struct Rule607;

static META: RuleMeta = RuleMeta {
    code: "607",
    message: "Child ceased to be looked after in the year, but mother field has not been completed.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DEC", "LS", "MOTHER", "REC", "SEX"],
    years: Years::from(2023),
};

fn ceases_care_in_year(row: &EpisodeRow, data: &Ssda903Return) -> bool {
    let in_year = row
        .dec
        .get()
        .is_some_and(|dec| dec >= data.year_start() && dec <= data.year_end());
    let ends_care = match &row.rec {
        Cell::Value(rec) => *rec != ReasonEpisodeCeased::X1,
        Cell::Invalid(_) => true,
        Cell::Blank => false,
    };
    in_year && ends_care && !row.ls.get().is_some_and(LegalStatus::is_short_break)
}

impl Rule for Rule607 {
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
        let left_care: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|row| ceases_care_in_year(row, data))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if crate::ssda903::sex_in_year(&row.sex, data.year) == Some(Sex::Female)
                && row.mother.is_blank()
                && left_care.contains(child)
            {
                out.at("Header", row.at.row_number, Some(child), &["MOTHER"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn girls_leaving_care_without_mother_status_fail() {
        // 1: left in the year. 2: short break. 3: left last year. 4: placement change (X1).
        // 5: boy. 6: mother status given. 7: no reason recorded.
        let t = tables(
            "//- Header
             CHILD,SEX,MOTHER
             1,F,
             2,F,
             3,F,
             4,F,
             5,M,
             6,F,0
             7,F,
             //- Episodes
             CHILD,DEC,REC,LS
             1,03/06/2025,E48,C2
             2,03/06/2025,E15,V3
             3,03/01/2025,E46,C2
             4,03/06/2025,X1,C2
             5,03/06/2025,E11,C2
             6,03/06/2025,E11,C2
             7,03/06/2025,,C2",
        );
        assert_eq!(findings(&Rule607, &current(&t)), vec![(1, "1".into())]);
    }
}
