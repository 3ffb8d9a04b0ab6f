//! 362: an emergency protection order (L2) lasted more than 21 days (DfE 903 validation rules).
//!
//! Back-to-back L2 episodes (each starting the day the previous one ended) count as one spell,
//! and an open spell runs to the end of the year, as in the tool; every episode of a spell over
//! 21 days is reported.

use super::util_b::status_longer_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule362;

static META: RuleMeta = RuleMeta {
    code: "362",
    message: "Emergency protection order (EPO) lasted longer than 21 days",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule362 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        status_longer_than(data, out, LegalStatus::L2, 21);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn orders_over_21_days_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS
             1,01/06/2025,22/06/2025,L2
             2,01/06/2025,23/06/2025,L2
             3,01/06/2025,23/06/2025,C1",
        );
        assert_eq!(findings(&Rule362, &current(&t)), vec![(2, "2".into())]);
    }
}
