//! Migrations on PostgreSQL: the embedded `sql/postgres` files, the applied ones read from
//! refinery's history table, and the migration lock that `migrate` (see `history`) and
//! `db repair` hold.
//!
//! The lock is transaction-scoped: [`locked`] opens a transaction, takes
//! `pg_advisory_xact_lock` first, runs all the work inside that same transaction and commits.
//! The lock ends with the transaction — commit, rollback, a dropped connection or a killed
//! process — and never belongs to the session. Behind a transaction-mode pooler that is the
//! only safe kind: the server connection outlives the client and serves the next one, so a
//! session-level `pg_advisory_lock` left by an exiting client would stay held by an idle
//! pooled connection and block every later run, direct connections included. The work being
//! in the lock's transaction also makes it atomic: all pending migrations and their history
//! rows commit together or not at all. The history is read after the lock is taken, so of
//! two concurrent runs the second finds nothing to do.
//!
//! The wait is bounded server-side by `SET LOCAL lock_timeout` (the store's lock timeout,
//! `--lock-timeout`): the server wakes the waiter the moment the lock is free, where polling
//! `pg_try_advisory_xact_lock` would add latency and round trips for the same bound. The
//! setting stays for the transaction, so it also bounds the table locks the migrations' DDL
//! waits for (a timeout either way is [`StoreError::Unavailable`]). `TimeZone` is pinned to
//! UTC for the transaction (`SET LOCAL`, gone at its end), so migration SQL (and any `to_jsonb` of whole
//! rows) never depends on the session's zone.
//!
//! The lock key is per database and schema (`hashtextextended` of the current schema, PG 11+),
//! so migrations of different schemas — tests in parallel — do not wait for each other.

use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, SimpleQueryMessage, Transaction};
use refinery::Runner;

use super::error::classify;
use super::history;
use crate::store::{MigrationInfo, SchemaState, StoreError, StoreResult};

mod embedded {
    refinery::embed_migrations!("sql/postgres");
}

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

/// Applied and pending migrations, in one statement (no session setting precedes it, see
/// `connect`). An absent history table means nothing is applied.
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

/// Applies `runner`'s pending migrations under the migration lock, all in its one
/// transaction, waiting at most `wait` for the lock; returns those it applied.
pub(crate) fn migrate(
    client: &mut Client,
    runner: &Runner,
    wait: Duration,
) -> StoreResult<Vec<MigrationInfo>> {
    locked(client, wait, |tx| {
        history::apply(tx, runner.get_migrations())
    })
}

/// Runs `f` inside one transaction that first takes the migration lock (waiting at most
/// `wait`), and commits when `f` succeeds. On any failure, or a panic, the transaction rolls
/// back (the driver's `Transaction` does so when dropped) and the lock goes with it.
pub(crate) fn locked<T>(
    client: &mut Client,
    wait: Duration,
    f: impl FnOnce(&mut Transaction<'_>) -> StoreResult<T>,
) -> StoreResult<T> {
    let mut tx = client.transaction().map_err(|e| classify(&e))?;
    let millis = wait.as_millis().clamp(1, i32::MAX as u128);
    let lock = format!(
        "SET LOCAL lock_timeout = '{millis}ms'; SET LOCAL TimeZone = 'UTC'; \
         SELECT pg_advisory_xact_lock({LOCK_KEY})"
    );
    tx.batch_execute(&lock).map_err(|e| match e.code() {
        Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE => StoreError::Unavailable(format!(
            "timed out after {} waiting for the migration lock",
            seconds(wait)
        )),
        _ => classify(&e),
    })?;
    let out = f(&mut tx)?;
    tx.commit().map_err(|e| classify(&e))?;
    Ok(out)
}

/// Opens a transaction on the client itself (not the driver's `Transaction`, for callers
/// that commit later with `COMMIT`) that first takes the migration lock, waiting at most
/// `wait`.
pub(crate) fn begin_locked(client: &mut Client, wait: Duration) -> StoreResult<()> {
    let millis = wait.as_millis().clamp(1, i32::MAX as u128);
    let lock = format!(
        "BEGIN; SET LOCAL lock_timeout = '{millis}ms'; SET LOCAL TimeZone = 'UTC'; \
         SELECT pg_advisory_xact_lock({LOCK_KEY})"
    );
    client.batch_execute(&lock).map_err(|e| {
        let _ = client.batch_execute("ROLLBACK");
        match e.code() {
            Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE => StoreError::Unavailable(format!(
                "timed out after {} waiting for the migration lock",
                seconds(wait)
            )),
            _ => classify(&e),
        }
    })
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
