//! `s47_enquiries`: section 47 enquiries starting in the period (`S47ActualStartDate`), each
//! enquiry counted (DfE).

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `s47_enquiries`.
pub struct S47Enquiries;

static META: IndicatorMeta = IndicatorMeta {
    id: "s47_enquiries",
    title: "Number of Section 47 enquiries starting in the period",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Section 47 enquiries (each enquiry counts, several per child possible)",
        denominator: "None (a count)",
        period: "Actual start date of the enquiry in the period",
        exclusions: "None",
        source: "DfE Children in need census (S47ActualStartDate); EES C4 Section47; LAIT Section_47",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for S47Enquiries {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let s47s = &ctx.records.section47s;
        for_each_event(ctx, periods, out, kinds::SECTION47S, s47s, |s| {
            Some(Event::count(s.start))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn counts_enquiries_by_start_date() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.s47("S1", "C1", "R1", d(2025, 3, 31))
            .ended(d(2025, 4, 10)); // counts in March only
        ds.s47("S2", "C1", "R1", d(2025, 4, 18)).no_icpc(); // Good Friday: a date like any other
        ds.s47("S3", "C1", "R1", d(2025, 4, 30));
        let m = ds.measure(
            &S47Enquiries,
            &[month(2025, 3), month(2025, 4), dfe_year(2026)],
        );
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 2.0, None, Some(2.0));
        assert_figure(&m[2], 2.0, None, Some(2.0));
    }
}
