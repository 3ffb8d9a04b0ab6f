//! The one error type of every reader and writer: it always says where.

use std::path::PathBuf;

/// Where in a file a problem was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The whole file (unreadable, empty, unrecognised).
    File,
    /// A 1-based line (CSV: the header is line 1, so the first data row is line 2).
    Line(u64),
    /// An XML element path such as `Message/Children/Child[12]/CINdetails[1]/CINreferralDate`.
    Element(String),
    /// A sheet and 1-based row of a workbook.
    SheetRow(String, u32),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Line(n) => write!(f, ":{n}"),
            Location::Element(path) => write!(f, " at {path}"),
            Location::SheetRow(sheet, row) => write!(f, " sheet '{sheet}' row {row}"),
        }
    }
}

/// An error reading or writing a statutory file.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file could not be opened, read or written.
    #[error("{}: {source}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A value in a field is not valid for that field.
    #[error("{}{location}: field {field}: {message} (value '{value}')", file.display())]
    Field {
        /// The file.
        file: PathBuf,
        /// Where in it.
        location: Location,
        /// The column or element name.
        field: String,
        /// The offending value (may be empty).
        value: String,
        /// What is wrong, in lower case without a trailing full stop.
        message: String,
    },
    /// The file as a whole is malformed (bad CSV, bad XML, missing columns, not a known format).
    #[error("{}{location}: {message}", file.display())]
    Malformed {
        /// The file.
        file: PathBuf,
        /// Where in it.
        location: Location,
        /// What is wrong.
        message: String,
    },
}

impl FormatError {
    /// The file the error is about.
    pub fn file(&self) -> &std::path::Path {
        match self {
            FormatError::Io { file, .. }
            | FormatError::Field { file, .. }
            | FormatError::Malformed { file, .. } => file,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_file_line_field_and_value() {
        let err = FormatError::Field {
            file: "episodes.csv".into(),
            location: Location::Line(7),
            field: "DECOM".into(),
            value: "31/02/2025".into(),
            message: "not a date (dd/mm/yyyy)".into(),
        };
        assert_eq!(
            err.to_string(),
            "episodes.csv:7: field DECOM: not a date (dd/mm/yyyy) (value '31/02/2025')"
        );
    }
}
