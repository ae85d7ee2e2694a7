//! Every conversion between PostgreSQL values and domain values, in one place: timestamps
//! (`timestamptz`, and ALwrity's naive `timestamp` read as UTC), JSON (`jsonb` and ALwrity's
//! `json`), string lists stored as JSON arrays, and integers via `try_from`.
//!
//! Writing is canonical (UTC, truncated to microseconds exactly as the SQLite backend
//! truncates); reading is tolerant, because a database ALwrity made uses other column types.
//!
//! No timestamp depends on the session's `TimeZone` (which a pooled connection may have set
//! to anything): a scalar is bound as [`Utc`] with the parameter type left to the server
//! ([`TS`]), so it takes the type of the column it meets, and both binary forms carry the
//! same number, microseconds since 2000-01-01 — of the instant for `timestamptz`, of the
//! wall time for `timestamp` — so a naive column receives the UTC wall time with no cast.
//! Reads are binary too: `timestamptz` is an instant, `timestamp` is taken as UTC.

use std::error::Error as StdError;

use postgres::types::private::BytesMut;
use postgres::types::{to_sql_checked, IsNull, Json, ToSql, Type};
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

/// The parameter type to declare for a [`Utc`]: none (`unknown`), so the server infers
/// `timestamp` or `timestamptz` from the column or value the parameter meets. Each such
/// parameter must meet a typed value wherever it appears (not only `$n IS NULL`), and a
/// parameter used twice must meet one type.
pub(crate) const TS: Type = Type::UNKNOWN;

/// A timestamp parameter (declared [`TS`]) that means the same instant in a `timestamp`
/// and a `timestamptz` column, whatever the session's `TimeZone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Utc(Option<Timestamp>);

/// `t` as a [`Utc`] parameter, cut to microseconds as [`ts`].
pub(crate) fn utc(t: Timestamp) -> Utc {
    Utc(Some(ts(t)))
}

/// [`utc`] of an optional timestamp (`None` binds SQL NULL).
pub(crate) fn utc_opt(t: Option<Timestamp>) -> Utc {
    Utc(ts_opt(t))
}

/// `t` as RFC 3339 text in UTC with microseconds (`2025-10-29T12:05:09.123456Z`), for
/// timestamps that travel inside JSON: PostgreSQL reads it exactly into `timestamptz` and
/// ignores the zone for `timestamp`, so both get the UTC instant or wall time.
pub(crate) fn utc_text(t: Timestamp) -> String {
    const FORMAT: &[time::format_description::FormatItem<'_>] = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
    );
    // Formatting a UTC date-time with a four-digit year cannot fail; the fallback is
    // unreachable in practice and still a valid instant.
    ts(t)
        .format(FORMAT)
        .unwrap_or_else(|_| "1970-01-01T00:00:00.000000Z".to_owned())
}

impl ToSql for Utc {
    fn to_sql(
        &self,
        _: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        let Some(t) = self.0 else {
            return Ok(IsNull::Yes);
        };
        // The UTC wall time, encoded as a naive timestamp: the same eight bytes as the
        // instant encoded as a timestamptz.
        PrimitiveDateTime::new(t.date(), t.time()).to_sql(&Type::TIMESTAMP, out)
    }

    fn accepts(ty: &Type) -> bool {
        matches!(*ty, Type::UNKNOWN | Type::TIMESTAMP | Type::TIMESTAMPTZ)
    }

    to_sql_checked!();
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
    fn utc_parameters_encode_the_instant_like_timestamptz() {
        let t = datetime!(2025-10-29 14:05:09.123456789 +02:00);
        let (mut ours, mut theirs) = (BytesMut::new(), BytesMut::new());
        utc(t).to_sql_checked(&TS, &mut ours).unwrap();
        ts(t).to_sql(&Type::TIMESTAMPTZ, &mut theirs).unwrap();
        assert_eq!(ours, theirs, "one encoding for both column types");
        let null = utc_opt(None).to_sql_checked(&TS, &mut BytesMut::new());
        assert!(matches!(null, Ok(IsNull::Yes)));
        assert!(!<Utc as ToSql>::accepts(&Type::TEXT));
    }

    #[test]
    fn json_times_are_utc_with_microseconds() {
        let t = datetime!(2025-10-29 14:05:09.123456789 +02:00);
        assert_eq!(utc_text(t), "2025-10-29T12:05:09.123456Z");
    }

    #[test]
    fn integers_convert_without_casts() {
        assert_eq!(step(StepNumber::LAST), 6);
        assert_eq!(count(u32::MAX), 4_294_967_295);
    }
}
