//! Write transactions (`Store::begin_write`, `commit`, `rollback`, `store::atomically`): a
//! read-modify-write inside one never loses a concurrent writer's update, a rollback undoes
//! everything since `begin_write`, and misuse is an error. The concurrency bodies open more
//! stores on the same database (other connections, as other processes would), each in its
//! own thread, and hold the transaction open long enough that an unlocked read-modify-write
//! would interleave and lose updates.

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use onboardctl::domain::{ResearchPreferences, StepNumber, StepStatus};
use onboardctl::store::{atomically, Store, StoreError, TxScope};

use crate::support::{at, key, prefs, user, Reopen};

/// How long each writer holds its transaction between its read and its write: far longer
/// than it takes the others to reach their own read, so without locking they all read the
/// same state.
const HOLD: Duration = Duration::from_millis(150);

/// Runs `writers` threads, each on its own store, released together by a barrier.
fn race(reopen: &Reopen, writers: usize, work: impl Fn(usize, &mut dyn Store) + Send + Sync) {
    let barrier = Barrier::new(writers);
    let work = &work;
    let barrier = &barrier;
    thread::scope(|scope| {
        for n in 0..writers {
            let reopen = Arc::clone(reopen);
            scope.spawn(move || {
                let mut store = reopen();
                barrier.wait();
                work(n, &mut *store);
            });
        }
    });
}

/// Five writers each mark a different step skipped by read-modify-write of the whole
/// onboarding: all five changes survive (without the transaction only the last would).
pub fn concurrent_step_changes_are_all_kept(store: &mut dyn Store, reopen: &Reopen) {
    let u = user("racer");
    store.create_session(&u, at(0)).expect("create");
    race(reopen, 5, |n, s| {
        atomically(s, TxScope::User(&u), |s| {
            let mut state = s.load_onboarding(&u)?.expect("session");
            thread::sleep(HOLD);
            let step = state.step_mut(StepNumber::new(n as i64 + 1).expect("1..=5"));
            step.status = StepStatus::Skipped;
            step.completed_at = Some(at(n as i64));
            s.save_onboarding(&state)
        })
        .expect("step change");
    });
    let state = store.load_onboarding(&u).expect("load").expect("session");
    let skipped: Vec<u8> = state
        .steps
        .iter()
        .filter(|s| s.status == StepStatus::Skipped)
        .map(|s| s.number.get())
        .collect();
    assert_eq!(skipped, vec![1, 2, 3, 4, 5], "every writer's step survives");
}

/// Four writers each change one field of the research preferences by read-merge-write: the
/// final row has all four changes.
pub fn concurrent_field_merges_are_all_kept(store: &mut dyn Store, reopen: &Reopen) {
    let u = user("merger");
    store.create_session(&u, at(0)).expect("create");
    let base = ResearchPreferences {
        auto_research: false,
        factual_content: false,
        ..prefs(at(0))
    };
    store.put_research_preferences(&u, &base).expect("put");
    race(reopen, 4, |n, s| {
        atomically(s, TxScope::User(&u), |s| {
            let mut p = s.get_research_preferences(&u)?.expect("prefs");
            thread::sleep(HOLD);
            match n {
                0 => p.research_depth = "Expert".into(),
                1 => p.content_types = vec!["podcasts".into()],
                2 => p.auto_research = true,
                _ => p.factual_content = true,
            }
            s.put_research_preferences(&u, &p)
        })
        .expect("merge");
    });
    let p = store
        .get_research_preferences(&u)
        .expect("get")
        .expect("prefs");
    assert_eq!(p.research_depth, "Expert");
    assert_eq!(p.content_types, vec!["podcasts".to_owned()]);
    assert!(p.auto_research && p.factual_content, "{p:?}");
}

/// A second store's writer waits for the first one's commit and then reads what it wrote.
pub fn a_second_writer_waits_and_sees_the_commit(store: &mut dyn Store, reopen: &Reopen) {
    let u = user("waiter");
    store.create_session(&u, at(0)).expect("create");
    store.begin_write(TxScope::User(&u)).expect("begin");
    store
        .put_api_key(&u, &key("gemini", "AIzaFAKE-first-writer-0001", at(1)))
        .expect("put");
    let reopen = Arc::clone(reopen);
    let other_user = u.clone();
    let second = thread::spawn(move || {
        let mut other = reopen();
        let mut seen = None;
        atomically(&mut *other, TxScope::User(&other_user), |s| {
            seen = s.list_api_keys(&other_user).map(|k| k.len()).ok();
            Ok::<_, StoreError>(())
        })
        .expect("second writer");
        seen
    });
    thread::sleep(HOLD);
    store.commit().expect("commit");
    assert_eq!(
        second.join().expect("thread"),
        Some(1),
        "it read after the commit"
    );
}

/// Everything since `begin_write` is undone by `rollback`, and by `atomically` on an error.
pub fn rollback_undoes_everything_since_begin(store: &mut dyn Store) {
    let u = user("undone");
    store.create_session(&u, at(0)).expect("create");
    let before = crate::support::snapshot(store, &u);
    store.begin_write(TxScope::User(&u)).expect("begin");
    store
        .put_api_key(&u, &key("exa", "exa-fake-rolled-back", at(1)))
        .expect("put");
    store
        .put_research_preferences(&u, &prefs(at(1)))
        .expect("prefs");
    store.rollback().expect("rollback");
    assert_eq!(crate::support::snapshot(store, &u), before);

    let failed: Result<(), StoreError> = atomically(store, TxScope::User(&u), |s| {
        s.put_api_key(&u, &key("exa", "exa-fake-rolled-back", at(2)))?;
        Err(StoreError::Conflict("the caller gave up".into()))
    });
    assert!(matches!(failed, Err(StoreError::Conflict(_))));
    assert_eq!(crate::support::snapshot(store, &u), before);
}

/// A committed transaction's writes are all there; `rollback` without one is a no-op; a
/// second `begin_write` inside one and `commit` without one are errors.
pub fn commit_keeps_writes_and_misuse_is_refused(store: &mut dyn Store) {
    let u = user("committed");
    store.create_session(&u, at(0)).expect("create");
    store.rollback().expect("rollback without a transaction");
    assert!(store.commit().is_err(), "commit without a transaction");
    store.begin_write(TxScope::All).expect("begin");
    assert!(
        store.begin_write(TxScope::User(&u)).is_err(),
        "nested begin"
    );
    assert!(store.migrate().is_err(), "migrate inside a transaction");
    store
        .put_api_key(&u, &key("gemini", "AIzaFAKE-committed-000001", at(1)))
        .expect("put");
    let inside = store.load_bundle(&u).expect("bundle inside").expect("some");
    assert_eq!(
        inside.keys.len(),
        1,
        "reads inside see the transaction's writes"
    );
    store.commit().expect("commit");
    assert_eq!(store.list_api_keys(&u).expect("list").len(), 1);
    let bundle = store.load_bundle(&u).expect("bundle").expect("some");
    assert_eq!(bundle.keys.len(), 1, "bundle reads work after the commit");
}
