//! Permanence plan agreed by the second looked-after review (statutory guidance on care planning;
//! the `permanence_plan_due` setting).

use super::care::periods_of_care;
use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::ClaEpisodes, Kind::Permanence]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "permanence_plan",
    kind: TaskKind::PermanencePlan,
    title: "Permanence plan by the second looked-after review",
    rule: "In each period of care (short breaks left out) a permanence plan is due within \
           `permanence_plan_due` (default 4 calendar months: the second review falls at most 20 \
           working days + 3 months after the start) of the child becoming looked after. The \
           earliest permanence plan date recorded in the period does it. A period that ends before \
           the due date owes none. Open while the period of care is open. Only computed when the \
           extract records permanence plan dates for some child: SSDA903 and the SSD carry none, \
           and then every period would look overdue.",
    source: "The Children Act 1989 guidance and regulations, volume 2: care planning, placement and \
             case review (DfE 2021), 2.45 (permanence plan by the second review); CPPR 2010 reg 33 \
             for the review timing",
    basis: Basis::StatutoryGuidance,
    settings: &["permanence_plan_due"],
};

/// One task per period of care.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    if !child.permanence_plans_recorded {
        return;
    }
    for period in periods_of_care(child) {
        let due = ctx.standards.permanence_plan_due.after(period.start);
        let done = child
            .permanence
            .iter()
            .filter_map(|p| p.rec.plan_date.map(|date| (date, p)))
            .filter(|(date, _)| period.contains(*date))
            .min_by_key(|(date, p)| (*date, p.index))
            .map(|(date, p)| Event {
                date,
                record: p.reference(kinds::PERMANENCE),
            });
        if let Some(link) = one_off(period.start, due, done, period.end, as_of) {
            let case_open = is_open(period.start, period.end, as_of);
            out.push(Scheduled::new(
                TaskKind::PermanencePlan,
                period.first_record(),
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
    use sightline_model::codes::ReasonEpisodeCeased::E4A;

    /// C1 looked after from `start`; C2 has a plan date, so the extract records them.
    fn in_care(start: NaiveDate, end: Option<NaiveDate>, plan_dates: &[NaiveDate]) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.permanence("PM-C2", "C2")
            .with(|p| p.plan_date = Some(d(2020, 1, 1)));
        let episode = ds.episode("E1", "C1", start);
        if let Some(end) = end {
            episode.ended(end, E4A);
        }
        for (i, date) in plan_dates.iter().enumerate() {
            ds.permanence(&format!("PM{i}"), "C1")
                .with(|p| p.plan_date = Some(*date));
        }
        ds
    }

    #[test]
    fn four_months_from_entering_care_clamped_to_february() {
        // Looked after from Fri 31 Oct 2025: + 4 months = 28 Feb 2026. Plan agreed 20 Feb: met.
        let ds = in_care(d(2025, 10, 31), None, &[d(2026, 2, 20)]);
        assert_eq!(
            summary(&timeline(&ds, TaskKind::PermanencePlan, d(2026, 3, 1))),
            [(d(2026, 2, 28), Some(d(2026, 2, 20)), Met)]
        );
        let none = in_care(d(2025, 10, 31), None, &[]);
        assert_eq!(
            status_on(&none, TaskKind::PermanencePlan, d(2026, 2, 24)),
            Some(DueSoon)
        );
        assert_eq!(
            status_on(&none, TaskKind::PermanencePlan, d(2026, 3, 1)),
            Some(Overdue)
        );
    }

    #[test]
    fn periods_ending_early_owe_none_and_old_plans_do_not_count() {
        // Left care 31 Dec 2025, before the due date: nothing owed.
        let left = in_care(d(2025, 10, 31), Some(d(2025, 12, 31)), &[]);
        assert!(timeline(&left, TaskKind::PermanencePlan, d(2026, 6, 1)).is_empty());
        // A plan dated before the period began does not count.
        let old = in_care(d(2025, 10, 31), None, &[d(2025, 1, 10)]);
        assert_eq!(
            summary(&timeline(&old, TaskKind::PermanencePlan, d(2026, 3, 1))),
            [(d(2026, 2, 28), None, Overdue)]
        );
    }

    #[test]
    fn nothing_when_the_extract_records_no_plan_dates() {
        // As from an SSDA903 or SSD extract: no permanence plan date anywhere.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 10, 31));
        ds.permanence("PM1", "C1").placement_order(d(2026, 1, 5));
        assert!(timeline(&ds, TaskKind::PermanencePlan, d(2026, 6, 1)).is_empty());
    }
}
