//! 8675Q: a section 47 enquiry with no initial conference date, and a conference not marked as
//! not required (`ICPCnotRequired` false or 0), started more than 15 working days before the
//! reference date (DfE CIN census validation rules 2025-26). One finding per enquiry.
//!
//! "More than 15 working days before" is counted as in the calendar crate: the working days `w`
//! with `start < w <= reference date` number more than 15 (see
//! `util_b::working_days_before_reference`). For 2025-26 the last start that passes is Tuesday
//! 10 March 2026 (exactly 15); Monday 9 March is queried. Differs from the DfE tool, whose
//! comparison is the wrong way round (it queries enquiries started *within* the last 15 working
//! days, counted as 14 business days back), and which recognises only `false`, not `0`.

use super::util_b::{child_id, is_false, working_days_before_reference};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8675Q;

static META: RuleMeta = RuleMeta {
    code: "8675Q",
    message: "Please check: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.",
    severity: Severity::Query,
    tables: &["Section47", "Header"],
    fields: &[
        "S47ActualStartDate",
        "DateOfInitialCPC",
        "ICPCnotRequired",
        "ReferenceDate",
    ],
    years: Years::from(2023),
};

/// The working-day allowance from the start of an enquiry to the initial conference.
const ALLOWANCE: i64 = 15;

impl Rule for Rule8675Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for enquiry in child.cin_details.iter().flat_map(|e| &e.section47s) {
            let Some(start) = enquiry.start.get() else {
                continue;
            };
            if enquiry.date_of_initial_cpc.is_blank()
                && is_false(&enquiry.icpc_not_required)
                && working_days_before_reference(data, start) > ALLOWANCE
            {
                out.at(
                    "Section47",
                    enquiry.position,
                    child_id(child),
                    &["S47ActualStartDate", "DateOfInitialCPC"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode, s47};

    fn enquiry(start: &str, not_required: &str) -> String {
        s47(&format!(
            "<S47ActualStartDate>{start}</S47ActualStartDate><ICPCnotRequired>{not_required}</ICPCnotRequired>"
        ))
    }

    #[test]
    fn enquiry_16_working_days_old_without_conference_is_queried() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    // Monday 9 March 2026: 16 working days before 31 March.
                    enquiry("2026-03-09", "false"),
                    // Tuesday 10 March: exactly 15, passes.
                    enquiry("2026-03-10", "false"),
                    enquiry("2025-06-01", "0"),
                    // Conference not required.
                    enquiry("2025-06-01", "true"),
                    // Conference held.
                    s47(
                        "<S47ActualStartDate>2025-06-01</S47ActualStartDate><DateOfInitialCPC>2025-06-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>",
                    ),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8675Q, &xml),
            vec![("Section47", 1, "A".into()), ("Section47", 3, "A".into())]
        );
    }
}
