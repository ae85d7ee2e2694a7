//! Every conversion between SQLite values and domain values, in one place: timestamps (UTC
//! text in SQLAlchemy's DATETIME format), JSON columns (text), booleans (0/1) and string lists.
//!
//! Writing is strict and canonical; reading is tolerant, because ALwrity wrote the same columns
//! in several shapes (docs/ALWRITY.md "Time formats": naive local and UTC times, with and
//! without fraction).

use rusqlite::types::ValueRef;
use rusqlite::Row;
use serde_json::Value;
use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

use super::error::map_err;
use crate::domain::Timestamp;
use crate::store::{StoreError, StoreResult};

/// Formats a timestamp as stored: UTC, `YYYY-MM-DD HH:MM:SS.ffffff` (truncated to µs).
pub(crate) fn ts_text(t: Timestamp) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond()
    )
}

/// [`ts_text`] of an optional timestamp.
pub(crate) fn ts_opt_text(t: Option<Timestamp>) -> Option<String> {
    t.map(ts_text)
}

/// Parses every shape ALwrity wrote: `YYYY-MM-DD[ |T]HH:MM[:SS[.f…]]`, optionally followed
/// by `Z` or an offset (`+HH:MM`, `+HHMM`, `+HH`), or a bare date. Naive values are UTC.
pub(crate) fn parse_ts(text: &str) -> Option<Timestamp> {
    let s = text.trim();
    let date = parse_date(s.get(..10)?)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc());
    }
    let rest = rest.strip_prefix([' ', 'T', 't'])?;
    let (clock, offset) = split_offset(rest)?;
    Some(PrimitiveDateTime::new(date, parse_time(clock)?).assume_offset(offset))
}

fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Date::from_calendar_date(year, month, day).ok()
}

/// Splits `HH:MM:SS.f+01:00` into the clock part and its offset (UTC when absent).
fn split_offset(s: &str) -> Option<(&str, UtcOffset)> {
    if let Some(clock) = s.strip_suffix(['Z', 'z']) {
        return Some((clock, UtcOffset::UTC));
    }
    let Some(at) = s.rfind(['+', '-']) else {
        return Some((s, UtcOffset::UTC));
    };
    let (clock, off) = (&s[..at], &s[at..]);
    let sign: i8 = if off.starts_with('-') { -1 } else { 1 };
    let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i8 = digits[..2].parse().ok()?;
    let minutes: i8 = digits.get(2..).map_or(Some(0), |m| m.parse().ok())?;
    let offset = UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?;
    Some((clock, offset))
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f…` (1–9 fraction digits; more are cut).
fn parse_time(s: &str) -> Option<Time> {
    let (hms, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut parts = hms.split(':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    let second: u8 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    if parts.next().is_some() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nanos = 0u32;
    for (i, b) in frac.bytes().take(9).enumerate() {
        nanos += u32::from(b - b'0') * 10u32.pow(8 - u32::try_from(i).ok()?);
    }
    Time::from_hms_nano(hour, minute, second, nanos).ok()
}

/// The column's name, for error messages (never a value: it could be a secret).
fn column(row: &Row<'_>, idx: usize) -> String {
    row.as_ref()
        .column_name(idx)
        .map_or_else(|_| idx.to_string(), str::to_owned)
}

/// An optional timestamp column. Text in any shape [`parse_ts`] accepts, or Unix seconds.
pub(crate) fn ts_opt(row: &Row<'_>, idx: usize) -> StoreResult<Option<Timestamp>> {
    let bad = || {
        StoreError::Backend(format!(
            "column `{}` holds no valid timestamp",
            column(row, idx)
        ))
    };
    match row.get_ref(idx).map_err(map_err)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(b) => {
            let text = std::str::from_utf8(b).map_err(|_| bad())?;
            parse_ts(text).map(Some).ok_or_else(bad)
        }
        ValueRef::Integer(secs) => Timestamp::from_unix_timestamp(secs)
            .map(Some)
            .map_err(|_| bad()),
        ValueRef::Real(_) | ValueRef::Blob(_) => Err(bad()),
    }
}

/// A JSON column: NULL is `None`; text that is not valid JSON is kept as a JSON string rather
/// than failing, so a foreign database never makes a record unreadable.
pub(crate) fn json_opt(row: &Row<'_>, idx: usize) -> StoreResult<Option<Value>> {
    Ok(match row.get_ref(idx).map_err(map_err)? {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(Value::from(i)),
        ValueRef::Real(f) => Some(Value::from(f)),
        ValueRef::Text(b) | ValueRef::Blob(b) => {
            let text = String::from_utf8_lossy(b);
            Some(serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.into_owned())))
        }
    })
}

/// A JSON array of strings (`content_types`, `selected_platforms`, `validation_errors`).
/// NULL is empty; a lone string is a one-item list; non-string items are kept as JSON text.
pub(crate) fn string_list(row: &Row<'_>, idx: usize) -> StoreResult<Vec<String>> {
    Ok(match json_opt(row, idx)? {
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

/// A BOOLEAN column: 0/1, also `true`/`false` text; NULL is `default`.
pub(crate) fn bool_or(row: &Row<'_>, idx: usize, default: bool) -> StoreResult<bool> {
    Ok(match row.get_ref(idx).map_err(map_err)? {
        ValueRef::Null => default,
        ValueRef::Integer(i) => i != 0,
        ValueRef::Real(f) => f != 0.0,
        ValueRef::Text(b) | ValueRef::Blob(b) => {
            matches!(
                b.to_ascii_lowercase().as_slice(),
                b"1" | b"true" | b"t" | b"yes"
            )
        }
    })
}

/// JSON text of an optional value, for binding.
pub(crate) fn json_text(v: Option<&Value>) -> Option<String> {
    v.map(Value::to_string)
}

/// JSON text of a string list, for binding.
pub(crate) fn list_text(items: &[String]) -> String {
    Value::from(items.to_vec()).to_string()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn writes_sqlalchemy_format_in_utc() {
        let t = datetime!(2025-10-29 14:05:09.123456789 +02:00);
        assert_eq!(ts_text(t), "2025-10-29 12:05:09.123456");
        assert_eq!(
            ts_text(datetime!(2025-01-02 03:04:05 UTC)),
            "2025-01-02 03:04:05.000000"
        );
    }

    #[test]
    fn reads_every_alwrity_shape() {
        let exact = datetime!(2025-10-29 12:05:09.123456 UTC);
        for text in [
            "2025-10-29 12:05:09.123456",
            "2025-10-29T12:05:09.123456",
            "2025-10-29T12:05:09.123456Z",
            "2025-10-29T14:05:09.123456+02:00",
            "2025-10-29 10:05:09.123456-0200",
            " 2025-10-29 12:05:09.123456 ",
        ] {
            assert_eq!(parse_ts(text), Some(exact), "{text}");
        }
        let whole = datetime!(2025-10-29 12:05:09 UTC);
        assert_eq!(parse_ts("2025-10-29 12:05:09"), Some(whole));
        assert_eq!(
            parse_ts("2025-10-29 12:05:09.1"),
            Some(datetime!(2025-10-29 12:05:09.1 UTC))
        );
        assert_eq!(
            parse_ts("2025-10-29"),
            Some(datetime!(2025-10-29 00:00 UTC))
        );
    }

    #[test]
    fn rejects_garbage() {
        for text in [
            "",
            "yesterday",
            "2025-13-01 00:00:00",
            "2025-10-29 25:00:00",
            "2025-10-29x12:00",
        ] {
            assert_eq!(parse_ts(text), None, "{text}");
        }
    }

    #[test]
    fn round_trips_at_microseconds() {
        let t = datetime!(1999-12-31 23:59:59.999999 UTC);
        assert_eq!(parse_ts(&ts_text(t)), Some(t));
    }
}
