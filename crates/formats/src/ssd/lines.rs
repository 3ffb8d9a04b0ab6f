//! A CSV record reader that knows the exact line each record starts on, and copies nothing it
//! does not have to.
//!
//! The csv crate's record positions run one line short after a CRLF line end or a blank line
//! (they are taken before the rest of the terminator is consumed), and error messages must name
//! the right line. Records are read a physical line at a time (a quoted field may span lines:
//! the record goes on while its quotes are unbalanced) straight into a reused buffer; fields are
//! ranges of that buffer, unescaped in place when quoted (RFC 4180).

use std::io::BufRead;
use std::ops::Range;

/// Why a record could not be read.
#[derive(Debug)]
pub(crate) enum LineError {
    /// The underlying reader failed.
    Io(std::io::Error),
    /// The file ended inside a quoted field that opened on this line.
    UnterminatedQuote(u64),
}

/// The fields of one record: ranges of one reused buffer.
#[derive(Default)]
pub(crate) struct Fields {
    text: Vec<u8>,
    bounds: Vec<Range<usize>>,
}

impl Fields {
    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.bounds.len()
    }

    /// One field's bytes.
    pub(crate) fn get(&self, i: usize) -> Option<&[u8]> {
        self.bounds.get(i).and_then(|r| self.text.get(r.clone()))
    }

    /// Every field in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.bounds
            .iter()
            .map(|r| self.text.get(r.clone()).unwrap_or(b""))
    }
}

/// Reads records with their starting line numbers (1-based); blank lines are skipped.
pub(crate) struct CsvLines<R> {
    input: R,
    lines_read: u64,
}

impl<R: BufRead> CsvLines<R> {
    pub(crate) fn new(input: R) -> CsvLines<R> {
        CsvLines {
            input,
            lines_read: 0,
        }
    }

    /// Reads the next non-blank record into `fields` and returns the line it starts on.
    pub(crate) fn read(&mut self, fields: &mut Fields) -> Result<Option<u64>, LineError> {
        loop {
            fields.text.clear();
            let start = self.lines_read + 1;
            if self.next_line(&mut fields.text)? == 0 {
                return Ok(None);
            }
            let has_quotes = fields.text.contains(&b'"');
            while has_quotes && ends_inside_quotes(&fields.text) {
                if self.next_line(&mut fields.text)? == 0 {
                    return Err(LineError::UnterminatedQuote(start));
                }
            }
            while matches!(fields.text.last(), Some(b'\n' | b'\r')) {
                fields.text.pop();
            }
            if fields.text.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            split(fields, has_quotes);
            return Ok(Some(start));
        }
    }

    fn next_line(&mut self, buf: &mut Vec<u8>) -> Result<usize, LineError> {
        let n = self.input.read_until(b'\n', buf).map_err(LineError::Io)?;
        if n > 0 {
            self.lines_read += 1;
        }
        Ok(n)
    }
}

/// Whether a record's text ends inside a quoted field (so the record continues on the next
/// line). A quote opens a quoted field only at the start of a field; elsewhere it is literal.
fn ends_inside_quotes(text: &[u8]) -> bool {
    let (mut quoted, mut at_field_start) = (false, true);
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        i += 1;
        if quoted {
            if b == b'"' {
                if text.get(i) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b',' {
            at_field_start = true;
            continue;
        } else if b == b'"' && at_field_start {
            quoted = true;
        }
        at_field_start = false;
    }
    quoted
}

/// Splits the record text into fields: commas separate, a field may be quoted, `""` inside
/// quotes is a quote. Text after a closing quote is kept, as spreadsheet exports sometimes have.
fn split(fields: &mut Fields, has_quotes: bool) {
    fields.bounds.clear();
    if !has_quotes {
        // Most rows have no quotes: fields are the slices between commas.
        let mut start = 0;
        for (i, b) in fields.text.iter().enumerate() {
            if *b == b',' {
                fields.bounds.push(start..i);
                start = i + 1;
            }
        }
        fields.bounds.push(start..fields.text.len());
        return;
    }
    // Unescape in place: the write position never passes the read position.
    let text = &mut fields.text;
    let (mut read, mut write, mut field_start) = (0, 0, 0);
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(&b) = text.get(read) {
        read += 1;
        if quoted {
            if b == b'"' {
                if text.get(read) == Some(&b'"') {
                    read += 1;
                } else {
                    quoted = false;
                    continue;
                }
            }
        } else if b == b',' {
            fields.bounds.push(field_start..write);
            field_start = write;
            at_field_start = true;
            continue;
        } else if b == b'"' && at_field_start {
            quoted = true;
            at_field_start = false;
            continue;
        }
        if let Some(slot) = text.get_mut(write) {
            *slot = b;
        }
        write += 1;
        at_field_start = false;
    }
    fields.bounds.push(field_start..write);
    text.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut lines = CsvLines::new(text.as_bytes());
        let mut fields = Fields::default();
        let mut out = Vec::new();
        while let Some(line) = lines.read(&mut fields).unwrap() {
            out.push((
                line,
                fields
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect(),
            ));
        }
        out
    }

    #[test]
    fn lines_are_exact_with_crlf_blank_lines_and_multiline_fields() {
        let rows =
            read_all("a,b\r\n1,2\r\n\r\n\"x\r\ny\",3\r\n4,\"q\"\"uote\"\r\n,\n\"a\"b,\"\",c\"d\n");
        let expect = |line: u64, cells: &[&str]| {
            (
                line,
                cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            rows,
            vec![
                expect(1, &["a", "b"]),
                expect(2, &["1", "2"]),
                expect(4, &["x\r\ny", "3"]),
                expect(6, &["4", "q\"uote"]),
                expect(7, &["", ""]),
                expect(8, &["ab", "", "c\"d"]),
            ]
        );
    }

    #[test]
    fn an_unterminated_quote_names_its_line() {
        let mut lines = CsvLines::new("a\n\"open\nstill open".as_bytes());
        let mut fields = Fields::default();
        assert_eq!(lines.read(&mut fields).unwrap(), Some(1));
        assert!(matches!(
            lines.read(&mut fields),
            Err(LineError::UnterminatedQuote(2))
        ));
    }

    proptest::proptest! {
        /// Whatever the csv crate writes, this reader reads back field for field, on the line
        /// the record starts on.
        #[test]
        fn reads_back_what_the_csv_writer_writes(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-c ,\"\r\n]{0,4}|[ -~]{0,6}", 1..5),
                0..8,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let mut writer = csv::WriterBuilder::new()
                .flexible(true)
                .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
                .from_writer(Vec::new());
            for row in &rows {
                writer.write_record(row).unwrap();
            }
            let bytes = writer.into_inner().unwrap();
            let mut lines = CsvLines::new(bytes.as_slice());
            let mut fields = Fields::default();
            let mut line = 1u64;
            for row in &rows {
                let blank = row.iter().all(|f| f.bytes().all(|b| b.is_ascii_whitespace()))
                    && row.len() == 1
                    && !row[0].contains(['\r', '\n']);
                let text_lines = row.iter().map(|f| f.matches('\n').count() as u64).sum::<u64>() + 1;
                if blank && !row[0].is_empty() {
                    // A lone whitespace field is written bare and read as a blank line.
                    line += text_lines;
                    continue;
                }
                let got = lines.read(&mut fields).unwrap();
                proptest::prop_assert_eq!(got, Some(line));
                let read: Vec<Vec<u8>> = fields.iter().map(<[u8]>::to_vec).collect();
                let wrote: Vec<Vec<u8>> = row.iter().map(|f| f.as_bytes().to_vec()).collect();
                proptest::prop_assert_eq!(read, wrote);
                line += text_lines;
            }
            proptest::prop_assert_eq!(lines.read(&mut fields).unwrap(), None);
        }
    }
}
