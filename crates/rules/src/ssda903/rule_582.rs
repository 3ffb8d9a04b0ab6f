//! 582: a child adopted (episode ending E11/E12) should have been matched with adopters before
//! the adoption date, not on it (DfE 903 validation rules).
//!
//! Reported on the adoption episode when any of the child's AD1 rows has `DATE_MATCH` equal to
//! its `DEC`, as in the tool.

use super::util_c::{ended_in_adoption, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule582;

static META: RuleMeta = RuleMeta {
    code: "582",
    message: "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &["DATE_MATCH", "DEC"],
    years: Years::from(2023),
};

impl Rule for Rule582 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Ad1),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut matched: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
        for row in &data.current.ad1 {
            if let (Some(child), Some(date)) = (id(&row.child), row.date_match.get()) {
                matched.entry(child).or_default().push(date);
            }
        }
        for row in &data.current.episodes {
            let (Some(child), Some(dec)) = (id(&row.child), row.dec.get()) else {
                continue;
            };
            let same_day = matched.get(child).is_some_and(|dates| dates.contains(&dec));
            if ended_in_adoption(row) && same_day {
                out.at("Episodes", row.at.row_number, Some(child), &["DEC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn adoption_on_the_matching_day_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DEC,REC
             1,01/01/2026,E11
             2,01/01/2026,E12
             3,01/01/2026,E13
             //- AD1
             CHILD,DATE_MATCH
             1,02/12/2025
             2,01/01/2026
             3,01/01/2026",
        );
        assert_eq!(findings(&Rule582, &current(&t)), vec![(2, "2".into())]);
    }
}
