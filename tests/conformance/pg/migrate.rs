//! The migration lock: concurrent runs apply once, a held lock times out with
//! `Unavailable`, and a migration failing midway leaves the schema as it was and the lock
//! free.

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use onboardctl::store::{Store, StoreError};
use refinery::{Migration, Runner};

use super::TestSchema;
use crate::support::{at, user};

const V1: &str = include_str!("../../../sql/postgres/V1__init.sql");
const V2: &str = include_str!("../../../sql/postgres/V2__copy_progress.sql");
const V3: &str = include_str!("../../../sql/postgres/V3__head_tables.sql");
const V4: &str = include_str!("../../../sql/postgres/V4__paging_indexes.sql");
const V5: &str = include_str!("../../../sql/postgres/V5__audit.sql");

/// Whether a fourth party can take (and then gives back) the migration lock right now.
fn lock_is_free(schema: &TestSchema, key: i64) -> bool {
    let mut admin = schema.admin();
    let free: bool = admin
        .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
        .unwrap()
        .get(0);
    if free {
        admin
            .execute("SELECT pg_advisory_unlock($1)", &[&key])
            .unwrap();
    }
    free
}

#[test]
fn concurrent_migrations_apply_once() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let schema = Arc::new(schema);
    let start = Arc::new(Barrier::new(2));
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let (schema, start) = (Arc::clone(&schema), Arc::clone(&start));
            thread::spawn(move || {
                let mut store = schema.store();
                start.wait();
                store.migrate().expect("both runs succeed")
            })
        })
        .collect();
    let mut applied: Vec<usize> = runs.into_iter().map(|r| r.join().unwrap().len()).collect();
    applied.sort_unstable();
    let total = schema.store().schema_state().unwrap().applied.len();
    assert_eq!(
        applied,
        vec![0, total],
        "one run applies everything, the other nothing"
    );
}

#[test]
fn a_held_lock_times_out_as_unavailable() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let mut store = schema.store();
    let key = store.migration_lock_key().unwrap();
    let mut holder = schema.admin();
    holder
        .execute("SELECT pg_advisory_lock($1)", &[&key])
        .unwrap();
    store.set_lock_timeout(Duration::from_millis(300));
    match store.migrate() {
        Err(StoreError::Unavailable(m)) => {
            assert_eq!(m, "timed out after 0.3s waiting for the migration lock");
        }
        other => panic!("expected a lock timeout, got {other:?}"),
    }
    assert!(schema.tables().is_empty(), "nothing ran");
    drop(holder);
    assert!(
        !store.migrate().unwrap().is_empty(),
        "works once the lock is free"
    );
}

fn broken_runner() -> Runner {
    let broken = "CREATE TABLE half_done (id integer); \
              ALTER TABLE onboarding_sessions ADD COLUMN half integer; \
              SELECT 1 / 0;";
    Runner::new(&[
        Migration::unapplied("V1__init", V1).unwrap(),
        Migration::unapplied("V2__copy_progress", V2).unwrap(),
        Migration::unapplied("V3__head_tables", V3).unwrap(),
        Migration::unapplied("V4__paging_indexes", V4).unwrap(),
        Migration::unapplied("V5__audit", V5).unwrap(),
        Migration::unapplied("V6__broken", broken).unwrap(),
    ])
}

#[test]
fn a_failing_migration_changes_nothing_and_frees_the_lock() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let mut store = schema.store();
    store.migrate().unwrap();
    let u = user("kept");
    store.create_session(&u, at(0)).unwrap();
    let tables = schema.tables();
    let key = store.migration_lock_key().unwrap();

    match store.migrate_with(broken_runner()) {
        Err(StoreError::Backend(m)) => assert!(m.contains("division by zero"), "{m}"),
        other => panic!("expected the migration to fail, got {other:?}"),
    }
    assert!(
        lock_is_free(&schema, key),
        "lock released after the failure"
    );
    assert_eq!(schema.tables(), tables, "no table added");
    let state = store.schema_state().unwrap();
    assert_eq!(state.version(), 5, "V6 not recorded");
    assert!(
        state.pending.is_empty(),
        "the embedded set is still current"
    );
    assert!(
        store.load_onboarding(&u).unwrap().is_some(),
        "data and store still usable"
    );
}

#[test]
fn a_failing_first_run_leaves_an_empty_schema() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let mut store = schema.store();
    let key = store.migration_lock_key().unwrap();
    assert!(store.migrate_with(broken_runner()).is_err());
    assert!(lock_is_free(&schema, key));
    let left: Vec<String> = schema
        .tables()
        .into_iter()
        .filter(|t| t != "refinery_schema_history")
        .collect();
    assert!(left.is_empty(), "V1 rolled back with V2: {left:?}");
    assert!(!store.schema_state().unwrap().pending.is_empty());
}
