//! 8775Q: a person more than 25 years old at the reference date has an episode still open past
//! their 25th birthday (DfE CIN census validation rules 2025-26). One finding per such episode.
//!
//! Born before the reference date less 25 years (for 2025-26, before 31 March 2001), with an
//! episode that has no closure date or closes after the 25th birthday. A 29 February birthday
//! falls on 28 February in other years (calendar months, as the DfE tool's date offset does).
//! The finding is on the episode; the DfE tool also marks the child identifiers. A closure date
//! written but invalid cannot be compared: not checked.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::Months;
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8775Q;

static META: RuleMeta = RuleMeta {
    code: "8775Q",
    message: "Please check: Child is over 25 years old",
    severity: Severity::Query,
    tables: &["CINdetails", "ChildIdentifiers", "Header"],
    fields: &["PersonBirthDate", "CINclosureDate", "ReferenceDate"],
    years: Years::from(2023),
};

/// Twenty-five years, in months.
const TWENTY_FIVE_YEARS: Months = Months::new(25 * 12);

impl Rule for Rule8775Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(born) = child.person_birth_date.get() else {
            return;
        };
        let Some(twenty_fifth) = born.checked_add_months(TWENTY_FIVE_YEARS) else {
            return;
        };
        let over_25 = data
            .reference_date()
            .checked_sub_months(TWENTY_FIVE_YEARS)
            .is_some_and(|cutoff| born < cutoff);
        if !over_25 {
            return;
        }
        for episode in &child.cin_details {
            let open_past_25 = match episode.closure_date.get() {
                Some(closed) => closed > twenty_fifth,
                None => episode.closure_date.is_blank(),
            };
            if open_past_25 {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["PersonBirthDate", "CINclosureDate"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode};

    fn closed(date: &str) -> String {
        episode(&format!("<CINclosureDate>{date}</CINclosureDate>"))
    }

    #[test]
    fn episode_open_past_the_25th_birthday_is_queried() {
        let xml = [
            // 25 on 30 March 2026: open episode and one closed after the birthday.
            child(
                "A",
                "<PersonBirthDate>2001-03-30</PersonBirthDate>",
                &[episode(""), closed("2026-03-31"), closed("2026-03-30")].concat(),
            ),
            // 25 on the reference date itself: not over 25 before it.
            child(
                "B",
                "<PersonBirthDate>2001-03-31</PersonBirthDate>",
                &episode(""),
            ),
            // No birth date.
            child("C", "", &episode("")),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8775Q, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 2, "A".into())]
        );
    }
}
