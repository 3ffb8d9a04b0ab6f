//! `assessments_45wd_pct`: percentage of single assessments completed in the period that were
//! completed within 45 working days of their start (DfE).
//!
//! Choices: the clock runs from the assessment's actual start to its authorisation (the DfE's
//! statistic), not from the referral (Working Together's wording); working days are counted by
//! the crate's calendar convention (`working_days_between(start, authorised) <= 45`: the start day
//! does not count, a same-day assessment takes 0 days). An assessment authorised before its start
//! date has no valid duration: it counts in `assessments` but is left out here.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `assessments_45wd_pct`.
pub struct Assessments45wdPct;

/// The statutory maximum, in working days.
const WORKING_DAYS: i64 = 45;

static META: IndicatorMeta = IndicatorMeta {
    id: "assessments_45wd_pct",
    title: "Percentage of single assessments completed within 45 working days",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Assessments completed within 45 working days of the assessment's actual start (working days after the start day up to and including the authorisation day; weekends and England and Wales bank holidays excluded)",
        denominator: "Single assessments completed (authorised) in the period",
        period: "Authorisation date in the period",
        exclusions: "Assessments authorised before their recorded start (no valid duration)",
        source: "DfE Children in need statistics (EES C2 duration bands); LAIT Continue_Assess_Comp; Working Together 2023 (45 working days)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Assessments45wdPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let assessments = &ctx.records.assessments;
        for_each_event(ctx, periods, out, kinds::ASSESSMENTS, assessments, |a| {
            let authorised = a.authorised.filter(|&done| done >= a.start)?;
            let days = ctx.calendar.working_days_between(a.start, authorised);
            Some(Event::share(authorised, days <= WORKING_DAYS))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn within_45_working_days_over_christmas_and_new_year() {
        let mut ds = Dataset::new();
        ds.child("C1");
        // Friday 20 December 2024. Working days after it skip 25, 26 December and 1 January:
        // 23, 24, 27, 30, 31 Dec (5), 2, 3 Jan (7), then five a week from 6 January: 7 + 5 × 7
        // = 42 on Friday 21 February, so the 45th is Wednesday 26 February 2025.
        ds.assessment("A1", "C1", "R1", d(2024, 12, 20))
            .authorised(d(2025, 2, 26)); // 45: in time
        ds.assessment("A2", "C1", "R1", d(2024, 12, 20))
            .authorised(d(2025, 2, 27)); // 46: late
        ds.assessment("A3", "C1", "R1", d(2025, 2, 3))
            .authorised(d(2025, 2, 3)); // same day: 0
        ds.assessment("A4", "C1", "R1", d(2025, 2, 10))
            .authorised(d(2025, 2, 7)); // invalid
        ds.assessment("A5", "C1", "R1", d(2025, 2, 10)); // not completed
        ds.assessment("A6", "C1", "R1", d(2025, 1, 6))
            .authorised(d(2025, 3, 1));
        let m = ds.measure(&Assessments45wdPct, &[month(2025, 2), month(2025, 3)]);
        // February: A1, A3 in time of A1, A2, A3 = 66.7%.
        assert_figure(&m[0], 2.0, Some(3.0), Some(200.0 / 3.0));
        assert_eq!(
            denominator_ids(&ds.context(), &m[0]),
            ["assessments:A1", "assessments:A2", "assessments:A3"]
        );
        // March: A6, Monday 6 January to Saturday 1 March = 39 working days: in time.
        assert_figure(&m[1], 1.0, Some(1.0), Some(100.0));
    }
}
