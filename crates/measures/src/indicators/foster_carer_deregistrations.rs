//! `foster_carer_deregistrations`: Foster carers - De-registrations (internal inc. Family & Friends): in-house and family and friends (connected persons) foster
//! households deregistrationsde-registered in the period.
//!
//! Choice: counted in households, as Ofsted's fostering statistics count them, not individual
//! carers; independent agency households are not the council's to deregistrationsde-register and are left out.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::FosterHouseholdKind;

/// `foster_carer_deregistrations`.
pub struct FosterCarerDeregistrations;

static META: IndicatorMeta = IndicatorMeta {
    id: "foster_carer_deregistrations",
    title: "Foster carers - De-registrations (internal inc. Family & Friends)",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Foster households of the council's own fostering service, family and friends included, de-registered",
        denominator: "None (a count)",
        period: "De-registration date in the period",
        exclusions: "Independent fostering agency households",
        source: "Local measure (improvement plan, sufficiency); Ofsted Fostering in England (households)",
    },
    breakdowns: &[],
};

impl Indicator for FosterCarerDeregistrations {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let households = &ctx.records.foster_households;
        for_each_event(
            ctx,
            periods,
            out,
            kinds::FOSTER_HOUSEHOLDS,
            households,
            |h| {
                if h.kind == FosterHouseholdKind::IndependentAgency {
                    return None;
                }
                Some(Event::count(h.deregistered?))
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn in_house_and_family_and_friends_households_deregistered() {
        let mut ds = Dataset::new();
        ds.foster_household("H1", FosterHouseholdKind::InHouse, d(2019, 3, 3))
            .deregistered(d(2025, 3, 31));
        ds.foster_household("H2", FosterHouseholdKind::FamilyAndFriends, d(2024, 1, 1))
            .deregistered(d(2025, 3, 1));
        ds.foster_household("H3", FosterHouseholdKind::IndependentAgency, d(2020, 1, 1))
            .deregistered(d(2025, 3, 10));
        ds.foster_household("H4", FosterHouseholdKind::InHouse, d(2025, 3, 1)); // still approved
        let m = ds.measure(&FosterCarerDeregistrations, &[month(2025, 3)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
    }
}
