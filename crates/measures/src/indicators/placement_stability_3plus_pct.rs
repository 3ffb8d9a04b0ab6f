//! `placement_stability_3plus_pct`: percentage of children looked after at the end of the period
//! who had three or more placements in the 12 months to then (DfE short-term placement
//! stability).
//!
//! Choices (kpi-definitions §5 q2, the DfE's exact placement rules not found): the window is the
//! 12 calendar months ending with the period's last month (for a DfE year, the year itself); the
//! placement open at the window's start counts, then every episode starting a new placement with
//! new carers (reason S, P or B); a change of legal status only (L) or of placement with the same
//! carers (T, U), temporary placements (T0-T4), placement for adoption with the current foster
//! carers (A3, A5, as the DfE) and short breaks do not count. A placement that ended on the
//! window's first day is not in it.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `placement_stability_3plus_pct`.
pub struct PlacementStability3plusPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "placement_stability_3plus_pct",
    title: "Percentage of children looked after with three or more placements in the year",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Children looked after at the end of the period who had 3 or more placements in the 12 months to then (the placement open at the start, then each move to new carers: new episode reason S, P or B)",
        denominator: "Children looked after at the end of the period",
        period: "Snapshot on the last day of the period; placements in the 12 months ending then (the DfE year itself for a DfE year)",
        exclusions: "Short breaks (V3/V4); temporary placements (T0-T4); legal status changes and moves with the same carers; placement for adoption with current foster carers (A3, A5)",
        source: "DfE Children looked after statistics (placement stability, LAIT-DICT 372); LAIT LACStable_2016on",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for PlacementStability3plusPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        share_of_looked_after(ctx, periods, out, |_, child, end| {
            placements_between(ctx, child, window_start_of_end(end, 12), end) >= 3
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::ReasonEpisodeCeased::{E4A, X1};
    use sightline_model::codes::ReasonNewEpisode::{B, L, P, T};
    use sightline_model::codes::{LegalStatus, PlacementType};

    #[test]
    fn three_or_more_placements_in_the_year() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5"] {
            ds.child(c);
        }
        // C1: placement open on 1 April 2024, moves in June and September: 3.
        ds.episode("A1", "C1", d(2023, 1, 1))
            .ended(d(2024, 6, 1), X1);
        ds.episode("A2", "C1", d(2024, 6, 1))
            .reason_new(P)
            .ended(d(2024, 9, 1), X1);
        ds.episode("A3", "C1", d(2024, 9, 1)).reason_new(B);
        // C2: enters in May, a week in hospital, back with the same carers, legal status change: 1.
        ds.episode("B1", "C2", d(2024, 5, 1))
            .ended(d(2024, 7, 1), X1);
        ds.episode("B2", "C2", d(2024, 7, 1))
            .reason_new(P)
            .placement(PlacementType::T1)
            .ended(d(2024, 7, 8), X1);
        ds.episode("B3", "C2", d(2024, 7, 8))
            .reason_new(T)
            .ended(d(2024, 10, 1), X1);
        ds.episode("B4", "C2", d(2024, 10, 1))
            .reason_new(L)
            .legal_status(LegalStatus::C1);
        // C3: foster placement becomes an adoptive placement with the same carers (A5), then a
        // move: 2.
        ds.episode("D1", "C3", d(2023, 1, 1))
            .ended(d(2024, 8, 1), X1);
        ds.episode("D2", "C3", d(2024, 8, 1))
            .reason_new(P)
            .placement(PlacementType::A5)
            .ended(d(2024, 12, 1), X1);
        ds.episode("D3", "C3", d(2024, 12, 1)).reason_new(P);
        // C4: three moves but now on short breaks; C5: three moves but left care on 31 March.
        ds.episode("F1", "C4", d(2024, 4, 2))
            .ended(d(2024, 5, 1), X1);
        ds.episode("F2", "C4", d(2024, 5, 1))
            .reason_new(P)
            .ended(d(2024, 6, 1), X1);
        ds.episode("F3", "C4", d(2024, 6, 1))
            .reason_new(P)
            .legal_status(LegalStatus::V3);
        ds.episode("G1", "C5", d(2024, 4, 2))
            .ended(d(2024, 5, 1), X1);
        ds.episode("G2", "C5", d(2024, 5, 1))
            .reason_new(P)
            .ended(d(2024, 6, 1), X1);
        ds.episode("G3", "C5", d(2024, 6, 1))
            .reason_new(P)
            .ended(d(2025, 3, 31), E4A);
        let m = ds.measure(
            &PlacementStability3plusPct,
            &[dfe_year(2025), month(2025, 8)],
        );
        // 31 March 2025: C1 of C1, C2, C3 = 33.3%.
        assert_figure(&m[0], 1.0, Some(3.0), Some(100.0 / 3.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:A3"]
        );
        // 12 months to August 2025 (from 1 September 2024): C1 has A3 only (A2 ended that day),
        // C2 has B3 then a legal status change (1), C3 has D2 then D3 (2): nobody has 3.
        assert_figure(&m[1], 0.0, Some(3.0), Some(0.0));
    }
}
