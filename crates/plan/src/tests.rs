//! Golden tests of the file format on small plans written here, and of the shipped example.

use crate::*;
use sightline_measures::indicator::Polarity;
use sightline_measures::period::Month;
use sightline_measures::targets::Tolerance;

/// A small valid plan; tests append or replace lines to break it.
const SMALL: &str = r#"
[plan]
title = "Test plan"
council = "Testshire"
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
owner = "Head of Service"
alignment = ["O1", "O2"]
aims = ["Respond to risk"]

[[priorities.actions]]
id = "A1"
text = "Train staff"
due = 2019-12-31
recommendations = ["O1"]
status = "on track"

[[priorities.actions]]
id = "A2"
text = "Review plans"
owner = "Service Manager"
recommendations = ["O2"]

[[priorities.measures]]
text = "Re-referrals"
indicator = "rereferrals_12m_pct"
target = 24.6
stretch = 22.1

[[priorities.measures]]
text = "Contacts"
indicator = "contacts"

[[governance]]
id = "ib"
name = "Improvement Board"
role = "Owns the plan"
receives = [{ report = "board-pack", frequency = "monthly" }]

[[updates]]
date = 2019-08-31
author = "Head of Service"
priority = "P1"
action = "A1"
rag = "green"
status = "on track"
commentary = "Training booked."
"#;

#[track_caller]
fn check_errors(text: &str, expected: &[&str]) {
    let errors = parse_plan("test.toml", text).expect_err("the plan should not parse");
    let got: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
    assert_eq!(got, expected);
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_small_plan_parses_with_defaults_filled_in() {
    let plan = parse_plan("test.toml", SMALL).unwrap();
    assert_eq!(plan.council, "Testshire");
    assert_eq!(plan.la_code.0, 382);
    assert_eq!(plan.tolerance, Tolerance::DEFAULT);
    let p = &plan.priorities[0];
    assert_eq!(p.alignment, ["O1", "O2"]);
    let a1 = &p.actions[0];
    assert_eq!(a1.status, ActionStatus::OnTrack);
    assert_eq!(a1.due, Some("2019-12-31".parse().unwrap()));
    assert_eq!(
        a1.owner, "Head of Service",
        "defaults to the priority owner"
    );
    let a2 = &p.actions[1];
    assert_eq!(
        (a2.owner.as_str(), a2.status),
        ("Service Manager", ActionStatus::NotStarted)
    );
    assert_eq!(
        p.measures[0].line,
        line_of(SMALL, "text = \"Re-referrals\"")
    );
    assert_eq!(
        plan.governance[0].receives[0],
        ReportSchedule {
            report: ReportKind::BoardPack,
            frequency: Frequency::Monthly,
            note: None
        }
    );
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(plan.updates[0].status, Some(ActionStatus::OnTrack));
}

#[test]
fn errors_name_file_line_and_toml_path() {
    let text = SMALL
        .replace("due = 2019-12-31", "due = 2021-05-01")
        .replace("recommendations = [\"O2\"]", "recommendations = [\"O3\"]")
        .replace(
            "status = \"on track\"\n\n[[priorities.actions]]",
            "status = \"ontrack\"\n\n[[priorities.actions]]",
        );
    let due = line_of(&text, "due = 2021-05-01");
    let status = line_of(&text, "status = \"ontrack\"");
    let rec = line_of(&text, "recommendations = [\"O3\"]");
    check_errors(
        &text,
        &[
            &format!(
                "test.toml:{due}: priorities[0].actions[0].due: due date 2021-05-01 is outside the plan period (2019-07-01 to 2020-03-31)"
            ),
            &format!(
                "test.toml:{status}: priorities[0].actions[0].status: unknown status \"ontrack\": expected one of \"not started\", \"on track\", \"at risk\", \"off track\", \"complete\""
            ),
            &format!(
                "test.toml:{rec}: priorities[0].actions[1].recommendations[0]: unknown recommendation reference `O3` (known: O1, O2, K1)"
            ),
        ],
    );
}

#[test]
fn duplicate_ids_are_errors_pointing_at_the_second() {
    let text =
        SMALL
            .replacen("id = \"A2\"", "id = \"A1\"", 1)
            .replacen("id = \"K1\"", "id = \"O2\"", 1);
    let rec = line_of(&text, "id = \"O2\"") + 5; // the second O2
    let action = text.match_indices("id = \"A1\"").nth(1).unwrap().0;
    let action_line = text[..action].lines().count() + 1;
    check_errors(
        &text,
        &[
            &format!(
                "test.toml:{rec}: recommendations[2].id: duplicate recommendation id `O2` (first used at recommendations[1])"
            ),
            &format!(
                "test.toml:{action_line}: priorities[0].actions[1].id: duplicate action id `A1` (first used at priorities[0].actions[0])"
            ),
        ],
    );
}

#[test]
fn measures_updates_and_governance_are_checked() {
    let text = format!(
        "{SMALL}\n{}",
        r#"
[[priorities]]
id = "P2"
title = "Care"
owner = "Head of Care"

[[priorities.measures]]
text = "Reviews"
target = 90
polarity = "up"

[[priorities.measures]]
text = "Re-referrals again"
indicator = "rereferrals_12m_pct"
stretch = 20.0

[[governance]]
id = "panel"
name = "Scrutiny"
role = "Scrutinises"
receives = [{ report = "pack", frequency = "fortnightly" }]

[[updates]]
date = 2019-08-01
author = "Someone"
priority = "P9"
rag = "green"
commentary = "x"

[[updates]]
date = 2019-09-01
author = "Someone"
priority = "P1"
action = "A7"
rag = "purple"
commentary = "x"
"#
    );
    let l = |needle: &str| line_of(&text, needle);
    check_errors(
        &text,
        &[
            &format!(
                "test.toml:{}: priorities[1].measures[0].target: a target needs an `indicator` to be judged against",
                l("target = 90")
            ),
            &format!(
                "test.toml:{}: priorities[1].measures[0].polarity: expected \"high\", \"low\" or \"n/a\", found \"up\"",
                l("polarity = \"up\"")
            ),
            &format!(
                "test.toml:{}: priorities[1].measures[1].indicator: `rereferrals_12m_pct` already has a target for these months at priorities[0].measures[0]: give each target its own `from`/`to`",
                l("text = \"Re-referrals again\"")
            ),
            &format!(
                "test.toml:{}: governance[1].receives[0].report: unknown report \"pack\": expected \"board-pack\", \"children-in-care\", \"worklists\", \"data-quality\" or \"other\" with a `title`",
                l("report = \"pack\"")
            ),
            &format!(
                "test.toml:{}: governance[1].receives[0].frequency: unknown frequency \"fortnightly\": expected one of \"weekly\", \"monthly\", \"bi-monthly\", \"quarterly\", \"six-monthly\", \"annually\", \"as required\"",
                l("report = \"pack\"")
            ),
            &format!(
                "test.toml:{}: updates[1].date: dated 2019-08-01, before the update above it (2019-08-31): the log is append-only, add new updates at the end in date order",
                l("date = 2019-08-01")
            ),
            &format!(
                "test.toml:{}: updates[1].priority: unknown priority `P9`",
                l("priority = \"P9\"")
            ),
            &format!(
                "test.toml:{}: updates[2].rag: unknown rag \"purple\": expected \"red\", \"amber\" or \"green\"",
                l("rag = \"purple\"")
            ),
            &format!(
                "test.toml:{}: updates[2].action: unknown action `A7` in priority `P1`",
                l("action = \"A7\"")
            ),
        ],
    );
}

#[test]
fn syntax_and_shape_errors_come_from_the_toml_parser_with_a_line() {
    check_errors(
        "[plan]\ntitle = \"x\"\ncouncil = \"y\"\nstart = 2019-07-01\nend = 2020-03-31\nfoo = 1\n",
        &[
            "test.toml:6: unknown field `foo`, expected one of `title`, `council`, `la_code`, `start`, `end`, `statistical_neighbours`, `tolerance_points`, `tolerance_percent`",
        ],
    );
    check_errors(
        "[plan]\ntitle = \"x\"\ncouncil = \"y\"\nstart = \"July\"\nend = 2019-03-31\n",
        &["test.toml:4: plan.start: expected a date such as 2019-12-31, found \"July\""],
    );
    check_errors(
        "[plan]\ntitle = \"x\"\ncouncil = \"y\"\nstart = 2020-07-01\nend = 2019-03-31\n",
        &["test.toml:5: plan.end: the plan ends (2019-03-31) before it starts (2020-07-01)"],
    );
}

#[test]
fn warnings_name_unaddressed_recommendations_and_unknown_indicators() {
    let text = SMALL.replace("indicator = \"contacts\"", "indicator = \"contacts_old\"");
    let plan = parse_plan("test.toml", &text).unwrap();
    let got: Vec<String> = warnings(&plan, catalogue_polarity)
        .iter()
        .map(|w| w.to_string())
        .collect();
    let line = line_of(&text, "text = \"Contacts\"");
    assert_eq!(
        got,
        [
            "recommendations[2]: recommendation `K1` is addressed by no action: cite it in an action's `recommendations`".to_owned(),
            format!("line {line}: priorities[0].measures[1].indicator: indicator `contacts_old` no longer exists in the catalogue (renamed or removed?): `sightline indicators --format csv` lists the ids"),
        ]
    );
    // A target on a volume measure cannot be rated.
    let text = SMALL.replace(
        "indicator = \"contacts\"",
        "indicator = \"contacts\"\ntarget = 1500",
    );
    let plan = parse_plan("test.toml", &text).unwrap();
    let w = warnings(&plan, catalogue_polarity);
    assert!(w[1].message.contains("volume measure"), "{w:?}");
}

#[test]
fn targets_come_from_the_plan_for_its_period_or_always() {
    let plan = parse_plan("test.toml", SMALL).unwrap();
    let config = targets_config(&plan, TargetWindow::PlanPeriod);
    assert_eq!(config.targets.len(), 1, "only measures with a target");
    let t = &config.targets[0];
    assert_eq!((t.target, t.stretch), (Some(24.6), Some(22.1)));
    assert_eq!(
        (t.from, t.to),
        (Month::parse("2019-07"), Month::parse("2020-03"))
    );
    assert!(
        config
            .for_indicator("rereferrals_12m_pct", Month::parse("2026-03").unwrap())
            .is_none()
    );
    let always = targets_config(&plan, TargetWindow::Always);
    assert!(
        always
            .for_indicator("rereferrals_12m_pct", Month::parse("2026-03").unwrap())
            .is_some()
    );
}

#[test]
fn updates_recorded_at_run_time_are_checked_against_the_plan() {
    let plan = parse_plan("test.toml", SMALL).unwrap();
    let mut u = plan.updates[0].clone();
    assert_eq!(check_update(&plan, &u), Ok(()));
    u.action = Some("A9".into());
    assert_eq!(
        check_update(&plan, &u),
        Err("no action `A9` in priority `P1`".into())
    );
    u.priority = "P7".into();
    assert_eq!(
        check_update(&plan, &u),
        Err("no priority `P7` in the plan".into())
    );
}

#[test]
fn the_shipped_plan_is_valid_and_complete() {
    let plan = parse_plan("plans/kirklees-2019-20.toml", KIRKLEES_2019_20)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.priorities.len(), 10);
    let ids: Vec<&str> = plan.recommendations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9", "O10"]
    );
    // The printed alignment table.
    let front_door = plan.priority("P2").unwrap();
    assert_eq!(front_door.alignment, ["O1", "O2", "O4", "O9", "O10"]);
    let actions: Vec<usize> = plan.priorities.iter().map(|p| p.actions.len()).collect();
    assert_eq!(actions, [6, 9, 12, 13, 6, 16, 7, 2, 4, 11]);
    // No warnings: every recommendation is addressed, every indicator id exists, and every
    // target can be rated.
    let w = warnings(&plan, catalogue_polarity);
    assert!(w.is_empty(), "{w:#?}");
    // Targets from indicators.csv (target, stretch_target columns), spot-checked.
    let config = targets_config(&plan, TargetWindow::PlanPeriod);
    let oct = Month::parse("2019-10").unwrap();
    let get = |id: &str| {
        let t = config.for_indicator(id, oct).unwrap();
        (t.target, t.stretch)
    };
    assert_eq!(get("rereferrals_12m_pct"), (Some(24.6), Some(22.1)));
    assert_eq!(get("assessments_45wd_pct"), (Some(82.1), Some(84.6)));
    assert_eq!(get("icpc_15wd_pct"), (Some(77.8), Some(78.9)));
    assert_eq!(get("care_leavers_eet_pct"), (Some(51.0), Some(53.0)));
    assert_eq!(
        get("cla_placed_over_20_miles_pct"),
        (Some(15.0), Some(14.0))
    );
    assert_eq!(get("average_caseload"), (None, Some(15.3)));
    assert_eq!(get("foster_carer_approvals"), (Some(2.0), None));
    let parents = config
        .for_indicator("cla_placed_with_parents_pct", oct)
        .unwrap();
    assert_eq!(parents.polarity, Some(Polarity::Low));
    assert_eq!(config.targets.len(), 17);
}

#[test]
fn the_example_in_the_format_doc_parses_cleanly() {
    let doc = include_str!("../../../docs/plan-format.md");
    let start = doc.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let plan =
        parse_plan("docs/plan-format.md", &doc[start..end]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.priorities[0].actions[0].recommendations, ["O1"]);
    assert!(warnings(&plan, catalogue_polarity).is_empty());
    let a4 = &plan.priorities[0].actions[0];
    assert_eq!(
        current_status("P2", a4, &plan.updates),
        ActionStatus::Complete
    );
}
