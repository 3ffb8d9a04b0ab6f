//! Public benchmarks for the plan's indicators: the council's own published figure, the
//! statistical-neighbour average, its region and England, each with the year it refers to.
//!
//! The figures come from a curated copy of DfE's Local Authority Interactive Tool (LAIT) data and
//! DfE's statistical neighbour groupings, embedded in the binary (`crates/measures/data/`, with
//! provenance in its README): nothing is fetched at run time. [`mapping`] says which LAIT measure
//! benchmarks which indicator id.
//!
//! Conventions, as LAIT's own:
//! - area numbers: LAs by their 3-digit DfE number, England `970`, regions `980`-`990`. A London
//!   borough is compared with Inner (`987`) or Outer (`988`) London, or with London (`986`) when
//!   a measure has no Inner/Outer figures (LAIT `clean_ldn_region`).
//! - statistical-neighbour average: the unweighted mean of the neighbours' published values for
//!   one year, skipping neighbours whose value is suppressed (`-`) or absent. [`Benchmarks`]
//!   says how many neighbours were used.
//! - "latest": each comparator separately takes its own latest year with a value, so the
//!   council's figure can be older than England's when the council's is suppressed.
//!
//! Population: rates per 10,000 use the ONS mid-year estimate of children aged 0-17. DfE uses the
//! mid-(Y-1) estimate for the year ending 31 March Y: [`population_for_dfe_year`].

mod data;
pub mod mapping;

pub use data::EmbeddedDataError;
pub use mapping::{BenchmarkMapping, MAPPINGS, NO_BENCHMARK, Transform, YearBasis};

use sightline_model::ids::LaCode;

/// The council in the seed plan, used when the configuration names none: Kirklees (382).
pub const DEFAULT_COUNCIL: LaCode = LaCode(382);

/// LAIT's area number for England.
pub const ENGLAND: u16 = 970;

/// LAIT's area number for London as a whole (a fallback for Inner/Outer London).
pub const LONDON: u16 = 986;

/// Which DfE statistical neighbour groupings to use. Only a handful of LAs have the same
/// neighbours in both, so a report should fix one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SnVersion {
    /// The groupings published May 2025 (in LAIT from 28 May 2025). The default.
    #[default]
    May2025,
    /// The April 2021 groupings (local government reorganisation version).
    April2021,
}

impl SnVersion {
    /// Stable machine name: `may-2025` or `april-2021` (the value used in configuration).
    pub fn name(self) -> &'static str {
        match self {
            SnVersion::May2025 => "may-2025",
            SnVersion::April2021 => "april-2021",
        }
    }

    /// Label for reports.
    pub fn label(self) -> &'static str {
        match self {
            SnVersion::May2025 => "DfE statistical neighbours (May 2025)",
            SnVersion::April2021 => "DfE statistical neighbours (April 2021)",
        }
    }

    /// Parses a machine name.
    pub fn parse(text: &str) -> Option<SnVersion> {
        match text.trim() {
            "may-2025" => Some(SnVersion::May2025),
            "april-2021" => Some(SnVersion::April2021),
            _ => None,
        }
    }
}

/// An area of LAIT's data: England, a region or an LA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// England (`970`).
    England,
    /// A region by LAIT number (`980`-`990`).
    Region(u16),
    /// A local authority.
    La(LaCode),
}

impl Area {
    /// LAIT's area number.
    pub fn lait_number(self) -> u16 {
        match self {
            Area::England => ENGLAND,
            Area::Region(n) => n,
            Area::La(la) => la.0,
        }
    }
}

/// A council: its names and codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilInfo {
    /// DfE LA number.
    pub la: LaCode,
    /// Name as LAIT gives it.
    pub name: String,
    /// ONS code of the LA (E06/E08/E09/E10), from the latest ONS estimate that has the LA.
    pub ons_code: String,
    /// ONS region code (E12...); London boroughs are `E12000007`.
    pub region_code: String,
    /// ONS region name, e.g. `Yorkshire and The Humber`.
    pub region_name: String,
    /// The LAIT area a benchmark's "region" figure is taken from (`982`; `987`/`988` in London).
    pub benchmark_region: u16,
    /// LAIT's name of that area, e.g. `Yorkshire and the Humber` or `London (Inner)`.
    pub benchmark_region_name: String,
}

/// One statistical neighbour of a council.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbour {
    /// The neighbour.
    pub la: LaCode,
    /// Rank 1 (closest) to 10.
    pub rank: u8,
    /// DfE's closeness band as published, e.g. `Very close`.
    pub closeness: String,
}

/// A published figure and the year it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Valued {
    /// The value, in our indicator's unit (after the mapping's transform).
    pub value: f64,
    /// DfE year ending (31 March `year`; 30 September `year` for workforce measures).
    pub year: i32,
    /// The year as a report shows it: `2024-25`, `at 31 March 2025` or `at 30 September 2025`.
    pub label: String,
}

/// The comparators of one indicator for one council.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmarks {
    /// The mapping row used (LAIT measure, transform, caveats).
    pub mapping: &'static BenchmarkMapping,
    /// Statistical-neighbour groupings used.
    pub sn_version: SnVersion,
    /// Unweighted mean of the neighbours' values.
    pub sn_average: Option<Valued>,
    /// How many neighbours had a value in `sn_average`'s year (0 when there is no average).
    pub sn_used: usize,
    /// How many neighbours the council has in `sn_version` (10, or 0 for an unknown LA).
    pub sn_size: usize,
    /// England.
    pub england: Option<Valued>,
    /// The council's region (see [`CouncilInfo::benchmark_region`]).
    pub region: Option<Valued>,
    /// LAIT's name of the region compared with, empty when the council is unknown.
    pub region_name: String,
    /// The council's own published figure.
    pub council: Option<Valued>,
}

/// The council with DfE LA number `la`, if it is (or was) an English children's services LA.
pub fn council(la: LaCode) -> Option<CouncilInfo> {
    let data = data::load().as_ref().ok()?;
    let row = data.las.get(&la.0)?;
    Some(CouncilInfo {
        la,
        name: row.name.clone(),
        ons_code: row.ons_code.clone(),
        region_code: row.region_code.clone(),
        region_name: row.region_name.clone(),
        benchmark_region: row.lait_region,
        benchmark_region_name: row.lait_region_name.clone(),
    })
}

/// Every council in the lookup, as (DfE LA number, ONS code).
pub fn council_codes() -> Vec<(LaCode, String)> {
    let Some(data) = data::load().as_ref().ok() else {
        return Vec::new();
    };
    data.las
        .iter()
        .map(|(code, row)| (LaCode(*code), row.ons_code.clone()))
        .collect()
}

/// The DfE LA number of the authority with ONS code `ons` (e.g. `E08000034` gives 382).
pub fn dfe_code_for_ons(ons: &str) -> Option<LaCode> {
    let data = data::load().as_ref().ok()?;
    data.las
        .iter()
        .find(|(_, row)| row.ons_code.eq_ignore_ascii_case(ons.trim()))
        .map(|(code, _)| LaCode(*code))
}

/// ONS mid-`mid_year` estimate of the LA's children aged 0-17 (mid-2012 to mid-2024 shipped).
pub fn population_0_17(la: LaCode, mid_year: i32) -> Option<u64> {
    let data = data::load().as_ref().ok()?;
    data.population.get(&(la.0, mid_year)).copied()
}

/// The population DfE divides by for the year ending 31 March `year_ending`: mid-(`year_ending` - 1).
pub fn population_for_dfe_year(la: LaCode, year_ending: i32) -> Option<u64> {
    population_0_17(la, year_ending - 1)
}

/// The council's 10 statistical neighbours, closest first (empty for an unknown LA, and for
/// Cumberland and Westmorland & Furness in the April 2021 groupings, which predate them).
pub fn statistical_neighbours(la: LaCode, sn: SnVersion) -> Vec<LaCode> {
    neighbours(la, sn).into_iter().map(|n| n.la).collect()
}

/// As [`statistical_neighbours`], with rank and closeness band.
pub fn neighbours(la: LaCode, sn: SnVersion) -> Vec<Neighbour> {
    let Ok(data) = data::load() else {
        return Vec::new();
    };
    let groups = match sn {
        SnVersion::May2025 => &data.sn_may_2025,
        SnVersion::April2021 => &data.sn_april_2021,
    };
    groups
        .get(&la.0)
        .map(|rows| {
            rows.iter()
                .map(|n| Neighbour {
                    la: LaCode(n.la),
                    rank: n.rank,
                    closeness: n.closeness.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Each comparator at its own latest published year. `None` when the indicator has no mapping.
pub fn benchmarks(indicator_id: &str, la: LaCode, sn: SnVersion) -> Option<Benchmarks> {
    compare(indicator_id, la, sn, None)
}

/// Each comparator for published year `year` only (DfE year ending; see [`Valued::year`]).
/// `None` when the indicator has no mapping.
pub fn benchmarks_for_year(
    indicator_id: &str,
    la: LaCode,
    sn: SnVersion,
    year: i32,
) -> Option<Benchmarks> {
    compare(indicator_id, la, sn, Some(year))
}

/// Every published value of an indicator for one area, oldest first (for trend charts).
pub fn published_series(indicator_id: &str, area: Area) -> Vec<Valued> {
    let (Some(mapping), Ok(data)) = (mapping::mapping(indicator_id), data::load()) else {
        return Vec::new();
    };
    data.years
        .iter()
        .filter_map(|&year| {
            let value = data.value(mapping.lait_measure, area.lait_number(), year)?;
            Some(valued(mapping, year, value))
        })
        .collect()
}

/// Checks that the embedded data parsed (for a start-up or `doctor` check).
pub fn check_embedded_data() -> Result<(), EmbeddedDataError> {
    data::load().as_ref().map(|_| ()).map_err(Clone::clone)
}

fn compare(indicator_id: &str, la: LaCode, sn: SnVersion, year: Option<i32>) -> Option<Benchmarks> {
    let mapping = mapping::mapping(indicator_id)?;
    let data = data::load().as_ref().ok()?;
    let pick = |area: u16| match year {
        Some(year) => data
            .value(mapping.lait_measure, area, year)
            .map(|v| valued(mapping, year, v)),
        None => latest(data, mapping, area),
    };
    let neighbours = statistical_neighbours(la, sn);
    let (sn_average, sn_used) = match sn_average(data, mapping, &neighbours, year) {
        Some((average, used)) => (Some(average), used),
        None => (None, 0),
    };
    let (region, region_name) = match benchmark_region(data, mapping, la) {
        Some((area, name)) => (pick(area), name),
        None => (None, String::new()),
    };
    Some(Benchmarks {
        mapping,
        sn_version: sn,
        sn_average,
        sn_used,
        sn_size: neighbours.len(),
        england: pick(ENGLAND),
        region,
        region_name,
        council: pick(la.0),
    })
}

fn valued(mapping: &BenchmarkMapping, year: i32, published: f64) -> Valued {
    Valued {
        value: mapping.transform.apply(published),
        year,
        label: mapping.year_basis.label(year),
    }
}

/// The latest year with a value for `area`.
fn latest(data: &data::Data, mapping: &BenchmarkMapping, area: u16) -> Option<Valued> {
    let series = data.series(mapping.lait_measure, area)?;
    data.years
        .iter()
        .zip(series)
        .rev()
        .find_map(|(&year, value)| value.map(|v| valued(mapping, year, v)))
}

/// The region area (and its LAIT name) to compare `la` with: London falls back to 986 when the
/// measure has no Inner/Outer London figures, as LAIT does.
fn benchmark_region(
    data: &data::Data,
    mapping: &BenchmarkMapping,
    la: LaCode,
) -> Option<(u16, String)> {
    let row = data.las.get(&la.0)?;
    let has_values = data
        .series(mapping.lait_measure, row.lait_region)
        .is_some_and(|s| s.iter().any(Option::is_some));
    let london_part = matches!(row.lait_region, 987 | 988);
    if london_part && !has_values {
        Some((LONDON, "London".to_owned()))
    } else {
        Some((row.lait_region, row.lait_region_name.clone()))
    }
}

/// The neighbours' mean for `year`, or for the latest year in which any neighbour has a value,
/// with the number of neighbours that had one.
fn sn_average(
    data: &data::Data,
    mapping: &BenchmarkMapping,
    neighbours: &[LaCode],
    year: Option<i32>,
) -> Option<(Valued, usize)> {
    let mean_for = |year: i32| {
        let values: Vec<f64> = neighbours
            .iter()
            .filter_map(|n| data.value(mapping.lait_measure, n.0, year))
            .collect();
        let used = values.len();
        (used > 0).then(|| (values.iter().sum::<f64>() / used as f64, used))
    };
    let (year, (mean, used)) = match year {
        Some(year) => (year, mean_for(year)?),
        None => data
            .years
            .iter()
            .rev()
            .find_map(|&year| mean_for(year).map(|m| (year, m)))?,
    };
    Some((valued(mapping, year, mean), used))
}

#[cfg(test)]
mod tests;
