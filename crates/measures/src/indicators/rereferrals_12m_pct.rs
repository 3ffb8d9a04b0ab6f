//! `rereferrals_12m_pct`: percentage of referrals in the period that were within 12 months of a
//! previous referral of the same child (DfE re-referral rate).
//!
//! Choices (kpi-definitions §5 q1): "12 months" is calendar months (a referral on 15 March 2025
//! re-refers one of 15 March 2024; clamped to the month end, so 29 February 2024 + 12 months is
//! 28 February 2025), set by `rereferral_window_months` (default 12); the previous referral may be
//! of any outcome (NFA included) and from before the period (the whole history is used); two
//! referrals of a child on the same day are not a re-referral of each other.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `rereferrals_12m_pct`.
pub struct Rereferrals12mPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "rereferrals_12m_pct",
    title: "Percentage of referrals that are re-referrals within 12 months",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Referrals in the period made within 12 calendar months (setting `rereferral_window_months`) of a previous referral of the same child, on an earlier date",
        denominator: "Referrals in the period",
        period: "Referral date in the period; the previous referral may be before the period",
        exclusions: "None; the previous referral may have ended in no further action",
        source: "DfE Children in need statistics (re-referrals within 12 months); LAIT ReReferral",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Rereferrals12mPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        rereferrals(ctx, periods, out, ctx.standards.rereferral_window_months);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    fn dataset() -> Dataset {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5"] {
            ds.child(c);
        }
        ds.referral("A1", "C1", d(2024, 3, 15)).nfa();
        ds.referral("A2", "C1", d(2025, 3, 15)); // exactly 12 months after A1: a re-referral
        ds.referral("B1", "C2", d(2024, 3, 14));
        ds.referral("B2", "C2", d(2025, 3, 15)); // 12 months and a day: not
        ds.referral("D1", "C3", d(2025, 3, 20));
        ds.referral("D2", "C3", d(2025, 3, 20)); // same day: one episode recorded twice
        ds.referral("E1", "C4", d(2025, 3, 3)); // first referral
        ds.referral("F1", "C5", d(2024, 2, 29)); // leap day + 12 months = 28 February 2025
        ds.referral("F2", "C5", d(2025, 3, 1)); // so 1 March 2025 is not within
        ds
    }

    #[test]
    fn previous_referral_within_twelve_calendar_months() {
        let ds = dataset();
        let m = ds.measure(&Rereferrals12mPct, &[month(2025, 3), month(2024, 3)]);
        // March 2025: A2, B2, D1, D2, E1, F2 = 6 referrals, of which A2 = 1 re-referral: 16.67%.
        assert_figure(&m[0], 1.0, Some(6.0), Some(100.0 / 6.0));
        assert_eq!(numerator_ids(&ds.context(), &m[0]), ["referrals:A2"]);
        // March 2024: A1, B1 = 2 first referrals.
        assert_figure(&m[1], 0.0, Some(2.0), Some(0.0));
    }

    #[test]
    fn the_window_is_a_setting() {
        let mut ds = dataset();
        ds.standards.rereferral_window_months = 24;
        let m = ds.measure(&Rereferrals12mPct, &[month(2025, 3)]);
        // Within 24 months: A2, B2 and F2: 3 of 6 = 50%.
        assert_figure(&m[0], 3.0, Some(6.0), Some(50.0));
    }
}
