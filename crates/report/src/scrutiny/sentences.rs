//! Plain-English sentences generated from the children-in-care figures, one small function per
//! sentence, as the Scrutiny Panel's officers wrote them by hand ("an increase of 10 children in
//! care between June and July 2019").
//!
//! Every generator takes the [`Audience`]: in a public report a count of 1 to 5 is never stated
//! (it reads "fewer than 6"), and a change or a share that would let a reader work a withheld
//! count out is left unsaid. Numbers are written with thousands separators; "child" and
//! "children" agree with the number.

use crate::disclosure::{count_phrase, is_disclosive};
use crate::doc::{Audience, format_number};
use sightline_measures::context::AgeBand;
use sightline_measures::period::Month;
use sightline_measures::scrutiny::{AgeSexRow, EthnicGroup, PlacedFar, PlacementGroup};

/// "March 2026".
pub fn month_name(month: Month) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = NAMES
        .get(month.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{name} {}", month.year)
}

/// "1 child", "616 children", "fewer than 6 children" (public, small).
pub fn children(audience: Audience, n: u64) -> String {
    let noun = if n == 1 && may_state(audience, n) {
        "child"
    } else {
        "children"
    };
    format!("{} {noun}", count_phrase(audience, n as i64))
}

/// Whether a count may be stated in a sentence for this audience.
fn may_state(audience: Audience, n: u64) -> bool {
    audience == Audience::Internal || !is_disclosive(n as i64)
}

/// The change between two counts: "an increase of 10 children", "a decrease of 1 child", "no
/// change"; `None` in a public report when either count is withheld (the difference would reveal
/// it).
pub fn change_phrase(audience: Audience, before: u64, now: u64) -> Option<String> {
    if !may_state(audience, before) || !may_state(audience, now) {
        return None;
    }
    let noun = |d: u64| if d == 1 { "child" } else { "children" };
    Some(match now.cmp(&before) {
        std::cmp::Ordering::Greater => {
            let d = now - before;
            format!("an increase of {} {}", format_number(d as f64, 0), noun(d))
        }
        std::cmp::Ordering::Less => {
            let d = before - now;
            format!("a decrease of {} {}", format_number(d as f64, 0), noun(d))
        }
        std::cmp::Ordering::Equal => "no change".to_owned(),
    })
}

/// "There were 616 children in care at the end of March 2026, an increase of 10 children since
/// February 2026."
pub fn count_sentence(
    audience: Audience,
    month: Month,
    now: u64,
    previous: Option<(Month, u64)>,
) -> String {
    let verb = if now == 1 && may_state(audience, now) {
        "was"
    } else {
        "were"
    };
    let mut s = format!(
        "There {verb} {} in care at the end of {}",
        children(audience, now),
        month_name(month)
    );
    if let Some((before_month, before)) = previous
        && let Some(change) = change_phrase(audience, before, now)
    {
        s.push_str(&format!(", {change} since {}", month_name(before_month)));
    }
    s.push('.');
    s
}

/// "Over the year from March 2025 to March 2026 the number of children in care fell: a decrease
/// of 21 children." (rose / did not change).
pub fn trend_sentence(audience: Audience, first: (Month, u64), last: (Month, u64)) -> String {
    let span = format!(
        "Over the year from {} to {}",
        month_name(first.0),
        month_name(last.0)
    );
    match change_phrase(audience, first.1, last.1) {
        None => format!(
            "{span} the number of children in care cannot be compared without revealing small numbers."
        ),
        Some(change) if last.1 > first.1 => {
            format!("{span} the number of children in care rose: {change}.")
        }
        Some(change) if last.1 < first.1 => {
            format!("{span} the number of children in care fell: {change}.")
        }
        Some(_) => format!("{span} the number of children in care did not change."),
    }
}

/// How a value stands against a comparator, at one decimal place: "above", "below", "the same as".
pub fn comparison_word(value: f64, comparator: f64) -> &'static str {
    let (v, c) = ((value * 10.0).round(), (comparator * 10.0).round());
    if v > c {
        "above"
    } else if v < c {
        "below"
    } else {
        "the same as"
    }
}

/// A published comparator: its name, value and the year label it refers to.
pub struct Comparator<'a> {
    /// "the statistical neighbour average", "the England average".
    pub name: &'a str,
    /// The published rate.
    pub value: f64,
    /// "at 31 March 2025".
    pub year_label: &'a str,
}

/// "This equates to a rate of 62.7 per 10,000 children aged 0-17 (61.7 last month), below the
/// statistical neighbour average of 86.1 and below the England average of 64.0 (at 31 March
/// 2025)."
pub fn rate_sentence(rate: f64, previous: Option<f64>, comparators: &[Comparator]) -> String {
    let mut s = format!(
        "This equates to a rate of {} per 10,000 children aged 0-17",
        format_number(rate, 1)
    );
    if let Some(p) = previous {
        s.push_str(&format!(" ({} last month)", format_number(p, 1)));
    }
    let parts: Vec<String> = comparators
        .iter()
        .map(|c| {
            format!(
                "{} {} of {} ({})",
                comparison_word(rate, c.value),
                c.name,
                format_number(c.value, 1),
                c.year_label
            )
        })
        .collect();
    match parts.as_slice() {
        [] => {}
        [one] => s.push_str(&format!(", {one}")),
        [init @ .., last] => s.push_str(&format!(", {} and {last}", init.join(", "))),
    }
    s.push('.');
    s
}

/// Percentage-point change below which the ethnic profile is called stable.
pub const STABLE_POINTS: f64 = 2.0;

/// Compares the ethnic profile with a year earlier: the group whose share moved most, or that the
/// profile was stable. In a public report a group whose count is withheld either year is not
/// named (its share would reveal it).
pub fn ethnicity_shift_sentence(
    audience: Audience,
    now: &[(EthnicGroup, u64)],
    year_ago: &[(EthnicGroup, u64)],
    year_ago_month: Month,
) -> String {
    let total = |g: &[(EthnicGroup, u64)]| g.iter().map(|(_, n)| n).sum::<u64>();
    let (t_now, t_then) = (total(now), total(year_ago));
    if t_now == 0 || t_then == 0 {
        return format!(
            "There is no profile to compare with {}.",
            month_name(year_ago_month)
        );
    }
    let share = |n: u64, t: u64| 100.0 * n as f64 / t as f64;
    let biggest = now
        .iter()
        .filter_map(|&(group, n)| {
            let then = year_ago.iter().find(|(g, _)| *g == group)?.1;
            let nameable = may_state(audience, n) && may_state(audience, then);
            nameable.then(|| (group, share(then, t_then), share(n, t_now)))
        })
        .max_by(|a, b| (a.2 - a.1).abs().total_cmp(&(b.2 - b.1).abs()));
    match biggest {
        Some((group, then, now)) if (now - then).abs() >= STABLE_POINTS => format!(
            "The largest change since {} is in children of {} background, whose share {} from {}% to {}%.",
            month_name(year_ago_month),
            group_phrase(group),
            if now > then { "rose" } else { "fell" },
            format_number(then, 1),
            format_number(now, 1)
        ),
        _ => format!(
            "The ethnic profile of children in care has been relatively stable: no group's share has changed by {} percentage points or more since {}.",
            format_number(STABLE_POINTS, 0),
            month_name(year_ago_month)
        ),
    }
}

/// The group as it reads after "children of ...".
fn group_phrase(group: EthnicGroup) -> &'static str {
    match group {
        EthnicGroup::White => "a White",
        EthnicGroup::Mixed => "a Mixed",
        EthnicGroup::Asian => "an Asian or Asian British",
        EthnicGroup::Black => "a Black or Black British",
        EthnicGroup::Other => "another",
        EthnicGroup::NotRecorded => "an unrecorded",
    }
}

/// Entrants fewer than this are flagged as small numbers (as the 2019 report did).
pub const SMALL_NUMBERS: u64 = 20;

/// "15 children entered care in July 2019. Note that this is based on small numbers."
pub fn entrants_sentence(audience: Audience, month: Month, entrants: u64) -> String {
    if entrants == 0 {
        return format!("No children entered care in {}.", month_name(month));
    }
    let mut s = format!(
        "{} entered care in {}.",
        capitalise(&children(audience, entrants)),
        month_name(month)
    );
    if entrants < SMALL_NUMBERS {
        s.push_str(" Note that the breakdown by ethnicity is based on small numbers.");
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "The largest age group of boys is 10-15 years: 115 (110 last month)." for boys and girls.
pub fn largest_age_group_sentence(
    audience: Audience,
    now: &[AgeSexRow],
    previous: &[AgeSexRow],
) -> String {
    let mut parts = Vec::new();
    for (noun, pick) in [
        ("boys", (|r: &AgeSexRow| r.male) as fn(&AgeSexRow) -> u64),
        ("girls", |r: &AgeSexRow| r.female),
    ] {
        let Some(row) = now
            .iter()
            .filter(|r| pick(r) > 0)
            .max_by_key(|r| (pick(r), std::cmp::Reverse(r.band)))
        else {
            continue;
        };
        let before = previous
            .iter()
            .find(|r| r.band == row.band)
            .map(pick)
            .unwrap_or(0);
        let mut part = format!(
            "the largest age group of {noun} is {}: {}",
            band_phrase(row.band),
            count_phrase(audience, pick(row) as i64)
        );
        if may_state(audience, before) && may_state(audience, pick(row)) {
            part.push_str(&format!(
                " ({} last month)",
                format_number(before as f64, 0)
            ));
        }
        parts.push(part);
    }
    if parts.is_empty() {
        return "No boys or girls were in care at the end of the month.".to_owned();
    }
    format!("{}.", capitalise(&parts.join("; ")))
}

fn band_phrase(band: AgeBand) -> String {
    match band {
        AgeBand::Under1 => "under 1 year".to_owned(),
        AgeBand::Over18 => "18 and over".to_owned(),
        AgeBand::Unknown => "not known".to_owned(),
        other => format!("{} years", other.label()),
    }
}

/// "89 children (14.4% of children in care) were placed outside the council area and more than
/// 20 miles from home at the end of June 2019, a decrease of 18 children over the last six
/// months. 62 of them are in foster care."
pub fn placed_far_sentence(
    audience: Audience,
    series: &[PlacedFar],
    by_placement: &[(PlacementGroup, u64)],
) -> String {
    let Some(last) = series.last() else {
        return String::new();
    };
    let stated = may_state(audience, last.count);
    let verb = if last.count == 1 && stated {
        "was"
    } else {
        "were"
    };
    let mut s = capitalise(&children(audience, last.count));
    if let (true, Some(p)) = (stated, last.percent) {
        s.push_str(&format!(" ({}% of children in care)", format_number(p, 1)));
    }
    s.push_str(&format!(
        " {verb} placed outside the council area and more than 20 miles from home at the end of {}",
        month_name(last.month)
    ));
    if let Some(six_back) = series.len().checked_sub(7).and_then(|i| series.get(i))
        && let Some(change) = change_phrase(audience, six_back.count, last.count)
    {
        s.push_str(&format!(", {change} over the last six months"));
    }
    s.push('.');
    let foster = by_placement
        .iter()
        .find(|(g, _)| *g == PlacementGroup::Foster)
        .map(|(_, n)| *n)
        .unwrap_or(0);
    if last.count > 0 && may_state(audience, foster) && stated {
        s.push_str(&format!(
            " {} of them {} in foster care.",
            capitalise(&format_number(foster as f64, 0)),
            if foster == 1 { "is" } else { "are" }
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use Audience::{Internal, Public};

    fn m(year: i32, month: u32) -> Month {
        Month { year, month }
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(m(2026, 3)), "March 2026");
        assert_eq!(month_name(m(2025, 12)), "December 2025");
    }

    #[test]
    fn children_agree_with_the_number() {
        assert_eq!(children(Internal, 1), "1 child");
        assert_eq!(children(Internal, 0), "0 children");
        assert_eq!(children(Internal, 1234), "1,234 children");
        assert_eq!(children(Public, 1), "fewer than 6 children");
        assert_eq!(children(Public, 6), "6 children");
    }

    #[test]
    fn count_sentences_say_the_change() {
        assert_eq!(
            count_sentence(Internal, m(2026, 3), 616, Some((m(2026, 2), 606))),
            "There were 616 children in care at the end of March 2026, an increase of 10 children since February 2026."
        );
        assert_eq!(
            count_sentence(Internal, m(2026, 3), 615, Some((m(2026, 2), 616))),
            "There were 615 children in care at the end of March 2026, a decrease of 1 child since February 2026."
        );
        assert_eq!(
            count_sentence(Internal, m(2026, 3), 616, Some((m(2026, 2), 616))),
            "There were 616 children in care at the end of March 2026, no change since February 2026."
        );
        assert_eq!(
            count_sentence(Internal, m(2026, 3), 1, None),
            "There was 1 child in care at the end of March 2026."
        );
    }

    #[test]
    fn public_sentences_never_state_a_withheld_count() {
        // 3 now, 8 before: the change (5) would reveal the 3.
        let s = count_sentence(Public, m(2026, 3), 3, Some((m(2026, 2), 8)));
        assert_eq!(
            s,
            "There were fewer than 6 children in care at the end of March 2026."
        );
        assert!(!s.contains('3') || s.contains("March 2026") && !s.contains(" 3 "));
        assert_eq!(change_phrase(Public, 8, 3), None);
        assert_eq!(
            change_phrase(Public, 0, 8).as_deref(),
            Some("an increase of 8 children")
        );
        // Zero is not withheld.
        assert_eq!(change_phrase(Public, 0, 0).as_deref(), Some("no change"));
    }

    #[test]
    fn trend_over_the_year() {
        assert_eq!(
            trend_sentence(Internal, (m(2018, 8), 649), (m(2019, 7), 628)),
            "Over the year from August 2018 to July 2019 the number of children in care fell: a decrease of 21 children."
        );
        assert_eq!(
            trend_sentence(Internal, (m(2018, 8), 10), (m(2019, 7), 10)),
            "Over the year from August 2018 to July 2019 the number of children in care did not change."
        );
        assert!(
            trend_sentence(Public, (m(2018, 8), 4), (m(2019, 7), 10))
                .contains("cannot be compared")
        );
    }

    #[test]
    fn rates_against_comparators() {
        let comparators = [
            Comparator {
                name: "the statistical neighbour average",
                value: 86.1,
                year_label: "at 31 March 2018",
            },
            Comparator {
                name: "the England average",
                value: 64.0,
                year_label: "at 31 March 2018",
            },
        ];
        assert_eq!(
            rate_sentence(62.7, Some(61.7), &comparators),
            "This equates to a rate of 62.7 per 10,000 children aged 0-17 (61.7 last month), below the statistical neighbour average of 86.1 (at 31 March 2018) and below the England average of 64.0 (at 31 March 2018)."
        );
        assert_eq!(comparison_word(78.44, 78.4), "the same as");
        assert_eq!(comparison_word(90.0, 78.4), "above");
        assert_eq!(
            rate_sentence(90.0, None, &comparators[..1]),
            "This equates to a rate of 90.0 per 10,000 children aged 0-17, above the statistical neighbour average of 86.1 (at 31 March 2018)."
        );
    }

    fn profile(counts: [u64; 6]) -> Vec<(EthnicGroup, u64)> {
        EthnicGroup::ALL.iter().copied().zip(counts).collect()
    }

    #[test]
    fn ethnicity_shifts() {
        // White 80 of 100 -> 70 of 100 (-10 points), Mixed 10 -> 20 (+10): ties go to the later group.
        let then = profile([80, 10, 5, 5, 0, 0]);
        let now = profile([70, 20, 5, 5, 0, 0]);
        assert_eq!(
            ethnicity_shift_sentence(Internal, &now, &then, m(2025, 3)),
            "The largest change since March 2025 is in children of a Mixed background, whose share rose from 10.0% to 20.0%."
        );
        let steady = profile([79, 11, 5, 5, 0, 0]);
        assert_eq!(
            ethnicity_shift_sentence(Internal, &steady, &then, m(2025, 3)),
            "The ethnic profile of children in care has been relatively stable: no group's share has changed by 2 percentage points or more since March 2025."
        );
        // Public: Asian 5 -> 15 is the biggest move, but 5 is withheld, so White (80 -> 70) is named.
        let then = profile([80, 10, 5, 5, 0, 0]);
        let now = profile([70, 10, 15, 5, 0, 0]);
        let public = ethnicity_shift_sentence(Public, &now, &then, m(2025, 3));
        assert!(
            public.contains("a White background, whose share fell from 80.0% to 70.0%"),
            "{public}"
        );
        let internal = ethnicity_shift_sentence(Internal, &now, &then, m(2025, 3));
        assert!(internal.contains("Asian"), "{internal}");
    }

    #[test]
    fn entrants() {
        assert_eq!(
            entrants_sentence(Internal, m(2019, 7), 15),
            "15 children entered care in July 2019. Note that the breakdown by ethnicity is based on small numbers."
        );
        assert_eq!(
            entrants_sentence(Internal, m(2019, 7), 0),
            "No children entered care in July 2019."
        );
        assert_eq!(
            entrants_sentence(Internal, m(2019, 7), 25),
            "25 children entered care in July 2019."
        );
        assert!(
            entrants_sentence(Public, m(2019, 7), 4).starts_with("Fewer than 6 children entered")
        );
    }

    fn row(band: AgeBand, male: u64, female: u64) -> AgeSexRow {
        AgeSexRow {
            band,
            male,
            female,
            unknown: 0,
        }
    }

    #[test]
    fn largest_age_groups() {
        let now = [
            row(AgeBand::From5To9, 80, 95),
            row(AgeBand::From10To15, 115, 91),
        ];
        let before = [
            row(AgeBand::From5To9, 80, 96),
            row(AgeBand::From10To15, 110, 94),
        ];
        assert_eq!(
            largest_age_group_sentence(Internal, &now, &before),
            "The largest age group of boys is 10-15 years: 115 (110 last month); the largest age group of girls is 5-9 years: 95 (96 last month)."
        );
        let small = [row(AgeBand::Under1, 3, 0)];
        assert_eq!(
            largest_age_group_sentence(Public, &small, &[]),
            "The largest age group of boys is under 1 year: fewer than 6."
        );
    }

    fn far(month: u32, count: u64, looked_after: u64) -> PlacedFar {
        PlacedFar {
            month: m(2019, month),
            count,
            looked_after,
            percent: Some(100.0 * count as f64 / looked_after as f64),
        }
    }

    #[test]
    fn placed_far_away() {
        let series: Vec<PlacedFar> = [107, 106, 104, 105, 101, 103, 89]
            .iter()
            .enumerate()
            .map(|(i, &n)| far(i as u32 + 1, n, 618))
            .collect();
        let by = [
            (PlacementGroup::Foster, 62),
            (PlacementGroup::ChildrensHome, 20),
        ];
        assert_eq!(
            placed_far_sentence(Internal, &series, &by),
            "89 children (14.4% of children in care) were placed outside the council area and more than 20 miles from home at the end of July 2019, a decrease of 18 children over the last six months. 62 of them are in foster care."
        );
        let small = vec![far(1, 8, 100), far(2, 4, 100)];
        let public = placed_far_sentence(Public, &small, &[(PlacementGroup::Foster, 4)]);
        assert_eq!(
            public,
            "Fewer than 6 children were placed outside the council area and more than 20 miles from home at the end of February 2019."
        );
    }
}
