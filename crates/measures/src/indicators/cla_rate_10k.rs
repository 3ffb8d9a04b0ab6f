//! `cla_rate_10k`: children looked after at the end of the period per 10,000 children aged 0-17
//! (the same children as `cla_count`; a snapshot rate; DfE publishes it as a whole number).

use super::cla_count::ClaCount;
use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cla_rate_10k`.
pub struct ClaRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_rate_10k",
    title: "Children looked after: rate per 10,000 aged 0-17",
    unit: Unit::RatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period (as `cla_count`)",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Snapshot on the last day of the period",
        exclusions: "Short breaks (V3/V4)",
        source: "DfE Children looked after statistics (rate per 10,000 at 31 March); LAIT LAC",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        ClaCount.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::LegalStatus;

    #[test]
    fn rate_of_looked_after_children() {
        let mut ds = Dataset::new();
        ds.population = 2_500;
        ds.child("C1");
        ds.child("C2");
        ds.episode("E1", "C1", d(2024, 5, 1));
        ds.episode("E2", "C2", d(2024, 5, 1))
            .legal_status(LegalStatus::V4);
        let m = ds.measure(&ClaRate10k, &[dfe_year(2025)]);
        // 1 / 2,500 × 10,000 = 4.0.
        assert_figure(&m[0], 1.0, Some(2_500.0), Some(4.0));
    }
}
