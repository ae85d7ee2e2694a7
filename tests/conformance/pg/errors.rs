//! Server conditions that make the database unavailable are `StoreError::Unavailable`
//! (exit 5) with a message that says which, provoked on the real server: a read-only
//! database (`default_transaction_read_only`, what a hot standby also answers), a lock
//! held past `lock_timeout`, a deadlock between two writers, a terminated session.

use std::sync::{Arc, Barrier};
use std::thread;

use onboardctl::store::postgres::PgStore;
use onboardctl::store::{Store, StoreError, TxScope};

use super::{pg_url, with_params, TestSchema};
use crate::support::{at, key, user};

/// A store on `schema` whose session also gets `settings` (`-c` options).
fn store_with(schema: &TestSchema, settings: &str) -> PgStore {
    let url = with_params(
        schema.server(),
        &format!("options=-csearch_path%3D{}%20{settings}", schema.name),
    );
    PgStore::connect(&pg_url(&url)).expect("connect")
}

/// The message of an expected `Unavailable`, checked to be one line.
fn unavailable<T: std::fmt::Debug>(r: Result<T, StoreError>) -> String {
    match r {
        Err(StoreError::Unavailable(m)) => {
            assert!(!m.contains('\n'), "one line: {m}");
            m
        }
        other => panic!("expected Unavailable, got {other:?}"),
    }
}

#[test]
fn a_read_only_database_says_so() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let mut ro = store_with(&schema, "-cdefault_transaction_read_only%3Don");
    let m = unavailable(ro.migrate());
    assert!(
        m.contains("the database is read-only") && m.contains("25006"),
        "{m}"
    );
    schema.store().migrate().expect("migrate read-write");
    let u = user("reader");
    schema.store().create_session(&u, at(0)).unwrap();

    let mut ro = store_with(&schema, "-cdefault_transaction_read_only%3Don");
    assert!(
        ro.migrate().unwrap().is_empty(),
        "nothing to do needs no write"
    );
    assert!(ro.load_onboarding(&u).unwrap().is_some(), "reads work");
    let m = unavailable(ro.create_session(&user("writer"), at(0)));
    assert!(m.starts_with("the database is read-only: "), "{m}");
    let m = unavailable(ro.begin_write(TxScope::User(&u)));
    assert!(m.starts_with("the database is read-only: "), "{m}");
    let m = unavailable(ro.delete_session(&u));
    assert!(m.starts_with("the database is read-only: "), "{m}");
}

#[test]
fn a_lock_held_too_long_is_unavailable() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let mut store = schema.store();
    store.migrate().unwrap();
    let u = user("locked");
    store.create_session(&u, at(0)).unwrap();
    store.put_api_key(&u, &key("gemini", "v1", at(0))).unwrap();
    let mut holder = schema.admin();
    let mut tx = holder.transaction().unwrap();
    tx.batch_execute("SELECT * FROM api_keys FOR UPDATE")
        .unwrap();
    let mut waiter = store_with(&schema, "-clock_timeout%3D200ms");
    let m = unavailable(waiter.put_api_key(&u, &key("gemini", "v2", at(1))));
    assert!(
        m.starts_with("timed out waiting for a lock: ") && m.contains("55P03"),
        "{m}"
    );
    tx.rollback().unwrap();
    waiter.put_api_key(&u, &key("gemini", "v2", at(1))).unwrap();
}

#[test]
fn a_deadlock_is_unavailable_and_the_other_writer_wins() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    schema.store().migrate().unwrap();
    let (a, b) = (user("dl_a"), user("dl_b"));
    let mut setup = schema.store();
    let states = [&a, &b].map(|u| setup.create_session(u, at(0)).unwrap().0);
    let schema = Arc::new(schema);
    let both_locked = Arc::new(Barrier::new(2));
    let writers: Vec<_> = [(a, states[1].clone()), (b, states[0].clone())]
        .into_iter()
        .map(|(mine, other)| {
            let (schema, both_locked) = (Arc::clone(&schema), Arc::clone(&both_locked));
            thread::spawn(move || {
                let mut store = schema.store();
                store.begin_write(TxScope::User(&mine)).unwrap();
                both_locked.wait();
                // Each now writes the row the other holds.
                let out = store.save_onboarding(&other);
                match &out {
                    Ok(()) => store.commit().unwrap(),
                    Err(_) => store.rollback().unwrap(),
                }
                out
            })
        })
        .collect();
    let mut results: Vec<_> = writers.into_iter().map(|w| w.join().unwrap()).collect();
    results.sort_by_key(Result::is_ok);
    let m = unavailable(results.remove(0));
    assert!(
        m.starts_with("a deadlock with another transaction; try again: "),
        "{m}"
    );
    assert!(m.contains("40P01"), "{m}");
    assert!(results[0].is_ok(), "the other writer goes on");
}

#[test]
fn a_terminated_session_is_unavailable() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let name = format!("onboardctl_term_{}", std::process::id());
    let url = schema.url_with(&format!("application_name={name}"));
    let mut store = PgStore::connect(&pg_url(&url)).unwrap();
    store.migrate().unwrap();
    schema
        .admin()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            &[&name],
        )
        .unwrap();
    let m = unavailable(store.load_onboarding(&user("gone")));
    assert!(!m.is_empty());
}
