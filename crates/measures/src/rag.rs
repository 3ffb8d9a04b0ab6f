//! RAG status against a target, and direction of travel between two periods, with the names and
//! labels reports print.
//!
//! RAG (by the indicator's polarity, or the target's override):
//! - **Blue**: meets the stretch target as well as the target. Only when both are set.
//! - **Green**: meets the target (on it, or better).
//! - **Amber**: misses the target by no more than the tolerance ([`Tolerance`]).
//! - **Red**: misses it by more.
//!
//! Edges count as the better colour: a value exactly on the target is green, exactly on the edge
//! of the tolerance is amber. Comparisons allow a relative 1e-9 for floating-point noise, so
//! 84.6 - 5% is still amber at 80.37. No RAG for a volume measure (polarity n/a), a target with
//! no value, or a value that is not a finite number. Values are compared as given: round them to
//! the published precision first if the report should judge what it prints.
//!
//! Direction of travel compares the latest value with the previous one. A change of no more
//! than [`DEAD_BAND_PERCENT`] (0.5%) of the previous value is "no change", so noise and
//! rounding do not flip the arrow. Volume measures get no direction, only [`change`].

use crate::indicator::Polarity;
use crate::targets::{Target, Tolerance};

/// A RAG status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rag {
    /// Meets the stretch target.
    Blue,
    /// Meets the target.
    Green,
    /// Misses the target within the tolerance.
    Amber,
    /// Misses the target by more than the tolerance.
    Red,
}

impl Rag {
    /// Stable machine name: `blue`, `green`, `amber`, `red`.
    pub fn name(self) -> &'static str {
        match self {
            Rag::Blue => "blue",
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }

    /// Label for reports.
    pub fn label(self) -> &'static str {
        match self {
            Rag::Blue => "Blue",
            Rag::Green => "Green",
            Rag::Amber => "Amber",
            Rag::Red => "Red",
        }
    }

    /// What the status means, for a report's key.
    pub fn description(self) -> &'static str {
        match self {
            Rag::Blue => "on or better than the stretch target",
            Rag::Green => "on or better than target",
            Rag::Amber => "short of target, within tolerance",
            Rag::Red => "short of target by more than the tolerance",
        }
    }

    /// Green for Blue, for reports that use three colours only.
    pub fn without_blue(self) -> Rag {
        match self {
            Rag::Blue => Rag::Green,
            other => other,
        }
    }
}

/// Relative slack for floating-point comparisons.
const SLACK: f64 = 1e-9;

fn slack(reference: f64) -> f64 {
    SLACK * reference.abs().max(1.0)
}

/// Whether `value` is on or better than `bar` for `polarity` (false for n/a).
fn meets(value: f64, bar: f64, polarity: Polarity) -> bool {
    match polarity {
        Polarity::High => value >= bar - slack(bar),
        Polarity::Low => value <= bar + slack(bar),
        Polarity::NotApplicable => false,
    }
}

/// The RAG status of `value` against `target`. `polarity` is the indicator's; the target's own
/// `polarity` overrides it. `None`: no RAG (see the module doc).
pub fn rag(value: f64, target: &Target, polarity: Polarity) -> Option<Rag> {
    let polarity = target.polarity_or(polarity);
    let bar = target.bar()?;
    if polarity == Polarity::NotApplicable || !value.is_finite() {
        return None;
    }
    let stretch_met = match (target.target, target.stretch) {
        (Some(_), Some(stretch)) => meets(value, stretch, polarity),
        _ => false,
    };
    Some(if stretch_met && meets(value, bar, polarity) {
        Rag::Blue
    } else if meets(value, bar, polarity) {
        Rag::Green
    } else if meets(value, amber_edge(bar, target.tolerance, polarity), polarity) {
        Rag::Amber
    } else {
        Rag::Red
    })
}

/// The worst value that is still amber.
fn amber_edge(bar: f64, tolerance: Tolerance, polarity: Polarity) -> f64 {
    let allowance = tolerance.allowance(bar);
    match polarity {
        Polarity::Low => bar + allowance,
        Polarity::High | Polarity::NotApplicable => bar - allowance,
    }
}

/// Changes of no more than this percentage of the previous value count as no change.
pub const DEAD_BAND_PERCENT: f64 = 0.5;

/// Which way a value moved, regardless of polarity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Higher than before (beyond the dead band).
    Up,
    /// Lower than before (beyond the dead band).
    Down,
    /// Within the dead band.
    Same,
}

/// Which way the value moved from `previous` to `latest`; `None` without both (finite) values.
pub fn change(previous: Option<f64>, latest: Option<f64>) -> Option<Change> {
    let (previous, latest) = (previous?, latest?);
    if !(previous.is_finite() && latest.is_finite()) {
        return None;
    }
    let band = previous.abs() * DEAD_BAND_PERCENT / 100.0 + slack(previous);
    let delta = latest - previous;
    Some(if delta.abs() <= band {
        Change::Same
    } else if delta > 0.0 {
        Change::Up
    } else {
        Change::Down
    })
}

/// Direction of travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Moved the good way.
    Improving,
    /// Moved the bad way.
    Worsening,
    /// Within the dead band.
    Same,
    /// A volume measure, or a value is missing.
    NotApplicable,
}

impl Direction {
    /// Stable machine name: `improving`, `worsening`, `same`, `n/a`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Improving => "improving",
            Direction::Worsening => "worsening",
            Direction::Same => "same",
            Direction::NotApplicable => "n/a",
        }
    }

    /// Label for reports.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Improving => "Improving",
            Direction::Worsening => "Worsening",
            Direction::Same => "No change",
            Direction::NotApplicable => "Not applicable",
        }
    }

    /// What the label means, for a report's key.
    pub fn description(self) -> &'static str {
        match self {
            Direction::Improving => "better than the previous period",
            Direction::Worsening => "worse than the previous period",
            Direction::Same => "within 0.5% of the previous period",
            Direction::NotApplicable => "no previous figure, or a volume measure",
        }
    }
}

/// Direction of travel from `previous` to `latest` for `polarity`.
pub fn direction_of_travel(
    previous: Option<f64>,
    latest: Option<f64>,
    polarity: Polarity,
) -> Direction {
    match (change(previous, latest), polarity) {
        (None, _) | (_, Polarity::NotApplicable) => Direction::NotApplicable,
        (Some(Change::Same), _) => Direction::Same,
        (Some(Change::Up), Polarity::High) | (Some(Change::Down), Polarity::Low) => {
            Direction::Improving
        }
        (Some(Change::Up), Polarity::Low) | (Some(Change::Down), Polarity::High) => {
            Direction::Worsening
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(target: Option<f64>, stretch: Option<f64>, tolerance: Tolerance) -> Target {
        Target {
            indicator: "x".to_owned(),
            from: None,
            to: None,
            target,
            stretch,
            tolerance,
            polarity: None,
            note: None,
            line: 1,
        }
    }

    #[track_caller]
    fn check(value: f64, t: &Target, polarity: Polarity, expected: Option<Rag>) {
        assert_eq!(rag(value, t, polarity), expected, "value {value}");
    }

    #[test]
    fn high_is_good_with_relative_tolerance() {
        // Assessments in 45 working days, Kirklees 2019/20: target 82.1, stretch 84.6.
        // 5% of 82.1 = 4.105, so amber down to 77.995.
        let t = target(Some(82.1), Some(84.6), Tolerance::DEFAULT);
        check(90.0, &t, Polarity::High, Some(Rag::Blue));
        check(84.6, &t, Polarity::High, Some(Rag::Blue));
        check(84.59, &t, Polarity::High, Some(Rag::Green));
        check(82.1, &t, Polarity::High, Some(Rag::Green));
        check(82.09, &t, Polarity::High, Some(Rag::Amber));
        check(77.995, &t, Polarity::High, Some(Rag::Amber));
        check(77.99, &t, Polarity::High, Some(Rag::Red));
        // 84.6 - 5% computed in floating point is 80.36999..., still amber at 80.37.
        let t = target(Some(84.6), None, Tolerance::DEFAULT);
        check(80.37, &t, Polarity::High, Some(Rag::Amber));
        check(80.36, &t, Polarity::High, Some(Rag::Red));
    }

    #[test]
    fn low_is_good_with_points_tolerance() {
        // Re-referrals: target 24.6, stretch 22.1, amber up to 24.6 + 1.0 points.
        let t = target(Some(24.6), Some(22.1), Tolerance::Points(1.0));
        check(20.0, &t, Polarity::Low, Some(Rag::Blue));
        check(22.1, &t, Polarity::Low, Some(Rag::Blue));
        check(23.9, &t, Polarity::Low, Some(Rag::Green));
        check(24.6, &t, Polarity::Low, Some(Rag::Green));
        check(25.6, &t, Polarity::Low, Some(Rag::Amber));
        check(25.61, &t, Polarity::Low, Some(Rag::Red));
        // Zero tolerance: anything short of target is red.
        let t = target(Some(24.6), None, Tolerance::Points(0.0));
        check(24.61, &t, Polarity::Low, Some(Rag::Red));
    }

    #[test]
    fn overrides_and_missing_pieces() {
        // The plan judges CLA placed with parents low-is-good although the indicator may say high.
        let mut t = target(Some(10.0), Some(6.0), Tolerance::DEFAULT);
        t.polarity = Some(Polarity::Low);
        check(6.2, &t, Polarity::High, Some(Rag::Green));
        check(5.0, &t, Polarity::High, Some(Rag::Blue));
        // Volume measures, non-finite values and empty targets get no RAG.
        let t = target(Some(10.0), None, Tolerance::DEFAULT);
        check(10.0, &t, Polarity::NotApplicable, None);
        check(f64::NAN, &t, Polarity::High, None);
        check(
            1.0,
            &target(None, None, Tolerance::DEFAULT),
            Polarity::High,
            None,
        );
        // A stretch alone is the bar for green, and never blue.
        let t = target(None, Some(99.0), Tolerance::DEFAULT);
        check(99.0, &t, Polarity::High, Some(Rag::Green));
        check(94.3, &t, Polarity::High, Some(Rag::Amber));
        assert_eq!(Rag::Blue.without_blue(), Rag::Green);
        assert_eq!(
            Rag::Amber.description(),
            "short of target, within tolerance"
        );
    }

    #[test]
    fn direction_follows_polarity_with_a_dead_band() {
        use Direction::*;
        assert_eq!(
            direction_of_travel(Some(80.0), Some(82.0), Polarity::High),
            Improving
        );
        assert_eq!(
            direction_of_travel(Some(80.0), Some(78.0), Polarity::High),
            Worsening
        );
        assert_eq!(
            direction_of_travel(Some(24.6), Some(22.1), Polarity::Low),
            Improving
        );
        assert_eq!(
            direction_of_travel(Some(22.1), Some(24.6), Polarity::Low),
            Worsening
        );
        // 0.5% of 80 is 0.4: 80.4 is no change, 80.41 is a change.
        assert_eq!(
            direction_of_travel(Some(80.0), Some(80.4), Polarity::High),
            Same
        );
        assert_eq!(
            direction_of_travel(Some(80.0), Some(79.6), Polarity::Low),
            Same
        );
        assert_eq!(
            direction_of_travel(Some(80.0), Some(80.41), Polarity::High),
            Improving
        );
        // From zero any change counts.
        assert_eq!(
            direction_of_travel(Some(0.0), Some(0.1), Polarity::Low),
            Worsening
        );
        assert_eq!(
            direction_of_travel(Some(100.0), Some(200.0), Polarity::NotApplicable),
            NotApplicable
        );
        assert_eq!(
            direction_of_travel(None, Some(1.0), Polarity::High),
            NotApplicable
        );
        assert_eq!(change(Some(100.0), Some(200.0)), Some(Change::Up));
        assert_eq!(change(Some(100.0), Some(f64::INFINITY)), None);
        assert_eq!(Same.label(), "No change");
    }
}
