//! `contacts`: contacts received by the front door in the period, one per child per contact
//! (Ofsted Annex A List 1). A local measure: contacts are not a DfE statistic.
//!
//! Choice: every contact counts whatever its outcome, including those that became referrals (the
//! plan's "service volume measure"); each child named in a contact is a contact.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `contacts`.
pub struct Contacts;

static META: IndicatorMeta = IndicatorMeta {
    id: "contacts",
    title: "Number of contacts (service volume measure)",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Contacts received about a child (a contact about several children counts once per child)",
        denominator: "None (a count)",
        period: "Contact date in the period",
        exclusions: "None: contacts of every outcome count, including those that became referrals",
        source: "Local measure; Ofsted Annex A List 1 (contacts, one row per child)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Contacts {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let contacts = &ctx.records.contacts;
        for_each_event(ctx, periods, out, kinds::CONTACTS, contacts, |c| {
            Some(Event::count(c.date))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::records::ContactOutcome;

    #[test]
    fn counts_contacts_by_contact_date_at_month_and_year_boundaries() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.contact("K1", "C1", d(2025, 3, 31)); // last day of March, and of DfE year 2024-25
        ds.contact("K2", "C2", d(2025, 3, 31))
            .outcome(ContactOutcome::NoFurtherAction);
        ds.contact("K3", "C1", d(2025, 4, 1)); // first day of April and of DfE year 2025-26
        ds.contact("K4", "C9", d(2025, 4, 5)); // a child missing from the children list still counts
        let m = ds.measure(
            &Contacts,
            &[
                month(2025, 3),
                month(2025, 4),
                dfe_year(2025),
                dfe_year(2026),
            ],
        );
        // March: K1, K2 = 2; April: K3, K4 = 2; 2024-25: 2; 2025-26: 2.
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_figure(&m[1], 2.0, None, Some(2.0));
        assert_figure(&m[2], 2.0, None, Some(2.0));
        assert_figure(&m[3], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[1]),
            ["contacts:K3", "contacts:K4"]
        );
    }
}
