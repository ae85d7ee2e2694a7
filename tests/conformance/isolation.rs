//! User isolation: every write on one user leaves every other user's rows identical, and
//! every user-scoped method on a user without a session is NoSession and changes nothing.

use onboardctl::domain::{Onboarding, Session, StepStatus, UserId};
use onboardctl::store::{SessionQuery, Store};

use crate::support::{
    analysis, assert_no_session, at, key, persona, populate, prefs, snapshot, user, Snapshot,
};

/// Look-alike ids: a prefix, an extension and SQL wildcard characters of the writer's id.
fn bystanders() -> Vec<UserId> {
    ["user_4", "user_42x", "user_%", "USER_42"]
        .into_iter()
        .map(user)
        .collect()
}

fn snapshots(store: &mut dyn Store, users: &[UserId]) -> Vec<Snapshot> {
    users.iter().map(|u| snapshot(store, u)).collect()
}

/// Every write method on one user leaves look-alike users' full snapshots identical.
pub fn every_write_leaves_other_users_untouched(store: &mut dyn Store) {
    let a = user("user_42");
    let others = bystanders();
    for (i, o) in (0..).zip(&others) {
        populate(store, o, at(i));
    }
    populate(store, &a, at(100));
    let before = snapshots(store, &others);
    let check = |store: &mut dyn Store, what: &str| {
        for (u, was) in others.iter().zip(&before) {
            assert!(
                snapshot(store, u) == *was,
                "{what} on user_42 changed {u}'s rows"
            );
        }
    };
    let (mut state, _) = store.create_session(&a, at(200)).unwrap();
    check(store, "create_session");
    state.steps[1].status = StepStatus::Failed;
    state.session.updated_at = at(201);
    store.save_onboarding(&state).unwrap();
    check(store, "save_onboarding");
    store
        .put_api_key(&a, &key("gemini", "AIzaChanged", at(202)))
        .unwrap();
    check(store, "put_api_key");
    store.delete_api_key(&a, &"exa".parse().unwrap()).unwrap();
    check(store, "delete_api_key");
    store.put_website_analysis(&a, &analysis(at(203))).unwrap();
    check(store, "put_website_analysis");
    store.put_research_preferences(&a, &prefs(at(204))).unwrap();
    check(store, "put_research_preferences");
    store.put_persona_data(&a, &persona(at(205))).unwrap();
    check(store, "put_persona_data");
    store.reset_onboarding(&state, false).unwrap();
    check(store, "reset_onboarding");
    store.reset_onboarding(&state, true).unwrap();
    check(store, "reset_onboarding with purge");
    store.delete_session(&a).unwrap();
    check(store, "delete_session");
}

/// Every user-scoped method on a user without a session is NoSession (`load` `None`, `delete`
/// `false`) and changes nothing.
pub fn user_scoped_methods_without_a_session_are_no_session_and_change_nothing(
    store: &mut dyn Store,
) {
    let a = user("present");
    populate(store, &a, at(0));
    let before = snapshot(store, &a);
    let g = user("ghost");
    let state = Onboarding::new(Session::new(g.clone(), at(1)));
    let gemini = "gemini".parse().unwrap();
    assert_eq!(store.load_onboarding(&g).unwrap(), None);
    assert_no_session(store.save_onboarding(&state), &g);
    assert_no_session(store.reset_onboarding(&state, false), &g);
    assert_no_session(store.reset_onboarding(&state, true), &g);
    assert!(!store.delete_session(&g).unwrap());
    assert_no_session(
        store.put_api_key(&g, &key("gemini", "AIzaGhost", at(1))),
        &g,
    );
    assert_no_session(store.get_api_key(&g, &gemini), &g);
    assert_no_session(store.list_api_keys(&g), &g);
    assert_no_session(store.delete_api_key(&g, &gemini), &g);
    assert_no_session(store.put_website_analysis(&g, &analysis(at(1))), &g);
    assert_no_session(store.get_website_analysis(&g), &g);
    assert_no_session(store.put_research_preferences(&g, &prefs(at(1))), &g);
    assert_no_session(store.get_research_preferences(&g), &g);
    assert_no_session(store.put_persona_data(&g, &persona(at(1))), &g);
    assert_no_session(store.get_persona_data(&g), &g);
    assert_eq!(snapshot(store, &a), before);
    assert_eq!(
        store.load_onboarding(&g).unwrap(),
        None,
        "no session was created"
    );
    let all = SessionQuery {
        lifecycles: vec![],
        current_step: None,
        stalled_since: None,
        limit: 10,
        offset: 0,
        after: None,
        ..Default::default()
    };
    let listed = store.list_sessions(&all).unwrap();
    assert_eq!(listed.len(), 1, "only the one real session exists");
}
