//! `list_sessions`: ordering, paging, the lifecycle definition, and every filter (AND-ed).

use onboardctl::domain::{StepNumber, StepStatus, Timestamp};
use onboardctl::store::{Lifecycle, SessionQuery, Store};

use crate::support::{at, user};

/// What to do to a session after creating it.
#[derive(Clone, Copy)]
enum Shape {
    /// Created at the given time only (no step rows at all).
    Fresh,
    /// Saved with all six steps pending.
    SavedPending,
    /// Step 1 set to this status; `current_step` set to the step given.
    Step(StepStatus, i64),
    /// `completed_at` set (steps left pending: completion alone decides).
    Completed,
}

fn make(store: &mut dyn Store, name: &str, updated: i64, shape: Shape) {
    let u = user(name);
    if let Shape::Fresh = shape {
        store.create_session(&u, at(updated)).unwrap();
        return;
    }
    let (mut state, _) = store.create_session(&u, at(0)).unwrap();
    match shape {
        Shape::Fresh | Shape::SavedPending => {}
        Shape::Step(status, current) => {
            state.step_mut(StepNumber::FIRST).status = status;
            state.session.current_step = StepNumber::new(current).unwrap();
        }
        Shape::Completed => state.session.completed_at = Some(at(updated)),
    }
    state.session.updated_at = at(updated);
    store.save_onboarding(&state).unwrap();
}

fn query() -> SessionQuery {
    SessionQuery {
        lifecycles: vec![],
        current_step: None,
        stalled_since: None,
        limit: 100,
        offset: 0,
        after: None,
        ..Default::default()
    }
}

fn users(store: &mut dyn Store, q: &SessionQuery) -> Vec<String> {
    let rows = store.list_sessions(q).unwrap();
    rows.iter().map(|r| r.session.user_id.to_string()).collect()
}

/// Newest `updated_at` first, ties by user id; rows carry the stored session.
pub fn list_orders_by_updated_at_desc_then_user_id(store: &mut dyn Store) {
    make(store, "b", 10, Shape::SavedPending);
    make(store, "a", 10, Shape::Step(StepStatus::InProgress, 1));
    make(store, "c", 20, Shape::Completed);
    make(store, "d", 5, Shape::Fresh);
    assert_eq!(users(store, &query()), ["c", "a", "b", "d"]);
    let rows = store.list_sessions(&query()).unwrap();
    assert_eq!(
        rows[0].session,
        store.load_onboarding(&user("c")).unwrap().unwrap().session
    );
}

/// `limit` and `offset` page through the ordered list.
pub fn list_pages_with_limit_and_offset(store: &mut dyn Store) {
    for (i, name) in ["u1", "u2", "u3", "u4", "u5"].into_iter().enumerate() {
        make(
            store,
            name,
            100 - i64::try_from(i).unwrap(),
            Shape::SavedPending,
        );
    }
    let page = |store: &mut dyn Store, limit, offset| {
        users(
            store,
            &SessionQuery {
                limit,
                offset,
                ..query()
            },
        )
    };
    assert_eq!(page(store, 2, 0), ["u1", "u2"]);
    assert_eq!(page(store, 2, 2), ["u3", "u4"]);
    assert_eq!(page(store, 2, 4), ["u5"]);
    assert!(page(store, 2, 10).is_empty());
    assert!(page(store, 0, 0).is_empty());
}

/// Lifecycle is reported and filtered exactly as `Lifecycle` defines it.
pub fn list_reports_and_filters_lifecycle(store: &mut dyn Store) {
    make(store, "ns-fresh", 1, Shape::Fresh);
    make(store, "ns-saved", 2, Shape::SavedPending);
    make(
        store,
        "ip-running",
        3,
        Shape::Step(StepStatus::InProgress, 1),
    );
    make(store, "ip-failed", 4, Shape::Step(StepStatus::Failed, 1));
    make(store, "ip-skipped", 5, Shape::Step(StepStatus::Skipped, 2));
    make(store, "done", 6, Shape::Completed);
    let all = store.list_sessions(&query()).unwrap();
    for row in &all {
        let name = row.session.user_id.as_str();
        let expected = match &name[..2] {
            "ns" => Lifecycle::NotStarted,
            "ip" => Lifecycle::InProgress,
            _ => Lifecycle::Completed,
        };
        assert_eq!(row.lifecycle, expected, "{name}");
    }
    let only = |store: &mut dyn Store, lifecycles: Vec<Lifecycle>| {
        users(
            store,
            &SessionQuery {
                lifecycles,
                ..query()
            },
        )
    };
    assert_eq!(
        only(store, vec![Lifecycle::NotStarted]),
        ["ns-saved", "ns-fresh"]
    );
    assert_eq!(
        only(store, vec![Lifecycle::InProgress]),
        ["ip-skipped", "ip-failed", "ip-running"]
    );
    assert_eq!(only(store, vec![Lifecycle::Completed]), ["done"]);
    assert_eq!(
        only(store, vec![Lifecycle::Completed, Lifecycle::NotStarted]),
        ["done", "ns-saved", "ns-fresh"]
    );
    assert_eq!(only(store, vec![]).len(), 6);
}

/// `current_step` keeps sessions at that step only.
pub fn list_filters_by_current_step(store: &mut dyn Store) {
    make(store, "on-1", 1, Shape::Step(StepStatus::InProgress, 1));
    make(store, "on-2a", 2, Shape::Step(StepStatus::Completed, 2));
    make(store, "on-2b", 3, Shape::Step(StepStatus::Skipped, 2));
    let at_step = |store: &mut dyn Store, n| {
        users(
            store,
            &SessionQuery {
                current_step: StepNumber::new(n),
                ..query()
            },
        )
    };
    assert_eq!(at_step(store, 2), ["on-2b", "on-2a"]);
    assert_eq!(at_step(store, 1), ["on-1"]);
    assert!(at_step(store, 6).is_empty());
}

fn stalled(since: Timestamp) -> SessionQuery {
    SessionQuery {
        stalled_since: Some(since),
        ..query()
    }
}

/// `stalled_since` keeps unfinished sessions updated strictly before it.
pub fn list_filters_stalled_unfinished_sessions(store: &mut dyn Store) {
    make(store, "old", 50, Shape::Step(StepStatus::InProgress, 1));
    make(store, "old-untouched", 40, Shape::SavedPending);
    make(store, "exactly", 100, Shape::SavedPending);
    make(store, "recent", 150, Shape::SavedPending);
    make(store, "old-but-done", 10, Shape::Completed);
    assert_eq!(users(store, &stalled(at(100))), ["old", "old-untouched"]);
    assert!(users(store, &stalled(at(0))).is_empty());
}

/// Filters combine with AND.
pub fn list_filters_combine_with_and(store: &mut dyn Store) {
    make(store, "match", 10, Shape::Step(StepStatus::Completed, 2));
    make(
        store,
        "wrong-step",
        10,
        Shape::Step(StepStatus::InProgress, 1),
    );
    make(
        store,
        "too-recent",
        500,
        Shape::Step(StepStatus::Completed, 2),
    );
    make(store, "not-started", 10, Shape::SavedPending);
    let q = SessionQuery {
        lifecycles: vec![Lifecycle::InProgress],
        current_step: StepNumber::new(2),
        stalled_since: Some(at(100)),
        ..query()
    };
    assert_eq!(users(store, &q), ["match"]);
}

/// Keyset paging (`after` the last row of a page) walks the ordered list exactly once,
/// ties on `updated_at` broken by user id, with filters applied on every page.
pub fn list_pages_with_a_keyset_cursor(store: &mut dyn Store) {
    let names = ["k3", "k1", "k5", "k2", "k4", "k6", "k0"];
    for (i, name) in names.into_iter().enumerate() {
        // Three share one `updated_at`: the cursor must order them by id.
        let at = if i < 3 {
            50
        } else {
            40 - i64::try_from(i).unwrap()
        };
        make(store, name, at, Shape::SavedPending);
    }
    make(store, "k-done", 45, Shape::Completed);
    let all = users(store, &query());
    for size in [1, 2, 3] {
        let mut walked: Vec<String> = Vec::new();
        let mut after = None;
        loop {
            let q = SessionQuery {
                limit: size,
                after: after.clone(),
                ..query()
            };
            let rows = store.list_sessions(&q).unwrap();
            let Some(last) = rows.last() else { break };
            after = Some((last.session.updated_at, last.session.user_id.clone()));
            walked.extend(rows.iter().map(|r| r.session.user_id.to_string()));
        }
        assert_eq!(walked, all, "page size {size}");
    }
    let unfinished = SessionQuery {
        lifecycles: vec![onboardctl::store::Lifecycle::NotStarted],
        limit: 2,
        after: Some((at(50), user("k1"))),
        ..query()
    };
    assert_eq!(users(store, &unfinished), ["k3", "k5"]);
}

/// `session list` through the service hands the rows over a bounded page at a time (pages
/// of `LIST_PAGE`), in the order one long query gives, and stops at the limit: the output
/// never holds the whole list.
pub fn the_service_lists_in_bounded_pages(store: &mut dyn Store) {
    use onboardctl::service::{ListFilter, Service, LIST_PAGE};
    let n = usize::try_from(LIST_PAGE).unwrap() * 2 + 7;
    let bundles: Vec<onboardctl::domain::UserBundle> = (0..n)
        .map(|i| {
            let who = user(&format!("p{i:05}"));
            let mut session = onboardctl::domain::Session::new(who, at(0));
            session.updated_at = at(i64::try_from(i % 97).unwrap());
            onboardctl::domain::UserBundle::new(onboardctl::domain::Onboarding::new(session))
        })
        .collect();
    let refs: Vec<&onboardctl::domain::UserBundle> = bundles.iter().collect();
    if store.batch_users() > 1 {
        store.begin_write(onboardctl::store::TxScope::All).unwrap();
        store.save_bundles(&refs).unwrap();
        store.commit().unwrap();
    } else {
        for b in &bundles {
            store.save_bundle(b).unwrap();
        }
    }
    let whole = users(
        store,
        &SessionQuery {
            limit: u32::MAX,
            ..query()
        },
    );
    let settings = onboardctl::config::Settings::from_env(&|_| None).unwrap();
    let mut svc = Service::new(store, settings);
    for (limit, offset) in [(u32::MAX, 0), (LIST_PAGE + 3, 5)] {
        let filter = ListFilter {
            lifecycles: vec![],
            step: None,
            stalled_days: None,
            limit,
            offset,
            ..ListFilter::default()
        };
        let mut pages = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        svc.list_sessions_paged::<onboardctl::error::Error>(&filter, &mut |rows| {
            pages.push(rows.len());
            seen.extend(rows.iter().map(|r| r.session.user_id.to_string()));
            Ok(())
        })
        .unwrap();
        let off = usize::try_from(offset).unwrap();
        let want: Vec<String> = whole
            .iter()
            .skip(off)
            .take(usize::try_from(limit).unwrap_or(usize::MAX))
            .cloned()
            .collect();
        assert_eq!(seen, want, "limit {limit} offset {offset}");
        let page = usize::try_from(LIST_PAGE).unwrap();
        assert!(pages.iter().all(|p| *p <= page), "{pages:?}");
        assert!(pages.len() >= 2, "{pages:?}");
    }
}
