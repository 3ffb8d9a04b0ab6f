//! 1001: care-leaver information is given for a young person whose episodes show they are not a
//! relevant or former relevant child (DfE 903 validation rules).
//!
//! As the tool computes it from this year's and last year's episodes: a care leaver must have
//! been looked after at least 91 days after their 14th birthday and at least one day after their
//! 16th, not counting short breaks (V3/V4), and must not have left care through adoption (REC
//! `E11`/`E12` on their latest episode). An episode appearing in both returns (same start date)
//! is counted once, keeping the copy with an end date; the latest episode, when open, counts to
//! the end of the year; other episodes without an end date count nothing.
//!
//! Differences from the tool, whose left join reports them by accident: young people aged 20 or
//! over at the end of the year, whose qualifying care may predate last year's return, and those
//! without a Header date of birth, are not checked (the tool's own comment says it means to drop
//! the former); young people with no episode in either year are 1002's finding.

use super::util_d::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased};

pub(crate) struct Rule1001;

static META: RuleMeta = RuleMeta {
    code: "1001",
    message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last", "Header", "OC3"],
    fields: &["ACCOM", "ACTIV", "IN_TOUCH"],
    years: Years::from(2023),
};

/// One child's episodes of both years, one per start date, in start order.
fn merged_episodes<'a>(
    current: &'a [EpisodeRow],
    previous: &'a [EpisodeRow],
) -> HashMap<&'a str, Vec<&'a EpisodeRow>> {
    let mut by_start: HashMap<(&str, NaiveDate), &EpisodeRow> = HashMap::default();
    for row in current.iter().chain(previous) {
        let (Some(child), Some(start)) = (id(&row.child), row.decom.get()) else {
            continue;
        };
        let keep = by_start.entry((child, start)).or_insert(row);
        // Keep the copy with the earlier end date; an open copy yields to an ended one.
        let better = match (row.dec.get(), keep.dec.get()) {
            (Some(new), Some(old)) => new < old,
            (Some(_), None) => true,
            _ => false,
        };
        if better {
            *keep = row;
        }
    }
    let mut by_child: HashMap<&str, Vec<&EpisodeRow>> = HashMap::default();
    for ((child, _), row) in by_start {
        by_child.entry(child).or_default().push(row);
    }
    for rows in by_child.values_mut() {
        rows.sort_by_key(|row| (row.decom.get(), row.at.row_number));
    }
    by_child
}

/// Days looked after on or after `from` (short breaks excluded).
fn days_since(episodes: &[&EpisodeRow], from: NaiveDate, year_end: NaiveDate) -> i64 {
    let last = episodes.len().saturating_sub(1);
    episodes
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.ls.get().is_some_and(LegalStatus::is_short_break))
        .filter_map(|(i, row)| {
            let start = row.decom.get()?.max(from);
            let end = row
                .dec
                .get()
                .or((i == last && row.dec.is_blank()).then_some(year_end))?;
            Some((end - start).num_days().max(0))
        })
        .sum()
}

impl Rule for Rule1001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Oc3),
            Needs::PreviousTable(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let episodes = merged_episodes(&data.current.episodes, &previous.episodes);
        let dobs = dob_by_child(data.current);
        let year_end = data.year_end();
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(dob), Some(eps)) = (dobs.get(child), episodes.get(child)) else {
                continue;
            };
            if birthday(*dob, 20) <= year_end {
                continue;
            }
            let adopted = eps.last().is_some_and(|last| {
                matches!(
                    last.rec.get(),
                    Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
                )
            });
            let relevant = days_since(eps, birthday(*dob, 14), year_end) >= 91
                && days_since(eps, birthday(*dob, 16), year_end) >= 1;
            if adopted || !relevant {
                out.at(
                    "OC3",
                    row.at.row_number,
                    Some(child),
                    &["IN_TOUCH", "ACTIV", "ACCOM"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_d::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn care_leavers_without_enough_care_after_14_and_16_fail() {
        // Everyone was born on 1 June 2008 (14 on 1 June 2022, 16 on 1 June 2024).
        // 1: 100 days after 16 (pass). 2: 50 days after 14, none after 16. 3: enough, but
        // short breaks. 4: enough but adopted. 5: open latest episode counts to 31 March (pass).
        // 6: aged 20+, not checked. 7: the same episode in both years, counted once (pass).
        let now = tables(
            "//- Header
             CHILD,DOB
             1,01/06/2008
             2,01/06/2008
             3,01/06/2008
             4,01/06/2008
             5,01/06/2008
             6,01/06/2005
             7,01/06/2008
             //- Episodes
             CHILD,DECOM,DEC,LS,REC
             1,01/06/2024,09/09/2024,C2,E8
             3,01/06/2024,09/09/2024,V3,E8
             4,01/06/2024,09/09/2024,C2,E11
             5,01/02/2026,,C2,
             7,01/06/2024,09/09/2024,C2,E8
             //- OC3
             CHILD
             1
             2
             3
             4
             5
             6
             7",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS,REC
             2,01/06/2022,21/07/2022,C2,E8
             5,01/06/2024,11/07/2024,C2,E8
             7,01/06/2024,,C2,",
        );
        assert_eq!(
            findings(&Rule1001, &with_previous(&now, &last)),
            vec![(2, "2".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
