//! `cla_count`: children looked after at the end of the period (DfE "at 31 March"), excluding
//! children on an agreed series of short breaks (V3/V4).
//!
//! A child counts once, by the episode open on the last day (the latest started if the records
//! overlap); a child whose open episode is a short break is not looked after; a child who ceased
//! on the last day is not looked after on it.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cla_count`.
pub struct ClaCount;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_count",
    title: "Number of children looked after",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period (one per child, by the episode open that day)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Children whose open episode is a short break (legal status V3/V4); children who ceased on or before the snapshot day",
        source: "DfE Children looked after statistics (CLA at 31 March); LAIT LACnum",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaCount {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |_, _, _| true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased};

    #[test]
    fn looked_after_children_at_the_period_end() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5"] {
            ds.child(c);
        }
        // C1: two episodes joined on 15 March: counted once.
        ds.episode("E1", "C1", d(2024, 5, 1))
            .ended(d(2025, 3, 15), ReasonEpisodeCeased::X1);
        ds.episode("E2", "C1", d(2025, 3, 15))
            .legal_status(LegalStatus::C1);
        // C2: short breaks only.
        ds.episode("E3", "C2", d(2024, 5, 1))
            .legal_status(LegalStatus::V3);
        // C3: ceased on 31 March: looked after at the end of February, not of March.
        ds.episode("E4", "C3", d(2024, 5, 1))
            .ended(d(2025, 3, 31), ReasonEpisodeCeased::E4A);
        // C4: started on 31 March: looked after at 31 March.
        ds.episode("E5", "C4", d(2025, 3, 31))
            .legal_status(LegalStatus::V2);
        // C5: overlapping episodes (bad data): counted once.
        ds.episode("E6", "C5", d(2024, 1, 1));
        ds.episode("E7", "C5", d(2024, 2, 1));
        let m = ds.measure(&ClaCount, &[month(2025, 2), dfe_year(2025)]);
        // 28 February: C1 (E1), C3, C5 = 3. 31 March: C1 (E2), C4, C5 = 3.
        assert_figure(&m[0], 3.0, None, Some(3.0));
        assert_figure(&m[1], 3.0, None, Some(3.0));
        let ctx = ds.context();
        assert_eq!(
            numerator_ids(&ctx, &m[0]),
            [
                "looked-after episodes:E1",
                "looked-after episodes:E4",
                "looked-after episodes:E7"
            ]
        );
        assert_eq!(
            numerator_ids(&ctx, &m[1]),
            [
                "looked-after episodes:E2",
                "looked-after episodes:E5",
                "looked-after episodes:E7"
            ]
        );
    }
}
