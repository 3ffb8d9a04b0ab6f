//! `icpc`: initial child protection conferences held in the period (`DateOfInitialCPC`), each
//! conference counted, transfer-in conferences included (DfE).

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::ConferenceKind;

/// `icpc`.
pub struct Icpc;

static META: IndicatorMeta = IndicatorMeta {
    id: "icpc",
    title: "Number of Initial Child Protection Conferences",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Initial child protection conferences, transfer-in conferences included",
        denominator: "None (a count)",
        period: "Conference date in the period",
        exclusions: "Review conferences",
        source: "DfE Children in need census (DateOfInitialCPC); LAIT ISCP_Conf (note: includes transfer-in ICPCs)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Icpc {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let conferences = &ctx.records.conferences;
        for_each_event(ctx, periods, out, kinds::CONFERENCES, conferences, |c| {
            matches!(c.kind, ConferenceKind::Initial | ConferenceKind::TransferIn)
                .then(|| Event::count(c.date))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn counts_initial_and_transfer_in_not_review() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.conference("I1", "C1", "R1", d(2025, 5, 13)).no_plan(); // counted whatever it decided
        ds.conference("I2", "C1", "R1", d(2025, 5, 20))
            .transfer_in();
        ds.conference("I3", "C1", "R1", d(2025, 5, 21)).review();
        ds.conference("I4", "C1", "R1", d(2025, 6, 1));
        let m = ds.measure(&Icpc, &[month(2025, 5)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            [
                "child protection conferences:I1",
                "child protection conferences:I2"
            ]
        );
    }
}
