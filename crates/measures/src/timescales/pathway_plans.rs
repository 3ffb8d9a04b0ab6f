//! Pathway plan reviews for care leavers within the review interval (Care Leavers (England)
//! Regulations 2010; the `pathway_plan_interval` setting).

use super::chain::{Chain, Event};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, kinds};
use chrono::{Datelike, NaiveDate};

/// Age at which leaving-care support ends unless the young person asks for it to continue.
const SUPPORT_ENDS_AT: i32 = 21;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::PathwayPlans]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "pathway_plans",
    kind: TaskKind::PathwayPlanReview,
    title: "Pathway plan reviews within timescale",
    rule: "From a young person's first recorded pathway plan, a review is due within \
           `pathway_plan_interval` (default 6 calendar months) of the last plan or review recorded, \
           until their 21st birthday (a 29 February birthday falls on 1 March) or death; reviews \
           that would fall due on or after the 21st birthday are not owed. The first pathway plan \
           itself is not tracked (eligibility is not in the records), and support to 25 on request \
           is not known. The next recorded plan does it. Open until the 21st birthday.",
    source: "The Care Leavers (England) Regulations 2010 (SI 2010/2571), regulation 7 (pathway plan \
             reviewed at intervals of not more than six months); Ofsted Annex A list 9 (latest \
             pathway plan review date)",
    basis: Basis::Regulations,
    settings: &["pathway_plan_interval"],
};

/// The chain of reviews from the first pathway plan.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let Some(first) = child
        .pathway_plans
        .iter()
        .min_by_key(|p| (p.rec.date, p.index))
    else {
        return;
    };
    let interval = ctx.standards.pathway_plan_interval;
    let support_ends = child
        .person
        .date_of_birth
        .map(|born| birthday(born, SUPPORT_ENDS_AT))
        .into_iter()
        .chain(child.person.date_of_death)
        .min();
    let events: Vec<Event> = child
        .pathway_plans
        .iter()
        .map(|p| Event {
            date: p.rec.date,
            record: p.reference(kinds::PATHWAY_PLANS),
        })
        .collect();
    let chain = Chain::repeating(first.rec.date, false, support_ends, events);
    let case_open = first.rec.date <= as_of && support_ends.is_none_or(|end| as_of < end);
    let adviser = child
        .pathway_plans
        .iter()
        .filter(|p| p.rec.date <= as_of && p.rec.personal_adviser.is_some())
        .max_by_key(|p| (p.rec.date, p.index))
        .and_then(|p| p.rec.personal_adviser.as_ref());
    let record = first.reference(kinds::PATHWAY_PLANS);
    for link in chain.run(as_of, |anchor, _| interval.after(anchor)) {
        // Support ending at 21 is known in advance, unlike the end of a plan.
        if link.done.is_none() && support_ends.is_some_and(|end| link.due >= end) {
            continue;
        }
        let mut task = Scheduled::new(TaskKind::PathwayPlanReview, record, link, case_open);
        task.worker_hint = adviser;
        out.push(task);
    }
}

/// The date of the `age`-th birthday (29 February falls on 1 March in a common year).
fn birthday(born: NaiveDate, age: i32) -> NaiveDate {
    let year = born.year() + age;
    NaiveDate::from_ymd_opt(year, born.month(), born.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    fn leaver(born: NaiveDate, plans: &[NaiveDate]) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1").born(born);
        for (i, date) in plans.iter().enumerate() {
            ds.pathway_plan(&format!("PP{i}"), "C1", *date);
        }
        ds
    }

    #[test]
    fn six_monthly_reviews_with_month_end_clamping() {
        // First plan Sat 31 Aug 2024. + 6 months = 28 Feb 2025 (clamped), reviewed that day.
        // + 6 months = 28 Aug 2025; reviewed Mon 1 Sep (late). + 6 months = 1 Mar 2026, 3 days
        // after 26 Feb: due soon.
        let ds = leaver(
            d(2006, 6, 1),
            &[d(2024, 8, 31), d(2025, 2, 28), d(2025, 9, 1)],
        );
        assert_eq!(
            summary(&timeline(&ds, TaskKind::PathwayPlanReview, d(2026, 2, 26))),
            [
                (d(2025, 2, 28), Some(d(2025, 2, 28)), Met),
                (d(2025, 8, 28), Some(d(2025, 9, 1)), MetLate),
                (d(2026, 3, 1), None, DueSoon),
            ]
        );
    }

    #[test]
    fn nothing_is_owed_from_the_21st_birthday() {
        // Born 15 Jan 2005: 21 on 15 Jan 2026. The review due 1 Mar 2026 is not owed, even seen
        // from 1 Jan 2026; the case is open until the birthday.
        let ds = leaver(
            d(2005, 1, 15),
            &[d(2024, 8, 31), d(2025, 2, 28), d(2025, 9, 1)],
        );
        let before = timeline(&ds, TaskKind::PathwayPlanReview, d(2026, 1, 1));
        assert_eq!(before.len(), 2);
        assert!(before[0].case_open);
        assert!(!timeline(&ds, TaskKind::PathwayPlanReview, d(2026, 1, 15))[0].case_open);
        // A leapling born 29 Feb 2004 turns 21 on 1 Mar 2025: the review due 28 Feb 2025 is owed.
        let leapling = leaver(d(2004, 2, 29), &[d(2024, 8, 31)]);
        assert_eq!(
            summary(&timeline(
                &leapling,
                TaskKind::PathwayPlanReview,
                d(2025, 2, 28)
            )),
            [(d(2025, 2, 28), None, DueSoon)]
        );
    }

    #[test]
    fn the_personal_adviser_is_the_worker_when_none_is_allocated() {
        let mut ds = leaver(d(2006, 6, 1), &[]);
        ds.pathway_plan("PP0", "C1", d(2024, 8, 31))
            .with(|p| p.personal_adviser = Some(sightline_model::ids::WorkerId::new("PA1")));
        ds.worker("PA1", "LC");
        let task = &timeline(&ds, TaskKind::PathwayPlanReview, d(2025, 1, 1))[0];
        assert_eq!(task.worker.as_ref().map(|w| w.as_str()), Some("PA1"));
        assert_eq!(task.team.as_ref().map(|t| t.as_str()), Some("LC"));
    }
}
