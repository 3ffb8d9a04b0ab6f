//! `adoption_a2_days`: adoption scorecard A2: average days between the council receiving court
//! authority to place a child (placement order) and deciding on a match with adopters, for
//! children adopted in the three years to the period end (DfE, 3-year rolling).
//!
//! Choices: the cohort and the 36-month rolling window are those of `adoption_a1_days`. The
//! authority and match dates come from the child's permanence record (the latest with a placement
//! order on or before the adoption); a match before the order counts 0 days (DfE). Left out, as
//! the DfE does: children with no placement order, no match date, or not placed before the
//! adoption order (no placed-for-adoption episode or date).

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `adoption_a2_days`.
pub struct AdoptionA2Days;

/// The DfE scorecard's rolling window, in months.
const WINDOW_MONTHS: u32 = 36;

static META: IndicatorMeta = IndicatorMeta {
    id: "adoption_a2_days",
    title: "Average days between placement order and match with adopters (A2, 3-year average)",
    unit: Unit::Days,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Sum over children adopted of the days from the placement order to the decision on a match (0 when matched before the order)",
        denominator: "Children adopted (period of care ended by an adoption order, REC E11/E12) with a placement order and a match date, placed before the adoption",
        period: "Adoption date in the 36 months ending with the period's last month (the DfE's 3-year rolling average)",
        exclusions: "No placement order; no match date; not placed for adoption before the order",
        source: "DfE adoption scorecards (A2; LGI-912); SSDA903 AD1 / PlacedAdoption (DATE_INT, DATE_MATCH)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for AdoptionA2Days {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let index = PeriodIndex::new(periods);
        let permanence = permanence_by_child(ctx);
        for a in adoptions(ctx) {
            if a.placed.is_none() {
                continue;
            }
            let records = permanence.get(&a.child).into_iter().flatten();
            let latest = records
                .filter_map(|&i| Some((i, ctx.records.permanence.get(i)?)))
                .filter_map(|(i, p)| Some((p.placement_order?, p.matched?, i)))
                .filter(|&(order, _, _)| order <= a.adopted)
                .max();
            let Some((order, matched, i)) = latest else {
                continue;
            };
            let days = (matched - order).num_days().max(0) as f64;
            index.each_window_containing(a.adopted, WINDOW_MONTHS, |p, _| {
                out.push(contribution(
                    p,
                    Some(a.child),
                    rec(kinds::PERMANENCE, i),
                    days,
                    1.0,
                ));
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::PlacementType::A6;
    use sightline_model::codes::ReasonEpisodeCeased::{E11, X1};
    use sightline_model::codes::ReasonNewEpisode::P;

    /// A child in care from `care`, placed for adoption on `placed` (if any), adopted on `adopted`.
    fn adopted(
        ds: &mut Dataset,
        child: &str,
        care: (i32, u32, u32),
        placed: Option<(i32, u32, u32)>,
        adopted: (i32, u32, u32),
    ) {
        ds.child(child);
        let end = d(adopted.0, adopted.1, adopted.2);
        match placed {
            Some((y, m, day)) => {
                ds.episode(&format!("{child}a"), child, d(care.0, care.1, care.2))
                    .ended(d(y, m, day), X1);
                ds.episode(&format!("{child}b"), child, d(y, m, day))
                    .reason_new(P)
                    .placement(A6)
                    .ended(end, E11);
            }
            None => {
                ds.episode(&format!("{child}a"), child, d(care.0, care.1, care.2))
                    .ended(end, E11);
            }
        }
    }

    #[test]
    fn average_days_from_placement_order_to_match() {
        let mut ds = Dataset::new();
        adopted(
            &mut ds,
            "K1",
            (2021, 1, 10),
            Some((2022, 6, 1)),
            (2023, 5, 15),
        );
        ds.permanence("P1", "K1")
            .placement_order(d(2022, 3, 1))
            .matched(d(2022, 5, 1)); // 61 days
        adopted(
            &mut ds,
            "K2",
            (2023, 2, 1),
            Some((2024, 1, 15)),
            (2025, 3, 31),
        );
        ds.permanence("P2", "K2")
            .placement_order(d(2023, 10, 1))
            .matched(d(2023, 9, 15)); // before: 0
        adopted(
            &mut ds,
            "K4",
            (2022, 9, 1),
            Some((2023, 9, 1)),
            (2024, 10, 1),
        );
        ds.permanence("P4", "K4")
            .placement_order(d(2023, 1, 10))
            .matched(d(2023, 7, 20)); // 191 days
        adopted(
            &mut ds,
            "K6",
            (2022, 9, 1),
            Some((2023, 9, 1)),
            (2024, 10, 1),
        );
        ds.permanence("P6", "K6").matched(d(2023, 7, 20)); // no placement order: left out
        adopted(&mut ds, "K7", (2022, 9, 1), None, (2024, 10, 1));
        ds.permanence("P7", "K7")
            .placement_order(d(2023, 1, 10))
            .matched(d(2023, 7, 20)); // never placed
        let m = ds.measure(&AdoptionA2Days, &[dfe_year(2025)]);
        // (61 + 0 + 191) / 3 = 84 days.
        assert_figure(&m[0], 252.0, Some(3.0), Some(84.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["permanence records:P1", "permanence records:P4"]
        );
        assert_eq!(denominator_ids(&ds.context(), &m[0]).len(), 3);
    }
}
