//! `cla_entering_care_placed_over_20_miles`: children who started to be looked after in the period whose first placement
//! was outside the council's area AND more than 20 miles from home.
//!
//! Choices: "entering care" is the start of a period of care (a run of episodes each starting the
//! day the previous one ended), so a child entering twice in a period counts twice, as the DfE
//! counts starts; periods of care that begin with a short break (V3/V4) are left out. The first
//! placement is the first episode's; unknown council or distance does not count as far.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cla_entering_care_placed_over_20_miles`.
pub struct ClaEnteringCarePlacedOver20Miles;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_entering_care_placed_over_20_miles",
    title: "Children entering care placed outside the council area & over 20 miles from home",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children starting to be looked after in the period whose first placement is outside the council's area and more than 20 miles from home",
        denominator: "None (a count)",
        period: "Start of the period of care in the period",
        exclusions: "Periods of care starting with a short break (V3/V4); placements with unknown council or distance are not counted as far",
        source: "Local (improvement plan, sufficiency); DfE distance definition (LAIT-DICT 87)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaEnteringCarePlacedOver20Miles {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        for_each_care_start(ctx, periods, |p, child, first| {
            let Some(e) = ctx.episode(first) else { return };
            if placed_outside_over_20_miles(ctx, e) {
                out.push(contribution(
                    p,
                    Some(child),
                    rec(kinds::CLA_EPISODES, first as usize),
                    1.0,
                    0.0,
                ));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased, ReasonNewEpisode};
    use sightline_model::ids::LaCode;

    #[test]
    fn first_placement_of_each_period_of_care_starting() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4"] {
            ds.child(c);
        }
        let far = LaCode(381);
        // C1 enters on 3 March far away, then moves home on 20 March: one far entrant.
        ds.episode("E1", "C1", d(2025, 3, 3))
            .placed(far, 35.0)
            .ended(d(2025, 3, 20), ReasonEpisodeCeased::X1);
        ds.episode("E2", "C1", d(2025, 3, 20))
            .reason_new(ReasonNewEpisode::P);
        // C2 was first placed nearby in February, moved far in March: not entering in March.
        ds.episode("E3", "C2", d(2025, 2, 10))
            .ended(d(2025, 3, 5), ReasonEpisodeCeased::X1);
        ds.episode("E4", "C2", d(2025, 3, 5))
            .reason_new(ReasonNewEpisode::P)
            .placed(far, 50.0);
        // C3 enters on 31 March nearby; C4 starts short breaks far away.
        ds.episode("E5", "C3", d(2025, 3, 31));
        ds.episode("E6", "C4", d(2025, 3, 12))
            .legal_status(LegalStatus::V3)
            .placed(far, 50.0);
        let m = ds.measure(
            &ClaEnteringCarePlacedOver20Miles,
            &[month(2025, 3), month(2025, 2)],
        );
        // March: C1 (E1). February: C2 entered nearby.
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E1"]
        );
        assert_figure(&m[1], 0.0, None, Some(0.0));
    }
}
