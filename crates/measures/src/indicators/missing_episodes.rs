//! `missing_episodes`: episodes of children going missing or away from placement without
//! authorisation that started in the period; the plan reports them "by type of case
//! (CIN/CPP/LAC/OLA)", which is the case-type breakdown.
//!
//! Choice: both 903 kinds count, missing (whereabouts unknown) and away (whereabouts known),
//! because many councils record every incident as missing and the plan counts episodes for all
//! children; the DfE counts the two separately for looked-after children only.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `missing_episodes`.
pub struct MissingEpisodes;

static META: IndicatorMeta = IndicatorMeta {
    id: "missing_episodes",
    title: "Number of missing episodes by type of case (CIN/CP/CLA/other)",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Episodes of a child missing (whereabouts unknown) or away without authorisation",
        denominator: "None (a count)",
        period: "Start of the episode in the period",
        exclusions: "None: missing and away both count, for children of every case type",
        source: "SSDA903 Missing table (MISSING M/A, MIS_START); local missing-from-home records; statutory guidance on children who run away or go missing (2014)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for MissingEpisodes {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let missing = &ctx.records.missing;
        for_each_event(ctx, periods, out, kinds::MISSING, missing, |m| {
            Some(Event::count(m.start))
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
    fn counts_missing_and_away_by_start_and_splits_by_case_type() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.child("C3");
        ds.episode("E1", "C1", d(2024, 1, 1));
        ds.cp_plan("P1", "C2", d(2024, 12, 1));
        ds.missing("M1", "C1", d(2025, 1, 31))
            .returned(d(2025, 2, 2)); // counts in January only
        ds.missing("M2", "C1", d(2025, 1, 5)).away();
        ds.missing("M3", "C2", d(2025, 1, 6));
        ds.missing("M4", "C3", d(2025, 1, 7)); // no open case
        ds.missing("M5", "C3", d(2025, 2, 1));
        let m = ds.measure(&MissingEpisodes, &[month(2025, 1), month(2025, 2)]);
        assert_figure(&m[0], 4.0, None, Some(4.0));
        assert_figure(&m[1], 1.0, None, Some(1.0));
        let by_type = breakdown(&ds.context(), &m[0], Dimension::CaseType);
        let by_type: Vec<(&str, f64)> = by_type
            .iter()
            .map(|(l, f)| (l.as_str(), f.numerator))
            .collect();
        assert_eq!(by_type, [("CLA", 2.0), ("CP", 1.0), ("Other", 1.0)]);
    }
}
