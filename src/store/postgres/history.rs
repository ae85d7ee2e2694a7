//! Applying migrations inside the migration lock's transaction, the way refinery would, and
//! refinery's history table (`refinery_schema_history`), which an earlier onboardctl's rewrite of
//! an ALwrity database wrote too.
//!
//! Why not refinery's runner: its postgres driver opens a transaction of its own for every
//! call, so the migrations could not share the transaction that holds the
//! transaction-scoped lock (`schema::locked`); and it reads the history with
//! `Transaction::query`, a named prepared statement (`s0`, `s1`, …). Behind a
//! transaction-mode pooler the server connection holding such a statement goes on to the
//! next client, whose own `s2` then fails with `prepared statement "s2" already exists`.
//! Here every statement is a simple query or an unnamed typed one.
//!
//! refinery still supplies the migrations (names, SQL and checksums, embedded at build time),
//! and the table stays exactly refinery's: its DDL, its row format (version, name, RFC 3339
//! `applied_on` in UTC, checksum as decimal text) and its checks at refinery's defaults
//! (`abort_divergent`, `abort_missing`), so databases refinery migrated and ours are one.

use postgres::types::Type;
use postgres::{SimpleQueryMessage, Transaction};
use refinery::Migration;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::error::classify;
use crate::store::migrations;
use crate::store::{MigrationInfo, StoreError, StoreResult};

/// refinery's DDL for its history table (`int4` versions, refinery's default).
pub(crate) const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS refinery_schema_history \
     (version int4 PRIMARY KEY, name VARCHAR(255), applied_on VARCHAR(255), \
     checksum VARCHAR(255))";

/// One history row, as far as the checks need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Applied {
    pub(crate) version: i64,
    pub(crate) name: String,
    pub(crate) checksum: u64,
}

/// Applies the pending ones of `migrations` in version order, each followed by its history
/// row, and returns them. Runs in the caller's transaction, which commits or rolls back all.
pub(crate) fn apply(
    tx: &mut Transaction<'_>,
    migrations: &[Migration],
) -> StoreResult<Vec<MigrationInfo>> {
    let applied = read(tx)?;
    let pending = pending(&applied, migrations)?;
    if !pending.is_empty() {
        tx.batch_execute(CREATE_TABLE).map_err(|e| classify(&e))?;
    }
    let mut out = Vec::new();
    for m in pending {
        let sql = m
            .sql()
            .ok_or_else(|| StoreError::Backend(format!("migration {m} carries no SQL")))?;
        tx.batch_execute(sql).map_err(|e| failed(m, &e))?;
        let on = OffsetDateTime::now_utc()
            .format(&Rfc3339)
            .map_err(|e| StoreError::Backend(format!("cannot format the time: {e}")))?;
        record(
            tx,
            i64::from(m.version()),
            m.name(),
            Some(&on),
            m.checksum(),
        )?;
        out.push(migrations::info(m, Some(on))?);
    }
    Ok(out)
}

/// A failing migration: the driver's error, named after the migration.
fn failed(m: &Migration, e: &postgres::Error) -> StoreError {
    match classify(e) {
        StoreError::Unavailable(why) => {
            StoreError::Unavailable(format!("migration {m} failed: {why}"))
        }
        StoreError::Conflict(why) | StoreError::Backend(why) => {
            StoreError::Backend(format!("migration {m} failed: {why}"))
        }
        other => other,
    }
}

/// The applied migrations, oldest first; none when the table does not exist yet (checked
/// first: a failing statement would abort the transaction). The check reads `pg_class` with
/// the statement's own snapshot: `to_regclass` may answer from the session's catalog cache,
/// which, right after waiting for the lock, can still miss the table the run that held the
/// lock just committed — and this run would then apply every migration again.
fn read(tx: &mut Transaction<'_>) -> StoreResult<Vec<Applied>> {
    let exists = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c \
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                  WHERE c.relname = 'refinery_schema_history' AND n.nspname = current_schema())";
    if first_value(&tx.simple_query(exists).map_err(|e| classify(&e))?) != Some("t") {
        return Ok(Vec::new());
    }
    let sql = "SELECT version, name, checksum FROM refinery_schema_history ORDER BY version";
    let messages = tx.simple_query(sql).map_err(|e| classify(&e))?;
    let bad =
        |what: &str| StoreError::Backend(format!("refinery_schema_history holds a bad {what}"));
    let mut out = Vec::new();
    for message in &messages {
        let SimpleQueryMessage::Row(row) = message else {
            continue;
        };
        let text = |i| row.try_get(i).map_err(|e| classify(&e));
        out.push(Applied {
            version: text(0)?
                .and_then(|v: &str| v.parse().ok())
                .ok_or_else(|| bad("version"))?,
            name: text(1)?.unwrap_or_default().to_owned(),
            checksum: text(2)?
                .and_then(|v: &str| v.parse().ok())
                .ok_or_else(|| bad("checksum"))?,
        });
    }
    Ok(out)
}

fn first_value(messages: &[SimpleQueryMessage]) -> Option<&str> {
    messages.iter().find_map(|m| match m {
        SimpleQueryMessage::Row(row) => row.get(0),
        _ => None,
    })
}

/// Writes one history row in refinery's format.
pub(crate) fn record(
    tx: &mut Transaction<'_>,
    version: i64,
    name: &str,
    applied_on: Option<&str>,
    checksum: u64,
) -> StoreResult<()> {
    let version = i32::try_from(version)
        .map_err(|_| StoreError::Backend(format!("bad migration version {version}")))?;
    tx.execute_typed(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
         VALUES ($1, $2, $3, $4)",
        &[
            (&version, Type::INT4),
            (&name, Type::TEXT),
            (&applied_on, Type::TEXT),
            (&checksum.to_string(), Type::TEXT),
        ],
    )
    .map(drop)
    .map_err(|e| classify(&e))
}

/// refinery's checks, at its defaults: every applied migration must be in `migrations`,
/// unchanged (same name and checksum); an unapplied versioned one older than the newest
/// applied is an error; two unapplied with one version are an error. The rest, sorted by
/// version, is pending.
pub(crate) fn pending<'m>(
    applied: &[Applied],
    migrations: &'m [Migration],
) -> StoreResult<Vec<&'m Migration>> {
    let mut ours: Vec<&Migration> = migrations.iter().collect();
    ours.sort_by_key(|m| m.version());
    for a in applied {
        match ours.iter().find(|m| i64::from(m.version()) == a.version) {
            None => {
                return Err(StoreError::Backend(format!(
                    "migration V{}__{} is applied but missing from this build",
                    a.version, a.name
                )))
            }
            Some(m) if m.name() != a.name || m.checksum() != a.checksum => {
                return Err(StoreError::Backend(format!(
                    "applied migration V{}__{} differs from this build's {m}",
                    a.version, a.name
                )))
            }
            Some(_) => {}
        }
    }
    let newest = applied.iter().map(|a| a.version).max();
    let mut out: Vec<&Migration> = Vec::new();
    for m in ours {
        let version = i64::from(m.version());
        if applied.iter().any(|a| a.version == version) {
            continue;
        }
        if out.iter().any(|o| o.version() == m.version()) {
            return Err(StoreError::Backend(format!(
                "two migrations have version {version}"
            )));
        }
        // refinery's `Display` of a migration starts with its prefix: V (versioned) or U.
        let versioned = m.to_string().starts_with('V');
        if versioned && newest.is_some_and(|n| n >= version) {
            return Err(StoreError::Backend(format!(
                "migration {m} was never applied, but a newer one was"
            )));
        }
        out.push(m);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migration(name: &str, sql: &str) -> Migration {
        Migration::unapplied(name, sql).unwrap()
    }

    fn applied(m: &Migration) -> Applied {
        Applied {
            version: i64::from(m.version()),
            name: m.name().to_owned(),
            checksum: m.checksum(),
        }
    }

    fn versions(list: &[&Migration]) -> Vec<i32> {
        list.iter().map(|m| m.version()).collect()
    }

    #[test]
    fn pending_are_the_unapplied_in_version_order() {
        let all = [migration("V2__b", "b"), migration("V1__a", "a")];
        assert_eq!(versions(&pending(&[], &all).unwrap()), [1, 2]);
        let one = [applied(&all[1])];
        assert_eq!(versions(&pending(&one, &all).unwrap()), [2]);
        let both = [applied(&all[1]), applied(&all[0])];
        assert!(pending(&both, &all).unwrap().is_empty());
    }

    #[test]
    fn refinerys_checks_hold() {
        let v1 = migration("V1__a", "a");
        let changed = migration("V1__a", "a changed");
        let v2 = migration("V2__b", "b");
        let e = pending(&[applied(&v1)], std::slice::from_ref(&changed)).unwrap_err();
        assert!(e.to_string().contains("differs"), "{e}");
        let e = pending(&[applied(&v2)], std::slice::from_ref(&v1)).unwrap_err();
        assert!(e.to_string().contains("missing from this build"), "{e}");
        let e = pending(&[applied(&v2)], &[v1.clone(), v2.clone()]).unwrap_err();
        assert!(e.to_string().contains("never applied"), "{e}");
        let twice = [v1.clone(), migration("V1__again", "x")];
        assert!(pending(&[], &twice).is_err());
    }

    #[test]
    fn the_table_is_refinerys() {
        // refinery-core's ASSERT_MIGRATIONS_TABLE_QUERY with int4 versions.
        for column in [
            "version int4 PRIMARY KEY",
            "name VARCHAR(255)",
            "applied_on",
        ] {
            assert!(CREATE_TABLE.contains(column), "{column}");
        }
    }
}
