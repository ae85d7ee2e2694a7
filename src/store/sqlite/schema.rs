//! Migrations: the embedded `sql/sqlite` files, the applied ones read from refinery's
//! history table (absent on a fresh database), and the run itself through refinery's rusqlite
//! runner. The connection's default transaction behaviour is IMMEDIATE (see `setup`), so the
//! grouped run holds SQLite's write lock from its first statement to its commit.

use std::collections::BTreeSet;

use rusqlite::Connection;
use time::format_description::well_known::Rfc3339;

use super::error::{classify, map_err};
use crate::store::migrations;
use crate::store::{MigrationInfo, SchemaState, StoreError, StoreResult};

mod embedded {
    refinery::embed_migrations!("sql/sqlite");
}

const HISTORY_EXISTS: &str = "SELECT count(*) FROM sqlite_master \
     WHERE type = 'table' AND name = 'refinery_schema_history'";

const APPLIED: &str =
    "SELECT version, name, applied_on FROM refinery_schema_history ORDER BY version";

/// Every migration this build carries, oldest first, all pending.
pub(crate) fn embedded() -> StoreResult<Vec<MigrationInfo>> {
    Ok(crate::store::migrations::infos(
        crate::store::migrations::SQLITE,
    ))
}

/// Refinery's own list of what it embeds (compiles a regex: tests and migrate only).
#[cfg(test)]
pub(crate) fn embedded_by_refinery() -> StoreResult<Vec<MigrationInfo>> {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| migrations::info(m, None))
        .collect()
}

/// The migrations recorded as applied, oldest first; none when the history table is absent.
fn applied(conn: &Connection) -> StoreResult<Vec<MigrationInfo>> {
    let exists: i64 = conn
        .prepare_cached(HISTORY_EXISTS)
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .map_err(map_err)?;
    if exists == 0 {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare_cached(APPLIED).map_err(map_err)?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    });
    let mut out = Vec::new();
    for row in rows.map_err(map_err)? {
        let (version, name, applied_on) = row.map_err(map_err)?;
        let version = u32::try_from(version)
            .map_err(|_| StoreError::Backend(format!("bad applied migration version {version}")))?;
        out.push(MigrationInfo {
            version,
            name: name.unwrap_or_default(),
            applied_on,
        });
    }
    Ok(out)
}

/// One statement: the newest applied version (0 when none).
pub(super) const NEWEST_APPLIED: &str =
    "SELECT coalesce(max(version), 0) FROM refinery_schema_history";

/// How many embedded migrations are newer than the newest applied one, in one statement
/// (this runs at every open; refinery applies versions in order, so this is the pending
/// count). A database without the history table has applied none.
pub(crate) fn pending_count(conn: &Connection) -> StoreResult<usize> {
    let newest = conn
        .prepare_cached(NEWEST_APPLIED)
        .and_then(|mut st| st.query_row([], |r| r.get::<_, i64>(0)));
    let newest = match newest {
        Ok(v) => v,
        Err(e) if is_missing_table(&e) => 0,
        Err(e) => return Err(map_err(e)),
    };
    Ok(embedded()?
        .iter()
        .filter(|m| i64::from(m.version) > newest)
        .count())
}

fn is_missing_table(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.starts_with("no such table"))
}

/// Applied and pending migrations. A pending one is an embedded version not yet applied.
pub(crate) fn state(conn: &Connection) -> StoreResult<SchemaState> {
    let applied = applied(conn)?;
    let done: BTreeSet<u32> = applied.iter().map(|m| m.version).collect();
    let pending = embedded()?
        .into_iter()
        .filter(|m| !done.contains(&m.version))
        .collect();
    Ok(SchemaState { applied, pending })
}

/// Applies every pending migration in one transaction and returns those applied. When a
/// concurrent run wins the race and leaves nothing pending, this run applied nothing.
pub(crate) fn migrate(conn: &mut Connection) -> StoreResult<Vec<MigrationInfo>> {
    let runner = embedded::migrations::runner().set_grouped(true);
    match runner.run(conn) {
        Ok(report) => report
            .applied_migrations()
            .iter()
            .map(applied_info)
            .collect(),
        Err(e) => {
            if state(conn).is_ok_and(|s| s.pending.is_empty()) {
                return Ok(Vec::new());
            }
            Err(refinery_err(&e))
        }
    }
}

fn applied_info(m: &refinery::Migration) -> StoreResult<MigrationInfo> {
    let on = m.applied_on().and_then(|t| t.format(&Rfc3339).ok());
    migrations::info(m, on)
}

/// Maps a refinery error through the driver error it wraps, when there is one.
fn refinery_err(e: &refinery::Error) -> StoreError {
    let driver = std::error::Error::source(e).and_then(|s| s.downcast_ref::<rusqlite::Error>());
    match driver.map(classify) {
        Some(StoreError::Unavailable(_)) => StoreError::Unavailable(format!("migration: {e}")),
        _ => StoreError::Backend(format!("migration failed: {e}")),
    }
}
