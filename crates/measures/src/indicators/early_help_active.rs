//! `early_help_active`: early help episodes open at the end of the period (early support: "active
//! cases in each area" is this figure broken down by locality).
//!
//! Choice: the locality breakdown uses the child's home locality, like every other indicator; the
//! episode's delivering locality is usually the same.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `early_help_active`.
pub struct EarlyHelpActive;

static META: IndicatorMeta = IndicatorMeta {
    id: "early_help_active",
    title: "Active early support cases",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Early help episodes open at the end of the period",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period",
        exclusions: "Episodes closed on or before the snapshot day",
        source: "Local measure (early support plan: active cases in each area)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for EarlyHelpActive {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let episodes = &ctx.records.early_help;
        for_each_open(ctx, periods, out, kinds::EARLY_HELP, episodes, |e| {
            Some((e.start, e.end))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breakdown::breakdown;
    use crate::indicator::Dimension;
    use crate::testkit::*;

    #[test]
    fn open_episodes_by_locality() {
        let mut ds = Dataset::new();
        ds.child("C1").locality("Dewsbury");
        ds.child("C2").locality("Huddersfield");
        ds.early_help("H1", "C1", d(2025, 1, 1));
        ds.early_help("H2", "C1", d(2025, 1, 1))
            .ended(d(2025, 3, 31)); // closed on the day
        ds.early_help("H3", "C2", d(2025, 3, 31)); // opened on the day
        ds.early_help("H4", "C2", d(2025, 2, 1))
            .ended(d(2025, 4, 2));
        let ctx = ds.context();
        let m = crate::engine::compute(&ctx, &EarlyHelpActive, &[month(2025, 3)]);
        assert_figure(&m[0], 3.0, None, Some(3.0));
        let by_area = breakdown(&ctx, &m[0], Dimension::Locality);
        let counts: Vec<(&str, f64)> = by_area
            .iter()
            .map(|(l, f)| (l.as_str(), f.numerator))
            .collect();
        assert_eq!(counts, [("Dewsbury", 1.0), ("Huddersfield", 2.0)]);
    }
}
