//! `rereferrals_3m_pct`: percentage of referrals in the period made within 3 months of a
//! previous referral of the same child (early support: "re-referrals after 3 months, 6 months,
//! 12 months"; the 12-month figure is `rereferrals_12m_pct`).
//!
//! Choice: the early support plan does not define these; they are read as the DfE re-referral
//! measure with a 3-month window (calendar months, same rules as `rereferrals_12m_pct`), so the
//! three figures nest: 3 months ≤ 12 months.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `rereferrals_3m_pct`.
pub struct Rereferrals3mPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "rereferrals_3m_pct",
    title: "Percentage of referrals that are re-referrals within 3 months",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Referrals in the period made within 3 calendar months of a previous referral of the same child, on an earlier date",
        denominator: "Referrals in the period",
        period: "Referral date in the period; the previous referral may be before the period",
        exclusions: "None; the previous referral may have ended in no further action",
        source: "Local (early support plan: re-referrals after 3, 6, 12 months), on the DfE re-referral definition",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Rereferrals3mPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        rereferrals(ctx, periods, out, 3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn previous_referral_within_three_calendar_months() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.referral("A1", "C1", d(2024, 11, 30));
        ds.referral("A2", "C1", d(2025, 2, 28)); // 30 November + 3 months = 28 February: within
        ds.referral("B1", "C2", d(2024, 11, 27));
        ds.referral("B2", "C2", d(2025, 2, 28)); // 27 November + 3 months = 27 February: not
        let m = ds.measure(&Rereferrals3mPct, &[month(2025, 2)]);
        // February: A2 and B2, of which A2: 50%.
        assert_figure(&m[0], 1.0, Some(2.0), Some(50.0));
    }
}
