//! The PostgreSQL side of the column mapping: `COPY ... FROM STDIN` and `COPY ... TO STDOUT` in
//! the text format (tab-separated fields, `\N` for NULL, backslash escapes).
//!
//! Text rather than binary: every stored value is already text or a plain number in the shared
//! encoding, so writing is one escape pass, and the server parses numbers exactly (floats are
//! written in Rust's shortest round-trip form and read back from PostgreSQL's, which is also
//! shortest-exact since version 12).

use std::borrow::Cow;
use std::io::Write;

use crate::mapping::columns::{ColumnError, ColumnSink, ColumnSource, Value};

/// Appends one `COPY` text line (a record's columns) to a buffer.
pub(crate) struct CopyLineWriter<'b> {
    buffer: &'b mut Vec<u8>,
    next: usize,
}

impl<'b> CopyLineWriter<'b> {
    /// Starts a line with the given leading integer fields (snapshot id, seq).
    pub(crate) fn start(buffer: &'b mut Vec<u8>, leading: &[i64]) -> Self {
        for (i, value) in leading.iter().enumerate() {
            if i > 0 {
                buffer.push(b'\t');
            }
            // Writing into a Vec cannot fail.
            let _ = write!(buffer, "{value}");
        }
        CopyLineWriter { buffer, next: 0 }
    }

    /// Ends the line.
    pub(crate) fn finish(self) {
        self.buffer.push(b'\n');
    }

    fn separate(&mut self) {
        self.buffer.push(b'\t');
        self.next += 1;
    }
}

/// Appends `text` escaped for the `COPY` text format.
pub(crate) fn escape_into(buffer: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if !bytes
        .iter()
        .any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
    {
        buffer.extend_from_slice(bytes);
        return;
    }
    for &byte in bytes {
        match byte {
            b'\\' => buffer.extend_from_slice(b"\\\\"),
            b'\t' => buffer.extend_from_slice(b"\\t"),
            b'\n' => buffer.extend_from_slice(b"\\n"),
            b'\r' => buffer.extend_from_slice(b"\\r"),
            other => buffer.push(other),
        }
    }
}

impl ColumnSink for CopyLineWriter<'_> {
    fn text(&mut self, value: &str) -> Result<(), ColumnError> {
        self.separate();
        escape_into(self.buffer, value);
        Ok(())
    }

    fn int(&mut self, value: i64) -> Result<(), ColumnError> {
        self.separate();
        let _ = write!(self.buffer, "{value}");
        Ok(())
    }

    fn real(&mut self, value: f64) -> Result<(), ColumnError> {
        self.separate();
        // `{}` is the shortest text that parses back to the same f64; infinities are "inf".
        let _ = write!(self.buffer, "{value}");
        Ok(())
    }

    fn null(&mut self) -> Result<(), ColumnError> {
        self.separate();
        self.buffer.extend_from_slice(b"\\N");
        Ok(())
    }

    fn column(&self) -> usize {
        self.next
    }
}

/// One `COPY` text line split into fields, read as a record whose first field is `seq`.
#[derive(Default)]
pub(crate) struct CopyLine<'l> {
    fields: Vec<Option<Cow<'l, str>>>,
    next: usize,
}

impl<'l> CopyLine<'l> {
    /// Splits `line` (without its newline); fails when it is not UTF-8 or has a bad escape.
    pub(crate) fn parse(line: &'l [u8]) -> Result<Self, String> {
        let text = std::str::from_utf8(line).map_err(|_| "a line is not UTF-8".to_owned())?;
        let fields = text
            .split('\t')
            .map(|field| {
                if field == "\\N" {
                    Ok(None)
                } else if field.contains('\\') {
                    unescape(field).map(|f| Some(Cow::Owned(f)))
                } else {
                    Ok(Some(Cow::Borrowed(field)))
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(CopyLine { fields, next: 0 })
    }

    /// A row whose fields are already separated and unescaped (NULL as `None`).
    pub(crate) fn from_fields(fields: Vec<Option<Cow<'l, str>>>) -> Self {
        CopyLine { fields, next: 0 }
    }

    /// The `seq` field.
    pub(crate) fn seq(&self) -> Result<i64, String> {
        match self.fields.first() {
            Some(Some(text)) => text
                .parse()
                .map_err(|_| format!("'{text}' is not a sequence number")),
            _ => Err("the sequence number is missing".to_owned()),
        }
    }
}

fn unescape(field: &str) -> Result<String, String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('v') => out.push('\u{b}'),
            other => return Err(format!("unknown COPY escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

impl ColumnSource for CopyLine<'_> {
    fn value(&self, offset: usize) -> Result<Value<'_>, ColumnError> {
        match self.fields.get(self.next + offset + 1) {
            Some(Some(text)) => Ok(Value::Untyped(text)),
            Some(None) => Ok(Value::Null),
            None => Err(ColumnError::Corrupt(
                "the row has too few columns".to_owned(),
            )),
        }
    }

    fn advance(&mut self) {
        self.next += 1;
    }

    fn column(&self) -> usize {
        self.next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_escape_and_parse_back() {
        let mut buffer = Vec::new();
        let mut line = CopyLineWriter::start(&mut buffer, &[7, 3]);
        line.text("a\tb\\c\nd\re").unwrap();
        line.null().unwrap();
        line.int(-42).unwrap();
        line.real(0.1 + 0.2).unwrap();
        line.real(f64::INFINITY).unwrap();
        assert_eq!(line.column(), 5);
        line.finish();
        assert_eq!(
            String::from_utf8(buffer.clone()).unwrap(),
            "7\t3\ta\\tb\\\\c\\nd\\re\t\\N\t-42\t0.30000000000000004\tinf\n"
        );

        // Reading skips the first field (the snapshot id here stands in for seq).
        let parsed = CopyLine::parse(buffer.strip_suffix(b"\n").unwrap()).unwrap();
        assert_eq!(parsed.seq(), Ok(7));
        let mut parsed = parsed;
        parsed.advance();
        assert_eq!(parsed.value(0).unwrap(), Value::Untyped("a\tb\\c\nd\re"));
        assert_eq!(parsed.value(1).unwrap(), Value::Null);
        assert_eq!(parsed.value(2).unwrap(), Value::Untyped("-42"));
        assert!(parsed.value(5).is_err());
    }

    #[test]
    fn bad_escapes_are_refused() {
        assert!(CopyLine::parse(b"1\tx\\q").is_err());
        assert!(CopyLine::parse(b"1\t\xff").is_err());
    }
}
