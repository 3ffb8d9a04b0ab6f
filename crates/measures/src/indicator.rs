//! What an indicator is: metadata that describes it in plain English, and a pure computation that
//! says which records count towards its numerator and denominator in each period.
//!
//! An indicator never computes its own value: it emits [`Contribution`]s (one per record that
//! counts), and the engine turns them into the value, the breakdowns and the list of children
//! behind the figure. So every figure can be explained down to the records, and breakdowns cost
//! nothing to add.

use crate::context::Context;
use crate::period::Period;

/// How an indicator's value is expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A count of events in the period ("Monthly number").
    MonthlyNumber,
    /// A count at the end of the period ("Snapshot number").
    SnapshotNumber,
    /// Events in the period as an annual rate per 10,000 children aged 0-17
    /// (count × 12 / months in period / population × 10,000).
    AnnualRatePer10k,
    /// A count at the end of the period per 10,000 children aged 0-17.
    RatePer10k,
    /// Numerator as a percentage of denominator.
    Percent,
    /// Average number of days (sum of days / number of cases).
    Days,
    /// An average (sum / count), e.g. cases per social worker.
    Average,
}

impl Unit {
    /// The label used in the plan's indicator tables.
    pub fn label(self) -> &'static str {
        match self {
            Unit::MonthlyNumber => "Monthly number",
            Unit::SnapshotNumber => "Snapshot number",
            Unit::AnnualRatePer10k => "Annual rate per 10,000 aged 0-17",
            Unit::RatePer10k => "Rate per 10,000 aged 0-17",
            Unit::Percent => "%",
            Unit::Days => "Days",
            Unit::Average => "Average",
        }
    }

    /// Stable machine name (JSON `unit`).
    pub fn name(self) -> &'static str {
        match self {
            Unit::MonthlyNumber => "monthly_number",
            Unit::SnapshotNumber => "snapshot_number",
            Unit::AnnualRatePer10k => "annual_rate_per_10k",
            Unit::RatePer10k => "rate_per_10k",
            Unit::Percent => "percent",
            Unit::Days => "days",
            Unit::Average => "average",
        }
    }
}

/// Whether a higher value is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// Higher is better.
    High,
    /// Lower is better.
    Low,
    /// A volume measure: neither is better.
    NotApplicable,
}

impl Polarity {
    /// Stable machine name (JSON `polarity`): `high`, `low` or `n/a`.
    pub fn name(self) -> &'static str {
        match self {
            Polarity::High => "high",
            Polarity::Low => "low",
            Polarity::NotApplicable => "n/a",
        }
    }
}

/// A plain-English definition, shown by `sightline indicators explain` and in reports.
#[derive(Clone, Copy, Debug)]
pub struct Definition {
    /// What is counted on top.
    pub numerator: &'static str,
    /// What it is divided by (or "none" for counts).
    pub denominator: &'static str,
    /// The period and the dates that place a record in it.
    pub period: &'static str,
    /// What is left out, and why.
    pub exclusions: &'static str,
    /// Where the definition comes from (DfE statistic, statutory guidance, local standard).
    pub source: &'static str,
}

/// A dimension an indicator can be broken down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// Team holding the child's case (or the worker's team).
    Team,
    /// Locality of the child's home.
    Locality,
    /// Allocated worker.
    Worker,
    /// Age band at the end of the period (under 1, 1-4, 5-9, 10-15, 16-17, 18+).
    AgeBand,
    /// Sex.
    Sex,
    /// Ethnic group.
    Ethnicity,
    /// Legal status of the open looked-after episode.
    LegalStatus,
    /// Placement type of the open looked-after episode.
    PlacementType,
    /// CIN / CP / CLA / other at the record's date.
    CaseType,
}

/// Everything that describes an indicator. Ids are stable: users and other parts of the product rely on them.
#[derive(Clone, Copy, Debug)]
pub struct IndicatorMeta {
    /// Stable id, e.g. `assessments_45wd_pct`.
    pub id: &'static str,
    /// Title as in the improvement plan.
    pub title: &'static str,
    /// Unit.
    pub unit: Unit,
    /// Which direction is good.
    pub polarity: Polarity,
    /// Plain-English definition.
    pub definition: Definition,
    /// Dimensions this indicator can be broken down by.
    pub breakdowns: &'static [Dimension],
}

/// A reference to the record behind a contribution: its kind and its index in the `CaseRecords` vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordRef {
    /// Record kind, as in `CaseRecords::counts()` labels (e.g. "referrals").
    pub kind: &'static str,
    /// Index in that kind's vector.
    pub index: u32,
}

/// One record's part in one period's figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contribution {
    /// The period (index into the periods the engine asked for).
    pub period: u32,
    /// The child concerned (index into `CaseRecords::children`), if any.
    pub child: Option<u32>,
    /// The worker concerned (index into `CaseRecords::workers`), for workforce indicators.
    pub worker: Option<u32>,
    /// The record.
    pub record: RecordRef,
    /// Amount added to the numerator (1 for a counted event, days for durations, 0 if only in the denominator).
    pub numerator: f64,
    /// Amount added to the denominator (1 for a counted case, 0 for pure counts).
    pub denominator: f64,
}

/// An indicator: metadata plus a pure computation.
pub trait Indicator: Sync {
    /// The description.
    fn meta(&self) -> &'static IndicatorMeta;

    /// Emits, for every period in `periods`, the contributions of every record that counts.
    /// One pass over the records serves all periods. Pure: reads only `ctx`.
    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>);
}
