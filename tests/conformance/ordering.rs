//! `list_sessions`' order (`SessionQuery::sort`: every key, ties by user id, `reverse` the
//! exact reverse), its user-id search (`user_like`: a literal substring, ASCII letters in
//! any case, other letters exactly), `count_matching_sessions`, and the total the service
//! names when a list stops at its limit.

use onboardctl::domain::{Percent, StepNumber};
use onboardctl::store::{Lifecycle, SessionQuery, SessionSort, SortKey, Store};

use crate::support::{at, user};

/// A session started at `started`, last changed at `updated`, at `step` with `progress`.
fn make(store: &mut dyn Store, name: &str, started: i64, updated: i64, step: i64, progress: f64) {
    let (mut state, _) = store.create_session(&user(name), at(started)).unwrap();
    state.session.current_step = StepNumber::new(step).unwrap();
    state.session.progress = Percent::new(progress).unwrap().get();
    state.session.updated_at = at(updated);
    store.save_onboarding(&state).unwrap();
}

fn listed(store: &mut dyn Store, q: &SessionQuery) -> Vec<String> {
    let rows = store.list_sessions(q).unwrap();
    rows.iter().map(|r| r.session.user_id.to_string()).collect()
}

fn sorted(key: SortKey, reverse: bool) -> SessionQuery {
    SessionQuery {
        sort: SessionSort { key, reverse },
        ..SessionQuery::default()
    }
}

/// Each key in its direction, ties by user id bytewise (`D` before `a`); `reverse` gives
/// the whole list backwards, ties included; limit and offset page the sorted list.
pub fn list_sorts_by_every_key_with_user_id_as_tie_break(store: &mut dyn Store) {
    make(store, "b", 10, 30, 3, 50.0);
    make(store, "a", 10, 30, 3, 50.0);
    make(store, "c", 20, 10, 2, 20.0);
    make(store, "D", 5, 40, 6, 100.0);
    make(store, "e", 15, 20, 1, 0.0);
    let cases: [(SortKey, [&str; 5]); 5] = [
        (SortKey::Updated, ["D", "a", "b", "e", "c"]),
        (SortKey::Started, ["c", "e", "a", "b", "D"]),
        (SortKey::Progress, ["D", "a", "b", "c", "e"]),
        (SortKey::Step, ["D", "a", "b", "c", "e"]),
        (SortKey::User, ["D", "a", "b", "c", "e"]),
    ];
    for (key, want) in cases {
        assert_eq!(listed(store, &sorted(key, false)), want, "{key:?}");
        let mut back = want.to_vec();
        back.reverse();
        assert_eq!(listed(store, &sorted(key, true)), back, "{key:?} reversed");
        let page = SessionQuery {
            limit: 2,
            offset: 1,
            ..sorted(key, true)
        };
        assert_eq!(listed(store, &page), back[1..3], "{key:?} reversed, paged");
    }
    assert_eq!(
        listed(store, &SessionQuery::default()),
        listed(store, &sorted(SortKey::Updated, false)),
        "the default order is by update"
    );
}

/// A keyset cursor names a place in the default order only: with another order the query
/// is refused rather than answered wrong.
pub fn list_refuses_a_cursor_with_another_order(store: &mut dyn Store) {
    make(store, "a", 1, 1, 1, 0.0);
    let q = SessionQuery {
        after: Some((at(1), user("a"))),
        ..sorted(SortKey::User, false)
    };
    assert!(store.list_sessions(&q).is_err());
}

fn like(text: &str) -> SessionQuery {
    SessionQuery {
        user_like: Some(text.to_owned()),
        ..SessionQuery::default()
    }
}

/// `user_like` is a substring: `%`, `_` and `\` match only themselves; ASCII letters match
/// in any case, a non-ASCII letter only itself; the count follows the same filter.
pub fn list_searches_user_ids_literally(store: &mut dyn Store) {
    let names = [
        "Alice_1", "alice%2", "aliceX", "ALICE", "bob\\x", "Émile", "émile", "carol",
    ];
    for (i, name) in names.into_iter().enumerate() {
        let t = 100 - i64::try_from(i).unwrap();
        make(store, name, 0, t, 1, 0.0);
    }
    assert_eq!(
        listed(store, &like("alice")),
        ["Alice_1", "alice%2", "aliceX", "ALICE"]
    );
    assert_eq!(listed(store, &like("LiCeX")), ["aliceX"]);
    assert_eq!(listed(store, &like("_")), ["Alice_1"]);
    assert_eq!(listed(store, &like("%")), ["alice%2"]);
    assert_eq!(listed(store, &like("e%2")), ["alice%2"]);
    assert_eq!(listed(store, &like("\\")), ["bob\\x"]);
    assert_eq!(listed(store, &like("\\x")), ["bob\\x"]);
    assert_eq!(listed(store, &like("é")), ["émile"]);
    assert_eq!(listed(store, &like("ÉMILE")), ["Émile"]);
    assert!(listed(store, &like("zz")).is_empty());
    assert_eq!(listed(store, &like("")).len(), names.len());
    assert_eq!(store.count_matching_sessions(&like("alice")).unwrap(), 4);
    assert_eq!(store.count_matching_sessions(&like("%")).unwrap(), 1);
    let combined = SessionQuery {
        limit: 1,
        offset: 1,
        ..like("alice")
    };
    assert_eq!(listed(store, &combined), ["alice%2"]);
}

/// The count is of the filters: limit, offset and order do not change it.
pub fn count_matching_sessions_ignores_paging(store: &mut dyn Store) {
    make(store, "s1", 0, 1, 1, 0.0);
    make(store, "s2", 0, 2, 2, 20.0);
    make(store, "s3", 0, 3, 2, 20.0);
    let at_two = SessionQuery {
        current_step: StepNumber::new(2),
        limit: 1,
        offset: 1,
        ..sorted(SortKey::Progress, true)
    };
    assert_eq!(store.count_matching_sessions(&at_two).unwrap(), 2);
    assert_eq!(
        store
            .count_matching_sessions(&SessionQuery::default())
            .unwrap(),
        3
    );
    let none = SessionQuery {
        lifecycles: vec![Lifecycle::Completed],
        ..SessionQuery::default()
    };
    assert_eq!(store.count_matching_sessions(&none).unwrap(), 0);
}

/// The service hands over at most the limit and names the total only when more match.
pub fn the_service_names_the_total_when_the_list_stops_early(store: &mut dyn Store) {
    use onboardctl::service::{ListFilter, Service};
    for (i, name) in ["t1", "t2", "t3", "t4", "t5", "x1"].into_iter().enumerate() {
        make(store, name, 0, i64::try_from(i).unwrap(), 1, 0.0);
    }
    let settings = onboardctl::config::Settings::from_env(&|_| None).unwrap();
    let mut svc = Service::new(store, settings);
    let mut run = |limit: u32, offset: u32, user_like: Option<&str>| {
        let filter = ListFilter {
            limit,
            offset,
            user_like: user_like.map(str::to_owned),
            ..ListFilter::default()
        };
        let mut seen = 0;
        let listed = svc
            .list_sessions_paged::<onboardctl::error::Error>(&filter, &mut |rows| {
                seen += rows.len();
                Ok(())
            })
            .unwrap();
        assert_eq!(listed.shown, u64::try_from(seen).unwrap());
        (listed.shown, listed.total)
    };
    assert_eq!(run(2, 0, None), (2, Some(6)));
    assert_eq!(run(2, 3, None), (2, Some(6)));
    assert_eq!(run(2, 4, None), (2, None), "the last two: nothing left");
    assert_eq!(
        run(6, 0, None),
        (6, None),
        "exactly the limit: nothing left"
    );
    assert_eq!(run(u32::MAX, 0, None), (6, None));
    assert_eq!(run(2, 0, Some("t")), (2, Some(5)));
    assert_eq!(run(0, 0, Some("zz")), (0, None));
}
