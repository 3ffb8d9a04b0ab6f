//! Stage 1 of reading a 903 return: each CSV into typed-but-lenient rows.
//!
//! Every field is a [`Cell`]: a parsed value, a blank, or the invalid text kept verbatim, so that
//! validation rules can report bad data instead of the reader refusing it. Each row remembers its
//! file, its 1-based data row number and its line. Only problems that make a file unreadable as a
//! 903 table are errors here: I/O, a header line that names no 903 table, bytes that are not
//! UTF-8, a row with more fields than the header.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use sightline_model::codes::*;
use sightline_model::ids::{ChildId, Postcode, Upn, WorkerId};
use sightline_model::records::PartialDate;

use super::cell::{
    Cell, digits, looks_like_postcode, looks_like_upn, parse_count, parse_dmy, parse_flag,
};
use super::tables::{BOM, Ssda903Table};
use crate::ssd::lines::{CsvLines, Fields, LineError};
use crate::{FormatError, Location};

/// Where a row came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowRef {
    /// The file.
    pub file: Arc<Path>,
    /// 1-based data row (the first row after the header is 1).
    pub row_number: u64,
    /// 1-based line in the file where the row starts (the header is line 1).
    pub line: u64,
}

/// The UPN column of the Header: a UPN, or a code saying why it is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpnField {
    /// A 13-character UPN.
    Upn(Upn),
    /// Why there is no UPN (UN1-UN5 in the 903).
    Unknown(UpnUnknown),
}

/// `SEX` as the 903 has coded it since 2024-25: `M`, `F` or `U`. The earlier `1`/`2` stay
/// invalid text here, so that rule 101 can report them for the years they are not codes
/// ([`legacy_sex_code`] reads them for the years they are).
pub fn sex_code(text: &str) -> Option<Sex> {
    match text {
        "M" => Some(Sex::Male),
        "F" => Some(Sex::Female),
        "U" => Some(Sex::Unknown),
        _ => None,
    }
}

/// The 903 `SEX` code before 2024-25: `1` male, `2` female.
pub fn legacy_sex_code(text: &str) -> Option<Sex> {
    match text.trim() {
        "1" => Some(Sex::Male),
        "2" => Some(Sex::Female),
        _ => None,
    }
}

fn child_id(text: &str) -> Option<ChildId> {
    Some(ChildId::new(text))
}

fn upn_field(text: &str) -> Option<UpnField> {
    if let Some(code) = UpnUnknown::from_code(text) {
        Some(UpnField::Unknown(code))
    } else if looks_like_upn(text) {
        Some(UpnField::Upn(Upn::new(text)))
    } else {
        None
    }
}

fn postcode(text: &str) -> Option<Postcode> {
    looks_like_postcode(text).then(|| Postcode::normalised(text))
}

fn text(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn worker(text: &str) -> Option<WorkerId> {
    Some(WorkerId::new(text))
}

fn sdq_score(text: &str) -> Option<u8> {
    parse_count(text, 40).and_then(|n| u8::try_from(n).ok())
}

fn adopter_count(text: &str) -> Option<u8> {
    match text {
        "1" => Some(1),
        "2" => Some(2),
        _ => None,
    }
}

/// `LA_PERM`: an old 3-digit LA code, or WAL/SCO/NIR/NUK.
fn la_perm(text: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    (digits(text, 3, 3) || matches!(upper.as_str(), "WAL" | "SCO" | "NIR" | "NUK")).then_some(upper)
}

/// `DATE_PERM`: `dd/mm/yyyy` where `ZZ` stands for an unknown day or month and `ZZZZ` for an
/// unknown year. A fully known date must exist.
pub fn parse_partial_date(text: &str) -> Option<PartialDate> {
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let known = |part: &str, zz: &str, width: usize| -> Option<Option<u32>> {
        if part.eq_ignore_ascii_case(zz) {
            Some(None)
        } else if digits(part, 1, width) {
            part.parse().ok().map(Some)
        } else {
            None
        }
    };
    let day = known(day, "ZZ", 2)?;
    let month = known(month, "ZZ", 2)?;
    let year = if year.eq_ignore_ascii_case("ZZZZ") {
        None
    } else if digits(year, 4, 4) {
        Some(year.parse::<u16>().ok()?)
    } else {
        return None;
    };
    if month.is_some_and(|m| !(1..=12).contains(&m)) || day.is_some_and(|d| !(1..=31).contains(&d))
    {
        return None;
    }
    if let (Some(d), Some(m), Some(y)) = (day, month, year) {
        NaiveDate::from_ymd_opt(i32::from(y), m, d)?;
    }
    Some(PartialDate {
        day: day.and_then(|d| u8::try_from(d).ok()),
        month: month.and_then(|m| u8::try_from(m).ok()),
        year,
    })
}

/// Formats a [`PartialDate`] as `DATE_PERM`.
pub fn format_partial_date(date: &PartialDate) -> String {
    let day = date.day.map_or("ZZ".to_owned(), |d| format!("{d:02}"));
    let month = date.month.map_or("ZZ".to_owned(), |m| format!("{m:02}"));
    let year = date.year.map_or("ZZZZ".to_owned(), |y| format!("{y:04}"));
    format!("{day}/{month}/{year}")
}

/// One parsed row of a table, built from a lookup of the row's text by column name.
trait TableRow: Sized {
    /// The columns the row's fields come from, in declaration order.
    const COLUMNS: &'static [&'static str];
    /// Builds the row; `get(i)` is the text of `COLUMNS[i]` (empty when absent).
    fn from_fields<'f>(at: RowRef, get: &dyn Fn(usize) -> &'f str) -> Self;
}

macro_rules! table_row {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$fmeta:meta])* $field:ident: $ty:ty = $column:literal via $parse:expr,)+
    }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            /// Where the row came from.
            pub at: RowRef,
            $($(#[$fmeta])* pub $field: Cell<$ty>,)+
        }

        impl TableRow for $name {
            const COLUMNS: &'static [&'static str] = &[$($column,)+];

            fn from_fields<'f>(at: RowRef, get: &dyn Fn(usize) -> &'f str) -> Self {
                // Struct fields are evaluated in source order, so `i` walks `COLUMNS`.
                let mut i = 0;
                let mut next = || {
                    i += 1;
                    get(i - 1)
                };
                $name { at, $($field: Cell::parse(next(), $parse),)+ }
            }
        }
    };
}

table_row!(
    /// A row of the Header table.
    HeaderRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `SEX`.
        sex: Sex = "SEX" via sex_code,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `ETHNIC`.
        ethnic: Ethnicity = "ETHNIC" via Ethnicity::from_code,
        /// `UPN` (a UPN or an unknown-UPN code).
        upn: UpnField = "UPN" via upn_field,
        /// `MOTHER`.
        mother: bool = "MOTHER" via parse_flag,
        /// `MC_DOB`.
        mc_dob: NaiveDate = "MC_DOB" via parse_dmy,
    }
);

table_row!(
    /// A row of the Episodes table.
    EpisodeRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DECOM`.
        decom: NaiveDate = "DECOM" via parse_dmy,
        /// `RNE`.
        rne: ReasonNewEpisode = "RNE" via ReasonNewEpisode::from_code,
        /// `LS`.
        ls: LegalStatus = "LS" via LegalStatus::from_code,
        /// `CIN`.
        cin: CategoryOfNeed = "CIN" via CategoryOfNeed::from_code,
        /// `PLACE`.
        place: PlacementType = "PLACE" via PlacementType::from_code,
        /// `PLACE_PROVIDER`.
        place_provider: PlacementProvider = "PLACE_PROVIDER" via PlacementProvider::from_code,
        /// `DEC`.
        dec: NaiveDate = "DEC" via parse_dmy,
        /// `REC`.
        rec: ReasonEpisodeCeased = "REC" via ReasonEpisodeCeased::from_code,
        /// `REASON_PLACE_CHANGE`.
        reason_place_change: ReasonPlaceChange = "REASON_PLACE_CHANGE" via ReasonPlaceChange::from_code,
        /// `HOME_POST`.
        home_post: Postcode = "HOME_POST" via postcode,
        /// `PL_POST`.
        pl_post: Postcode = "PL_POST" via postcode,
        /// `URN` (any non-blank text; whether it is a real URN is a validation matter).
        urn: String = "URN" via text,
    }
);

table_row!(
    /// A row of the Reviews table.
    ReviewRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `REVIEW`.
        review: NaiveDate = "REVIEW" via parse_dmy,
        /// `REVIEW_CODE`.
        review_code: ReviewParticipation = "REVIEW_CODE" via ReviewParticipation::from_code,
    }
);

table_row!(
    /// A row of the UASC table.
    UascRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `SEX`.
        sex: Sex = "SEX" via sex_code,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `DUC`.
        duc: NaiveDate = "DUC" via parse_dmy,
    }
);

table_row!(
    /// A row of the OC2 table.
    Oc2Row {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `SDQ_SCORE` (0-40).
        sdq_score: u8 = "SDQ_SCORE" via sdq_score,
        /// `SDQ_REASON`.
        sdq_reason: SdqReason = "SDQ_REASON" via SdqReason::from_code,
        /// `CONVICTED`.
        convicted: bool = "CONVICTED" via parse_flag,
        /// `HEALTH_CHECK`.
        health_check: bool = "HEALTH_CHECK" via parse_flag,
        /// `IMMUNISATIONS`.
        immunisations: bool = "IMMUNISATIONS" via parse_flag,
        /// `TEETH_CHECK`.
        teeth_check: bool = "TEETH_CHECK" via parse_flag,
        /// `HEALTH_ASSESSMENT`.
        health_assessment: bool = "HEALTH_ASSESSMENT" via parse_flag,
        /// `SUBSTANCE_MISUSE`.
        substance_misuse: bool = "SUBSTANCE_MISUSE" via parse_flag,
        /// `INTERVENTION_RECEIVED`.
        intervention_received: bool = "INTERVENTION_RECEIVED" via parse_flag,
        /// `INTERVENTION_OFFERED`.
        intervention_offered: bool = "INTERVENTION_OFFERED" via parse_flag,
    }
);

table_row!(
    /// A row of the OC3 table.
    Oc3Row {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `IN_TOUCH`.
        in_touch: InTouch = "IN_TOUCH" via InTouch::from_code,
        /// `ACTIV`.
        activ: Activity = "ACTIV" via Activity::from_code,
        /// `ACCOM`.
        accom: Accommodation = "ACCOM" via Accommodation::from_code,
    }
);

table_row!(
    /// A row of the AD1 table.
    Ad1Row {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `DATE_INT`.
        date_int: NaiveDate = "DATE_INT" via parse_dmy,
        /// `DATE_MATCH`.
        date_match: NaiveDate = "DATE_MATCH" via parse_dmy,
        /// `FOSTER_CARE`.
        foster_care: bool = "FOSTER_CARE" via parse_flag,
        /// `NB_ADOPTR` (1 or 2).
        nb_adoptr: u8 = "NB_ADOPTR" via adopter_count,
        /// `SEX_ADOPTR`.
        sex_adoptr: AdopterSex = "SEX_ADOPTR" via AdopterSex::from_code,
        /// `LS_ADOPTR`.
        ls_adoptr: AdopterLegalStatus = "LS_ADOPTR" via AdopterLegalStatus::from_code,
    }
);

table_row!(
    /// A row of the PlacedAdoption table.
    PlacedForAdoptionRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `DATE_PLACED`.
        date_placed: NaiveDate = "DATE_PLACED" via parse_dmy,
        /// `DATE_PLACED_CEASED`.
        date_placed_ceased: NaiveDate = "DATE_PLACED_CEASED" via parse_dmy,
        /// `REASON_PLACED_CEASED`.
        reason_placed_ceased: ReasonPlacedCeased = "REASON_PLACED_CEASED" via ReasonPlacedCeased::from_code,
    }
);

table_row!(
    /// A row of the PrevPerm table.
    PreviousPermanenceRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `PREV_PERM`.
        prev_perm: PreviousPermanence = "PREV_PERM" via PreviousPermanence::from_code,
        /// `LA_PERM` (3 digits or WAL/SCO/NIR/NUK, upper-cased).
        la_perm: String = "LA_PERM" via la_perm,
        /// `DATE_PERM` (day, month or year may be `ZZ`/`ZZZZ`).
        date_perm: PartialDate = "DATE_PERM" via parse_partial_date,
    }
);

table_row!(
    /// A row of the Missing table.
    MissingRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `MISSING`.
        missing: MissingKind = "MISSING" via MissingKind::from_code,
        /// `MIS_START`.
        mis_start: NaiveDate = "MIS_START" via parse_dmy,
        /// `MIS_END`.
        mis_end: NaiveDate = "MIS_END" via parse_dmy,
    }
);

table_row!(
    /// A row of the SWEpisodes table.
    SwEpisodeRow {
        /// `CHILD`.
        child: ChildId = "CHILD" via child_id,
        /// `DOB`.
        dob: NaiveDate = "DOB" via parse_dmy,
        /// `SW_ID` (any non-blank text; its shape is a validation matter).
        sw_id: WorkerId = "SW_ID" via worker,
        /// `SW_DECOM`.
        sw_decom: NaiveDate = "SW_DECOM" via parse_dmy,
        /// `SW_DEC`.
        sw_dec: NaiveDate = "SW_DEC" via parse_dmy,
        /// `SW_REASON`.
        sw_reason: SwChangeReason = "SW_REASON" via SwChangeReason::from_code,
    }
);

/// Every table of one 903 return, as lenient rows in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ssda903Tables {
    /// The files read, with the table each was recognised as.
    pub files: Vec<(Ssda903Table, PathBuf)>,
    /// Header rows.
    pub header: Vec<HeaderRow>,
    /// Episodes rows.
    pub episodes: Vec<EpisodeRow>,
    /// Reviews rows.
    pub reviews: Vec<ReviewRow>,
    /// UASC rows.
    pub uasc: Vec<UascRow>,
    /// OC2 rows.
    pub oc2: Vec<Oc2Row>,
    /// OC3 rows.
    pub oc3: Vec<Oc3Row>,
    /// AD1 rows.
    pub ad1: Vec<Ad1Row>,
    /// PlacedAdoption rows.
    pub placed_for_adoption: Vec<PlacedForAdoptionRow>,
    /// PrevPerm rows.
    pub previous_permanence: Vec<PreviousPermanenceRow>,
    /// Missing rows.
    pub missing: Vec<MissingRow>,
    /// SWEpisodes rows.
    pub sw_episodes: Vec<SwEpisodeRow>,
}

impl Ssda903Tables {
    /// Whether a file of `table` was read (an empty table that was supplied counts as present).
    pub fn has(&self, table: Ssda903Table) -> bool {
        self.files.iter().any(|(t, _)| *t == table)
    }

    /// Number of rows of `table`.
    pub fn row_count(&self, table: Ssda903Table) -> usize {
        match table {
            Ssda903Table::Header => self.header.len(),
            Ssda903Table::Episodes => self.episodes.len(),
            Ssda903Table::Reviews => self.reviews.len(),
            Ssda903Table::Uasc => self.uasc.len(),
            Ssda903Table::Oc2 => self.oc2.len(),
            Ssda903Table::Oc3 => self.oc3.len(),
            Ssda903Table::Ad1 => self.ad1.len(),
            Ssda903Table::PlacedForAdoption => self.placed_for_adoption.len(),
            Ssda903Table::PreviousPermanence => self.previous_permanence.len(),
            Ssda903Table::Missing => self.missing.len(),
            Ssda903Table::SwEpisodes => self.sw_episodes.len(),
        }
    }

    /// The collection year (named by its ending year) the return appears to cover: the year
    /// holding the latest episode, review, missing, social worker or adoption date. `None` when
    /// the files hold no such date.
    pub fn inferred_collection_year(&self) -> Option<i32> {
        let episode_dates = self
            .episodes
            .iter()
            .flat_map(|r| [r.decom.get(), r.dec.get()]);
        let review_dates = self.reviews.iter().map(|r| r.review.get());
        let missing_dates = self
            .missing
            .iter()
            .flat_map(|r| [r.mis_start.get(), r.mis_end.get()]);
        let sw_dates = self
            .sw_episodes
            .iter()
            .flat_map(|r| [r.sw_decom.get(), r.sw_dec.get()]);
        let adoption_dates = self.ad1.iter().map(|r| r.date_match.get()).chain(
            self.placed_for_adoption
                .iter()
                .flat_map(|r| [r.date_placed.get(), r.date_placed_ceased.get()]),
        );
        episode_dates
            .chain(review_dates)
            .chain(missing_dates)
            .chain(sw_dates)
            .chain(adoption_dates)
            .flatten()
            .max()
            .map(sightline_model::collection_year_ending)
    }
}

/// Reads the files of one 903 return into lenient tables, recognising each table by its columns.
/// Several files of the same table are appended in the order given.
pub fn read_tables(files: &[PathBuf]) -> Result<Ssda903Tables, FormatError> {
    let mut tables = Ssda903Tables::default();
    for file in files {
        let bytes = std::fs::read(file).map_err(|source| FormatError::Io {
            file: file.clone(),
            source,
        })?;
        parse_into(&mut tables, file, &bytes)?;
    }
    Ok(tables)
}

/// Parses in-memory files (name, bytes) as [`read_tables`] does; for tests and fuzzing.
pub fn parse_tables(inputs: &[(&Path, &[u8])]) -> Result<Ssda903Tables, FormatError> {
    let mut tables = Ssda903Tables::default();
    for (file, bytes) in inputs {
        parse_into(&mut tables, file, bytes)?;
    }
    Ok(tables)
}

fn malformed(file: &Path, location: Location, message: String) -> FormatError {
    FormatError::Malformed {
        file: file.to_path_buf(),
        location,
        message,
    }
}

fn parse_into(tables: &mut Ssda903Tables, file: &Path, bytes: &[u8]) -> Result<(), FormatError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // Records are read with their exact starting line (CRLF, blank lines and quoted line breaks
    // included), so that errors and findings name the right line.
    let mut lines = CsvLines::new(bytes);
    let mut fields = Fields::default();
    let Some(line) = lines
        .read(&mut fields)
        .map_err(|err| line_error(file, err))?
    else {
        return Err(malformed(
            file,
            Location::File,
            "empty file: no header line".into(),
        ));
    };
    let columns = fields
        .iter()
        .map(|c| std::str::from_utf8(c).map(|s| s.trim().to_owned()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| {
            malformed(
                file,
                Location::Line(line),
                "header line is not valid UTF-8 text".into(),
            )
        })?;
    let Some(table) = Ssda903Table::from_columns(&columns) else {
        let (closest, missing) = Ssda903Table::closest(&columns);
        return Err(malformed(
            file,
            Location::File,
            format!(
                "not a recognised SSDA903 table: the closest is {closest}, which lacks columns {}",
                missing.join(", ")
            ),
        ));
    };
    tables.files.push((table, file.to_path_buf()));
    let layout = Layout::new(table, &columns);
    let file: Arc<Path> = Arc::from(file);
    let mut rows = RowSource {
        lines,
        fields,
        layout,
        file,
        row_number: 0,
    };
    match table {
        Ssda903Table::Header => rows.collect_into(&mut tables.header),
        Ssda903Table::Episodes => rows.collect_into(&mut tables.episodes),
        Ssda903Table::Reviews => rows.collect_into(&mut tables.reviews),
        Ssda903Table::Uasc => rows.collect_into(&mut tables.uasc),
        Ssda903Table::Oc2 => rows.collect_into(&mut tables.oc2),
        Ssda903Table::Oc3 => rows.collect_into(&mut tables.oc3),
        Ssda903Table::Ad1 => rows.collect_into(&mut tables.ad1),
        Ssda903Table::PlacedForAdoption => rows.collect_into(&mut tables.placed_for_adoption),
        Ssda903Table::PreviousPermanence => rows.collect_into(&mut tables.previous_permanence),
        Ssda903Table::Missing => rows.collect_into(&mut tables.missing),
        Ssda903Table::SwEpisodes => rows.collect_into(&mut tables.sw_episodes),
    }
}

fn line_error(file: &Path, err: LineError) -> FormatError {
    match err {
        LineError::Io(source) => FormatError::Io {
            file: file.to_path_buf(),
            source,
        },
        LineError::UnterminatedQuote(line) => malformed(
            file,
            Location::Line(line),
            "unreadable CSV: a quoted field opened on this line is never closed".into(),
        ),
    }
}

/// Where each of a table's columns sits in the file.
struct Layout {
    table: Ssda903Table,
    header_len: usize,
    /// For each of `table.columns()`, its index in the file.
    index: Vec<Option<usize>>,
    /// Every column name of the file, for error messages.
    names: Vec<String>,
}

impl Layout {
    fn new(table: Ssda903Table, columns: &[String]) -> Layout {
        let index = table
            .columns()
            .iter()
            .map(|wanted| columns.iter().position(|c| c.eq_ignore_ascii_case(wanted)))
            .collect();
        Layout {
            table,
            header_len: columns.len(),
            index,
            names: columns.to_vec(),
        }
    }
}

struct RowSource<'a> {
    lines: CsvLines<&'a [u8]>,
    fields: Fields,
    layout: Layout,
    file: Arc<Path>,
    row_number: u64,
}

impl RowSource<'_> {
    fn collect_into<R: TableRow>(&mut self, out: &mut Vec<R>) -> Result<(), FormatError> {
        // Where each of the row type's columns sits in the file.
        let index: Vec<Option<usize>> = R::COLUMNS
            .iter()
            .map(|c| {
                let i = self.layout.table.columns().iter().position(|t| t == c);
                i.and_then(|i| self.layout.index.get(i).copied().flatten())
            })
            .collect();
        while let Some(line) = self
            .lines
            .read(&mut self.fields)
            .map_err(|err| line_error(&self.file, err))?
        {
            self.row_number += 1;
            let fields = utf8_fields(&self.fields, &self.layout, &self.file, line)?;
            let at = RowRef {
                file: Arc::clone(&self.file),
                row_number: self.row_number,
                line,
            };
            let index = &index;
            let get = |i: usize| -> &str {
                index
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|i| fields.get(i).copied())
                    .unwrap_or("")
            };
            out.push(R::from_fields(at, &get));
        }
        Ok(())
    }
}

/// The fields of one record as text; an error names the line and the
/// column of a field that is not UTF-8 (a Latin-1 export, say).
fn utf8_fields<'r>(
    record: &'r Fields,
    layout: &Layout,
    file: &Path,
    line: u64,
) -> Result<Vec<&'r str>, FormatError> {
    if record.len() > layout.header_len {
        return Err(malformed(
            file,
            Location::Line(line),
            format!(
                "row has {} fields but the header has {}",
                record.len(),
                layout.header_len
            ),
        ));
    }
    record
        .iter()
        .enumerate()
        .map(|(i, field)| {
            std::str::from_utf8(field).map_err(|_| FormatError::Field {
                file: file.to_path_buf(),
                location: Location::Line(line),
                field: layout.names.get(i).cloned().unwrap_or_default(),
                value: String::from_utf8_lossy(field).into_owned(),
                message: "not valid UTF-8 text".into(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> Result<Ssda903Tables, FormatError> {
        parse_tables(&[(Path::new(name), text.as_bytes())])
    }

    #[test]
    fn rows_keep_invalid_values_and_their_place() {
        let tables = parse(
            "e.csv",
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
             C1,31/02/2025,S,C2,N1,U4,PR1,,,,hd1 2ab,XX,SC000001\n",
        )
        .unwrap();
        let row = &tables.episodes[0];
        assert_eq!(row.at.row_number, 1);
        assert_eq!(row.at.line, 2);
        assert_eq!(row.decom.invalid_text(), Some("31/02/2025"));
        assert_eq!(row.ls.get(), Some(LegalStatus::C2));
        assert!(row.dec.is_blank());
        assert_eq!(row.home_post.value().map(Postcode::as_str), Some("HD1 2AB"));
        assert_eq!(row.pl_post.invalid_text(), Some("XX"));
    }

    #[test]
    fn row_numbers_and_lines_are_exact_after_crlf_blank_lines_and_quoted_breaks() {
        let tables = parse(
            "r.csv",
            "\u{feff}CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,01/01/2010,01/05/2025,PN1\r\n\r\n\
             \"C\r\n2\",01/01/2010,2022-13-45,PN1\r\n   \r\nC3,01/01/2010,01/06/2025,PN1",
        )
        .unwrap();
        let at: Vec<(u64, u64)> = tables
            .reviews
            .iter()
            .map(|r| (r.at.row_number, r.at.line))
            .collect();
        assert_eq!(at, [(1, 2), (2, 4), (3, 7)]);
        // A bad date is kept as text for the rules to report, not dropped.
        assert_eq!(tables.reviews[1].review.invalid_text(), Some("2022-13-45"));
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opened_on() {
        let err = parse(
            "r.csv",
            "CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,\"01/01/2010\r\n,,\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv:2: unreadable CSV: a quoted field opened on this line is never closed"
        );
    }

    #[test]
    fn short_rows_are_blank_padded_and_long_rows_are_refused() {
        let tables = parse("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010\n").unwrap();
        assert!(tables.reviews[0].review.is_blank());
        let err = parse("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,a,b,c,d\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv:2: row has 5 fields but the header has 4"
        );
    }

    #[test]
    fn row_types_declare_their_table_columns() {
        assert_eq!(HeaderRow::COLUMNS, Ssda903Table::Header.columns());
        assert_eq!(EpisodeRow::COLUMNS, Ssda903Table::Episodes.columns());
        assert_eq!(ReviewRow::COLUMNS, Ssda903Table::Reviews.columns());
        assert_eq!(UascRow::COLUMNS, Ssda903Table::Uasc.columns());
        assert_eq!(Oc2Row::COLUMNS, Ssda903Table::Oc2.columns());
        assert_eq!(Oc3Row::COLUMNS, Ssda903Table::Oc3.columns());
        assert_eq!(Ad1Row::COLUMNS, Ssda903Table::Ad1.columns());
        assert_eq!(
            PlacedForAdoptionRow::COLUMNS,
            Ssda903Table::PlacedForAdoption.columns()
        );
        assert_eq!(
            PreviousPermanenceRow::COLUMNS,
            Ssda903Table::PreviousPermanence.columns()
        );
        assert_eq!(MissingRow::COLUMNS, Ssda903Table::Missing.columns());
        assert_eq!(SwEpisodeRow::COLUMNS, Ssda903Table::SwEpisodes.columns());
    }

    #[test]
    fn partial_dates_allow_unknown_parts() {
        let date = parse_partial_date("ZZ/05/2019").unwrap();
        assert_eq!(
            (date.day, date.month, date.year),
            (None, Some(5), Some(2019))
        );
        assert_eq!(format_partial_date(&date), "ZZ/05/2019");
        assert_eq!(
            format_partial_date(&parse_partial_date("zz/zz/ZZZZ").unwrap()),
            "ZZ/ZZ/ZZZZ"
        );
        assert!(parse_partial_date("30/02/2019").is_none());
        assert!(parse_partial_date("ZZ/13/2019").is_none());
        assert!(parse_partial_date("2019").is_none());
    }

    #[test]
    fn the_collection_year_is_inferred_from_the_latest_date() {
        let tables = parse(
            "r.csv",
            "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,31/03/2026,PN1\nC1,01/01/2010,01/04/2025,PN1\n",
        )
        .unwrap();
        assert_eq!(tables.inferred_collection_year(), Some(2026));
        assert_eq!(Ssda903Tables::default().inferred_collection_year(), None);
    }
}
