//! `caseload_per_social_worker`: the DfE's average caseload of children and family social workers:
//! cases held / FTE of social workers holding at least one case.
//!
//! Choices: social workers only (personal advisers, managers and early help practitioners are not
//! counted; the plan's wider measure is `average_caseload`). The workforce census takes caseloads
//! on 30 September, so for a DfE year the snapshot is 30 September in that year (e.g. 30
//! September 2024 for 2024-25), comparable with the published figure; for a month it is the
//! month's last day.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::NaiveDate;
use sightline_model::records::WorkerRole;

/// `caseload_per_social_worker`.
pub struct CaseloadPerSocialWorker;

static META: IndicatorMeta = IndicatorMeta {
    id: "caseload_per_social_worker",
    title: "Average caseload per children and family social worker",
    unit: Unit::Average,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Cases (allocations of a child) held by social workers on the snapshot day",
        denominator: "Full-time equivalent of the social workers holding at least one case that day",
        period: "Snapshot on the month's last day; for a DfE year, 30 September within it (the workforce census date)",
        exclusions: "Personal advisers, managers, early help practitioners; allocations to workers missing from the workforce list",
        source: "DfE Children's social work workforce statistics (LAIT-DICT 287, Work_Force_AvgNumCase_SW)",
    },
    breakdowns: WORKFORCE_BREAKDOWNS,
};

impl Indicator for CaseloadPerSocialWorker {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        caseloads(ctx, periods, out, &[WorkerRole::SocialWorker], census_day);
    }
}

/// The snapshot day: 30 September of a DfE year (workforce census), or the month's last day.
fn census_day(period: Period) -> NaiveDate {
    match period {
        Period::DfeYear(year) => {
            NaiveDate::from_ymd_opt(year - 1, 9, 30).unwrap_or_else(|| period.end())
        }
        Period::Month(_) => period.end(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn social_workers_only_on_30_september_for_a_dfe_year() {
        let mut ds = Dataset::new();
        ds.team("T1");
        ds.worker("SW1", "T1").fte(0.8);
        ds.worker("SW2", "T1");
        ds.worker("PA1", "T1").role(WorkerRole::PersonalAdviser);
        for c in ["C1", "C2", "C3", "C4"] {
            ds.child(c);
        }
        ds.allocation("A1", "C1", "SW1", d(2024, 9, 1));
        ds.allocation("A2", "C2", "SW1", d(2024, 9, 30)); // from the census day: counts
        ds.allocation("A3", "C3", "SW2", d(2024, 1, 1))
            .ended(d(2024, 10, 15)); // open on 30 Sept
        ds.allocation("A4", "C4", "PA1", d(2024, 1, 1));
        let m = ds.measure(&CaseloadPerSocialWorker, &[dfe_year(2025), month(2025, 3)]);
        // 30 September 2024: 3 cases / (0.8 + 1.0) = 1.67. 31 March 2025: 2 cases / 0.8 = 2.5.
        assert_figure(&m[0], 3.0, Some(1.8), Some(3.0 / 1.8));
        assert_figure(&m[1], 2.0, Some(0.8), Some(2.5));
    }
}
