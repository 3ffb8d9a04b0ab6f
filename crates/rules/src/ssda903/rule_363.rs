//! 363: a child assessment order (L3) lasted more than 7 days (DfE 903 validation rules).
//!
//! Back-to-back L3 episodes (each starting the day the previous one ended) count as one spell,
//! and an open spell runs to the end of the year, as in the tool; every episode of a spell over
//! 7 days is reported.

use super::util_b::status_longer_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule363;

static META: RuleMeta = RuleMeta {
    code: "363",
    message: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule363 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        status_longer_than(data, out, LegalStatus::L3, 7);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn orders_over_7_days_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS
             1,01/06/2025,08/06/2025,L3
             2,01/06/2025,09/06/2025,L3",
        );
        assert_eq!(findings(&Rule363, &current(&t)), vec![(2, "2".into())]);
    }
}
