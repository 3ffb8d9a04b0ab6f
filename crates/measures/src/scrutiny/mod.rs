//! The figures of the Scrutiny Panel's standing "Number of children in care" report (seed pack
//! `003`, `children-in-care-report-2019-08.md`), computed from one snapshot's records for a month.
//!
//! Every figure is a snapshot at a month end except the entrants (children whose period of care
//! began in the month). They are derived from the catalogue's own indicators, so the report and
//! the board pack can never disagree:
//!
//! - the monthly count, the ethnicity, age, sex, legal-status and placement profiles all come from
//!   the contributions of `cla_count` (one per child looked after at the month end, short breaks
//!   excluded, carrying the child and the episode open that day);
//! - children placed outside the council and more than 20 miles from home come from
//!   `cla_placed_over_20_miles_pct` (numerator and denominator per month);
//! - the rate per 10,000 is `cla_count` over the context's 0-17 population (the engine's rule),
//!   compared with the embedded LAIT figures for `cla_rate_10k`.
//!
//! UASC are counted among the looked-after children: a child whose UASC status had begun (or has
//! no start date) and had not ceased on the month end.
//!
//! **Invariant:** pure: the month is passed in; no clock, no files.

mod groups;

pub use groups::{EthnicGroup, LegalGroup, PlacementGroup};

use crate::benchmarks::{self, SnVersion, Valued};
use crate::context::{AgeBand, Context};
use crate::engine::{self, Measurement};
use crate::indicator::{Contribution, Indicator, Unit};
use crate::indicators::{self, common};
use crate::period::{Month, Period};
use sightline_model::NaiveDate;
use sightline_model::codes::Sex;
use sightline_model::records::Child;

/// Months of history in the trend chart and tables: the month and the 12 before it, so the month
/// a year earlier is on the chart too.
pub const TREND_MONTHS: usize = 13;

/// A figure the report needs could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScrutinyError {
    /// An indicator the report is built on is missing from the catalogue (a programming error).
    #[error("indicator {0} is not in the catalogue")]
    MissingIndicator(&'static str),
}

/// Children looked after at one month end, and how many of them were UASC.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyCount {
    /// The month.
    pub month: Month,
    /// Children looked after at its end (short breaks excluded).
    pub looked_after: u64,
    /// Of whom unaccompanied asylum-seeking children.
    pub uasc: u64,
}

/// Children placed outside the council and more than 20 miles from home at one month end.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedFar {
    /// The month.
    pub month: Month,
    /// Children placed outside and more than 20 miles away.
    pub count: u64,
    /// All children looked after (the denominator).
    pub looked_after: u64,
    /// `count` as a percentage of `looked_after` (`None` when nobody was looked after).
    pub percent: Option<f64>,
}

/// The council's rate per 10,000 children aged 0-17 against its comparators.
#[derive(Clone, Debug, PartialEq)]
pub struct RateComparison {
    /// This month's rate (`None` when the population is unknown).
    pub rate: Option<f64>,
    /// Last month's rate.
    pub previous_rate: Option<f64>,
    /// The 0-17 population the rates divide by.
    pub population: u64,
    /// Mean of the statistical neighbours' latest published rate.
    pub sn_average: Option<Valued>,
    /// England's latest published rate.
    pub england: Option<Valued>,
    /// The council's name as LAIT gives it (when the council is known).
    pub council_name: Option<String>,
    /// The statistical neighbours' names, closest first.
    pub neighbours: Vec<String>,
    /// Which statistical neighbour groupings were used.
    pub sn_version: SnVersion,
}

/// Children looked after in one age band, by sex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeSexRow {
    /// The DfE age band (age at the month end).
    pub band: AgeBand,
    /// Boys.
    pub male: u64,
    /// Girls.
    pub female: u64,
    /// Sex not known.
    pub unknown: u64,
}

impl AgeSexRow {
    /// All children in the band.
    pub fn total(&self) -> u64 {
        self.male + self.female + self.unknown
    }
}

/// Every figure of the "Number of children in care" report for one month.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildrenInCare {
    /// The month reported.
    pub month: Month,
    /// Looked-after and UASC counts for [`TREND_MONTHS`] months, oldest first, ending at `month`.
    pub monthly: Vec<MonthlyCount>,
    /// Rate per 10,000 and comparators.
    pub rate: RateComparison,
    /// Ethnic groups of the children looked after at the month end (every group, zeros included).
    pub ethnicity_now: Vec<(EthnicGroup, u64)>,
    /// The same twelve months earlier.
    pub ethnicity_year_ago: Vec<(EthnicGroup, u64)>,
    /// Ethnic groups of the children who started a period of care during the month.
    pub entrants: Vec<(EthnicGroup, u64)>,
    /// Age band by sex at the month end (every band but "unborn", zeros included).
    pub age_sex: Vec<AgeSexRow>,
    /// The same at the end of the previous month (the report's bracketed figures).
    pub age_sex_previous: Vec<AgeSexRow>,
    /// Legal status at the month end.
    pub legal_status: Vec<(LegalGroup, u64)>,
    /// Placement at the month end.
    pub placements: Vec<(PlacementGroup, u64)>,
    /// Children placed outside and more than 20 miles away, per month, oldest first.
    pub placed_far: Vec<PlacedFar>,
    /// This month's children placed far away, by placement.
    pub placed_far_by_placement: Vec<(PlacementGroup, u64)>,
}

impl ChildrenInCare {
    /// The count at the reported month end.
    pub fn latest(&self) -> Option<&MonthlyCount> {
        self.monthly.last()
    }

    /// Children who started a period of care during the month.
    pub fn entrants_total(&self) -> u64 {
        self.entrants.iter().map(|(_, n)| n).sum()
    }
}

/// Computes the report's figures for `month` (the `TREND_MONTHS` months ending at it).
pub fn children_in_care(
    ctx: &Context,
    month: Month,
    sn: SnVersion,
) -> Result<ChildrenInCare, ScrutinyError> {
    let months = trend_months(month);
    let periods: Vec<Period> = months.iter().copied().map(Period::Month).collect();
    let cla = engine::compute(ctx, indicator("cla_count")?, &periods);
    let far = engine::compute(ctx, indicator("cla_placed_over_20_miles_pct")?, &periods);

    let monthly = months
        .iter()
        .zip(&cla)
        .map(|(&m, measurement)| monthly_count(ctx, m, measurement))
        .collect::<Vec<_>>();
    let placed_far = months
        .iter()
        .zip(&far)
        .map(|(&m, measurement)| placed_far(m, measurement))
        .collect();

    let now = cla.last();
    let previous = cla.len().checked_sub(2).and_then(|i| cla.get(i));
    let year_ago = cla.first();
    let end = month.last_day();
    fn contributions(m: Option<&Measurement>) -> &[Contribution] {
        m.map(|m| &*m.contributions).unwrap_or(&[])
    }
    let now_c = contributions(now);
    let far_now: Vec<Contribution> = contributions(far.last())
        .iter()
        .filter(|c| c.numerator != 0.0)
        .cloned()
        .collect();

    Ok(ChildrenInCare {
        month,
        rate: rate_comparison(ctx, &monthly, sn),
        ethnicity_now: ethnicity(ctx, now_c),
        ethnicity_year_ago: ethnicity(ctx, contributions(year_ago)),
        entrants: entrants(ctx, month),
        age_sex: age_sex(ctx, now_c, end),
        age_sex_previous: age_sex(ctx, contributions(previous), month.prev().last_day()),
        legal_status: legal_status(ctx, now_c),
        placements: placements(ctx, now_c),
        placed_far,
        placed_far_by_placement: placements(ctx, &far_now),
        monthly,
    })
}

/// The `TREND_MONTHS` months ending at `month`, oldest first.
pub fn trend_months(month: Month) -> Vec<Month> {
    let mut first = month;
    for _ in 1..TREND_MONTHS {
        first = first.prev();
    }
    Month::range(first, month)
}

fn indicator(id: &'static str) -> Result<&'static dyn Indicator, ScrutinyError> {
    indicators::find(id).ok_or(ScrutinyError::MissingIndicator(id))
}

/// Whether a child was an unaccompanied asylum-seeking child on `on`.
pub fn is_uasc_on(child: &Child, on: NaiveDate) -> bool {
    child.uasc.as_ref().is_some_and(|u| {
        u.from.is_none_or(|from| from <= on) && u.ceased.is_none_or(|ceased| ceased > on)
    })
}

fn child_of<'a>(ctx: &Context<'a>, c: &Contribution) -> Option<&'a Child> {
    ctx.records.children.get(c.child? as usize)
}

/// One month's looked-after count (the measurement's numerator) and its UASC.
fn monthly_count(ctx: &Context, month: Month, measurement: &Measurement) -> MonthlyCount {
    let end = month.last_day();
    let uasc = measurement
        .contributions
        .iter()
        .filter(|c| child_of(ctx, c).is_some_and(|child| is_uasc_on(child, end)))
        .count() as u64;
    MonthlyCount {
        month,
        looked_after: measurement.numerator.round() as u64,
        uasc,
    }
}

/// One month of `cla_placed_over_20_miles_pct`.
fn placed_far(month: Month, measurement: &Measurement) -> PlacedFar {
    PlacedFar {
        month,
        count: measurement.numerator.round() as u64,
        looked_after: measurement.denominator.unwrap_or(0.0).round() as u64,
        percent: measurement.value,
    }
}

/// The month's rate and last month's, with the council's published comparators.
fn rate_comparison(ctx: &Context, monthly: &[MonthlyCount], sn: SnVersion) -> RateComparison {
    let rate_of = |m: Option<&MonthlyCount>| {
        m.and_then(|m| {
            engine::value_of(
                Unit::RatePer10k,
                m.looked_after as f64,
                0.0,
                Period::Month(m.month),
                ctx.population,
            )
        })
    };
    let previous = monthly.len().checked_sub(2).and_then(|i| monthly.get(i));
    let council = ctx.council();
    let published = council.and_then(|la| benchmarks::benchmarks("cla_rate_10k", la, sn));
    let neighbours = council
        .map(|la| {
            benchmarks::statistical_neighbours(la, sn)
                .into_iter()
                .map(|n| {
                    benchmarks::council(n)
                        .map(|c| c.name)
                        .unwrap_or_else(|| n.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    RateComparison {
        rate: rate_of(monthly.last()),
        previous_rate: rate_of(previous),
        population: ctx.population,
        sn_average: published.as_ref().and_then(|b| b.sn_average.clone()),
        england: published.as_ref().and_then(|b| b.england.clone()),
        council_name: council.and_then(benchmarks::council).map(|c| c.name),
        neighbours,
        sn_version: sn,
    }
}

/// Counts per group, every group listed (zeros included) in the group's order.
fn tally<G: Copy + PartialEq>(all: &[G], keys: impl Iterator<Item = G>) -> Vec<(G, u64)> {
    let mut out: Vec<(G, u64)> = all.iter().map(|&g| (g, 0)).collect();
    for key in keys {
        if let Some(slot) = out.iter_mut().find(|(g, _)| *g == key) {
            slot.1 += 1;
        }
    }
    out
}

/// Ethnic groups of the contributions' children (a contribution with no child is not recorded).
fn ethnicity(ctx: &Context, contributions: &[Contribution]) -> Vec<(EthnicGroup, u64)> {
    tally(
        &EthnicGroup::ALL,
        contributions.iter().map(|c| {
            child_of(ctx, c)
                .map(|child| EthnicGroup::of(child.ethnicity))
                .unwrap_or(EthnicGroup::NotRecorded)
        }),
    )
}

/// Ethnic groups of the children whose period of care began in `month` (short breaks excluded).
fn entrants(ctx: &Context, month: Month) -> Vec<(EthnicGroup, u64)> {
    let mut groups = Vec::new();
    common::for_each_care_start(ctx, &[Period::Month(month)], |_, child, _| {
        let group = ctx
            .records
            .children
            .get(child as usize)
            .map(|c| EthnicGroup::of(c.ethnicity))
            .unwrap_or(EthnicGroup::NotRecorded);
        groups.push(group);
    });
    tally(&EthnicGroup::ALL, groups.into_iter())
}

/// Age band (on `on`) by sex.
fn age_sex(ctx: &Context, contributions: &[Contribution], on: NaiveDate) -> Vec<AgeSexRow> {
    let mut rows: Vec<AgeSexRow> = AgeBand::ALL
        .iter()
        .filter(|&&b| b != AgeBand::Unborn)
        .map(|&band| AgeSexRow {
            band,
            male: 0,
            female: 0,
            unknown: 0,
        })
        .collect();
    for c in contributions {
        let child = child_of(ctx, c);
        let band = AgeBand::of(child.and_then(|ch| ch.date_of_birth), on);
        let Some(row) = rows.iter_mut().find(|r| r.band == band) else {
            continue;
        };
        match child.map(|ch| ch.sex) {
            Some(Sex::Male) => row.male += 1,
            Some(Sex::Female) => row.female += 1,
            _ => row.unknown += 1,
        }
    }
    rows
}

/// Legal status of the episode behind each contribution.
fn legal_status(ctx: &Context, contributions: &[Contribution]) -> Vec<(LegalGroup, u64)> {
    tally(
        &LegalGroup::ALL,
        contributions
            .iter()
            .filter_map(|c| ctx.episode_of_record(c.record))
            .map(|e| LegalGroup::of(e.legal_status)),
    )
}

/// Placement of the episode behind each contribution.
fn placements(ctx: &Context, contributions: &[Contribution]) -> Vec<(PlacementGroup, u64)> {
    tally(
        &PlacementGroup::ALL,
        contributions
            .iter()
            .filter_map(|c| ctx.episode_of_record(c.record))
            .map(|e| PlacementGroup::of(e.placement)),
    )
}

#[cfg(test)]
mod tests;
