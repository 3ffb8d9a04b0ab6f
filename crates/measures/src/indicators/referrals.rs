//! `referrals`: referrals to children's social care in the period (CIN census `CINreferralDate`),
//! each referral counted, including those ending in no further action (DfE).

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `referrals`.
pub struct Referrals;

static META: IndicatorMeta = IndicatorMeta {
    id: "referrals",
    title: "Number of referrals (service volume measure)",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Referrals to children's social care (each referral of a child counts, NFA included)",
        denominator: "None (a count)",
        period: "Referral date in the period",
        exclusions: "None",
        source: "DfE Children in need census (CINreferralDate); LAIT referrals",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Referrals {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let referrals = &ctx.records.referrals;
        for_each_event(ctx, periods, out, kinds::REFERRALS, referrals, |r| {
            Some(Event::count(r.date))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn counts_every_referral_nfa_included() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 1, 31)).nfa(); // last day of January
        ds.referral("R2", "C1", d(2025, 2, 1)); // a Saturday: dates are dates, weekends count
        ds.referral("R3", "C1", d(2025, 2, 28)).nfa();
        ds.referral("R4", "C1", d(2024, 3, 31)); // DfE year 2023-24, not 2024-25
        let m = ds.measure(
            &Referrals,
            &[month(2025, 1), month(2025, 2), dfe_year(2025)],
        );
        // January: R1; February: R2, R3; 2024-25: R1, R2, R3.
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 2.0, None, Some(2.0));
        assert_figure(&m[2], 3.0, None, Some(3.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[1]),
            ["referrals:R2", "referrals:R3"]
        );
    }
}
