//! `contacts_rate_10k`: contacts in the period as an annual rate per 10,000 children aged 0-17
//! (the same contacts as `contacts`).

use super::common::*;
use super::contacts::Contacts;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `contacts_rate_10k`.
pub struct ContactsRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "contacts_rate_10k",
    title: "Contacts: annual rate per 10,000 aged 0-17",
    unit: Unit::AnnualRatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Contacts (as `contacts`) × 12 / months in the period",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Contact date in the period",
        exclusions: "None",
        source: "Local measure (improvement plan)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for ContactsRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        Contacts.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn plan_figures_reproduce() {
        // The plan: 1,572 contacts a month ↔ 1,883.4 per 10,000 a year implies ~100,160 children.
        let mut ds = Dataset::new();
        ds.population = 100_160;
        ds.child("C1");
        for i in 0..1572 {
            ds.contact(&format!("K{i}"), "C1", d(2019, 5, 1 + i % 31));
        }
        let m = ds.measure(&ContactsRate10k, &[month(2019, 5)]);
        // 1,572 × 12 / 100,160 × 10,000 = 1,883.39...
        assert_eq!(m[0].numerator, 1572.0);
        assert_eq!(m[0].value.map(|v| (v * 10.0).round() / 10.0), Some(1883.4));
    }
}
