//! How record fields are written in the NDJSON interchange format of `export`/`import`
//! (serde `with` modules): timestamps as RFC 3339 in UTC, read back in UTC and cut to whole
//! microseconds (the precision both stores keep, so a value read back equals the value
//! written), and JSON columns that keep SQL NULL apart from a stored JSON `null`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use super::Timestamp;

/// `t` in UTC, floored to whole microseconds.
pub fn micros_utc(t: Timestamp) -> Timestamp {
    let utc = t.to_offset(UtcOffset::UTC);
    utc.replace_nanosecond(utc.nanosecond() / 1_000 * 1_000)
        .unwrap_or(utc)
}

/// A required timestamp: RFC 3339 in UTC (`2025-06-01T12:00:00.123456Z`).
pub mod time_req {
    use super::*;

    /// Writes `t` as RFC 3339 in UTC.
    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        let text = t
            .to_offset(UtcOffset::UTC)
            .format(&Rfc3339)
            .map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }

    /// Reads RFC 3339 with any offset; the result is UTC at microsecond precision.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(d)?;
        OffsetDateTime::parse(&text, &Rfc3339)
            .map(micros_utc)
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not an rfc 3339 time")))
    }
}

/// An optional timestamp: `null` or [`time_req`]'s form.
pub mod time_opt {
    use super::*;

    /// Writes `null` or RFC 3339 in UTC.
    pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => time_req::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    /// Reads `null` or RFC 3339.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "time_req")] Timestamp);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// A JSON column: SQL NULL (`None`) is left out of the record (use with `default` and
/// `skip_serializing_if = "Option::is_none"`); any value that is present, `null` included,
/// is `Some`, so a stored JSON `null` survives a round trip.
pub mod json_opt {
    use super::*;

    /// Writes the value (only called for `Some`).
    pub fn serialize<S: Serializer>(v: &Option<Value>, s: S) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }

    /// A present field is `Some`, even when it is `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
        Value::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use time::macros::datetime;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Probe {
        #[serde(with = "time_req")]
        at: Timestamp,
        #[serde(default, with = "time_opt")]
        maybe: Option<Timestamp>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "json_opt")]
        doc: Option<Value>,
    }

    #[test]
    fn times_are_utc_and_cut_to_microseconds() {
        let p: Probe = serde_json::from_value(json!({
            "at": "2025-06-01T14:00:00.1234569+02:00", "maybe": null
        }))
        .unwrap();
        assert_eq!(p.at, datetime!(2025-06-01 12:00:00.123456 UTC));
        assert_eq!(p.at.offset(), UtcOffset::UTC);
        let text = serde_json::to_value(&p).unwrap();
        assert_eq!(text["at"], "2025-06-01T12:00:00.123456Z");
        assert!(serde_json::from_value::<Probe>(json!({"at": "yesterday"})).is_err());
    }

    #[test]
    fn json_null_is_kept_apart_from_absent() {
        let t = datetime!(2025-06-01 12:00 UTC);
        for doc in [None, Some(Value::Null), Some(json!({"a": [1, 2.5]}))] {
            let p = Probe {
                at: t,
                maybe: Some(t),
                doc,
            };
            let back: Probe = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            assert_eq!(back, p);
        }
    }
}
