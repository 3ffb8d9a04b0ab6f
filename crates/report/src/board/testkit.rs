//! Small hand-built inputs for the board pack's tests: a two-priority plan and figures rated
//! against its targets the way the CLI rates them.

use super::inputs::IndicatorFigures;
use sightline_measures::benchmarks::{Benchmarks, SnVersion, Valued};
use sightline_measures::period::Month;
use sightline_measures::rag;
use sightline_plan::{Plan, TargetWindow, parse_plan, targets_config};

pub const SMALL_PLAN: &str = r#"
[plan]
title = "Test plan 2019/20"
council = "Testshire Council"
start = 2019-07-01
end = 2020-03-31

[[recommendations]]
id = "O1"
body = "Ofsted"
text = "Better recording."

[[recommendations]]
id = "O2"
body = "Ofsted"
text = "Better plans."

[[recommendations]]
id = "K1"
body = "Safeguarding board"
text = "Better partnership."

[[priorities]]
id = "P1"
title = "Front Door"
owner = "Head of Front Door"
alignment = ["O1", "O2"]
aims = ["Respond to risk"]

[[priorities.actions]]
id = "A1"
text = "Train staff"
due = 2019-09-30
recommendations = ["O1"]

[[priorities.actions]]
id = "A2"
text = "Review plans"
owner = "Service Manager"
recommendations = ["O1", "O2"]
status = "on track"

[[priorities.measures]]
text = "Re-referrals within 12 months"
indicator = "rereferrals_12m_pct"
target = 24.6
stretch = 22.1

[[priorities.measures]]
text = "Contacts"
indicator = "contacts"

[[priorities.measures]]
text = "Referrals"
indicator = "referrals"

[[priorities]]
id = "P2"
title = "Assessment"
owner = "Head of Assessment"

[[priorities.actions]]
id = "A1"
text = "Audit assessments"
status = "off track"

[[priorities.measures]]
text = "Staff feel supported"
update = "Survey in December"

[[priorities.measures]]
text = "Assessments in 45 working days"
indicator = "assessments_45wd_pct"
target = 82.1
stretch = 84.6

[[governance]]
id = "ib"
name = "Improvement Board"
role = "Owns the plan"
receives = [{ report = "board-pack", frequency = "monthly" }]

[[updates]]
date = 2019-08-31
author = "Head of Front Door"
priority = "P1"
action = "A1"
rag = "amber"
status = "at risk"
commentary = "Trainer off sick; sessions moved."

[[updates]]
date = 2019-11-30
author = "Head of Front Door"
priority = "P1"
action = "A1"
rag = "green"
status = "complete"
commentary = "All staff trained."
"#;

pub fn small_plan() -> Plan {
    parse_plan("small.toml", SMALL_PLAN).unwrap()
}

pub fn october() -> Month {
    Month::parse("2019-10").unwrap()
}

fn valued(value: f64) -> Option<Valued> {
    Some(Valued {
        value,
        year: 2019,
        label: "2018-19".into(),
    })
}

/// Figures for `id` in October 2019 with the month before, rated against the small plan's
/// targets as `sightline_cli::measures::indicator_lines` does. Re-referrals get the seed plan's
/// printed benchmarks.
pub fn figures(id: &str, latest: Option<f64>, previous: Option<f64>) -> IndicatorFigures {
    let meta = sightline_measures::indicators::find(id).unwrap().meta();
    let targets = targets_config(&small_plan(), TargetWindow::PlanPeriod);
    let target = targets.for_indicator(id, october());
    let polarity = target.map_or(meta.polarity, |t| t.polarity_or(meta.polarity));
    let benchmarks = (id == "rereferrals_12m_pct").then(|| Benchmarks {
        mapping: sightline_measures::benchmarks::mapping::mapping(id).unwrap(),
        sn_version: SnVersion::default(),
        sn_average: valued(22.1),
        sn_used: 10,
        sn_size: 10,
        england: valued(22.6),
        region: valued(24.6),
        region_name: "Yorkshire and the Humber".into(),
        council: valued(19.7),
    });
    let mut last_13_months = vec![None; 11];
    last_13_months.extend([previous, latest]);
    IndicatorFigures {
        meta,
        polarity,
        latest,
        last_12_months_average: match (latest, previous) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            (a, b) => a.or(b),
        },
        target: target.and_then(|t| t.target),
        stretch: target.and_then(|t| t.stretch),
        rag: match (latest, target) {
            (Some(v), Some(t)) => rag::rag(v, t, meta.polarity),
            _ => None,
        },
        direction: rag::direction_of_travel(previous, latest, polarity),
        change: rag::change(previous, latest),
        benchmarks,
        last_13_months,
    }
}
