//! Child in need plan reviews within the local interval (local practice standard: the
//! `cin_review_interval` setting).

use super::chain::{Chain, Event};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::CinPlans, Kind::CinPlanReviews]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "cin_reviews",
    kind: TaskKind::CinReview,
    title: "Child in need plan reviews within the local interval",
    rule: "A child in need plan's first review is due within `cin_review_interval` (default 6 \
           calendar weeks) of the plan's start, then within the same interval of the last review \
           actually held; a review recorded against the plan does it. The chain stops with the \
           plan.",
    source: "Local practice standard: no statutory or DfE frequency for child in need reviews \
             (kpi-definitions.md 1.3); the seed plan reports 'Child in Need reviews completed within \
             6 weeks'",
    basis: Basis::LocalStandard,
    settings: &["cin_review_interval"],
};

/// The chain of reviews of each child in need plan.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let interval = ctx.standards.cin_review_interval;
    for plan in &child.cin_plans {
        let reviews: Vec<Event> = child
            .cin_plan_reviews
            .iter()
            .filter(|r| r.rec.plan == plan.rec.id)
            .map(|r| Event {
                date: r.rec.date,
                record: r.reference(kinds::CIN_PLAN_REVIEWS),
            })
            .collect();
        let chain = Chain::repeating(plan.rec.start, false, plan.rec.end, reviews);
        let case_open = is_open(plan.rec.start, plan.rec.end, as_of);
        let record = plan.reference(kinds::CIN_PLANS);
        for link in chain.run(as_of, |anchor, _| interval.after(anchor)) {
            out.push(Scheduled::new(TaskKind::CinReview, record, link, case_open));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    /// CIN plan from Mon 17 Nov 2025.
    fn plan_with(end: Option<NaiveDate>, reviews: &[(NaiveDate, &str)]) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cin_plan("CP1", "C1", d(2025, 11, 17))
            .with(|p| p.end = end);
        for (i, (date, plan)) in reviews.iter().enumerate() {
            ds.cin_plan_review(&format!("CR{i}"), "C1", plan, *date);
        }
        ds
    }

    #[test]
    fn every_six_calendar_weeks_across_the_year_end() {
        // Plan Mon 17 Nov 2025 + 6 weeks = Mon 29 Dec 2025 (calendar weeks: the Christmas bank
        // holidays don't move it). Held 29 Dec. + 6 weeks = Mon 9 Feb 2026. Held Thu 12 Feb (late).
        // + 6 weeks = Thu 26 Mar 2026. A review of another plan on 20 Mar does not count.
        let ds = plan_with(
            None,
            &[
                (d(2025, 12, 29), "CP1"),
                (d(2026, 2, 12), "CP1"),
                (d(2026, 3, 20), "CP9"),
            ],
        );
        let tasks = timeline(&ds, TaskKind::CinReview, d(2026, 4, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2025, 12, 29), Some(d(2025, 12, 29)), Met),
                (d(2026, 2, 9), Some(d(2026, 2, 12)), MetLate),
                (d(2026, 3, 26), None, Overdue),
            ]
        );
        assert!(tasks[2].case_open);
        assert_eq!(
            status_on(&ds, TaskKind::CinReview, d(2026, 3, 21)),
            Some(DueSoon)
        );
        assert_eq!(
            status_on(&ds, TaskKind::CinReview, d(2026, 3, 20)),
            Some(Due)
        );
    }

    #[test]
    fn closed_plans_stop_the_chain() {
        // Closed 1 Dec 2025, before the first review was due on 29 Dec: nothing owed. The day
        // before, the closure was not known and the review was on the worklist.
        let ds = plan_with(Some(d(2025, 12, 1)), &[]);
        assert!(timeline(&ds, TaskKind::CinReview, d(2026, 4, 1)).is_empty());
        assert!(
            open_tasks(&ds, d(2025, 11, 30))
                .iter()
                .any(|t| t.kind == TaskKind::CinReview)
        );
        assert!(open_tasks(&ds, d(2025, 12, 1)).is_empty());
    }
}
