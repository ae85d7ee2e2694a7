//! Assertions shared by the adoption bodies: every original row is either still in its table
//! (values unchanged except what adoption documents) or in the quarantine table as it was.

use std::collections::{BTreeMap, BTreeSet};

use onboardctl::store::adopt::AdoptionPlan;
use serde_json::Value;

use crate::alwrity::{data_tables, Era};
use crate::raw::Raw;

/// Every row of ALwrity's data tables, by (table, id).
pub type Rows = BTreeMap<(String, i64), Value>;

/// The rows of every data table of `era`.
pub fn originals(raw: &mut dyn Raw, era: Era) -> Rows {
    let mut out = Rows::new();
    for table in data_tables(era) {
        for (id, row) in raw.rows(table) {
            out.insert((table.to_owned(), id), row);
        }
    }
    out
}

/// One quarantine row.
#[derive(Debug, Clone)]
pub struct Quarantined {
    /// `source_table`.
    pub table: String,
    /// `source_id`.
    pub id: i64,
    /// `reason`.
    pub reason: String,
    /// `row_data`: the original row.
    pub row: Value,
}

/// The quarantine table's rows.
pub fn quarantined(raw: &mut dyn Raw) -> Vec<Quarantined> {
    raw.rows("onboardctl_quarantine")
        .into_values()
        .map(|q| Quarantined {
            table: q["source_table"].as_str().unwrap().to_owned(),
            id: q["source_id"].as_i64().unwrap(),
            reason: q["reason"].as_str().unwrap().to_owned(),
            row: q["row_data"].clone(),
        })
        .collect()
}

/// `2025-09-03T08:00:00.500` and `2025-09-03 08:00:00.5` alike: a timestamp's text with the
/// separator, offset and trailing fraction zeros normalised; other values unchanged.
pub fn norm(v: &Value) -> Value {
    let Some(s) = v.as_str() else {
        return v.clone();
    };
    let b = s.as_bytes();
    if s.len() < 19 || b[4] != b'-' || !matches!(b[10], b' ' | b'T') {
        return v.clone();
    }
    let s = s.replacen('T', " ", 1);
    let s = s.trim_end_matches('Z').trim_end_matches("+00:00");
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = frac.trim_end_matches('0');
    Value::from(if frac.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{frac}")
    })
}

/// Asserts that nothing of `before` was lost: each row is in its table (same id, same values,
/// except a session id that followed a merge, the derived `current_step`/`progress`, and
/// timestamps rewritten to our format or, when unreadable, to NULL with a copy quarantined)
/// or in quarantine exactly as it was.
pub fn nothing_lost(raw: &mut dyn Raw, era: Era, before: &Rows, plan: &AdoptionPlan) {
    let after = originals(raw, era);
    let quarantine = quarantined(raw);
    let survivor: BTreeMap<i64, i64> = plan
        .merges
        .iter()
        .flat_map(|m| m.merged.iter().map(move |l| (*l, m.survivor)))
        .collect();
    let copies: BTreeSet<(String, i64)> = plan
        .quarantine
        .iter()
        .filter(|q| q.copy_only)
        .map(|q| (q.table.clone(), q.id))
        .collect();
    let mut missing = 0;
    for ((table, id), old) in before {
        let Some(now) = after.get(&(table.clone(), *id)) else {
            missing += 1;
            let q = quarantine
                .iter()
                .find(|q| &q.table == table && q.id == *id)
                .unwrap_or_else(|| panic!("{table} {id} is neither kept nor quarantined"));
            assert_eq!(&q.row, old, "{table} {id}: quarantined as it was");
            continue;
        };
        for (column, was) in old.as_object().unwrap() {
            let is = &now[column];
            let derived = table == "onboarding_sessions"
                && matches!(column.as_str(), "current_step" | "progress");
            if derived || norm(is) == norm(was) {
                continue;
            }
            if column == "session_id" {
                let to = survivor.get(&was.as_i64().unwrap()).copied();
                assert_eq!(is.as_i64(), to, "{table} {id} moved to the survivor");
            } else {
                assert!(is.is_null(), "{table} {id}.{column}: {was} became {is}");
                assert!(
                    copies.contains(&(table.clone(), *id)),
                    "{table} {id}: copy kept"
                );
            }
        }
    }
    let moved_out = quarantine
        .iter()
        .filter(|q| !copies.contains(&(q.table.clone(), q.id)))
        .count();
    assert_eq!(
        missing, moved_out,
        "every missing row is in quarantine, nothing more"
    );
    assert!(
        after.keys().all(|k| before.contains_key(k)),
        "no row appeared"
    );
}

/// (table, id) of every quarantined row that left its table.
pub fn moved_out(plan: &AdoptionPlan) -> BTreeSet<(String, i64)> {
    plan.quarantine
        .iter()
        .filter(|q| !q.copy_only)
        .map(|q| (q.table.clone(), q.id))
        .collect()
}
