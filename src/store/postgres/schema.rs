//! Migrations on PostgreSQL: the embedded `sql/postgres` files, the applied ones read from
//! refinery's history table, and `migrate` under a session-level advisory lock.
//!
//! Why session-level: refinery's postgres driver opens a transaction of its own for every
//! call (creating its table, reading the history, the grouped run), so a
//! `pg_advisory_xact_lock` taken by us would be released before the run. The lock is
//! therefore session-level and held by [`MigrationLock`], which unlocks on every path,
//! errors and panics included (its `Drop`); if the connection itself dies, the server frees
//! the lock with the session. The run is grouped: all pending migrations and their history
//! rows commit together or not at all, so a failure leaves the schema as it was. The
//! applied set is re-read by refinery after the lock is taken, so of two concurrent runs
//! the second finds nothing to do. The lock wait is bounded by `lock_timeout` set to the
//! store's lock timeout, which then also bounds the table locks the migrations' DDL waits
//! for (a timeout either way is [`StoreError::Unavailable`]).
//!
//! The lock key is per database and schema (`hashtextextended` of the current schema, PG 11+),
//! so migrations of different schemas — tests in parallel — do not wait for each other.

use std::error::Error as _;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, SimpleQueryMessage};
use refinery::error::Kind;
use refinery::Runner;
use time::format_description::well_known::Rfc3339;

use super::error::{chain, classify};
use crate::store::migrations;
use crate::store::{MigrationInfo, SchemaState, StoreError, StoreResult};

mod embedded {
    refinery::embed_migrations!("sql/postgres");
}

/// How long data statements wait for a row or table lock before failing with
/// [`StoreError::Unavailable`] (set at connect, in the same round trip as the schema read).
pub(crate) const DATA_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// The advisory-lock key of the current database and schema.
pub(crate) const LOCK_KEY: &str =
    "hashtextextended('onboardctl migrate ' || coalesce(current_schema(), ''), 0)";

/// A fresh runner over the embedded migrations.
pub(crate) fn runner() -> Runner {
    embedded::migrations::runner()
}

/// Every migration this build carries, oldest first, all pending.
pub(crate) fn embedded() -> StoreResult<Vec<MigrationInfo>> {
    Ok(crate::store::migrations::infos(
        crate::store::migrations::POSTGRES,
    ))
}

/// The migration an adopted database is recorded at (V1, whose end state adoption
/// produces) and refinery's checksum of it, so refinery later sees it applied and unchanged.
pub(crate) fn baseline() -> StoreResult<(crate::store::adopt::RecordedMigration, u64)> {
    migrations::baseline(&runner())
}

/// Applied and pending migrations, in one statement (the session settings came with the
/// startup packet, see `connect`). An absent history table means nothing is applied.
pub(crate) fn read_state(client: &mut Client) -> StoreResult<SchemaState> {
    let batch = "SELECT version, name, applied_on FROM refinery_schema_history ORDER BY version";
    let applied = match client.simple_query(batch) {
        Ok(messages) => applied_rows(&messages)?,
        Err(e) if e.code() == Some(&SqlState::UNDEFINED_TABLE) => Vec::new(),
        Err(e) => return Err(classify(&e)),
    };
    let pending = embedded()?
        .into_iter()
        .filter(|m| !applied.iter().any(|a| a.version == m.version))
        .collect();
    Ok(SchemaState { applied, pending })
}

fn applied_rows(messages: &[SimpleQueryMessage]) -> StoreResult<Vec<MigrationInfo>> {
    let mut out = Vec::new();
    for message in messages {
        let SimpleQueryMessage::Row(row) = message else {
            continue;
        };
        let text = |i| row.try_get(i).map_err(|e| classify(&e));
        let version = text(0)?
            .and_then(|v: &str| v.parse::<u32>().ok())
            .ok_or_else(|| {
                StoreError::Backend("refinery_schema_history holds a bad version".to_owned())
            })?;
        let name = text(1)?.unwrap_or_default().to_owned();
        out.push(MigrationInfo {
            version,
            name,
            applied_on: text(2)?.map(str::to_owned),
        });
    }
    Ok(out)
}

/// Runs `runner` (grouped) under the migration lock, waiting at most `wait` for it, and
/// returns the migrations it applied.
pub(crate) fn migrate(
    client: &mut Client,
    runner: Runner,
    wait: Duration,
) -> StoreResult<Vec<MigrationInfo>> {
    let mut lock = MigrationLock::acquire(client, wait)?;
    let report = runner
        .set_grouped(true)
        .run(&mut *lock.client)
        .map_err(|e| refinery_err(&e));
    let released = lock.release();
    let applied = report?
        .applied_migrations()
        .iter()
        .map(applied_info)
        .collect();
    released.and(applied)
}

fn applied_info(m: &refinery::Migration) -> StoreResult<MigrationInfo> {
    let on = m.applied_on().and_then(|t| t.format(&Rfc3339).ok());
    migrations::info(m, on)
}

/// Maps a refinery error through the postgres error it wraps, when there is one.
fn refinery_err(e: &refinery::Error) -> StoreError {
    let pg = e.source().and_then(|s| s.downcast_ref::<postgres::Error>());
    match (e.kind(), pg) {
        (Kind::Connection(what, _), Some(pg)) => match classify(pg) {
            StoreError::Unavailable(m) => StoreError::Unavailable(format!("{what}: {m}")),
            StoreError::Conflict(m) | StoreError::Backend(m) => {
                StoreError::Backend(format!("migration failed: {what}: {m}"))
            }
            other => other,
        },
        _ => StoreError::Backend(format!("migration failed: {}", chain(e))),
    }
}

/// Runs `f` under the migration lock, waiting at most `wait` for it; the lock is released on
/// every path (adoption takes the same lock as `migrate`).
pub(crate) fn locked<T>(
    client: &mut Client,
    wait: Duration,
    f: impl FnOnce(&mut Client) -> StoreResult<T>,
) -> StoreResult<T> {
    let mut lock = MigrationLock::acquire(client, wait)?;
    let out = f(&mut *lock.client);
    let released = lock.release();
    let out = out?;
    released?;
    Ok(out)
}

/// The session-level migration lock; released by [`MigrationLock::release`] or on drop.
struct MigrationLock<'c> {
    client: &'c mut Client,
    key: i64,
    held: bool,
}

impl<'c> MigrationLock<'c> {
    /// Waits at most `wait` for the lock. The same `lock_timeout` then stays for the run, so
    /// it also bounds the table locks the migrations' DDL waits for; on failure the batch's
    /// implicit transaction rolls the setting back.
    fn acquire(client: &'c mut Client, wait: Duration) -> StoreResult<MigrationLock<'c>> {
        let millis = wait.as_millis().clamp(1, i32::MAX as u128);
        let batch = format!(
            "SET lock_timeout = '{millis}ms'; \
             SELECT k, pg_advisory_lock(k) FROM (SELECT {LOCK_KEY} AS k) AS key"
        );
        let messages = client.simple_query(&batch).map_err(|e| match e.code() {
            Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE => StoreError::Unavailable(format!(
                "timed out after {} waiting for the migration lock",
                seconds(wait)
            )),
            _ => classify(&e),
        })?;
        let key = messages.iter().find_map(|m| match m {
            SimpleQueryMessage::Row(row) => row.get(0).and_then(|k| k.parse::<i64>().ok()),
            _ => None,
        });
        let key = key.ok_or_else(|| StoreError::Backend("no migration lock key".to_owned()))?;
        Ok(MigrationLock {
            client,
            key,
            held: true,
        })
    }

    fn release(&mut self) -> StoreResult<()> {
        self.held = false;
        let sql = format!(
            "SELECT pg_advisory_unlock({}); SET lock_timeout = '{}ms'",
            self.key,
            DATA_LOCK_TIMEOUT.as_millis()
        );
        self.client
            .simple_query(&sql)
            .map(drop)
            .map_err(|e| classify(&e))
    }
}

impl Drop for MigrationLock<'_> {
    fn drop(&mut self) {
        if self.held {
            let _ = self.release();
        }
    }
}

/// `60s`, or `1.5s` for a fractional wait.
fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!(
            "{}s",
            format!("{:.3}", d.as_secs_f64()).trim_end_matches('0')
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_print_in_seconds() {
        assert_eq!(seconds(Duration::from_secs(60)), "60s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5s");
    }

    /// `(version, name)` of every `V<n>__<name>.sql` file in `sql/<dialect>`, sorted.
    fn versions_on_disk(dialect: &str) -> Vec<(u32, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sql")
            .join(dialect);
        let mut out: Vec<(u32, String)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                let stem = name.strip_suffix(".sql")?.strip_prefix('V')?;
                let (version, title) = stem.split_once("__")?;
                Some((version.parse().ok()?, title.to_owned()))
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn both_dialects_have_the_same_migration_versions() {
        let sqlite = versions_on_disk("sqlite");
        let postgres = versions_on_disk("postgres");
        assert!(!sqlite.is_empty());
        assert_eq!(
            sqlite, postgres,
            "sql/sqlite and sql/postgres must match one for one"
        );
        let by_refinery: Vec<(u32, String)> = runner()
            .get_migrations()
            .iter()
            .map(|m| (u32::try_from(m.version()).unwrap(), m.name().to_owned()))
            .collect();
        assert_eq!(by_refinery, postgres, "refinery embeds every file");
        let listed: Vec<(u32, String)> = embedded()
            .unwrap()
            .into_iter()
            .map(|m| (m.version, m.name))
            .collect();
        assert_eq!(listed, postgres, "build.rs lists every file");
    }

    #[test]
    fn the_embedded_set_starts_at_one() {
        let all = embedded().unwrap();
        assert_eq!(
            all.first().map(|m| (m.version, m.name.as_str())),
            Some((1, "init"))
        );
    }
}
