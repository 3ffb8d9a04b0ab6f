//! `open_cases`: open children's social care cases at the end of the period: CIN episodes
//! (referrals) not closed by then.
//!
//! Choice: the DfE's "children in need at 31 March" basis (open CIN episodes, which include
//! children on CP plans, looked after and care leavers receiving services), not the workforce
//! census "cases held by social workers" (that is `average_caseload`'s numerator). An episode
//! closing on the snapshot day is not open; an NFA referral closed the day it was made never is.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `open_cases`.
pub struct OpenCases;

static META: IndicatorMeta = IndicatorMeta {
    id: "open_cases",
    title: "Number of open children's social care cases",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "CIN episodes (referrals) open at the end of the period",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period",
        exclusions: "Episodes closed on or before the snapshot day (NFA referrals included)",
        source: "DfE Children in need statistics (CIN episodes open at 31 March); LAIT CIN",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for OpenCases {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let referrals = &ctx.records.referrals;
        for_each_open(ctx, periods, out, kinds::REFERRALS, referrals, |r| {
            Some((r.date, r.closure_date))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn episodes_open_on_the_last_day() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.referral("R1", "C1", d(2024, 1, 1)); // open
        ds.referral("R2", "C2", d(2025, 6, 30)).nfa(); // closed the day it was made
        ds.referral("R3", "C2", d(2025, 1, 1))
            .closed(d(2025, 6, 30)); // closed on the snapshot day
        ds.referral("R4", "C2", d(2025, 6, 30))
            .closed(d(2025, 7, 2)); // open on 30 June
        let m = ds.measure(&OpenCases, &[month(2025, 6), month(2025, 7)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["referrals:R1", "referrals:R4"]
        );
        assert_figure(&m[1], 1.0, None, Some(1.0));
    }
}
