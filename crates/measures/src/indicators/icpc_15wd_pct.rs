//! `icpc_15wd_pct`: percentage of initial child protection conferences in the period held within
//! 15 working days of the start of the section 47 enquiry that led to them (DfE).
//!
//! Choices: the clock runs from the recorded S47 actual start (the DfE's statistic; the strategy
//! discussion that started it), to the conference date, counted by the crate's calendar convention
//! (`working_days_between(s47 start, icpc) <= 15`). Left out of this measure but counted in `icpc`:
//! transfer-in conferences (no S47 here; kpi-definitions §5 q4, inferred as the DfE does),
//! conferences dated before their S47 (DfE), and conferences whose S47 is not recorded (no start
//! to measure from).

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::ids::RecordId;
use sightline_model::records::ConferenceKind;
use std::collections::HashMap;

/// `icpc_15wd_pct`.
pub struct Icpc15wdPct;

/// The standard, in working days.
const WORKING_DAYS: i64 = 15;

static META: IndicatorMeta = IndicatorMeta {
    id: "icpc_15wd_pct",
    title: "Percentage of Initial Child Protection Conferences within 15 working days of S47 start date",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Initial conferences held within 15 working days of the section 47 enquiry's actual start (working days after the start day up to and including the conference day)",
        denominator: "Initial child protection conferences in the period with a recorded section 47 enquiry starting on or before them",
        period: "Conference date in the period",
        exclusions: "Transfer-in conferences; conferences dated before their S47; conferences with no S47 recorded (all still counted in `icpc`)",
        source: "DfE Children in need statistics (EES C4 duration bands); LAIT CP_conf_15days; Working Together 2023",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for Icpc15wdPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let r = ctx.records;
        let s47_start: HashMap<&RecordId, _> =
            r.section47s.iter().map(|s| (&s.id, s.start)).collect();
        for_each_event(ctx, periods, out, kinds::CONFERENCES, &r.conferences, |c| {
            if c.kind != ConferenceKind::Initial {
                return None;
            }
            let start = *s47_start.get(c.s47.as_ref()?)?;
            if c.date < start {
                return None;
            }
            let days = ctx.calendar.working_days_between(start, c.date);
            Some(Event::share(c.date, days <= WORKING_DAYS))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn within_15_working_days_over_easter_and_early_may() {
        let mut ds = Dataset::new();
        ds.child("C1");
        // Thursday 17 April 2025; Good Friday 18, Easter Monday 21 April and 5 May are holidays:
        // 22-25 Apr (4), 28 Apr-2 May (9), 6-9 May (13), 12 May (14), 13 May (15).
        ds.s47("S1", "C1", "R1", d(2025, 4, 17));
        ds.s47("S2", "C1", "R1", d(2025, 5, 6));
        ds.conference("I1", "C1", "R1", d(2025, 5, 13)).s47("S1"); // 15 working days: in time
        ds.conference("I2", "C1", "R1", d(2025, 5, 14)).s47("S1"); // 16: late
        ds.conference("I3", "C1", "R1", d(2025, 5, 2)).s47("S2"); // before its S47: left out
        ds.conference("I4", "C1", "R1", d(2025, 5, 20))
            .transfer_in(); // left out
        ds.conference("I5", "C1", "R1", d(2025, 5, 21)); // no S47 recorded: left out
        ds.conference("I6", "C1", "R1", d(2025, 5, 22))
            .s47("S2")
            .review(); // not an ICPC
        let m = ds.measure(&Icpc15wdPct, &[month(2025, 5)]);
        assert_figure(&m[0], 1.0, Some(2.0), Some(50.0));
        let ctx = ds.context();
        assert_eq!(
            numerator_ids(&ctx, &m[0]),
            ["child protection conferences:I1"]
        );
        assert_eq!(
            denominator_ids(&ctx, &m[0]),
            [
                "child protection conferences:I1",
                "child protection conferences:I2"
            ]
        );
    }
}
