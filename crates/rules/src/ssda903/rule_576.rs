//! 576: a missing or away period still open at the end of last year must be this year's first
//! period for the child, with the same start date (DfE 903 validation rules).
//!
//! Reported on the child's earliest period this year (by start date; rows without a valid start
//! come last), as in the tool. A child with an open period last year and no row at all this year
//! has no row to report on, and is not reported, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{MissingRow, Ssda903Table};

pub(crate) struct Rule576;

static META: RuleMeta = RuleMeta {
    code: "576",
    message: "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.",
    severity: Severity::Error,
    tables: &["Missing", "Missing_last"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for Rule576 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Missing),
            Needs::PreviousTable(Ssda903Table::Missing),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let mut open_last_year: HashMap<&str, Vec<chrono::NaiveDate>> = HashMap::default();
        for row in &previous.missing {
            if let (Some(child), Some(start), true) =
                (id(&row.child), row.mis_start.get(), row.mis_end.is_blank())
            {
                open_last_year.entry(child).or_default().push(start);
            }
        }
        let mut earliest: HashMap<&str, &MissingRow> = HashMap::default();
        for row in &data.current.missing {
            let Some(child) = id(&row.child) else {
                continue;
            };
            // A row without a valid start sorts after every dated one.
            let key = |r: &MissingRow| (r.mis_start.get().is_none(), r.mis_start.get());
            if earliest.get(child).is_none_or(|best| key(row) < key(best)) {
                earliest.insert(child, row);
            }
        }
        for row in &data.current.missing {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let is_earliest = earliest
                .get(child)
                .is_some_and(|best| best.at.row_number == row.at.row_number);
            let differs = open_last_year
                .get(child)
                .is_some_and(|starts| starts.iter().any(|s| Some(*s) != row.mis_start.get()));
            if is_earliest && differs {
                out.at("Missing", row.at.row_number, Some(child), &["CHILD"]);
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
    fn an_open_period_not_carried_over_fails() {
        // 1: carried over. 2: first period starts on another day. 3: no start date this year.
        // 4: last year's period was closed.
        let now = tables(
            "//- Missing
             CHILD,MIS_START
             1,07/02/2025
             1,01/05/2025
             2,08/02/2025
             3,
             4,01/05/2025",
        );
        let last = tables(
            "//- Missing
             CHILD,MIS_START,MIS_END
             1,07/02/2025,
             2,07/02/2025,
             3,07/02/2025,
             4,03/02/2025,07/02/2025",
        );
        assert_eq!(
            findings(&Rule576, &with_previous(&now, &last)),
            vec![(3, "2".into()), (4, "3".into())]
        );
    }
}
