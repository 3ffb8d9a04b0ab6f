//! 8569Q: a referral from before the start of the census year minus one working day is flagged
//! no further action (DfE CIN census validation rules 2025-26: if CINreferralDate is before
//! [Start_of_Census_Year] minus 1 working day, ReferralNFA must be false).
//!
//! "Minus 1 working day" is the last working day before 1 April (England and Wales calendar,
//! see [`previous_working_day`]): for 2025-26, Monday 31 March 2025, so a referral on that day
//! passes and one on Friday 28 March 2025 is queried. Only a flag that is true is queried; a
//! missing or invalid flag is 8568's finding (the DfE community tool queries anything but
//! false/0 here).

use super::util_a::{child_id, previous_working_day};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8569Q;

static META: RuleMeta = RuleMeta {
    code: "8569Q",
    message: "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case",
    severity: Severity::Query,
    tables: &["CINdetails"],
    fields: &["ReferralNFA", "CINreferralDate"],
    years: Years::from(2023),
};

impl Rule for Rule8569Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let cutoff = previous_working_day(data.year_start());
        for episode in &child.cin_details {
            let early = episode
                .referral_date
                .value()
                .is_some_and(|referral| *referral < cutoff);
            if early && episode.referral_nfa.value() == Some(&true) {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReferralNFA", "CINreferralDate"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode, findings_for};

    fn referral(date: &str, nfa: &str) -> String {
        episode(&format!(
            "<CINreferralDate>{date}</CINreferralDate><ReferralNFA>{nfa}</ReferralNFA>"
        ))
    }

    #[test]
    fn old_nfa_referral_is_queried_from_the_working_day_before_1_april() {
        let xml = child(
            "A",
            "",
            &[
                referral("2025-03-28", "true"),  // Friday before the cut-off: query
                referral("2025-03-31", "true"),  // Monday, the cut-off: pass
                referral("2025-03-28", "false"), // not NFA: pass
                referral("2025-03-28", ""),      // missing flag: 8568's business
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8569Q, &xml),
            vec![("CINdetails", 1, "A".into())]
        );
    }

    #[test]
    fn easter_moves_the_cut_off() {
        // 2024-25 started on Easter Monday 1 April 2024; Good Friday was 29 March, so the
        // working day before is Thursday 28 March.
        let xml = child(
            "A",
            "",
            &[
                referral("2024-03-27", "true"),
                referral("2024-03-28", "true"),
            ]
            .concat(),
        );
        assert_eq!(
            findings_for(&Rule8569Q, 2025, None, &xml),
            vec![("CINdetails", 1, "A".into())]
        );
    }
}
