//! Annex A files on disk: the xlsx workbook (one sheet per list) and one CSV per list, written
//! from built rows and read into cells mapped to each list's columns.

use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::build::{Sheet, Value};
use super::lists::{self, HeaderMatch, ListSpec};
use crate::ssd::table::{csv_error, open_lines, read_header, read_record};
use crate::{FormatError, Location};

/// A cell as read, before it is interpreted for its column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
    /// An Excel date cell whose serial is not a real date (e.g. Excel's 29 February 1900).
    BadDate(f64),
}

impl Cell {
    /// The cell as text, as a person would read it (whole numbers without `.0`).
    pub(crate) fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "Y" } else { "N" }.to_owned(),
            Cell::Date(d) => crate::ssd::cells::format_dmy_date(*d),
            Cell::BadDate(n) => number_text(*n),
        }
    }

    /// Whether the cell holds nothing.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One data row: where it is and its cells in the list's column order.
pub(crate) struct SourceRow {
    pub location: Location,
    pub cells: Vec<Cell>,
}

/// The rows of one list from one file (or one sheet).
pub(crate) struct ListTable {
    pub file: PathBuf,
    pub list: &'static ListSpec,
    pub rows: Vec<SourceRow>,
}

// --- Writing ---

/// Sheet name of a list in the workbook.
pub(crate) fn sheet_name(list: &ListSpec) -> String {
    format!("List {}", list.number)
}

/// File name of a list's CSV.
pub(crate) fn csv_name(list: &ListSpec) -> String {
    let slug: String = list
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("annex_a_list_{:02}_{slug}.csv", list.number)
}

fn xlsx_error(path: &Path, err: rust_xlsxwriter::XlsxError) -> FormatError {
    FormatError::Io {
        file: path.to_path_buf(),
        source: std::io::Error::other(err.to_string()),
    }
}

/// Rows in an Excel worksheet (`.xlsx`), the header row included: Excel cannot open a sheet
/// with more.
pub(crate) const EXCEL_MAX_ROWS: usize = 1_048_576;

/// Writes the workbook: one sheet per list, headings in bold, dates as Excel dates shown
/// `dd/mm/yyyy`. A list with more rows than an Excel sheet holds continues on further sheets
/// (`List 1`, `List 1 (2)`, ...), each with the header row, which the reader reads as one list.
pub(crate) fn write_workbook(path: &Path, sheets: &[Sheet]) -> Result<(), FormatError> {
    write_workbook_split(path, sheets, EXCEL_MAX_ROWS - 1)
}

/// [`write_workbook`] with at most `rows_per_sheet` data rows on a sheet.
fn write_workbook_split(
    path: &Path,
    sheets: &[Sheet],
    rows_per_sheet: usize,
) -> Result<(), FormatError> {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    // Compressing is most of the time taken to save; level 2 takes about 0.6 of the default
    // level 6's time for a file about a tenth larger (rust_xlsxwriter's measurements).
    workbook.set_zip_compression_level(2);
    for sheet in sheets {
        let mut parts: Vec<&[Vec<Value>]> = sheet.rows.chunks(rows_per_sheet.max(1)).collect();
        if parts.is_empty() {
            parts.push(&[]);
        }
        for (part, rows) in parts.into_iter().enumerate() {
            let name = match part {
                0 => sheet_name(sheet.list),
                n => format!("{} ({})", sheet_name(sheet.list), n + 1),
            };
            write_worksheet(path, &mut workbook, &name, sheet.list, rows)?;
        }
    }
    workbook.save(path).map_err(|e| xlsx_error(path, e))
}

/// Adds one worksheet named `name` holding the header row of `list` and `rows`.
fn write_worksheet(
    path: &Path,
    workbook: &mut rust_xlsxwriter::Workbook,
    name: &str,
    list: &ListSpec,
    rows: &[Vec<Value>],
) -> Result<(), FormatError> {
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let bold = Format::new().set_bold().set_text_wrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let ws = workbook.add_worksheet();
    ws.set_name(name).map_err(|e| xlsx_error(path, e))?;
    for (col, column) in list.columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, column.heading, &bold)
            .map_err(|e| xlsx_error(path, e))?;
        ws.set_column_width(col, 18)
            .map_err(|e| xlsx_error(path, e))?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| FormatError::Malformed {
            file: path.to_path_buf(),
            location: Location::SheetRow(name.to_owned(), u32::MAX),
            message: "too many rows for one worksheet".into(),
        })?;
        for (col, value) in row.iter().enumerate() {
            let col = col as u16;
            let result = match value {
                Value::Empty => continue,
                Value::Text(t) => ws.write_string(r, col, t).map(|_| ()),
                Value::Number(n) => ws.write_number(r, col, *n as f64).map(|_| ()),
                Value::Date(d) => {
                    let excel = u16::try_from(d.year()).ok().and_then(|y| {
                        ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
                    });
                    match excel {
                        Some(x) => ws
                            .write_date_with_format(r, col, &x, &date_format)
                            .map(|_| ()),
                        // Excel has no dates before 1900; such a date is written as text.
                        None => ws
                            .write_string(r, col, crate::ssd::cells::format_dmy_date(*d))
                            .map(|_| ()),
                    }
                }
            };
            result.map_err(|e| xlsx_error(path, e))?;
        }
    }
    Ok(())
}

/// Writes one list as CSV (dates `dd/mm/yyyy`).
pub(crate) fn write_csv(path: &Path, sheet: &Sheet) -> Result<(), FormatError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_path(path)
        .map_err(|e| csv_error(path, e))?;
    w.write_record(sheet.list.columns.iter().map(|c| c.heading))
        .map_err(|e| csv_error(path, e))?;
    for row in &sheet.rows {
        w.write_record(row.iter().map(Value::to_csv))
            .map_err(|e| csv_error(path, e))?;
    }
    w.flush().map_err(|source| FormatError::Io {
        file: path.to_path_buf(),
        source,
    })
}

// --- Reading ---

fn missing_columns_error(file: &Path, location: Location, m: &HeaderMatch) -> Option<FormatError> {
    let missing = m.missing();
    (!missing.is_empty()).then(|| FormatError::Malformed {
        file: file.to_path_buf(),
        location,
        message: format!(
            "Annex A list {} ({}) is missing columns: {}",
            m.list.number,
            m.list.name,
            missing.join(", ")
        ),
    })
}

/// Reads one list from a CSV file.
pub(crate) fn read_csv(path: &Path) -> Result<ListTable, FormatError> {
    let mut lines = open_lines(path)?;
    let header = read_header(path, &mut lines)?;
    let header: Vec<String> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h).into_owned())
        .collect();
    let m = lists::match_header(&header).ok_or_else(|| FormatError::Malformed {
        file: path.to_path_buf(),
        location: Location::Line(1),
        message: "header matches no Annex A list".into(),
    })?;
    if let Some(err) = missing_columns_error(path, Location::Line(1), &m) {
        return Err(err);
    }
    // Rows may be ragged in hand-edited files: missing trailing cells read as blank.
    let mut record = crate::ssd::lines::Fields::default();
    let mut rows = Vec::new();
    while let Some(line) = read_record(path, &mut lines, &mut record)? {
        let mut cells = Vec::with_capacity(m.positions.len());
        for (column, position) in m.list.columns.iter().zip(&m.positions) {
            let raw = position.and_then(|p| record.get(p)).unwrap_or(b"");
            let text = std::str::from_utf8(raw).map_err(|_| FormatError::Field {
                file: path.to_path_buf(),
                location: Location::Line(line),
                field: column.heading.to_owned(),
                value: String::from_utf8_lossy(raw).into_owned(),
                message: "not valid UTF-8 text".into(),
            })?;
            cells.push(if text.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(text.to_owned())
            });
        }
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        rows.push(SourceRow {
            location: Location::Line(line),
            cells,
        });
    }
    Ok(ListTable {
        file: path.to_path_buf(),
        list: m.list,
        rows,
    })
}

fn cell_of(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) if dt.as_f64() >= 1.0 => Cell::Date(date),
                _ => Cell::BadDate(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// How many rows from the top of a sheet to search for the header (templates put a title and
/// guidance above it).
const HEADER_SEARCH_ROWS: usize = 10;

/// Turns a calamine panic into an error: a malformed workbook must never crash the caller.
fn guard<T>(path: &Path, f: impl FnOnce() -> Result<T, FormatError>) -> Result<T, FormatError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(FormatError::Malformed {
            file: path.to_path_buf(),
            location: Location::File,
            message: "the workbook could not be read (it is damaged or not a spreadsheet)".into(),
        })
    })
}

fn open_workbook<RS: Read + Seek + Clone>(
    path: &Path,
    data: RS,
) -> Result<calamine::Sheets<RS>, FormatError> {
    calamine::open_workbook_auto_from_rs(data).map_err(|e| FormatError::Malformed {
        file: path.to_path_buf(),
        location: Location::File,
        message: format!("not a readable workbook: {e}"),
    })
}

/// Reads every sheet of a workbook that carries an Annex A list; other sheets (cover pages,
/// guidance) are skipped. A workbook with no list at all is an error.
pub(crate) fn read_workbook(path: &Path) -> Result<Vec<ListTable>, FormatError> {
    let bytes = std::fs::read(path).map_err(|source| FormatError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    guard(path, || read_workbook_bytes(path, bytes))
}

fn read_workbook_bytes(path: &Path, bytes: Vec<u8>) -> Result<Vec<ListTable>, FormatError> {
    use calamine::Reader;
    let mut workbook = open_workbook(path, Cursor::new(bytes))?;
    let mut tables = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| FormatError::Malformed {
                file: path.to_path_buf(),
                location: Location::SheetRow(sheet.clone(), 1),
                message: format!("sheet cannot be read: {e}"),
            })?;
        let first_row = range.start().map_or(0, |(r, _)| r);
        let rows: Vec<&[calamine::Data]> = range.rows().collect();
        let header = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find_map(|(i, row)| {
                let texts: Vec<String> = row.iter().map(|c| cell_of(c).as_text()).collect();
                lists::match_header(&texts).map(|m| (i, m))
            });
        let Some((header_index, m)) = header else {
            continue;
        };
        let row_number = |i: usize| {
            first_row
                .saturating_add(u32::try_from(i).unwrap_or(u32::MAX))
                .saturating_add(1)
        };
        if let Some(err) = missing_columns_error(
            path,
            Location::SheetRow(sheet.clone(), row_number(header_index)),
            &m,
        ) {
            return Err(err);
        }
        let mut source_rows = Vec::new();
        for (i, row) in rows.iter().enumerate().skip(header_index + 1) {
            let cells: Vec<Cell> = m
                .positions
                .iter()
                .map(|p| p.and_then(|p| row.get(p)).map_or(Cell::Empty, cell_of))
                .collect();
            if cells.iter().all(Cell::is_blank) {
                continue;
            }
            source_rows.push(SourceRow {
                location: Location::SheetRow(sheet.clone(), row_number(i)),
                cells,
            });
        }
        tables.push(ListTable {
            file: path.to_path_buf(),
            list: m.list,
            rows: source_rows,
        });
    }
    if tables.is_empty() {
        return Err(FormatError::Malformed {
            file: path.to_path_buf(),
            location: Location::File,
            message: "no sheet of this workbook has the headings of an Annex A list".into(),
        });
    }
    Ok(tables)
}

/// The lists a workbook carries, by the headers of its sheets; `None` if it is not a readable
/// workbook or carries none.
pub(crate) fn workbook_lists(path: &Path) -> Option<Vec<u8>> {
    let bytes = std::fs::read(path).ok()?;
    guard(path, || {
        use calamine::Reader;
        let mut workbook = open_workbook(path, Cursor::new(bytes))?;
        let mut found = Vec::new();
        for sheet in workbook.sheet_names() {
            let Ok(range) = workbook.worksheet_range(&sheet) else {
                continue;
            };
            let number = range.rows().take(HEADER_SEARCH_ROWS).find_map(|row| {
                let texts: Vec<String> = row.iter().map(|c| cell_of(c).as_text()).collect();
                lists::match_header(&texts).map(|m| m.list.number)
            });
            found.extend(number);
        }
        Ok(found)
    })
    .ok()
    .filter(|found| !found.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contacts(n: usize) -> Sheet {
        let list = &lists::LIST_1;
        let rows = (0..n)
            .map(|i| {
                let mut row = vec![Value::Empty; list.columns.len()];
                row[0] = Value::Text(format!("C{i}"));
                row[list.col("Date of Contact")] =
                    Value::Date(NaiveDate::from_ymd_opt(2025, 1, 1 + i as u32).unwrap());
                row
            })
            .collect();
        Sheet { list, rows }
    }

    fn sheet_of(row: &SourceRow) -> &str {
        match &row.location {
            Location::SheetRow(sheet, _) => sheet,
            other => panic!("not a sheet row: {other:?}"),
        }
    }

    #[test]
    fn a_list_longer_than_a_sheet_continues_on_numbered_sheets_read_back_as_one_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annex_a.xlsx");
        write_workbook_split(&path, &[contacts(5)], 2).unwrap();
        assert_eq!(workbook_lists(&path), Some(vec![1, 1, 1]));
        let tables = read_workbook(&path).unwrap();
        let shape: Vec<(&str, usize)> = tables
            .iter()
            .map(|t| (sheet_of(&t.rows[0]), t.rows.len()))
            .collect();
        assert_eq!(shape, [("List 1", 2), ("List 1 (2)", 2), ("List 1 (3)", 1)]);
        let ids: Vec<String> = tables
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r.cells[0].as_text()))
            .collect();
        assert_eq!(ids, ["C0", "C1", "C2", "C3", "C4"]);
    }

    #[test]
    fn a_list_that_fits_and_an_empty_list_keep_one_sheet_each() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annex_a.xlsx");
        let empty = Sheet {
            list: &lists::LIST_2,
            rows: Vec::new(),
        };
        write_workbook_split(&path, &[contacts(2), empty], 2).unwrap();
        assert_eq!(workbook_lists(&path), Some(vec![1, 2]));
        assert_eq!(EXCEL_MAX_ROWS - 1, 1_048_575);
    }
}
