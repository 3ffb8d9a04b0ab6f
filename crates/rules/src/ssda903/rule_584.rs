//! 584: after last year's decision to place for adoption was reversed, a decision reported this
//! year must be a new, later one (DfE 903 validation rules).
//!
//! For each of last year's reversed decisions (reversal date or reason given, decision date
//! given), this year's rows for the child must be dated after it; a blank date this year is
//! reported too, as in the tool. The tool's own comparison looks rows up by position in its
//! joined table rather than by row, so it can report the wrong rows; here the rows compared are
//! reported.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule584;

static META: RuleMeta = RuleMeta {
    code: "584",
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
    severity: Severity::Error,
    tables: &["PlacedAdoption", "PlacedAdoption_last"],
    fields: &["DATE_PLACED"],
    years: Years::from(2023),
};

impl Rule for Rule584 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::PlacedForAdoption),
            Needs::PreviousTable(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        // Per child, last year's reversed decisions (dates, when valid).
        let mut reversed: HashMap<&str, Vec<Option<NaiveDate>>> = HashMap::default();
        for row in &previous.placed_for_adoption {
            let ceased = !row.date_placed_ceased.is_blank() || !row.reason_placed_ceased.is_blank();
            if let (Some(child), true) = (id(&row.child), ceased) {
                reversed
                    .entry(child)
                    .or_default()
                    .push(row.date_placed.get());
            }
        }
        for row in &data.current.placed_for_adoption {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let Some(last_dates) = reversed.get(child) else {
                continue;
            };
            let not_new = match row.date_placed {
                Cell::Blank => true,
                Cell::Value(now) => last_dates.iter().flatten().any(|last| now <= *last),
                Cell::Invalid(_) => false,
            };
            if not_new {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED"],
                );
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
    fn a_decision_not_after_a_reversed_one_fails() {
        // 1: earlier than last year's reversed decision. 2: later (passes). 3: last year's was
        // standing. 4: blank after a reversal. 5: same date as the reversed one.
        let now = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,01/02/2024
             2,01/02/2025
             3,01/02/2024
             4,
             5,01/02/2024",
        );
        let last = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
             1,01/03/2024,01/04/2024,RD1
             2,01/03/2024,01/04/2024,RD1
             3,01/03/2024,,
             4,01/03/2024,,RD2
             5,01/02/2024,01/04/2024,",
        );
        assert_eq!(
            findings(&Rule584, &with_previous(&now, &last)),
            vec![(1, "1".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
