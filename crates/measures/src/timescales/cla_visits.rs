//! Looked-after visits: within one week of the start of each placement, then within the CLA visit
//! interval (CPPR 2010 reg 28, simplified; the interval is the `cla_visit_interval` setting).

use super::care::{periods_of_care, placements};
use super::chain::Chain;
use super::cp_visits::seen_visits;
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open};
use crate::settings::Interval;
use chrono::NaiveDate;
use sightline_model::records::VisitKind;

/// Time from the start of a placement to the first visit (reg 28(2)(a): "within one week").
const FIRST_VISIT: Interval = Interval::Weeks(1);

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::ClaEpisodes, Kind::Visits]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "cla_visits",
    kind: TaskKind::ClaVisit,
    title: "Looked-after visits within timescale",
    rule: "At the start of each placement in a period of care a visit in which the child is seen \
           is due within one week (7 calendar days), then within `cla_visit_interval` (default 6 \
           calendar weeks) of the last such visit. Only looked-after visits with the child seen \
           count. A new placement restarts the chain (temporary placements T0-T4 and the return \
           from one to the same placement do not). Short breaks (V3/V4) are left out. Simplified \
           from reg 28: the 3-monthly interval allowed after the first year of a placement meant \
           to last until 18, and the weekly visits for children placed with parents under an \
           interim care order, are not modelled (set a stricter interval for the whole service \
           if that is the local standard).",
    source: "The Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959), \
             regulation 28 (visits within one week of any placement, then at intervals of not more \
             than six weeks in its first year); local practice standards are often tighter",
    basis: Basis::Regulations,
    settings: &["cla_visit_interval"],
};

/// The chain of visits of each placement.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let interval = ctx.standards.cla_visit_interval;
    let visits = seen_visits(child, VisitKind::LookedAfter);
    for period in periods_of_care(child) {
        for placement in placements(&period) {
            let chain = Chain::repeating(placement.start, true, placement.end, visits.clone());
            let case_open = is_open(placement.start, placement.end, as_of);
            let due_after = |anchor: NaiveDate, k: usize| {
                if k == 0 {
                    FIRST_VISIT.after(anchor)
                } else {
                    interval.after(anchor)
                }
            };
            for link in chain.run(as_of, due_after) {
                out.push(Scheduled::new(
                    TaskKind::ClaVisit,
                    placement.record,
                    link,
                    case_open,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;
    use sightline_model::codes::{PlacementType, ReasonEpisodeCeased::X1, ReasonNewEpisode::*};

    /// Looked after from Fri 28 Feb 2025 (U4); moved to new carers (U6) on Thu 1 May 2025.
    fn two_placements() -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 2, 28))
            .ended(d(2025, 5, 1), X1);
        ds.episode("E2", "C1", d(2025, 5, 1))
            .reason_new(P)
            .placement(PlacementType::U6);
        ds
    }

    #[test]
    fn a_week_from_each_placement_then_six_weeks() {
        // Placement 1 from Fri 28 Feb 2025: first visit due + 7 days = Fri 7 Mar; seen Thu 6 Mar.
        // + 6 weeks = Thu 17 Apr, seen that day. + 6 weeks = 29 May, after placement 1 ended on
        // 30 Apr: not owed.
        // Placement 2 from Thu 1 May: due + 7 days = Thu 8 May; seen Fri 9 May (late); a visit on
        // 2 May where the child was not seen and a CP visit on 5 May don't count.
        // + 6 weeks = Fri 20 Jun.
        let la = VisitKind::LookedAfter;
        let mut ds = two_placements();
        ds.visit("V1", "C1", la, d(2025, 3, 6));
        ds.visit("V2", "C1", la, d(2025, 4, 17));
        ds.visit("V3", "C1", la, d(2025, 5, 2)).not_seen();
        ds.visit("V4", "C1", VisitKind::ChildProtection, d(2025, 5, 5));
        ds.visit("V5", "C1", la, d(2025, 5, 9));
        let tasks = timeline(&ds, TaskKind::ClaVisit, d(2025, 6, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2025, 3, 7), Some(d(2025, 3, 6)), Met),
                (d(2025, 4, 17), Some(d(2025, 4, 17)), Met),
                (d(2025, 5, 8), Some(d(2025, 5, 9)), MetLate),
                (d(2025, 6, 20), None, Due),
            ]
        );
        assert!(!tasks[1].case_open);
        assert!(tasks[3].case_open);
        assert_eq!(
            status_on(&ds, TaskKind::ClaVisit, d(2025, 6, 16)),
            Some(DueSoon)
        );
    }

    #[test]
    fn a_missed_visit_before_a_move_stays_missed() {
        // No visit in placement 1 after 6 Mar: due 17 Apr, missed (placement ended 30 Apr). The
        // visit on 1 May belongs to placement 2 (due 8 May, met); next due 1 May + 6 weeks = 12 Jun.
        let la = VisitKind::LookedAfter;
        let mut ds = two_placements();
        ds.visit("V1", "C1", la, d(2025, 3, 6));
        ds.visit("V2", "C1", la, d(2025, 5, 1));
        assert_eq!(
            summary(&timeline(&ds, TaskKind::ClaVisit, d(2025, 5, 2))),
            [
                (d(2025, 3, 7), Some(d(2025, 3, 6)), Met),
                (d(2025, 4, 17), None, Overdue),
                (d(2025, 5, 8), Some(d(2025, 5, 1)), Met),
                (d(2025, 6, 12), None, Due),
            ]
        );
    }

    #[test]
    fn a_holiday_placement_does_not_restart_the_chain() {
        // Placement 2 (from 1 May, seen 9 May, next due 20 Jun) is interrupted by a holiday (T2)
        // from 1 to 8 Jun 2025 and resumes with the same carers: the chain runs on.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 2, 28))
            .ended(d(2025, 5, 1), X1);
        ds.episode("E2", "C1", d(2025, 5, 1))
            .reason_new(P)
            .placement(PlacementType::U6)
            .ended(d(2025, 6, 1), X1);
        ds.episode("E3", "C1", d(2025, 6, 1))
            .reason_new(T)
            .placement(PlacementType::T2)
            .ended(d(2025, 6, 8), X1);
        ds.episode("E4", "C1", d(2025, 6, 8))
            .reason_new(T)
            .placement(PlacementType::U6);
        ds.visit("V1", "C1", VisitKind::LookedAfter, d(2025, 5, 9));
        let tasks = timeline(&ds, TaskKind::ClaVisit, d(2025, 6, 10));
        assert_eq!(
            tasks.last().map(|t| (t.due, t.done)),
            Some((d(2025, 6, 20), None))
        );
        // A move to different carers (U4) on 8 Jun instead restarts it: due 15 Jun.
        let mut moved = Dataset::new();
        moved.child("C1");
        moved
            .episode("E1", "C1", d(2025, 5, 1))
            .placement(PlacementType::U6)
            .ended(d(2025, 6, 1), X1);
        moved
            .episode("E2", "C1", d(2025, 6, 1))
            .reason_new(T)
            .placement(PlacementType::T2)
            .ended(d(2025, 6, 8), X1);
        moved
            .episode("E3", "C1", d(2025, 6, 8))
            .reason_new(P)
            .placement(PlacementType::U4);
        moved.visit("V1", "C1", VisitKind::LookedAfter, d(2025, 5, 9));
        let tasks = timeline(&moved, TaskKind::ClaVisit, d(2025, 6, 10));
        assert_eq!(
            tasks.last().map(|t| (t.due, t.done)),
            Some((d(2025, 6, 15), None))
        );
    }

    #[test]
    fn short_breaks_owe_no_looked_after_visits() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 2, 28))
            .legal_status(sightline_model::codes::LegalStatus::V3);
        assert!(timeline(&ds, TaskKind::ClaVisit, d(2025, 6, 1)).is_empty());
    }
}
