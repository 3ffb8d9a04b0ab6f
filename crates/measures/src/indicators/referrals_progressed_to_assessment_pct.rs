//! `referrals_progressed_to_assessment_pct`: percentage of referrals in the period that have a
//! single assessment (the common local "conversion" form: referrals that progressed to an
//! assessment / referrals).
//!
//! Choice: an assessment counts when it names the referral (same CIN episode), whenever it started
//! or whether completed; recent referrals may not have one yet, so the latest months rise as
//! assessments are recorded.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::ids::RecordId;
use std::collections::HashSet;

/// `referrals_progressed_to_assessment_pct`.
pub struct ReferralsProgressedToAssessmentPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "referrals_progressed_to_assessment_pct",
    title: "Percentage of referrals that progressed to a single assessment",
    unit: Unit::Percent,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Referrals in the period with a single assessment linked to the same referral (CIN episode)",
        denominator: "Referrals in the period",
        period: "Referral date in the period; the assessment may start later",
        exclusions: "None",
        source: "Local measure (e.g. scrutiny reports: cases that progressed to an assessment)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for ReferralsProgressedToAssessmentPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let r = ctx.records;
        let assessed: HashSet<(&RecordId, &str)> = r
            .assessments
            .iter()
            .map(|a| (&a.referral, a.child.as_str()))
            .collect();
        for_each_event(ctx, periods, out, kinds::REFERRALS, &r.referrals, |x| {
            Some(Event::share(
                x.date,
                assessed.contains(&(&x.id, x.child.as_str())),
            ))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn referrals_with_a_linked_assessment() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.referral("R1", "C1", d(2025, 1, 31));
        ds.referral("R2", "C2", d(2025, 1, 2)).nfa();
        ds.referral("R3", "C2", d(2025, 1, 20));
        ds.assessment("A1", "C1", "R1", d(2025, 2, 3)); // started the next month, not completed
        ds.assessment("A2", "C1", "R3", d(2025, 1, 21)); // names R3 but is another child's
        let m = ds.measure(&ReferralsProgressedToAssessmentPct, &[month(2025, 1)]);
        // January: R1 progressed; R2 (NFA) and R3 did not: 1 of 3.
        assert_figure(&m[0], 1.0, Some(3.0), Some(100.0 / 3.0));
    }
}
