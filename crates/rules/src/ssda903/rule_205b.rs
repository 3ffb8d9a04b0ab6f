//! 205B: a child identified as UASC both last year and this year must have last year's date UASC
//! ceased on their 18th birthday, and this year's within this year or unchanged (DfE 903
//! validation rules).
//!
//! UASC status is derived from the UASC tables (see `util_b`). The 18th birthday comes from the
//! child's own DOB (this year's UASC row, else last year's, else the Header); the tool pairs
//! this year's UASC rows with last year's DOBs by row position. Both 28 February and 1 March are
//! accepted as the 18th birthday of a child born on 29 February.

use super::util_b::{birthday, dob_by_child, id, uasc_by_child};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule205B;

static META: RuleMeta = RuleMeta {
    code: "205B",
    message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
    severity: Severity::Error,
    tables: &["Header", "Header_last", "UASC", "UASC_last"],
    fields: &["DUC", "UASC"],
    years: Years::from(2023),
};

fn is_18th_birthday(dob: NaiveDate, date: NaiveDate) -> bool {
    // `checked_add_months` keeps 28 February for a 29 February birth, as pandas does.
    date == birthday(dob, 18) || dob.checked_add_months(chrono::Months::new(18 * 12)) == Some(date)
}

impl Rule for Rule205B {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Uasc),
            Needs::PreviousTable(Ssda903Table::Uasc),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let last_year = uasc_by_child(&previous.uasc);
        let header_dobs = dob_by_child(data.current);
        for row in &data.current.uasc {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let Some(last) = last_year.get(child) else {
                continue;
            };
            if row.duc.is_invalid() || last.duc.is_invalid() {
                continue;
            }
            let dob = row
                .dob
                .get()
                .or(last.dob.get())
                .or(header_dobs.get(child).copied());
            let Some(dob) = dob else { continue };
            let in_this_year = row
                .duc
                .get()
                .is_some_and(|duc| (data.year_start()..=data.year_end()).contains(&duc));
            let unchanged = row.duc == last.duc;
            let last_was_18th = matches!(last.duc, Cell::Value(duc) if is_18th_birthday(dob, duc));
            if (!in_this_year && !unchanged) || !last_was_18th {
                out.at("UASC", row.at.row_number, Some(child), &["DUC", "UASC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn ceasing_dates_must_follow_the_18th_birthday() {
        let now = tables(
            "//- UASC
             CHILD,DOB,DUC
             1,23/07/2007,23/07/2025
             2,04/11/2008,16/06/2026
             3,10/10/2008,01/05/2025
             4,29/02/2008,01/03/2026
             5,12/12/2009,12/12/2027",
        );
        let last = tables(
            "//- UASC
             CHILD,DOB,DUC
             1,23/07/2007,23/07/2025
             2,04/11/2008,04/11/2026
             3,10/10/2008,
             4,29/02/2008,28/02/2026",
        );
        // 1 unchanged 18th birthday; 2 changed to a date outside the year; 3 had no date last
        // year; 4 born on 29 February, either 18th birthday is accepted; 5 was not UASC last year.
        assert_eq!(
            findings(&Rule205B, &with_previous(&now, &last)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
