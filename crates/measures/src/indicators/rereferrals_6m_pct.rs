//! `rereferrals_6m_pct`: percentage of referrals in the period made within 6 months of a
//! previous referral of the same child (early support: "re-referrals after 3 months, 6 months,
//! 12 months"; the 12-month figure is `rereferrals_12m_pct`).
//!
//! Choice: the early support plan does not define these; they are read as the DfE re-referral
//! measure with a 6-month window (calendar months, same rules as `rereferrals_12m_pct`), so the
//! three figures nest: 6 months ≤ 12 months.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `rereferrals_6m_pct`.
pub struct Rereferrals6mPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "rereferrals_6m_pct",
    title: "Percentage of referrals that are re-referrals within 6 months",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Referrals in the period made within 6 calendar months of a previous referral of the same child, on an earlier date",
        denominator: "Referrals in the period",
        period: "Referral date in the period; the previous referral may be before the period",
        exclusions: "None; the previous referral may have ended in no further action",
        source: "Local (early support plan: re-referrals after 3, 6, 12 months), on the DfE re-referral definition",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Rereferrals6mPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        rereferrals(ctx, periods, out, 6);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn previous_referral_within_six_calendar_months_across_the_year_end() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.referral("A1", "C1", d(2024, 7, 31));
        ds.referral("A2", "C1", d(2025, 1, 31)); // 31 July + 6 months = 31 January: within
        ds.referral("B1", "C2", d(2024, 4, 1));
        ds.referral("B2", "C2", d(2024, 6, 1));
        ds.referral("B3", "C2", d(2025, 1, 2)); // latest previous is B2, 7 months before: not
        let m = ds.measure(&Rereferrals6mPct, &[month(2025, 1), dfe_year(2025)]);
        // January: A2, B3: 1 of 2. 2024-25: A1, A2, B1, B2, B3: A2 and B2 (2 months after B1): 2 of 5.
        assert_figure(&m[0], 1.0, Some(2.0), Some(50.0));
        assert_figure(&m[1], 2.0, Some(5.0), Some(40.0));
    }
}
