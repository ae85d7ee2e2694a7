//! Which backend the CLI suite drives, and the re-run that makes one `cargo test` cover both.
//!
//! A plain run drives SQLite. When `ONBOARDCTL_TEST_PG_URL` names a server, the test
//! [`whole_suite_on_postgres`] runs this same test binary again with
//! `ONBOARDCTL_CLI_BACKEND=postgres`, where every [`crate::TestDb`] is a fresh schema on that
//! server (dropped afterwards). Without the URL it prints a notice and passes, unless `CI` is
//! set, where it fails: in CI the PostgreSQL half is mandatory.

use std::io::Write;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use postgres::{Client, NoTls};

const BACKEND_VAR: &str = "ONBOARDCTL_CLI_BACKEND";
const SERVER_VAR: &str = "ONBOARDCTL_TEST_PG_URL";

/// Whether this process is the PostgreSQL re-run.
pub fn on_postgres() -> bool {
    std::env::var(BACKEND_VAR).as_deref() == Ok("postgres")
}

fn server() -> String {
    std::env::var(SERVER_VAR).expect("the PostgreSQL re-run always has the server URL")
}

/// A fresh schema for one test, dropped with everything in it on drop.
pub struct PgSchema {
    name: String,
}

impl PgSchema {
    /// Creates `onboardctl_cli_<pid>_<nanos>_<n>` on the test server.
    pub fn create() -> PgSchema {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("onboardctl_cli_{}_{nanos}_{n}", std::process::id());
        admin()
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .expect("create schema");
        PgSchema { name }
    }

    /// The server URL with `search_path` set to this schema (refinery's history table
    /// included).
    pub fn url(&self) -> String {
        let server = server();
        let sep = if server.contains('?') { '&' } else { '?' };
        format!("{server}{sep}options=-csearch_path%3D{}", self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
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
    if on_postgres() {
        return;
    }
    match std::env::var(SERVER_VAR) {
        Ok(url) if !url.trim().is_empty() => {}
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set but {SERVER_VAR} is not: the CLI suite must also run on PostgreSQL")
        }
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "\n*** NOTICE: {SERVER_VAR} is not set: the CLI suite ran on SQLite only ***\n"
            );
            return;
        }
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = Command::new(exe)
        .args(["--skip", "whole_suite_on_postgres", "--test-threads", "4"])
        .env(BACKEND_VAR, "postgres")
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
        "the CLI suite failed on PostgreSQL ({summary})\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = writeln!(std::io::stderr(), "CLI suite on PostgreSQL: {summary}");
}
