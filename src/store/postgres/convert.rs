//! Every conversion between PostgreSQL values and domain values, in one place: timestamps
//! (`timestamptz`, and ALwrity's naive `timestamp` read as UTC), JSON (`jsonb` and ALwrity's
//! `json`), string lists stored as JSON arrays, and integers via `try_from`.
//!
//! Writing is canonical (UTC, truncated to microseconds exactly as the SQLite backend
//! truncates); reading is tolerant, because a database ALwrity made uses other column types.

use postgres::types::{Json, Type};
use postgres::Row;
use serde_json::Value;
use time::{PrimitiveDateTime, UtcOffset};

use super::error::classify;
use crate::domain::{StepNumber, Timestamp};
use crate::store::{StoreError, StoreResult};

/// A timestamp as bound: UTC, cut (floored) to whole microseconds, PostgreSQL's precision.
pub(crate) fn ts(t: Timestamp) -> Timestamp {
    let utc = t.to_offset(UtcOffset::UTC);
    let micros = utc.nanosecond() / 1_000;
    utc.replace_nanosecond(micros * 1_000).unwrap_or(utc)
}

/// [`ts`] of an optional timestamp.
pub(crate) fn ts_opt(t: Option<Timestamp>) -> Option<Timestamp> {
    t.map(ts)
}

/// A JSON value as bound to a `jsonb` parameter.
pub(crate) fn json(v: Option<&Value>) -> Option<Json<&Value>> {
    v.map(Json)
}

/// A string list as bound to a `jsonb` parameter (a JSON array of strings).
pub(crate) fn list(items: &[String]) -> Json<&[String]> {
    Json(items)
}

/// A step number as bound to an `integer` parameter.
pub(crate) fn step(n: StepNumber) -> i32 {
    i32::from(n.get())
}

/// A `u32` count (limit, offset) as bound to a `bigint` parameter.
pub(crate) fn count(n: u32) -> i64 {
    i64::from(n)
}

/// The column's name, for messages (never a value: it could be a secret).
fn column(row: &Row, idx: usize) -> String {
    row.columns()
        .get(idx)
        .map_or_else(|| idx.to_string(), |c| c.name().to_owned())
}

/// A typed column value, mapped through the one error function.
pub(crate) fn get<'a, T: postgres::types::FromSql<'a>>(row: &'a Row, idx: usize) -> StoreResult<T> {
    row.try_get(idx).map_err(|e| classify(&e))
}

/// An optional timestamp column: `timestamptz`, or a naive `timestamp` taken as UTC.
pub(crate) fn ts_at(row: &Row, idx: usize) -> StoreResult<Option<Timestamp>> {
    let naive = row
        .columns()
        .get(idx)
        .is_some_and(|c| *c.type_() == Type::TIMESTAMP);
    if naive {
        let t: Option<PrimitiveDateTime> = get(row, idx)?;
        Ok(t.map(PrimitiveDateTime::assume_utc))
    } else {
        get(row, idx)
    }
}

/// An optional JSON column (`jsonb` or `json`); SQL NULL is `None`, JSON `null` is
/// `Some(Value::Null)`, as on SQLite.
pub(crate) fn json_at(row: &Row, idx: usize) -> StoreResult<Option<Value>> {
    get(row, idx)
}

/// A JSON array of strings (`content_types`, `selected_platforms`, `validation_errors`).
/// NULL is empty; a lone string is a one-item list; non-string items are kept as JSON text
/// (the SQLite backend's rule).
pub(crate) fn list_at(row: &Row, idx: usize) -> StoreResult<Vec<String>> {
    Ok(match json_at(row, idx)? {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.into_iter().map(value_string).collect(),
        Some(other) => vec![value_string(other)],
    })
}

fn value_string(v: Value) -> String {
    match v {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// A boolean column; NULL is `default` (ALwrity's ORM defaults).
pub(crate) fn bool_at(row: &Row, idx: usize, default: bool) -> StoreResult<bool> {
    Ok(get::<Option<bool>>(row, idx)?.unwrap_or(default))
}

/// An integer column holding a step number; NULL or out of range is `None`.
pub(crate) fn step_at(row: &Row, idx: usize) -> StoreResult<Option<StepNumber>> {
    let n: Option<i32> = get(row, idx)?;
    Ok(n.and_then(|n| StepNumber::new(i64::from(n))))
}

/// A `bigint` count column as `u64`.
pub(crate) fn count_at(row: &Row, idx: usize) -> StoreResult<u64> {
    let n: i64 = get(row, idx)?;
    u64::try_from(n).map_err(|_| {
        StoreError::Backend(format!(
            "column `{}` holds a negative count",
            column(row, idx)
        ))
    })
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn binds_utc_microseconds_floored() {
        let t = datetime!(2025-10-29 14:05:09.123456789 +02:00);
        assert_eq!(ts(t), datetime!(2025-10-29 12:05:09.123456 UTC));
        let before_2000 = datetime!(1999-12-31 23:59:59.9999999 UTC);
        assert_eq!(ts(before_2000), datetime!(1999-12-31 23:59:59.999999 UTC));
        assert_eq!(ts(before_2000).offset(), UtcOffset::UTC);
    }

    #[test]
    fn integers_convert_without_casts() {
        assert_eq!(step(StepNumber::LAST), 6);
        assert_eq!(count(u32::MAX), 4_294_967_295);
    }
}
