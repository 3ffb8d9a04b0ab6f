//! `assessments_rate_10k`: single assessments completed in the period as an annual rate per
//! 10,000 children aged 0-17 (the same assessments as `assessments`).

use super::assessments::Assessments;
use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `assessments_rate_10k`.
pub struct AssessmentsRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "assessments_rate_10k",
    title: "Single assessments: annual rate per 10,000 aged 0-17",
    unit: Unit::AnnualRatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Single assessments completed (as `assessments`) × 12 / months in the period",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Authorisation date in the period",
        exclusions: "Assessments not yet authorised",
        source: "DfE Children in need statistics (assessments per 10,000)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for AssessmentsRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        Assessments.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn annual_rate_of_completed_assessments() {
        let mut ds = Dataset::new();
        ds.population = 40_000;
        ds.child("C1");
        ds.assessment("A1", "C1", "R1", d(2025, 2, 20))
            .authorised(d(2025, 3, 3));
        ds.assessment("A2", "C1", "R1", d(2025, 3, 3));
        let m = ds.measure(&AssessmentsRate10k, &[month(2025, 3)]);
        // 1 × 12 / 40,000 × 10,000 = 3.0.
        assert_figure(&m[0], 1.0, Some(40_000.0), Some(3.0));
    }
}
