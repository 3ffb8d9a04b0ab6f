//! Return home interview offered within 72 hours of a missing child's return (statutory guidance
//! on children who run away or go missing from home or care, 2014; the `rhi_hours` setting).

use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{CaseType, Context, kinds};
use chrono::{Duration, NaiveDate};
use sightline_model::codes::MissingKind;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::Missing]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "rhi_72h",
    kind: TaskKind::ReturnInterview,
    title: "Return home interview offered within 72 hours",
    rule: "When a child returns from a missing episode, a return home interview is due to be offered \
           within `rhi_hours` (default 72). Records carry dates, not times, so the due date is the \
           return date plus the hours rounded up to whole days (72 hours: 3 calendar days; \
           weekends and bank holidays count). The earlier of the offer and the interview does it. \
           'Away from placement' episodes (whereabouts known) owe none. The task is open while the \
           child has an open case (looked after, on a CP plan, or a child in need: an open \
           referral, CIN plan or short-break episode).",
    source: "DfE statutory guidance on children who run away or go missing from home or care (2014): \
             an independent return interview offered within 72 hours of the child's return; \
             SSDA903 Missing table and Annex A list 8 (RHI offered/accepted)",
    basis: Basis::StatutoryGuidance,
    settings: &["rhi_hours"],
};

/// One task per missing episode that has ended by `as_of`.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let days = i64::from(ctx.standards.rhi_hours.div_ceil(24));
    for m in &child.missing {
        if m.rec.kind != MissingKind::M {
            continue;
        }
        let Some(returned) = m.rec.end else {
            continue;
        };
        let record = m.reference(kinds::MISSING);
        let offered = [m.rec.rhi_offered, m.rec.rhi_completed]
            .into_iter()
            .flatten()
            .min();
        let done = offered.map(|date| Event { date, record });
        let due = returned + Duration::days(days);
        if let Some(link) = one_off(returned, due, done, None, as_of) {
            let case_open = ctx.case_type_at(child.child, as_of) != CaseType::Other;
            out.push(Scheduled::new(
                TaskKind::ReturnInterview,
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

    /// An open referral, and a missing episode from 27 Dec 2025, returned on `returned`.
    fn missing_once(returned: Option<NaiveDate>, offered: Option<NaiveDate>) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 1, 2));
        ds.missing("M1", "C1", d(2025, 12, 27)).with(|m| {
            m.end = returned;
            m.rhi_offered = offered;
        });
        ds
    }

    #[test]
    fn three_calendar_days_from_the_return_across_the_year_end() {
        // Returned Mon 29 Dec 2025: 72 hours = 3 calendar days (the New Year bank holiday counts):
        // due Thu 1 Jan 2026. Offered 1 Jan: met; offered 2 Jan: late.
        let met = missing_once(Some(d(2025, 12, 29)), Some(d(2026, 1, 1)));
        assert_eq!(
            summary(&timeline(&met, TaskKind::ReturnInterview, d(2026, 1, 5))),
            [(d(2026, 1, 1), Some(d(2026, 1, 1)), Met)]
        );
        let late = missing_once(Some(d(2025, 12, 29)), Some(d(2026, 1, 2)));
        assert_eq!(
            summary(&timeline(&late, TaskKind::ReturnInterview, d(2026, 1, 5))),
            [(d(2026, 1, 1), Some(d(2026, 1, 2)), MetLate)]
        );
        let none = missing_once(Some(d(2025, 12, 29)), None);
        assert_eq!(
            status_on(&none, TaskKind::ReturnInterview, d(2025, 12, 30)),
            Some(DueSoon)
        );
        assert_eq!(
            status_on(&none, TaskKind::ReturnInterview, d(2026, 1, 2)),
            Some(Overdue)
        );
    }

    #[test]
    fn the_interview_itself_counts_and_hours_round_up_to_days() {
        // Held (not recorded as offered) on 31 Dec: met. With 48 hours the due date is 31 Dec;
        // 60 hours round up to 3 days: 1 Jan.
        let mut ds = missing_once(Some(d(2025, 12, 29)), None);
        ds.missing("M2", "C1", d(2026, 2, 1))
            .returned(d(2026, 2, 2))
            .with(|m| m.rhi_completed = Some(d(2026, 2, 4)));
        ds.standards.rhi_hours = 48;
        let tasks = timeline(&ds, TaskKind::ReturnInterview, d(2026, 3, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2025, 12, 31), None, Overdue),
                (d(2026, 2, 4), Some(d(2026, 2, 4)), Met)
            ]
        );
        ds.standards.rhi_hours = 60;
        assert_eq!(
            timeline(&ds, TaskKind::ReturnInterview, d(2026, 3, 1))[0].due,
            d(2026, 1, 1)
        );
    }

    #[test]
    fn still_missing_away_episodes_and_closed_cases() {
        // Not yet returned: no task. Away from placement: no task.
        let out = missing_once(None, None);
        assert!(timeline(&out, TaskKind::ReturnInterview, d(2026, 1, 5)).is_empty());
        let mut away = Dataset::new();
        away.child("C1");
        away.referral("R1", "C1", d(2025, 1, 2));
        away.missing("M1", "C1", d(2025, 12, 27))
            .away()
            .returned(d(2025, 12, 29));
        assert!(timeline(&away, TaskKind::ReturnInterview, d(2026, 1, 5)).is_empty());
        // Case closed on 31 Dec: the task is off the worklist from then.
        let mut closed = Dataset::new();
        closed.child("C1");
        closed
            .referral("R1", "C1", d(2025, 1, 2))
            .closed(d(2025, 12, 31));
        closed
            .missing("M1", "C1", d(2025, 12, 27))
            .returned(d(2025, 12, 29));
        let tasks = timeline(&closed, TaskKind::ReturnInterview, d(2026, 1, 5));
        assert!(!tasks[0].case_open);
        assert!(open_tasks(&closed, d(2026, 1, 5)).is_empty());
        assert_eq!(open_tasks(&closed, d(2025, 12, 30)).len(), 1);
    }
}
