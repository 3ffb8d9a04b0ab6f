//! 367: a child spends more than 75 days in short breaks (V3) in the year (DfE 903 validation
//! rules).
//!
//! As in the tool, the 12-month period is the collection year: each V3 episode is cut to the
//! year (an open one runs to 31 March), the days are summed per child, and every V3 episode of
//! a child over 75 days is reported.

use super::util_b::{end_or_year_end, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule367;

static META: RuleMeta = RuleMeta {
    code: "367",
    message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule367 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut breaks: Vec<(&str, &EpisodeRow)> = Vec::new();
        let mut days: HashMap<&str, i64> = HashMap::default();
        for row in &data.current.episodes {
            if row.ls.get() != Some(LegalStatus::V3) {
                continue;
            }
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(decom), Some(end)) = (row.decom.get(), end_or_year_end(row, data)) else {
                continue;
            };
            let length = (end.min(data.year_end()) - decom.max(data.year_start())).num_days();
            if length > 0 {
                *days.entry(child).or_default() += length;
                breaks.push((child, row));
            }
        }
        for (child, row) in breaks {
            if days.get(child).is_some_and(|total| *total > 75) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["DEC", "DECOM", "LS"],
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
    fn more_than_75_days_of_breaks_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS
             1,01/01/2025,01/06/2025,V3
             2,01/04/2025,01/05/2025,V3
             2,01/05/2025,01/06/2025,C2
             2,01/06/2025,01/07/2025,V3
             2,01/07/2025,01/08/2025,V3
             3,01/03/2026,,V3",
        );
        // 1: 61 days inside the year; 2: 30 + 30 + 31 = 91 days; 3: 30 days.
        assert_eq!(
            findings(&Rule367, &current(&t)),
            vec![(2, "2".into()), (4, "2".into()), (5, "2".into())]
        );
    }
}
