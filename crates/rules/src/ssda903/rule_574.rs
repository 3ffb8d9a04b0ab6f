//! 574: a child's missing or away periods cannot overlap, and a new one cannot start while the
//! previous one is open (DfE 903 validation rules).
//!
//! A child's periods are ordered by end date (an open period by its start), then start date, as
//! in the tool; a period is reported when the one before it has no end date or ends after it
//! starts. Periods without a valid start date are left out (rules 564 and 1004 report them), and
//! an invalid end date makes the next period uncheckable (rule 1005 reports it).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, MissingRow, Ssda903Table};

pub(crate) struct Rule574;

static META: RuleMeta = RuleMeta {
    code: "574",
    message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_END", "MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule574 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut by_child: HashMap<&str, Vec<&MissingRow>> = HashMap::default();
        for row in &data.current.missing {
            if let (Some(child), Some(_)) = (id(&row.child), row.mis_start.get()) {
                by_child.entry(child).or_default().push(row);
            }
        }
        let mut overlapping: Vec<&MissingRow> = Vec::new();
        for rows in by_child.values_mut() {
            rows.sort_by_key(|row| {
                let start = row.mis_start.get();
                (row.mis_end.get().or(start), start, row.at.row_number)
            });
            for pair in rows.windows(2) {
                let [previous, row] = pair else { continue };
                let overlaps = match previous.mis_end {
                    Cell::Blank => true,
                    Cell::Value(end) => row.mis_start.get().is_some_and(|start| start < end),
                    Cell::Invalid(_) => false,
                };
                if overlaps {
                    overlapping.push(row);
                }
            }
        }
        overlapping.sort_by_key(|row| row.at.row_number);
        for row in overlapping {
            out.at("Missing", row.at.row_number, id(&row.child), META.fields);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn overlapping_or_open_periods_fail() {
        // 1: an open period ordered before a closed one. 2: back to back (passes).
        // 3: overlapping.
        let t = tables(
            "//- Missing
             CHILD,MIS_START,MIS_END
             1,01/06/2025,05/06/2025
             1,04/06/2025,
             2,03/06/2025,04/06/2025
             2,04/06/2025,06/06/2025
             3,02/06/2025,04/06/2025
             3,03/06/2025,09/06/2025",
        );
        assert_eq!(
            findings(&Rule574, &current(&t)),
            vec![(1, "1".into()), (6, "3".into())]
        );
    }
}
