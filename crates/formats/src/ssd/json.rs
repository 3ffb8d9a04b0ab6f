//! The two JSON shapes SSD cells hold: a flat object of outcome flags and an array of codes.
//!
//! The SSD stores outcome flags as JSON text inside a CSV cell. Only flat objects of scalars and
//! arrays of strings occur, so a small tolerant scanner is enough and avoids a JSON dependency.

use std::borrow::Cow;

/// A key and its value, borrowed from the cell when they hold no escapes.
pub(crate) type Pair<'a> = (Cow<'a, str>, Cow<'a, str>);

/// Parses a flat JSON object of scalar values into `(key, value)` pairs, values as text
/// (`"Y"` gives `Y`, `true` gives `true`, `null` gives an empty string). Text without escapes is
/// borrowed, so the usual cell costs no allocation beyond the list.
pub(crate) fn parse_flat_object(text: &str) -> Result<Vec<Pair<'_>>, String> {
    let mut s = Scanner::new(text);
    let mut out = Vec::new();
    s.expect(b'{')?;
    if s.eat(b'}') {
        return s.end().map(|()| out);
    }
    loop {
        let key = s.string()?;
        s.expect(b':')?;
        let value = s.scalar()?;
        out.push((key, value));
        if s.eat(b',') {
            continue;
        }
        s.expect(b'}')?;
        return s.end().map(|()| out);
    }
}

/// Parses a JSON array of strings (numbers are accepted and kept as written).
pub(crate) fn parse_string_array(text: &str) -> Result<Vec<Cow<'_, str>>, String> {
    let mut s = Scanner::new(text);
    let mut out = Vec::new();
    s.expect(b'[')?;
    if s.eat(b']') {
        return s.end().map(|()| out);
    }
    loop {
        out.push(s.scalar()?);
        if s.eat(b',') {
            continue;
        }
        s.expect(b']')?;
        return s.end().map(|()| out);
    }
}

/// Writes a JSON array of codes (codes never need escaping, but quotes are escaped anyway).
pub(crate) fn string_array<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        for c in item.chars() {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out.push(']');
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            text,
            pos: 0,
        }
    }

    fn skip_space(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_whitespace)
        {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(format!("not valid JSON: expected '{}'", byte as char))
        }
    }

    fn end(&mut self) -> Result<(), String> {
        self.skip_space();
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err("not valid JSON: text after the end".into())
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, String> {
        self.expect(b'"')?;
        let first = self.pos;
        // Without escapes the string is a slice of the input.
        while let Some(b) = self.bytes.get(self.pos) {
            match b {
                b'"' => {
                    let s = self.text.get(first..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                b'\\' => break,
                _ => self.pos += 1,
            }
        }
        let mut out = String::new();
        let mut start = first;
        loop {
            match self.bytes.get(self.pos) {
                None => return Err("not valid JSON: unterminated string".into()),
                Some(b'"') => {
                    out.push_str(self.text.get(start..self.pos).unwrap_or(""));
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(start..self.pos).unwrap_or(""));
                    let escaped = self.bytes.get(self.pos + 1).copied();
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(b'r') => out.push('\r'),
                        _ => return Err("not valid JSON: unsupported escape".into()),
                    }
                    self.pos += 2;
                    start = self.pos;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn scalar(&mut self) -> Result<Cow<'a, str>, String> {
        self.skip_space();
        if self.bytes.get(self.pos) == Some(&b'"') {
            return self.string();
        }
        let start = self.pos;
        while self
            .bytes
            .get(self.pos)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
        {
            self.pos += 1;
        }
        match self.text.get(start..self.pos) {
            Some("null") => Ok(Cow::Borrowed("")),
            Some(word) if !word.is_empty() => Ok(Cow::Borrowed(word)),
            _ => Err("not valid JSON: expected a value".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_objects_parse() {
        let pairs =
            parse_flat_object(r#" { "NFA_FLAG" : "Y", "CP": true, "X": null, "N": 3 } "#).unwrap();
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
            .collect();
        assert_eq!(
            pairs,
            vec![("NFA_FLAG", "Y"), ("CP", "true"), ("X", ""), ("N", "3")]
        );
        let escaped = parse_flat_object(r#"{"A\"B":"C\\D"}"#).unwrap();
        assert_eq!(
            (escaped[0].0.as_ref(), escaped[0].1.as_ref()),
            ("A\"B", "C\\D")
        );
        assert_eq!(parse_flat_object("{}").unwrap(), vec![]);
        assert!(parse_flat_object(r#"{"A":"Y""#).is_err());
        assert!(parse_flat_object(r#"{"A":{"B":1}}"#).is_err());
        assert!(parse_flat_object("Y").is_err());
    }

    #[test]
    fn string_arrays_round_trip() {
        let text = string_array(["2B", "4C", r#"odd"one"#].into_iter());
        assert_eq!(text, r#"["2B","4C","odd\"one"]"#);
        assert_eq!(
            parse_string_array(&text).unwrap(),
            vec!["2B", "4C", r#"odd"one"#]
        );
        assert_eq!(parse_string_array("[ ]").unwrap(), Vec::<String>::new());
        assert!(parse_string_array(r#"["2B","#).is_err());
    }
}
