//! 364: accommodation under PACE (J2) lasted more than 21 days (DfE 903 validation rules).
//!
//! Back-to-back J2 episodes (each starting the day the previous one ended) count as one spell,
//! and an open spell runs to the end of the year, as in the tool; every episode of a spell over
//! 21 days is reported.

use super::util_b::status_longer_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule364;

static META: RuleMeta = RuleMeta {
    code: "364",
    message: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule364 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        status_longer_than(data, out, LegalStatus::J2, 21);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn pace_spells_over_21_days_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS
             1,01/01/2026,10/01/2026,J2
             1,10/01/2026,23/01/2026,J2
             2,01/01/2026,10/01/2026,J2
             2,10/01/2026,11/01/2026,C2
             2,11/01/2026,25/01/2026,J2",
        );
        // 1: one spell of 22 days; 2: two spells of 9 and 14 days.
        assert_eq!(
            findings(&Rule364, &current(&t)),
            vec![(1, "1".into()), (2, "1".into())]
        );
    }
}
