//! Parsing a legacy progress file (docs/ALWRITY.md "Legacy file contents") into
//! [`LegacyProgress`], with the loader's defaults ("Legacy loading"). The JSON is read into a
//! `serde_json::Value` first and walked by hand, so that no error message ever quotes a value from
//! the file (serde's type errors do).

use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::mask::{self, RawKey};
use super::{short, LegacyError};
use crate::domain::ids::{StepNumber, StepStatus};
use crate::domain::records::Timestamp;

/// One step as the file has it (after the loader's defaults), with secrets masked in `data`.
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyStep {
    /// Which step.
    pub number: StepNumber,
    /// One of the four legacy statuses; `pending` when missing.
    pub status: StepStatus,
    /// When the step was completed or skipped, in UTC.
    pub completed_at: Option<Timestamp>,
    /// The step payload, every key value masked.
    pub data: Option<Value>,
    /// The step's validation errors; empty when missing.
    pub validation_errors: Vec<String>,
}

impl LegacyStep {
    fn pending(number: StepNumber) -> LegacyStep {
        LegacyStep {
            number,
            status: StepStatus::Pending,
            completed_at: None,
            data: None,
            validation_errors: Vec::new(),
        }
    }
}

/// A parsed legacy file: the six-key top-level object of the file with its defaults, except that
/// `started_at`/`last_updated` stay `None` when missing (the default "now" is applied by
/// [`super::to_import`], which knows the time). `Debug` shows no key value.
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyProgress {
    /// Steps 1–6 in order; a step the file does not list is pending.
    pub steps: [LegacyStep; 6],
    /// `current_step` as written, `None` when missing (the loader's default was 1). Not
    /// range-checked: our current step is derived from the steps; this is only reported.
    pub current_step: Option<i64>,
    /// When onboarding started, in UTC.
    pub started_at: Option<Timestamp>,
    /// The last save, in UTC.
    pub last_updated: Option<Timestamp>,
    /// The file's completion flag (default false), before the legacy fix-up.
    pub is_completed: bool,
    /// The file's completion time, in UTC.
    pub completed_at: Option<Timestamp>,
    /// Step 1's non-empty `api_keys` entries: provider name as written, and the key.
    pub step1_keys: Vec<RawKey>,
    /// What was tolerated while reading (ignored entries, masked values).
    pub warnings: Vec<String>,
}

/// Parses a file, reading naive timestamps as UTC.
pub fn parse(bytes: &[u8]) -> Result<LegacyProgress, LegacyError> {
    parse_with_offset(bytes, UtcOffset::UTC)
}

/// Parses a file, reading naive timestamps as local time at `assume_offset`. A UTF-8 byte
/// order mark is skipped.
pub fn parse_with_offset(
    bytes: &[u8],
    assume_offset: UtcOffset,
) -> Result<LegacyProgress, LegacyError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).map_err(json_error)?;
    let Value::Object(mut top) = root else {
        return Err(shape(format!(
            "the file holds {}, not an object",
            kind(&root)
        )));
    };
    let mut p = LegacyProgress {
        steps: std::array::from_fn(|i| {
            LegacyStep::pending(StepNumber::new(i as i64 + 1).expect("1..=6"))
        }),
        current_step: int(&top, "current_step", "current_step")?,
        started_at: time(&top, "started_at", "started_at", assume_offset)?,
        last_updated: time(&top, "last_updated", "last_updated", assume_offset)?,
        is_completed: boolean(&top, "is_completed")?.unwrap_or(false),
        completed_at: time(&top, "completed_at", "completed_at", assume_offset)?,
        step1_keys: Vec::new(),
        warnings: Vec::new(),
    };
    let entries = match top.remove("steps") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a,
        Some(other) => return Err(shape(format!("`steps` is {}, not an array", kind(&other)))),
    };
    let mut seen = [false; 6];
    for (i, entry) in entries.into_iter().enumerate() {
        apply_step(&mut p, &mut seen, i, entry, assume_offset)?;
    }
    Ok(p)
}

/// Applies one `steps` entry: like the original, an entry overrides its step; entries whose
/// `step_number` is not 1–6 are ignored.
fn apply_step(
    p: &mut LegacyProgress,
    seen: &mut [bool; 6],
    i: usize,
    entry: Value,
    offset: UtcOffset,
) -> Result<(), LegacyError> {
    let Value::Object(mut m) = entry else {
        return Err(shape(format!(
            "steps[{i}] is {}, not an object",
            kind(&entry)
        )));
    };
    let Some(number) = field(&m, "step_number")
        .and_then(Value::as_i64)
        .and_then(StepNumber::new)
    else {
        p.warnings.push(format!(
            "steps[{i}] has no step_number from 1 to 6; it was ignored"
        ));
        return Ok(());
    };
    let n = number.get();
    if std::mem::replace(&mut seen[number.index()], true) {
        p.warnings.push(format!(
            "step {n} is listed more than once; the last entry wins"
        ));
    }
    let at = |key: &str| format!("steps[{i}].{key}");
    let mut step = LegacyStep {
        number,
        status: status(&m, n, &at("status"))?,
        completed_at: time(&m, "completed_at", &at("completed_at"), offset)?,
        data: m.remove("data").filter(|v| !v.is_null()),
        validation_errors: strings(&m, "validation_errors", &at("validation_errors"))?,
    };
    let keys = match step.data.as_mut() {
        Some(data) => mask::scrub(n, data, &mut p.warnings),
        None => Vec::new(),
    };
    if n == 1 {
        p.step1_keys = keys;
    }
    p.steps[number.index()] = step;
    Ok(())
}

/// The legacy `StepStatus` accepted exactly these four values.
fn status(m: &Map<String, Value>, step: u8, at: &str) -> Result<StepStatus, LegacyError> {
    let Some(v) = field(m, "status") else {
        return Ok(StepStatus::Pending);
    };
    let s = v
        .as_str()
        .ok_or_else(|| shape(format!("`{at}` is {}, not a string", kind(v))))?;
    match s {
        "pending" => Ok(StepStatus::Pending),
        "in_progress" => Ok(StepStatus::InProgress),
        "completed" => Ok(StepStatus::Completed),
        "skipped" => Ok(StepStatus::Skipped),
        _ => Err(LegacyError::UnknownStatus {
            step,
            status: short(s),
        }),
    }
}

/// A key's value, `null` counting as missing.
fn field<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    m.get(key).filter(|v| !v.is_null())
}

fn int(m: &Map<String, Value>, key: &str, at: &str) -> Result<Option<i64>, LegacyError> {
    field(m, key)
        .map(|v| {
            v.as_i64()
                .ok_or_else(|| shape(format!("`{at}` is {}, not an integer", kind(v))))
        })
        .transpose()
}

fn boolean(m: &Map<String, Value>, key: &str) -> Result<Option<bool>, LegacyError> {
    field(m, key)
        .map(|v| {
            v.as_bool()
                .ok_or_else(|| shape(format!("`{key}` is {}, not true or false", kind(v))))
        })
        .transpose()
}

fn strings(m: &Map<String, Value>, key: &str, at: &str) -> Result<Vec<String>, LegacyError> {
    let Some(v) = field(m, key) else {
        return Ok(Vec::new());
    };
    let err = || shape(format!("`{at}` is not an array of strings"));
    v.as_array()
        .ok_or_else(err)?
        .iter()
        .map(|s| s.as_str().map(str::to_owned).ok_or_else(err))
        .collect()
}

fn time(
    m: &Map<String, Value>,
    key: &str,
    at: &str,
    offset: UtcOffset,
) -> Result<Option<Timestamp>, LegacyError> {
    let Some(v) = field(m, key) else {
        return Ok(None);
    };
    let s = v
        .as_str()
        .ok_or_else(|| shape(format!("`{at}` is {}, not a string", kind(v))))?;
    parse_timestamp(s, offset)
        .map(Some)
        .ok_or_else(|| LegacyError::BadTimestamp {
            field: at.to_owned(),
            value: short(s),
        })
}

/// `YYYY-MM-DDTHH:MM:SS[.f…]` read at `offset`, or RFC 3339 (`Z` or an offset) as written;
/// the result is in UTC.
pub(super) fn parse_timestamp(s: &str, offset: UtcOffset) -> Option<Timestamp> {
    let naive = format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    let t = match PrimitiveDateTime::parse(s, naive) {
        Ok(t) => t.assume_offset(offset),
        Err(_) => OffsetDateTime::parse(s, &Rfc3339).ok()?,
    };
    Some(t.to_offset(UtcOffset::UTC))
}

fn json_error(e: serde_json::Error) -> LegacyError {
    let text = e.to_string();
    let msg = text.rsplit_once(" at line ").map_or(&*text, |(m, _)| m);
    LegacyError::Json {
        line: e.line(),
        column: e.column(),
        msg: msg.to_owned(),
    }
}

fn shape(msg: String) -> LegacyError {
    LegacyError::Shape(msg)
}

/// The JSON kind of a value, for messages that must not quote it.
pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
