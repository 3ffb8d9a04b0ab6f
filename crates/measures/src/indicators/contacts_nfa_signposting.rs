//! `contacts_nfa_signposting`: contacts in the period that ended in no further action or in advice
//! and signposting to another service (early support: "Number of NFA/sign posting to other
//! services").

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::ContactOutcome;

/// `contacts_nfa_signposting`.
pub struct ContactsNfaSignposting;

static META: IndicatorMeta = IndicatorMeta {
    id: "contacts_nfa_signposting",
    title: "Number of contacts closed with no further action or signposting to other services",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Contacts whose outcome is no further action, or advice/information/signposting",
        denominator: "None (a count)",
        period: "Contact date in the period",
        exclusions: "Contacts passed to early help or accepted as referrals",
        source: "Local measure (early support plan)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for ContactsNfaSignposting {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let contacts = &ctx.records.contacts;
        for_each_event(ctx, periods, out, kinds::CONTACTS, contacts, |c| {
            matches!(
                c.outcome,
                ContactOutcome::NoFurtherAction | ContactOutcome::Signposting
            )
            .then(|| Event::count(c.date))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn counts_nfa_and_signposting_only() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.contact("K1", "C1", d(2025, 6, 2))
            .outcome(ContactOutcome::NoFurtherAction);
        ds.contact("K2", "C1", d(2025, 6, 3))
            .outcome(ContactOutcome::Signposting);
        ds.contact("K3", "C1", d(2025, 6, 4))
            .outcome(ContactOutcome::EarlyHelp);
        ds.contact("K4", "C1", d(2025, 6, 5)); // became a referral
        ds.contact("K5", "C1", d(2025, 7, 1))
            .outcome(ContactOutcome::Signposting);
        let m = ds.measure(&ContactsNfaSignposting, &[month(2025, 6)]);
        // June: K1, K2.
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["contacts:K1", "contacts:K2"]
        );
    }
}
