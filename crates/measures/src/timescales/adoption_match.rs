//! Match with adopters within the DfE adoption scorecard A2 threshold of the placement order (the
//! `adoption_match_due` setting).

use super::care::periods_of_care;
use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::ClaEpisodes, Kind::Permanence]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "adoption_match",
    kind: TaskKind::AdoptionMatch,
    title: "Matched with adopters within the A2 threshold of the placement order",
    rule: "When a placement order is granted, a match with adopters is due within \
           `adoption_match_due` (default 121 calendar days) of the order. The recorded match date \
           does it (a match before the order is in time, as in A2). A decision that the child \
           should no longer be placed for adoption, or the end of the period of care, before the \
           due date means nothing is owed. Open until then.",
    source: "DfE adoption scorecard measure A2 (days from court authority to place to the decision \
             on a match); the threshold 121 days is the 2016-19 figure (kpi-definitions.md 1.7, not \
             re-verified); a national threshold, not a statutory duty",
    basis: Basis::NationalThreshold,
    settings: &["adoption_match_due"],
};

/// One task per permanence record with a placement order.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let periods = periods_of_care(child);
    for p in &child.permanence {
        let Some(order) = p.rec.placement_order else {
            continue;
        };
        let period_end = periods
            .iter()
            .rfind(|period| period.start <= order)
            .and_then(|period| period.end);
        let end = [p.rec.decision_reversed, period_end]
            .into_iter()
            .flatten()
            .min();
        let record = p.reference(kinds::PERMANENCE);
        let done = p.rec.matched.map(|date| Event { date, record });
        let due = ctx.standards.adoption_match_due.after(order);
        if let Some(link) = one_off(order, due, done, end, as_of) {
            let case_open = is_open(order, end, as_of);
            out.push(Scheduled::new(
                TaskKind::AdoptionMatch,
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

    /// Placement order Wed 15 Jan 2025.
    fn order(matched: Option<NaiveDate>, reversed: Option<NaiveDate>) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.permanence("PM1", "C1")
            .placement_order(d(2025, 1, 15))
            .with(|p| {
                p.matched = matched;
                p.decision_reversed = reversed;
            });
        ds
    }

    #[test]
    fn due_121_days_after_the_placement_order() {
        // Wed 15 Jan 2025 + 121 days: 16 to 31 Jan (16), February (28: 44), March (31: 75),
        // April (30: 105), 1-16 May (121): Fri 16 May 2025.
        let met = order(Some(d(2025, 5, 16)), None);
        assert_eq!(
            summary(&timeline(&met, TaskKind::AdoptionMatch, d(2025, 6, 1))),
            [(d(2025, 5, 16), Some(d(2025, 5, 16)), Met)]
        );
        assert_eq!(
            status_on(
                &order(Some(d(2025, 5, 19)), None),
                TaskKind::AdoptionMatch,
                d(2025, 6, 1)
            ),
            Some(MetLate)
        );
        // Matched before the order: in time.
        assert_eq!(
            status_on(
                &order(Some(d(2025, 1, 10)), None),
                TaskKind::AdoptionMatch,
                d(2025, 6, 1)
            ),
            Some(Met)
        );
        let waiting = order(None, None);
        let at = |m, day| status_on(&waiting, TaskKind::AdoptionMatch, d(2025, m, day));
        assert_eq!(
            (at(5, 1), at(5, 12), at(5, 17)),
            (Some(Due), Some(DueSoon), Some(Overdue))
        );
    }

    #[test]
    fn a_reversed_decision_owes_nothing() {
        let reversed = order(None, Some(d(2025, 4, 1)));
        assert!(timeline(&reversed, TaskKind::AdoptionMatch, d(2025, 6, 1)).is_empty());
        // Seen before the reversal, the match was still owed.
        assert_eq!(
            timeline(&reversed, TaskKind::AdoptionMatch, d(2025, 3, 31)).len(),
            1
        );
    }
}
