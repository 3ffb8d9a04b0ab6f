//! The SQLite side of the column mapping: record columns bound to consecutive statement
//! parameters, and read from result rows.

use rusqlite::Statement;
use rusqlite::types::ValueRef;

use crate::error::BackendError;
use crate::mapping::columns::{ColumnError, ColumnSink, ColumnSource, Value};

/// Binds one record's columns to consecutive parameters of an insert statement (which may insert
/// several records).
pub(crate) struct RowWriter<'s, 'conn> {
    stmt: &'s mut Statement<'conn>,
    /// 1-based index of the parameter of the record's first column.
    first_param: usize,
    next: usize,
}

impl<'s, 'conn> RowWriter<'s, 'conn> {
    pub(crate) fn new(stmt: &'s mut Statement<'conn>, first_param: usize) -> Self {
        RowWriter {
            stmt,
            first_param,
            next: 0,
        }
    }

    fn bind<T: rusqlite::ToSql>(&mut self, value: T) -> Result<(), ColumnError> {
        self.stmt
            .raw_bind_parameter(self.first_param + self.next, value)
            .map_err(|err| ColumnError::Engine(BackendError::new(err)))?;
        self.next += 1;
        Ok(())
    }
}

impl ColumnSink for RowWriter<'_, '_> {
    fn text(&mut self, value: &str) -> Result<(), ColumnError> {
        self.bind(value)
    }

    fn int(&mut self, value: i64) -> Result<(), ColumnError> {
        self.bind(value)
    }

    fn real(&mut self, value: f64) -> Result<(), ColumnError> {
        self.bind(value)
    }

    fn null(&mut self) -> Result<(), ColumnError> {
        self.bind(rusqlite::types::Null)
    }

    fn column(&self) -> usize {
        self.next
    }
}

/// Reads one record's columns from a result row whose first column is `seq`.
pub(crate) struct RowReader<'r, 's> {
    row: &'r rusqlite::Row<'s>,
    next: usize,
}

impl<'r, 's> RowReader<'r, 's> {
    pub(crate) fn new(row: &'r rusqlite::Row<'s>) -> Self {
        RowReader { row, next: 0 }
    }
}

impl ColumnSource for RowReader<'_, '_> {
    fn value(&self, offset: usize) -> Result<Value<'_>, ColumnError> {
        let value = self
            .row
            .get_ref(self.next + offset + 1)
            .map_err(|err| ColumnError::Engine(BackendError::new(err)))?;
        Ok(match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::Integer(n),
            ValueRef::Real(x) => Value::Real(x),
            ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => Value::Text(text),
                Err(_) => Value::NotUtf8,
            },
            ValueRef::Blob(_) => Value::Other("Blob"),
        })
    }

    fn advance(&mut self) {
        self.next += 1;
    }

    fn column(&self) -> usize {
        self.next
    }
}
