//! Targets and stretch targets per indicator and period, read from a TOML file, plus the council
//! the benchmarks are for and an optional population override.
//!
//! # Format
//!
//! ```toml
//! la_code = "382"                       # DfE LA number; default 382 (Kirklees, the seed plan)
//! population = 99822                    # optional: children aged 0-17 for rates, instead of ONS
//! statistical_neighbours = "may-2025"   # or "april-2021"; default "may-2025"
//! tolerance_percent = 5.0               # default tolerance of every target (or tolerance_points)
//!
//! [[target]]
//! indicator = "rereferrals_12m_pct"     # indicator id
//! from = "2019-04"                      # first month the target applies to (optional: always)
//! to = "2020-03"                        # last month, inclusive (optional: open-ended)
//! target = 24.6                         # green when met (by polarity)
//! stretch = 22.1                        # optional; blue when met
//! tolerance_points = 1.0                # optional, this target only: amber band in the unit
//! # tolerance_percent = 5.0             #   ... or as a % of the target (not both)
//! polarity = "low"                      # optional: overrides the indicator's own polarity
//! note = "the plan's wording"           # optional, shown in reports
//! ```
//!
//! Each `[[target]]` needs `indicator` and at least one of `target` / `stretch`. When only a
//! stretch is given it is the bar for green (the seed plan puts its single "goal" values in
//! either column). An indicator may have several targets for different periods, which must not
//! overlap. Unknown keys are errors, so a misspelt key never silently drops a target.
//!
//! # Tolerance
//!
//! The amber band below (or, for low-is-good, above) the target. `tolerance_points` is absolute,
//! in the indicator's own unit (percentage points for a percentage); `tolerance_percent` is a
//! percentage of the target. The default is **5% of the target**, the same step the seed plan
//! uses for its own goals ("latest + 5%"). See [`crate::rag`].
//!
//! Indicator ids are not checked against the catalogue while parsing (the catalogue lives
//! elsewhere); call [`TargetsConfig::check_indicator_ids`] once it is known.

use crate::benchmarks::{self, DEFAULT_COUNCIL, SnVersion};
use crate::indicator::Polarity;
use crate::period::{Month, Period};
use serde::Deserialize;
use serde::de::{self, Deserializer};
use sightline_model::ids::LaCode;
use std::fmt;
use toml::Spanned;

/// The indicator ids the benchmarks-and-targets issue fixed. A targets file may also use any id
/// in [`crate::benchmarks::MAPPINGS`].
pub const PLAN_INDICATOR_IDS: &[&str] = &[
    "contacts",
    "referrals",
    "referrals_rate_10k",
    "rereferrals_12m_pct",
    "assessments",
    "assessments_45wd_pct",
    "s47_enquiries",
    "icpc",
    "icpc_15wd_pct",
    "cp_plans",
    "cla_count",
    "cla_rate_10k",
    "cla_placed_with_parents_pct",
    "cla_reviews_in_time_pct",
    "care_leavers_in_touch_pct",
    "care_leavers_suitable_accommodation_pct",
    "care_leavers_eet_pct",
    "cla_placed_over_20_miles_pct",
    "missing_episodes",
    "rhi_within_72h_pct",
    "average_caseload",
];

// The seed plan's 2019/20 targets live in the plan file (`plans/kirklees-2019-20.toml`, crate
// `sightline-plan`), the single source of those numbers: `sightline_plan::targets_config`
// turns a plan into a `TargetsConfig`.

/// How far a value may miss its target and still be amber.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tolerance {
    /// An absolute amount in the indicator's unit (percentage points for a percentage).
    Points(f64),
    /// A percentage of the target value.
    Percent(f64),
}

impl Tolerance {
    /// The default: 5% of the target.
    pub const DEFAULT: Tolerance = Tolerance::Percent(5.0);

    /// The allowance in the indicator's unit for `target`.
    pub fn allowance(self, target: f64) -> f64 {
        match self {
            Tolerance::Points(points) => points,
            Tolerance::Percent(percent) => target.abs() * percent / 100.0,
        }
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::Points(points) => write!(f, "{points} points"),
            Tolerance::Percent(percent) => write!(f, "{percent}% of target"),
        }
    }
}

/// One indicator's target for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Indicator id.
    pub indicator: String,
    /// First month it applies to (`None`: from the beginning).
    pub from: Option<Month>,
    /// Last month it applies to, inclusive (`None`: open-ended).
    pub to: Option<Month>,
    /// The target: green when met.
    pub target: Option<f64>,
    /// The stretch target: blue when met.
    pub stretch: Option<f64>,
    /// Amber band.
    pub tolerance: Tolerance,
    /// Overrides the indicator's own polarity when set.
    pub polarity: Option<Polarity>,
    /// Free text for reports (e.g. the plan's wording).
    pub note: Option<String>,
    /// Line of the target's `indicator` key in the file, for messages.
    pub line: usize,
}

impl Target {
    /// Whether the target applies to `month`.
    pub fn applies_to(&self, month: Month) -> bool {
        self.from.is_none_or(|from| from <= month) && self.to.is_none_or(|to| month <= to)
    }

    /// The value a figure must meet to be green: the target, or the stretch when only that is set.
    pub fn bar(&self) -> Option<f64> {
        self.target.or(self.stretch)
    }

    /// The polarity to judge by: this target's override, else the indicator's.
    pub fn polarity_or(&self, indicator_polarity: Polarity) -> Polarity {
        self.polarity.unwrap_or(indicator_polarity)
    }
}

/// A parsed targets file.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetsConfig {
    /// The council benchmarks are shown for.
    pub la_code: LaCode,
    /// Children aged 0-17 to use for rates instead of the ONS estimate.
    pub population: Option<u64>,
    /// Statistical-neighbour groupings.
    pub statistical_neighbours: SnVersion,
    /// Tolerance of targets that set none.
    pub tolerance: Tolerance,
    /// The targets, in file order.
    pub targets: Vec<Target>,
}

impl Default for TargetsConfig {
    fn default() -> Self {
        TargetsConfig {
            la_code: DEFAULT_COUNCIL,
            population: None,
            statistical_neighbours: SnVersion::default(),
            tolerance: Tolerance::DEFAULT,
            targets: Vec::new(),
        }
    }
}

impl TargetsConfig {
    /// The target of indicator `id` that applies to `month`.
    pub fn for_indicator(&self, id: &str, month: Month) -> Option<&Target> {
        self.targets
            .iter()
            .find(|t| t.indicator == id && t.applies_to(month))
    }

    /// The target that applies to a period: the one in force in the period's last month.
    pub fn for_period(&self, id: &str, period: Period) -> Option<&Target> {
        self.for_indicator(id, Month::of(period.end()))
    }

    /// The population for rates in the DfE year ending 31 March `year_ending`: the override if
    /// set, else the ONS mid-(`year_ending` - 1) estimate for the council.
    pub fn population_for_dfe_year(&self, year_ending: i32) -> Option<u64> {
        self.population
            .or_else(|| benchmarks::population_for_dfe_year(self.la_code, year_ending))
    }

    /// Every indicator id used by a target.
    pub fn indicator_ids(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().map(|t| t.indicator.as_str())
    }

    /// Errors on the first target whose indicator id `is_known` rejects (pass the catalogue).
    pub fn check_indicator_ids(&self, is_known: impl Fn(&str) -> bool) -> Result<(), TargetsError> {
        match self.targets.iter().find(|t| !is_known(&t.indicator)) {
            Some(t) => Err(invalid(
                t.line,
                &t.indicator,
                "unknown indicator id".to_owned(),
            )),
            None => Ok(()),
        }
    }
}

/// A targets file that cannot be used, with the line to fix.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TargetsError {
    /// Not valid TOML, an unknown key, or a value of the wrong kind.
    #[error("targets line {line}, column {column}{}: {message}", key_part(.key))]
    Toml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The key whose value is wrong, when the error points at a `key = value` line.
        key: Option<String>,
        /// What is wrong (from the TOML parser or our checks).
        message: String,
    },
    /// A well-formed target that makes no sense (no value, periods overlapping, ...).
    #[error("targets line {line}: target for `{indicator}`: {problem}")]
    Invalid {
        /// 1-based line of the target's `indicator` key (or of the offending key).
        line: usize,
        /// Indicator id.
        indicator: String,
        /// What to fix.
        problem: String,
    },
}

fn key_part(key: &Option<String>) -> String {
    key.as_ref()
        .map(|k| format!(" (key `{k}`)"))
        .unwrap_or_default()
}

fn invalid(line: usize, indicator: &str, problem: String) -> TargetsError {
    TargetsError::Invalid {
        line,
        indicator: indicator.to_owned(),
        problem,
    }
}

/// Parses a targets file.
pub fn parse_targets(text: &str) -> Result<TargetsConfig, TargetsError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
    let default_tolerance = tolerance(
        raw.tolerance_points.as_ref(),
        raw.tolerance_percent.as_ref(),
        text,
    )?
    .unwrap_or(Tolerance::DEFAULT);
    if let Some(population) = &raw.population
        && *population.get_ref() == 0
    {
        let message = "population must be above 0";
        return Err(value_error(text, population.span(), message));
    }
    let targets = raw
        .target
        .into_iter()
        .map(|t| convert_target(t, text, default_tolerance))
        .collect::<Result<Vec<_>, _>>()?;
    check_overlaps(&targets)?;
    Ok(TargetsConfig {
        la_code: raw.la_code.map_or(DEFAULT_COUNCIL, |c| c.0),
        population: raw.population.map(Spanned::into_inner),
        statistical_neighbours: raw.statistical_neighbours.map(|s| s.0).unwrap_or_default(),
        tolerance: default_tolerance,
        targets,
    })
}

/// Checks one `[[target]]` and turns it into a [`Target`].
fn convert_target(
    t: RawTarget,
    text: &str,
    default_tolerance: Tolerance,
) -> Result<Target, TargetsError> {
    let line = line_of(text, t.indicator.span().start);
    let indicator = t.indicator.into_inner();
    if indicator.trim().is_empty() {
        let problem = "indicator id is empty".to_owned();
        return Err(invalid(line, &indicator, problem));
    }
    for value in [&t.target, &t.stretch].into_iter().flatten() {
        if !value.get_ref().is_finite() {
            return Err(value_error(text, value.span(), "must be a finite number"));
        }
    }
    if t.target.is_none() && t.stretch.is_none() {
        let problem = "set `target` or `stretch` (or leave the target out)".to_owned();
        return Err(invalid(line, &indicator, problem));
    }
    let own_tolerance = tolerance(
        t.tolerance_points.as_ref(),
        t.tolerance_percent.as_ref(),
        text,
    )?;
    let (from, to) = (t.from.map(|m| m.0), t.to.map(|m| m.0));
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        let problem = format!("`from` {from} is after `to` {to}");
        return Err(invalid(line, &indicator, problem));
    }
    Ok(Target {
        indicator,
        from,
        to,
        target: t.target.map(Spanned::into_inner),
        stretch: t.stretch.map(Spanned::into_inner),
        tolerance: own_tolerance.unwrap_or(default_tolerance),
        polarity: t.polarity.map(|p| p.0),
        note: t.note,
        line,
    })
}

/// The tolerance given by at most one of the two keys.
fn tolerance(
    points: Option<&Spanned<f64>>,
    percent: Option<&Spanned<f64>>,
    text: &str,
) -> Result<Option<Tolerance>, TargetsError> {
    let chosen = match (points, percent) {
        (Some(_), Some(percent)) => {
            let message = "set `tolerance_points` or `tolerance_percent`, not both";
            return Err(value_error(text, percent.span(), message));
        }
        (Some(points), None) => Some((points, Tolerance::Points(*points.get_ref()))),
        (None, Some(percent)) => Some((percent, Tolerance::Percent(*percent.get_ref()))),
        (None, None) => None,
    };
    match chosen {
        Some((spanned, _)) if !(spanned.get_ref().is_finite() && *spanned.get_ref() >= 0.0) => {
            Err(value_error(
                text,
                spanned.span(),
                "tolerance must be a number of 0 or more",
            ))
        }
        other => Ok(other.map(|(_, tolerance)| tolerance)),
    }
}

/// Two targets of one indicator must not apply to the same month.
fn check_overlaps(targets: &[Target]) -> Result<(), TargetsError> {
    for (i, a) in targets.iter().enumerate() {
        for b in targets.iter().skip(i + 1) {
            let overlap = a.indicator == b.indicator
                && before_or_same(a.from, b.to)
                && before_or_same(b.from, a.to);
            if overlap {
                let problem = format!("its period overlaps the target on line {}", a.line);
                return Err(invalid(b.line, &b.indicator, problem));
            }
        }
    }
    Ok(())
}

/// `from <= to`, where a missing `from` is the beginning of time and a missing `to` the end.
fn before_or_same(from: Option<Month>, to: Option<Month>) -> bool {
    match (from, to) {
        (Some(from), Some(to)) => from <= to,
        _ => true,
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

fn column_of(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before
        .get(line_start..)
        .map_or(1, |s| s.chars().count() + 1)
}

/// The key of the `key = value` line containing `offset`, if the offset is in the value.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text
        .get(offset..)?
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let line = text.get(line_start..line_end)?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let value_starts_after_key = line_start + key.len() < offset;
    (!key.is_empty() && !key.starts_with('[') && value_starts_after_key).then(|| key.to_owned())
}

fn value_error(text: &str, span: std::ops::Range<usize>, message: &str) -> TargetsError {
    TargetsError::Toml {
        line: line_of(text, span.start),
        column: column_of(text, span.start),
        key: key_at(text, span.start),
        message: message.to_owned(),
    }
}

fn toml_error(text: &str, error: &toml::de::Error) -> TargetsError {
    let start = error.span().map_or(0, |s| s.start);
    TargetsError::Toml {
        line: line_of(text, start),
        column: column_of(text, start),
        key: error.span().and_then(|s| key_at(text, s.start)),
        message: error.message().trim().to_owned(),
    }
}

// The file's shape. Domain types are not `Deserialize` (STYLE.md §3), so these raw structs are
// converted above.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    la_code: Option<RawLaCode>,
    population: Option<Spanned<u64>>,
    statistical_neighbours: Option<RawSn>,
    tolerance_points: Option<Spanned<f64>>,
    tolerance_percent: Option<Spanned<f64>>,
    #[serde(default)]
    target: Vec<RawTarget>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    indicator: Spanned<String>,
    from: Option<RawMonth>,
    to: Option<RawMonth>,
    target: Option<Spanned<f64>>,
    stretch: Option<Spanned<f64>>,
    tolerance_points: Option<Spanned<f64>>,
    tolerance_percent: Option<Spanned<f64>>,
    polarity: Option<RawPolarity>,
    note: Option<String>,
}

/// `"2019-04"`.
struct RawMonth(Month);

impl<'de> Deserialize<'de> for RawMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Month::parse(&text).map(RawMonth).ok_or_else(|| {
            de::Error::custom(format!("expected a month as \"YYYY-MM\", found {text:?}"))
        })
    }
}

/// `"382"` or `382`.
struct RawLaCode(LaCode);

impl<'de> Deserialize<'de> for RawLaCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = RawLaCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a 3-digit DfE LA number such as \"382\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawLaCode, E> {
                text.parse::<LaCode>().map(RawLaCode).map_err(|_| {
                    E::custom(format!("expected a 3-digit DfE LA number, found {text:?}"))
                })
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<RawLaCode, E> {
                match u16::try_from(n) {
                    Ok(n) if (100..=999).contains(&n) => Ok(RawLaCode(LaCode(n))),
                    _ => Err(E::custom(format!(
                        "expected a 3-digit DfE LA number, found {n}"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `"may-2025"` or `"april-2021"`.
struct RawSn(SnVersion);

impl<'de> Deserialize<'de> for RawSn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        SnVersion::parse(&text).map(RawSn).ok_or_else(|| {
            de::Error::custom(format!(
                "expected \"may-2025\" or \"april-2021\", found {text:?}"
            ))
        })
    }
}

/// `"high"`, `"low"` or `"n/a"`.
struct RawPolarity(Polarity);

impl<'de> Deserialize<'de> for RawPolarity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        [Polarity::High, Polarity::Low, Polarity::NotApplicable]
            .into_iter()
            .find(|p| p.name() == text.trim())
            .map(RawPolarity)
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "expected \"high\", \"low\" or \"n/a\", found {text:?}"
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
la_code = "382"
population = 100000
statistical_neighbours = "april-2021"
tolerance_points = 2.0

[[target]]
indicator = "rereferrals_12m_pct"
from = "2019-04"
to = "2020-03"
target = 24.6
stretch = 22.1
polarity = "low"

[[target]]
indicator = "rereferrals_12m_pct"
from = "2020-04"
target = 23
tolerance_percent = 10

[[target]]
indicator = "cla_reviews_in_time_pct"
stretch = 99.0
note = "goal = latest + 5%"
"#;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[track_caller]
    fn check_error(text: &str, expected: &str) {
        assert_eq!(parse_targets(text).unwrap_err().to_string(), expected);
    }

    #[test]
    fn a_good_file_parses() {
        let config = parse_targets(GOOD).unwrap();
        assert_eq!(config.la_code, LaCode(382));
        assert_eq!(config.population, Some(100_000));
        assert_eq!(config.population_for_dfe_year(2025), Some(100_000));
        assert_eq!(config.statistical_neighbours, SnVersion::April2021);
        assert_eq!(config.tolerance, Tolerance::Points(2.0));
        assert_eq!(config.targets.len(), 3);

        let first = config
            .for_indicator("rereferrals_12m_pct", month("2019-04"))
            .unwrap();
        assert_eq!((first.target, first.stretch), (Some(24.6), Some(22.1)));
        assert_eq!(first.polarity, Some(Polarity::Low));
        assert_eq!(first.tolerance, Tolerance::Points(2.0));
        assert_eq!(first.line, 8);
        let same = config
            .for_indicator("rereferrals_12m_pct", month("2020-03"))
            .unwrap();
        assert_eq!(same.line, 8);

        // Open-ended from April 2020, with its own tolerance; integers read as numbers.
        let later = config
            .for_indicator("rereferrals_12m_pct", month("2031-01"))
            .unwrap();
        assert_eq!(
            (later.target, later.tolerance),
            (Some(23.0), Tolerance::Percent(10.0))
        );
        assert!(
            config
                .for_indicator("rereferrals_12m_pct", month("2019-03"))
                .is_none()
        );
        assert_eq!(
            config
                .for_period("rereferrals_12m_pct", Period::DfeYear(2020))
                .map(|t| t.line),
            Some(8)
        );

        // No period: always applies. Only a stretch: it is the bar.
        let reviews = config
            .for_indicator("cla_reviews_in_time_pct", month("1999-01"))
            .unwrap();
        assert_eq!((reviews.bar(), reviews.target), (Some(99.0), None));
        assert_eq!(reviews.note.as_deref(), Some("goal = latest + 5%"));
        assert!(config.for_indicator("contacts", month("2019-04")).is_none());
    }

    #[test]
    fn defaults_apply_to_an_empty_file() {
        let config = parse_targets("").unwrap();
        assert_eq!(config, TargetsConfig::default());
        assert_eq!(config.la_code, LaCode(382));
        assert_eq!(config.tolerance, Tolerance::Percent(5.0));
        // Kirklees mid-2024 ONS estimate, used for 2024-25.
        assert_eq!(config.population_for_dfe_year(2025), Some(99_822));
        assert_eq!(parse_targets("la_code = 201").unwrap().la_code, LaCode(201));
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_line() {
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = 80\ntolerence_points = 2\n",
            "targets line 4, column 1: unknown field `tolerence_points`, expected one of \
             `indicator`, `from`, `to`, `target`, `stretch`, `tolerance_points`, \
             `tolerance_percent`, `polarity`, `note`",
        );
        check_error(
            "la_code = \"382\"\ncouncil = \"Kirklees\"\n",
            "targets line 2, column 1: unknown field `council`, expected one of `la_code`, \
             `population`, `statistical_neighbours`, `tolerance_points`, `tolerance_percent`, \
             `target`",
        );
    }

    #[test]
    fn bad_values_name_their_key() {
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = \"high\"\n",
            "targets line 3, column 10 (key `target`): invalid type: string \"high\", expected f64",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = 80\nfrom = \"April 2019\"\n",
            "targets line 4, column 8 (key `from`): expected a month as \"YYYY-MM\", found \"April 2019\"",
        );
        check_error(
            "la_code = \"38\"\n",
            "targets line 1, column 11 (key `la_code`): expected a 3-digit DfE LA number, found \"38\"",
        );
        check_error(
            "statistical_neighbours = \"2025\"\n",
            "targets line 1, column 26 (key `statistical_neighbours`): expected \"may-2025\" or \
             \"april-2021\", found \"2025\"",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = 80\npolarity = \"up\"\n",
            "targets line 4, column 12 (key `polarity`): expected \"high\", \"low\" or \"n/a\", found \"up\"",
        );
        check_error(
            "population = 0\n",
            "targets line 1, column 14 (key `population`): population must be above 0",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = nan\n",
            "targets line 3, column 10 (key `target`): must be a finite number",
        );
        check_error(
            "tolerance_points = -1\n",
            "targets line 1, column 20 (key `tolerance_points`): tolerance must be a number of 0 or more",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = 80\ntolerance_points = 1\ntolerance_percent = 5\n",
            "targets line 5, column 21 (key `tolerance_percent`): set `tolerance_points` or \
             `tolerance_percent`, not both",
        );
    }

    #[test]
    fn senseless_targets_are_rejected() {
        check_error(
            "[[target]]\nindicator = \"icpc\"\nfrom = \"2019-04\"\n",
            "targets line 2: target for `icpc`: set `target` or `stretch` (or leave the target out)",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = 1\nfrom = \"2020-04\"\nto = \"2020-03\"\n",
            "targets line 2: target for `icpc`: `from` 2020-04 is after `to` 2020-03",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\ntarget = 1\nto = \"2020-03\"\n\n\
             [[target]]\nindicator = \"icpc\"\ntarget = 2\nfrom = \"2020-03\"\n",
            "targets line 7: target for `icpc`: its period overlaps the target on line 2",
        );
        check_error(
            "[[target]]\nindicator = \"icpc\"\n",
            "targets line 2: target for `icpc`: set `target` or `stretch` (or leave the target out)",
        );
        check_error(
            "[[target]]\ntarget = 1\n",
            "targets line 1, column 1: missing field `indicator`",
        );
        check_error(
            "la_code = [\n",
            "targets line 1, column 12 (key `la_code`): unclosed array, expected `]`",
        );
    }

    #[test]
    fn unknown_indicator_ids_are_reported_on_request() {
        let config = parse_targets("[[target]]\nindicator = \"icpcs\"\ntarget = 1\n").unwrap();
        let known = |id: &str| PLAN_INDICATOR_IDS.contains(&id);
        assert_eq!(
            config.check_indicator_ids(known).unwrap_err().to_string(),
            "targets line 2: target for `icpcs`: unknown indicator id"
        );
        assert!(
            parse_targets(GOOD)
                .unwrap()
                .check_indicator_ids(known)
                .is_ok()
        );
    }

    #[test]
    fn tolerances_give_allowances() {
        assert_eq!(Tolerance::Points(2.0).allowance(80.0), 2.0);
        assert_eq!(Tolerance::Percent(5.0).allowance(80.0), 4.0);
        assert_eq!(Tolerance::DEFAULT.to_string(), "5% of target");
    }
}
