//! `early_help_step_ups`: early help episodes stepped up to children's social care in the period
//! (early support: "numbers of cases stepping up to ... Children's Social Care").
//!
//! Choice: a step up happens when the early help episode marked "step up" closes, so it is dated
//! by the episode's end; an episode marked as such but still open has not stepped up yet.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::records::StepChange;

/// `early_help_step_ups`.
pub struct EarlyHelpStepUps;

static META: IndicatorMeta = IndicatorMeta {
    id: "early_help_step_ups",
    title: "Number of cases stepping up from early support to children's social care",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Early help episodes closed by a step up to children's social care",
        denominator: "None (a count)",
        period: "End of the early help episode in the period",
        exclusions: "Episodes still open",
        source: "Local measure (early support plan)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for EarlyHelpStepUps {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let episodes = &ctx.records.early_help;
        for_each_event(ctx, periods, out, kinds::EARLY_HELP, episodes, |e| {
            (e.step == Some(StepChange::StepUp)).then_some(Event::count(e.end?))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn step_ups_dated_by_the_end_of_early_help() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.early_help("H1", "C1", d(2024, 11, 1))
            .step(StepChange::StepUp)
            .ended(d(2025, 1, 31));
        ds.early_help("H2", "C1", d(2025, 1, 10))
            .step(StepChange::StepUp); // still open
        ds.early_help("H3", "C1", d(2025, 1, 10))
            .step(StepChange::StepDown)
            .ended(d(2025, 1, 20));
        ds.early_help("H4", "C1", d(2025, 1, 10))
            .ended(d(2025, 1, 20));
        let m = ds.measure(&EarlyHelpStepUps, &[month(2025, 1), month(2024, 11)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 0.0, None, Some(0.0));
    }
}
