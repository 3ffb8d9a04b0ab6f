//! 8866: a referral made on or after 1 April 2013 has no referral source, or one that is not in
//! the code list (DfE CIN census validation rules 2025-26). One finding per episode.
//!
//! An episode without a valid referral date cannot be placed either side of 1 April 2013 and is
//! not checked (as in the DfE tool). The reader accepts codes in any letter case (`1a` is 1A).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8866;

static META: RuleMeta = RuleMeta {
    code: "8866",
    message: "Source of Referral is missing or an invalid code",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINreferralDate", "ReferralSource"],
    years: Years::from(2023),
};

/// Referral sources have been collected for referrals from this day on.
const SOURCES_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2013, 4, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl Rule for Rule8866 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if episode
                .referral_date
                .get()
                .is_some_and(|r| r >= SOURCES_FROM)
                && episode.referral_source.value().is_none()
            {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINreferralDate", "ReferralSource"],
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

    fn ep(referral: &str, source: &str) -> String {
        episode(&format!(
            "<CINreferralDate>{referral}</CINreferralDate><ReferralSource>{source}</ReferralSource>"
        ))
    }

    #[test]
    fn missing_or_unknown_source_fails_from_april_2013() {
        let xml = child(
            "A",
            "",
            &[
                ep("2025-05-01", "1Z"),
                ep("2025-05-01", ""),
                ep("2013-04-01", ""),
                ep("2025-05-01", "5D"),
                ep("2013-03-31", ""),
                ep("2025-05-01", "10"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8866, &xml),
            vec![
                ("CINdetails", 1, "A".into()),
                ("CINdetails", 2, "A".into()),
                ("CINdetails", 3, "A".into())
            ]
        );
    }
}
