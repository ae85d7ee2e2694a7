//! The SQLite half of the ALwrity store ([`crate::store::alwrity`]): its [`Conn`] over one
//! rusqlite connection, and the detection at open of a file ALwrity made. Nothing here
//! changes the file's journal mode or any persistent setting: a read command opens the file
//! read-only, and a write takes `BEGIN IMMEDIATE` only for its own short transaction.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::Connection;

use super::convert::ts_text;
use super::error::map_err;
use crate::domain::UserId;
use crate::store::alwrity::conn::{Catalog, Conn, Sql, Types, Val};
use crate::store::{Backend, StoreResult};

/// One rusqlite connection to a file ALwrity made.
pub(crate) struct SqliteConn {
    conn: Connection,
    location: String,
    path: Option<PathBuf>,
}

impl SqliteConn {
    /// The connection (already set up as every SQLite connection of onboardctl is).
    pub(crate) fn new(conn: Connection, location: String, path: Option<PathBuf>) -> SqliteConn {
        SqliteConn {
            conn,
            location,
            path,
        }
    }
}

/// Whether the opened database is one ALwrity made: ALwrity's `onboarding_sessions` without
/// onboardctl's own `onboarding_steps` (a database onboardctl created, or that an earlier
/// onboardctl rewrote into its schema, has that table). One statement.
pub(crate) fn made_by_alwrity(conn: &Connection) -> StoreResult<bool> {
    let mut st = conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE name = 'onboarding_sessions'), \
             count(*) FILTER (WHERE name = 'onboarding_steps') FROM sqlite_master \
             WHERE type = 'table' AND name IN ('onboarding_sessions', 'onboarding_steps')",
        )
        .map_err(map_err)?;
    let (sessions, steps): (i64, i64) = st
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(map_err)?;
    Ok(sessions > 0 && steps == 0)
}

fn to_sql(v: &Val) -> SqlValue {
    match v {
        Val::Null => SqlValue::Null,
        Val::Int(i) => SqlValue::Integer(*i),
        Val::Real(f) => SqlValue::Real(*f),
        Val::Text(s) => SqlValue::Text(s.clone()),
        Val::Json(j) => SqlValue::Text(j.to_string()),
        Val::Time(t) => SqlValue::Text(ts_text(*t)),
        Val::Bool(b) => SqlValue::Integer(i64::from(*b)),
    }
}

fn from_sql(v: ValueRef<'_>) -> Val {
    match v {
        ValueRef::Null => Val::Null,
        ValueRef::Integer(i) => Val::Int(i),
        ValueRef::Real(f) => Val::Real(f),
        ValueRef::Text(b) | ValueRef::Blob(b) => Val::Text(String::from_utf8_lossy(b).into_owned()),
    }
}

/// Catalogs read before, by their key (see `SqliteConn::catalog`): the columns of a table
/// follow from its `CREATE` text, so files whose tables have the same names and text have
/// the same catalog. At most [`CATALOG_CACHE`] schemas are kept.
static CATALOGS: Mutex<BTreeMap<String, Catalog>> = Mutex::new(BTreeMap::new());

/// How many distinct schemas [`CATALOGS`] keeps (a few KiB each).
const CATALOG_CACHE: usize = 16;

impl SqliteConn {
    /// The columns of those of `tables` that exist, read from the file.
    fn read_catalog(&mut self, tables: &[&str]) -> StoreResult<Catalog> {
        let list: Vec<String> = tables.iter().map(|t| format!("'{t}'")).collect();
        let sql = format!(
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name IN ({})",
            list.join(", ")
        );
        let mut catalog = Catalog::new();
        for row in self.query(&sql, &[])? {
            if let (Some(t), Some(c)) = (row[0].text(), row[1].text()) {
                catalog.entry(t).or_default().insert(c);
            }
        }
        Ok(catalog)
    }
}

/// On `&Connection`: rusqlite needs no `&mut` to run a statement, and the native store's
/// bundle code holds a shared borrow.
impl Sql for &Connection {
    fn query(&mut self, sql: &str, params: &[Val]) -> StoreResult<Vec<Vec<Val>>> {
        let mut st = self.prepare_cached(sql).map_err(map_err)?;
        let n = st.column_count();
        let values: Vec<SqlValue> = params.iter().map(to_sql).collect();
        let mut rows = st
            .query(rusqlite::params_from_iter(values.iter()))
            .map_err(map_err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(map_err)? {
            let mut vals = Vec::with_capacity(n);
            for i in 0..n {
                vals.push(from_sql(row.get_ref(i).map_err(map_err)?));
            }
            out.push(vals);
        }
        Ok(out)
    }

    fn execute(&mut self, sql: &str, params: &[Val]) -> StoreResult<u64> {
        let values: Vec<SqlValue> = params.iter().map(to_sql).collect();
        let n = self
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(rusqlite::params_from_iter(values.iter())))
            .map_err(map_err)?;
        Ok(n as u64)
    }
}

impl Sql for SqliteConn {
    fn query(&mut self, sql: &str, params: &[Val]) -> StoreResult<Vec<Vec<Val>>> {
        Sql::query(&mut &self.conn, sql, params)
    }

    fn execute(&mut self, sql: &str, params: &[Val]) -> StoreResult<u64> {
        Sql::execute(&mut &self.conn, sql, params)
    }
}

impl Conn for SqliteConn {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn location(&self) -> String {
        self.location.clone()
    }

    fn file(&self) -> Option<PathBuf> {
        self.path.clone()
    }

    fn batch(&mut self, sql: &str) -> StoreResult<()> {
        self.conn.execute_batch(sql).map_err(map_err)
    }

    fn begin_write(&mut self, _user: Option<&UserId>) -> StoreResult<()> {
        // Freed cells and pages are zeroed (a connection setting, nothing is written to the
        // file for it), so a deleted key leaves no byte behind; the write lock up front, so
        // the busy timeout waits out ALwrity's writer instead of failing halfway.
        self.conn
            .execute_batch("PRAGMA secure_delete = ON; BEGIN IMMEDIATE")
            .map_err(map_err)
    }

    fn begin_migration(&mut self) -> StoreResult<()> {
        self.begin_write(None)
    }

    fn commit(&mut self) -> StoreResult<()> {
        self.conn.execute_batch("COMMIT").map_err(map_err)
    }

    fn rollback(&mut self) -> StoreResult<()> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        self.conn.execute_batch("ROLLBACK").map_err(map_err)
    }

    /// The catalog, from [`CATALOGS`] when a file with the same tables was read before (the
    /// files of a workspace mostly share one schema): the key, every table's name and
    /// `CREATE` text, takes one plain statement, where reading the columns prepares a
    /// `PRAGMA` per table.
    fn catalog(&mut self, tables: &[&str]) -> StoreResult<Catalog> {
        let schema = self.query(
            "SELECT group_concat(name || char(31) || coalesce(sql, ''), char(30)) \
             FROM sqlite_master WHERE type = 'table'",
            &[],
        )?;
        let key = format!(
            "{}\u{1e}{}",
            tables.join("\u{1f}"),
            schema.first().and_then(|r| r[0].text()).unwrap_or_default()
        );
        if let Some(hit) = CATALOGS.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(hit);
        }
        let catalog = self.read_catalog(tables)?;
        if let Ok(mut cache) = CATALOGS.lock() {
            if cache.len() < CATALOG_CACHE {
                cache.insert(key, catalog.clone());
            }
        }
        Ok(catalog)
    }

    fn tables_with_column(&mut self, column: &str) -> StoreResult<Vec<String>> {
        let rows = self.query(
            "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND p.name = ?1 ORDER BY m.name",
            &[Val::Text(column.to_owned())],
        )?;
        Ok(rows.iter().filter_map(|r| r[0].text()).collect())
    }

    fn bytewise(&self, column: &str) -> String {
        column.to_owned()
    }

    fn types(&self) -> Types {
        Types {
            own_json: "JSON",
            own_time: "DATETIME",
            alwrity_json: "JSON",
            alwrity_time: "DATETIME",
            serial: "INTEGER PRIMARY KEY AUTOINCREMENT",
        }
    }
}

/// The onboarding tables of a HEAD per-user file, as ALwrity's models create them.
const HEAD_ONBOARDING_DDL: &str = include_str!("../../../sql/alwrity/head_onboarding.sql");

/// Creates the per-user file `path` as ALwrity HEAD would begin it: its onboarding tables
/// (`sql/alwrity/head_onboarding.sql`) and nothing else, in the rollback journal mode ALwrity
/// uses, mode 0600 (it will hold keys). The folders above it are created as needed (0700).
/// The file is built under a temporary name beside it and linked into place only whole, so
/// ALwrity never opens a half-made file; if ALwrity created the file meanwhile, theirs is
/// kept and `Ok(false)` returned.
pub(crate) fn create_head_file(path: &std::path::Path) -> StoreResult<bool> {
    use std::os::unix::fs::DirBuilderExt;
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        crate::store::StoreError::Unavailable(format!("cannot {what} `{}`: {e}", path.display()))
    };
    let dir = path
        .parent()
        .ok_or_else(|| fail("create", &"no parent folder"))?;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| fail("create the folder of", &e))?;
    let tmp = dir.join(format!(
        ".{}.onboardctl-{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("new.db"),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&tmp);
    let built = (|| -> StoreResult<()> {
        super::create_private(&tmp)?;
        let conn = Connection::open(&tmp).map_err(map_err)?;
        conn.execute_batch(&format!("BEGIN; {HEAD_ONBOARDING_DDL} COMMIT;"))
            .map_err(map_err)?;
        conn.close().map_err(|(_, e)| map_err(e))
    })();
    let linked = built.and_then(|()| match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(fail("create", &e)),
    });
    let _ = std::fs::remove_file(&tmp);
    if linked.is_ok() {
        // The new name is durable only once its folder is.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    linked
}

/// The session rows of a file, `(user_id, updated_at as stored text)` in rowid order, read
/// with one statement on a read-only connection (`db status` on a workspace).
pub(crate) fn session_rows(
    path: &std::path::Path,
    busy: std::time::Duration,
) -> StoreResult<Vec<(String, Option<String>)>> {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(map_err)?;
    conn.busy_timeout(busy).map_err(map_err)?;
    let mut st = conn
        .prepare("SELECT user_id, CAST(updated_at AS TEXT) FROM onboarding_sessions ORDER BY rowid")
        .map_err(map_err)?;
    let rows = st
        .query_map([], |r| {
            let id: Option<String> = r.get(0)?;
            Ok((id.unwrap_or_default(), r.get(1)?))
        })
        .and_then(Iterator::collect)
        .map_err(map_err)?;
    Ok(rows)
}
