//! Sessions: get-or-create, load, save, delete (with cascade) and reset.

use onboardctl::domain::{Onboarding, Session, StepNumber, StepStatus};
use onboardctl::store::Store;

use crate::support::{assert_no_session, at, key, populate, snapshot, user};

/// A new session is `Onboarding::new(Session::new(user, now))`, and loads back as such.
pub fn create_session_returns_a_fresh_onboarding(store: &mut dyn Store) {
    let u = user("user_2abcDEF");
    let (state, created) = store.create_session(&u, at(0)).unwrap();
    assert!(created);
    assert_eq!(state, Onboarding::new(Session::new(u.clone(), at(0))));
    assert_eq!(store.load_onboarding(&u).unwrap(), Some(state));
}

/// Get-or-create: the second call creates nothing and returns the stored state.
pub fn create_session_is_idempotent(store: &mut dyn Store) {
    let u = user("42");
    let (first, created) = store.create_session(&u, at(0)).unwrap();
    assert!(created);
    let (second, created) = store.create_session(&u, at(3600)).unwrap();
    assert!(!created, "second call must not create");
    assert_eq!(second.session.started_at, at(0));
    assert_eq!(second, first);
}

/// `load_onboarding` is `None`, not an error, without a session.
pub fn load_onboarding_is_none_without_a_session(store: &mut dyn Store) {
    store.create_session(&user("someone-else"), at(0)).unwrap();
    assert_eq!(store.load_onboarding(&user("nobody")).unwrap(), None);
}

/// `save_onboarding` writes every session field but `started_at`.
pub fn save_onboarding_keeps_started_at(store: &mut dyn Store) {
    let u = user("u1");
    let (mut state, _) = store.create_session(&u, at(0)).unwrap();
    state.session.started_at = at(-999);
    state.session.updated_at = at(60);
    state.session.current_step = StepNumber::new(3).unwrap();
    state.session.progress = 33.3;
    state.session.completed_at = Some(at(61));
    store.save_onboarding(&state).unwrap();
    let loaded = store.load_onboarding(&u).unwrap().unwrap();
    state.session.started_at = at(0);
    assert_eq!(loaded, state);
}

/// `save_onboarding` never creates a session.
pub fn save_onboarding_without_a_session_is_no_session(store: &mut dyn Store) {
    let u = user("ghost");
    let state = Onboarding::new(Session::new(u.clone(), at(0)));
    assert_no_session(store.save_onboarding(&state), &u);
    assert_eq!(
        store.load_onboarding(&u).unwrap(),
        None,
        "save must not create a session"
    );
}

/// Deleting a session deletes all of that user's data and nothing of anyone else's.
pub fn delete_session_cascades_to_that_user_only(store: &mut dyn Store) {
    let (a, b) = (user("alice"), user("bob"));
    populate(store, &a, at(0));
    populate(store, &b, at(5));
    let before = snapshot(store, &b);
    assert!(store.delete_session(&a).unwrap());
    let gone = snapshot(store, &a);
    assert_eq!(gone.onboarding, None);
    assert!(gone.keys.is_empty() && gone.analysis.is_none());
    assert!(gone.prefs.is_none() && gone.persona.is_none());
    assert_eq!(
        snapshot(store, &b),
        before,
        "another user's rows must survive"
    );
    // A new session for the same user starts empty: nothing was left behind to re-attach.
    let (fresh, created) = store.create_session(&a, at(100)).unwrap();
    assert!(created);
    assert_eq!(fresh, Onboarding::new(Session::new(a.clone(), at(100))));
    assert!(store.list_api_keys(&a).unwrap().is_empty());
    assert_eq!(store.get_persona_data(&a).unwrap(), None);
}

/// `deletion` says what `delete_session` will remove — the session row first, every table
/// the user has rows in — reads only, and is `None` without a session.
pub fn deletion_lists_what_delete_removes(store: &mut dyn Store) {
    let (a, b) = (user("alice"), user("bob"));
    populate(store, &a, at(0));
    populate(store, &b, at(5));
    let before = (snapshot(store, &a), snapshot(store, &b));
    let plan = store.deletion(&a).unwrap().expect("a plan");
    assert_eq!(
        (snapshot(store, &a), snapshot(store, &b)),
        before,
        "reads only"
    );
    let rows = |t: &str| {
        plan.removes
            .iter()
            .find(|r| r.table == t)
            .unwrap_or_else(|| panic!("{t} not listed: {plan:?}"))
            .rows
    };
    assert_eq!(plan.removes[0].table, "onboarding_sessions");
    assert_eq!(rows("onboarding_sessions"), 1);
    assert_eq!(rows("api_keys"), 2, "alice's keys, not bob's");
    for t in ["website_analyses", "research_preferences", "persona_data"] {
        assert_eq!(rows(t), 1, "{t}");
    }
    assert!(plan.removes_keys);
    assert!(plan.leaves.is_empty() && plan.files_left.is_empty());
    assert_eq!(store.deletion(&user("nobody")).unwrap(), None);
}

/// Deleting a missing session is `false`, not an error, and changes nothing.
pub fn delete_session_without_a_session_is_false(store: &mut dyn Store) {
    populate(store, &user("keep"), at(0));
    let before = snapshot(store, &user("keep"));
    assert!(!store.delete_session(&user("nobody")).unwrap());
    assert_eq!(snapshot(store, &user("keep")), before);
}

/// The state `session reset` hands the store: every step pending, step 1, progress 0.
fn reset_state(state: &Onboarding) -> Onboarding {
    let mut session = state.session.clone();
    session.current_step = StepNumber::FIRST;
    session.progress = 0.0;
    session.completed_at = None;
    session.updated_at = at(500);
    Onboarding::new(session)
}

/// A reset without purge rewrites session and steps and keeps the stored data.
pub fn reset_without_purge_keeps_stored_data(store: &mut dyn Store) {
    let u = user("resettable");
    populate(store, &u, at(0));
    let before = snapshot(store, &u);
    let reset = reset_state(before.onboarding.as_ref().unwrap());
    store.reset_onboarding(&reset, false).unwrap();
    let after = snapshot(store, &u);
    assert_eq!(after.onboarding, Some(reset));
    assert!(after
        .onboarding
        .unwrap()
        .steps
        .iter()
        .all(|s| s.status == StepStatus::Pending));
    assert_eq!((after.keys, after.analysis), (before.keys, before.analysis));
    assert_eq!((after.prefs, after.persona), (before.prefs, before.persona));
}

/// A reset with purge deletes the user's keys, analysis, preferences and persona only.
pub fn reset_with_purge_deletes_that_users_data_only(store: &mut dyn Store) {
    let (u, other) = (user("purged"), user("bystander"));
    populate(store, &u, at(0));
    populate(store, &other, at(0));
    let other_before = snapshot(store, &other);
    let reset = reset_state(&store.load_onboarding(&u).unwrap().unwrap());
    store.reset_onboarding(&reset, true).unwrap();
    let after = snapshot(store, &u);
    assert_eq!(after.onboarding, Some(reset), "the session itself stays");
    assert!(after.keys.is_empty());
    assert_eq!(
        (after.analysis, after.prefs, after.persona),
        (None, None, None)
    );
    assert_eq!(snapshot(store, &other), other_before);
    store
        .put_api_key(&u, &key("gemini", "AIzaAgain", at(600)))
        .unwrap();
}

/// `reset_onboarding` never creates a session.
pub fn reset_without_a_session_is_no_session(store: &mut dyn Store) {
    let u = user("ghost");
    let state = Onboarding::new(Session::new(u.clone(), at(0)));
    assert_no_session(store.reset_onboarding(&state, true), &u);
    assert_no_session(store.reset_onboarding(&state, false), &u);
    assert_eq!(store.load_onboarding(&u).unwrap(), None);
}
