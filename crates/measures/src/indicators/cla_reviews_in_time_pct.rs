//! `cla_reviews_in_time_pct`: Looked-after reviews held by their statutory due date (CPPR 2010 reg 33), one per review due in the period; built on the `cla_reviews` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `cla_reviews_in_time_pct`.
pub struct ClaReviewsInTimePct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_reviews_in_time_pct",
    title: "Percentage of children looked after reviews within statutory timescale",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Looked-after reviews due in the period that were held on or before their due date",
        denominator: "Looked-after reviews due in the period (first: 20 working days after the child became looked after; second: 3 months after the first; then 6-monthly after the last held)",
        period: "Due date in the period; a review not held by the end of the last period requested counts as not in time",
        exclusions: "Short breaks (legal status V3/V4); reviews that would fall due after the period of care ended. A new period of care restarts the chain",
        source: "CPPR 2010 (SI 2010/959) reg 33; no DfE statistic since NI 66 (kpi-definitions.md 1.4)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaReviewsInTimePct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::ClaReview, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::LegalStatus;

    #[test]
    fn reviews_count_in_the_month_they_fall_due() {
        let mut ds = Dataset::new();
        // C1 looked after from Mon 20 Dec 2021: first review due Thu 20 Jan 2022 (20 working days,
        // skipping the substitute bank holidays 27-28 Dec and 3 Jan), held 19 Jan: in time.
        // Second due 19 Apr 2022 (3 months after the first), held 25 Apr: late.
        ds.child("C1");
        ds.episode("E1", "C1", d(2021, 12, 20));
        ds.cla_review("RV1", "C1", d(2022, 1, 19));
        ds.cla_review("RV2", "C1", d(2022, 4, 25));
        // C2 looked after from Tue 1 Feb 2022: + 20 wd: 2-4 Feb (1-3); 7-11 (4-8); 14-18 (9-13);
        // 21-25 (14-18); 28 Feb (19); Tue 1 Mar (20). Held 1 Mar: in time.
        ds.child("C2");
        ds.episode("E2", "C2", d(2022, 2, 1));
        ds.cla_review("RV3", "C2", d(2022, 3, 1));
        // C3 on short breaks (V3) with a review: left out.
        ds.child("C3");
        ds.episode("E3", "C3", d(2022, 1, 3))
            .legal_status(LegalStatus::V3);
        ds.cla_review("RV4", "C3", d(2022, 1, 10));
        let periods = [
            month(2022, 1),
            month(2022, 2),
            month(2022, 3),
            month(2022, 4),
            dfe_year(2022),
        ];
        let m = ds.measure(&ClaReviewsInTimePct, &periods);
        assert_figure(&m[0], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[1], 0.0, Some(0.0), None);
        assert_figure(&m[2], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[3], 0.0, Some(1.0), Some(0.0));
        // 2021-22 (April 2021 to March 2022): C1's first and C2's first, both in time.
        assert_figure(&m[4], 2.0, Some(2.0), Some(100.0));
        let ctx = ds.context();
        assert_eq!(
            numerator_ids(&ctx, &m[4]),
            ["looked-after reviews:RV1", "looked-after reviews:RV3"]
        );
        assert_eq!(denominator_ids(&ctx, &m[3]), ["looked-after reviews:RV2"]);
    }

    #[test]
    fn a_review_never_held_counts_against_the_month_it_was_due() {
        // Looked after from Fri 1 Jul 2022: first review due Fri 29 Jul (20 working days), never
        // held: July 0 of 1, denominator record the first episode.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2022, 7, 1));
        let m = ds.measure(&ClaReviewsInTimePct, &[month(2022, 7), month(2022, 8)]);
        assert_figure(&m[0], 0.0, Some(1.0), Some(0.0));
        assert_eq!(
            denominator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E1"]
        );
        assert_figure(&m[1], 0.0, Some(0.0), None);
    }
}
