//! `referral_to_assessment_pct`: the plan's "referral to assessment rate": assessments completed
//! in the period as a percentage of referrals in the period.
//!
//! Choice: the plan's published figures are exactly the ratio of the assessment and referral
//! rates (SN 654.2 / 627.8 = 104.2%, England 539.3 / 544.5 = 99.0%), so this is a ratio of
//! volumes that can exceed 100%, comparable with those benchmarks; not a cohort conversion (that
//! is `referrals_progressed_to_assessment_pct`). Numerator records are assessments, denominator
//! records referrals.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `referral_to_assessment_pct`.
pub struct ReferralToAssessmentPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "referral_to_assessment_pct",
    title: "Referral to assessment rate",
    unit: Unit::Percent,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Single assessments completed (authorised) in the period",
        denominator: "Referrals in the period",
        period: "Authorisation date (assessments) and referral date (referrals) in the period",
        exclusions: "None; a ratio of volumes, so it can exceed 100%",
        source: "Improvement plan (assessment rate / referral rate, as its benchmarks); DfE CIN statistics for both counts",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for ReferralToAssessmentPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let r = ctx.records;
        for_each_event(ctx, periods, out, kinds::ASSESSMENTS, &r.assessments, |a| {
            Some(Event::count(a.authorised?))
        });
        for_each_event(ctx, periods, out, kinds::REFERRALS, &r.referrals, |x| {
            Some(Event::denominator_only(x.date))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn ratio_of_assessments_completed_to_referrals() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 1, 20));
        ds.referral("R2", "C1", d(2025, 2, 3));
        ds.referral("R3", "C1", d(2025, 2, 17));
        ds.assessment("A1", "C1", "R1", d(2025, 1, 21))
            .authorised(d(2025, 2, 10));
        ds.assessment("A2", "C1", "R2", d(2025, 2, 4))
            .authorised(d(2025, 2, 28));
        ds.assessment("A3", "C1", "R3", d(2025, 2, 18))
            .authorised(d(2025, 2, 28));
        ds.assessment("A4", "C1", "R3", d(2025, 2, 18)); // not yet completed
        let m = ds.measure(&ReferralToAssessmentPct, &[month(2025, 2)]);
        // February: 3 assessments completed / 2 referrals = 150%.
        assert_figure(&m[0], 3.0, Some(2.0), Some(150.0));
        let ctx = ds.context();
        assert_eq!(
            numerator_ids(&ctx, &m[0]),
            ["assessments:A1", "assessments:A2", "assessments:A3"]
        );
        assert_eq!(
            denominator_ids(&ctx, &m[0]),
            ["referrals:R2", "referrals:R3"]
        );
    }
}
