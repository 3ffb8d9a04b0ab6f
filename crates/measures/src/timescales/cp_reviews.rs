//! Child protection review conferences: the first within 3 months of the plan, then at most every
//! 6 months (Working Together 2023; DfE CIN census).

use super::chain::{Chain, Event};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;
use sightline_calendar::add_months;
use sightline_model::records::ConferenceKind;

/// Months from the plan start to the first review conference.
const FIRST_REVIEW_MONTHS: u32 = 3;
/// Months between later review conferences.
const LATER_REVIEW_MONTHS: u32 = 6;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::CpPlans, Kind::Conferences]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "cp_reviews",
    kind: TaskKind::CpReview,
    title: "Child protection review conferences in time",
    rule: "The first review conference of a child protection plan is due within 3 calendar months \
           of the plan's start (the initial conference), then within 6 months of the last review \
           actually held (months added to the same day, clamped to the month end: 30 November + 3 \
           months = 28 or 29 February). A review conference naming the plan does it (or, when none \
           names a plan, one held while the plan was open). The chain stops with the plan.",
    source: "Working Together to Safeguard Children 2023, chapter 2 (first review conference within \
             three months of the initial conference, further reviews at intervals of not more than \
             six months); DfE Children in need statistics, 'reviews within timescale' (CPPreviewDate)",
    basis: Basis::StatutoryGuidance,
    settings: &[],
};

/// The chain of review conferences of each plan.
pub(crate) fn schedule<'a>(
    _ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    for plan in &child.cp_plans {
        let (start, end) = (plan.rec.start, plan.rec.end);
        let reviews: Vec<Event> = child
            .conferences
            .iter()
            .filter(|c| c.rec.kind == ConferenceKind::Review)
            .filter(|c| match &c.rec.plan {
                Some(id) => id == &plan.rec.id,
                None => start <= c.rec.date && end.is_none_or(|e| c.rec.date <= e),
            })
            .map(|c| Event {
                date: c.rec.date,
                record: c.reference(kinds::CONFERENCES),
            })
            .collect();
        let chain = Chain::repeating(start, false, end, reviews);
        let case_open = is_open(start, end, as_of);
        let record = plan.reference(kinds::CP_PLANS);
        for link in chain.run(as_of, due_after) {
            out.push(Scheduled::new(TaskKind::CpReview, record, link, case_open));
        }
    }
}

/// The `k`-th review is due 3 months after the plan start (k = 0), then 6 months after the last.
fn due_after(anchor: NaiveDate, k: usize) -> NaiveDate {
    let months = if k == 0 {
        FIRST_REVIEW_MONTHS
    } else {
        LATER_REVIEW_MONTHS
    };
    add_months(anchor, months)
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    /// Plan made at an initial conference on Thu 30 Nov 2023; review conferences on `reviews`
    /// (naming the plan when a plan id is given).
    fn plan_with(end: Option<NaiveDate>, reviews: &[(NaiveDate, Option<&str>)]) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2023, 11, 30))
            .with(|p| p.end = end);
        ds.conference("IC", "C1", "R1", d(2023, 11, 30)).plan("P1");
        for (i, (date, plan)) in reviews.iter().enumerate() {
            let rc = ds.conference(&format!("RC{i}"), "C1", "R1", *date).review();
            if let Some(plan) = plan {
                rc.plan(plan);
            }
        }
        ds
    }

    #[test]
    fn three_months_then_six_with_month_end_clamping() {
        // Plan Thu 30 Nov 2023: + 3 months = 29 Feb 2024 (leap year, clamped). Held 29 Feb.
        // + 6 months = 29 Aug 2024. Held Mon 2 Sep (late; names no plan, held while it was open).
        // + 6 months = 2 Mar 2025. A review on 1 Aug 2024 naming another plan does not count; the
        // initial conference is not a review.
        let ds = plan_with(
            None,
            &[
                (d(2024, 2, 29), Some("P1")),
                (d(2024, 8, 1), Some("P9")),
                (d(2024, 9, 2), None),
            ],
        );
        let tasks = timeline(&ds, TaskKind::CpReview, d(2025, 2, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2024, 2, 29), Some(d(2024, 2, 29)), Met),
                (d(2024, 8, 29), Some(d(2024, 9, 2)), MetLate),
                (d(2025, 3, 2), None, Due),
            ]
        );
        assert_eq!(
            status_on(&ds, TaskKind::CpReview, d(2025, 2, 25)),
            Some(DueSoon)
        );
        assert_eq!(
            status_on(&ds, TaskKind::CpReview, d(2025, 3, 3)),
            Some(Overdue)
        );
    }

    #[test]
    fn a_plan_ending_before_its_first_review_owes_none() {
        let ds = plan_with(Some(d(2024, 1, 15)), &[]);
        assert!(timeline(&ds, TaskKind::CpReview, d(2024, 6, 1)).is_empty());
        // Ended at an early first review (held the day it ended): met, nothing after.
        let ended = plan_with(Some(d(2024, 2, 20)), &[(d(2024, 2, 20), Some("P1"))]);
        assert_eq!(
            summary(&timeline(&ended, TaskKind::CpReview, d(2024, 12, 1))),
            [(d(2024, 2, 29), Some(d(2024, 2, 20)), Met)]
        );
    }
}
