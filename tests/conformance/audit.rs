//! The audit trail (`Store::append_audit`, `Store::list_audit`, and the service writing one
//! row per change inside the change's transaction): rows round-trip, filter and order newest
//! first; a rolled-back change rolls its row back; a refused command leaves no row; rows
//! outlive `session delete`; no key value ever reaches a row.

use onboardctl::config::Settings;
use onboardctl::domain::audit::{AuditEntry, AuditQuery, FieldChange};
use onboardctl::domain::{Secret, StepNumber, StepStatus};
use onboardctl::service::{KeyOptions, Service};
use onboardctl::store::{atomically, Store, StoreError, TxScope};
use serde_json::json;

use crate::support::{at, user};

/// A distinctive fake key that must never reach an audit row.
const CANARY: &str = "AIzaAUDIT_CANARY_k3y_FAKE_000000000000";

fn entry(u: &str, secs: i64, actor: &str) -> AuditEntry {
    AuditEntry {
        id: 0,
        at: at(secs),
        actor: actor.into(),
        command: "onboardctl test".into(),
        user: Some(user(u)),
        changes: vec![FieldChange {
            field: "progress".into(),
            old: Some(json!(0.0)),
            new: Some(json!(50.0)),
        }],
        reason: Some("why".into()),
        outcome: "updated".into(),
    }
}

fn all(store: &mut dyn Store) -> Vec<AuditEntry> {
    store
        .list_audit(&AuditQuery {
            limit: 1_000,
            ..AuditQuery::default()
        })
        .expect("list audit")
}

/// Appended rows come back whole, newest first, and the filters and limit hold.
pub fn audit_rows_round_trip_and_filter(store: &mut dyn Store) {
    for u in ["a1", "a2"] {
        store.create_session(&user(u), at(0)).expect("create");
    }
    for (u, secs, actor) in [("a1", 1, "ops"), ("a2", 2, "ci"), ("a1", 3, "ci")] {
        atomically(store, TxScope::User(&user(u)), |s| {
            s.append_audit(&entry(u, secs, actor))
        })
        .expect("append");
    }
    let rows = all(store);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].at, at(3));
    assert_eq!(rows[2].at, at(1));
    let first = &rows[2];
    assert_eq!(first.actor, "ops");
    assert_eq!(first.reason.as_deref(), Some("why"));
    assert_eq!(first.changes, entry("a1", 1, "ops").changes);
    let q = |user_id: Option<&str>, actor: Option<&str>, since: Option<i64>, limit| AuditQuery {
        user: user_id.map(user),
        actor: actor.map(str::to_owned),
        since: since.map(at),
        limit,
    };
    let count = |store: &mut dyn Store, query: AuditQuery| store.list_audit(&query).unwrap().len();
    assert_eq!(count(store, q(Some("a1"), None, None, 100)), 2);
    assert_eq!(count(store, q(None, Some("ci"), None, 100)), 2);
    assert_eq!(count(store, q(None, None, Some(2), 100)), 2);
    assert_eq!(count(store, q(Some("a1"), Some("ci"), None, 100)), 1);
    assert_eq!(count(store, q(None, None, None, 1)), 1);
}

/// A transaction rolled back takes its audit row with it.
pub fn rolled_back_change_leaves_no_audit_row(store: &mut dyn Store) {
    let u = user("rb");
    store.create_session(&u, at(0)).expect("create");
    let failed: Result<(), StoreError> = atomically(store, TxScope::User(&u), |s| {
        s.append_audit(&entry("rb", 1, "ops"))?;
        Err(StoreError::Conflict("provoked".into()))
    });
    assert!(failed.is_err());
    assert!(all(store).is_empty(), "the row was rolled back");
}

/// Through the service: each change writes exactly one row with its diff; a refused change
/// (validation) and a no-op write none; `session delete` is audited and the user's earlier
/// rows survive it; no row holds a key value.
pub fn the_service_audits_each_change_once(store: &mut dyn Store) {
    let u = user("svc");
    let mut svc = Service::new(store, Settings::from_env(&|_| None).expect("settings"));
    svc.create_session(&u).expect("create");
    svc.create_session(&u).expect("again: a no-op");
    svc.set_key(
        &u,
        &"gemini".parse().unwrap(),
        Secret::new(CANARY.into()),
        KeyOptions::default(),
    )
    .expect("key set");
    let refused = svc.mark_step(
        &u,
        onboardctl::domain::progress::StepChange {
            step: StepNumber::new(2).unwrap(),
            status: StepStatus::Completed,
            data: None,
            error: None,
            forced: None,
        },
    );
    assert!(refused.is_err(), "step 2 has no analysis");
    svc.delete_session(&u).expect("delete");
    let rows = svc
        .audit_log(&AuditQuery {
            limit: 100,
            ..AuditQuery::default()
        })
        .expect("log");
    let outcomes: Vec<&str> = rows.iter().rev().map(|r| r.outcome.as_str()).collect();
    assert_eq!(outcomes, ["created", "created", "deleted"]);
    let key_change = &rows[1].changes;
    let fingerprint = Secret::new(CANARY.into()).fingerprint();
    assert_eq!(key_change.len(), 1);
    assert_eq!(key_change[0].field, "key.gemini");
    assert_eq!(key_change[0].new, Some(json!(fingerprint)));
    let text = format!("{rows:?}");
    assert!(
        !text.contains("CANARY"),
        "a key value reached the audit trail"
    );
    let deleted = rows[0].changes.iter().find(|c| c.field == "key.gemini");
    assert_eq!(
        deleted.and_then(|c| c.old.clone()),
        Some(json!(fingerprint))
    );
}

/// A bulk write's batch of rows (`Store::append_audits`) comes back whole and in order, the
/// same as rows appended one by one: one statement on PostgreSQL, a row at a time elsewhere.
pub fn a_batch_of_audit_rows_round_trips_in_order(store: &mut dyn Store) {
    let ids: Vec<_> = ["b1", "b2", "b3"].iter().map(|u| user(u)).collect();
    for u in &ids {
        store.create_session(u, at(0)).expect("create");
    }
    let mut entries: Vec<AuditEntry> = ["b1", "b2", "b3"]
        .iter()
        .zip(5..)
        .map(|(u, secs)| entry(u, secs, "bulk"))
        .collect();
    entries[1].reason = None;
    entries[2].changes.clear();
    if store.batch_users() > 1 {
        atomically(store, TxScope::Users(&ids), |s| s.append_audits(&entries)).expect("batch");
    } else {
        for (u, e) in ids.iter().zip(&entries) {
            atomically(store, TxScope::User(u), |s| {
                s.append_audits(std::slice::from_ref(e))
            })
            .expect("one");
        }
    }
    let mut rows = all(store);
    // Newest first: the batch's order, reversed.
    rows.reverse();
    assert_eq!(rows.len(), 3);
    for (got, want) in rows.iter().zip(&entries) {
        assert_eq!(got.user, want.user);
        assert_eq!(got.at, want.at);
        assert_eq!(got.actor, want.actor);
        assert_eq!(got.command, want.command);
        assert_eq!(got.changes, want.changes);
        assert_eq!(got.reason, want.reason);
        assert_eq!(got.outcome, want.outcome);
    }
    assert!(
        store.append_audits(&[]).expect("none"),
        "an empty batch writes nothing"
    );
}
