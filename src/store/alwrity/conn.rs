//! The few primitives the ALwrity store needs from a backend ([`Conn`]), and the values that
//! cross it ([`Val`]). ALwrity's tables are the same on both backends up to their types, and
//! onboardctl only ever runs plain `SELECT`/`INSERT`/`UPDATE`/`DELETE` on them, so the SQL is
//! written once with `?N` placeholders; a backend renders them and converts values.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;

use crate::domain::{Timestamp, UserId};
use crate::store::{Backend, StoreResult};

/// One SQL value, in or out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Real(f64),
    /// Text (on SQLite also times and JSON, as ALwrity stores them).
    Text(String),
    /// JSON (PostgreSQL `json`/`jsonb`; written as text on SQLite).
    Json(Value),
    /// A time: naive UTC text `YYYY-MM-DD HH:MM:SS.ffffff` on SQLite, the column's own type
    /// on PostgreSQL (its UTC wall time for `timestamp`, the instant for `timestamptz`).
    Time(Timestamp),
    /// A boolean (0/1 on SQLite).
    Bool(bool),
}

impl Val {
    /// `Some(text)` of a text value (other kinds as their text).
    pub fn text(&self) -> Option<String> {
        match self {
            Val::Null => None,
            Val::Text(s) => Some(s.clone()),
            Val::Int(i) => Some(i.to_string()),
            Val::Real(f) => Some(f.to_string()),
            Val::Bool(b) => Some(b.to_string()),
            Val::Json(v) => Some(match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
            Val::Time(t) => Some(crate::store::sqlite::ts_text(*t)),
        }
    }

    /// An integer (a real is truncated; numeric text parsed).
    pub fn int(&self) -> Option<i64> {
        match self {
            Val::Int(i) => Some(*i),
            Val::Real(f) if f.is_finite() => Some(*f as i64),
            Val::Bool(b) => Some(i64::from(*b)),
            Val::Text(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A real.
    pub fn real(&self) -> Option<f64> {
        match self {
            Val::Real(f) => Some(*f),
            Val::Int(i) => Some(*i as f64),
            Val::Text(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A boolean: 0/1, `true`/`false`; `None` for NULL or anything else.
    pub fn boolean(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::Int(i) => Some(*i != 0),
            Val::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "t" => Some(true),
                "0" | "false" | "f" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// A time in any shape ALwrity stored one (naive values are UTC).
    pub fn time(&self) -> Option<Timestamp> {
        match self {
            Val::Time(t) => Some(*t),
            Val::Text(s) => crate::store::sqlite::parse_ts(s),
            Val::Int(secs) => Timestamp::from_unix_timestamp(*secs).ok(),
            _ => None,
        }
    }

    /// A JSON document; text that is not JSON is kept as a JSON string, so a hand-edited row
    /// never makes a record unreadable.
    pub fn json(&self) -> Option<Value> {
        match self {
            Val::Null => None,
            Val::Json(v) => Some(v.clone()),
            Val::Text(s) => {
                Some(serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.clone())))
            }
            Val::Int(i) => Some(Value::from(*i)),
            Val::Real(f) => Some(Value::from(*f)),
            Val::Bool(b) => Some(Value::Bool(*b)),
            Val::Time(_) => self.text().map(Value::String),
        }
    }

    /// A JSON array of strings; NULL is empty, a lone string a one-item list.
    pub fn strings(&self) -> Vec<String> {
        match self.json() {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => s,
                    other => other.to_string(),
                })
                .collect(),
            Some(Value::String(s)) => vec![s],
            Some(other) => vec![other.to_string()],
        }
    }
}

/// Tables of the current schema and their columns.
pub(crate) type Catalog = BTreeMap<String, BTreeSet<String>>;

/// Statements written once for both backends, with `?N` placeholders and [`Val`] values:
/// what the ALwrity store runs on ALwrity's tables, and what every store runs on the tables
/// whose shape is ALwrity's own on all of them (`super::super::lists`).
pub(crate) trait Sql {
    /// Runs a statement and returns its rows.
    fn query(&mut self, sql: &str, params: &[Val]) -> StoreResult<Vec<Vec<Val>>>;
    /// Runs a statement and returns how many rows it changed.
    fn execute(&mut self, sql: &str, params: &[Val]) -> StoreResult<u64>;
}

/// What a backend provides to the ALwrity store.
pub(crate) trait Conn: Sql {
    /// Which backend.
    fn backend(&self) -> Backend;
    /// The redacted location.
    fn location(&self) -> String;
    /// The database file, on SQLite.
    fn file(&self) -> Option<PathBuf>;
    /// Runs statements without parameters (DDL).
    fn batch(&mut self, sql: &str) -> StoreResult<()>;
    /// Opens a write transaction; on PostgreSQL with `user`'s locks (see `Store::begin_write`).
    fn begin_write(&mut self, user: Option<&UserId>) -> StoreResult<()>;
    /// Opens a transaction holding the migration lock (`db migrate`, `db repair`), so two
    /// runs never interleave: SQLite's write lock; PostgreSQL's transaction-scoped advisory
    /// lock of the schema, the one `db migrate` takes on onboardctl's own databases.
    fn begin_migration(&mut self) -> StoreResult<()>;
    /// Commits it.
    fn commit(&mut self) -> StoreResult<()>;
    /// Rolls it back.
    fn rollback(&mut self) -> StoreResult<()>;
    /// The tables named in `tables` that exist, with their columns.
    fn catalog(&mut self, tables: &[&str]) -> StoreResult<Catalog>;
    /// Every table of the database (the current schema) that has a column `column`.
    fn tables_with_column(&mut self, column: &str) -> StoreResult<Vec<String>>;
    /// `column` in an `ORDER BY` that sorts bytewise, as SQLite's default does.
    fn bytewise(&self, column: &str) -> String;
    /// The column types this backend creates.
    fn types(&self) -> Types;
}

/// Column types per backend: onboardctl's own tables use the best type the backend has
/// (`jsonb`, `timestamptz` on PostgreSQL); columns added to ALwrity's tables use ALwrity's
/// own (`json`, naive `timestamp`), so ALwrity reads them as it reads its others.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Types {
    /// JSON in onboardctl's tables.
    pub own_json: &'static str,
    /// Times in onboardctl's tables.
    pub own_time: &'static str,
    /// JSON added to ALwrity's tables.
    pub alwrity_json: &'static str,
    /// Times added to ALwrity's tables.
    pub alwrity_time: &'static str,
    /// A self-numbering integer primary key.
    pub serial: &'static str,
}
