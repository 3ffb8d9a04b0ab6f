//! Initial child protection conference within 15 working days of the strategy discussion
//! (Working Together 2023; DfE CIN census).

use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads, Rec};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use crate::settings::IcpcClockStart;
use chrono::NaiveDate;
use sightline_model::records::{ChildProtectionConference, ConferenceKind, S47Outcome, Section47};

/// Working days allowed.
const WORKING_DAYS: u32 = 15;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[
    Kind::Section47s,
    Kind::Conferences,
    Kind::StrategyDiscussions,
    Kind::Referrals,
]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "icpc_15wd",
    kind: TaskKind::Icpc,
    title: "Initial child protection conference within 15 working days",
    rule: "A section 47 enquiry that needs a conference (its outcome is 'ICPC', an initial \
           conference names it, or it has no outcome yet and the conference is not marked as not \
           required) owes an initial conference by the 15th working day after its clock starts: \
           the enquiry's start date by default (the DfE statistic and the icpc_15wd_pct figure), \
           or, if the council chooses, the strategy discussion that started it when linked and \
           earlier. The linked initial conference does it; failing a link, the child's first \
           unlinked initial conference in the same referral on or after the enquiry's start. Open \
           while the referral is open; transfer-in conferences have no enquiry and no task.",
    source: "Working Together to Safeguard Children 2023, chapter 2 (conference within 15 working \
             days of the strategy discussion at which the section 47 enquiry was initiated); DfE \
             Children in need statistics count from S47ActualStartDate, usually the same day",
    basis: Basis::StatutoryGuidance,
    settings: &["icpc_clock"],
};

/// One task per enquiry that needs a conference and started by `as_of`.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    for s in &child.section47s {
        let conference = initial_conference(child, s.rec);
        if !needs_conference(s.rec, conference.is_some()) {
            continue;
        }
        let clock = clock_start(ctx, child, s.rec);
        let done = conference.map(|c| Event {
            date: c.rec.date,
            record: c.reference(kinds::CONFERENCES),
        });
        let due = ctx.calendar.add_working_days(clock, WORKING_DAYS);
        let referral = child.referral(&s.rec.referral);
        let closed = referral.and_then(|r| r.closure_date);
        if let Some(link) = one_off(clock, due, done, closed, as_of) {
            let case_open = referral.is_none_or(|r| is_open(r.date, r.closure_date, as_of));
            let record = s.reference(kinds::SECTION47S);
            let mut task = Scheduled::new(TaskKind::Icpc, record, link, case_open);
            task.team_hint = referral.and_then(|r| r.team.as_ref());
            out.push(task);
        }
    }
}

/// Where the clock starts (the `icpc_clock` setting): the enquiry's start, or the strategy
/// discussion that started it when linked and earlier.
fn clock_start(ctx: &Context<'_>, child: &ChildRecords<'_>, s: &Section47) -> NaiveDate {
    match ctx.standards.icpc_clock {
        IcpcClockStart::EnquiryStart => s.start,
        IcpcClockStart::StrategyDiscussion => s
            .strategy_discussion
            .as_ref()
            .and_then(|id| {
                child
                    .strategy_discussions
                    .iter()
                    .find(|sd| &sd.rec.id == id)
            })
            .map_or(s.start, |sd| sd.rec.date.min(s.start)),
    }
}

/// Whether the enquiry needs a conference.
fn needs_conference(s: &Section47, has_conference: bool) -> bool {
    has_conference
        || match s.outcome {
            Some(S47Outcome::Icpc) => true,
            Some(_) => false,
            None => s.icpc_required,
        }
}

/// The initial conference of the enquiry: the one naming it, else the first unlinked initial
/// conference of the same referral held on or after the enquiry's start.
fn initial_conference<'a>(
    child: &ChildRecords<'a>,
    s: &Section47,
) -> Option<Rec<'a, ChildProtectionConference>> {
    let initial = |c: &&Rec<'a, ChildProtectionConference>| c.rec.kind == ConferenceKind::Initial;
    let linked = child
        .conferences
        .iter()
        .filter(initial)
        .find(|c| c.rec.s47.as_ref() == Some(&s.id));
    linked
        .or_else(|| {
            child
                .conferences
                .iter()
                .filter(initial)
                .filter(|c| {
                    c.rec.s47.is_none() && c.rec.referral == s.referral && c.rec.date >= s.start
                })
                .min_by_key(|c| c.rec.date)
        })
        .copied()
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    /// Referral 9 Apr 2025, strategy discussion Thu 10 Apr, enquiry from Fri 11 Apr.
    fn case(outcome: Option<S47Outcome>, with_discussion: bool) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.referral("R1", "C1", d(2025, 4, 9));
        ds.strategy_discussion("SD1", "C1", "R1", d(2025, 4, 10));
        ds.s47("S1", "C1", "R1", d(2025, 4, 11)).with(|s| {
            s.outcome = outcome;
            if with_discussion {
                s.strategy_discussion = Some(sightline_model::ids::RecordId::new("SD1"));
            }
        });
        ds
    }

    #[test]
    fn due_15_working_days_after_the_enquiry_start_over_easter() {
        // Fri 11 Apr 2025 + 15 working days: 14-17 Apr (1-4); 18 Apr Good Friday and 21 Apr
        // Easter Monday skipped; 22-25 Apr (5-8); 28 Apr-2 May (9-13); 5 May bank holiday; 6 May
        // (14); Wed 7 May (15). The conference naming the enquiry, on 7 May, is in time.
        let mut ds = case(Some(S47Outcome::Icpc), true);
        ds.conference("IC1", "C1", "R1", d(2025, 5, 7)).s47("S1");
        let tasks = timeline(&ds, TaskKind::Icpc, d(2025, 5, 31));
        assert_eq!(summary(&tasks), [(d(2025, 5, 7), Some(d(2025, 5, 7)), Met)]);
        assert_eq!(tasks[0].done_by.map(|r| r.kind), Some(kinds::CONFERENCES));
        assert_eq!(tasks[0].record.kind, kinds::SECTION47S);
    }

    #[test]
    fn from_the_strategy_discussion_when_chosen() {
        // Thu 10 Apr 2025 + 15 working days: 11 Apr (1), then as above one day earlier: Tue 6 May.
        // The conference on 7 May is a day late by that reading.
        let mut ds = case(Some(S47Outcome::Icpc), true);
        ds.conference("IC1", "C1", "R1", d(2025, 5, 7)).s47("S1");
        ds.standards.icpc_clock = IcpcClockStart::StrategyDiscussion;
        assert_eq!(
            summary(&timeline(&ds, TaskKind::Icpc, d(2025, 5, 31))),
            [(d(2025, 5, 6), Some(d(2025, 5, 7)), MetLate)]
        );
        // No discussion linked: the enquiry start it is.
        let mut unlinked = case(Some(S47Outcome::Icpc), false);
        unlinked.standards.icpc_clock = IcpcClockStart::StrategyDiscussion;
        assert_eq!(
            timeline(&unlinked, TaskKind::Icpc, d(2025, 5, 31))[0].due,
            d(2025, 5, 7)
        );
    }

    #[test]
    fn an_unlinked_initial_conference_of_the_referral_does_it() {
        // Due Wed 7 May (above); an initial conference naming no enquiry on 8 May: a day late.
        let mut ds = case(Some(S47Outcome::Icpc), false);
        ds.conference("IC1", "C1", "R1", d(2025, 5, 8));
        assert_eq!(
            summary(&timeline(&ds, TaskKind::Icpc, d(2025, 5, 31))),
            [(d(2025, 5, 7), Some(d(2025, 5, 8)), MetLate)]
        );
    }

    #[test]
    fn enquiries_not_needing_a_conference_owe_none() {
        for outcome in [S47Outcome::NoFurtherAction, S47Outcome::CinPlan] {
            let ds = case(Some(outcome), true);
            assert!(timeline(&ds, TaskKind::Icpc, d(2025, 6, 1)).is_empty());
        }
        // No outcome yet and a conference not ruled out: on the worklist, due on 1 May (6 days
        // before 7 May), due soon on 2 May.
        let open = case(None, true);
        assert_eq!(
            summary(&timeline(&open, TaskKind::Icpc, d(2025, 5, 1))),
            [(d(2025, 5, 7), None, Due)]
        );
        assert_eq!(
            summary(&timeline(&open, TaskKind::Icpc, d(2025, 5, 2))),
            [(d(2025, 5, 7), None, DueSoon)]
        );
        assert_eq!(open_tasks(&open, d(2025, 5, 2)).len(), 1);
        let mut ruled_out = Dataset::new();
        ruled_out.child("C1");
        ruled_out.referral("R1", "C1", d(2025, 4, 9));
        ruled_out.s47("S1", "C1", "R1", d(2025, 4, 11)).no_icpc();
        assert!(timeline(&ruled_out, TaskKind::Icpc, d(2025, 5, 1)).is_empty());
    }

    #[test]
    fn overdue_and_then_closed_with_the_referral() {
        let open = case(Some(S47Outcome::Icpc), true);
        assert_eq!(
            status_on(&open, TaskKind::Icpc, d(2025, 5, 8)),
            Some(Overdue)
        );
        let mut closed = Dataset::new();
        closed.child("C1");
        closed
            .referral("R1", "C1", d(2025, 4, 9))
            .closed(d(2025, 5, 9));
        closed
            .s47("S1", "C1", "R1", d(2025, 4, 11))
            .with(|s| s.outcome = Some(S47Outcome::Icpc));
        // Due 7 May, missed; the case closed on 9 May.
        let tasks = timeline(&closed, TaskKind::Icpc, d(2025, 5, 12));
        assert_eq!(summary(&tasks), [(d(2025, 5, 7), None, Overdue)]);
        assert!(!tasks[0].case_open);
    }
}
