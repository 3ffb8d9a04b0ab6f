//! `cin_reviews_in_time_pct`: Child in need plan reviews within the local interval, one per review due in the period; built on the `cin_reviews` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `cin_reviews_in_time_pct`.
pub struct CinReviewsInTimePct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cin_reviews_in_time_pct",
    title: "Proportion of Child in Need reviews completed within 6 weeks",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "CIN plan reviews due in the period held on or before their due date",
        denominator: "CIN plan reviews due in the period: the plan start, then the last review, + `cin_review_interval` (default 6 weeks)",
        period: "Due date in the period; a review not held by the end of the last period requested counts as not in time",
        exclusions: "Reviews that would fall due after the plan ended",
        source: "Local practice standard (kpi-definitions.md 1.3); no statutory or DfE definition",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CinReviewsInTimePct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::CinReview, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn six_weekly_reviews_across_the_year_end_and_the_dfe_year() {
        // Plan Mon 17 Nov 2025: due Mon 29 Dec, held that day (in time); due Mon 9 Feb 2026, held
        // Thu 12 Feb (late); due Thu 26 Mar, not held by 31 March.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cin_plan("CP1", "C1", d(2025, 11, 17));
        ds.cin_plan_review("CR1", "C1", "CP1", d(2025, 12, 29));
        ds.cin_plan_review("CR2", "C1", "CP1", d(2026, 2, 12));
        let periods = [
            month(2025, 12),
            month(2026, 2),
            month(2026, 3),
            dfe_year(2026),
        ];
        let m = ds.measure(&CinReviewsInTimePct, &periods);
        assert_figure(&m[0], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[1], 0.0, Some(1.0), Some(0.0));
        assert_figure(&m[2], 0.0, Some(1.0), Some(0.0));
        assert_figure(&m[3], 1.0, Some(3.0), Some(100.0 / 3.0));
    }
}
