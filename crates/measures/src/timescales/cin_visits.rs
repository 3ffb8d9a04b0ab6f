//! Child in need visits, the child seen, within the local interval (local practice standard: the
//! `cin_visit_interval` setting).

use super::chain::Chain;
use super::cp_visits::seen_visits;
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;
use sightline_model::records::VisitKind;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::CinPlans, Kind::Visits]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "cin_visits",
    kind: TaskKind::CinVisit,
    title: "Child in need visits within the local interval",
    rule: "While a child in need plan is open, a visit in which the child is seen is due within \
           `cin_visit_interval` (default 20 working days) of the plan's start, then of the last such \
           visit. Only child in need visits with the child seen count; one on the plan's start day \
           counts as the first. The chain stops with the plan.",
    source: "Local practice standard: no statutory frequency for child in need visits; councils set \
             e.g. 'at least once every 20 working days' (kpi-definitions.md 1.3)",
    basis: Basis::LocalStandard,
    settings: &["cin_visit_interval"],
};

/// The chain of visits of each child in need plan.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let interval = ctx.standards.cin_visit_interval;
    let visits = seen_visits(child, VisitKind::ChildInNeed);
    for plan in &child.cin_plans {
        let chain = Chain::repeating(plan.rec.start, true, plan.rec.end, visits.clone());
        let case_open = is_open(plan.rec.start, plan.rec.end, as_of);
        let record = plan.reference(kinds::CIN_PLANS);
        for link in chain.run(as_of, |anchor, _| interval.after(anchor)) {
            out.push(Scheduled::new(TaskKind::CinVisit, record, link, case_open));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    #[test]
    fn every_20_working_days_over_the_summer_bank_holiday() {
        // Plan Fri 1 Aug 2025 + 20 wd: 4-8 Aug (1-5); 11-15 (6-10); 18-22 (11-15); 25 Aug summer
        // bank holiday; 26-29 Aug (16-19); Mon 1 Sep (20). Seen Fri 29 Aug (a CP visit on 1 Sep
        // does not count). + 20 wd: 1-5 Sep (1-5); 8-12 (6-10); 15-19 (11-15); 22-26 (16-20):
        // Fri 26 Sep, due today on 26 Sep.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cin_plan("CP1", "C1", d(2025, 8, 1));
        ds.visit("V1", "C1", VisitKind::ChildInNeed, d(2025, 8, 29));
        ds.visit("V2", "C1", VisitKind::ChildProtection, d(2025, 9, 1));
        let tasks = timeline(&ds, TaskKind::CinVisit, d(2025, 9, 26));
        assert_eq!(
            summary(&tasks),
            [
                (d(2025, 9, 1), Some(d(2025, 8, 29)), Met),
                (d(2025, 9, 26), None, DueSoon)
            ]
        );
        assert_eq!(tasks[1].done_by, None);
        assert_eq!(
            tasks[0].done_by.map(|r| (r.kind, r.index)),
            Some((kinds::VISITS, 0))
        );
    }
}
