//! The engine: turns an indicator's contributions into figures, one [`Measurement`] per period,
//! and gathers them into [`Series`].
//!
//! # Values by unit
//!
//! With `n` the sum of the contributions' numerators, `d` the sum of their denominators, `P` the
//! council's 0-17 population (`ctx.population`) and `m` the months the period spans (1 or 12):
//!
//! | unit | value | `denominator` field |
//! | --- | --- | --- |
//! | monthly / snapshot number | `n` | `None` |
//! | percent | `100 n / d`; `None` when `d = 0` | `Some(d)` |
//! | annual rate per 10,000 | `n × 12 / m / P × 10,000`; `None` when `P = 0` | `Some(P)` |
//! | rate per 10,000 | `n / P × 10,000`; `None` when `P = 0` | `Some(P)` |
//! | days, average | `n / d`; `None` when `d = 0` | `Some(d)` |
//!
//! # Summaries
//!
//! - [`latest_month`]: the latest monthly measurement.
//! - [`last_12_months_average`]: the mean of the monthly *values* of the 12 months ending at a
//!   month (months without a value are left out). For counts this is the average month; for
//!   annual rates it equals the annualised average count (the plan's 1,572 contacts a month ↔
//!   1,883.4 per 10,000); for percentages it is the mean of the monthly percentages, which is how
//!   the plan's "Last 12 Months Average" column is built (its referral-to-assessment L12M, 116.2,
//!   is not the ratio of the averaged counts, 115.1), not the pooled percentage of the 12 months.
//! - [`dfe_year_figure`]: the figure for a DfE year (1 April to 31 March), computed by the indicator on the
//!   DfE definition (events in the year; snapshots at 31 March), so comparable with published
//!   benchmarks.
//!
//! Contributions of one series share one vector ([`Contributions`] is a range into it), so a series
//! of 60 months costs one allocation however many records stand behind it. [`compute_each`] hands
//! each series to a function and drops it, so a caller that only needs figures and breakdowns holds
//! one series per thread at a time (England size); [`compute_all`] keeps them all.
//!
//! **Invariant:** results are deterministic: contributions keep the order the indicator emitted
//! them in, and series come back in registry order whatever the number of threads.

use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Indicator, IndicatorMeta, RecordRef, Unit};
use crate::indicators::INDICATORS;
use crate::period::{Month, Period};
use rayon::prelude::*;
use sightline_model::CaseRecords;
use sightline_model::NaiveDate;
use sightline_model::ids::{ChildId, RecordId};
use std::ops::{Deref, Range};
use std::sync::Arc;

/// The contributions behind one measurement: a range of the series' shared vector.
#[derive(Clone, Debug, Default)]
pub struct Contributions {
    all: Arc<Vec<Contribution>>,
    range: Range<usize>,
}

impl Contributions {
    /// The contributions, in the order the indicator emitted them.
    pub fn as_slice(&self) -> &[Contribution] {
        self.all.get(self.range.clone()).unwrap_or(&[])
    }
}

impl Deref for Contributions {
    type Target = [Contribution];
    fn deref(&self) -> &[Contribution] {
        self.as_slice()
    }
}

/// One indicator's figure for one period, with the records behind it.
#[derive(Clone, Debug)]
pub struct Measurement {
    /// The period.
    pub period: Period,
    /// The indicator's unit (decides how `value` is derived).
    pub unit: Unit,
    /// The figure (see the module doc); `None` when it cannot be computed (zero denominator).
    pub value: Option<f64>,
    /// Sum of the contributions' numerators.
    pub numerator: f64,
    /// Sum of the contributions' denominators for ratios, the population for rates, `None` for counts.
    pub denominator: Option<f64>,
    /// The records behind the figure.
    pub contributions: Contributions,
}

/// One indicator's measurements over the requested periods, in the order requested.
#[derive(Clone, Debug)]
pub struct Series {
    /// The indicator's description.
    pub meta: &'static IndicatorMeta,
    /// One measurement per requested period.
    pub measurements: Vec<Measurement>,
}

impl Series {
    /// The indicator's stable id.
    pub fn id(&self) -> &'static str {
        self.meta.id
    }

    /// The measurement of a period, if requested.
    pub fn get(&self, period: Period) -> Option<&Measurement> {
        self.measurements.iter().find(|m| m.period == period)
    }
}

/// The value of a figure (see the module doc).
pub fn value_of(
    unit: Unit,
    numerator: f64,
    denominator: f64,
    period: Period,
    population: u64,
) -> Option<f64> {
    let ratio = |n: f64, d: f64| (d != 0.0).then(|| n / d);
    let per_10k = |n: f64| (population > 0).then(|| n / population as f64 * 10_000.0);
    match unit {
        Unit::MonthlyNumber | Unit::SnapshotNumber => Some(numerator),
        Unit::Percent => ratio(numerator, denominator).map(|r| 100.0 * r),
        Unit::AnnualRatePer10k => per_10k(numerator * 12.0 / f64::from(period.months())),
        Unit::RatePer10k => per_10k(numerator),
        Unit::Days | Unit::Average => ratio(numerator, denominator),
    }
}

/// What the `denominator` field of a figure holds for a unit (see the module doc).
pub fn reported_denominator(unit: Unit, denominator: f64, population: u64) -> Option<f64> {
    match unit {
        Unit::MonthlyNumber | Unit::SnapshotNumber => None,
        Unit::Percent | Unit::Days | Unit::Average => Some(denominator),
        Unit::AnnualRatePer10k | Unit::RatePer10k => Some(population as f64),
    }
}

/// Computes one indicator for every period.
pub fn compute(ctx: &Context, indicator: &dyn Indicator, periods: &[Period]) -> Vec<Measurement> {
    let mut raw = Vec::new();
    indicator.contributions(ctx, periods, &mut raw);
    let (sorted, bounds) = group_by_period(raw, periods.len());
    let all = Arc::new(sorted);
    let unit = indicator.meta().unit;
    periods
        .iter()
        .zip(bounds.windows(2))
        .map(|(&period, w)| {
            let range = w[0]..w[1];
            let slice = all.get(range.clone()).unwrap_or(&[]);
            let numerator: f64 = slice.iter().map(|c| c.numerator).sum();
            let denominator: f64 = slice.iter().map(|c| c.denominator).sum();
            Measurement {
                period,
                unit,
                value: value_of(unit, numerator, denominator, period, ctx.population),
                numerator,
                denominator: reported_denominator(unit, denominator, ctx.population),
                contributions: Contributions {
                    all: Arc::clone(&all),
                    range,
                },
            }
        })
        .collect()
}

/// A stable counting sort of contributions by period; returns them and the `periods + 1` bounds.
/// Contributions naming a period outside the request are dropped.
fn group_by_period(raw: Vec<Contribution>, periods: usize) -> (Vec<Contribution>, Vec<usize>) {
    let mut bounds = vec![0usize; periods + 1];
    for c in &raw {
        if let Some(n) = bounds.get_mut(c.period as usize + 1) {
            *n += 1;
        }
    }
    for i in 1..bounds.len() {
        bounds[i] += bounds[i - 1];
    }
    let total = bounds.last().copied().unwrap_or(0);
    if raw.len() == total && raw.windows(2).all(|w| w[0].period <= w[1].period) {
        return (raw, bounds);
    }
    // Where each contribution goes, then one sequential gather (swapping in place along the
    // permutation's cycles needs no second vector but was several times slower: random swaps).
    let mut next = bounds.clone();
    let mut order = vec![u32::MAX; total];
    for (i, c) in raw.iter().enumerate() {
        if let Some(pos) = next
            .get_mut(c.period as usize)
            .filter(|_| (c.period as usize) < periods)
        {
            if let Some(slot) = order.get_mut(*pos) {
                *slot = i as u32;
            }
            *pos += 1;
        }
    }
    let sorted = order
        .iter()
        .filter_map(|&i| raw.get(i as usize).copied())
        .collect();
    (sorted, bounds)
}

/// Computes one indicator as a series.
pub fn compute_series(ctx: &Context, indicator: &dyn Indicator, periods: &[Period]) -> Series {
    Series {
        meta: indicator.meta(),
        measurements: compute(ctx, indicator, periods),
    }
}

/// Computes every indicator of the catalogue, in registry order (in parallel across indicators).
pub fn compute_all(ctx: &Context, periods: &[Period]) -> Vec<Series> {
    compute_each(ctx, periods, |series| series)
}

/// Computes every indicator of the catalogue and hands each series to `visit` as soon as it is
/// ready (in parallel across indicators); returns what `visit` returned, in registry order.
pub fn compute_each<R: Send>(
    ctx: &Context,
    periods: &[Period],
    visit: impl Fn(Series) -> R + Sync,
) -> Vec<R> {
    INDICATORS
        .par_iter()
        .map(|indicator| visit(compute_series(ctx, *indicator, periods)))
        .collect()
}

/// The measurement of the latest month among `measurements`.
pub fn latest_month(measurements: &[Measurement]) -> Option<&Measurement> {
    measurements
        .iter()
        .filter(|m| matches!(m.period, Period::Month(_)))
        .max_by_key(|m| m.period)
}

/// The mean of the monthly values of the 12 months ending with `ending` (see the module doc);
/// months missing from `measurements` or without a value are left out; `None` if none is left.
pub fn last_12_months_average(measurements: &[Measurement], ending: Month) -> Option<f64> {
    let mut first = ending;
    for _ in 0..11 {
        first = first.prev();
    }
    let values: Vec<f64> = measurements
        .iter()
        .filter(|m| matches!(m.period, Period::Month(month) if first <= month && month <= ending))
        .filter_map(|m| m.value)
        .collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The measurement of the DfE year ending 31 March `year_ending`, if it was requested.
pub fn dfe_year_figure(measurements: &[Measurement], year_ending: i32) -> Option<&Measurement> {
    measurements
        .iter()
        .find(|m| m.period == Period::DfeYear(year_ending))
}

/// The children behind a figure, as indices into `records.children`, sorted and without
/// repeats: those adding to the numerator, and those counted in the denominator (empty for counts).
pub fn children_behind(measurement: &Measurement) -> (Vec<u32>, Vec<u32>) {
    let pick = |numerator: bool| {
        let mut out: Vec<u32> = measurement
            .contributions
            .iter()
            .filter(|c| {
                if numerator {
                    c.numerator != 0.0
                } else {
                    c.denominator != 0.0
                }
            })
            .filter_map(|c| c.child)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    (pick(true), pick(false))
}

/// The ids of children numbered by [`children_behind`] (personal data: for authorised views only,
/// never for logs).
pub fn child_ids<'a>(ctx: &Context<'a>, children: &[u32]) -> Vec<&'a ChildId> {
    children
        .iter()
        .filter_map(|&i| ctx.records.children.get(i as usize).map(|c| &c.id))
        .collect()
}

/// The records behind a figure: those adding to the numerator, and those counted in the
/// denominator, each sorted and without repeats.
pub fn records_behind(measurement: &Measurement) -> (Vec<RecordRef>, Vec<RecordRef>) {
    let pick = |numerator: bool| {
        let mut out: Vec<RecordRef> = measurement
            .contributions
            .iter()
            .filter(|c| {
                if numerator {
                    c.numerator != 0.0
                } else {
                    c.denominator != 0.0
                }
            })
            .map(|c| c.record)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    (pick(true), pick(false))
}

/// The id of a record that has a [`RecordId`].
pub fn record_id<'a>(ctx: &Context<'a>, record: RecordRef) -> Option<&'a RecordId> {
    record_id_in(ctx.records, record)
}

/// The id of a record that has a [`RecordId`], from the records alone (no [`Context`] needed:
/// the web app's child timeline looks ids up long after the figures are computed).
pub fn record_id_in(r: &CaseRecords, record: RecordRef) -> Option<&RecordId> {
    let i = record.index as usize;
    match record.kind {
        kinds::CONTACTS => r.contacts.get(i).map(|x| &x.id),
        kinds::EARLY_HELP => r.early_help.get(i).map(|x| &x.id),
        kinds::REFERRALS => r.referrals.get(i).map(|x| &x.id),
        kinds::ASSESSMENTS => r.assessments.get(i).map(|x| &x.id),
        kinds::STRATEGY_DISCUSSIONS => r.strategy_discussions.get(i).map(|x| &x.id),
        kinds::SECTION47S => r.section47s.get(i).map(|x| &x.id),
        kinds::CONFERENCES => r.conferences.get(i).map(|x| &x.id),
        kinds::CP_PLANS => r.cp_plans.get(i).map(|x| &x.id),
        kinds::CORE_GROUPS => r.core_groups.get(i).map(|x| &x.id),
        kinds::VISITS => r.visits.get(i).map(|x| &x.id),
        kinds::CIN_PLANS => r.cin_plans.get(i).map(|x| &x.id),
        kinds::CIN_PLAN_REVIEWS => r.cin_plan_reviews.get(i).map(|x| &x.id),
        kinds::CLA_EPISODES => r.cla_episodes.get(i).map(|x| &x.id),
        kinds::CLA_REVIEWS => r.cla_reviews.get(i).map(|x| &x.id),
        kinds::MISSING => r.missing.get(i).map(|x| &x.id),
        kinds::CARE_LEAVERS => r.care_leavers.get(i).map(|x| &x.id),
        kinds::PATHWAY_PLANS => r.pathway_plans.get(i).map(|x| &x.id),
        kinds::PERMANENCE => r.permanence.get(i).map(|x| &x.id),
        kinds::ALLOCATIONS => r.allocations.get(i).map(|x| &x.id),
        kinds::SUPERVISIONS => r.supervisions.get(i).map(|x| &x.id),
        _ => None,
    }
}

/// A printable id for a record: its [`RecordId`], or a worker's or foster household's id. Child
/// records have none here (child ids are personal data).
pub fn record_label(ctx: &Context, record: RecordRef) -> Option<String> {
    let r = ctx.records;
    let i = record.index as usize;
    match record.kind {
        kinds::WORKERS => r.workers.get(i).map(|w| w.id.to_string()),
        kinds::FOSTER_HOUSEHOLDS => r.foster_households.get(i).map(|h| h.id.to_string()),
        _ => record_id(ctx, record).map(ToString::to_string),
    }
}

/// Every complete month of the snapshot: from the first month from which the front door
/// (contacts and referrals) is recorded steadily, to the last month that ended on or before
/// `as_of` (the 12 months to `as_of` when the records hold no contact or referral).
///
/// "Steadily" is what tells the extract's window from older history it carries (a CIN census
/// holds referrals from years back whose episodes are still open; a generator's warm-up): the
/// first month from which every month has at least a quarter of the median monthly count of the
/// last 12 months. A caller who knows the reporting window can build the periods itself
/// ([`periods_between`]).
pub fn snapshot_months(records: &CaseRecords, as_of: NaiveDate) -> Vec<Month> {
    let last = if as_of
        .succ_opt()
        .is_some_and(|next| Month::of(next) != Month::of(as_of))
    {
        Month::of(as_of)
    } else {
        Month::of(as_of).prev()
    };
    let mut per_month: std::collections::BTreeMap<Month, u32> = std::collections::BTreeMap::new();
    let front_door = records
        .contacts
        .iter()
        .map(|c| c.date)
        .chain(records.referrals.iter().map(|r| r.date));
    for date in front_door.filter(|&date| Month::of(date) <= last) {
        *per_month.entry(Month::of(date)).or_default() += 1;
    }
    let Some(&earliest) = per_month.keys().next() else {
        return Month::range((0..11).fold(last, |m, _| m.prev()), last);
    };
    let mut recent: Vec<u32> = (0..12)
        .scan(last, |m, _| {
            let this = *m;
            *m = m.prev();
            Some(per_month.get(&this).copied().unwrap_or(0))
        })
        .collect();
    recent.sort_unstable();
    let threshold = f64::from(recent.get(6).copied().unwrap_or(0)) / 4.0;
    let mut first = last;
    while first > earliest
        && f64::from(per_month.get(&first.prev()).copied().unwrap_or(0)) >= threshold
    {
        first = first.prev();
    }
    Month::range(first, last)
}

/// Every month from `first` to `last`, then every DfE year they cover entirely.
pub fn periods_between(first: Month, last: Month) -> Vec<Period> {
    let months = Month::range(first, last);
    let mut periods: Vec<Period> = months.iter().copied().map(Period::Month).collect();
    let (from, to) = (first.first_day(), last.last_day());
    for year in first.year..=last.year + 1 {
        let period = Period::DfeYear(year);
        if from <= period.start() && period.end() <= to {
            periods.push(period);
        }
    }
    periods
}

/// The standard periods of a snapshot: every complete month ([`snapshot_months`]), then every DfE
/// year those months cover entirely.
pub fn snapshot_periods(records: &CaseRecords, as_of: NaiveDate) -> Vec<Period> {
    let months = snapshot_months(records, as_of);
    match (months.first(), months.last()) {
        (Some(&first), Some(&last)) => periods_between(first, last),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Contribution, Definition, Dimension, Polarity};
    use crate::testkit::*;

    /// A test indicator that emits fixed contributions.
    struct Fixed(&'static IndicatorMeta, Vec<Contribution>);

    impl Indicator for Fixed {
        fn meta(&self) -> &'static IndicatorMeta {
            self.0
        }
        fn contributions(&self, _: &Context, _: &[Period], out: &mut Vec<Contribution>) {
            out.extend(self.1.iter().copied());
        }
    }

    const DEF: Definition = Definition {
        numerator: "",
        denominator: "",
        period: "",
        exclusions: "",
        source: "",
    };

    fn meta(unit: Unit) -> &'static IndicatorMeta {
        Box::leak(Box::new(IndicatorMeta {
            id: "test",
            title: "Test",
            unit,
            polarity: Polarity::High,
            definition: DEF,
            breakdowns: &[Dimension::Sex],
        }))
    }

    fn c(period: u32, numerator: f64, denominator: f64) -> Contribution {
        Contribution {
            period,
            child: None,
            worker: None,
            record: RecordRef {
                kind: kinds::REFERRALS,
                index: period,
            },
            numerator,
            denominator,
        }
    }

    fn run(
        unit: Unit,
        contributions: Vec<Contribution>,
        periods: &[Period],
        population: u64,
    ) -> Vec<Measurement> {
        let mut ds = Dataset::new();
        ds.population = population;
        ds.measure(&Fixed(meta(unit), contributions), periods)
    }

    #[test]
    fn values_follow_the_unit() {
        let ps = [month(2025, 1), month(2025, 2), dfe_year(2025)];
        // Contributions arrive out of period order; the engine groups them stably.
        let cs = vec![
            c(1, 1.0, 1.0),
            c(0, 1.0, 1.0),
            c(0, 0.0, 1.0),
            c(2, 30.0, 40.0),
            c(0, 1.0, 2.0),
        ];
        let m = run(Unit::Percent, cs.clone(), &ps, 20_000);
        // Month 1: 2 of 4 = 50%; month 2: 1 of 1; year: 30 of 40.
        assert_figure(&m[0], 2.0, Some(4.0), Some(50.0));
        assert_figure(&m[1], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[2], 30.0, Some(40.0), Some(75.0));
        assert_eq!(m[0].contributions.len(), 3);
        assert_eq!(
            m[0].contributions[2].denominator, 2.0,
            "emission order kept within a period"
        );

        let m = run(Unit::AnnualRatePer10k, cs.clone(), &ps, 20_000);
        // 2 a month × 12 / 20,000 × 10,000 = 12; the year's 30 × 12 / 12 / 20,000 × 10,000 = 15.
        assert_figure(&m[0], 2.0, Some(20_000.0), Some(12.0));
        assert_figure(&m[2], 30.0, Some(20_000.0), Some(15.0));

        let m = run(Unit::RatePer10k, cs.clone(), &ps, 20_000);
        assert_figure(&m[2], 30.0, Some(20_000.0), Some(15.0));
        let m = run(Unit::SnapshotNumber, cs.clone(), &ps, 20_000);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        let m = run(Unit::Days, cs.clone(), &ps, 20_000);
        assert_figure(&m[2], 30.0, Some(40.0), Some(0.75));
    }

    #[test]
    fn zero_denominators_and_populations_give_no_value() {
        let ps = [month(2025, 1), month(2025, 2)];
        let m = run(Unit::Percent, vec![c(1, 0.0, 1.0)], &ps, 1);
        assert_figure(&m[0], 0.0, Some(0.0), None);
        assert_figure(&m[1], 0.0, Some(1.0), Some(0.0));
        let m = run(Unit::Average, vec![], &ps, 1);
        assert_figure(&m[0], 0.0, Some(0.0), None);
        let m = run(Unit::AnnualRatePer10k, vec![c(0, 3.0, 0.0)], &ps, 0);
        assert_figure(&m[0], 3.0, Some(0.0), None);
        // A contribution naming a period that was not asked for is dropped.
        let m = run(
            Unit::MonthlyNumber,
            vec![c(7, 3.0, 0.0), c(1, 1.0, 0.0)],
            &ps,
            1,
        );
        assert_figure(&m[0], 0.0, None, Some(0.0));
        assert_figure(&m[1], 1.0, None, Some(1.0));
    }

    #[test]
    fn summaries_pick_latest_month_mean_of_twelve_and_dfe_year() {
        // 14 months, January 2024 to February 2025, value = month number in the sequence (1..=14).
        let mut ps = months((2024, 1), (2025, 2));
        ps.push(dfe_year(2024));
        let cs: Vec<Contribution> = (0..14).map(|i| c(i, f64::from(i + 1), 0.0)).collect();
        let m = run(Unit::MonthlyNumber, cs, &ps, 1);
        assert_eq!(latest_month(&m).map(|m| m.numerator), Some(14.0));
        // March 2024..February 2025 = values 3..=14: mean 8.5.
        assert_eq!(
            last_12_months_average(
                &m,
                Month {
                    year: 2025,
                    month: 2
                }
            ),
            Some(8.5)
        );
        // Ending April 2024 only January-April exist: mean of 1..=4 = 2.5.
        assert_eq!(
            last_12_months_average(
                &m,
                Month {
                    year: 2024,
                    month: 4
                }
            ),
            Some(2.5)
        );
        assert_eq!(
            last_12_months_average(
                &m,
                Month {
                    year: 2020,
                    month: 1
                }
            ),
            None
        );
        assert_eq!(
            dfe_year_figure(&m, 2024).map(|m| m.period),
            Some(Period::DfeYear(2024))
        );
        assert!(dfe_year_figure(&m, 2026).is_none());
    }

    #[test]
    fn percent_l12m_is_the_mean_of_monthly_percentages() {
        // Month 1: 1 of 1 (100%); month 2: 1 of 3 (33.3%): mean 66.67%, not pooled 2/4 = 50%.
        let ps = months((2025, 1), (2025, 2));
        let m = run(Unit::Percent, vec![c(0, 1.0, 1.0), c(1, 1.0, 3.0)], &ps, 1);
        let l12m = last_12_months_average(
            &m,
            Month {
                year: 2025,
                month: 2,
            },
        )
        .unwrap();
        assert!((l12m - 200.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn children_behind_split_numerator_and_denominator() {
        let with_child = |child, n, d| Contribution {
            child: Some(child),
            ..c(0, n, d)
        };
        let cs = vec![
            with_child(3, 1.0, 1.0),
            with_child(1, 0.0, 1.0),
            with_child(3, 1.0, 1.0),
            c(0, 1.0, 1.0),
        ];
        let m = run(Unit::Percent, cs, &[month(2025, 1)], 1);
        assert_eq!(children_behind(&m[0]), (vec![3], vec![1, 3]));
        let (num, den) = records_behind(&m[0]);
        assert_eq!((num.len(), den.len()), (1, 1), "one record repeated");
    }

    #[test]
    fn snapshot_periods_are_complete_months_and_whole_dfe_years() {
        let mut ds = Dataset::new();
        ds.child("C1");
        // Steady front door from February 2023: two events a month to April 2025.
        for m in months((2023, 2), (2025, 4)) {
            ds.referral("R", "C1", m.start());
            ds.contact("K", "C1", m.end());
        }
        // An episode carried from 2015 is history, not the extract's window: one referral in a
        // month is under a quarter of the median (2), and March 2015 to January 2023 has none.
        ds.referral("OLD", "C1", d(2015, 3, 1));
        // As of 10 May 2025: April 2025 is the last complete month.
        let ps = snapshot_periods(ds.records(), d(2025, 5, 10));
        assert_eq!(ps.first(), Some(&month(2023, 2)));
        assert!(ps.contains(&month(2025, 4)));
        assert!(!ps.contains(&month(2025, 5)));
        let years: Vec<Period> = ps
            .iter()
            .copied()
            .filter(|p| matches!(p, Period::DfeYear(_)))
            .collect();
        assert_eq!(years, vec![dfe_year(2024), dfe_year(2025)]);
        // As of a month end, that month is complete.
        let ms = snapshot_months(ds.records(), d(2025, 4, 30));
        assert_eq!(
            ms.last(),
            Some(&Month {
                year: 2025,
                month: 4
            })
        );
        // No front-door records: the 12 months to the as-of date.
        let empty = CaseRecords::default();
        assert_eq!(snapshot_months(&empty, d(2025, 4, 30)).len(), 12);
        // A tiny dataset (median under 4 a month) reaches back to its first record.
        let mut tiny = Dataset::new();
        tiny.referral("R1", "C1", d(2024, 1, 15));
        tiny.referral("R2", "C1", d(2024, 12, 15));
        assert_eq!(
            snapshot_months(tiny.records(), d(2024, 12, 31)).first(),
            Some(&Month {
                year: 2024,
                month: 1
            })
        );
    }

    /// Every indicator on a small synthetic council: one measurement per period, values that
    /// follow the unit, breakdowns that add up, and the same figures in parallel and in sequence.
    #[test]
    fn whole_catalogue_on_a_synthetic_council() {
        use crate::breakdown::{DIMENSIONS, breakdowns};
        use sightline_synth::{SynthConfig, generate};
        let synthetic = generate(&SynthConfig {
            population: 3_000,
            years: 2,
            ..SynthConfig::default()
        });
        let records = &synthetic.records;
        let ctx = Context::new(
            records,
            crate::settings::PracticeStandards::default(),
            3_000,
        )
        .with_council(synthetic.council.la_code);
        let periods = snapshot_periods(records, synthetic.end);
        assert!(
            periods.len() >= 24 + 2,
            "two years of months and their DfE years"
        );
        let all = compute_all(&ctx, &periods);
        assert_eq!(all.len(), INDICATORS.len());
        let mut non_zero = 0;
        for (series, indicator) in all.iter().zip(INDICATORS) {
            assert_eq!(series.id(), indicator.meta().id, "registry order");
            assert_eq!(series.measurements.len(), periods.len());
            let again = compute(&ctx, *indicator, &periods);
            for (m, n) in series.measurements.iter().zip(&again) {
                assert_eq!(
                    (m.value, m.numerator, m.denominator),
                    (n.value, n.numerator, n.denominator),
                    "{}",
                    series.id()
                );
            }
            for m in &series.measurements {
                non_zero += usize::from(m.numerator != 0.0);
                if matches!(m.unit, Unit::Percent) {
                    assert!(
                        m.value.is_none_or(|v| (0.0..=100.0).contains(&v)
                            || series.id() == "referral_to_assessment_pct"),
                        "{} {}",
                        series.id(),
                        m.period
                    );
                }
                for groups in breakdowns(&ctx, m, &DIMENSIONS) {
                    let numerator: f64 = groups.iter().map(|(_, f)| f.numerator).sum();
                    assert!(
                        (numerator - m.numerator).abs() < 1e-6,
                        "{} {}",
                        series.id(),
                        m.period
                    );
                    let count: usize = groups.iter().map(|(_, f)| f.contributions).sum();
                    assert_eq!(count, m.contributions.len());
                    if matches!(m.unit, Unit::MonthlyNumber | Unit::SnapshotNumber) {
                        let values: f64 = groups.iter().filter_map(|(_, f)| f.value).sum();
                        assert!(
                            (values - m.numerator).abs() < 1e-6,
                            "counts add up: {}",
                            series.id()
                        );
                    }
                }
            }
        }
        assert!(
            non_zero > all.len() * 10,
            "the synthetic council exercises the catalogue"
        );
    }
}
