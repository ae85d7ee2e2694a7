//! Executing an adoption plan's rows on PostgreSQL, inside the adoption transaction. Work is
//! set-based (arrays through `unnest`), so a database of many users costs a handful of
//! statements per phase, not one per row: quarantine (`to_jsonb` of the whole original row,
//! then the delete), moves of merged sessions' rows, session values, `completed_at`, the
//! derived step rows, and the history row.

use std::collections::BTreeSet;

use postgres::types::{ToSql, Type};
use postgres::Transaction;

use super::super::convert::ts;
use super::super::error::classify;
use super::super::history;
use crate::domain::Timestamp;
use crate::store::adopt::inventory::{Catalog, Child};
use crate::store::adopt::target::quote;
use crate::store::adopt::{AdoptionPlan, QuarantineEntry, RecordedMigration};
use crate::store::{StoreError, StoreResult};

/// Step rows per statement, to bound the size of one message.
const STEP_BATCH: usize = 60_000;

fn exec(
    tx: &mut Transaction<'_>,
    sql: &str,
    params: &[(&(dyn ToSql + Sync), Type)],
) -> StoreResult<u64> {
    tx.execute_typed(sql, params).map_err(|e| classify(&e))
}

/// Quarantines `entries` (all of one table), copying each whole row as JSON first.
fn quarantine(
    tx: &mut Transaction<'_>,
    table: &str,
    entries: &[&QuarantineEntry],
    now: Timestamp,
) -> StoreResult<()> {
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let reasons: Vec<&str> = entries.iter().map(|e| e.reason.as_str()).collect();
    let sql = format!(
        "INSERT INTO onboardctl_quarantine \
         (source_table, source_id, reason, row_data, quarantined_at) \
         SELECT $1, t.id, u.reason, to_jsonb(t), $4 FROM {} AS t \
         JOIN unnest($2::int8[], $3::text[]) AS u(id, reason) ON t.id = u.id ORDER BY t.id",
        quote(table)
    );
    let copied = exec(
        tx,
        &sql,
        &[
            (&table, Type::TEXT),
            (&ids, Type::INT8_ARRAY),
            (&reasons, Type::TEXT_ARRAY),
            (&ts(now), Type::TIMESTAMPTZ),
        ],
    )?;
    if copied != ids.len() as u64 {
        return Err(StoreError::Backend(format!(
            "rows of `{table}` vanished during adoption"
        )));
    }
    let gone: Vec<i64> = entries
        .iter()
        .filter(|e| !e.copy_only)
        .map(|e| e.id)
        .collect();
    let sql = format!("DELETE FROM {} WHERE id = ANY($1)", quote(table));
    exec(tx, &sql, &[(&gone, Type::INT8_ARRAY)])?;
    Ok(())
}

/// Quarantines the plan's entries for which `pick` holds, table by table in plan order.
fn quarantine_where(
    tx: &mut Transaction<'_>,
    plan: &AdoptionPlan,
    now: Timestamp,
    pick: impl Fn(&QuarantineEntry) -> bool,
) -> StoreResult<()> {
    let chosen: Vec<&QuarantineEntry> = plan.quarantine.iter().filter(|q| pick(q)).collect();
    let mut tables: Vec<&str> = Vec::new();
    for q in &chosen {
        if !tables.contains(&q.table.as_str()) {
            tables.push(&q.table);
        }
    }
    for table in tables {
        let of_table: Vec<&QuarantineEntry> = chosen
            .iter()
            .copied()
            .filter(|q| q.table == table)
            .collect();
        quarantine(tx, table, &of_table, now)?;
    }
    Ok(())
}

/// The data phase, on ALwrity's tables as they are (see the SQLite twin, `apply::data`).
pub(crate) fn data(
    tx: &mut Transaction<'_>,
    plan: &AdoptionPlan,
    catalog: &Catalog,
    now: Timestamp,
) -> StoreResult<()> {
    quarantine_where(tx, plan, now, |q| q.table != "onboarding_sessions")?;
    let mut referencing: BTreeSet<(String, String)> = catalog.referencing().into_iter().collect();
    for child in Child::ALL.iter().filter(|c| catalog.has(c.table())) {
        referencing.insert((child.table().to_owned(), "session_id".to_owned()));
    }
    let (mut losers, mut survivors) = (Vec::new(), Vec::new());
    for m in &plan.merges {
        for id in &m.merged {
            losers.push(*id);
            survivors.push(m.survivor);
        }
    }
    if !losers.is_empty() {
        for (table, column) in &referencing {
            let sql = format!(
                "UPDATE {0} AS t SET {1} = m.survivor \
                 FROM unnest($1::int8[], $2::int8[]) AS m(loser, survivor) \
                 WHERE t.{1} = m.loser",
                quote(table),
                quote(column)
            );
            exec(
                tx,
                &sql,
                &[(&losers, Type::INT8_ARRAY), (&survivors, Type::INT8_ARRAY)],
            )?;
        }
    }
    // Deleting a session makes PostgreSQL look for rows that still reference it, in every
    // referencing table; ALwrity indexed none of them, so each delete would scan each table.
    // Temporary indexes make that a lookup; they go once the sessions are quarantined.
    let mut indexes = Vec::new();
    if plan
        .quarantine
        .iter()
        .any(|q| q.table == "onboarding_sessions")
    {
        for (i, (table, column)) in referencing.iter().enumerate() {
            let name = format!("onboardctl_adopt_tmp_{i}");
            let sql = format!(
                "CREATE INDEX {name} ON {} ({})",
                quote(table),
                quote(column)
            );
            tx.batch_execute(&sql).map_err(|e| classify(&e))?;
            indexes.push(name);
        }
    }
    quarantine_where(tx, plan, now, |q| q.table == "onboarding_sessions")?;
    for name in indexes {
        tx.batch_execute(&format!("DROP INDEX {name}"))
            .map_err(|e| classify(&e))?;
    }
    let ids: Vec<i64> = plan.sessions.iter().map(|s| s.session_id).collect();
    let steps: Vec<i32> = plan
        .sessions
        .iter()
        .map(|s| i32::from(s.current_step))
        .collect();
    let progress: Vec<f64> = plan.sessions.iter().map(|s| s.progress).collect();
    exec(
        tx,
        "UPDATE onboarding_sessions AS s SET current_step = u.step, progress = u.progress \
         FROM unnest($1::int8[], $2::int4[], $3::float8[]) AS u(id, step, progress) \
         WHERE s.id = u.id",
        &[
            (&ids, Type::INT8_ARRAY),
            (&steps, Type::INT4_ARRAY),
            (&progress, Type::FLOAT8_ARRAY),
        ],
    )?;
    Ok(())
}

/// The value phase, on our schema: `completed_at` and six step rows per session.
pub(crate) fn values(tx: &mut Transaction<'_>, plan: &AdoptionPlan) -> StoreResult<()> {
    let done: Vec<_> = plan
        .sessions
        .iter()
        .filter_map(|s| Some((s.session_id, ts(s.completed_at?))))
        .collect();
    let ids: Vec<i64> = done.iter().map(|d| d.0).collect();
    let at: Vec<Timestamp> = done.iter().map(|d| d.1).collect();
    exec(
        tx,
        "UPDATE onboarding_sessions AS s SET completed_at = u.at \
         FROM unnest($1::int8[], $2::timestamptz[]) AS u(id, at) WHERE s.id = u.id",
        &[(&ids, Type::INT8_ARRAY), (&at, Type::TIMESTAMPTZ_ARRAY)],
    )?;
    let mut rows: Vec<(i64, i32, &str, Option<Timestamp>)> = Vec::new();
    for s in &plan.sessions {
        for (n, status) in (1..).zip(s.steps.iter()) {
            let at = status
                .is_done()
                .then_some(s.steps_done_at)
                .flatten()
                .map(ts);
            rows.push((s.session_id, n, status.as_str(), at));
        }
    }
    for chunk in rows.chunks(STEP_BATCH) {
        let sessions: Vec<i64> = chunk.iter().map(|r| r.0).collect();
        let numbers: Vec<i32> = chunk.iter().map(|r| r.1).collect();
        let statuses: Vec<&str> = chunk.iter().map(|r| r.2).collect();
        let times: Vec<Option<Timestamp>> = chunk.iter().map(|r| r.3).collect();
        exec(
            tx,
            "INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, \
             data, validation_errors, forced, force_reason) \
             SELECT u.s, u.n, u.st, u.at, NULL, '[]', false, NULL \
             FROM unnest($1::int8[], $2::int4[], $3::text[], $4::timestamptz[]) \
             AS u(s, n, st, at)",
            &[
                (&sessions, Type::INT8_ARRAY),
                (&numbers, Type::INT4_ARRAY),
                (&statuses, Type::TEXT_ARRAY),
                (&times, Type::TIMESTAMPTZ_ARRAY),
            ],
        )?;
    }
    Ok(())
}

/// Records `record` in refinery's history table (created as refinery creates it), with
/// refinery's checksum.
pub(crate) fn history(
    tx: &mut Transaction<'_>,
    record: &RecordedMigration,
    checksum: u64,
) -> StoreResult<()> {
    tx.batch_execute(history::CREATE_TABLE)
        .map_err(|e| classify(&e))?;
    let on = record.applied_on.as_deref();
    history::record(tx, i64::from(record.version), &record.name, on, checksum)
}
