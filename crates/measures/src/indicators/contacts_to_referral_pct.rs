//! `contacts_to_referral_pct`: percentage of contacts in the period accepted as referrals to
//! social care (early support: "conversion rates from contact to referral").
//!
//! Choice: a contact cohort by contact date; a contact converts when its recorded outcome is
//! "referral" (the case system's decision), whenever the referral itself is dated.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::ContactOutcome;

/// `contacts_to_referral_pct`.
pub struct ContactsToReferralPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "contacts_to_referral_pct",
    title: "Percentage of contacts that became referrals",
    unit: Unit::Percent,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Contacts whose outcome is a referral to children's social care",
        denominator: "Contacts",
        period: "Contact date in the period",
        exclusions: "None",
        source: "Local measure (early support plan: conversion from contact to referral)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for ContactsToReferralPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let contacts = &ctx.records.contacts;
        for_each_event(ctx, periods, out, kinds::CONTACTS, contacts, |c| {
            Some(Event::share(c.date, c.outcome == ContactOutcome::Referral))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn share_of_contacts_with_a_referral_outcome() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.contact("K1", "C1", d(2025, 6, 2));
        ds.contact("K2", "C1", d(2025, 6, 3))
            .outcome(ContactOutcome::EarlyHelp);
        ds.contact("K3", "C1", d(2025, 6, 30))
            .outcome(ContactOutcome::Signposting);
        ds.contact("K4", "C1", d(2025, 6, 30));
        let m = ds.measure(&ContactsToReferralPct, &[month(2025, 6), month(2025, 7)]);
        // June: K1, K4 of 4 = 50%; July: no contacts, no value.
        assert_figure(&m[0], 2.0, Some(4.0), Some(50.0));
        assert_figure(&m[1], 0.0, Some(0.0), None);
    }
}
