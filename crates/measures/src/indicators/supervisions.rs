//! `supervisions`: case supervisions of workers held in the period (the plan's "Number of
//! supervisions taking place").
//!
//! Choice: every recorded supervision counts, about a child or not; broken down by the supervised
//! worker and their team.

use super::common::*;
use crate::context::{Context, RecordKind, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `supervisions`.
pub struct Supervisions;

static META: IndicatorMeta = IndicatorMeta {
    id: "supervisions",
    title: "Number of supervisions taking place",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Case supervisions of workers by managers",
        denominator: "None (a count)",
        period: "Supervision date in the period",
        exclusions: "None",
        source: "Local measure (improvement plan, practice and professional development)",
    },
    breakdowns: WORKFORCE_BREAKDOWNS,
};

impl Indicator for Supervisions {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let index = PeriodIndex::new(periods);
        for (i, s) in ctx.records.supervisions.iter().enumerate() {
            let child = ctx.child_of_record(RecordKind::Supervisions, i as u32);
            let worker = ctx.worker(&s.worker);
            index.each_containing(s.date, |p| {
                out.push(Contribution {
                    worker,
                    ..contribution(p, child, rec(kinds::SUPERVISIONS, i), 1.0, 0.0)
                });
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breakdown::breakdown;
    use crate::indicator::Dimension;
    use crate::testkit::*;

    #[test]
    fn counts_supervisions_by_date_and_worker() {
        let mut ds = Dataset::new();
        ds.team("T1").name("North");
        ds.team("T2").name("South");
        ds.worker("SW1", "T1");
        ds.worker("SW2", "T2");
        ds.child("C1");
        ds.supervision("S1", "SW1", d(2025, 4, 1)).about("C1");
        ds.supervision("S2", "SW1", d(2025, 4, 30));
        ds.supervision("S3", "SW2", d(2025, 4, 15));
        ds.supervision("S4", "SW2", d(2025, 5, 1));
        let ctx = ds.context();
        let m = crate::engine::compute(&ctx, &Supervisions, &[month(2025, 4)]);
        assert_figure(&m[0], 3.0, None, Some(3.0));
        let by_team = breakdown(&ctx, &m[0], Dimension::Team);
        let counts: Vec<(&str, f64)> = by_team
            .iter()
            .map(|(l, f)| (l.as_str(), f.numerator))
            .collect();
        assert_eq!(counts, [("North", 2.0), ("South", 1.0)]);
    }
}
