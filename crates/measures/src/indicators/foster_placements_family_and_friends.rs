//! `foster_placements_family_and_friends`: children looked after at the end of the period fostered by relatives or friends
//! (connected persons, regulation 24 placements included): placement types U1-U3, any provider
//! (see `foster_placements_in_house` for the split).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `foster_placements_family_and_friends`.
pub struct FosterPlacementsFamilyAndFriends;

static META: IndicatorMeta = IndicatorMeta {
    id: "foster_placements_family_and_friends",
    title: "Foster placement split - Family & Friends (inc. Reg 24)",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period in a foster placement with a relative or friend (U1-U3), any provider",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4)",
        source: "SSDA903 PLACE U1-U3 (connected persons, regulation 24 included)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for FosterPlacementsFamilyAndFriends {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            e.placement.is_family_and_friends()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::PlacementProvider;
    use sightline_model::codes::PlacementType;

    #[test]
    fn foster_placements_split_by_type_and_provider() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5", "C6"] {
            ds.child(c);
        }
        use PlacementProvider::*;
        use PlacementType::*;
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placement(U4)
            .provider(PR1); // in-house
        ds.episode("E2", "C2", d(2024, 5, 1))
            .placement(U1)
            .provider(PR1); // family and friends
        ds.episode("E3", "C3", d(2024, 5, 1))
            .placement(U3)
            .provider(PR4); // family and friends
        ds.episode("E4", "C4", d(2024, 5, 1))
            .placement(U5)
            .provider(PR4); // agency
        ds.episode("E5", "C5", d(2024, 5, 1))
            .placement(U6)
            .provider(PR5); // agency
        ds.episode("E6", "C6", d(2024, 5, 1))
            .placement(U6)
            .provider(PR2); // another council's
        let m = ds.measure(&FosterPlacementsFamilyAndFriends, &[dfe_year(2025)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E2", "looked-after episodes:E3"]
        );
    }
}
