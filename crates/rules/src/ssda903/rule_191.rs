//! 191: a child looked after continuously for 12 months at 31 March has blank OC2 items
//! (immunisations, teeth check, health assessment, substance misuse), or no OC2 row at all (DfE
//! 903 validation rules).
//!
//! A child in the cohort without an OC2 row is reported on their earliest episode, as the tool
//! does.

use super::util_a::{continuously_looked_after, episode_by_start, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule191;

static META: RuleMeta = RuleMeta {
    code: "191",
    message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
    severity: Severity::Error,
    tables: &["Episodes", "OC2"],
    fields: &[
        "CHILD",
        "HEALTH_ASSESSMENT",
        "IMMUNISATIONS",
        "SUBSTANCE_MISUSE",
        "TEETH_CHECK",
    ],
    years: Years::from(2023),
};

impl Rule for Rule191 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc2),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let cohort = continuously_looked_after(data);
        let mut with_oc2: HashSet<&str> = HashSet::default();
        for row in &data.current.oc2 {
            let child = id(&row.child);
            if let Some(c) = child {
                with_oc2.insert(c);
            }
            let missing = row.immunisations.is_blank()
                || row.teeth_check.is_blank()
                || row.health_assessment.is_blank()
                || row.substance_misuse.is_blank();
            if missing && child.is_some_and(|c| cohort.contains(c)) {
                out.at(
                    "OC2",
                    row.at.row_number,
                    child,
                    &[
                        "IMMUNISATIONS",
                        "TEETH_CHECK",
                        "HEALTH_ASSESSMENT",
                        "SUBSTANCE_MISUSE",
                    ],
                );
            }
        }
        let first_episodes = episode_by_start(&data.current.episodes, false, |_| true);
        let mut without_oc2: Vec<(&str, u64)> = first_episodes
            .iter()
            .filter(|(child, _)| cohort.contains(*child) && !with_oc2.contains(*child))
            .map(|(child, episode)| (*child, episode.at.row_number))
            .collect();
        without_oc2.sort_unstable_by_key(|(_, row)| *row);
        for (child, row_number) in without_oc2 {
            out.at("Episodes", row_number, Some(child), &["CHILD"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn blank_items_or_a_missing_row_in_the_cohort_fail() {
        // 1: complete. 2: teeth check blank. 3: in the cohort, no OC2 row (first episode is
        // row 4). 4: not in the cohort, blank items.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS,DEC,REC
             1,01/01/2020,S,C2,,
             2,01/01/2020,S,C2,,
             3,01/05/2021,P,C2,,
             3,01/01/2020,S,C2,01/05/2021,X1
             4,01/06/2025,S,C2,,
             //- OC2
             CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE
             1,1,1,1,0
             2,1,,1,0
             4,,,,",
        );
        let mut out = Findings::new(Rule191.meta());
        Rule191.check(&current(&t), &mut out);
        let found: Vec<(&str, u64, Option<String>)> = out
            .into_vec()
            .into_iter()
            .map(|f| (f.table, f.row_number.unwrap_or(0), f.child_id))
            .collect();
        assert_eq!(
            found,
            vec![
                ("OC2", 2, Some("2".into())),
                ("Episodes", 4, Some("3".into()))
            ]
        );
    }
}
