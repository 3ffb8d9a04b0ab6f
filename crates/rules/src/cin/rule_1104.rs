//! 1104: an initial child protection conference (Section47 `DateOfInitialCPC`) is dated before
//! its episode's referral date (DfE CIN census validation rules 2025-26). One finding per S47;
//! rows without both dates are skipped.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1104;

static META: RuleMeta = RuleMeta {
    code: "1104",
    message: "The date of the initial child protection conference cannot be before the referral date",
    severity: Severity::Error,
    tables: &["Section47", "CINdetails"],
    fields: &["DateOfInitialCPC", "CINreferralDate"],
    years: Years::from(2023),
};

impl Rule for Rule1104 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let Some(referral) = episode.referral_date.value() else {
                continue;
            };
            for s47 in &episode.section47s {
                if s47
                    .date_of_initial_cpc
                    .value()
                    .is_some_and(|icpc| icpc < referral)
                {
                    out.at(
                        "Section47",
                        s47.position,
                        child_id(child),
                        &["DateOfInitialCPC", "CINreferralDate"],
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    fn s47(icpc: &str) -> String {
        format!("<Section47><DateOfInitialCPC>{icpc}</DateOfInitialCPC></Section47>")
    }

    #[test]
    fn conference_before_referral_fails() {
        let xml = [
            child(
                "A",
                "",
                &episode(&format!(
                    "<CINreferralDate>2025-06-10</CINreferralDate>{}{}{}",
                    s47("2025-06-09"),
                    s47("2025-06-10"),
                    s47("")
                )),
            ),
            child("B", "", &episode(&s47("2020-01-01"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1104, &xml),
            vec![("Section47", 1, "A".into())]
        );
    }
}
