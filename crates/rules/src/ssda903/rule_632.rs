//! 632: the date of the previous permanence order is not valid or is not before the start of the
//! child's first episode (DfE 903 validation rules).
//!
//! `DATE_PERM` may give `ZZ` for an unknown day or month and `ZZZZ` for an unknown year. A date
//! with an unknown part is reported only when even its earliest possible day is on or after the
//! first episode's start; one with an unknown year cannot be compared. Text that is not such a
//! date is reported whether or not the child has episodes (the tool reports it only for
//! children with one). The finding goes on the PrevPerm row, where `DATE_PERM` is.

use super::util_d::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::records::PartialDate;

pub(crate) struct Rule632;

static META: RuleMeta = RuleMeta {
    code: "632",
    message: "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year",
    severity: Severity::Error,
    tables: &["Episodes", "PrevPerm"],
    fields: &["DATE_PERM", "DECOM"],
    years: Years::from(2023),
};

/// The earliest day a partial date can stand for; `None` when its year is unknown.
fn earliest_day(date: &PartialDate) -> Option<NaiveDate> {
    let year = i32::from(date.year?);
    let month = date.month.map_or(1, u32::from);
    let day = date.day.map_or(1, u32::from);
    NaiveDate::from_ymd_opt(year, month, day)
}

impl Rule for Rule632 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::PreviousPermanence),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let episodes = episodes_by_child(&data.current.episodes);
        for row in &data.current.previous_permanence {
            let child = id(&row.child);
            let first_start = child
                .and_then(|c| episodes.get(c))
                .and_then(|rows| rows.first())
                .and_then(|first| first.decom.get());
            let bad = match &row.date_perm {
                Cell::Invalid(_) => true,
                Cell::Blank => false,
                Cell::Value(date) => earliest_day(date)
                    .zip(first_start)
                    .is_some_and(|(date, start)| date >= start),
            };
            if bad {
                out.at("PrevPerm", row.at.row_number, child, &["DATE_PERM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn invalid_dates_and_dates_not_before_care_fail() {
        // 1: not a date. 2: the day care started. 3: before care. 4: unknown day, before care.
        // 5: unknown month, the earliest day is after care started. 6: unknown year. 7: bad ZZ.
        let t = tables(
            "//- Episodes
             CHILD,DECOM
             1,20/10/2011
             2,19/11/2021
             2,17/06/2001
             3,11/09/2015
             4,01/07/2021
             5,01/07/2021
             6,01/07/2021
             7,01/07/2021
             //- PrevPerm
             CHILD,DATE_PERM
             1,xx/10/2011
             2,17/06/2001
             3,01/05/2000
             4,ZZ/05/2021
             5,ZZ/ZZ/2022
             6,ZZ/ZZ/ZZZZ
             7,ZZ/ZZ/ZZ",
        );
        assert_eq!(
            findings(&Rule632, &current(&t)),
            vec![
                (1, "1".into()),
                (2, "2".into()),
                (5, "5".into()),
                (7, "7".into())
            ]
        );
    }
}
