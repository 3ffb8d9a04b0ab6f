//! `average_caseload`: average caseload of social workers and personal advisers at the end of the
//! period: cases they hold / full-time equivalent of those holding at least one case.
//!
//! Choices: the plan's row covers social workers and personal advisers, so both roles count (the
//! DfE's children and family social worker measure is `caseload_per_social_worker`). A case is an
//! allocation open on the snapshot day (a child allocated to two workers is a case for each, as
//! the workforce census counts cases held); the denominator is the FTE of the workers holding at
//! least one case (DfE basis), not of every qualified worker in post. Broken down by worker or
//! team, each group is that worker's or team's own caseload.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::WorkerRole;

/// `average_caseload`.
pub struct AverageCaseload;

static META: IndicatorMeta = IndicatorMeta {
    id: "average_caseload",
    title: "Average caseload for social workers and personal advisers",
    unit: Unit::Average,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Cases (allocations of a child) held by social workers and personal advisers at the end of the period",
        denominator: "Full-time equivalent of the social workers and personal advisers holding at least one case then",
        period: "Snapshot on the last day of the period",
        exclusions: "Managers and early help practitioners; allocations to workers missing from the workforce list",
        source: "Improvement plan (social workers and personal advisers); DfE children's social work workforce basis (cases / FTE holding cases)",
    },
    breakdowns: WORKFORCE_BREAKDOWNS,
};

impl Indicator for AverageCaseload {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let roles = [WorkerRole::SocialWorker, WorkerRole::PersonalAdviser];
        caseloads(ctx, periods, out, &roles, Period::end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breakdown::breakdown;
    use crate::indicator::Dimension;
    use crate::testkit::*;

    #[test]
    fn cases_over_fte_of_case_holders() {
        let mut ds = Dataset::new();
        ds.team("T1");
        ds.worker("SW1", "T1"); // 1.0 FTE, 3 cases
        ds.worker("SW2", "T1").fte(0.5); // 0.5 FTE, 1 case
        ds.worker("PA1", "T1")
            .role(WorkerRole::PersonalAdviser)
            .fte(0.5); // 0.5 FTE, 1 case
        ds.worker("SW3", "T1"); // no case on 31 March: not in the denominator
        ds.worker("TM1", "T1").role(WorkerRole::TeamManager); // managers' cases do not count
        for (i, c) in ["C1", "C2", "C3", "C4", "C5", "C6", "C7"]
            .iter()
            .enumerate()
        {
            ds.child(c);
            let worker = ["SW1", "SW1", "SW1", "SW2", "PA1", "TM1", "SW3"][i];
            let alloc = ds.allocation(&format!("A{i}"), c, worker, d(2025, 1, 1));
            if worker == "SW3" {
                alloc.ended(d(2025, 3, 31)); // ended on the snapshot day
            }
        }
        let ctx = ds.context();
        let m = crate::engine::compute(&ctx, &AverageCaseload, &[month(2025, 3)]);
        // 5 cases / (1.0 + 0.5 + 0.5) FTE = 2.5.
        assert_figure(&m[0], 5.0, Some(2.0), Some(2.5));
        let by_worker = breakdown(&ctx, &m[0], Dimension::Worker);
        let values: Vec<(&str, Option<f64>)> = by_worker
            .iter()
            .map(|(l, f)| (l.as_str(), f.value))
            .collect();
        assert_eq!(
            values,
            [("PA1", Some(2.0)), ("SW1", Some(3.0)), ("SW2", Some(2.0))]
        );
    }
}
