//! Shared machinery of the catalogue: finding the periods a date or an interval falls in, and the
//! few shapes most indicators take (events dated in the period, looked-after children at the period
//! end, care leavers around a birthday, re-referrals).
//!
//! Every helper makes one pass over the records for all periods, with binary searches on the
//! periods' dates, so an indicator costs about the same for one month as for sixty.

use crate::context::{Context, RecordKind, kinds};
use crate::indicator::{Contribution, Dimension, RecordRef};
use crate::period::{Month, Period};
use chrono::Datelike;
use sightline_model::NaiveDate;
use sightline_model::codes::{Accommodation, InTouch, PlacementType};
use sightline_model::records::{ClaEpisode, WorkerRole};

/// Breakdowns that make sense for any indicator about children.
pub const CHILD_BREAKDOWNS: &[Dimension] = &[
    Dimension::Team,
    Dimension::Locality,
    Dimension::Worker,
    Dimension::AgeBand,
    Dimension::Sex,
    Dimension::Ethnicity,
    Dimension::CaseType,
];

/// Breakdowns for indicators about looked-after children: all of them.
pub const CLA_BREAKDOWNS: &[Dimension] = &[
    Dimension::Team,
    Dimension::Locality,
    Dimension::Worker,
    Dimension::AgeBand,
    Dimension::Sex,
    Dimension::Ethnicity,
    Dimension::LegalStatus,
    Dimension::PlacementType,
    Dimension::CaseType,
];

/// Breakdowns for workforce indicators.
pub const WORKFORCE_BREAKDOWNS: &[Dimension] = &[Dimension::Team, Dimension::Worker];

/// A reference to the `index`-th record of a kind.
pub fn rec(kind: &'static str, index: usize) -> RecordRef {
    RecordRef {
        kind,
        index: index as u32,
    }
}

/// A contribution about a child.
pub fn contribution(
    period: u32,
    child: Option<u32>,
    record: RecordRef,
    numerator: f64,
    denominator: f64,
) -> Contribution {
    Contribution {
        period,
        child,
        worker: None,
        record,
        numerator,
        denominator,
    }
}

/// 1.0 for true, 0.0 for false.
pub fn flag(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// Periods of one kind as `(end, start, index)` sorted by end, with the longest period in days.
type Lane = (Vec<(NaiveDate, NaiveDate, u32)>, i64);

/// Dates of a list of periods, sorted, to find quickly which periods a date (or an interval)
/// touches.
pub struct PeriodIndex {
    periods: Vec<Period>,
    /// `(end, index)` sorted: snapshots and rolling windows.
    ends: Vec<(NaiveDate, u32)>,
    /// One lane per kind of period (months, DfE years): to find the periods containing a date
    /// without scanning them all.
    lanes: Vec<Lane>,
}

impl PeriodIndex {
    /// Indexes the periods (indices refer to positions in `periods`).
    pub fn new(periods: &[Period]) -> PeriodIndex {
        let mut ends: Vec<(NaiveDate, u32)> = periods
            .iter()
            .enumerate()
            .map(|(i, p)| (p.end(), i as u32))
            .collect();
        ends.sort_unstable();
        let mut months = Vec::new();
        let mut years = Vec::new();
        for (i, p) in periods.iter().enumerate() {
            let entry = (p.end(), p.start(), i as u32);
            match p {
                Period::Month(_) => months.push(entry),
                Period::DfeYear(_) => years.push(entry),
            }
        }
        let lanes = [months, years]
            .into_iter()
            .filter(|lane| !lane.is_empty())
            .map(|mut lane| {
                lane.sort_unstable();
                let longest = lane
                    .iter()
                    .map(|(end, start, _)| (*end - *start).num_days())
                    .max()
                    .unwrap_or(0);
                (lane, longest)
            })
            .collect();
        PeriodIndex {
            periods: periods.to_vec(),
            ends,
            lanes,
        }
    }

    /// The period at an index.
    pub fn period(&self, index: u32) -> Option<Period> {
        self.periods.get(index as usize).copied()
    }

    /// Calls `f` with every period containing `date`.
    pub fn each_containing(&self, date: NaiveDate, mut f: impl FnMut(u32)) {
        for (lane, longest) in &self.lanes {
            let from = lane.partition_point(|&(end, _, _)| end < date);
            for &(end, start, index) in lane.get(from..).unwrap_or(&[]) {
                if (end - date).num_days() > *longest {
                    break;
                }
                if start <= date {
                    f(index);
                }
            }
        }
    }

    /// Calls `f(period, end)` with every period whose end falls in `first..=last`.
    pub fn each_end_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        mut f: impl FnMut(u32, NaiveDate),
    ) {
        let from = self.ends.partition_point(|&(end, _)| end < first);
        for &(end, index) in self.ends.get(from..).unwrap_or(&[]) {
            if end > last {
                break;
            }
            f(index, end);
        }
    }

    /// Calls `f(period, end)` with every period whose end falls while an interval is open
    /// ([`crate::context::is_open`]): from `start` included to `end` excluded.
    pub fn each_end_while_open(
        &self,
        start: NaiveDate,
        end: Option<NaiveDate>,
        f: impl FnMut(u32, NaiveDate),
    ) {
        let last = match end {
            Some(end) => match end.pred_opt() {
                Some(last) => last,
                None => return,
            },
            None => NaiveDate::MAX,
        };
        if last >= start {
            self.each_end_between(start, last, f);
        }
    }

    /// Calls `f(period, end)` with every period whose rolling window of `months` months (see
    /// [`window_start`]) contains `date`.
    pub fn each_window_containing(
        &self,
        date: NaiveDate,
        months: u32,
        mut f: impl FnMut(u32, NaiveDate),
    ) {
        let mut last_month = Month::of(date);
        for _ in 1..months {
            last_month = last_month.next();
        }
        self.each_end_between(date, last_month.last_day(), |index, end| {
            if self
                .period(index)
                .is_some_and(|p| window_start(p, months) <= date)
            {
                f(index, end);
            }
        });
    }
}

/// First day of the rolling window of `months` calendar months that ends with the period's last
/// month: for a month and 12, the 12 months to its end; for a DfE year and 12, the year itself;
/// for a DfE year and 36, the three DfE years to its 31 March.
pub fn window_start(period: Period, months: u32) -> NaiveDate {
    window_start_of_end(period.end(), months)
}

/// One record's part in the figure of every period its date falls in. The contribution is about
/// the record's own child (if it has one).
pub struct Event {
    /// The date that places the record in a period.
    pub date: NaiveDate,
    /// Numerator amount.
    pub numerator: f64,
    /// Denominator amount.
    pub denominator: f64,
}

impl Event {
    /// A counted event (numerator 1).
    pub fn count(date: NaiveDate) -> Event {
        Event {
            date,
            numerator: 1.0,
            denominator: 0.0,
        }
    }

    /// A case in the denominator, in the numerator too if `counted`.
    pub fn share(date: NaiveDate, counted: bool) -> Event {
        Event {
            date,
            numerator: flag(counted),
            denominator: 1.0,
        }
    }

    /// A case in the denominator only.
    pub fn denominator_only(date: NaiveDate) -> Event {
        Event {
            date,
            numerator: 0.0,
            denominator: 1.0,
        }
    }
}

/// Emits, for every record `f` turns into an event, a contribution to each period containing the
/// event's date.
pub fn for_each_event<'r, T>(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    kind: &'static str,
    records: &'r [T],
    f: impl Fn(&'r T) -> Option<Event>,
) {
    let index = PeriodIndex::new(periods);
    let record_kind = RecordKind::of(kind);
    for (i, record) in records.iter().enumerate() {
        let Some(event) = f(record) else { continue };
        let child = ctx.child_of_record(record_kind, i as u32);
        index.each_containing(event.date, |p| {
            out.push(contribution(
                p,
                child,
                rec(kind, i),
                event.numerator,
                event.denominator,
            ));
        });
    }
}

/// Emits, for every record open at a period end (from `start` included to `end` excluded), a
/// contribution to that period (numerator 1) about the record's child: snapshot counts.
pub fn for_each_open<'r, T>(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    kind: &'static str,
    records: &'r [T],
    f: impl Fn(&'r T) -> Option<(NaiveDate, Option<NaiveDate>)>,
) {
    let index = PeriodIndex::new(periods);
    let record_kind = RecordKind::of(kind);
    for (i, record) in records.iter().enumerate() {
        let Some((start, end)) = f(record) else {
            continue;
        };
        let child = ctx.child_of_record(record_kind, i as u32);
        index.each_end_while_open(start, end, |p, _| {
            out.push(contribution(p, child, rec(kind, i), 1.0, 0.0));
        });
    }
}

/// Calls `f(period, period end, child, episode)` for every child looked after at the end of each
/// period, with the episode open then: the latest-started open episode of the child decides, and a
/// child whose open episode is a short break (V3/V4) is not looked after.
pub fn for_each_looked_after(
    ctx: &Context,
    periods: &[Period],
    mut f: impl FnMut(u32, NaiveDate, u32, u32),
) {
    let index = PeriodIndex::new(periods);
    let mut taken = vec![false; periods.len()];
    let mut touched: Vec<u32> = Vec::new();
    for child in 0..ctx.records.children.len() as u32 {
        let episodes = ctx.episodes_of(child);
        if episodes.is_empty() {
            continue;
        }
        for &i in episodes.iter().rev() {
            let Some(e) = ctx.episode(i) else { continue };
            index.each_end_while_open(e.start, e.end, |p, end| {
                if let Some(slot) = taken.get_mut(p as usize).filter(|t| !**t) {
                    *slot = true;
                    touched.push(p);
                    if !e.legal_status.is_short_break() {
                        f(p, end, child, i);
                    }
                }
            });
        }
        for p in touched.drain(..) {
            if let Some(slot) = taken.get_mut(p as usize) {
                *slot = false;
            }
        }
    }
}

/// Looked-after children at each period end for whom `counted` holds (numerator 1 each).
pub fn count_looked_after(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    counted: impl Fn(&ClaEpisode, u32, NaiveDate) -> bool,
) {
    for_each_looked_after(ctx, periods, |p, end, child, i| {
        if ctx.episode(i).is_some_and(|e| counted(e, child, end)) {
            out.push(contribution(
                p,
                Some(child),
                rec(kinds::CLA_EPISODES, i as usize),
                1.0,
                0.0,
            ));
        }
    });
}

/// Looked-after children at each period end: all in the denominator, those for whom `counted`
/// holds in the numerator.
pub fn share_of_looked_after(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    counted: impl Fn(&ClaEpisode, u32, NaiveDate) -> bool,
) {
    for_each_looked_after(ctx, periods, |p, end, child, i| {
        if let Some(e) = ctx.episode(i) {
            let n = flag(counted(e, child, end));
            out.push(contribution(
                p,
                Some(child),
                rec(kinds::CLA_EPISODES, i as usize),
                n,
                1.0,
            ));
        }
    });
}

/// Children starting to be looked after: calls `f(period, child, first episode)` for every period
/// of care (see [`Context::care_periods`]) starting in a period, unless its first episode is a
/// short break (V3/V4).
pub fn for_each_care_start(ctx: &Context, periods: &[Period], mut f: impl FnMut(u32, u32, u32)) {
    let index = PeriodIndex::new(periods);
    for child in 0..ctx.records.children.len() as u32 {
        let episodes = ctx.episodes_of(child);
        if episodes.is_empty() {
            continue;
        }
        for care in ctx.care_periods(child) {
            let Some(&first) = episodes.get(care.first) else {
                continue;
            };
            if ctx
                .episode(first)
                .is_some_and(|e| e.legal_status.is_short_break())
            {
                continue;
            }
            index.each_containing(care.start, |p| f(p, child, first));
        }
    }
}

/// Whether an episode's placement is outside the council's area and more than 20 miles from home
/// (DfE: both conditions). Unknown placement council or distance (e.g. UASC, whose distance is not
/// returned) does not count; nor does anything when the council itself is unknown.
pub fn placed_outside_over_20_miles(ctx: &Context, e: &ClaEpisode) -> bool {
    let Some(council) = ctx.council() else {
        return false;
    };
    e.placement_la.is_some_and(|la| la != council)
        && e.placement_distance_miles.is_some_and(|miles| miles > 20.0)
}

/// Whether a placement starts a new placement with new carers, for stability measures: a new
/// period of care (S), or a change of placement and carers (P, B); not temporary placements
/// (T0-T4), and not a placement for adoption with the child's current foster carers (A3, A5).
pub fn starts_new_placement(e: &ClaEpisode) -> bool {
    use sightline_model::codes::ReasonNewEpisode::{B, P, S};
    matches!(e.reason_new, S | P | B)
        && !e.placement.is_temporary()
        && !matches!(e.placement, PlacementType::A3 | PlacementType::A5)
}

/// Placements a child had during `from..=to`, for stability measures: the first placement open
/// in the window counts, then each episode that [`starts_new_placement`]; temporary placements
/// (T0-T4) and short breaks (V3/V4) never count.
pub fn placements_between(ctx: &Context, child: u32, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut placements = 0;
    for e in ctx
        .episodes_of(child)
        .iter()
        .filter_map(|&i| ctx.episode(i))
    {
        if e.start > to {
            break;
        }
        let ended_before = e.end.is_some_and(|end| end <= from);
        if ended_before || e.placement.is_temporary() || e.legal_status.is_short_break() {
            continue;
        }
        if placements == 0 || starts_new_placement(e) {
            placements += 1;
        }
    }
    placements
}

/// First day of the window of `months` calendar months ending with the month of `end`.
pub fn window_start_of_end(end: NaiveDate, months: u32) -> NaiveDate {
    let mut first = Month::of(end);
    for _ in 1..months {
        first = first.prev();
    }
    first.first_day()
}

/// A child adopted from care: a period of care whose last episode ended with an adoption order
/// (`REC` E11 or E12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Adoption {
    /// The child.
    pub child: u32,
    /// The period of care's last episode (index into `cla_episodes`).
    pub final_episode: u32,
    /// Date of the adoption (the episode's end).
    pub adopted: NaiveDate,
    /// Start of the period of care.
    pub entered_care: NaiveDate,
    /// Date the child moved in with the adoptive family: the start of the period's first
    /// placed-for-adoption episode (A3-A6), or failing that the latest permanence record's
    /// placed-for-adoption date within the period of care.
    pub placed: Option<NaiveDate>,
}

/// Every adoption from care in the records (see [`Adoption`]).
pub fn adoptions(ctx: &Context) -> Vec<Adoption> {
    use sightline_model::codes::ReasonEpisodeCeased::{E11, E12};
    let permanence = permanence_by_child(ctx);
    let mut out = Vec::new();
    for child in 0..ctx.records.children.len() as u32 {
        let episodes = ctx.episodes_of(child);
        if episodes.is_empty() {
            continue;
        }
        for care in ctx.care_periods(child) {
            let Some(last) = care
                .last
                .checked_sub(1)
                .and_then(|p| episodes.get(p))
                .copied()
            else {
                continue;
            };
            let Some(e) = ctx.episode(last) else { continue };
            let (Some(adopted), Some(E11 | E12)) = (e.end, e.reason_ceased) else {
                continue;
            };
            let in_care = episodes.get(care.first..care.last).unwrap_or(&[]);
            let placed_episode = in_care
                .iter()
                .filter_map(|&i| ctx.episode(i))
                .find(|x| x.placement.is_placed_for_adoption())
                .map(|x| x.start);
            let placed_recorded = permanence
                .get(&child)
                .into_iter()
                .flatten()
                .filter_map(|&i| ctx.records.permanence.get(i)?.placed_for_adoption)
                .filter(|&d| care.start <= d && d <= adopted)
                .max();
            out.push(Adoption {
                child,
                final_episode: last,
                adopted,
                entered_care: care.start,
                placed: placed_episode.or(placed_recorded),
            });
        }
    }
    out
}

/// Indices of each child's permanence records.
pub fn permanence_by_child(ctx: &Context) -> std::collections::HashMap<u32, Vec<usize>> {
    let mut map: std::collections::HashMap<u32, Vec<usize>> = std::collections::HashMap::new();
    for (i, p) in ctx.records.permanence.iter().enumerate() {
        if let Some(child) = ctx.child(&p.child) {
            map.entry(child).or_default().push(i);
        }
    }
    map
}

/// Caseloads on a snapshot date per period (`snapshot`): each allocation open that day to a worker
/// in one of `roles` adds a case to the numerator (with its child and worker); each such worker
/// holding at least one case adds their full-time equivalent to the denominator (a workforce
/// contribution with no child). Allocations to workers missing from the workforce list cannot be
/// weighed and are left out.
pub fn caseloads(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    roles: &[WorkerRole],
    snapshot: impl Fn(Period) -> NaiveDate,
) {
    let r = ctx.records;
    let mut dates: Vec<(NaiveDate, u32)> = periods
        .iter()
        .enumerate()
        .map(|(i, &p)| (snapshot(p), i as u32))
        .collect();
    dates.sort_unstable();
    // Which workers hold a case in which period: a flag per period and worker (a few megabytes at
    // England size), read back in order so the output does not depend on the allocations' order.
    let workers = r.workers.len();
    let mut holding = vec![false; periods.len() * workers];
    for (i, a) in r.allocations.iter().enumerate() {
        let Some(w) = ctx.allocation_worker(i as u32) else {
            continue;
        };
        if !r
            .workers
            .get(w as usize)
            .is_some_and(|x| roles.contains(&x.role))
        {
            continue;
        }
        let child = ctx.child_of_record(RecordKind::Allocations, i as u32);
        let from = dates.partition_point(|&(d, _)| d < a.start);
        for &(day, p) in dates.get(from..).unwrap_or(&[]) {
            if a.end.is_some_and(|end| end <= day) {
                break;
            }
            let case = contribution(p, child, rec(kinds::ALLOCATIONS, i), 1.0, 0.0);
            out.push(Contribution {
                worker: Some(w),
                ..case
            });
            if let Some(flag) = holding.get_mut(p as usize * workers + w as usize) {
                *flag = true;
            }
        }
    }
    for (slot, _) in holding.iter().enumerate().filter(|(_, held)| **held) {
        let (p, w) = ((slot / workers) as u32, (slot % workers) as u32);
        let fte = r.workers.get(w as usize).map_or(0.0, |x| x.fte);
        let weight = contribution(p, None, rec(kinds::WORKERS, w as usize), 0.0, fte);
        out.push(Contribution {
            worker: Some(w),
            ..weight
        });
    }
}

/// The date of someone's `age`-th birthday (a 29 February birthday falls on 1 March in common
/// years, as in English law).
pub fn birthday(born: NaiveDate, age: u32) -> Option<NaiveDate> {
    let year = born.year() + i32::try_from(age).ok()?;
    NaiveDate::from_ymd_opt(year, born.month(), born.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Whole days from `from` to `to`, counting both (DfE durations "including days of cessation").
pub fn inclusive_days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() + 1
}

/// The referral date window: `date` plus `months` calendar months (clamped to the month end).
pub fn months_after(date: NaiveDate, months: u32) -> NaiveDate {
    sightline_calendar::add_months(date, months)
}

/// Re-referrals: every referral dated in the period is in the denominator; it is in the
/// numerator when the same child had an earlier referral (of any outcome, NFA included, however
/// long before the period) whose date plus `window_months` calendar months is on or after it.
/// "Earlier" means an earlier date: two referrals of a child on the same day are one episode
/// recorded twice, not a re-referral.
pub fn rereferrals(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    window_months: u32,
) {
    let index = PeriodIndex::new(periods);
    let referrals = &ctx.records.referrals;
    for (i, r) in referrals.iter().enumerate() {
        let child = ctx.child_of_record(RecordKind::Referrals, i as u32);
        let previous = child.and_then(|child| {
            let mine = ctx.referrals_of(child);
            let before = mine
                .partition_point(|&j| referrals.get(j as usize).is_some_and(|x| x.date < r.date));
            before
                .checked_sub(1)
                .and_then(|k| mine.get(k))
                .and_then(|&j| referrals.get(j as usize))
        });
        let within = flag(previous.is_some_and(|p| r.date <= months_after(p.date, window_months)));
        index.each_containing(r.date, |p| {
            out.push(contribution(
                p,
                child,
                rec(kinds::REFERRALS, i),
                within,
                1.0,
            ));
        });
    }
}

/// The care-leaver outcome an indicator reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaverOutcome {
    /// The council is in touch (`IN_TOUCH` = YES).
    InTouch,
    /// In accommodation considered suitable (`ACCOM` ending in 1).
    SuitableAccommodation,
    /// In education, employment or training (`ACTIV` F* or P*).
    Eet,
}

/// Care leavers: every care-leaver record whose birthday (`birthday_age` in `ages`) falls in the
/// period is in the cohort, except young people who died (`DIED`), returned home for 6+ months
/// (`RHOM`), or whose only care was short breaks; for suitable accommodation those gone abroad,
/// deported or whose residence is not known (`G*`, `H*`, `R*`) leave the denominator too. Not in
/// touch, refused contact and no longer requiring services stay in every denominator (DfE).
/// Records without a known child or date of birth cannot be placed in a period and are left out.
pub fn care_leavers(
    ctx: &Context,
    periods: &[Period],
    out: &mut Vec<Contribution>,
    ages: std::ops::RangeInclusive<u8>,
    outcome: LeaverOutcome,
) {
    let records = &ctx.records.care_leavers;
    for_each_event(ctx, periods, out, kinds::CARE_LEAVERS, records, |c| {
        if !ages.contains(&c.birthday_age) || matches!(c.in_touch, InTouch::DIED | InTouch::RHOM) {
            return None;
        }
        let child = ctx.child(&c.child)?;
        if only_short_breaks(ctx, child) {
            return None;
        }
        let born = ctx.records.children.get(child as usize)?.date_of_birth?;
        let date = birthday(born, u32::from(c.birthday_age))?;
        let counted = match outcome {
            LeaverOutcome::InTouch => c.in_touch == InTouch::YES,
            LeaverOutcome::Eet => c.activity.is_eet(),
            LeaverOutcome::SuitableAccommodation => {
                if suitability_not_assessable(c.accommodation) {
                    return None;
                }
                c.accommodation.is_suitable() == Some(true)
            }
        };
        Some(Event::share(date, counted))
    });
}

fn suitability_not_assessable(a: Accommodation) -> bool {
    use Accommodation::*;
    matches!(a, G1 | G2 | H1 | H2 | R1 | R2)
}

/// Whether every looked-after episode the records hold for the child is a short break (false when
/// there is none: the care history may predate the records).
pub fn only_short_breaks(ctx: &Context, child: u32) -> bool {
    let episodes = ctx.episodes_of(child);
    !episodes.is_empty()
        && episodes.iter().all(|&i| {
            ctx.episode(i)
                .is_some_and(|e| e.legal_status.is_short_break())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn periods_containing_a_date_cover_months_and_years() {
        let mut ps = months((2024, 12), (2025, 5));
        ps.push(dfe_year(2025));
        ps.push(dfe_year(2026));
        let index = PeriodIndex::new(&ps);
        let mut hit = Vec::new();
        index.each_containing(d(2025, 3, 31), |p| hit.push(p));
        hit.sort();
        assert_eq!(hit, vec![3, 6]);
        hit.clear();
        index.each_containing(d(2025, 4, 1), |p| hit.push(p));
        hit.sort();
        assert_eq!(hit, vec![4, 7]);
    }

    #[test]
    fn open_intervals_reach_period_ends_before_their_end() {
        let ps = months((2025, 1), (2025, 4));
        let index = PeriodIndex::new(&ps);
        let mut hit = Vec::new();
        // Open 31 January to 31 March: open at 31 January and 28 February, not on 31 March.
        index.each_end_while_open(d(2025, 1, 31), Some(d(2025, 3, 31)), |p, _| hit.push(p));
        assert_eq!(hit, vec![0, 1]);
        hit.clear();
        index.each_end_while_open(d(2025, 2, 1), None, |p, _| hit.push(p));
        assert_eq!(hit, vec![1, 2, 3]);
        hit.clear();
        index.each_end_while_open(d(2025, 2, 1), Some(d(2025, 2, 1)), |p, _| hit.push(p));
        assert!(hit.is_empty());
    }

    #[test]
    fn rolling_windows_end_with_the_period() {
        assert_eq!(window_start(month(2025, 3), 12), d(2024, 4, 1));
        assert_eq!(window_start(dfe_year(2025), 12), d(2024, 4, 1));
        assert_eq!(window_start(dfe_year(2025), 36), d(2022, 4, 1));
        let ps = vec![
            month(2025, 3),
            month(2026, 3),
            month(2026, 4),
            dfe_year(2026),
        ];
        let index = PeriodIndex::new(&ps);
        let mut hit = Vec::new();
        // 15 April 2025 is in the 12 months to March 2026 and in DfE year 2025-26, not in the 12
        // months to April 2026 (May 2025 onwards) nor to March 2025.
        index.each_window_containing(d(2025, 4, 15), 12, |p, _| hit.push(p));
        hit.sort();
        assert_eq!(hit, vec![1, 3]);
    }

    #[test]
    fn leap_day_birthdays_fall_on_1_march() {
        assert_eq!(birthday(d(2008, 2, 29), 18), Some(d(2026, 3, 1)));
        assert_eq!(birthday(d(2008, 2, 29), 20), Some(d(2028, 2, 29)));
        assert_eq!(inclusive_days(d(2023, 4, 1), d(2025, 3, 30)), 730);
    }
}

/// Hand-worked datasets shared by the tests of indicator families.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::testkit::*;
    use sightline_model::codes::{Accommodation, Activity, InTouch, LegalStatus};

    /// Care leavers with a birthday in May 2025 (unless said otherwise):
    ///
    /// | child | age | in touch | activity | accommodation | cohort |
    /// | --- | --- | --- | --- | --- | --- |
    /// | L1 | 19 | YES | F2 (EET) | U1 suitable | yes |
    /// | L2 | 21 | NO | G5 (NEET) | 0 no information | yes |
    /// | L3 | 18 | REFU | 0 | S2 unsuitable | yes |
    /// | L4 | 17 | YES | F5 (EET) | G1 gone abroad | yes, not for accommodation |
    /// | L5 | 19 | DIED | | | no: died |
    /// | L6 | 20 | RHOM | | | no: returned home |
    /// | L7 | 19 | YES | | | no: birthday in June |
    /// | L8 | 19 | YES | | | no: short breaks only |
    /// | L10 | 20 | NREQ | P5 (EET) | R1 residence not known | yes, not for accommodation |
    ///
    /// All 17-21: in touch L1, L4 = 2 of 5; EET L1, L4, L10 = 3 of 5; suitable accommodation L1
    /// of L1, L2, L3 = 1 of 3. Aged 17-18 (L3, L4): in touch 1 of 2, EET 1 of 2, suitable 0 of 1
    /// (L3). Aged 19-21 (L1, L2, L10): in touch 1 of 3, EET 2 of 3, suitable 1 of 2 (L1, L2).
    pub(crate) fn care_leavers() -> Dataset {
        /// Child, date of birth, birthday age, in touch, activity, accommodation.
        type Row = (
            &'static str,
            (i32, u32, u32),
            u8,
            InTouch,
            Activity,
            Accommodation,
        );
        let mut ds = Dataset::new();
        let rows: [Row; 9] = [
            (
                "L1",
                (2006, 5, 10),
                19,
                InTouch::YES,
                Activity::F2,
                Accommodation::U1,
            ),
            (
                "L2",
                (2004, 5, 20),
                21,
                InTouch::NO,
                Activity::G5,
                Accommodation::A0,
            ),
            (
                "L3",
                (2007, 5, 1),
                18,
                InTouch::REFU,
                Activity::A0,
                Accommodation::S2,
            ),
            (
                "L4",
                (2008, 5, 31),
                17,
                InTouch::YES,
                Activity::F5,
                Accommodation::G1,
            ),
            (
                "L5",
                (2006, 5, 15),
                19,
                InTouch::DIED,
                Activity::A0,
                Accommodation::A0,
            ),
            (
                "L6",
                (2005, 5, 15),
                20,
                InTouch::RHOM,
                Activity::F2,
                Accommodation::U1,
            ),
            (
                "L7",
                (2006, 6, 1),
                19,
                InTouch::YES,
                Activity::F2,
                Accommodation::U1,
            ),
            (
                "L8",
                (2006, 5, 5),
                19,
                InTouch::YES,
                Activity::F2,
                Accommodation::U1,
            ),
            (
                "L10",
                (2005, 5, 25),
                20,
                InTouch::NREQ,
                Activity::P5,
                Accommodation::R1,
            ),
        ];
        for (id, (y, m, day), age, touch, activity, accommodation) in rows {
            ds.child(id).born(d(y, m, day));
            ds.care_leaver(&format!("OC3-{id}"), id, age)
                .in_touch(touch)
                .activity(activity)
                .accommodation(accommodation);
        }
        ds.episode("E8", "L8", d(2015, 1, 1))
            .legal_status(LegalStatus::V3);
        ds.episode("E1", "L1", d(2020, 1, 1)); // a real care history does not exclude
        ds
    }
}
