//! 8630: a CIN closure date is before the referral date of the same episode (DfE CIN census
//! validation rules 2025-26). One finding per episode; closing on the referral day is allowed.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8630;

static META: RuleMeta = RuleMeta {
    code: "8630",
    message: "CIN Closure Date is before CIN Referral Date for the same CIN episode",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINreferralDate", "CINclosureDate"],
    years: Years::from(2023),
};

impl Rule for Rule8630 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if let (Some(referred), Some(closed)) =
                (episode.referral_date.get(), episode.closure_date.get())
                && closed < referred
            {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINreferralDate", "CINclosureDate"],
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

    fn dates(referral: &str, closure: &str) -> String {
        episode(&format!(
            "<CINreferralDate>{referral}</CINreferralDate><CINclosureDate>{closure}</CINclosureDate>"
        ))
    }

    #[test]
    fn closure_before_referral_fails_and_same_day_passes() {
        let xml = child(
            "A",
            "",
            &[
                dates("2025-06-02", "2025-06-01"),
                dates("2025-06-02", "2025-06-02"),
                dates("2025-06-02", ""),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8630, &xml),
            vec![("CINdetails", 1, "A".into())]
        );
    }
}
