//! `icpc_rate_10k`: initial child protection conferences in the period as an annual rate per
//! 10,000 children aged 0-17 (the same conferences as `icpc`).

use super::common::*;
use super::icpc::Icpc;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `icpc_rate_10k`.
pub struct IcpcRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "icpc_rate_10k",
    title: "Initial Child Protection Conferences: annual rate per 10,000 aged 0-17",
    unit: Unit::AnnualRatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Initial child protection conferences (as `icpc`) × 12 / months in the period",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Conference date in the period",
        exclusions: "Review conferences",
        source: "DfE Children in need statistics (ICPCs per 10,000)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for IcpcRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        Icpc.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn annual_rate_of_conferences() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.conference("I1", "C1", "R1", d(2025, 5, 13));
        ds.conference("I2", "C1", "R1", d(2025, 5, 21)).review();
        let m = ds.measure(&IcpcRate10k, &[month(2025, 5), dfe_year(2026)]);
        // Population 10,000: 1 a month = 12 a year per 10,000; over the year 1 = 1 per 10,000.
        assert_figure(&m[0], 1.0, Some(10_000.0), Some(12.0));
        assert_figure(&m[1], 1.0, Some(10_000.0), Some(1.0));
    }
}
