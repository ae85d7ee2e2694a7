//! Adoption of an ALwrity SQLite database (the neutral rules are in `crate::store::adopt`).
//!
//! One `BEGIN IMMEDIATE` transaction holds the whole run: detection again under the write
//! lock, the inventory, the plan, quarantine and merges (`apply::data`), the table rebuilds
//! (`rebuild`), rewritten values and derived steps (`apply::values`), the refinery history
//! row, and `PRAGMA foreign_key_check`; any failure rolls all of it back. `foreign_keys` cannot
//! change inside a transaction, so it is switched off through the C API before `BEGIN` and
//! restored afterwards on every path, together with `legacy_alter_table`.
//!
//! Submodules: `inspect` (detection and reading), `apply` (row work), `rebuild` (DDL).

mod apply;
mod inspect;
mod rebuild;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, TransactionBehavior};

use super::error::map_err;
use super::schema;
use crate::store::adopt::{self, AdoptOptions, AdoptionPlan, AdoptionReport, FailPoint};
use crate::store::{Backend, StoreResult};

pub(crate) use inspect::detect;

/// The plan for this database, or `None` when it is not an ALwrity database to adopt. Reads
/// only, in one read transaction (a consistent snapshot).
pub(crate) fn plan(conn: &mut Connection) -> StoreResult<Option<AdoptionPlan>> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Deferred)
        .map_err(map_err)?;
    if !inspect::detect(&tx)? {
        return Ok(None);
    }
    let inventory = inspect::inventory(&tx)?;
    let (baseline, _) = schema::baseline()?;
    adopt::plan(&inventory, Backend::Sqlite, baseline, adopt::now()).map(Some)
}

/// Adopts the database in one transaction; `None` when there is nothing to adopt.
pub(crate) fn adopt(
    conn: &mut Connection,
    opts: &AdoptOptions,
) -> StoreResult<Option<AdoptionReport>> {
    let fk = conn
        .db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY)
        .map_err(map_err)?;
    let legacy = conn
        .db_config(DbConfig::SQLITE_DBCONFIG_LEGACY_ALTER_TABLE)
        .map_err(map_err)?;
    let switched = conn
        .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY, false)
        .and_then(|_| conn.set_db_config(DbConfig::SQLITE_DBCONFIG_LEGACY_ALTER_TABLE, true))
        .map_err(map_err);
    let out = switched.and_then(|_| run(conn, opts));
    let restored = conn
        .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY, fk)
        .and_then(|_| conn.set_db_config(DbConfig::SQLITE_DBCONFIG_LEGACY_ALTER_TABLE, legacy))
        .map_err(map_err);
    let out = out?;
    restored?;
    Ok(out)
}

fn run(conn: &mut Connection, opts: &AdoptOptions) -> StoreResult<Option<AdoptionReport>> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(map_err)?;
    if !inspect::detect(&tx)? {
        return Ok(None);
    }
    let inventory = inspect::inventory(&tx)?;
    let catalog = &inventory.catalog;
    let now = adopt::now();
    let (mut record, checksum) = schema::baseline()?;
    let mut plan = adopt::plan(&inventory, Backend::Sqlite, record.clone(), now)?;
    rebuild::quarantine_table(&tx)?;
    apply::data(&tx, &plan, catalog, now)?;
    opts.check(FailPoint::AfterData)?;
    rebuild::schema(&tx, &plan, catalog)?;
    opts.check(FailPoint::AfterSchema)?;
    apply::values(&tx, &plan)?;
    record.applied_on = Some(adopt::rfc3339(now));
    apply::history(&tx, &record, checksum)?;
    apply::foreign_key_check(&tx, catalog)?;
    opts.check(FailPoint::BeforeCommit)?;
    tx.commit().map_err(map_err)?;
    plan.record = record;
    Ok(Some(AdoptionReport { plan }))
}
