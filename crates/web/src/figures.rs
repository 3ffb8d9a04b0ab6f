//! How figures are printed, with public disclosure control: for callers without
//! `ViewExactSmallNumbers` (the board), a count of 1 to 5, or a ratio or rate built on one, shows
//! as "c" (the DfE's symbol for a suppressed figure), so no child can be singled out.

use sightline_measures::indicator::Unit;

/// How small numbers are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disclosure {
    /// Every figure as it is.
    Exact,
    /// Figures built on 1 to 5 records show as "c".
    Suppressed,
}

/// The symbol of a suppressed figure.
pub const SUPPRESSED: &str = "c";

/// Whether a count is small enough to identify someone.
fn is_small(n: f64) -> bool {
    n > 0.0 && n <= 5.0
}

impl Disclosure {
    /// A figure of an indicator (or one group of a breakdown): the value in its unit, or "c" when
    /// its numerator or denominator is 1 to 5 and small numbers are suppressed.
    #[must_use]
    pub fn value(
        self,
        unit: Unit,
        value: Option<f64>,
        numerator: f64,
        denominator: Option<f64>,
    ) -> String {
        if self == Disclosure::Suppressed
            && (is_small(numerator) || denominator.is_some_and(is_small))
        {
            return SUPPRESSED.to_owned();
        }
        format_value(unit, value)
    }

    /// A plain count.
    #[must_use]
    pub fn count(self, n: f64) -> String {
        if self == Disclosure::Suppressed && is_small(n) {
            SUPPRESSED.to_owned()
        } else {
            format_count(n)
        }
    }
}

/// A value in its unit, unsuppressed ("-" when it cannot be computed).
pub fn format_value(unit: Unit, value: Option<f64>) -> String {
    match value {
        None => "-".to_owned(),
        Some(v) => match unit {
            Unit::MonthlyNumber | Unit::SnapshotNumber => format_count(v),
            Unit::Percent => format!("{v:.1}%"),
            Unit::AnnualRatePer10k | Unit::RatePer10k | Unit::Days | Unit::Average => {
                format!("{v:.1}")
            }
        },
    }
}

/// A count with thousands separators.
pub fn format_count(n: f64) -> String {
    let rounded = n.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    if rounded < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers_are_suppressed_for_the_board_only() {
        let s = Disclosure::Suppressed;
        assert_eq!(s.count(3.0), "c");
        assert_eq!(s.count(0.0), "0");
        assert_eq!(s.count(6.0), "6");
        assert_eq!(Disclosure::Exact.count(3.0), "3");
        // 2 of 40 is a percentage built on two children: suppressed.
        assert_eq!(s.value(Unit::Percent, Some(5.0), 2.0, Some(40.0)), "c");
        // 30 of 4: the denominator is small.
        assert_eq!(s.value(Unit::Percent, Some(75.0), 3.0, Some(4.0)), "c");
        assert_eq!(
            s.value(Unit::Percent, Some(50.0), 20.0, Some(40.0)),
            "50.0%"
        );
        assert_eq!(
            Disclosure::Exact.value(Unit::Percent, Some(5.0), 2.0, Some(40.0)),
            "5.0%"
        );
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(format_count(1234567.0), "1,234,567");
        assert_eq!(format_count(999.0), "999");
        assert_eq!(format_value(Unit::Days, None), "-");
    }
}
