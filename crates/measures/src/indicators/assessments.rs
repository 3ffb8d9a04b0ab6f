//! `assessments`: single assessments completed in the period, i.e. authorised
//! (`AssessmentAuthorisationDate`) in the period, as the DfE counts them.
//!
//! Choice: completed, not started: the DfE statistic and the 45-working-day measure both count
//! completions, so the two agree.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `assessments`.
pub struct Assessments;

static META: IndicatorMeta = IndicatorMeta {
    id: "assessments",
    title: "Number of single assessments",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Single (continuous) assessments completed, i.e. authorised",
        denominator: "None (a count)",
        period: "Authorisation date in the period",
        exclusions: "Assessments not yet authorised",
        source: "DfE Children in need census (AssessmentAuthorisationDate); EES C2 Assessments_completed",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Assessments {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let assessments = &ctx.records.assessments;
        for_each_event(ctx, periods, out, kinds::ASSESSMENTS, assessments, |a| {
            Some(Event::count(a.authorised?))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn counts_assessments_by_authorisation_date() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.assessment("A1", "C1", "R1", d(2025, 2, 20))
            .authorised(d(2025, 3, 3));
        ds.assessment("A2", "C1", "R1", d(2025, 3, 3))
            .authorised(d(2025, 3, 31));
        ds.assessment("A3", "C1", "R1", d(2025, 3, 10)); // open: not counted
        ds.assessment("A4", "C1", "R1", d(2025, 3, 10))
            .authorised(d(2025, 4, 1));
        let m = ds.measure(
            &Assessments,
            &[month(2025, 3), month(2025, 4), dfe_year(2025)],
        );
        // March: A1 (started in February), A2; April: A4; 2024-25: A1, A2.
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_figure(&m[1], 1.0, None, Some(1.0));
        assert_figure(&m[2], 2.0, None, Some(2.0));
    }
}
