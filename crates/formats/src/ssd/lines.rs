//! A CSV record reader that knows the exact line each record starts on.
//!
//! The csv crate's record positions run one line short after a CRLF line end or a blank line
//! (they are taken before the rest of the terminator is consumed), and error messages must name
//! the right line. Records are read a physical line at a time (a quoted field may span lines:
//! the record goes on while its quotes are unbalanced) and split by RFC 4180 rules into a reused
//! [`ByteRecord`].

use std::io::BufRead;

use csv::ByteRecord;

/// Why a record could not be read.
#[derive(Debug)]
pub(crate) enum LineError {
    /// The underlying reader failed.
    Io(std::io::Error),
    /// The file ended inside a quoted field that opened on this line.
    UnterminatedQuote(u64),
}

/// Reads records with their starting line numbers (1-based); blank lines are skipped.
pub(crate) struct CsvLines<R> {
    input: R,
    lines_read: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> CsvLines<R> {
    pub(crate) fn new(input: R) -> CsvLines<R> {
        CsvLines {
            input,
            lines_read: 0,
            buf: Vec::with_capacity(1024),
        }
    }

    /// Reads the next non-blank record into `record` and returns the line it starts on.
    pub(crate) fn read(&mut self, record: &mut ByteRecord) -> Result<Option<u64>, LineError> {
        loop {
            self.buf.clear();
            let start = self.lines_read + 1;
            if self.next_line()? == 0 {
                return Ok(None);
            }
            while self.buf.iter().filter(|b| **b == b'"').count() % 2 == 1 {
                if self.next_line()? == 0 {
                    return Err(LineError::UnterminatedQuote(start));
                }
            }
            while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
                self.buf.pop();
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            split(&self.buf, record);
            return Ok(Some(start));
        }
    }

    fn next_line(&mut self) -> Result<usize, LineError> {
        let n = self
            .input
            .read_until(b'\n', &mut self.buf)
            .map_err(LineError::Io)?;
        if n > 0 {
            self.lines_read += 1;
        }
        Ok(n)
    }
}

/// Splits one record's text into fields: commas separate, a field may be quoted, `""` inside
/// quotes is a quote. Text after a closing quote is kept, as spreadsheet exports sometimes have.
pub(crate) fn split(text: &[u8], record: &mut ByteRecord) {
    record.clear();
    // Most rows have no quotes: their fields are the slices between commas.
    if !text.contains(&b'"') {
        for field in text.split(|b| *b == b',') {
            record.push_field(field);
        }
        return;
    }
    let mut field: Vec<u8> = Vec::new();
    let mut i = 0;
    let mut at_field_start = true;
    let mut quoted = false;
    while let Some(&b) = text.get(i) {
        if quoted {
            if b == b'"' {
                if text.get(i + 1) == Some(&b'"') {
                    field.push(b'"');
                    i += 1;
                } else {
                    quoted = false;
                }
            } else {
                field.push(b);
            }
        } else if b == b',' {
            record.push_field(&field);
            field.clear();
            at_field_start = true;
            i += 1;
            continue;
        } else if b == b'"' && at_field_start {
            quoted = true;
        } else {
            field.push(b);
        }
        at_field_start = false;
        i += 1;
    }
    record.push_field(&field);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut lines = CsvLines::new(text.as_bytes());
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(line) = lines.read(&mut record).unwrap() {
            out.push((
                line,
                record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect(),
            ));
        }
        out
    }

    #[test]
    fn lines_are_exact_with_crlf_blank_lines_and_multiline_fields() {
        let rows = read_all("a,b\r\n1,2\r\n\r\n\"x\r\ny\",3\r\n4,\"q\"\"uote\"\r\n,\n");
        assert_eq!(
            rows,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["1".into(), "2".into()]),
                (4, vec!["x\r\ny".into(), "3".into()]),
                (6, vec!["4".into(), "q\"uote".into()]),
                (7, vec![String::new(), String::new()]),
            ]
        );
    }

    #[test]
    fn an_unterminated_quote_names_its_line() {
        let mut lines = CsvLines::new("a\n\"open\nstill open".as_bytes());
        let mut record = ByteRecord::new();
        assert_eq!(lines.read(&mut record).unwrap(), Some(1));
        assert!(matches!(
            lines.read(&mut record),
            Err(LineError::UnterminatedQuote(2))
        ));
    }
}
