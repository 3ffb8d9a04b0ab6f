//! `care_leavers_suitable_accommodation_19_21_pct`: Percentage of care leavers aged 19-21 in suitable accommodation.
//!
//! Cohort (see `common::care_leavers`): care-leaver (903 OC3) records whose 19th, 20th or 21st birthday falls in
//! the period, the birthday computed from the child's date of birth (29 February birthdays on 1
//! March in common years). Choice: the period places a record by the birthday itself, as the DfE
//! year does ("19th, 20th or 21st birthday in the year"); the information is the young person's
//! situation around that birthday as returned. Records without a known child or date of birth
//! cannot be placed and are left out.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `care_leavers_suitable_accommodation_19_21_pct`.
pub struct CareLeaversSuitableAccommodation1921Pct;

static META: IndicatorMeta = IndicatorMeta {
    id: "care_leavers_suitable_accommodation_19_21_pct",
    title: "Percentage of care leavers aged 19-21 in suitable accommodation",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Care leavers in accommodation considered suitable (ACCOM ending in 1)",
        denominator: "Care leavers whose 19th, 20th or 21st birthday falls in the period, less those gone abroad, deported or whose residence is not known (G*, H*, R*)",
        period: "The young person's birthday in the period",
        exclusions: "Young people who died (DIED), returned home for 6+ months (RHOM), short breaks only; gone abroad, deported, residence not known. Not in touch, refused and no longer requiring services stay in (as unsuitable or not known)",
        source: "DfE Children looked after statistics (care leavers in suitable accommodation; LAIT CareLeaverAcc); SSDA903 OC3 ACCOM",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CareLeaversSuitableAccommodation1921Pct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        care_leavers(
            ctx,
            periods,
            out,
            19..=21,
            LeaverOutcome::SuitableAccommodation,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::common::fixtures;
    use crate::testkit::*;

    #[test]
    fn cohort_of_birthdays_in_the_period() {
        // See the fixture's table: 1 of 2 in May 2025; June holds L7 only.
        let ds = fixtures::care_leavers();
        let m = ds.measure(
            &CareLeaversSuitableAccommodation1921Pct,
            &[month(2025, 5), dfe_year(2026)],
        );
        assert_figure(&m[0], 1.0, Some(2.0), Some(100.0 * 1.0 / 2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["care leaver contacts:OC3-L1"]
        );
        // 2025-26 adds L7 (19 in June: in touch, EET, suitable): 2 of 3.
        assert_figure(&m[1], 2.0, Some(3.0), Some(100.0 * 2.0 / 3.0));
    }
}
