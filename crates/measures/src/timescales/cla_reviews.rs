//! Looked-after reviews: the first within 20 working days of the child becoming looked after, the
//! second within 3 months of the first, then at most every 6 months (CPPR 2010 reg 33).

use super::care::periods_of_care;
use super::chain::{Chain, Event};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;
use sightline_calendar::{Calendar, add_months};

/// Working days from becoming looked after to the first review.
const FIRST_REVIEW_WORKING_DAYS: u32 = 20;
/// Months from the first review to the second.
const SECOND_REVIEW_MONTHS: u32 = 3;
/// Months between later reviews.
const LATER_REVIEW_MONTHS: u32 = 6;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::ClaEpisodes, Kind::ClaReviews]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "cla_reviews",
    kind: TaskKind::ClaReview,
    title: "Looked-after reviews within statutory timescales",
    rule: "In each period of care, the first review is due on the 20th working day after the child \
           became looked after, the second within 3 calendar months of the first review actually \
           held, and each later one within 6 months of the last (months clamped to the month end). \
           Any looked-after review held in the period does it. A new period of care starts the \
           chain again. Short breaks (legal status V3/V4) are left out: they follow their own \
           regime (reg 48). The chain stops when the period of care ends.",
    source: "The Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959), \
             regulation 33; SSDA903 Reviews table (no reviews returned for V3/V4)",
    basis: Basis::Regulations,
    settings: &[],
};

/// The chain of reviews of each period of care.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let reviews: Vec<Event> = child
        .cla_reviews
        .iter()
        .map(|r| Event {
            date: r.rec.date,
            record: r.reference(kinds::CLA_REVIEWS),
        })
        .collect();
    for period in periods_of_care(child) {
        let chain = Chain::repeating(period.start, true, period.end, reviews.clone());
        let case_open = is_open(period.start, period.end, as_of);
        let record = period.first_record();
        for link in chain.run(as_of, |anchor, k| due_after(ctx.calendar, anchor, k)) {
            out.push(Scheduled::new(TaskKind::ClaReview, record, link, case_open));
        }
    }
}

/// Review `k` (from 0): 20 working days after the period's start, then 3 months after the first
/// review, then 6 months after the last.
fn due_after(calendar: &Calendar, anchor: NaiveDate, k: usize) -> NaiveDate {
    match k {
        0 => calendar.add_working_days(anchor, FIRST_REVIEW_WORKING_DAYS),
        1 => add_months(anchor, SECOND_REVIEW_MONTHS),
        _ => add_months(anchor, LATER_REVIEW_MONTHS),
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;
    use sightline_model::codes::{LegalStatus::*, ReasonEpisodeCeased::*, ReasonNewEpisode::*};

    fn reviews(ds: &mut Dataset, dates: &[NaiveDate]) {
        for (i, date) in dates.iter().enumerate() {
            ds.cla_review(&format!("RV{i}"), "C1", *date);
        }
    }

    #[test]
    fn twenty_working_days_over_christmas_substitute_days_then_3_then_6_months() {
        // Looked after from Mon 20 Dec 2021. 25 Dec 2021 was a Saturday, so Christmas and Boxing
        // Day were taken on Mon 27 and Tue 28 Dec, and New Year on Mon 3 Jan 2022.
        // + 20 wd: 21-24 Dec (1-4); 29-31 Dec (5-7); 4-7 Jan (8-11); 10-14 (12-16); 17-20 (17-20):
        // Thu 20 Jan 2022. Held Wed 19 Jan. + 3 months = 19 Apr 2022, held that day.
        // + 6 months = 19 Oct 2022, held Tue 25 Oct (late). + 6 months = 25 Apr 2023.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2021, 12, 20));
        reviews(&mut ds, &[d(2022, 1, 19), d(2022, 4, 19), d(2022, 10, 25)]);
        let tasks = timeline(&ds, TaskKind::ClaReview, d(2023, 4, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2022, 1, 20), Some(d(2022, 1, 19)), Met),
                (d(2022, 4, 19), Some(d(2022, 4, 19)), Met),
                (d(2022, 10, 19), Some(d(2022, 10, 25)), MetLate),
                (d(2023, 4, 25), None, Due),
            ]
        );
        assert_eq!(tasks[0].record.kind, kinds::CLA_EPISODES);
        assert_eq!(
            status_on(&ds, TaskKind::ClaReview, d(2023, 4, 26)),
            Some(Overdue)
        );
    }

    #[test]
    fn a_new_period_of_care_restarts_the_chain() {
        // Period 1: 20 Dec 2021 to 31 Mar 2022 (returned home); first review met on 19 Jan; the
        // second (due 19 Apr) falls after the period ended: not owed. A review on 10 May, between
        // periods, counts for neither.
        // Period 2 from Fri 1 Jul 2022 (s20): + 20 wd: 4-8 Jul (1-5); 11-15 (6-10); 18-22 (11-15);
        // 25-29 (16-20): Fri 29 Jul 2022, held 1 Aug (late); + 3 months = 1 Nov 2022.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2021, 12, 20))
            .ended(d(2022, 3, 31), E4A);
        ds.episode("E2", "C1", d(2022, 7, 1)).legal_status(V2);
        reviews(&mut ds, &[d(2022, 1, 19), d(2022, 5, 10), d(2022, 8, 1)]);
        let tasks = timeline(&ds, TaskKind::ClaReview, d(2022, 9, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2022, 1, 20), Some(d(2022, 1, 19)), Met),
                (d(2022, 7, 29), Some(d(2022, 8, 1)), MetLate),
                (d(2022, 11, 1), None, Due),
            ]
        );
        assert!(!tasks[0].case_open);
        assert!(tasks[2].case_open);
        assert_ne!(tasks[0].record, tasks[2].record);
    }

    #[test]
    fn episodes_joined_by_x1_are_one_period() {
        // Interim then full care order: one period from 20 Dec 2021; the review chain runs on.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2021, 12, 20))
            .legal_status(C1)
            .ended(d(2022, 1, 10), X1);
        ds.episode("E2", "C1", d(2022, 1, 10)).reason_new(L);
        reviews(&mut ds, &[d(2022, 1, 19)]);
        assert_eq!(
            summary(&timeline(&ds, TaskKind::ClaReview, d(2022, 2, 1))),
            [
                (d(2022, 1, 20), Some(d(2022, 1, 19)), Met),
                (d(2022, 4, 19), None, Due)
            ]
        );
    }

    #[test]
    fn short_breaks_are_excluded() {
        // A series of short breaks (V3, V4) owes no looked-after review here.
        let mut breaks = Dataset::new();
        breaks.child("C1");
        breaks
            .episode("E1", "C1", d(2022, 1, 7))
            .legal_status(V3)
            .ended(d(2022, 1, 9), E8);
        breaks.episode("E2", "C1", d(2022, 2, 4)).legal_status(V4);
        assert!(timeline(&breaks, TaskKind::ClaReview, d(2022, 12, 1)).is_empty());
        // Short breaks that turn into a care order: the period starts with the care order, Tue
        // 1 Mar 2022. + 20 wd: 2-4 Mar (1-3); 7-11 (4-8); 14-18 (9-13); 21-25 (14-18); 28-29 Mar
        // (19-20): Tue 29 Mar 2022.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2022, 2, 4))
            .legal_status(V4)
            .ended(d(2022, 3, 1), X1);
        ds.episode("E2", "C1", d(2022, 3, 1))
            .legal_status(C1)
            .reason_new(L);
        assert_eq!(
            summary(&timeline(&ds, TaskKind::ClaReview, d(2022, 3, 2))),
            [(d(2022, 3, 29), None, Due)]
        );
    }
}
