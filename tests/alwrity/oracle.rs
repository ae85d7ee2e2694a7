//! ALwrity's own reading of its rows, written from ALwrity's behaviour and independent of
//! onboardctl's code: what ALwrity's progress service shows for each user.
//!
//! - The session is the **first row by rowid** among the user's `onboarding_sessions` rows
//!   (the progress service's `.first()` without ORDER BY: a table scan, so rowid order; the
//!   id is the rowid alias). On PostgreSQL, which has no rowid, the lowest id stands for it.
//! - `current_step` NULL reads as 1, `progress` NULL as 0.0.
//! - Complete iff `current_step >= 6 OR progress >= 100`.
//! - `next_step` = 6 when complete, else `max(1, current_step)` (the status endpoint).
//! - The SSOT (`onboarding_data_integrations`) and the user listing use instead the row with
//!   the newest `updated_at` (text order on SQLite, NULL oldest): [`Reading::newest_session`].
//! - The keys ALwrity uses are the first row by id per provider of the first session.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::raw::Raw;

/// ALwrity's reading of one user.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The session row the progress service reads (first by rowid).
    pub session_id: i64,
    /// `current_step` as stored.
    pub current_step: Option<i64>,
    /// `progress` as stored.
    pub progress: Option<f64>,
    /// ALwrity's completion predicate.
    pub is_completed: bool,
    /// The status endpoint's next step.
    pub next_step: i64,
    /// The session row the SSOT and the user listing read (newest `updated_at`).
    pub newest_session: i64,
    /// How many session rows the user has.
    pub rows: usize,
    /// provider → key value ALwrity uses (first session, first row by id per provider).
    pub keys: BTreeMap<String, String>,
}

/// Every user's reading, by user id.
pub type Readings = BTreeMap<String, Reading>;

/// ALwrity's completion predicate over the stored values.
pub fn is_completed(current_step: Option<i64>, progress: Option<f64>) -> bool {
    current_step.unwrap_or(1) >= 6 || progress.unwrap_or(0.0) >= 100.0
}

/// The status endpoint's next step.
pub fn next_step(current_step: Option<i64>, progress: Option<f64>) -> i64 {
    if is_completed(current_step, progress) {
        6
    } else {
        current_step.unwrap_or(1).max(1)
    }
}

impl Reading {
    /// The `"alwrity"` object `session show` / `progress show` must print for this reading.
    pub fn expected_json(&self, era: &str) -> Value {
        json!({
            "era": era,
            "current_step": self.current_step,
            "progress": self.progress,
            "is_completed": self.is_completed,
            "next_step": self.next_step,
        })
    }
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Reads every user the way ALwrity does.
pub fn readings(raw: &mut dyn Raw) -> Readings {
    let sessions = raw.rows("onboarding_sessions");
    let keys = raw.rows("api_keys");
    let mut by_user: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    // `rows` is keyed by id, so this is rowid order.
    for row in sessions.values() {
        let user = row["user_id"].as_str().expect("user_id is text").to_owned();
        by_user.entry(user).or_default().push(row);
    }
    by_user
        .into_iter()
        .map(|(user, rows)| {
            let first = rows[0];
            let id = first["id"].as_i64().unwrap();
            let current_step = first["current_step"].as_i64();
            let progress = first["progress"].as_f64();
            // Newest `updated_at` (text order, NULL oldest); a tie keeps the earlier row.
            let mut newest = first;
            for row in &rows[1..] {
                if as_text(&row["updated_at"]) > as_text(&newest["updated_at"]) {
                    newest = row;
                }
            }
            let newest = newest["id"].as_i64().unwrap();
            let mut used = BTreeMap::new();
            for key in keys.values() {
                if key["session_id"].as_i64() == Some(id) {
                    let provider = key["provider"].as_str().unwrap_or_default().to_owned();
                    let value = as_text(&key["key"]).unwrap_or_default();
                    used.entry(provider).or_insert(value);
                }
            }
            let reading = Reading {
                session_id: id,
                current_step,
                progress,
                is_completed: is_completed(current_step, progress),
                next_step: next_step(current_step, progress),
                newest_session: newest,
                rows: rows.len(),
                keys: used,
            };
            (user, reading)
        })
        .collect()
}

/// Asserts two readings are equal, naming the first user that differs.
pub fn assert_same(before: &Readings, after: &Readings, what: &str) {
    for (user, was) in before {
        match after.get(user) {
            Some(is) => assert_eq!(is, was, "{what}: ALwrity's reading of `{user}` changed"),
            None => panic!("{what}: ALwrity no longer sees `{user}`"),
        }
    }
    for user in after.keys() {
        assert!(
            before.contains_key(user),
            "{what}: ALwrity sees a new user `{user}`"
        );
    }
}

/// Asserts the `"alwrity"` object of a `session show` / `progress show` JSON document is
/// ALwrity's reading.
pub fn assert_alwrity_object(doc: &Value, reading: &Reading, era: &str, what: &str) {
    let got = &doc["alwrity"];
    let want = reading.expected_json(era);
    assert!(got.is_object(), "{what}: no `alwrity` object in {doc}");
    for field in ["era", "current_step", "is_completed", "next_step"] {
        assert_eq!(got[field], want[field], "{what}: alwrity.{field} in {doc}");
    }
    match (got["progress"].as_f64(), reading.progress) {
        (Some(g), Some(w)) => assert_eq!(g, w, "{what}: alwrity.progress in {doc}"),
        (None, None) => assert!(got["progress"].is_null(), "{what}: alwrity.progress"),
        (g, w) => panic!("{what}: alwrity.progress is {g:?}, ALwrity stores {w:?}: {doc}"),
    }
}
