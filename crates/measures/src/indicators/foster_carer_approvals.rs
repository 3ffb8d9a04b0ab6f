//! `foster_carer_approvals`: Foster carers - Approvals (internal inc Family & Friends): in-house and family and friends (connected persons) foster
//! households approvedapprovals in the period.
//!
//! Choice: counted in households, as Ofsted's fostering statistics count them, not individual
//! carers; independent agency households are not the council's to approveapprovals and are left out.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::FosterHouseholdKind;

/// `foster_carer_approvals`.
pub struct FosterCarerApprovals;

static META: IndicatorMeta = IndicatorMeta {
    id: "foster_carer_approvals",
    title: "Foster carers - Approvals (internal inc Family & Friends)",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Foster households approved by the council's own fostering service, family and friends (connected persons) households included",
        denominator: "None (a count)",
        period: "Approval date in the period",
        exclusions: "Independent fostering agency households",
        source: "Local measure (improvement plan, sufficiency); Ofsted Fostering in England (households)",
    },
    breakdowns: &[],
};

impl Indicator for FosterCarerApprovals {
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
                Some(Event::count(h.approved))
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn in_house_and_family_and_friends_households_approved() {
        let mut ds = Dataset::new();
        ds.foster_household("H1", FosterHouseholdKind::InHouse, d(2025, 3, 3));
        ds.foster_household("H2", FosterHouseholdKind::FamilyAndFriends, d(2025, 3, 31));
        ds.foster_household("H3", FosterHouseholdKind::IndependentAgency, d(2025, 3, 10));
        ds.foster_household("H4", FosterHouseholdKind::InHouse, d(2025, 4, 1))
            .deregistered(d(2025, 9, 1));
        let m = ds.measure(&FosterCarerApprovals, &[month(2025, 3), month(2025, 4)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["foster households:H1", "foster households:H2"]
        );
        assert_figure(&m[1], 1.0, None, Some(1.0));
    }
}
