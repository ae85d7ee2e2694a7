//! Through a transaction-mode pooler: PgBouncer with its default settings
//! (`pool_mode = transaction`), named by `ONBOARDCTL_TEST_PGBOUNCER_URL` (e.g.
//! `postgres://postgres@127.0.0.1:6432/test`; `.ci/run` starts one). The whole conformance
//! suite runs through it ([`fixture`]: one recycled database per test, see `slots`), and the
//! tests here check what only a pooler shows, with the real binary: concurrent `db migrate`
//! processes apply once, never fail with `prepared statement … already exists`, and leave no
//! lock behind — a direct connection takes the migration lock at once after they exit — and
//! the same for adopting an ALwrity database. Without the URL each test prints a notice and
//! passes, unless `CI` is set, where it fails.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Once};

use onboardctl::store::postgres::PgStore;

use super::slots::Slot;
use super::{admin, pg_url, server_url};
use crate::support::{Fixture, Reopen};

const POOLER_VAR: &str = "ONBOARDCTL_TEST_PGBOUNCER_URL";

/// ALwrity's seed-era tables as SQLAlchemy made them on PostgreSQL (naive `timestamp`,
/// `json`, no unique constraints), with one user's session and key.
pub const ALWRITY_SEED: &str = "
CREATE TABLE onboarding_sessions (id SERIAL PRIMARY KEY, user_id VARCHAR(255) NOT NULL,
    current_step INTEGER, progress FLOAT, started_at TIMESTAMP WITHOUT TIME ZONE,
    updated_at TIMESTAMP WITHOUT TIME ZONE);
CREATE TABLE api_keys (id SERIAL PRIMARY KEY,
    session_id INTEGER REFERENCES onboarding_sessions (id),
    provider VARCHAR(64) NOT NULL, \"key\" VARCHAR(256) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE, updated_at TIMESTAMP WITHOUT TIME ZONE);
CREATE TABLE website_analyses (id SERIAL PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    website_url VARCHAR(500) NOT NULL, analysis_date TIMESTAMP WITHOUT TIME ZONE,
    writing_style JSON, content_characteristics JSON, target_audience JSON, content_type JSON,
    recommended_settings JSON, crawl_result JSON, style_patterns JSON, style_guidelines JSON,
    status VARCHAR(50), error_message TEXT, warning_message TEXT,
    created_at TIMESTAMP WITHOUT TIME ZONE, updated_at TIMESTAMP WITHOUT TIME ZONE);
CREATE TABLE research_preferences (id SERIAL PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    research_depth VARCHAR(50) NOT NULL, content_types JSON NOT NULL, auto_research BOOLEAN,
    factual_content BOOLEAN, writing_style JSON, content_characteristics JSON,
    target_audience JSON, recommended_settings JSON,
    created_at TIMESTAMP WITHOUT TIME ZONE, updated_at TIMESTAMP WITHOUT TIME ZONE);
CREATE TABLE persona_data (id SERIAL PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    core_persona JSON, platform_personas JSON, quality_metrics JSON, selected_platforms JSON,
    created_at TIMESTAMP WITHOUT TIME ZONE, updated_at TIMESTAMP WITHOUT TIME ZONE);
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at)
    VALUES ('legacy', 2, 16.7, '2025-01-15 10:00:00', '2025-01-15 11:00:00');
INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at)
    VALUES (1, 'gemini', 'AIzaFAKE_LEGACY_0000000000000000000000', '2025-01-15 10:30:00',
            '2025-01-15 10:30:00');
";

/// The pooler's URL, or `None` (with a notice) to skip; panics under CI.
pub fn pooler_server() -> Option<String> {
    match std::env::var(POOLER_VAR) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set but {POOLER_VAR} is not: the pooler tests must run")
        }
        _ => {
            static NOTICE: Once = Once::new();
            NOTICE.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "\n*** NOTICE: {POOLER_VAR} is not set: the PgBouncer tests are SKIPPED \
                     (set it, e.g. to postgres://postgres@127.0.0.1:6432/test) ***\n"
                );
            });
            None
        }
    }
}

/// A database of one test's own, reachable through the pooler and directly.
pub struct PooledDb {
    /// Through the pooler.
    pub url: String,
    /// The same database, directly on the server.
    pub direct: String,
    slot: Slot,
}

impl PooledDb {
    /// A fresh, empty database; `None` when the pooler tests are skipped.
    pub fn take() -> Option<PooledDb> {
        let pooler = pooler_server()?;
        let server = server_url()?;
        let slot = Slot::take(pg_url(&server).driver_url());
        Some(PooledDb {
            url: slot.url_on(&pooler),
            direct: slot.url_on(&server),
            slot,
        })
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.slot.name
    }

    /// Whether a direct connection can take the migration lock right now (and gives it
    /// back), and no advisory lock at all is held in the database.
    pub fn migration_lock_is_free(&self) -> bool {
        let key = PgStore::connect(&pg_url(&self.direct))
            .expect("direct store")
            .migration_lock_key()
            .expect("lock key");
        let mut direct = admin(&self.direct);
        let held: i64 = direct
            .query_one(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' \
                 AND database = (SELECT oid FROM pg_database WHERE datname = $1)",
                &[&self.name()],
            )
            .expect("count advisory locks")
            .get(0);
        let free: bool = direct
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
            .expect("try the migration lock")
            .get(0);
        held == 0 && free
    }
}

/// The conformance factory through the pooler: a fresh, unmigrated store on its own
/// database.
pub fn fixture() -> Option<Fixture> {
    let db = PooledDb::take()?;
    let url = pg_url(&db.url);
    let store = PgStore::connect(&url).expect("connect through the pooler");
    let reopen: Reopen =
        Arc::new(move || Box::new(PgStore::connect(&url).expect("reconnect through the pooler")));
    Some(Fixture::new(Box::new(store), Box::new(db)).with_reopen(reopen))
}

/// The binary on `url` with a scrubbed environment, not yet started.
fn onboardctl(url: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_onboardctl"));
    for var in [
        "DATABASE_URL",
        "ONBOARDCTL_DATABASE_URL",
        "ONBOARDCTL_MASTER_KEY",
    ] {
        cmd.env_remove(var);
    }
    cmd.args(["--no-dotenv", "--database-url", url])
        .args(args)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs `n` `db migrate` processes at once through the pooler; each must succeed without a
/// prepared-statement clash. Returns how many migrations each applied.
fn concurrent_migrations(db: &PooledDb, n: usize) -> Vec<usize> {
    let args = ["--json", "db", "migrate", "--yes", "--lock-timeout", "30"];
    let children: Vec<_> = (0..n)
        .map(|_| {
            onboardctl(&db.url, &args)
                .spawn()
                .expect("spawn db migrate")
        })
        .collect();
    let mut applied: Vec<usize> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().expect("db migrate finishes");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "db migrate failed: {err}");
            assert!(!err.contains("prepared statement"), "{err}");
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            v["applied"].as_array().map_or(0, Vec::len)
        })
        .collect();
    applied.sort_unstable();
    applied
}

fn ok(out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "failed: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn concurrent_migrations_through_the_pooler_apply_once_and_leave_no_lock() {
    let Some(db) = PooledDb::take() else {
        return;
    };
    let applied = concurrent_migrations(&db, 4);
    assert_eq!(
        applied[..3],
        [0, 0, 0],
        "the others find nothing: {applied:?}"
    );
    assert!(applied[3] >= 1, "one applies everything: {applied:?}");
    assert!(
        db.migration_lock_is_free(),
        "no lock outlives the runs on an idle pooled connection"
    );
    // The server connections those runs used serve other commands, then migrations again.
    let run = |args: &[&str]| ok(onboardctl(&db.url, args).output().expect("runs"));
    run(&["session", "create", "pooled"]);
    run(&["progress", "step", "pooled", "1", "in_progress"]);
    assert!(run(&["session", "show", "pooled"]).contains("in_progress"));
    assert_eq!(concurrent_migrations(&db, 4), [0, 0, 0, 0]);
    assert!(db.migration_lock_is_free(), "still no lock left");
}

#[test]
fn adopting_through_the_pooler_leaves_no_lock() {
    let Some(db) = PooledDb::take() else {
        return;
    };
    admin(&db.direct)
        .batch_execute(ALWRITY_SEED)
        .expect("build the ALwrity database");
    concurrent_migrations(&db, 3);
    assert!(db.migration_lock_is_free(), "adoption left no lock");
    let run = |args: &[&str]| onboardctl(&db.url, args).output().expect("runs");
    assert!(run(&["db", "status", "--check"]).status.success());
    let shown = ok(run(&["--json", "session", "show", "legacy"]));
    let v: serde_json::Value = serde_json::from_str(&shown).expect("JSON");
    assert_eq!(
        v["started_at"], "2025-01-15T10:00:00Z",
        "naive times read as UTC: {v}"
    );
    assert!(ok(run(&["key", "list", "legacy"])).contains("gemini"));
}

/// `SHOW name` on `client`.
fn show(client: &mut postgres::Client, name: &str) -> String {
    let rows = client.simple_query(&format!("SHOW {name}")).expect("show");
    rows.iter()
        .find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
            _ => None,
        })
        .expect("a value")
}

#[test]
fn no_setting_outlives_a_transaction_on_the_pooled_connection() {
    use onboardctl::store::{Store, TxScope};

    let Some(db) = PooledDb::take() else {
        return;
    };
    let mut direct = admin(&db.direct);
    let defaults = [
        show(&mut direct, "lock_timeout"),
        show(&mut direct, "TimeZone"),
    ];
    // One client at a time, so the pooler serves all of it, and then the probe, from the
    // one server connection it opens (the slot's old ones were ended).
    let mut store = PgStore::connect(&pg_url(&db.url)).expect("connect through the pooler");
    store.migrate().expect("migrate");
    let u = crate::support::user("probe");
    store.create_session(&u, crate::support::at(0)).unwrap();
    store.begin_write(TxScope::User(&u)).unwrap();
    store
        .put_api_key(
            &u,
            &crate::support::key("gemini", "v", crate::support::at(1)),
        )
        .unwrap();
    store.commit().unwrap();
    assert!(store.delete_session(&u).unwrap());
    drop(store);
    let mut probe = admin(&db.url);
    let seen = [
        show(&mut probe, "lock_timeout"),
        show(&mut probe, "TimeZone"),
    ];
    assert_eq!(
        seen, defaults,
        "the next client gets the server's own settings"
    );
}
