//! `s47_enquiries_rate_10k`: section 47 enquiries starting in the period as an annual rate per
//! 10,000 children aged 0-17 (the same enquiries as `s47_enquiries`).

use super::common::*;
use super::s47_enquiries::S47Enquiries;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `s47_enquiries_rate_10k`.
pub struct S47EnquiriesRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "s47_enquiries_rate_10k",
    title: "Section 47 enquiries: annual rate per 10,000 aged 0-17",
    unit: Unit::AnnualRatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Section 47 enquiries starting (as `s47_enquiries`) × 12 / months in the period",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Actual start date in the period",
        exclusions: "None",
        source: "DfE Children in need statistics (EES C4 Section47_rate)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for S47EnquiriesRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        S47Enquiries.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn annual_rate_of_enquiries() {
        let mut ds = Dataset::new();
        ds.population = 60_000;
        ds.child("C1");
        ds.s47("S1", "C1", "R1", d(2025, 4, 1));
        ds.s47("S2", "C1", "R1", d(2025, 4, 2));
        let m = ds.measure(&S47EnquiriesRate10k, &[month(2025, 4)]);
        // 2 × 12 / 60,000 × 10,000 = 4.0.
        assert_figure(&m[0], 2.0, Some(60_000.0), Some(4.0));
    }
}
