//! Streaming CSV tables: a declared column list, a writer that reuses one record buffer, and a
//! reader that maps the header to the declared columns and parses cells with located errors.
//!
//! Built for England-sized extracts (tens of millions of rows): neither side allocates per row
//! beyond the values it hands to the model.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use csv::ByteRecord;

use super::cells;
use super::lines::{CsvLines, Fields, LineError};
use crate::{FormatError, Location};

/// One declared column of a table. Extension columns (not in the published SSD) are named
/// `<prefix>x_<field>`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    /// Column heading, exactly as written.
    pub name: &'static str,
    /// The reader refuses a file without this column.
    pub required: bool,
}

/// A standard column the reader needs.
pub(crate) const fn req(name: &'static str) -> Column {
    Column {
        name,
        required: true,
    }
}

/// A standard column the reader can do without (written blank or for information only).
pub(crate) const fn opt(name: &'static str) -> Column {
    Column {
        name,
        required: false,
    }
}

/// An extension column; optional when reading so that standard extracts still load.
pub(crate) const fn ext(name: &'static str) -> Column {
    Column {
        name,
        required: false,
    }
}

/// An extension column that carries a mandatory model field with no standard source.
pub(crate) const fn ext_req(name: &'static str) -> Column {
    Column {
        name,
        required: true,
    }
}

/// A table: its file stem, the prefix its column names share and its columns in file order.
#[derive(Debug)]
pub(crate) struct TableSpec {
    /// Table (and file stem) name, e.g. `ssd_contacts`.
    pub name: &'static str,
    /// Prefix shared by the column names, e.g. `cont_`; used to recognise the table.
    pub prefix: &'static str,
    /// Columns in the order they are written.
    pub columns: &'static [Column],
}

impl TableSpec {
    /// Position of a column by name. Column names are compile-time constants, so an unknown name
    /// is a programming error; it yields an index that reads as an absent column, which the
    /// round-trip tests catch.
    pub fn col(&self, name: &str) -> Col {
        debug_assert!(
            self.columns.iter().any(|c| c.name == name),
            "{} has no column {name}",
            self.name
        );
        Col(self
            .columns
            .iter()
            .position(|c| c.name == name)
            .unwrap_or(usize::MAX))
    }

    /// Whether this is a Sightline extension table.
    pub fn is_extension(&self) -> bool {
        self.name.starts_with("ssdx_")
    }
}

/// A column position in a [`TableSpec`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Col(usize);

/// Writes one table, one row at a time, in the declared column order.
pub(crate) struct TableWriter {
    path: PathBuf,
    writer: csv::Writer<BufWriter<File>>,
    record: ByteRecord,
    scratch: Vec<u8>,
    width: usize,
}

impl TableWriter {
    /// Creates `dir/<table>.csv` and writes the header.
    pub fn create(dir: &Path, spec: &TableSpec) -> Result<TableWriter, FormatError> {
        let path = dir.join(format!("{}.csv", spec.name));
        let file = File::create(&path).map_err(|source| FormatError::Io {
            file: path.clone(),
            source,
        })?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(BufWriter::with_capacity(1 << 16, file));
        let header: ByteRecord = spec.columns.iter().map(|c| c.name.as_bytes()).collect();
        writer
            .write_byte_record(&header)
            .map_err(|e| csv_error(&path, e))?;
        Ok(TableWriter {
            path,
            writer,
            record: ByteRecord::with_capacity(256, spec.columns.len()),
            scratch: Vec::with_capacity(32),
            width: spec.columns.len(),
        })
    }

    /// Appends a text cell.
    pub fn text(&mut self, value: &str) -> &mut Self {
        self.record.push_field(value.as_bytes());
        self
    }

    /// Appends a text cell, blank when absent.
    pub fn opt_text(&mut self, value: Option<&str>) -> &mut Self {
        self.text(value.unwrap_or(""))
    }

    /// Appends a blank cell (a standard column the model has nothing for).
    pub fn blank(&mut self) -> &mut Self {
        self.text("")
    }

    /// Appends a `yyyy-mm-dd` date.
    pub fn date(&mut self, value: NaiveDate) -> &mut Self {
        cells::format_iso_date(value, &mut self.scratch);
        self.record.push_field(&self.scratch);
        self
    }

    /// Appends a date, blank when absent.
    pub fn opt_date(&mut self, value: Option<NaiveDate>) -> &mut Self {
        match value {
            Some(d) => self.date(d),
            None => self.blank(),
        }
    }

    /// Appends `Y` or `N`.
    pub fn flag(&mut self, value: bool) -> &mut Self {
        self.text(cells::flag_text(value))
    }

    /// Appends `Y`, `N` or blank.
    pub fn opt_flag(&mut self, value: Option<bool>) -> &mut Self {
        self.opt_text(value.map(cells::flag_text))
    }

    /// Appends a number (integers and `f64`; `f64` is written in its shortest exact form).
    pub fn number(&mut self, value: impl std::fmt::Display) -> &mut Self {
        use std::io::Write;
        self.scratch.clear();
        // Writing to a Vec cannot fail.
        let _ = write!(self.scratch, "{value}");
        self.record.push_field(&self.scratch);
        self
    }

    /// Appends a number, blank when absent.
    pub fn opt_number(&mut self, value: Option<impl std::fmt::Display>) -> &mut Self {
        match value {
            Some(v) => self.number(v),
            None => self.blank(),
        }
    }

    /// Writes the row built so far.
    pub fn end_row(&mut self) -> Result<(), FormatError> {
        if self.record.len() != self.width {
            return Err(FormatError::Malformed {
                file: self.path.clone(),
                location: Location::File,
                message: format!(
                    "internal error: row has {} cells, table has {} columns",
                    self.record.len(),
                    self.width
                ),
            });
        }
        self.writer
            .write_byte_record(&self.record)
            .map_err(|e| csv_error(&self.path, e))?;
        self.record.clear();
        Ok(())
    }

    /// Flushes the file and returns its path.
    pub fn finish(mut self) -> Result<PathBuf, FormatError> {
        self.writer.flush().map_err(|source| FormatError::Io {
            file: self.path.clone(),
            source,
        })?;
        Ok(self.path)
    }
}

/// Converts a csv crate error into ours, keeping the line when the crate knows it.
pub(crate) fn csv_error(path: &Path, err: csv::Error) -> FormatError {
    let location = err
        .position()
        .map_or(Location::File, |p| Location::Line(p.line()));
    if let csv::ErrorKind::UnequalLengths {
        expected_len, len, ..
    } = err.kind()
    {
        return FormatError::Malformed {
            file: path.to_path_buf(),
            location,
            message: format!("row has {len} cells but the header has {expected_len}"),
        };
    }
    let message = format!("not valid CSV: {err}");
    match err.into_kind() {
        csv::ErrorKind::Io(source) => FormatError::Io {
            file: path.to_path_buf(),
            source,
        },
        _ => FormatError::Malformed {
            file: path.to_path_buf(),
            location,
            message,
        },
    }
}

/// Normalises a header cell for exact matching: BOM and surrounding space removed, lower case.
pub(crate) fn header_key(raw: &[u8]) -> String {
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    String::from_utf8_lossy(raw).trim().to_ascii_lowercase()
}

/// Reads the header row of CSV bytes (e.g. the first bytes of a file), if there is one.
pub(crate) fn header_of(head: &[u8]) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(head);
    let mut record = ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => Some(record.iter().map(header_key).collect()),
        _ => None,
    }
}

/// Opens a CSV file for reading records with exact line numbers.
pub(crate) fn open_lines(path: &Path) -> Result<CsvLines<BufReader<File>>, FormatError> {
    let file = File::open(path).map_err(|source| FormatError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    Ok(CsvLines::new(BufReader::with_capacity(1 << 16, file)))
}

/// Reads the next record, turning failures into located errors.
pub(crate) fn read_record(
    path: &Path,
    lines: &mut CsvLines<BufReader<File>>,
    record: &mut Fields,
) -> Result<Option<u64>, FormatError> {
    lines.read(record).map_err(|e| match e {
        LineError::Io(source) => FormatError::Io {
            file: path.to_path_buf(),
            source,
        },
        LineError::UnterminatedQuote(line) => FormatError::Malformed {
            file: path.to_path_buf(),
            location: Location::Line(line),
            message: "a quoted cell opened on this line is never closed".into(),
        },
    })
}

/// Reads the header record of a CSV file; an empty file is an error.
pub(crate) fn read_header(
    path: &Path,
    lines: &mut CsvLines<BufReader<File>>,
) -> Result<Fields, FormatError> {
    let mut header = Fields::default();
    match read_record(path, lines, &mut header)? {
        Some(_) => Ok(header),
        None => Err(FormatError::Malformed {
            file: path.to_path_buf(),
            location: Location::File,
            message: "empty file: expected a header row".into(),
        }),
    }
}

/// Reads one table: checks the header against the declared columns, then yields rows.
pub(crate) struct TableReader {
    path: PathBuf,
    spec: &'static TableSpec,
    lines: CsvLines<BufReader<File>>,
    index: Vec<Option<usize>>,
    width: usize,
    record: Fields,
}

impl TableReader {
    /// Opens a table file and maps its header; a missing required column is an error that lists
    /// every missing column.
    pub fn open(path: &Path, spec: &'static TableSpec) -> Result<TableReader, FormatError> {
        let mut lines = open_lines(path)?;
        let header = read_header(path, &mut lines)?;
        let keys: Vec<String> = header.iter().map(header_key).collect();
        let index: Vec<Option<usize>> = spec
            .columns
            .iter()
            .map(|c| keys.iter().position(|k| k == c.name))
            .collect();
        let missing: Vec<&str> = spec
            .columns
            .iter()
            .zip(&index)
            .filter(|(c, i)| c.required && i.is_none())
            .map(|(c, _)| c.name)
            .collect();
        if !missing.is_empty() {
            return Err(FormatError::Malformed {
                file: path.to_path_buf(),
                location: Location::Line(1),
                message: format!(
                    "{} table is missing columns: {}",
                    spec.name,
                    missing.join(", ")
                ),
            });
        }
        Ok(TableReader {
            path: path.to_path_buf(),
            spec,
            lines,
            index,
            width: header.len(),
            record: Fields::default(),
        })
    }

    /// The next data row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, FormatError> {
        loop {
            let Some(line) = read_record(&self.path, &mut self.lines, &mut self.record)? else {
                return Ok(None);
            };
            if self.record.len() != self.width {
                return Err(FormatError::Malformed {
                    file: self.path.clone(),
                    location: Location::Line(line),
                    message: format!(
                        "row has {} cells but the header has {}",
                        self.record.len(),
                        self.width
                    ),
                });
            }
            // A row of empty cells only carries nothing.
            if self
                .record
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            return Ok(Some(Row {
                path: &self.path,
                spec: self.spec,
                line,
                record: &self.record,
                index: &self.index,
            }));
        }
    }
}

/// One data row of a [`TableReader`], with typed accessors whose errors name the place.
pub(crate) struct Row<'a> {
    path: &'a Path,
    spec: &'static TableSpec,
    line: u64,
    record: &'a Fields,
    index: &'a [Option<usize>],
}

impl<'a> Row<'a> {
    /// The 1-based line the row starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    fn raw(&self, col: Col) -> &'a [u8] {
        match self.index.get(col.0) {
            Some(Some(i)) => self.record.get(*i).unwrap_or(b""),
            _ => b"",
        }
    }

    fn column_name(&self, col: Col) -> &'static str {
        self.spec.columns.get(col.0).map_or("?", |c| c.name)
    }

    /// An error about this row's cell in `col`.
    pub fn error(&self, col: Col, value: &str, message: impl Into<String>) -> FormatError {
        FormatError::Field {
            file: self.path.to_path_buf(),
            location: Location::Line(self.line),
            field: self.column_name(col).to_owned(),
            value: value.to_owned(),
            message: message.into(),
        }
    }

    /// The cell as trimmed text (empty when blank or when the column is absent).
    pub fn text(&self, col: Col) -> Result<&'a str, FormatError> {
        let raw = self.raw(col);
        match std::str::from_utf8(raw) {
            Ok(s) => Ok(s.trim()),
            Err(_) => Err(self.error(col, &String::from_utf8_lossy(raw), "not valid UTF-8 text")),
        }
    }

    /// Non-blank text, or `None`.
    pub fn opt_text(&self, col: Col) -> Result<Option<&'a str>, FormatError> {
        self.text(col).map(|t| (!t.is_empty()).then_some(t))
    }

    /// Text that must not be blank.
    pub fn required_text(&self, col: Col) -> Result<&'a str, FormatError> {
        let t = self.text(col)?;
        if t.is_empty() {
            return Err(self.error(col, t, "required value is blank"));
        }
        Ok(t)
    }

    /// Parses a non-blank cell with `parse`, which returns a message on failure.
    pub fn parse<T>(
        &self,
        col: Col,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, FormatError> {
        let t = self.required_text(col)?;
        parse(t).map_err(|message| self.error(col, t, message))
    }

    /// Parses a cell with `parse` unless it is blank.
    pub fn opt_parse<T>(
        &self,
        col: Col,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<Option<T>, FormatError> {
        match self.opt_text(col)? {
            Some(t) => parse(t)
                .map(Some)
                .map_err(|message| self.error(col, t, message)),
            None => Ok(None),
        }
    }

    /// A required date.
    pub fn date(&self, col: Col) -> Result<NaiveDate, FormatError> {
        self.parse(col, |t| cells::parse_date(t).map_err(String::from))
    }

    /// An optional date.
    pub fn opt_date(&self, col: Col) -> Result<Option<NaiveDate>, FormatError> {
        self.opt_parse(col, |t| cells::parse_date(t).map_err(String::from))
    }

    /// A required flag.
    pub fn flag(&self, col: Col) -> Result<bool, FormatError> {
        self.parse(col, |t| cells::parse_flag(t).map_err(String::from))
    }

    /// An optional flag.
    pub fn opt_flag(&self, col: Col) -> Result<Option<bool>, FormatError> {
        self.opt_parse(col, |t| cells::parse_flag(t).map_err(String::from))
    }

    /// A required DfE code, parsed with the code list's `from_code`.
    pub fn code<T>(
        &self,
        col: Col,
        list: &str,
        from_code: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, FormatError> {
        self.parse(col, |t| {
            from_code(t).ok_or_else(|| format!("not a {list} code"))
        })
    }

    /// An optional DfE code.
    pub fn opt_code<T>(
        &self,
        col: Col,
        list: &str,
        from_code: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, FormatError> {
        self.opt_parse(col, |t| {
            from_code(t).ok_or_else(|| format!("not a {list} code"))
        })
    }

    /// An optional whole number.
    pub fn opt_whole<T: TryFrom<u64>>(&self, col: Col) -> Result<Option<T>, FormatError> {
        self.opt_parse(col, |t| cells::parse_whole(t).map_err(String::from))
    }

    /// A required whole number.
    pub fn whole<T: TryFrom<u64>>(&self, col: Col) -> Result<T, FormatError> {
        self.parse(col, |t| cells::parse_whole(t).map_err(String::from))
    }

    /// An optional decimal number.
    pub fn opt_decimal(&self, col: Col) -> Result<Option<f64>, FormatError> {
        self.opt_parse(col, |t| cells::parse_decimal(t).map_err(String::from))
    }
}

/// A fast non-cryptographic hasher (the Fx scheme) for maps keyed by record ids read from a
/// council's own files, where hash flooding is not a concern and millions of lookups are.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(dst) = word.get_mut(..chunk.len()) {
                dst.copy_from_slice(chunk);
            }
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        // The multiply-rotate steps leave the low bits, which pick the bucket, depending on few
        // input bits (ids share long prefixes); the splitmix64 finaliser spreads every bit.
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
}

/// A map keyed by ids, hashed with [`IdHasher`].
///
/// Keys such as `C00012345` differ only in a few bytes; a test pins that such keys spread over
/// buckets (a weak finaliser once made a million-child read quadratic).
pub(crate) type IdMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn sequential_ids_spread_over_the_low_bits() {
        let build = std::hash::BuildHasherDefault::<IdHasher>::default();
        let mut buckets = std::collections::HashSet::new();
        for i in 0..4096 {
            buckets.insert(build.hash_one(format!("C{i:08}")) & 0xfff);
        }
        // 4096 keys into 4096 buckets: a uniform hash fills about 63% of them.
        assert!(buckets.len() > 2400, "only {} buckets used", buckets.len());
    }
}
