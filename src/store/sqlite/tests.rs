//! Unit tests that need the connection itself: the statement budget of the hot reads, the
//! connection setup, and tolerant reading of rows a foreign writer (ALwrity) left behind.
//! The behaviour every backend shares is tested by `tests/conformance`.

use std::ffi::{c_int, c_uint, c_void};
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::ffi;
use serde_json::json;
use time::macros::datetime;

use super::SqliteStore;
use crate::domain::{ApiKey, Secret, StepNumber, StepStatus, UserId};
use crate::store::Store;

fn store() -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.migrate().unwrap();
    store
}

fn user(s: &str) -> UserId {
    s.parse().unwrap()
}

unsafe extern "C" fn count_statement(
    _: c_uint,
    ctx: *mut c_void,
    _: *mut c_void,
    _: *mut c_void,
) -> c_int {
    // SAFETY: `ctx` is the `AtomicU64` that `statements` keeps alive while tracing.
    unsafe { (*ctx.cast::<AtomicU64>()).fetch_add(1, Ordering::Relaxed) };
    0
}

/// How many statements SQLite starts while `f` runs (rusqlite's `trace` feature is off, so
/// this registers the trace callback through the raw handle).
fn statements(store: &mut SqliteStore, f: impl FnOnce(&mut SqliteStore)) -> u64 {
    let counter = Box::new(AtomicU64::new(0));
    let ctx = std::ptr::from_ref::<AtomicU64>(&counter)
        .cast_mut()
        .cast::<c_void>();
    // SAFETY: the callback only touches `counter`, which outlives the registration: tracing
    // is switched off again before `counter` is dropped.
    unsafe {
        let db = store.conn.handle();
        ffi::sqlite3_trace_v2(
            db,
            ffi::SQLITE_TRACE_STMT as c_uint,
            Some(count_statement),
            ctx,
        );
    }
    f(store);
    unsafe { ffi::sqlite3_trace_v2(store.conn.handle(), 0, None, std::ptr::null_mut()) };
    counter.load(Ordering::Relaxed)
}

#[test]
fn hot_reads_stay_within_their_statement_budget() {
    let mut s = store();
    let u = user("budget");
    let t = datetime!(2025-06-01 12:00 UTC);
    let (mut state, _) = s.create_session(&u, t).unwrap();
    state.step_mut(StepNumber::FIRST).status = StepStatus::Completed;
    s.save_onboarding(&state).unwrap();
    for p in ["exa", "gemini"] {
        let key = ApiKey {
            provider: p.parse().unwrap(),
            value: Secret::new("v".into()),
            created_at: t,
            updated_at: t,
        };
        s.put_api_key(&u, &key).unwrap();
    }
    assert!(
        statements(&mut s, |s| assert!(s
            .load_onboarding(&u)
            .unwrap()
            .is_some()))
            <= 2
    );
    assert_eq!(
        statements(&mut s, |s| assert_eq!(
            s.list_api_keys(&u).unwrap().len(),
            2
        )),
        1
    );
    assert_eq!(
        statements(&mut s, |s| assert!(s
            .list_api_keys(&user("nobody"))
            .is_err())),
        1
    );
}

#[test]
fn setup_turns_foreign_keys_on() {
    let s = store();
    let on: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(on, 1);
}

/// How often the statements SQLite holds for the connection were prepared again.
fn reprepares(store: &SqliteStore) -> i64 {
    let mut total = 0;
    // SAFETY: walks the connection's own statement list without changing it; every
    // pointer comes from SQLite and is only read while the connection is borrowed.
    unsafe {
        let db = store.conn.handle();
        let mut st = ffi::sqlite3_next_stmt(db, std::ptr::null_mut());
        while !st.is_null() {
            total += i64::from(ffi::sqlite3_stmt_status(
                st,
                ffi::SQLITE_STMTSTATUS_REPREPARE,
                0,
            ));
            st = ffi::sqlite3_next_stmt(db, st);
        }
    }
    total
}

/// The cached statements of a bulk read are not prepared again on every use once the
/// database has STAT4 statistics: rusqlite clears the bindings when a statement goes back to
/// the cache, which, for a statement whose plan a bound value can change, expires it unless
/// the query planner stability guarantee is on.
#[test]
fn cached_statements_are_not_reprepared_after_analyze() {
    let mut s = store();
    let t = datetime!(2025-06-01 12:00 UTC);
    for i in 0..300 {
        let u = user(&format!("user-{i:03}"));
        let (mut state, _) = s.create_session(&u, t).unwrap();
        state.step_mut(StepNumber::FIRST).status = StepStatus::Completed;
        s.save_onboarding(&state).unwrap();
        for p in ["exa", "gemini"].iter().take(1 + i % 2) {
            let key = ApiKey {
                provider: p.parse().unwrap(),
                value: Secret::new("fake-value".into()),
                created_at: t,
                updated_at: t,
            };
            s.put_api_key(&u, &key).unwrap();
        }
    }
    s.conn.execute_batch("ANALYZE").unwrap();
    // ANALYZE changes the schema, which expires every statement once.
    assert!(s.load_bundle(&user("user-299")).unwrap().is_some());
    let before = reprepares(&s);
    for i in 0..50 {
        assert!(s
            .load_bundle(&user(&format!("user-{i:03}")))
            .unwrap()
            .is_some());
    }
    assert_eq!(
        reprepares(&s) - before,
        0,
        "statements were prepared again on reuse"
    );
}

#[test]
fn rows_from_a_foreign_writer_are_read_tolerantly() {
    let mut s = store();
    s.conn
        .execute_batch(
            "INSERT INTO onboarding_sessions (id, user_id, started_at, updated_at)
                 VALUES (7, 'legacy', NULL, '2025-10-29T12:05:09Z');
             INSERT INTO onboarding_steps (session_id, step_number, status, data, validation_errors)
                 VALUES (7, 2, 'completed', '{not json', 'null');
             INSERT INTO research_preferences (session_id, research_depth, content_types,
                     auto_research, factual_content, created_at)
                 VALUES (7, 'Standard', '\"blogs\"', NULL, 0, '2025-10-29 12:05:09');",
        )
        .unwrap();
    let state = s.load_onboarding(&user("legacy")).unwrap().unwrap();
    let updated = datetime!(2025-10-29 12:05:09 UTC);
    assert_eq!(
        state.session.started_at, updated,
        "missing start falls back on update"
    );
    assert_eq!(state.session.current_step, StepNumber::FIRST);
    let step = state.step(StepNumber::new(2).unwrap());
    assert_eq!(
        step.data,
        Some(json!("{not json")),
        "invalid JSON is kept as a string"
    );
    assert!(step.validation_errors.is_empty());
    let prefs = s
        .get_research_preferences(&user("legacy"))
        .unwrap()
        .unwrap();
    assert_eq!(prefs.content_types, vec!["blogs".to_owned()]);
    assert!(prefs.auto_research && !prefs.factual_content);
    assert_eq!(prefs.created_at, Some(updated));
}

#[test]
fn a_store_opened_on_an_outdated_schema_refuses_data_calls() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let pending = s.schema_state().unwrap().pending.len();
    assert!(pending > 0);
    let err = s.load_onboarding(&user("u")).unwrap_err();
    assert!(matches!(err, crate::store::StoreError::SchemaOutdated { pending: p } if p == pending));
}

/// Counts the statements SQLite starts on `conn` while `f` runs, from before the store's own
/// setup: what a whole `session show` / `key list` process spends.
fn statements_from_open(path: &std::path::Path, f: impl FnOnce(&mut SqliteStore)) -> u64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    let counter = Box::new(AtomicU64::new(0));
    let ctx = std::ptr::from_ref::<AtomicU64>(&counter)
        .cast_mut()
        .cast::<c_void>();
    // SAFETY: as in `statements`: the callback only touches `counter`, and tracing is
    // switched off before `counter` is dropped.
    unsafe {
        ffi::sqlite3_trace_v2(
            conn.handle(),
            ffi::SQLITE_TRACE_STMT as c_uint,
            Some(count_statement),
            ctx,
        );
    }
    let mut store = SqliteStore::init(conn, "sqlite:bench".into(), true).unwrap();
    f(&mut store);
    unsafe { ffi::sqlite3_trace_v2(store.conn.handle(), 0, None, std::ptr::null_mut()) };
    counter.load(Ordering::Relaxed)
}

#[test]
fn whole_reads_from_open_stay_within_three_statements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("budget.db");
    let u = user("budget");
    {
        let mut s = SqliteStore::open(&path).unwrap();
        s.migrate().unwrap();
        s.create_session(&u, datetime!(2025-06-01 12:00 UTC))
            .unwrap();
    }
    let show = statements_from_open(&path, |s| {
        assert!(s.load_onboarding(&u).unwrap().is_some());
    });
    assert!(show <= 3, "session show / progress show: {show} statements");
    let keys = statements_from_open(&path, |s| {
        assert!(s.list_api_keys(&u).unwrap().is_empty());
    });
    assert!(keys <= 3, "key list: {keys} statements");
}

#[test]
fn hot_reads_are_served_by_indexes() {
    let s = store();
    for sql in [
        super::sessions::LOAD,
        super::keys::LIST,
        super::schema::NEWEST_APPLIED,
    ] {
        let mut st = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let args = vec!["u"; st.parameter_count()];
        let plan: Vec<String> = st
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            plan.iter().all(|step| !step.starts_with("SCAN")),
            "full scan in the plan of {sql}: {plan:?}"
        );
    }
}

#[test]
fn the_build_time_migration_list_matches_refinery() {
    assert_eq!(
        super::schema::embedded().unwrap(),
        super::schema::embedded_by_refinery().unwrap()
    );
}
