//! In-process cost of the hot commands on a SQLite database of 100,000 users: the service
//! calls behind `session show`, `key list`, `key set` and `progress step`, without process
//! start-up (bench/run.sh measures whole processes). Run with `cargo bench`.

use std::sync::OnceLock;

use onboardctl::config::Settings;
use onboardctl::domain::progress::StepChange;
use onboardctl::domain::{Secret, StepNumber, StepStatus, UserId};
use onboardctl::service::{KeyOptions, Service};
use onboardctl::store::sqlite::SqliteStore;
use onboardctl::store::Store;

fn main() {
    divan::main();
}

/// The seeded database, built once per bench run (bench/seed_sqlite.sql, 100,000 users).
fn database() -> &'static std::path::Path {
    static DB: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bench.db");
        let mut store = SqliteStore::open(&path).expect("create");
        store.migrate().expect("migrate");
        drop(store);
        let seed = include_str!("../bench/seed_sqlite.sql");
        rusqlite::Connection::open(&path)
            .and_then(|c| c.execute_batch(seed))
            .expect("seed");
        (dir, path)
    })
    .1
}

fn settings() -> Settings {
    Settings::from_env(&|_| None).expect("default settings")
}

fn user(n: u32) -> UserId {
    format!("user_{n:06}").parse().expect("user id")
}

#[divan::bench]
fn session_show(b: divan::Bencher) {
    let mut store = SqliteStore::open_existing(database()).expect("open");
    let mut svc = Service::new(&mut store, settings());
    let u = user(50_000);
    b.bench_local(|| svc.show_session(&u).expect("show"));
}

#[divan::bench]
fn key_list(b: divan::Bencher) {
    let mut store = SqliteStore::open_existing(database()).expect("open");
    let mut svc = Service::new(&mut store, settings());
    let u = user(50_001);
    b.bench_local(|| svc.list_keys(&u).expect("list"));
}

#[divan::bench]
fn key_set(b: divan::Bencher) {
    let mut store = SqliteStore::open_existing(database()).expect("open");
    let mut svc = Service::new(&mut store, settings());
    let u = user(50_002);
    let provider = "gemini".parse().expect("provider");
    b.bench_local(|| {
        let value = Secret::new("AIzaFAKE_BENCH_ONLY_222222222222222222".into());
        svc.set_key(&u, &provider, value, KeyOptions::default())
            .expect("set")
    });
}

#[divan::bench]
fn progress_step(b: divan::Bencher) {
    let mut store = SqliteStore::open_existing(database()).expect("open");
    let mut svc = Service::new(&mut store, settings());
    let u = user(50_003);
    let step = StepNumber::new(5).expect("step");
    b.bench_local(|| {
        let change = StepChange {
            step,
            status: StepStatus::Skipped,
            data: None,
            error: None,
            forced: None,
        };
        svc.mark_step(&u, change).expect("step")
    });
}
