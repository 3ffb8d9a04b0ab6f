//! 210: a child looked after for more than a week at 31 March has the unknown-UPN code UN4 (DfE
//! 903 validation rules).
//!
//! Follows the DfE message: the child has an episode open at the end of the year and the period
//! of care holding it began before 24 March (more than seven days before 31 March). The period
//! begins at the latest episode starting a period of care (RNE S) at or before the open one, or
//! at the child's first episode in the return. The tool instead flags UN4 whenever any episode
//! starts on or after 24 March, which reports the children looked after for less than a week,
//! the opposite of the message.

use super::util_b::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::{Days, NaiveDate};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Table, UpnField};
use sightline_model::codes::{ReasonNewEpisode, UpnUnknown};

pub(crate) struct Rule210;

static META: RuleMeta = RuleMeta {
    code: "210",
    message: "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "UPN"],
    years: Years::from(2023),
};

/// When the period of care holding the episode open at `year_end` began, if one is open.
fn open_period_start(episodes: &[&EpisodeRow], year_end: NaiveDate) -> Option<NaiveDate> {
    let open = episodes.iter().rposition(|row| {
        row.decom.get().is_some_and(|d| d <= year_end)
            && match &row.dec {
                Cell::Blank => true,
                Cell::Value(dec) => *dec > year_end,
                Cell::Invalid(_) => false,
            }
    })?;
    let before = episodes.get(..=open)?;
    let start = before
        .iter()
        .rev()
        .find(|row| row.rne.get() == Some(ReasonNewEpisode::S))
        .or(before.first())?;
    start.decom.get()
}

impl Rule for Rule210 {
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
        let year_end = data.year_end();
        let Some(week_before) = year_end.checked_sub_days(Days::new(7)) else {
            return;
        };
        let episodes = episodes_by_child(data.current);
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !matches!(row.upn, Cell::Value(UpnField::Unknown(UpnUnknown::UN4))) {
                continue;
            }
            let start = episodes
                .get(child)
                .and_then(|eps| open_period_start(eps, year_end));
            if start.is_some_and(|start| start < week_before) {
                out.at("Header", row.at.row_number, Some(child), &["DECOM", "UPN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn un4_after_more_than_a_week_in_care_fails() {
        let t = tables(
            "//- Header
             CHILD,UPN
             1,UN4
             2,UN4
             3,UN4
             4,UN3
             5,UN4
             //- Episodes
             CHILD,DECOM,RNE,DEC
             1,01/01/2026,S,10/03/2026
             1,10/03/2026,P,
             2,24/03/2026,S,
             3,01/01/2026,S,01/02/2026
             4,01/01/2026,S,
             5,01/01/2026,S,01/02/2026
             5,23/03/2026,S,",
        );
        // 1 in care since January; 2 for exactly a week; 3 left care; 4 has UN3;
        // 5 returned to care on 23 March, eight days before 31 March.
        assert_eq!(
            findings(&Rule210, &current(&t)),
            vec![(1, "1".into()), (5, "5".into())]
        );
    }
}
