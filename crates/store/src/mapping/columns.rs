//! How each domain value becomes columns and back, losslessly, for every backend.
//!
//! Encodings (documented in the crate's schema notes too):
//! - identifiers and free text: `TEXT` as given;
//! - DfE codes: `TEXT`, the code exactly as the DfE spells it (`code()`); the store's own enums
//!   (contact outcome, worker role...) use fixed snake-case words listed in [`super::enums`];
//! - dates: `TEXT` `YYYY-MM-DD` (years outside 1..=9999 fall back to chrono's signed form);
//! - booleans: `INTEGER` 0/1; whole numbers `INTEGER`; fractions `REAL` (NaN is refused at import
//!   because SQLite would turn it into NULL);
//! - lists of codes (disabilities, assessment factors): one `TEXT` of codes joined by commas in the
//!   order given, `''` for an empty list (no code contains a comma);
//! - an optional group of fields (UASC status, motherhood, previous permanence date): a 0/1
//!   presence column followed by the group's columns, so `Some` of an all-empty group survives.
//!
//! The mapping is backend-neutral: writers put one value per column into a [`ColumnSink`], readers
//! take one [`Value`] per column from a [`ColumnSource`], in the order the table lists them; each
//! backend implements the two (SQLite: statement parameters and result rows; PostgreSQL: `COPY`
//! text lines). Both backends store the same encodings.

use chrono::NaiveDate;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::{Adopters, Locality, Motherhood, PartialDate, UascStatus};

use crate::error::BackendError;

/// Why one column could not be written or read.
#[derive(Debug)]
pub(crate) enum ColumnError {
    /// The domain value has no lossless encoding (import side).
    Unstorable(String),
    /// The stored value does not decode (load side).
    Corrupt(String),
    /// The engine failed.
    Engine(BackendError),
}

/// Where one record's columns go, in the table's column order: consecutive parameters of an
/// SQLite insert, or one line of a PostgreSQL `COPY`. Implementations are generic parameters, so
/// each backend's writes compile to direct calls.
pub(crate) trait ColumnSink {
    fn text(&mut self, value: &str) -> Result<(), ColumnError>;
    fn int(&mut self, value: i64) -> Result<(), ColumnError>;
    /// A finite or infinite number (NaN is refused before this is called).
    fn real(&mut self, value: f64) -> Result<(), ColumnError>;
    fn null(&mut self) -> Result<(), ColumnError>;
    /// Index (into the table's column list) of the column being written, or the count written.
    fn column(&self) -> usize;
}

fn write_real<W: ColumnSink>(w: &mut W, value: f64) -> Result<(), ColumnError> {
    if value.is_nan() {
        // SQLite would turn it into NULL; refusing it keeps both backends lossless.
        return Err(ColumnError::Unstorable("NaN cannot be stored".to_owned()));
    }
    w.real(value)
}

fn write_date<W: ColumnSink>(w: &mut W, date: NaiveDate) -> Result<(), ColumnError> {
    let mut buffer = [0u8; 10];
    match iso_date(date, &mut buffer) {
        Some(text) => w.text(text),
        None => w.text(&date.format("%Y-%m-%d").to_string()),
    }
}

/// One stored value as a backend hands it over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    /// The text form of a value of any type (PostgreSQL `COPY` output): decoders parse it.
    Untyped(&'a str),
    /// Text that is not UTF-8.
    NotUtf8,
    /// A type the store never writes (e.g. a blob), by name.
    Other(&'static str),
}

impl Value<'_> {
    fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "Null",
            Value::Integer(_) => "Integer",
            Value::Real(_) => "Real",
            Value::Text(_) | Value::Untyped(_) | Value::NotUtf8 => "Text",
            Value::Other(name) => name,
        }
    }
}

/// Where one record's columns come from: a result row whose first column is `seq`.
pub(crate) trait ColumnSource {
    /// The value `offset` columns after the current one (0 = the current one).
    fn value(&self, offset: usize) -> Result<Value<'_>, ColumnError>;
    /// Moves to the next column.
    fn advance(&mut self);
    /// Index (into the table's column list) of the column being read.
    fn column(&self) -> usize;
}

/// Converts the current column; the position only moves on when the conversion succeeds, so that
/// [`ColumnSource::column`] names the failing column.
fn take<R: ColumnSource, T>(
    r: &mut R,
    convert: impl FnOnce(Value<'_>) -> Result<T, String>,
) -> Result<T, ColumnError> {
    let out = convert(r.value(0)?).map_err(ColumnError::Corrupt)?;
    r.advance();
    Ok(out)
}

fn is_null_ahead<R: ColumnSource>(r: &R, offset: usize) -> Result<bool, ColumnError> {
    r.value(offset).map(|v| v == Value::Null)
}

/// A value stored in one column; `Option<T>` stores `None` as NULL.
pub(crate) trait Scalar: Sized {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError>;
    /// Decodes a non-NULL value.
    fn from_value(value: Value<'_>) -> Result<Self, String>;
}

/// A record field stored in one or more columns.
pub(crate) trait Columns: Sized {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError>;
    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError>;
}

impl<T: Scalar> Columns for T {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        self.write_value(w)
    }

    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
        take(r, |value| match value {
            Value::Null => Err("missing value".to_owned()),
            value => T::from_value(value),
        })
    }
}

impl<T: Scalar> Columns for Option<T> {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        match self {
            Some(value) => value.write_value(w),
            None => w.null(),
        }
    }

    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
        take(r, |value| match value {
            Value::Null => Ok(None),
            value => T::from_value(value).map(Some),
        })
    }
}

// ---- primitive decoders -------------------------------------------------------------------------

fn as_text(value: Value<'_>) -> Result<&str, String> {
    match value {
        Value::Text(text) | Value::Untyped(text) => Ok(text),
        Value::NotUtf8 => Err("text is not UTF-8".into()),
        other => Err(format!("expected text, found {}", other.type_name())),
    }
}

fn as_int(value: Value<'_>) -> Result<i64, String> {
    match value {
        Value::Integer(n) => Ok(n),
        Value::Untyped(text) => text
            .parse()
            .map_err(|_| format!("expected an integer, found '{text}'")),
        other => Err(format!("expected an integer, found {}", other.type_name())),
    }
}

fn as_int_in<T: TryFrom<i64>>(value: Value<'_>) -> Result<T, String> {
    let n = as_int(value)?;
    T::try_from(n).map_err(|_| format!("{n} is out of range"))
}

/// Formats a date with a 4-digit year as `YYYY-MM-DD` into `buffer` without allocating; `None`
/// for years outside 1..=9999.
fn iso_date(date: NaiveDate, buffer: &mut [u8; 10]) -> Option<&str> {
    use chrono::Datelike;
    let year = u32::try_from(date.year())
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    let digits = [
        year / 1000,
        year / 100 % 10,
        year / 10 % 10,
        year % 10,
        10,
        date.month() / 10,
        date.month() % 10,
        10,
        date.day() / 10,
        date.day() % 10,
    ];
    for (slot, digit) in buffer.iter_mut().zip(digits) {
        // Every digit is below 10 and 10 stands for the separator, so the casts cannot truncate.
        *slot = if digit == 10 {
            b'-'
        } else {
            b'0' + digit as u8
        };
    }
    std::str::from_utf8(buffer).ok()
}

/// Parses `YYYY-MM-DD` quickly, falling back to chrono for signed or long years.
fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let fast = match text.as_bytes() {
        [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] => {
            let digit = |b: &u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
            let (y, m, d) = (
                [y1, y2, y3, y4].map(digit),
                [m1, m2].map(digit),
                [d1, d2].map(digit),
            );
            match (y, m, d) {
                ([Some(a), Some(b), Some(c), Some(e)], [Some(f), Some(g)], [Some(h), Some(i)]) => {
                    let year = (a * 1000 + b * 100 + c * 10 + e) as i32;
                    NaiveDate::from_ymd_opt(year, f * 10 + g, h * 10 + i)
                }
                _ => None,
            }
        }
        _ => None,
    };
    match fast {
        Some(date) => Ok(date),
        None => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("'{text}' is not a date (YYYY-MM-DD)")),
    }
}

// ---- scalar impls ---------------------------------------------------------------------------------

macro_rules! text_id {
    ($($ty:ty),+) => {$(
        impl Scalar for $ty {
            fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
                w.text(self.as_str())
            }
            fn from_value(value: Value<'_>) -> Result<Self, String> {
                // Constructors trim, and every stored id was built by one, so this is lossless.
                as_text(value).map(<$ty>::new)
            }
        }
    )+};
}

text_id!(ChildId, Upn, WorkerId, TeamId, RecordId, HouseholdId);

impl Scalar for Postcode {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        w.text(self.as_str())
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        // Stored postcodes are already normalised, and normalising is idempotent.
        as_text(value).map(Postcode::normalised)
    }
}

impl Scalar for String {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        w.text(self)
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        as_text(value).map(str::to_owned)
    }
}

impl Scalar for Locality {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        w.text(&self.0)
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        as_text(value).map(|text| Locality(text.to_owned()))
    }
}

impl Scalar for NaiveDate {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        write_date(w, *self)
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        parse_iso_date(as_text(value)?)
    }
}

impl Scalar for bool {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        w.int(i64::from(*self))
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match as_int(value)? {
            0 => Ok(false),
            1 => Ok(true),
            n => Err(format!("{n} is not a boolean (0 or 1)")),
        }
    }
}

macro_rules! integer {
    ($($ty:ty),+) => {$(
        impl Scalar for $ty {
            fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
                w.int(i64::from(*self))
            }
            fn from_value(value: Value<'_>) -> Result<Self, String> {
                as_int_in(value)
            }
        }
    )+};
}

integer!(u8, u16, u32, i32);

impl Scalar for f64 {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        write_real(w, *self)
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Real(x) => Ok(x),
            Value::Untyped(text) => text
                .parse()
                .map_err(|_| format!("expected a real number, found '{text}'")),
            other => Err(format!(
                "expected a real number, found {}",
                other.type_name()
            )),
        }
    }
}

impl Scalar for LaCode {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        w.int(i64::from(self.0))
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        as_int_in(value).map(LaCode)
    }
}

/// An enum stored as a fixed text: a DfE code, or one of the store's own words.
pub(crate) trait CodeText: Copy + 'static {
    /// Name of the list, for error messages.
    const LIST: &'static str;
    fn text(self) -> &'static str;
    fn parse(text: &str) -> Option<Self>;
}

impl<T: CodeText> Scalar for T {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        w.text(self.text())
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        let text = as_text(value)?;
        T::parse(text).ok_or_else(|| format!("'{text}' is not a {} code", T::LIST))
    }
}

macro_rules! dfe_codes {
    ($($ty:ident),+ $(,)?) => {$(
        impl CodeText for $ty {
            const LIST: &'static str = stringify!($ty);
            fn text(self) -> &'static str {
                self.code()
            }
            fn parse(text: &str) -> Option<Self> {
                // Exact match first: stored codes are canonical, and this skips the trimming and
                // case folding `from_code` does for files.
                $ty::ALL.iter().copied().find(|c| c.code() == text).or_else(|| $ty::from_code(text))
            }
        }
    )+};
}

dfe_codes!(
    Sex,
    Ethnicity,
    Disability,
    UpnUnknown,
    ReferralSource,
    PrimaryNeed,
    ReasonForClosure,
    AssessmentFactor,
    CategoryOfAbuse,
    LegalStatus,
    ReasonNewEpisode,
    ReasonEpisodeCeased,
    PlacementType,
    PlacementProvider,
    CategoryOfNeed,
    ReasonPlaceChange,
    MissingKind,
    ReviewParticipation,
    SwChangeReason,
    InTouch,
    Activity,
    Accommodation,
    SdqReason,
    PreviousPermanence,
    ReasonPlacedCeased,
    AdopterSex,
    AdopterLegalStatus,
);

/// A list of codes in one comma-separated text column.
impl<T: CodeText> Scalar for Vec<T> {
    fn write_value<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        let mut joined = String::with_capacity(self.len() * 5);
        for (i, code) in self.iter().enumerate() {
            if i > 0 {
                joined.push(',');
            }
            joined.push_str(code.text());
        }
        w.text(&joined)
    }
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        let text = as_text(value)?;
        if text.is_empty() {
            return Ok(Vec::new());
        }
        text.split(',')
            .map(|code| T::parse(code).ok_or_else(|| format!("'{code}' is not a {} code", T::LIST)))
            .collect()
    }
}

// ---- optional groups ------------------------------------------------------------------------------

/// Reads the 0/1 presence column of an optional group.
fn read_presence<R: ColumnSource>(r: &mut R) -> Result<bool, ColumnError> {
    <bool as Columns>::read(r)
}

impl Columns for Option<UascStatus> {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        self.is_some().write(w)?;
        self.as_ref().and_then(|u| u.from).write(w)?;
        self.as_ref().and_then(|u| u.ceased).write(w)
    }
    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
        let present = read_presence(r)?;
        let from = Option::<NaiveDate>::read(r)?;
        let ceased = Option::<NaiveDate>::read(r)?;
        Ok(present.then_some(UascStatus { from, ceased }))
    }
}

impl Columns for Option<Motherhood> {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        self.is_some().write(w)?;
        self.as_ref().and_then(|m| m.first_child_born).write(w)
    }
    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
        let present = read_presence(r)?;
        let first_child_born = Option::<NaiveDate>::read(r)?;
        Ok(present.then_some(Motherhood { first_child_born }))
    }
}

impl Columns for Option<PartialDate> {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        self.is_some().write(w)?;
        self.and_then(|d| d.day).write(w)?;
        self.and_then(|d| d.month).write(w)?;
        self.and_then(|d| d.year).write(w)
    }
    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
        let present = read_presence(r)?;
        let day = Option::<u8>::read(r)?;
        let month = Option::<u8>::read(r)?;
        let year = Option::<u16>::read(r)?;
        Ok(present.then_some(PartialDate { day, month, year }))
    }
}

/// Adopters have no optional field, so the group is present exactly when its columns are not NULL.
impl Columns for Option<Adopters> {
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
        match self {
            Some(a) => {
                a.foster_carers.write(w)?;
                a.count.write(w)?;
                a.sex.write(w)?;
                a.legal_status.write(w)
            }
            None => (0..4).try_for_each(|_| w.null()),
        }
    }
    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
        if is_null_ahead(r, 0)? {
            // All four must then be NULL; reading them as options checks their types too.
            let rest = (
                Option::<bool>::read(r)?,
                Option::<u8>::read(r)?,
                Option::<AdopterSex>::read(r)?,
                Option::<AdopterLegalStatus>::read(r)?,
            );
            return match rest {
                (None, None, None, None) => Ok(None),
                _ => Err(ColumnError::Corrupt(
                    "adopter columns are partly empty".to_owned(),
                )),
            };
        }
        Ok(Some(Adopters {
            foster_carers: Columns::read(r)?,
            count: Columns::read(r)?,
            sex: Columns::read(r)?,
            legal_status: Columns::read(r)?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_format_as_iso_text() {
        let mut buffer = [0u8; 10];
        assert_eq!(iso_date(d(2025, 3, 1), &mut buffer), Some("2025-03-01"));
        assert_eq!(iso_date(d(7, 12, 31), &mut buffer), Some("0007-12-31"));
        assert_eq!(iso_date(d(10_000, 1, 1), &mut buffer), None);
        assert_eq!(iso_date(d(0, 1, 1), &mut buffer), None);
    }

    #[test]
    fn dates_parse_back_including_long_and_signed_years() {
        assert_eq!(parse_iso_date("2025-03-01"), Ok(d(2025, 3, 1)));
        assert_eq!(parse_iso_date("0007-12-31"), Ok(d(7, 12, 31)));
        for date in [d(10_000, 1, 1), d(0, 1, 1), d(-44, 3, 15)] {
            let text = date.format("%Y-%m-%d").to_string();
            assert_eq!(parse_iso_date(&text), Ok(date), "{text}");
        }
        assert_eq!(
            parse_iso_date("2025-02-30"),
            Err("'2025-02-30' is not a date (YYYY-MM-DD)".to_owned())
        );
        assert!(parse_iso_date("31/03/2025").is_err());
    }

    /// A code that did not round-trip through its text would be silently changed by the store.
    #[test]
    fn every_dfe_code_round_trips_through_its_text() {
        fn check<T: CodeText + PartialEq + std::fmt::Debug>(all: &[T]) {
            for code in all {
                assert_eq!(T::parse(code.text()), Some(*code), "{}", T::LIST);
                assert!(!code.text().contains(','), "{} lists use commas", T::LIST);
            }
        }
        check(Sex::ALL);
        check(Ethnicity::ALL);
        check(Disability::ALL);
        check(UpnUnknown::ALL);
        check(ReferralSource::ALL);
        check(PrimaryNeed::ALL);
        check(ReasonForClosure::ALL);
        check(AssessmentFactor::ALL);
        check(CategoryOfAbuse::ALL);
        check(LegalStatus::ALL);
        check(ReasonNewEpisode::ALL);
        check(ReasonEpisodeCeased::ALL);
        check(PlacementType::ALL);
        check(PlacementProvider::ALL);
        check(CategoryOfNeed::ALL);
        check(ReasonPlaceChange::ALL);
        check(MissingKind::ALL);
        check(ReviewParticipation::ALL);
        check(SwChangeReason::ALL);
        check(InTouch::ALL);
        check(Activity::ALL);
        check(Accommodation::ALL);
        check(SdqReason::ALL);
        check(PreviousPermanence::ALL);
        check(ReasonPlacedCeased::ALL);
        check(AdopterSex::ALL);
        check(AdopterLegalStatus::ALL);
    }
}
