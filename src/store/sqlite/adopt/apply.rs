//! Executing an adoption plan's rows on SQLite, inside the adoption transaction: quarantine
//! (a JSON copy of the whole original row, then the delete), moves of merged sessions' rows,
//! session values, rewritten timestamps, derived step rows, the history row, and the final
//! foreign-key check.

use std::collections::BTreeSet;

use rusqlite::{params, Connection};

use super::super::convert::ts_text;
use super::super::error::map_err;
use crate::domain::Timestamp;
use crate::store::adopt::inventory::{Catalog, Child};
use crate::store::adopt::target::{quote, TABLES};
use crate::store::adopt::{AdoptionPlan, QuarantineEntry, RecordedMigration};
use crate::store::{StoreError, StoreResult};

/// The row as one JSON object: JSON columns nested when valid, blobs as hex.
fn row_json(catalog: &Catalog, table: &str) -> StoreResult<String> {
    let shape = catalog
        .tables
        .get(table)
        .ok_or_else(|| StoreError::Backend(format!("table `{table}` vanished during adoption")))?;
    let fields: Vec<String> = shape
        .columns
        .iter()
        .map(|c| {
            let q = quote(&c.name);
            let value = if c.sql_type.eq_ignore_ascii_case("JSON") {
                format!("CASE WHEN json_valid({q}) THEN json({q}) ELSE {q} END")
            } else {
                format!("CASE WHEN typeof({q}) = 'blob' THEN hex({q}) ELSE {q} END")
            };
            format!("'{}', {value}", c.name.replace('\'', "''"))
        })
        .collect();
    Ok(format!("json_object({})", fields.join(", ")))
}

/// Copies `entry`'s row into the quarantine table and, unless copy-only, deletes it.
fn quarantine(
    conn: &Connection,
    catalog: &Catalog,
    entry: &QuarantineEntry,
    now: &str,
) -> StoreResult<()> {
    let table = quote(&entry.table);
    let insert = format!(
        "INSERT INTO onboardctl_quarantine \
         (source_table, source_id, reason, row_data, quarantined_at) \
         SELECT ?1, id, ?2, {}, ?3 FROM {table} WHERE id = ?4",
        row_json(catalog, &entry.table)?
    );
    let copied = conn
        .prepare_cached(&insert)
        .and_then(|mut st| st.execute(params![entry.table, entry.reason, now, entry.id]))
        .map_err(map_err)?;
    if copied != 1 {
        return Err(StoreError::Backend(format!(
            "row {} of `{}` vanished during adoption",
            entry.id, entry.table
        )));
    }
    if !entry.copy_only {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))
            .and_then(|mut st| st.execute([entry.id]))
            .map_err(map_err)?;
    }
    Ok(())
}

/// The data phase, on ALwrity's tables as they are: quarantine child rows, move the rows of
/// merged sessions (every table with a foreign key to `onboarding_sessions` included),
/// quarantine the merged sessions, write the derived `current_step` and `progress`.
pub(crate) fn data(
    conn: &Connection,
    plan: &AdoptionPlan,
    catalog: &Catalog,
    now: Timestamp,
) -> StoreResult<()> {
    let now = ts_text(now);
    let (sessions, rows): (Vec<_>, Vec<_>) = plan
        .quarantine
        .iter()
        .partition(|q| q.table == "onboarding_sessions");
    for entry in rows {
        quarantine(conn, catalog, entry, &now)?;
    }
    let mut referencing: BTreeSet<(String, String)> = catalog.referencing().into_iter().collect();
    for child in Child::ALL.iter().filter(|c| catalog.has(c.table())) {
        referencing.insert((child.table().to_owned(), "session_id".to_owned()));
    }
    move_merged(conn, plan, &referencing)?;
    for entry in sessions {
        quarantine(conn, catalog, entry, &now)?;
    }
    let sql = "UPDATE onboarding_sessions SET current_step = ?1, progress = ?2 WHERE id = ?3";
    let mut st = conn.prepare_cached(sql).map_err(map_err)?;
    for s in &plan.sessions {
        st.execute(params![s.current_step, s.progress, s.session_id])
            .map_err(map_err)?;
    }
    Ok(())
}

/// Points every row of a merged session at its survivor: one statement per table, through
/// a temporary loser → survivor map (ALwrity has no index on `session_id`, so one UPDATE per
/// merged session would scan each table once per merge).
fn move_merged(
    conn: &Connection,
    plan: &AdoptionPlan,
    referencing: &BTreeSet<(String, String)>,
) -> StoreResult<()> {
    if plan.merges.is_empty() {
        return Ok(());
    }
    conn.execute_batch(
        "CREATE TEMP TABLE onboardctl_adopt_merge \
         (loser INTEGER PRIMARY KEY, survivor INTEGER NOT NULL)",
    )
    .map_err(map_err)?;
    let mut st = conn
        .prepare("INSERT INTO temp.onboardctl_adopt_merge (loser, survivor) VALUES (?1, ?2)")
        .map_err(map_err)?;
    for m in &plan.merges {
        for loser in &m.merged {
            st.execute([*loser, m.survivor]).map_err(map_err)?;
        }
    }
    for (table, column) in referencing {
        let sql = format!(
            "UPDATE {0} SET {1} = (SELECT survivor FROM temp.onboardctl_adopt_merge \
             WHERE loser = {0}.{1}) \
             WHERE {1} IN (SELECT loser FROM temp.onboardctl_adopt_merge)",
            quote(table),
            quote(column)
        );
        conn.execute_batch(&sql).map_err(map_err)?;
    }
    conn.execute_batch("DROP TABLE temp.onboardctl_adopt_merge")
        .map_err(map_err)
}

/// The value phase, on our schema: rewritten timestamps, `completed_at`, and six step rows
/// per session.
pub(crate) fn values(conn: &Connection, plan: &AdoptionPlan) -> StoreResult<()> {
    for r in &plan.rewrites {
        let sql = format!(
            "UPDATE {} SET {} = ?1 WHERE id = ?2",
            quote(&r.table),
            quote(&r.column)
        );
        conn.prepare_cached(&sql)
            .and_then(|mut st| st.execute(params![r.to, r.id]))
            .map_err(map_err)?;
    }
    let mut done = conn
        .prepare_cached("UPDATE onboarding_sessions SET completed_at = ?1 WHERE id = ?2")
        .map_err(map_err)?;
    let mut step = conn
        .prepare_cached(
            "INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, \
             data, validation_errors, forced, force_reason) \
             VALUES (?1, ?2, ?3, ?4, NULL, '[]', 0, NULL)",
        )
        .map_err(map_err)?;
    for s in &plan.sessions {
        if let Some(at) = s.completed_at {
            done.execute(params![ts_text(at), s.session_id])
                .map_err(map_err)?;
        }
        for (n, status) in (1i64..).zip(s.steps.iter()) {
            let at = status.is_done().then_some(s.steps_done_at).flatten();
            step.execute(params![s.session_id, n, status.as_str(), at.map(ts_text)])
                .map_err(map_err)?;
        }
    }
    Ok(())
}

/// Records `record` in refinery's history table (created as refinery creates it), with
/// refinery's checksum, so refinery sees the migration as applied and unchanged.
pub(crate) fn history(
    conn: &Connection,
    record: &RecordedMigration,
    checksum: u64,
) -> StoreResult<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS refinery_schema_history (version INT4 PRIMARY KEY, \
         name VARCHAR(255), applied_on VARCHAR(255), checksum VARCHAR(255))",
    )
    .map_err(map_err)?;
    conn.execute(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
         VALUES (?1, ?2, ?3, ?4)",
        params![
            record.version,
            record.name,
            record.applied_on,
            checksum.to_string()
        ],
    )
    .map_err(map_err)?;
    Ok(())
}

/// Fails when any table of ours (or `competitor_analyses`) holds a row whose session does
/// not exist: SQLite checks nothing while `foreign_keys` is off, so this check is the proof.
pub(crate) fn foreign_key_check(conn: &Connection, catalog: &Catalog) -> StoreResult<()> {
    let mut tables: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
    if catalog.has("competitor_analyses") {
        tables.push("competitor_analyses");
    }
    for table in tables {
        let bad: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_foreign_key_check(?1)",
                [table],
                |r| r.get(0),
            )
            .map_err(map_err)?;
        if bad > 0 {
            return Err(StoreError::Backend(format!(
                "adoption would leave {bad} row(s) of `{table}` without their session"
            )));
        }
    }
    Ok(())
}
