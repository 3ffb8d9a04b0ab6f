//! Placed for adoption within the DfE adoption scorecard A1 threshold of entering care (the
//! `adoption_placement_due` setting).

use super::care::periods_of_care;
use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::ClaEpisodes, Kind::Permanence]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "adoption_placement",
    kind: TaskKind::AdoptionPlacement,
    title: "Placed for adoption within the A1 threshold of entering care",
    rule: "For a child with an agency decision that they should be placed for adoption, moving in \
           with the adoptive family is due within `adoption_placement_due` (default 426 calendar \
           days) of the start of the period of care in which the decision was made. The recorded \
           date placed for adoption does it, else the start of an adoptive placement episode \
           (A3-A6) in that period. A reversed decision, or the period ending, before the due date \
           means nothing is owed. The A10 adjustment (clock stopping when foster carers who adopt \
           took the child) is not made.",
    source: "DfE adoption scorecard measure A1 (days from entering care to moving in with the \
             adoptive family); the threshold 426 days is the 2016-19 figure (kpi-definitions.md 1.7, \
             not re-verified); a national threshold, not a statutory duty",
    basis: Basis::NationalThreshold,
    settings: &["adoption_placement_due"],
};

/// One task per permanence record with an adoption decision.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let periods = periods_of_care(child);
    for p in &child.permanence {
        let Some(decision) = p.rec.adm_decision else {
            continue;
        };
        let Some(period) = periods.iter().rfind(|period| period.start <= decision) else {
            continue;
        };
        let record = p.reference(kinds::PERMANENCE);
        let placed_episode = period
            .episodes
            .iter()
            .find(|e| e.rec.placement.is_placed_for_adoption())
            .map(|e| Event {
                date: e.rec.start,
                record: e.reference(kinds::CLA_EPISODES),
            });
        let done = p
            .rec
            .placed_for_adoption
            .map(|date| Event { date, record })
            .or(placed_episode);
        let end = [p.rec.decision_reversed, period.end]
            .into_iter()
            .flatten()
            .min();
        let due = ctx.standards.adoption_placement_due.after(period.start);
        if let Some(link) = one_off(decision, due, done, end, as_of) {
            let case_open = is_open(decision, end, as_of);
            out.push(Scheduled::new(
                TaskKind::AdoptionPlacement,
                record,
                link,
                case_open,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;
    use sightline_model::codes::{
        LegalStatus, PlacementType, ReasonEpisodeCeased::X1, ReasonNewEpisode,
    };

    /// Looked after from Thu 1 Feb 2024; agency decision for adoption on 1 Aug 2024.
    fn adoption_case(placed: Option<NaiveDate>, reversed: Option<NaiveDate>) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2024, 2, 1));
        ds.permanence("PM1", "C1").with(|p| {
            p.adm_decision = Some(d(2024, 8, 1));
            p.placed_for_adoption = placed;
            p.decision_reversed = reversed;
        });
        ds
    }

    #[test]
    fn due_426_days_after_entering_care_over_a_leap_day() {
        // 1 Feb 2024 + 426 days: 1 Feb 2025 is 366 days on (29 Feb 2024 in between); February
        // 2025 has 28 days (394 on 1 Mar), March 31 (425 on 1 Apr): Wed 2 Apr 2025.
        let waiting = adoption_case(None, None);
        assert_eq!(
            summary(&timeline(
                &waiting,
                TaskKind::AdoptionPlacement,
                d(2025, 3, 31)
            )),
            [(d(2025, 4, 2), None, DueSoon)]
        );
        let placed = adoption_case(Some(d(2025, 4, 2)), None);
        assert_eq!(
            status_on(&placed, TaskKind::AdoptionPlacement, d(2025, 5, 1)),
            Some(Met)
        );
    }

    #[test]
    fn an_adoptive_placement_episode_counts_when_no_date_is_recorded() {
        // Episode A5 from 7 Apr 2025: late.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2024, 2, 1))
            .ended(d(2025, 4, 7), X1);
        ds.episode("E2", "C1", d(2025, 4, 7))
            .reason_new(ReasonNewEpisode::B)
            .legal_status(LegalStatus::E1)
            .placement(PlacementType::A5);
        ds.permanence("PM1", "C1")
            .with(|p| p.adm_decision = Some(d(2024, 8, 1)));
        let tasks = timeline(&ds, TaskKind::AdoptionPlacement, d(2025, 5, 1));
        assert_eq!(
            summary(&tasks),
            [(d(2025, 4, 2), Some(d(2025, 4, 7)), MetLate)]
        );
        assert_eq!(tasks[0].done_by.map(|r| r.kind), Some(kinds::CLA_EPISODES));
    }

    #[test]
    fn no_decision_or_a_reversal_owes_nothing() {
        let reversed = adoption_case(None, Some(d(2025, 1, 10)));
        assert!(timeline(&reversed, TaskKind::AdoptionPlacement, d(2025, 6, 1)).is_empty());
        let mut undecided = Dataset::new();
        undecided.child("C1");
        undecided.episode("E1", "C1", d(2024, 2, 1));
        undecided.permanence("PM1", "C1");
        assert!(timeline(&undecided, TaskKind::AdoptionPlacement, d(2025, 6, 1)).is_empty());
    }
}
