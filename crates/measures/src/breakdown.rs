//! Breakdowns: one figure split by team, locality, worker, age band, sex, ethnicity, legal status,
//! placement type or case type, by grouping the contributions behind it.
//!
//! # Attribution rules
//!
//! Each contribution goes to exactly one group, so the groups' numerators and denominators add up
//! to the figure's. A contribution is attributed on its **attribution date**: the record's own
//! date ([`Context::record_date`]: the referral date, the assessment's authorisation, the
//! episode's start...) when that falls in the period, otherwise the period end. So an event is
//! attributed as things stood when it happened, and a snapshot as things stood at the period end.
//!
//! - **Age band**, **sex**, **ethnicity**: the child's, age on the period end (the DfE's age at 31
//!   March). No child: `Unknown`.
//! - **Locality**: the child's home locality (`Child::locality`). No locality: `Unknown`.
//! - **Worker**: the contribution's worker (workforce indicators); else the worker allocated to the
//!   child on the attribution date, or failing that the last worker allocated before it (who did
//!   the work on a case since closed). None: `Unallocated`.
//! - **Team**: the team of that worker; else (no allocation) the team holding the referral when
//!   the record is a referral. None: `Unallocated`.
//! - **Legal status**, **placement type**: those of the record itself when it is a looked-after
//!   episode, else of the child's looked-after episode open on the attribution date. None:
//!   `Not looked after`.
//! - **Case type**: [`Context::case_type_at`] on the attribution date (CLA, then CP, then CIN,
//!   then other).
//!
//! # Values
//!
//! Counts, percentages, days and averages are computed per group as for the whole figure. Rates
//! per 10,000 are not: the population of a team or an age band is not known, so a group's `value`
//! is `None` and its `numerator` is the count.

use crate::context::{AgeBand, CaseType, Context, FastHash, RecordKind, Status};
use crate::engine::{Measurement, reported_denominator, value_of};
use crate::indicator::{Contribution, Dimension, Unit};
use sightline_model::NaiveDate;
use sightline_model::codes::{Ethnicity, LegalStatus, PlacementType, Sex};
use sightline_model::records::ClaEpisode;
use std::collections::HashMap;

/// One group's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The group's value (see the module doc).
    pub value: Option<f64>,
    /// Sum of the group's numerators.
    pub numerator: f64,
    /// Sum of the group's denominators (ratios), or `None` (counts and rates).
    pub denominator: Option<f64>,
    /// Number of contributions in the group.
    pub contributions: usize,
}

/// Every dimension, in display order.
pub const DIMENSIONS: [Dimension; 9] = [
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

/// Stable machine name of a dimension.
pub fn dimension_name(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Team => "team",
        Dimension::Locality => "locality",
        Dimension::Worker => "worker",
        Dimension::AgeBand => "age_band",
        Dimension::Sex => "sex",
        Dimension::Ethnicity => "ethnicity",
        Dimension::LegalStatus => "legal_status",
        Dimension::PlacementType => "placement_type",
        Dimension::CaseType => "case_type",
    }
}

/// A group: a small number within its dimension, or none (unknown, unallocated...).
type Key = Option<u32>;

/// Numerator, denominator and contributions of one group.
type Sums = (f64, f64, usize);

/// Splits a measurement by a dimension: `(label, figure)` per group, in a stable order (enum
/// order for bands and codes, label order for teams, workers and localities; the "none" group last).
pub fn breakdown(
    ctx: &Context,
    measurement: &Measurement,
    dimension: Dimension,
) -> Vec<(String, Figure)> {
    breakdowns(ctx, measurement, &[dimension])
        .pop()
        .unwrap_or_default()
}

/// [`breakdown`] by several dimensions in one pass over the contributions (the attribution date,
/// allocation and looked-after episode of each contribution are looked up once for all of them).
pub fn breakdowns(
    ctx: &Context,
    measurement: &Measurement,
    dimensions: &[Dimension],
) -> Vec<Vec<(String, Figure)>> {
    let mut groups: Vec<Groups> = dimensions.iter().map(|&d| Groups::new(ctx, d)).collect();
    let mut attributor = Attributor::new(ctx, measurement);
    for c in measurement.contributions.iter() {
        let mut one = attributor.contribution(c);
        for (dimension, g) in dimensions.iter().zip(groups.iter_mut()) {
            g.add(one.key(*dimension), c);
        }
    }
    dimensions
        .iter()
        .zip(groups)
        .map(|(&dimension, g)| figures(ctx, measurement, dimension, g.into_groups()))
        .collect()
}

/// Sums per group: a dense table when the dimension has few groups (bands, codes, teams,
/// localities: most of the work), a hash map otherwise (workers of a large council).
enum Groups {
    Dense(Vec<Sums>, Sums),
    Sparse(HashMap<Key, Sums, FastHash>),
}

/// Dimensions with at most this many groups are summed in a dense table.
const DENSE_LIMIT: usize = 4096;

impl Groups {
    fn new(ctx: &Context, dimension: Dimension) -> Groups {
        let size = match dimension {
            Dimension::AgeBand => AgeBand::ALL.len(),
            Dimension::Sex => Sex::ALL.len(),
            Dimension::Ethnicity => Ethnicity::ALL.len(),
            Dimension::LegalStatus => LegalStatus::ALL.len(),
            Dimension::PlacementType => PlacementType::ALL.len(),
            Dimension::CaseType => CaseType::ALL.len(),
            Dimension::Locality => ctx.locality_count(),
            Dimension::Team => ctx.records.teams.len(),
            Dimension::Worker => ctx.records.workers.len(),
        };
        if size <= DENSE_LIMIT {
            Groups::Dense(vec![(0.0, 0.0, 0); size], (0.0, 0.0, 0))
        } else {
            Groups::Sparse(HashMap::default())
        }
    }

    fn add(&mut self, key: Key, c: &Contribution) {
        let sums = match self {
            Groups::Dense(table, none) => match key {
                Some(k) => match table.get_mut(k as usize) {
                    Some(slot) => slot,
                    None => none,
                },
                None => none,
            },
            Groups::Sparse(map) => map.entry(key).or_insert((0.0, 0.0, 0)),
        };
        sums.0 += c.numerator;
        sums.1 += c.denominator;
        sums.2 += 1;
    }

    fn into_groups(self) -> Vec<(Key, Sums)> {
        match self {
            Groups::Sparse(map) => map.into_iter().collect(),
            Groups::Dense(table, none) => {
                let some = table
                    .into_iter()
                    .enumerate()
                    .map(|(k, sums)| (Some(k as u32), sums));
                some.chain(std::iter::once((None, none)))
                    .filter(|(_, sums)| sums.2 > 0)
                    .collect()
            }
        }
    }
}

fn figures(
    ctx: &Context,
    m: &Measurement,
    dimension: Dimension,
    groups: Vec<(Key, Sums)>,
) -> Vec<(String, Figure)> {
    let unit = m.unit;
    let is_rate = matches!(unit, Unit::AnnualRatePer10k | Unit::RatePer10k);
    let mut out: Vec<(Key, String, Figure)> = groups
        .into_iter()
        .map(|(key, (numerator, denominator, contributions))| {
            let figure = Figure {
                value: if is_rate {
                    None
                } else {
                    value_of(unit, numerator, denominator, m.period, ctx.population)
                },
                numerator,
                denominator: if is_rate {
                    None
                } else {
                    reported_denominator(unit, denominator, ctx.population)
                },
                contributions,
            };
            (key, label_of(ctx, dimension, key), figure)
        })
        .collect();
    let by_label = matches!(
        dimension,
        Dimension::Team | Dimension::Worker | Dimension::Locality
    );
    out.sort_by(|a, b| {
        let none_last = a.0.is_none().cmp(&b.0.is_none());
        let within = if by_label {
            a.1.cmp(&b.1)
        } else {
            a.0.cmp(&b.0)
        };
        none_last.then(within).then_with(|| a.1.cmp(&b.1))
    });
    out.into_iter()
        .map(|(_, label, figure)| (label, figure))
        .collect()
}

/// The date a contribution is attributed on (see the module doc).
pub fn attribution_date(ctx: &Context, measurement: &Measurement, c: &Contribution) -> NaiveDate {
    let period = measurement.period;
    ctx.record_date(c.record)
        .filter(|&date| period.contains(date))
        .unwrap_or_else(|| period.end())
}

/// What stays the same for every contribution of a measurement: the period's dates, and the last
/// record kind resolved (contributions come in runs of one kind).
struct Attributor<'c, 'a> {
    ctx: &'c Context<'a>,
    start: NaiveDate,
    end: NaiveDate,
    last_kind: Option<(&'static str, RecordKind)>,
}

/// One contribution's attributes, each looked up on first use.
struct One<'c, 'a, 'x> {
    ctx: &'c Context<'a>,
    c: &'x Contribution,
    kind: RecordKind,
    start: NaiveDate,
    end: NaiveDate,
    date: Option<NaiveDate>,
    worker: Option<Key>,
    status: Option<Option<Status>>,
}

impl<'c, 'a> Attributor<'c, 'a> {
    fn new(ctx: &'c Context<'a>, m: &Measurement) -> Self {
        Attributor {
            ctx,
            start: m.period.start(),
            end: m.period.end(),
            last_kind: None,
        }
    }

    fn contribution<'x>(&mut self, c: &'x Contribution) -> One<'c, 'a, 'x> {
        let kind = match self.last_kind {
            Some((label, kind)) if std::ptr::eq(label, c.record.kind) || label == c.record.kind => {
                kind
            }
            _ => {
                let kind = RecordKind::of(c.record.kind);
                self.last_kind = Some((c.record.kind, kind));
                kind
            }
        };
        One {
            ctx: self.ctx,
            c,
            kind,
            start: self.start,
            end: self.end,
            date: None,
            worker: None,
            status: None,
        }
    }
}

impl<'a> One<'_, 'a, '_> {
    /// The attribution date (see the module doc), looked up on first use.
    fn date(&mut self) -> NaiveDate {
        if let Some(date) = self.date {
            return date;
        }
        let date = self
            .ctx
            .record_date_of(self.kind, self.c.record.index)
            .filter(|&date| self.start <= date && date <= self.end)
            .unwrap_or(self.end);
        self.date = Some(date);
        date
    }

    fn key(&mut self, dimension: Dimension) -> Key {
        let ctx = self.ctx;
        let child = self.c.child;
        let attributes = child.and_then(|i| ctx.attributes(i));
        match dimension {
            Dimension::AgeBand => Some(match attributes {
                Some(a) => AgeBand::of(a.born, self.end) as u32,
                None => AgeBand::Unknown as u32,
            }),
            Dimension::Sex => Some(attributes.map_or(Sex::Unknown as u32, |a| u32::from(a.sex))),
            Dimension::Ethnicity => attributes.map(|a| u32::from(a.ethnicity)),
            Dimension::Locality => attributes.map(|a| a.locality).filter(|&l| l != u32::MAX),
            Dimension::Worker => self.worker(),
            Dimension::Team => self.team(),
            Dimension::LegalStatus => self.episode().map(|e| e.legal_status as u32),
            Dimension::PlacementType => self.episode().map(|e| e.placement as u32),
            Dimension::CaseType => {
                Some(self.status().map_or(CaseType::Other, |s| s.case_type) as u32)
            }
        }
    }

    fn worker(&mut self) -> Key {
        if let Some(worker) = self.worker {
            return worker;
        }
        let worker = self.c.worker.or_else(|| {
            let allocation = self.status()?.allocation?;
            self.ctx.allocation_worker(allocation)
        });
        self.worker = Some(worker);
        worker
    }

    fn team(&mut self) -> Key {
        if let Some(w) = self.worker() {
            return self.ctx.worker_team(w);
        }
        if self.kind == RecordKind::Referrals {
            let referral = self
                .ctx
                .records
                .referrals
                .get(self.c.record.index as usize)?;
            return self.ctx.team(referral.team.as_ref()?);
        }
        None
    }

    /// The record itself when it is a looked-after episode, else the episode open on the date.
    fn episode(&mut self) -> Option<&'a ClaEpisode> {
        if self.kind == RecordKind::ClaEpisodes {
            return self.ctx.episode(self.c.record.index);
        }
        self.open()
    }

    /// The child's looked-after episode open on the attribution date.
    fn open(&mut self) -> Option<&'a ClaEpisode> {
        let i = self.status()?.open_episode?;
        self.ctx.episode(i)
    }

    /// The child's status on the attribution date, looked up on first use.
    fn status(&mut self) -> Option<Status> {
        if let Some(status) = self.status {
            return status;
        }
        let date = self.date();
        let status = self.c.child.map(|child| self.ctx.status_at(child, date));
        self.status = Some(status);
        status
    }
}

fn label_of(ctx: &Context, dimension: Dimension, key: Key) -> String {
    let none = match dimension {
        Dimension::Worker | Dimension::Team => "Unallocated",
        Dimension::LegalStatus | Dimension::PlacementType => "Not looked after",
        _ => "Unknown",
    };
    let Some(k) = key else {
        return none.to_owned();
    };
    let i = k as usize;
    let label = match dimension {
        Dimension::AgeBand => AgeBand::ALL.get(i).map(|b| b.label().to_owned()),
        Dimension::Sex => Sex::ALL.get(i).map(|s| s.description().to_owned()),
        Dimension::Ethnicity => Ethnicity::ALL
            .get(i)
            .map(|e| format!("{} ({})", e.code(), e.description())),
        Dimension::Locality => ctx.locality_name(k).map(|l| l.0.clone()),
        Dimension::Worker => ctx.records.workers.get(i).map(|w| w.id.to_string()),
        Dimension::Team => ctx.records.teams.get(i).map(|t| t.name.clone()),
        Dimension::LegalStatus => LegalStatus::ALL
            .get(i)
            .map(|s| format!("{} ({})", s.code(), s.description())),
        Dimension::PlacementType => PlacementType::ALL
            .get(i)
            .map(|p| format!("{} ({})", p.code(), p.description())),
        Dimension::CaseType => CaseType::ALL.get(i).map(|t| t.label().to_owned()),
    };
    label.unwrap_or_else(|| none.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use crate::indicators::find;
    use crate::testkit::*;
    use sightline_model::codes::{LegalStatus, PlacementType, ReasonEpisodeCeased};

    /// Three children: C1 (girl, 7, North, CLA C2 foster, SW1 of team A), C2 (boy, 16, South, on a
    /// CP plan, SW2 of team B), C3 (no details, unallocated).
    fn dataset() -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1")
            .born(d(2018, 1, 1))
            .female()
            .locality("North");
        ds.child("C2").born(d(2009, 1, 1)).male().locality("South");
        ds.child("C3");
        ds.team("A").name("Team A");
        ds.team("B").name("Team B");
        ds.worker("SW1", "A");
        ds.worker("SW2", "B");
        ds.allocation("L1", "C1", "SW1", d(2024, 1, 1));
        ds.allocation("L2", "C2", "SW2", d(2024, 1, 1))
            .ended(d(2025, 1, 20));
        ds.episode("E1", "C1", d(2024, 6, 1));
        ds.cp_plan("P1", "C2", d(2024, 12, 1));
        for (i, child) in ["C1", "C2", "C3", "C1"].iter().enumerate() {
            ds.referral(&format!("R{i}"), child, d(2025, 1, 10 + i as u32));
        }
        ds
    }

    fn labels(groups: &[(String, Figure)]) -> Vec<(&str, f64)> {
        groups
            .iter()
            .map(|(l, f)| (l.as_str(), f.numerator))
            .collect()
    }

    #[test]
    fn every_dimension_splits_the_total() {
        let ds = dataset();
        let ctx = ds.context();
        let referrals = find("referrals").unwrap();
        let m = compute(&ctx, referrals, &[month(2025, 1)]);
        for dimension in DIMENSIONS {
            let groups = breakdown(&ctx, &m[0], dimension);
            let sum: f64 = groups.iter().map(|(_, f)| f.numerator).sum();
            assert_eq!(sum, m[0].numerator, "{dimension:?}");
            let values: f64 = groups.iter().filter_map(|(_, f)| f.value).sum();
            assert_eq!(
                values,
                m[0].value.unwrap(),
                "counts are additive: {dimension:?}"
            );
        }
        // Referrals R1 (C2, 11 Jan) is before C2's allocation ended on 20 January: SW2.
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::Worker)),
            [("SW1", 2.0), ("SW2", 1.0), ("Unallocated", 1.0)]
        );
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::Team)),
            [("Team A", 2.0), ("Team B", 1.0), ("Unallocated", 1.0)]
        );
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::Locality)),
            [("North", 2.0), ("South", 1.0), ("Unknown", 1.0)]
        );
        // Ages on 31 January 2025: C1 is 7, C2 is 16.
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::AgeBand)),
            [("5-9", 2.0), ("16-17", 1.0), ("Unknown", 1.0)]
        );
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::Sex)),
            [("Male", 1.0), ("Female", 2.0), ("Unknown", 1.0)]
        );
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::CaseType)),
            [("CLA", 2.0), ("CP", 1.0), ("CIN", 1.0)]
        );
        assert_eq!(
            labels(&breakdown(&ctx, &m[0], Dimension::LegalStatus)),
            [("C2 (Full care order)", 2.0), ("Not looked after", 2.0)]
        );
    }

    #[test]
    fn snapshot_records_use_their_own_episode_and_rates_give_counts() {
        let mut ds = dataset();
        ds.child("C4");
        ds.episode("E2", "C4", d(2024, 1, 1))
            .ended(d(2025, 1, 5), ReasonEpisodeCeased::X1);
        ds.episode("E3", "C4", d(2025, 1, 5))
            .legal_status(LegalStatus::C1)
            .placement(PlacementType::P1);
        let ctx = ds.context();
        let m = compute(&ctx, find("cla_rate_10k").unwrap(), &[month(2025, 1)]);
        let groups = breakdown(&ctx, &m[0], Dimension::PlacementType);
        assert_eq!(
            labels(&groups),
            [
                (
                    "P1 (Placed with own parent(s) or others with parental responsibility)",
                    1.0
                ),
                (
                    "U4 (Foster placement with other carer - long-term fostering)",
                    1.0
                )
            ]
        );
        assert!(
            groups
                .iter()
                .all(|(_, f)| f.value.is_none() && f.denominator.is_none())
        );
    }

    #[test]
    fn percentages_are_computed_per_group() {
        let ds = dataset();
        let ctx = ds.context();
        let m = compute(
            &ctx,
            find("cla_placed_with_parents_pct").unwrap(),
            &[month(2025, 1)],
        );
        let groups = breakdown(&ctx, &m[0], Dimension::Sex);
        assert_eq!(groups.len(), 1);
        assert_eq!(
            groups[0].1,
            Figure {
                value: Some(0.0),
                numerator: 0.0,
                denominator: Some(1.0),
                contributions: 1
            }
        );
    }
}
