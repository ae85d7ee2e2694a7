//! Whole-user bundles: `load_bundle`, `save_bundle` (exact replacement, idempotent, atomic,
//! scoped to one user), keyset paging with `list_user_ids`, and `count_sessions`.

use onboardctl::domain::{CompetitorAnalysis, PageAudit, StepStatus, UserBundle, UserId};
use onboardctl::store::{Store, StoreError};
use serde_json::{json, Value};
use time::Duration;

use crate::support::{analysis, at, key, persona, populate, prefs, snapshot, user, Snapshot};

/// A bundle with every field set: steps in every status, forced, data with a JSON null,
/// floats that need all 17 digits, keys given out of order (then sorted), all three data
/// rows.
fn full(who: &UserId) -> UserBundle {
    let (t, later) = (at(10), at(20));
    let mut b = UserBundle::new(onboardctl::domain::Onboarding::new(
        onboardctl::domain::Session::new(who.clone(), t),
    ));
    let s = &mut b.onboarding.session;
    s.updated_at = later;
    s.progress = 33.3;
    s.current_step = "3".parse().unwrap();
    let statuses = [
        StepStatus::Completed,
        StepStatus::Skipped,
        StepStatus::InProgress,
        StepStatus::Failed,
        StepStatus::Pending,
        StepStatus::Pending,
    ];
    for (step, status) in b.onboarding.steps.iter_mut().zip(statuses) {
        step.status = status;
    }
    let first = &mut b.onboarding.steps[0];
    first.completed_at = Some(t + Duration::microseconds(7));
    first.data = Some(json!({"api_keys": {"gemini": "****0001"}, "n": null,
        "scores": [0.1 + 0.2, 1.234_567_890_123_456_7e-7, 2.5e300]}));
    first.forced = true;
    first.force_reason = Some("operator said so".into());
    b.onboarding.steps[3].validation_errors = vec!["no persona".into(), "é".into()];
    b.keys = vec![
        key("openai", "sk-FAKE-bundle-0003", t),
        key("exa", "exa-FAKE-bundle-0002", later),
        key("gemini", "AIzaFAKE-bundle-0001", t),
    ];
    b.sort_keys();
    let mut a = analysis(t);
    a.seo_audit = Some(Value::Null);
    a.error_message = None;
    b.analysis = Some(a);
    b.research = Some(prefs(later));
    b.persona = Some(persona(t));
    b.competitors = vec![
        CompetitorAnalysis {
            competitor_url: "https://rival.example.org/".into(),
            competitor_domain: Some("rival.example.org".into()),
            analysis_date: Some(t),
            analysis_data: Some(json!({"summary": "é", "n": null, "score": 0.1 + 0.2})),
            status: Some("completed".into()),
            error_message: None,
            warning_message: Some("partial crawl".into()),
            created_at: Some(t),
            updated_at: Some(later),
        },
        CompetitorAnalysis {
            competitor_url: "https://another.example.org/".into(),
            analysis_data: Some(Value::Null),
            ..CompetitorAnalysis::default()
        },
    ];
    b.page_audits = vec![
        PageAudit {
            website_url: "https://example.org".into(),
            page_url: "https://example.org/pricing".into(),
            overall_score: Some(87),
            status: Some("completed".into()),
            category_scores: Some(json!({"seo": 90, "speed": 84})),
            issues: Some(json!([{"title": "missing alt text"}])),
            warnings: Some(json!([])),
            recommendations: Some(Value::Null),
            audit_data: Some(json!({"raw": true})),
            analysis_source: Some("scheduler".into()),
            last_analyzed_at: Some(later),
            created_at: Some(t),
            updated_at: Some(later),
        },
        PageAudit {
            website_url: "https://example.org".into(),
            page_url: "https://example.org/".into(),
            ..PageAudit::default()
        },
    ];
    // As every store returns them: by page.
    PageAudit::sort(&mut b.page_audits);
    b
}

fn as_snapshot(b: &UserBundle) -> Snapshot {
    Snapshot {
        onboarding: Some(b.onboarding.clone()),
        keys: b.keys.clone(),
        analysis: b.analysis.clone(),
        prefs: b.research.clone(),
        persona: b.persona.clone(),
    }
}

/// A saved bundle is read back equal, for a user who had no session.
pub fn bundle_round_trips(store: &mut dyn Store) {
    let u = user("bundled");
    let b = full(&u);
    store.save_bundle(&b).unwrap();
    assert_eq!(store.load_bundle(&u).unwrap(), Some(b));
}

/// No session, no bundle.
pub fn load_bundle_is_none_without_a_session(store: &mut dyn Store) {
    populate(store, &user("someone"), at(0));
    assert_eq!(store.load_bundle(&user("nobody")).unwrap(), None);
}

/// `load_bundle` holds exactly what the single-row reads return.
pub fn load_bundle_matches_the_single_row_reads(store: &mut dyn Store) {
    let u = user("populated");
    populate(store, &u, at(5));
    let b = store.load_bundle(&u).unwrap().expect("bundle");
    assert_eq!(as_snapshot(&b), snapshot(store, &u));
}

/// Saving over stored data replaces it exactly: started_at and created_at as given, keys
/// the bundle lacks deleted, absent data rows deleted.
pub fn save_bundle_replaces_exactly(store: &mut dyn Store) {
    let u = user("replaced");
    populate(store, &u, at(100));
    let mut b = full(&u);
    b.keys = vec![key("openai", "sk-FAKE-only-0009", at(1))];
    b.analysis = None;
    b.persona = None;
    let mut older = prefs(at(1));
    older.content_types = Vec::new();
    b.research = Some(older);
    b.competitors.remove(0);
    b.page_audits.reverse();
    b.page_audits.pop();
    b.page_audits[0].overall_score = Some(12);
    b.page_audits[0].issues = None;
    store.save_bundle(&b).unwrap();
    assert_eq!(store.load_bundle(&u).unwrap().as_ref(), Some(&b));
    assert_eq!(snapshot(store, &u), as_snapshot(&b));
    b.keys.clear();
    b.research = None;
    b.competitors.clear();
    b.page_audits.clear();
    store.save_bundle(&b).unwrap();
    assert_eq!(store.load_bundle(&u).unwrap(), Some(b));
}

/// A deleted user's competitor analyses and page audits go with them: the same id created
/// again starts with neither (the audits hang off the user id, not the session row), and a
/// look-alike user keeps theirs.
pub fn delete_session_removes_the_lists(store: &mut dyn Store) {
    let (u, other) = (user("listed"), user("listed2"));
    store.save_bundle(&full(&u)).unwrap();
    let kept = full(&other);
    store.save_bundle(&kept).unwrap();
    let plan = store.deletion(&u).unwrap().expect("a deletion plan");
    let rows = |t: &str| plan.removes.iter().find(|r| r.table == t).map(|r| r.rows);
    assert_eq!(rows("competitor_analyses"), Some(2));
    assert_eq!(rows("seo_page_audits"), Some(2));
    assert!(store.delete_session(&u).unwrap());
    store.create_session(&u, at(50)).unwrap();
    let again = store.load_bundle(&u).unwrap().expect("bundle");
    assert!(again.competitors.is_empty() && again.page_audits.is_empty());
    assert_eq!(store.load_bundle(&other).unwrap(), Some(kept));
}

/// Saving the same bundle twice leaves the same data.
pub fn save_bundle_is_idempotent(store: &mut dyn Store) {
    let u = user("twice");
    let b = full(&u);
    store.save_bundle(&b).unwrap();
    store.save_bundle(&b).unwrap();
    assert_eq!(store.load_bundle(&u).unwrap(), Some(b));
    assert_eq!(store.count_sessions().unwrap(), 1);
}

/// Saving one user's bundle leaves look-alike users' data identical.
pub fn save_bundle_leaves_other_users_untouched(store: &mut dyn Store) {
    let others: Vec<UserId> = ["user_4", "user_42x", "user_%", "USER_42"]
        .into_iter()
        .map(user)
        .collect();
    for (i, o) in (0..).zip(&others) {
        populate(store, o, at(i));
    }
    let before: Vec<Snapshot> = others.iter().map(|o| snapshot(store, o)).collect();
    let u = user("user_42");
    let mut b = full(&u);
    store.save_bundle(&b).unwrap();
    b.keys.clear();
    b.analysis = None;
    store.save_bundle(&b).unwrap();
    for (o, was) in others.iter().zip(&before) {
        assert!(snapshot(store, o) == *was, "save_bundle changed {o}'s rows");
    }
}

/// A provider listed twice fails after the session and steps were written; nothing of
/// the user changes, and a user who had no session still has none.
pub fn failed_save_bundle_changes_nothing(store: &mut dyn Store) {
    let u = user("atomic");
    populate(store, &u, at(0));
    let before = snapshot(store, &u);
    let mut b = full(&u);
    b.keys.push(key("exa", "exa-FAKE-duplicate-0004", at(3)));
    match store.save_bundle(&b) {
        Err(StoreError::Conflict(m)) => assert!(!m.contains("FAKE"), "value in message: {m}"),
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert!(snapshot(store, &u) == before, "a failed save changed data");
    let fresh = user("atomic-new");
    let mut nb = full(&fresh);
    nb.keys.push(key("exa", "exa-FAKE-duplicate-0005", at(3)));
    assert!(matches!(
        store.save_bundle(&nb),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(store.load_bundle(&fresh).unwrap(), None);
}

/// Keyset pages cover every user once, in bytewise order, whatever the page size.
pub fn list_user_ids_pages_in_bytewise_order(store: &mut dyn Store) {
    let ids = [
        "b", "a", "B", "user_10", "user_2", "é", "a b", "Z", "42", "user_%", "a-b", "ä",
    ];
    for id in ids {
        store.create_session(&user(id), at(0)).unwrap();
    }
    let mut expected: Vec<&str> = ids.to_vec();
    expected.sort_unstable();
    for page in [1, 3, 5, 100] {
        let mut got = Vec::new();
        let mut after: Option<UserId> = None;
        loop {
            let batch = store.list_user_ids(after.as_ref(), page).unwrap();
            assert!(batch.len() <= page as usize);
            let Some(last) = batch.last().cloned() else {
                break;
            };
            got.extend(batch);
            after = Some(last);
        }
        let got: Vec<&str> = got.iter().map(UserId::as_str).collect();
        assert_eq!(got, expected, "page size {page}");
    }
    let from_gap = store.list_user_ids(Some(&user("a.")), 2).unwrap();
    let from_gap: Vec<&str> = from_gap.iter().map(UserId::as_str).collect();
    assert_eq!(from_gap, ["b", "user_%"]);
    assert!(store.list_user_ids(None, 0).unwrap().is_empty());
}

/// The count follows creates and deletes.
pub fn count_sessions_counts_users(store: &mut dyn Store) {
    assert_eq!(store.count_sessions().unwrap(), 0);
    for u in ["one", "two", "three"] {
        store.create_session(&user(u), at(0)).unwrap();
    }
    store.create_session(&user("one"), at(1)).unwrap();
    assert_eq!(store.count_sessions().unwrap(), 3);
    store.delete_session(&user("two")).unwrap();
    assert_eq!(store.count_sessions().unwrap(), 2);
}

/// `db copy`'s progress record: absent, then as put, replaced by a later put, per source,
/// and rolled back with the transaction it was put in.
pub fn copy_progress_round_trips_per_source(store: &mut dyn Store) {
    use onboardctl::store::{CopyProgress, TxScope};
    assert_eq!(store.copy_progress("sqlite:/a.db").unwrap(), None);
    let mut p = CopyProgress {
        source: "sqlite:/a.db".into(),
        last_user: None,
        started_at: at(0),
        updated_at: at(0),
        finished_at: None,
    };
    store.put_copy_progress(&p).unwrap();
    assert_eq!(
        store.copy_progress("sqlite:/a.db").unwrap(),
        Some(p.clone())
    );
    p.last_user = Some(user("user_00042"));
    p.updated_at = at(5);
    p.finished_at = Some(at(9));
    store.put_copy_progress(&p).unwrap();
    assert_eq!(
        store.copy_progress("sqlite:/a.db").unwrap(),
        Some(p.clone())
    );
    assert_eq!(store.copy_progress("postgres://other").unwrap(), None);

    store.begin_write(TxScope::All).unwrap();
    let mut undone = p.clone();
    undone.last_user = Some(user("user_99999"));
    store.put_copy_progress(&undone).unwrap();
    store.rollback().unwrap();
    assert_eq!(store.copy_progress("sqlite:/a.db").unwrap(), Some(p));
}

/// A page of bundles is exactly each user's own bundle, in the order asked, with `None` for
/// an id without a session; look-alike ids stay apart, and inside a write transaction the
/// page sees the transaction's own writes.
pub fn load_bundles_equals_load_bundle_per_user(store: &mut dyn Store) {
    let ids = ["page-full", "user_%", "user_42", "page-bare", "USER_42"];
    store.save_bundle(&full(&user("page-full"))).unwrap();
    for (i, id) in (0..).zip(["user_%", "user_42", "USER_42"]) {
        populate(store, &user(id), at(i));
    }
    store.create_session(&user("page-bare"), at(9)).unwrap();
    let mut asked: Vec<UserId> = ids.iter().copied().map(user).collect();
    asked.insert(2, user("page-missing"));
    asked.push(user("page-full"));
    let page = store.load_bundles(&asked).unwrap();
    assert_eq!(page.len(), asked.len());
    for (id, got) in asked.iter().zip(&page) {
        assert_eq!(*got, store.load_bundle(id).unwrap(), "{id}");
    }
    assert!(page[2].is_none(), "no session, no bundle");
    assert!(store.load_bundles(&[]).unwrap().is_empty());
    let u = user("page-bare");
    store
        .begin_write(onboardctl::store::TxScope::User(&u))
        .unwrap();
    let mut changed = store.load_bundle(&u).unwrap().unwrap();
    changed.keys = vec![key("exa", "exa-FAKE-page-0001", at(11))];
    store.save_bundle(&changed).unwrap();
    assert_eq!(
        store.load_bundles(std::slice::from_ref(&u)).unwrap(),
        vec![Some(changed)]
    );
    store.rollback().unwrap();
}

/// A transaction over several users ([`TxScope::Users`], on stores that batch) writes them
/// all or none: a rollback leaves no user, a commit every one. Stores that write one user
/// per transaction refuse the scope and change nothing.
pub fn a_batch_transaction_writes_all_its_users_or_none(store: &mut dyn Store) {
    let ids: Vec<UserId> = ["batch-b", "batch-a", "batch-c"]
        .into_iter()
        .map(user)
        .collect();
    if store.batch_users() < 2 {
        assert!(store
            .begin_write(onboardctl::store::TxScope::Users(&ids))
            .is_err());
        assert_eq!(store.count_sessions().unwrap(), 0);
        return;
    }
    for commit in [false, true] {
        store
            .begin_write(onboardctl::store::TxScope::Users(&ids))
            .unwrap();
        for id in &ids {
            store.save_bundle(&full(id)).unwrap();
        }
        if commit {
            store.commit().unwrap();
        } else {
            store.rollback().unwrap();
            assert_eq!(store.count_sessions().unwrap(), 0, "rolled back");
        }
    }
    for id in &ids {
        assert_eq!(store.load_bundle(id).unwrap(), Some(full(id)));
    }
}
