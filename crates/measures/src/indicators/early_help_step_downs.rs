//! `early_help_step_downs`: cases stepped down from children's social care to early help in the
//! period (early support: "numbers of cases stepping ... down from Children's Social Care").
//!
//! Choice: a step down is dated by the start of the early help episode it opened.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::StepChange;

/// `early_help_step_downs`.
pub struct EarlyHelpStepDowns;

static META: IndicatorMeta = IndicatorMeta {
    id: "early_help_step_downs",
    title: "Number of cases stepping down from children's social care to early support",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Early help episodes opened by a step down from children's social care",
        denominator: "None (a count)",
        period: "Start of the early help episode in the period",
        exclusions: "None",
        source: "Local measure (early support plan)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for EarlyHelpStepDowns {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let episodes = &ctx.records.early_help;
        for_each_event(ctx, periods, out, kinds::EARLY_HELP, episodes, |e| {
            (e.step == Some(StepChange::StepDown)).then(|| Event::count(e.start))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn step_downs_dated_by_the_start_of_early_help() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.early_help("H1", "C1", d(2025, 1, 31))
            .step(StepChange::StepDown);
        ds.early_help("H2", "C1", d(2025, 2, 1))
            .step(StepChange::StepDown)
            .ended(d(2025, 2, 2));
        ds.early_help("H3", "C1", d(2025, 1, 10))
            .step(StepChange::StepUp)
            .ended(d(2025, 1, 20));
        let m = ds.measure(&EarlyHelpStepDowns, &[month(2025, 1), month(2025, 2)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 1.0, None, Some(1.0));
    }
}
