//! `referrals_rate_10k`: referrals in the period as an annual rate per 10,000 children aged 0-17
//! (the same referrals as `referrals`; the engine annualises monthly counts × 12).

use super::common::*;
use super::referrals::Referrals;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `referrals_rate_10k`.
pub struct ReferralsRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "referrals_rate_10k",
    title: "Referrals: annual rate per 10,000 aged 0-17",
    unit: Unit::AnnualRatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Referrals to children's social care (as `referrals`) × 12 / months in the period",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Referral date in the period",
        exclusions: "None",
        source: "DfE Children in need statistics (referral rate per 10,000); LAIT CPP_Total_Rateper10,000",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for ReferralsRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        Referrals.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn annualises_monthly_counts_over_the_population() {
        let mut ds = Dataset::new();
        ds.population = 20_000;
        ds.child("C1");
        for (i, day) in [3, 14, 28].iter().enumerate() {
            ds.referral(&format!("R{i}"), "C1", d(2025, 2, *day));
        }
        ds.referral("R9", "C1", d(2024, 4, 1));
        let m = ds.measure(&ReferralsRate10k, &[month(2025, 2), dfe_year(2025)]);
        // February: 3 × 12 / 20,000 × 10,000 = 18.0; 2024-25: 4 × 12 / 12 / 20,000 × 10,000 = 2.0.
        assert_figure(&m[0], 3.0, Some(20_000.0), Some(18.0));
        assert_figure(&m[1], 4.0, Some(20_000.0), Some(2.0));
    }
}
