//! `adoption_a1_days`: adoption scorecard A1: average days between a child entering care and
//! moving in with its adoptive family, for children adopted in the three years to the period end
//! (DfE, 3-year rolling).
//!
//! Choices: every period's figure is the 3-year rolling average the DfE publishes: the 36 months
//! ending with the period's last month (for a DfE year, the three DfE years to its 31 March), so
//! a monthly series shows the scorecard moving month by month. Adopted = a period of care whose
//! last episode ended with an adoption order (E11, E12), dated by that end. Entering care = start
//! of that (final) period of care. Moving in = the first placed-for-adoption episode (A3-A6) of the
//! period of care, else the permanence record's placed-for-adoption date; adoptions with neither
//! are left out. For adoption by the child's foster carers this is the date placed for adoption
//! (A1, not the A10 adjustment). Days are calendar days (end − start).

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `adoption_a1_days`.
pub struct AdoptionA1Days;

/// The DfE scorecard's rolling window, in months.
const WINDOW_MONTHS: u32 = 36;

static META: IndicatorMeta = IndicatorMeta {
    id: "adoption_a1_days",
    title: "Average days between entering care and moving in with the adoptive family (A1, 3-year average)",
    unit: Unit::Days,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Sum over children adopted of the days from the start of their final period of care to moving in with the adoptive family (placed for adoption)",
        denominator: "Children adopted (period of care ended by an adoption order, REC E11/E12) with a known placement date",
        period: "Adoption date in the 36 months ending with the period's last month (the DfE's 3-year rolling average; for a DfE year, the 3 years to 31 March)",
        exclusions: "Adoptions with no placed-for-adoption episode (A3-A6) or date recorded",
        source: "DfE adoption scorecards (A1); SSDA903 DECOM, PLACE A3-A6, REC E11/E12, PlacedAdoption",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for AdoptionA1Days {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let index = PeriodIndex::new(periods);
        for a in adoptions(ctx) {
            let Some(placed) = a.placed.filter(|&p| p >= a.entered_care) else {
                continue;
            };
            let days = (placed - a.entered_care).num_days() as f64;
            let record = rec(kinds::CLA_EPISODES, a.final_episode as usize);
            index.each_window_containing(a.adopted, WINDOW_MONTHS, |p, _| {
                out.push(contribution(p, Some(a.child), record, days, 1.0));
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::PlacementType::{A4, A5};
    use sightline_model::codes::ReasonEpisodeCeased::{E4A, E11, E12, X1};
    use sightline_model::codes::ReasonNewEpisode::P;

    #[test]
    fn average_days_from_care_to_adoptive_family_over_three_years() {
        let mut ds = Dataset::new();
        for c in ["K1", "K2", "K3", "K4", "K5"] {
            ds.child(c);
        }
        // K1: care 10 January 2021, placed with adopters 1 June 2022 (507 days), adopted May 2023.
        ds.episode("A1", "K1", d(2021, 1, 10))
            .ended(d(2022, 6, 1), X1);
        ds.episode("A2", "K1", d(2022, 6, 1))
            .reason_new(P)
            .placement(A4)
            .ended(d(2023, 5, 15), E11);
        // K2: care 1 February 2023, adopted by the foster carers: placed 15 January 2024 (348).
        ds.episode("B1", "K2", d(2023, 2, 1))
            .ended(d(2024, 1, 15), X1);
        ds.episode("B2", "K2", d(2024, 1, 15))
            .reason_new(P)
            .placement(A5)
            .ended(d(2025, 3, 31), E12);
        // K3: adopted on 31 March 2022, just before the window.
        ds.episode("C1", "K3", d(2020, 1, 1))
            .placement(A4)
            .ended(d(2022, 3, 31), E11);
        // K4: no adoptive episode; the permanence record says placed 1 September 2023 (365 days).
        ds.episode("D1", "K4", d(2022, 9, 1))
            .ended(d(2024, 10, 1), E11);
        ds.permanence("P4", "K4")
            .placed_for_adoption(d(2023, 9, 1))
            .adopted(d(2024, 10, 1));
        // K5: went home.
        ds.episode("F1", "K5", d(2022, 9, 1))
            .ended(d(2024, 10, 1), E4A);
        let m = ds.measure(
            &AdoptionA1Days,
            &[dfe_year(2025), month(2025, 3), dfe_year(2023)],
        );
        // 2022-25: (507 + 348 + 365) / 3 = 406.67 days; the 36 months to March 2025 are the same.
        assert_figure(&m[0], 1220.0, Some(3.0), Some(1220.0 / 3.0));
        assert_figure(&m[1], 1220.0, Some(3.0), Some(1220.0 / 3.0));
        // 2020-23 (April 2020 to March 2023): K3 only, placed for adoption the day it entered
        // care: 0 days.
        assert_figure(&m[2], 0.0, Some(1.0), Some(0.0));
    }
}
