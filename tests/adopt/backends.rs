//! One empty database per test, on each backend, reachable both through a [`Store`] and
//! through a [`Raw`] connection. PostgreSQL tests get their own schema on the server named
//! by `ONBOARDCTL_TEST_PG_URL` (dropped afterwards); without it they print a notice and pass,
//! unless `CI` is set, where they fail.

use std::any::Any;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;
use std::time::{SystemTime, UNIX_EPOCH};

use onboardctl::config::DbUrl;
use onboardctl::store::postgres::PgStore;
use onboardctl::store::sqlite::SqliteStore;
use onboardctl::store::{Backend, Store};
use postgres::{Client, NoTls};

use crate::raw::{PgRaw, Raw, SqliteRaw};

/// A test's database.
pub struct TestDb {
    /// The store under test (opened on the database before any table exists).
    pub store: Box<dyn Store>,
    /// A raw connection to the same database.
    pub raw: Box<dyn Raw>,
    /// The `--database-url` of this database.
    pub url: String,
    /// The SQLite file, when SQLite.
    pub file: Option<PathBuf>,
    _keep: Box<dyn Any>,
}

impl TestDb {
    /// Which backend.
    pub fn backend(&self) -> Backend {
        self.raw.backend()
    }

    /// A second store on the same database; on PostgreSQL with the session `TimeZone`
    /// set to `tz` at connect (the store must pin its own).
    pub fn open_store(&self, tz: Option<&str>) -> Box<dyn Store> {
        let url = match tz {
            Some(tz) => self
                .url
                .replacen("options=", &format!("options=-cTimeZone%3D{tz}%20"), 1),
            None => self.url.clone(),
        };
        match DbUrl::parse(&url).expect("test URL parses") {
            DbUrl::Sqlite(path) => Box::new(SqliteStore::open(&path).expect("open SQLite")),
            DbUrl::Postgres(pg) => Box::new(PgStore::connect(&pg).expect("connect")),
            DbUrl::Workspace(_) => unreachable!("the attach suite builds single databases"),
        }
    }
}

/// A fresh SQLite file.
pub fn sqlite() -> Option<TestDb> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("alwrity.db");
    let raw = rusqlite::Connection::open(&file).expect("raw SQLite connection");
    // As ALwrity's Python has it (the bundled SQLite would default to on).
    raw.pragma_update(None, "foreign_keys", false).unwrap();
    let store = SqliteStore::open(&file).expect("open SQLite");
    Some(TestDb {
        store: Box::new(store),
        raw: Box::new(SqliteRaw(raw)),
        url: format!("sqlite:{}", file.display()),
        file: Some(file),
        _keep: Box::new(dir),
    })
}

/// The PostgreSQL server, or `None` (with a notice) to skip; panics under CI.
pub fn pg_server() -> Option<String> {
    match std::env::var("ONBOARDCTL_TEST_PG_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set but ONBOARDCTL_TEST_PG_URL is not: the PostgreSQL tests must run")
        }
        _ => {
            static NOTICE: Once = Once::new();
            NOTICE.call_once(|| {
                let _ = std::io::stderr().write_all(
                    b"\n*** NOTICE: ONBOARDCTL_TEST_PG_URL is not set: the PostgreSQL adoption \
                      tests are SKIPPED ***\n\n",
                );
            });
            None
        }
    }
}

/// A schema on the test server, dropped with everything in it.
pub struct PgSchema {
    server: String,
    name: String,
}

impl PgSchema {
    /// Creates `onboardctl_adopt_<pid>_<nanos>_<n>`; `None` when skipped.
    pub fn create() -> Option<PgSchema> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let server = pg_server()?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("onboardctl_adopt_{}_{nanos}_{n}", std::process::id());
        admin(&server)
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .expect("create schema");
        Some(PgSchema { server, name })
    }

    /// The server URL with `search_path` set to this schema.
    pub fn url(&self) -> String {
        let sep = if self.server.contains('?') { '&' } else { '?' };
        format!("{}{sep}options=-csearch_path%3D{}", self.server, self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let sql = format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name);
        if let Err(e) = admin(&self.server).batch_execute(&sql) {
            eprintln!("warning: could not drop test schema {}: {e}", self.name);
        }
    }
}

fn admin(url: &str) -> Client {
    Client::connect(&driver_url(url), NoTls).expect("connect to the test server")
}

/// The URL as the driver takes it (the CLI's own parsing).
fn driver_url(url: &str) -> String {
    match DbUrl::parse(url).expect("test URL parses") {
        DbUrl::Postgres(pg) => pg.driver_url().to_owned(),
        other => panic!("not PostgreSQL: {other:?}"),
    }
}

/// A fresh PostgreSQL schema.
pub fn postgres() -> Option<TestDb> {
    let schema = PgSchema::create()?;
    let url = schema.url();
    let raw = admin(&url);
    let store = match DbUrl::parse(&url).expect("parses") {
        DbUrl::Postgres(pg) => PgStore::connect(&pg).expect("connect"),
        _ => unreachable!(),
    };
    Some(TestDb {
        store: Box::new(store),
        raw: Box::new(PgRaw(raw)),
        url,
        file: None,
        _keep: Box::new(schema),
    })
}
