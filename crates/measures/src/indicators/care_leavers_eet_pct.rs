//! `care_leavers_eet_pct`: Percentage of care leavers in education, employment or training (EET).
//!
//! Cohort (see `common::care_leavers`): care-leaver (903 OC3) records whose 17th to 21st birthday falls in
//! the period, the birthday computed from the child's date of birth (29 February birthdays on 1
//! March in common years). Choice: the period places a record by the birthday itself, as the DfE
//! year does ("19th, 20th or 21st birthday in the year"); the information is the young person's
//! situation around that birthday as returned. Records without a known child or date of birth
//! cannot be placed and are left out.
//!
//! Choice: the plan's "care leavers" are all the care leavers the council returns (17 to 21);
//! the DfE-comparable figures by age band are `care_leavers_eet_17_18_pct` and
//! `care_leavers_eet_19_21_pct` (the DfE's headline is 19-21).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `care_leavers_eet_pct`.
pub struct CareLeaversEetPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "care_leavers_eet_pct",
    title: "Percentage of care leavers in education, employment or training (EET)",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Care leavers in education, employment or training (ACTIV F* or P*, full or part time)",
        denominator: "Care leavers whose 17th to 21st birthday falls in the period",
        period: "The young person's birthday in the period",
        exclusions: "Young people who died (DIED), returned home to parents for 6+ months (RHOM), or whose only care was short breaks. Not in touch and activity not known stay in the denominator (DfE: % of the whole cohort)",
        source: "DfE Children looked after statistics (care leavers in EET; LAIT CareLeaverEET); SSDA903 OC3 ACTIV",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CareLeaversEetPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        care_leavers(ctx, periods, out, 17..=21, LeaverOutcome::Eet);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::common::fixtures;
    use crate::testkit::*;

    #[test]
    fn cohort_of_birthdays_in_the_period() {
        // See the fixture's table: 3 of 5 in May 2025; June holds L7 only.
        let ds = fixtures::care_leavers();
        let m = ds.measure(&CareLeaversEetPct, &[month(2025, 5), dfe_year(2026)]);
        assert_figure(&m[0], 3.0, Some(5.0), Some(100.0 * 3.0 / 5.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            [
                "care leaver contacts:OC3-L1",
                "care leaver contacts:OC3-L10",
                "care leaver contacts:OC3-L4"
            ]
        );
        // 2025-26 adds L7 (19 in June: in touch, EET, suitable): 4 of 6.
        assert_figure(&m[1], 4.0, Some(6.0), Some(100.0 * 4.0 / 6.0));
    }
}
