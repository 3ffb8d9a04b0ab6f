//! Single assessment authorised within 45 working days (Working Together 2023; DfE CIN census).

use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use crate::settings::AssessmentClockStart;
use chrono::NaiveDate;

/// Working days allowed (Working Together: "maximum timeframe ... 45 working days").
const WORKING_DAYS: u32 = 45;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::Assessments, Kind::Referrals]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "assessment_45wd",
    kind: TaskKind::Assessment,
    title: "Single assessment authorised within 45 working days",
    rule: "Every assessment is due on the 45th working day after its clock starts (weekends and \
           England and Wales bank holidays not counted; the start day itself does not count). The \
           clock starts at the assessment's start date by default (the DfE statistic), or at the \
           referral date if the council chooses Working Together's reading. It is done when \
           authorised. If the referral closes before the due date without authorisation, nothing \
           is owed; the task is open while the referral is open.",
    source: "Working Together to Safeguard Children 2023, chapter 2 (45 working days from the point \
             of referral); DfE Children in need statistics, 'assessments completed within 45 \
             working days' (CIN census AssessmentActualStartDate to AssessmentAuthorisationDate)",
    basis: Basis::StatutoryGuidance,
    settings: &["assessment_clock"],
};

/// One task per assessment started by `as_of`.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    for a in &child.assessments {
        let referral = child.referral(&a.rec.referral);
        let clock = match ctx.standards.assessment_clock {
            AssessmentClockStart::AssessmentStart => a.rec.start,
            AssessmentClockStart::Referral => {
                referral.map_or(a.rec.start, |r| r.date.min(a.rec.start))
            }
        };
        let due = ctx.calendar.add_working_days(clock, WORKING_DAYS);
        let record = a.reference(kinds::ASSESSMENTS);
        let done = a.rec.authorised.map(|date| Event { date, record });
        let closed = referral.and_then(|r| r.closure_date);
        if let Some(link) = one_off(a.rec.start, due, done, closed, as_of) {
            let case_open = referral.is_none_or(|r| is_open(r.date, r.closure_date, as_of));
            let mut task = Scheduled::new(TaskKind::Assessment, record, link, case_open);
            task.worker_hint = a.rec.worker.as_ref();
            task.team_hint = referral.and_then(|r| r.team.as_ref());
            out.push(task);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    /// Referral Mon 3 Mar 2025; assessment starts Thu 6 Mar 2025.
    fn easter_case(authorised: Option<NaiveDate>, closed: Option<NaiveDate>) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 3, 3))
            .with(|r| r.closure_date = closed);
        ds.assessment("A1", "C1", "R1", d(2025, 3, 6))
            .with(|a| a.authorised = authorised);
        ds
    }

    // 45 working days after Thu 6 Mar 2025, by hand: 7 Mar (1); 10-14 Mar (2-6); 17-21 (7-11);
    // 24-28 (12-16); 31 Mar-4 Apr (17-21); 7-11 Apr (22-26); 14-17 Apr (27-30; Fri 18 Apr Good
    // Friday); Mon 21 Apr Easter Monday; 22-25 Apr (31-34); 28 Apr-2 May (35-39); Mon 5 May early
    // May bank holiday; 6-9 May (40-43); 12 May (44); Tue 13 May (45).
    fn easter_due() -> NaiveDate {
        d(2025, 5, 13)
    }

    #[test]
    fn due_on_the_45th_working_day_skipping_easter_and_may_day() {
        let met = easter_case(Some(d(2025, 5, 13)), None);
        assert_eq!(
            summary(&timeline(&met, TaskKind::Assessment, d(2025, 6, 1))),
            [(easter_due(), Some(d(2025, 5, 13)), Met)]
        );
        let late = easter_case(Some(d(2025, 5, 14)), None);
        assert_eq!(
            summary(&timeline(&late, TaskKind::Assessment, d(2025, 6, 1))),
            [(easter_due(), Some(d(2025, 5, 14)), MetLate)]
        );
    }

    #[test]
    fn status_follows_the_as_of_date() {
        // Authorised 20 May. 1 and 7 May: more than 5 days to go -> due; 8 May: 5 days -> due
        // soon; 13 May: due today -> due soon; 14 May: overdue (the authorisation is not known
        // before 20 May); 20 May: met late. Before the start (5 Mar): no task.
        let ds = easter_case(Some(d(2025, 5, 20)), None);
        let at = |m, day| status_on(&ds, TaskKind::Assessment, d(2025, m, day));
        assert_eq!(at(5, 1), Some(Due));
        assert_eq!(at(5, 7), Some(Due));
        assert_eq!(at(5, 8), Some(DueSoon));
        assert_eq!(at(5, 13), Some(DueSoon));
        assert_eq!(at(5, 14), Some(Overdue));
        assert_eq!(at(5, 20), Some(MetLate));
        assert_eq!(at(3, 5), None);
    }

    #[test]
    fn clock_from_the_referral_when_chosen() {
        // 45 working days after Mon 3 Mar 2025: 4-7 Mar are days 1-4, so day 45 falls three
        // working days before 13 May (day 48): Thu 8 May 2025.
        let mut ds = easter_case(Some(d(2025, 5, 9)), None);
        ds.standards.assessment_clock = AssessmentClockStart::Referral;
        assert_eq!(
            summary(&timeline(&ds, TaskKind::Assessment, d(2025, 6, 1))),
            [(d(2025, 5, 8), Some(d(2025, 5, 9)), MetLate)]
        );
    }

    #[test]
    fn christmas_and_new_year_across_the_year_end() {
        // Fri 14 Nov 2025 + 45 working days: 17-21 Nov (1-5); 24-28 (6-10); 1-5 Dec (11-15);
        // 8-12 (16-20); 15-19 (21-25); 22-24 Dec (26-28); 25, 26 Dec bank holidays; 29-31 Dec
        // (29-31); 1 Jan bank holiday; 2 Jan (32); 5-9 Jan (33-37); 12-16 (38-42); 19-21 Jan (43-45).
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 11, 14));
        ds.assessment("A1", "C1", "R1", d(2025, 11, 14));
        let tasks = timeline(&ds, TaskKind::Assessment, d(2026, 1, 22));
        assert_eq!(summary(&tasks), [(d(2026, 1, 21), None, Overdue)]);
        assert!(tasks[0].case_open);
    }

    #[test]
    fn closed_referrals_owe_nothing_or_keep_the_missed_task_closed() {
        // Closed 1 Apr, before the due date, never authorised: nothing owed.
        let early = easter_case(None, Some(d(2025, 4, 1)));
        assert!(timeline(&early, TaskKind::Assessment, d(2025, 6, 1)).is_empty());
        // Closed 20 May, after the due date, never authorised: a missed task of a closed case,
        // off the worklist from the closure; on it the day before.
        let late = easter_case(None, Some(d(2025, 5, 20)));
        let tasks = timeline(&late, TaskKind::Assessment, d(2025, 6, 1));
        assert_eq!(summary(&tasks), [(easter_due(), None, Overdue)]);
        assert!(!tasks[0].case_open);
        assert!(open_tasks(&late, d(2025, 6, 1)).is_empty());
        assert_eq!(open_tasks(&late, d(2025, 5, 19)).len(), 1);
    }

    #[test]
    fn the_assessing_worker_and_referral_team_stand_in_for_an_allocation() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 3, 3)).team("T9");
        ds.assessment("A1", "C1", "R1", d(2025, 3, 6)).worker("SW9");
        let task = &timeline(&ds, TaskKind::Assessment, d(2025, 4, 1))[0];
        assert_eq!(task.worker.as_ref().map(|w| w.as_str()), Some("SW9"));
        assert_eq!(task.team.as_ref().map(|t| t.as_str()), Some("T9"));
    }
}
