//! 361: police protection (L1) lasted more than 72 hours (DfE 903 validation rules).
//!
//! Back-to-back L1 episodes (each starting the day the previous one ended) count as one spell,
//! and an open spell runs to the end of the year, as in the tool; every episode of a spell over
//! 3 days is reported.

use super::util_b::status_longer_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule361;

static META: RuleMeta = RuleMeta {
    code: "361",
    message: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule361 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        status_longer_than(data, out, LegalStatus::L1, 3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn spells_over_three_days_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS
             1,01/06/2025,03/06/2025,L1
             1,03/06/2025,05/06/2025,L1
             1,05/06/2025,01/07/2025,C2
             2,08/09/2025,11/09/2025,L1
             3,15/03/2026,,L1
             4,06/06/2025,08/06/2025,L1
             4,09/06/2025,11/06/2025,L1",
        );
        // 1: one spell of four days; 2: exactly three days; 3: open 16 days at 31 March;
        // 4: two separate spells of two days.
        assert_eq!(
            findings(&Rule361, &current(&t)),
            vec![(1, "1".into()), (2, "1".into()), (5, "3".into())]
        );
    }
}
