//! PostgreSQL fixtures and the tests only PostgreSQL has (`tls`, `connect`, `migrate`,
//! `errors`, `zones`, and `pooler`: everything again through PgBouncer).
//!
//! Every test gets its own schema, `onboardctl_test_<pid>_<nanos>_<n>`, reached through
//! `options=-csearch_path=<schema>` in the URL, so refinery's history table lands there too
//! and tests run in parallel; the schema is dropped when the fixture is. The server comes
//! from `ONBOARDCTL_TEST_PG_URL` (e.g. `postgres://postgres@127.0.0.1:5432/test`); without it
//! each test prints a notice and passes, unless `CI` is set, where it fails.

mod connect;
mod errors;
mod migrate;
pub mod pooler;
#[path = "../../shared/pg_slots.rs"]
mod slots;
mod tls;
mod zones;

use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;
use std::time::{SystemTime, UNIX_EPOCH};

use onboardctl::config::{DbUrl, PgUrl};
use onboardctl::store::postgres::PgStore;
use postgres::{Client, NoTls};

use crate::support::Fixture;

/// The test server's URL, or `None` (with a notice) to skip; panics under CI.
pub fn server_url() -> Option<String> {
    match std::env::var("ONBOARDCTL_TEST_PG_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set but ONBOARDCTL_TEST_PG_URL is not: the PostgreSQL tests must run")
        }
        _ => {
            // Once per run, and past libtest's capture (which hides `eprintln!` of passing
            // tests), so the skip is seen.
            static NOTICE: Once = Once::new();
            NOTICE.call_once(|| {
                let _ = std::io::stderr().write_all(
                    b"\n*** NOTICE: ONBOARDCTL_TEST_PG_URL is not set: the PostgreSQL tests are \
                      SKIPPED (set it, e.g. to postgres://postgres@127.0.0.1:5432/test) ***\n\n",
                );
            });
            None
        }
    }
}

/// Prints a skip notice past libtest's output capture, so it is seen even when the test
/// passes.
pub fn notice(text: &str) {
    let _ = writeln!(std::io::stderr(), "NOTICE: {text}");
}

/// `url` with `extra` (`k=v&k=v`) appended to its query.
pub fn with_params(url: &str, extra: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{extra}")
}

/// Parses a PostgreSQL URL the way the CLI does.
pub fn pg_url(url: &str) -> PgUrl {
    match DbUrl::parse(url).expect("test URL parses") {
        DbUrl::Postgres(pg) => pg,
        other => panic!("not a PostgreSQL URL: {other:?}"),
    }
}

/// A plain driver connection for setup and inspection, bypassing the store.
pub fn admin(url: &str) -> Client {
    Client::connect(pg_url(url).driver_url(), NoTls).expect("admin connection to the test server")
}

/// A fresh schema on the test server, dropped (with everything in it) on drop.
pub struct TestSchema {
    server: String,
    /// The schema's name.
    pub name: String,
}

impl TestSchema {
    /// Creates the schema; `None` when the tests are skipped.
    pub fn create() -> Option<TestSchema> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let server = server_url()?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("onboardctl_test_{}_{nanos}_{n}", std::process::id());
        admin(&server)
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .expect("create schema");
        Some(TestSchema { server, name })
    }

    /// The server URL with `search_path` set to this schema.
    pub fn url(&self) -> String {
        with_params(
            &self.server,
            &format!("options=-csearch_path%3D{}", self.name),
        )
    }

    /// The server's URL (no schema).
    pub fn server(&self) -> &str {
        &self.server
    }

    /// [`TestSchema::url`] with more parameters.
    pub fn url_with(&self, extra: &str) -> String {
        with_params(&self.url(), extra)
    }

    /// A store on this schema (fresh: nothing migrated).
    pub fn store(&self) -> PgStore {
        PgStore::connect(&pg_url(&self.url())).expect("connect to the test schema")
    }

    /// A driver connection whose `search_path` is this schema.
    pub fn admin(&self) -> Client {
        admin(&self.url())
    }

    /// Tables in this schema, sorted.
    pub fn tables(&self) -> Vec<String> {
        let sql = "SELECT tablename::text FROM pg_tables WHERE schemaname = $1 ORDER BY 1";
        let rows = self.admin().query(sql, &[&self.name]).expect("list tables");
        rows.iter().map(|r| r.get(0)).collect()
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        let drop = format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name);
        if let Err(e) = admin(&self.server).batch_execute(&drop) {
            eprintln!("warning: could not drop test schema {}: {e}", self.name);
        }
    }
}

/// The conformance factory: a fresh, unmigrated store in its own schema.
pub fn fixture() -> Option<Fixture> {
    let schema = TestSchema::create()?;
    let store = schema.store();
    let url = pg_url(&schema.url());
    let reopen: crate::support::Reopen = std::sync::Arc::new(move || {
        Box::new(PgStore::connect(&url).expect("reconnect to the test schema"))
    });
    Some(Fixture::new(Box::new(store), Box::new(schema)).with_reopen(reopen))
}
