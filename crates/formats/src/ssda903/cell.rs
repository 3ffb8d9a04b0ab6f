//! One lenient value of a statutory file: parsed, blank, or the invalid text kept verbatim.
//!
//! Validation rules must see bad data as it was recorded (a date `31/02/2025` is a finding, not a
//! missing date), so the first reading stage never drops or rewrites a value: it keeps what it
//! could not parse. Both the 903 and the CIN census readers use [`Cell`]; the text parsers for the
//! shapes the two formats share (dates, flags, small integers) live here too.

use chrono::{Datelike, NaiveDate};

/// One value as read from a file.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Cell<T> {
    /// Empty (or only white space), or the element is absent.
    #[default]
    Blank,
    /// A value that parsed.
    Value(T),
    /// Text that is not a valid value for the field, exactly as written.
    Invalid(String),
}

impl<T> Cell<T> {
    /// Parses trimmed `text` with `parse`: blank text is [`Cell::Blank`], text `parse` rejects is
    /// kept verbatim as [`Cell::Invalid`].
    pub fn parse(text: &str, parse: impl FnOnce(&str) -> Option<T>) -> Cell<T> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Cell::Blank;
        }
        match parse(trimmed) {
            Some(value) => Cell::Value(value),
            None => Cell::Invalid(text.to_owned()),
        }
    }

    /// The parsed value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the value is blank or absent.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    /// Whether text was given that did not parse.
    pub fn is_invalid(&self) -> bool {
        matches!(self, Cell::Invalid(_))
    }

    /// The invalid text, when the value did not parse.
    pub fn invalid_text(&self) -> Option<&str> {
        match self {
            Cell::Invalid(text) => Some(text),
            _ => None,
        }
    }

    /// Maps a parsed value, keeping blanks and invalid text.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Cell<U> {
        match self {
            Cell::Blank => Cell::Blank,
            Cell::Value(v) => Cell::Value(f(v)),
            Cell::Invalid(text) => Cell::Invalid(text),
        }
    }
}

impl<T: Copy> Cell<T> {
    /// The parsed value, copied.
    pub fn get(&self) -> Option<T> {
        self.value().copied()
    }
}

/// Invalid text may be personal data (a mistyped UPN or postcode), so `Debug` never shows it.
impl<T: std::fmt::Debug> std::fmt::Debug for Cell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Blank => f.write_str("Blank"),
            Cell::Value(v) => f.debug_tuple("Value").field(v).finish(),
            Cell::Invalid(_) => f.write_str("Invalid(***)"),
        }
    }
}

/// Parses `dd/mm/yyyy` (the 903 date format; day and month may have one digit). Impossible dates
/// such as `31/02/2025` are rejected.
pub fn parse_dmy(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !digits(day, 1, 2) || !digits(month, 1, 2) || !digits(year, 4, 4) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Parses `yyyy-mm-dd` (`xs:date` without a time zone, the CIN census date format).
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !digits(year, 4, 4) || !digits(month, 2, 2) || !digits(day, 2, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Formats a date as the 903 writes it: `dd/mm/yyyy`.
pub fn format_dmy(date: NaiveDate) -> String {
    // Written by hand: chrono's strftime parses its pattern on every call, and writers format
    // millions of dates.
    let mut out = String::with_capacity(10);
    push_two(&mut out, date.day());
    out.push('/');
    push_two(&mut out, date.month());
    out.push('/');
    push_year(&mut out, date.year());
    out
}

/// Formats a date as the CIN census writes it: `yyyy-mm-dd`.
pub fn format_ymd(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_year(&mut out, date.year());
    out.push('-');
    push_two(&mut out, date.month());
    out.push('-');
    push_two(&mut out, date.day());
    out
}

fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

fn push_year(out: &mut String, year: i32) {
    if (0..=9999).contains(&year) {
        let y = year as u32;
        push_two(out, y / 100);
        push_two(out, y % 100);
    } else {
        out.push_str(&year.to_string());
    }
}

/// Parses a 903 flag: `0` or `1`.
pub fn parse_flag(text: &str) -> Option<bool> {
    match text {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
    }
}

/// Parses a CIN census boolean: `true|false|1|0` (any letter case, as the XSD also allows `TRUE`).
pub fn parse_xml_bool(text: &str) -> Option<bool> {
    if text == "1" || text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text == "0" || text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Parses a whole number made only of ASCII digits (no sign, no decimals), within `max`.
pub fn parse_count(text: &str, max: u32) -> Option<u32> {
    if !digits(text, 1, 9) {
        return None;
    }
    text.parse::<u32>().ok().filter(|n| *n <= max)
}

/// Whether `text` is between `min` and `max` ASCII digits.
pub(crate) fn digits(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `text` looks like a UK postcode: an outward code of 2-4 characters starting with a
/// letter, then a digit and two letters (spaces are ignored). Whether it exists is a validation
/// matter; this only tells a postcode from other text.
pub fn looks_like_postcode(text: &str) -> bool {
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let n = compact.len();
    if !(5..=7).contains(&n) || !compact.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (outward, inward) = compact.split_at(n - 3);
    outward.first().is_some_and(u8::is_ascii_alphabetic)
        && inward.first().is_some_and(u8::is_ascii_digit)
        && inward.iter().skip(1).all(u8::is_ascii_alphabetic)
}

/// Whether `text` has the UPN shape of the 2024 XSD: a letter, 11 digits, then a digit or a letter.
pub fn looks_like_upn(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 13
        && b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.get(1..12)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && b.get(12).is_some_and(u8::is_ascii_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dmy_dates_parse_strictly() {
        assert_eq!(parse_dmy("01/04/2025"), Some(d(2025, 4, 1)));
        assert_eq!(parse_dmy("1/4/2025"), Some(d(2025, 4, 1)));
        assert_eq!(parse_dmy("31/02/2025"), None);
        assert_eq!(parse_dmy("2025-04-01"), None);
        assert_eq!(parse_dmy("01/04/25"), None);
        assert_eq!(parse_dmy("01/04/2025/1"), None);
        assert_eq!(parse_dmy("+1/04/2025"), None);
    }

    #[test]
    fn dates_format_with_leading_zeros() {
        assert_eq!(format_dmy(d(2025, 4, 1)), "01/04/2025");
        assert_eq!(format_ymd(d(2025, 12, 31)), "2025-12-31");
        assert_eq!(format_ymd(d(987, 1, 2)), "0987-01-02");
        assert_eq!(parse_ymd(&format_ymd(d(2024, 2, 29))), Some(d(2024, 2, 29)));
    }

    #[test]
    fn ymd_dates_parse_strictly() {
        assert_eq!(parse_ymd("2025-03-31"), Some(d(2025, 3, 31)));
        assert_eq!(parse_ymd("2022-13-45"), None);
        assert_eq!(parse_ymd("2025-3-31"), None);
        assert_eq!(parse_ymd("31/03/2025"), None);
    }

    #[test]
    fn cells_keep_invalid_text_but_never_debug_print_it() {
        let cell = Cell::parse(" 31/02/2025 ", parse_dmy);
        assert_eq!(cell.invalid_text(), Some(" 31/02/2025 "));
        assert_eq!(format!("{cell:?}"), "Invalid(***)");
        assert!(Cell::parse("  ", parse_dmy).is_blank());
        assert_eq!(
            Cell::parse("02/01/2020", parse_dmy).get(),
            Some(d(2020, 1, 2))
        );
    }

    #[test]
    fn postcodes_and_upns_are_recognised_by_shape() {
        assert!(looks_like_postcode("HD1 2AB"));
        assert!(looks_like_postcode("m11ae"));
        assert!(!looks_like_postcode("HD1 2A"));
        assert!(!looks_like_postcode("12345"));
        assert!(looks_like_upn("A123456789012"));
        assert!(looks_like_upn("A12345678901B"));
        assert!(!looks_like_upn("A12345678901"));
        assert!(!looks_like_upn("1123456789012"));
    }

    #[test]
    fn counts_and_flags() {
        assert_eq!(parse_count("40", 40), Some(40));
        assert_eq!(parse_count("41", 40), None);
        assert_eq!(parse_count("-1", 40), None);
        assert_eq!(parse_flag("1"), Some(true));
        assert_eq!(parse_flag("Y"), None);
        assert_eq!(parse_xml_bool("TRUE"), Some(true));
        assert_eq!(parse_xml_bool("0"), Some(false));
        assert_eq!(parse_xml_bool("no"), None);
    }
}
