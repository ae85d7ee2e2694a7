//! Which backend the CLI suite drives, and the re-runs that make one `cargo test` cover all.
//!
//! A plain run drives SQLite. When `ONBOARDCTL_TEST_PG_URL` names a server, the test
//! [`whole_suite_on_postgres`] runs this same test binary again with
//! `ONBOARDCTL_CLI_BACKEND=postgres`, where every [`crate::TestDb`] is a fresh schema on that
//! server (dropped afterwards, reached through `options=-csearch_path=…` in the URL). When
//! `ONBOARDCTL_TEST_PGBOUNCER_URL` also names a transaction-mode PgBouncer in front of it,
//! [`whole_suite_through_pgbouncer`] runs it a third time with
//! `ONBOARDCTL_CLI_BACKEND=pgbouncer`: every command of every test goes through the pooler
//! (the binary's URL names it), concurrent `db migrate` processes and the concurrent writers
//! of `concurrency.rs` included. PgBouncer refuses `options`, so there each `TestDb` is a
//! database of its own instead: a recycled slot (`tests/shared/pg_slots.rs`), emptied
//! before use. Without a URL a re-run prints a notice and passes, unless `CI` is set, where
//! it fails: in CI every half is mandatory.

use std::io::Write;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use std::sync::Mutex;

use postgres::{Client, NoTls};

#[path = "../shared/pg_slots.rs"]
mod slots;

const BACKEND_VAR: &str = "ONBOARDCTL_CLI_BACKEND";
const SERVER_VAR: &str = "ONBOARDCTL_TEST_PG_URL";
const POOLER_VAR: &str = "ONBOARDCTL_TEST_PGBOUNCER_URL";

/// Whether this process is a PostgreSQL re-run (direct or through the pooler).
pub fn on_postgres() -> bool {
    matches!(
        std::env::var(BACKEND_VAR).as_deref(),
        Ok("postgres" | "pgbouncer")
    )
}

/// Whether this process is the re-run through PgBouncer.
pub fn on_pooler() -> bool {
    std::env::var(BACKEND_VAR).as_deref() == Ok("pgbouncer")
}

fn server() -> String {
    std::env::var(SERVER_VAR).expect("the PostgreSQL re-runs always have the server URL")
}

fn pooler() -> String {
    std::env::var(POOLER_VAR).expect("the pooler re-run always has the pooler URL")
}

/// One test's own place on the server: a fresh schema (dropped with everything in it on
/// drop), or on the pooler re-run a database slot of its own (recycled on drop).
pub struct PgSchema {
    name: String,
    slot: Option<slots::Slot>,
}

impl PgSchema {
    /// Creates `onboardctl_cli_<pid>_<nanos>_<n>` on the test server, or takes a slot.
    pub fn create() -> PgSchema {
        if on_pooler() {
            let slot = slots::Slot::take(&server());
            return PgSchema {
                name: slot.name.clone(),
                slot: Some(slot),
            };
        }
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("onboardctl_cli_{}_{nanos}_{n}", std::process::id());
        admin()
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .expect("create schema");
        PgSchema { name, slot: None }
    }

    /// The server URL with `search_path` set to this schema (refinery's history table
    /// included), or the pooler's URL naming the slot's database.
    pub fn url(&self) -> String {
        if let Some(slot) = &self.slot {
            return slot.url_on(&pooler());
        }
        let server = server();
        let sep = if server.contains('?') { '&' } else { '?' };
        format!("{server}{sep}options=-csearch_path%3D{}", self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if self.slot.is_some() {
            return; // the slot is emptied by its next user
        }
        let sql = format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name);
        if let Err(e) = admin().batch_execute(&sql) {
            eprintln!("warning: could not drop test schema {}: {e}", self.name);
        }
    }
}

fn admin() -> Client {
    Client::connect(&server(), NoTls).expect("connect to the PostgreSQL test server")
}

/// Runs every other test of this binary again on PostgreSQL and fails if any fails there.
#[test]
fn whole_suite_on_postgres() {
    rerun("postgres", &[SERVER_VAR]);
}

/// Runs every other test of this binary again through PgBouncer and fails if any fails.
#[test]
fn whole_suite_through_pgbouncer() {
    rerun("pgbouncer", &[SERVER_VAR, POOLER_VAR]);
}

/// Re-runs the suite with `ONBOARDCTL_CLI_BACKEND=backend` when every variable of `needs`
/// is set; one re-run at a time (two at once would starve the two cores of CI).
fn rerun(backend: &str, needs: &[&str]) {
    if on_postgres() {
        return;
    }
    let missing: Vec<&str> = needs
        .iter()
        .copied()
        .filter(|v| std::env::var(v).map_or(true, |u| u.trim().is_empty()))
        .collect();
    if !missing.is_empty() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but {missing:?} is not: the CLI suite must also run on {backend}");
        }
        let _ = writeln!(
            std::io::stderr(),
            "\n*** NOTICE: {missing:?} not set: the CLI suite did not run on {backend} ***\n"
        );
        return;
    }
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = Command::new(exe)
        .args(["--skip", "whole_suite_", "--test-threads", "4"])
        .env(BACKEND_VAR, backend)
        .output()
        .expect("re-run the CLI suite");
    let report = String::from_utf8_lossy(&out.stdout);
    let summary = report
        .lines()
        .rev()
        .find(|l| l.starts_with("test result:"))
        .unwrap_or("no summary");
    assert!(
        out.status.success(),
        "the CLI suite failed on {backend} ({summary})\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = writeln!(std::io::stderr(), "CLI suite on {backend}: {summary}");
}
