//! Text conventions for one cell: dates, yes/no flags and numbers, parsed and formatted.
//!
//! Shared by the SSD tables and the Annex A lists, so that both accept the same spellings.
//! Parsers return `Err(message)` with a lower-case message; callers add the file, line and field.

use chrono::{Datelike, NaiveDate};

/// What a date cell must look like, for error messages.
pub(crate) const DATE_EXPECTED: &str = "not a date (yyyy-mm-dd or dd/mm/yyyy)";

/// Parses a date written as `yyyy-mm-dd` (the SSD convention, optionally followed by a time as
/// SQL Server exports it) or `dd/mm/yyyy` (the DfE and Annex A convention, also `d/m/yyyy`,
/// optionally followed by a time).
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        let rest = &bytes[10..];
        if rest.is_empty() || rest[0] == b' ' || rest[0] == b'T' {
            return ymd(&bytes[0..4], &bytes[5..7], &bytes[8..10]).ok_or(DATE_EXPECTED);
        }
    }
    if text.contains('/') {
        let date_part = text.split([' ', 'T']).next().unwrap_or("");
        let mut parts = date_part.split('/');
        if let (Some(d), Some(m), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
            && (1..=2).contains(&d.len())
            && (1..=2).contains(&m.len())
            && y.len() == 4
        {
            return ymd(y.as_bytes(), m.as_bytes(), d.as_bytes()).ok_or(DATE_EXPECTED);
        }
        return Err(DATE_EXPECTED);
    }
    // Years beyond 9999 or before 0 are written by chrono with a sign; accept them back so that
    // the SSD round trip stays lossless for any date the model can hold.
    if text.starts_with(['+', '-']) {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| DATE_EXPECTED);
    }
    Err(DATE_EXPECTED)
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() {
        return None;
    }
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn ymd(y: &[u8], m: &[u8], d: &[u8]) -> Option<NaiveDate> {
    let year = i32::try_from(digits(y)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(m)?, digits(d)?)
}

/// Formats a date as `yyyy-mm-dd` into `out` (cleared first).
pub(crate) fn format_iso_date(date: NaiveDate, out: &mut Vec<u8>) {
    out.clear();
    let (y, m, d) = (date.year(), date.month(), date.day());
    if (0..=9999).contains(&y) {
        push_padded(out, y as u32, 4);
        out.push(b'-');
        push_padded(out, m, 2);
        out.push(b'-');
        push_padded(out, d, 2);
    } else {
        out.extend_from_slice(date.format("%Y-%m-%d").to_string().as_bytes());
    }
}

/// Formats a date as `dd/mm/yyyy`, the Annex A convention.
pub(crate) fn format_dmy_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

fn push_padded(out: &mut Vec<u8>, value: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut n = value;
    let mut i = buf.len();
    while n > 0 && i > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let len = (buf.len() - i).max(width);
    out.extend_from_slice(&buf[buf.len() - len..]);
}

/// Converts an Excel serial day number (1900 date system) to a date, ignoring any time part.
/// Serial 60 is Excel's fictitious 29 February 1900 and is rejected.
pub(crate) fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Excel counts 1900 as a leap year; serials after the phantom 29 February are one day ahead.
    let base = match days {
        60 => return None,
        d if d < 60 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        _ => NaiveDate::from_ymd_opt(1899, 12, 30)?,
    };
    base.checked_add_signed(chrono::Duration::days(days))
}

/// Parses a yes/no flag: `Y`/`N`, `Yes`/`No`, `true`/`false`, `1`/`0`, any letter case.
pub(crate) fn parse_flag(text: &str) -> Result<bool, &'static str> {
    let t = text.trim();
    const YES: [&str; 4] = ["y", "yes", "true", "1"];
    const NO: [&str; 4] = ["n", "no", "false", "0"];
    if YES.iter().any(|y| t.eq_ignore_ascii_case(y)) {
        Ok(true)
    } else if NO.iter().any(|n| t.eq_ignore_ascii_case(n)) {
        Ok(false)
    } else {
        Err("not a yes/no flag (Y or N)")
    }
}

/// The SSD spelling of a flag.
pub(crate) fn flag_text(value: bool) -> &'static str {
    if value { "Y" } else { "N" }
}

/// Parses a whole number that fits `T` (leading/trailing space allowed; `3.0` accepted since
/// spreadsheets turn integers into floats).
pub(crate) fn parse_whole<T: TryFrom<u64>>(text: &str) -> Result<T, &'static str> {
    let t = text.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse::<u64>()
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .ok_or("not a whole number in range")
}

/// Parses a decimal number.
pub(crate) fn parse_decimal(text: &str) -> Result<f64, &'static str> {
    text.trim().parse::<f64>().map_err(|_| "not a number")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_parse_in_every_accepted_spelling() {
        assert_eq!(parse_date("2025-03-31"), Ok(d(2025, 3, 31)));
        assert_eq!(parse_date("2025-03-31 00:00:00.000"), Ok(d(2025, 3, 31)));
        assert_eq!(parse_date("2025-03-31T12:00:00"), Ok(d(2025, 3, 31)));
        assert_eq!(parse_date("31/03/2025"), Ok(d(2025, 3, 31)));
        assert_eq!(parse_date("1/4/2025"), Ok(d(2025, 4, 1)));
        assert_eq!(parse_date(" 01/04/2025 09:30 "), Ok(d(2025, 4, 1)));
        assert_eq!(parse_date("31/02/2025"), Err(DATE_EXPECTED));
        assert_eq!(parse_date("2025-3-31"), Err(DATE_EXPECTED));
        assert_eq!(parse_date("31/03/25"), Err(DATE_EXPECTED));
        assert_eq!(parse_date(""), Err(DATE_EXPECTED));
        assert_eq!(parse_date("yesterday"), Err(DATE_EXPECTED));
    }

    #[test]
    fn iso_dates_round_trip_even_far_outside_the_usual_range() {
        let mut buf = Vec::new();
        for date in [d(2025, 1, 5), d(7, 12, 31), d(12345, 6, 1), d(-44, 3, 15)] {
            format_iso_date(date, &mut buf);
            let text = std::str::from_utf8(&buf).unwrap();
            assert_eq!(parse_date(text), Ok(date), "{text}");
        }
        format_iso_date(d(2025, 1, 5), &mut buf);
        assert_eq!(buf, b"2025-01-05");
    }

    #[test]
    fn excel_serials_follow_the_1900_system() {
        // 45747 is 31 March 2025 in Excel; 1 is 1 January 1900; 61 is 1 March 1900.
        assert_eq!(excel_serial_to_date(45747.0), Some(d(2025, 3, 31)));
        assert_eq!(excel_serial_to_date(45747.75), Some(d(2025, 3, 31)));
        assert_eq!(excel_serial_to_date(1.0), Some(d(1900, 1, 1)));
        assert_eq!(excel_serial_to_date(59.0), Some(d(1900, 2, 28)));
        assert_eq!(excel_serial_to_date(60.0), None);
        assert_eq!(excel_serial_to_date(61.0), Some(d(1900, 3, 1)));
        assert_eq!(excel_serial_to_date(f64::NAN), None);
        assert_eq!(excel_serial_to_date(-3.0), None);
    }

    #[test]
    fn flags_and_numbers() {
        assert_eq!(parse_flag("y"), Ok(true));
        assert_eq!(parse_flag("No"), Ok(false));
        assert!(parse_flag("maybe").is_err());
        assert_eq!(parse_whole::<u8>("3.0"), Ok(3));
        assert!(parse_whole::<u8>("300").is_err());
        assert!(parse_whole::<u8>("-1").is_err());
    }
}
