//! 8890: within one episode, a section 47 enquiry starts while another is ongoing (DfE CIN census
//! validation rules 2025-26). One finding per enquiry that starts inside another.
//!
//! Each `S47ActualStartDate` must not fall on or between (a) the start and initial conference
//! dates of any other enquiry of the episode with a conference date, or (b) the start date and
//! the reference date of any other enquiry with no conference date and `ICPCnotRequired` not
//! true. Differs from the DfE tool, which compares enquiries of *different* episodes of the
//! child (it drops pairs in the same episode), the opposite of the DfE text, and which counts
//! only `1`, not `true`, as "not required". Two enquiries starting the same day both fall inside
//! each other. A conference date written but invalid leaves that enquiry's end unknown: not
//! compared.

use super::util_b::{child_id, is_true};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{CinChild, CinSection47};

pub(crate) struct Rule8890;

static META: RuleMeta = RuleMeta {
    code: "8890",
    message: "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
    severity: Severity::Error,
    tables: &["Section47", "Header"],
    fields: &[
        "S47ActualStartDate",
        "DateOfInitialCPC",
        "ICPCnotRequired",
        "ReferenceDate",
    ],
    years: Years::from(2023),
};

/// Whether an enquiry starting on `start` starts while `other` is ongoing.
fn starts_during(data: &CinReturn, start: NaiveDate, other: &CinSection47) -> bool {
    let Some(other_start) = other.start.get() else {
        return false;
    };
    let other_end = match other.date_of_initial_cpc.get() {
        Some(conference) => conference,
        None if other.date_of_initial_cpc.is_blank() && !is_true(&other.icpc_not_required) => {
            data.reference_date()
        }
        None => return false,
    };
    other_start <= start && start <= other_end
}

impl Rule for Rule8890 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            for (i, enquiry) in episode.section47s.iter().enumerate() {
                let Some(start) = enquiry.start.get() else {
                    continue;
                };
                let during = episode
                    .section47s
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && starts_during(data, start, other));
                if during {
                    out.at(
                        "Section47",
                        enquiry.position,
                        child_id(child),
                        &["S47ActualStartDate"],
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
    use crate::cin::group_b::util_b::build::{child, episode, s47};

    fn enquiry(start: &str, conference: &str, not_required: &str) -> String {
        s47(&format!(
            "<S47ActualStartDate>{start}</S47ActualStartDate><DateOfInitialCPC>{conference}</DateOfInitialCPC><ICPCnotRequired>{not_required}</ICPCnotRequired>"
        ))
    }

    #[test]
    fn enquiry_starting_inside_another_fails() {
        let xml = [
            // Inside one that ended with a conference, on its conference day.
            child(
                "A",
                "",
                &episode(
                    &[
                        enquiry("2025-05-01", "2025-05-20", "false"),
                        enquiry("2025-05-20", "2025-06-10", "false"),
                    ]
                    .concat(),
                ),
            ),
            // After one still waiting for its conference.
            child(
                "B",
                "",
                &episode(
                    &[
                        enquiry("2025-05-01", "", "false"),
                        enquiry("2025-09-01", "2025-09-10", "false"),
                    ]
                    .concat(),
                ),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8890, &xml),
            vec![("Section47", 2, "A".into()), ("Section47", 4, "B".into())]
        );
    }

    #[test]
    fn separate_not_required_or_other_episode_enquiries_pass() {
        let xml = child(
            "C",
            "",
            &[
                episode(
                    &[
                        enquiry("2025-05-01", "2025-05-20", "false"),
                        enquiry("2025-05-21", "", "true"),
                        // Starts after one that needed no conference.
                        enquiry("2025-06-01", "2025-06-10", "false"),
                    ]
                    .concat(),
                ),
                // Another episode's enquiry is not compared.
                episode(&enquiry("2025-05-10", "", "false")),
            ]
            .concat(),
        );
        assert!(findings(&Rule8890, &xml).is_empty());
    }
}
