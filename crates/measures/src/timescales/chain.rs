//! The one scheduling rule every timescale shares: a chain of tasks, each due a set time after the
//! previous one was actually done, inside the life of the plan or episode that governs them.
//!
//! Rules, in one place so that every timescale behaves alike:
//! - The first task is due a set time after the chain's start (a plan start, a period of care...);
//!   each later task is due a set time after the *actual* date the previous one was done, so a late
//!   visit moves the next one (CPPR reg 33 and local visit standards are written this way).
//! - A task is done by the first event (a visit, a review, a meeting...) after the previous one;
//!   for the first task, an event on the start day itself counts when the chain says so.
//! - Only events on or before the as-of date count: the chain is computed as it stood that day, so
//!   a past month's figure is the same whatever later records hold.
//! - A task not yet done stops the chain: it stays outstanding (overdue once its date passes) and
//!   is counted once, however long it stays undone.
//! - The plan's end (once it has happened, on or before the as-of date) closes the chain: events after the end do not count, and a task due after the
//!   end is not generated unless it was done before the end (a review held just before a plan
//!   closed still counts; nothing is owed for a plan that no longer exists).

use crate::indicator::RecordRef;
use chrono::NaiveDate;

/// An event that can complete a task: its date and the record that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Event {
    /// Date of the event.
    pub date: NaiveDate,
    /// The record.
    pub record: RecordRef,
}

/// One task of a chain: when it was due and the event that did it, if any (on or before as-of).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// Due date.
    pub due: NaiveDate,
    /// The completing event.
    pub done: Option<Event>,
}

/// A one-off task (an assessment, a conference, a return interview...) that arises on `start` and
/// is due on `due`, done by `done` if that happened on or before `as_of` (and before `end`). Same
/// rules as a chain of one, except that an event before the start still counts: a match made before
/// the placement order was granted is in time.
pub(crate) fn one_off(
    start: NaiveDate,
    due: NaiveDate,
    done: Option<Event>,
    end: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<Link> {
    if start > as_of {
        return None;
    }
    // An end after the as-of date was not known on that day.
    let end = end.filter(|end| *end <= as_of);
    let done = done.filter(|e| e.date <= as_of && end.is_none_or(|end| e.date <= end));
    if done.is_none() && end.is_some_and(|end| due > end) {
        return None;
    }
    Some(Link { due, done })
}

/// A chain of tasks governed by one plan, episode or record.
pub(crate) struct Chain {
    /// The chain's start: the first task is due a set time after it.
    pub start: NaiveDate,
    /// Whether an event on the start day can complete the first task.
    pub start_inclusive: bool,
    /// End of the governing plan or episode.
    pub end: Option<NaiveDate>,
    /// Candidate events, in any order.
    pub events: Vec<Event>,
}

impl Chain {
    /// A chain with no task limit.
    pub fn repeating(
        start: NaiveDate,
        start_inclusive: bool,
        end: Option<NaiveDate>,
        events: Vec<Event>,
    ) -> Chain {
        Chain {
            start,
            start_inclusive,
            end,
            events,
        }
    }

    /// The tasks as they stood on `as_of`. `due_after(anchor, k)` gives the due date of the `k`-th
    /// task (from 0) from its anchor: the start for the first, the previous completion after.
    pub fn run(
        mut self,
        as_of: NaiveDate,
        due_after: impl Fn(NaiveDate, usize) -> NaiveDate,
    ) -> Vec<Link> {
        let mut out = Vec::new();
        if self.start > as_of {
            return out;
        }
        // An end after the as-of date was not known on that day.
        let end = self.end.filter(|end| *end <= as_of);
        let horizon = end.unwrap_or(as_of);
        self.events
            .retain(|e| e.date <= horizon && e.date >= self.start);
        self.events.sort_unstable();
        let mut events = self.events.iter().peekable();
        let mut anchor = self.start;
        let mut inclusive = self.start_inclusive;
        loop {
            let due = due_after(anchor, out.len());
            while events
                .next_if(|e| e.date < anchor || (!inclusive && e.date == anchor))
                .is_some()
            {}
            match events.next() {
                Some(&event) => {
                    out.push(Link {
                        due,
                        done: Some(event),
                    });
                    anchor = event.date;
                    inclusive = false;
                }
                None => {
                    if end.is_none_or(|end| due <= end) {
                        out.push(Link { due, done: None });
                    }
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ev(date: NaiveDate, index: u32) -> Event {
        Event {
            date,
            record: RecordRef {
                kind: "visits",
                index,
            },
        }
    }

    fn ten_days(anchor: NaiveDate, _k: usize) -> NaiveDate {
        anchor + Duration::days(10)
    }

    #[test]
    fn each_task_is_due_from_the_previous_completion() {
        // Start 1 Mar: due 11 Mar, done 5 Mar; due 15 Mar, done 20 Mar (late); due 30 Mar, open.
        let chain = Chain::repeating(
            d(2025, 3, 1),
            true,
            None,
            vec![ev(d(2025, 3, 20), 1), ev(d(2025, 3, 5), 0)],
        );
        let links = chain.run(d(2025, 3, 25), ten_days);
        let got: Vec<_> = links
            .iter()
            .map(|l| (l.due, l.done.map(|e| e.date)))
            .collect();
        assert_eq!(
            got,
            vec![
                (d(2025, 3, 11), Some(d(2025, 3, 5))),
                (d(2025, 3, 15), Some(d(2025, 3, 20))),
                (d(2025, 3, 30), None),
            ]
        );
    }

    #[test]
    fn events_after_as_of_are_unknown() {
        let chain = Chain::repeating(d(2025, 3, 1), true, None, vec![ev(d(2025, 3, 20), 0)]);
        let links = chain.run(d(2025, 3, 19), ten_days);
        assert_eq!(
            links,
            vec![Link {
                due: d(2025, 3, 11),
                done: None
            }]
        );
    }

    #[test]
    fn start_day_counts_only_when_inclusive() {
        let events = vec![ev(d(2025, 3, 1), 0)];
        let inclusive = Chain::repeating(d(2025, 3, 1), true, None, events.clone());
        assert_eq!(
            inclusive.run(d(2025, 3, 2), ten_days)[0]
                .done
                .map(|e| e.date),
            Some(d(2025, 3, 1))
        );
        let exclusive = Chain::repeating(d(2025, 3, 1), false, None, events);
        assert_eq!(exclusive.run(d(2025, 3, 2), ten_days)[0].done, None);
    }

    #[test]
    fn same_day_duplicates_complete_one_task() {
        let chain = Chain::repeating(
            d(2025, 3, 1),
            true,
            None,
            vec![ev(d(2025, 3, 4), 0), ev(d(2025, 3, 4), 1)],
        );
        let links = chain.run(d(2025, 3, 10), ten_days);
        assert_eq!(links.len(), 2);
        assert_eq!(
            links[1],
            Link {
                due: d(2025, 3, 14),
                done: None
            }
        );
    }

    #[test]
    fn the_end_closes_the_chain() {
        // Plan 1-12 Mar: task due 11 Mar undone at the end is owed; nothing after.
        let chain = Chain::repeating(d(2025, 3, 1), true, Some(d(2025, 3, 12)), vec![]);
        assert_eq!(
            chain.run(d(2025, 4, 30), ten_days),
            vec![Link {
                due: d(2025, 3, 11),
                done: None
            }]
        );
        // Plan 1-8 Mar: the first task would fall due after the end: nothing is owed.
        let short = Chain::repeating(d(2025, 3, 1), true, Some(d(2025, 3, 8)), vec![]);
        assert!(short.run(d(2025, 4, 30), ten_days).is_empty());
        // Seen on 7 Mar, before the end was known, the task was owed.
        let before_end = Chain::repeating(d(2025, 3, 1), true, Some(d(2025, 3, 8)), vec![]);
        assert_eq!(
            before_end.run(d(2025, 3, 7), ten_days),
            vec![Link {
                due: d(2025, 3, 11),
                done: None
            }]
        );
        // Done before the end although due after it: kept (met early); events after the end ignored.
        let early = Chain::repeating(
            d(2025, 3, 1),
            true,
            Some(d(2025, 3, 8)),
            vec![ev(d(2025, 3, 7), 0), ev(d(2025, 3, 9), 1)],
        );
        let links = early.run(d(2025, 4, 30), ten_days);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].done.map(|e| e.date), Some(d(2025, 3, 7)));
    }

    #[test]
    fn a_chain_not_started_has_no_task() {
        let later = Chain::repeating(d(2025, 3, 1), true, None, vec![]);
        assert!(later.run(d(2025, 2, 28), ten_days).is_empty());
    }

    #[test]
    fn one_off_tasks_follow_the_same_rules() {
        let (start, due) = (d(2025, 3, 1), d(2025, 3, 11));
        let done = Some(ev(d(2025, 2, 27), 0));
        // Done before the start still counts; not started by as-of: no task.
        assert_eq!(
            one_off(start, due, done, None, d(2025, 3, 2)).unwrap().done,
            done
        );
        assert_eq!(one_off(start, due, done, None, d(2025, 2, 28)), None);
        // Done after as-of is not known yet.
        let later = Some(ev(d(2025, 3, 9), 0));
        assert_eq!(
            one_off(start, due, later, None, d(2025, 3, 8))
                .unwrap()
                .done,
            None
        );
        // Closed before the due date and never done: nothing owed; closed after: owed.
        assert_eq!(
            one_off(start, due, None, Some(d(2025, 3, 10)), d(2025, 4, 1)),
            None
        );
        assert!(one_off(start, due, None, Some(d(2025, 3, 11)), d(2025, 4, 1)).is_some());
    }
}
