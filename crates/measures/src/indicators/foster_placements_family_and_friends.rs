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

    #[test]
    fn foster_placements_split_by_type_and_provider() {
        let ds = foster_split_dataset();
        let m = ds.measure(&FosterPlacementsFamilyAndFriends, &[dfe_year(2025)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E2", "looked-after episodes:E3"]
        );
    }
}
