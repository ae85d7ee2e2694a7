//! Adoption scenarios, each a body run on every backend and both ALwrity eras: what the plan
//! and the result are, that nothing is lost, that a dry run and a failed run change nothing,
//! and that a second run is a no-op.

use std::collections::BTreeSet;

use onboardctl::domain::{StepStatus, UserId};
use onboardctl::store::adopt::{AdoptOptions, AdoptionReport, FailPoint};
use onboardctl::store::Backend;
use time::macros::datetime;

use crate::alwrity::{self, Era};
use crate::backends::TestDb;
use crate::check;

fn user(s: &str) -> UserId {
    s.parse().unwrap()
}

/// Builds the ALwrity database of `era` and adopts it.
pub fn adopt(db: &mut TestDb, era: Era) -> AdoptionReport {
    alwrity::build(&mut *db.raw, era);
    db.store
        .adopt(&AdoptOptions::default())
        .expect("adoption succeeds")
        .expect("an ALwrity database is adopted")
}

fn pairs<'a>(list: impl Iterator<Item = (&'a str, i64)>) -> BTreeSet<(String, i64)> {
    list.map(|(t, i)| (t.to_owned(), i)).collect()
}

/// The rows the fixture's story sends to quarantine on this backend and era.
fn expected_quarantine(backend: Backend, era: Era) -> BTreeSet<(String, i64)> {
    let mut out = vec![
        ("api_keys", 10),
        ("api_keys", 13),
        ("api_keys", 15),
        ("website_analyses", 30),
        ("research_preferences", 40),
        ("onboarding_sessions", 2),
        ("onboarding_sessions", 5),
    ];
    if backend == Backend::Sqlite {
        out.extend([("api_keys", 14), ("website_analyses", 33)]);
        if era == Era::Later {
            out.push(("competitor_analyses", 61));
        }
    }
    pairs(out.into_iter())
}

/// Merges, duplicates, orphans and derived steps come out as the rules say.
pub fn merges_quarantines_and_derives(db: &mut TestDb, era: Era) {
    let report = adopt(db, era);
    let plan = &report.plan;
    let merges: Vec<_> = plan
        .merges
        .iter()
        .map(|m| (m.user_id.as_str(), m.survivor, m.merged.clone()))
        .collect();
    assert_eq!(merges, [("user_a", 1, vec![2]), ("user_b", 3, vec![5])]);
    assert_eq!(
        check::moved_out(plan),
        expected_quarantine(db.backend(), era)
    );
    let reasons: Vec<String> = check::quarantined(&mut *db.raw)
        .into_iter()
        .map(|q| format!("{} {}: {}", q.table, q.id, q.reason))
        .collect();
    for expected in [
        "api_keys 10: duplicate key for session 1, provider `gemini`, superseded by id 11",
        "api_keys 13: session_id is NULL",
        "api_keys 15: duplicate key for session 3, provider `gemini`, superseded by id 16",
        "onboarding_sessions 2: duplicate session of user `user_a`, merged into session 1",
    ] {
        assert!(
            reasons.iter().any(|r| r == expected),
            "{expected}\n{reasons:#?}"
        );
    }
    let store = &mut *db.store;
    let a = store.load_onboarding(&user("user_a")).unwrap().unwrap();
    let statuses = |o: &onboardctl::domain::Onboarding| o.steps.clone().map(|s| s.status);
    use StepStatus::{Completed as C, Pending as P, Skipped as S};
    assert_eq!(statuses(&a), [C, C, P, P, P, P]);
    assert_eq!(
        (a.session.current_step.get(), a.session.progress),
        (3, 33.3)
    );
    let keys = store.list_api_keys(&user("user_a")).unwrap();
    let keys: Vec<_> = keys
        .iter()
        .map(|k| (k.provider.as_str(), k.value.expose()))
        .collect();
    assert_eq!(
        keys,
        [
            ("exa", "00000000-0000-4000-8000-00000000000a"),
            ("gemini", "AIzaFAKE_ADOPT_NEWER_000000000000")
        ]
    );
    let analysis = store
        .get_website_analysis(&user("user_a"))
        .unwrap()
        .unwrap();
    assert_eq!(analysis.website_url, "", "row 31, the newer one, was kept");
    let b = store.load_onboarding(&user("user_b")).unwrap().unwrap();
    assert_eq!(statuses(&b), [C; 6]);
    assert_eq!(
        b.session.completed_at,
        Some(datetime!(2025-09-05 12:00:00.123456 UTC))
    );
    let prefs = store
        .get_research_preferences(&user("user_b"))
        .unwrap()
        .unwrap();
    assert_eq!(
        prefs.research_depth, "Comprehensive",
        "row 41, moved and newer"
    );
    let c = store.load_onboarding(&user("user_c")).unwrap().unwrap();
    assert_eq!((statuses(&c), c.session.progress), ([P; 6], 0.0));
    let d = store.load_onboarding(&user("user_d")).unwrap().unwrap();
    assert_eq!(statuses(&d), [C, C, S, C, P, P]);
    assert_eq!(
        (d.session.current_step.get(), d.session.progress),
        (5, 66.7)
    );
    let state = store.schema_state().unwrap();
    assert_eq!(
        (state.version(), state.pending.len()),
        (latest_version(), 0)
    );
    if era == Era::Later {
        let moved = db
            .raw
            .strings("SELECT session_id FROM competitor_analyses WHERE id = 60");
        assert_eq!(moved, ["1"], "competitor rows follow their session");
    }
}

/// Row by row: every original row is kept or quarantined as it was.
pub fn nothing_is_lost(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let before = check::originals(&mut *db.raw, era);
    let report = db.store.adopt(&AdoptOptions::default()).unwrap().unwrap();
    check::nothing_lost(&mut *db.raw, era, &before, &report.plan);
}

/// `adoption_plan` changes nothing, and is exactly what a real run then executes.
pub fn dry_run_changes_nothing(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let before = db.raw.dump();
    let plan = db.store.adoption_plan().unwrap().expect("a plan");
    assert_eq!(db.raw.dump(), before, "the dry run changed nothing");
    let schema = &plan.schema;
    let created: Vec<&str> = schema
        .create_tables
        .iter()
        .map(|t| t.table.as_str())
        .collect();
    assert_eq!(created, ["onboarding_steps", "onboardctl_quarantine"]);
    assert_eq!(schema.add_indexes.len(), 3);
    let rebuilt = if db.backend() == Backend::Sqlite {
        5
    } else {
        0
    };
    assert_eq!(schema.rebuild_tables.len(), rebuilt);
    assert!(schema
        .add_constraints
        .iter()
        .any(|c| c.name == "onboarding_sessions_user_id_key"));
    let report = db.store.adopt(&AdoptOptions::default()).unwrap().unwrap();
    let mut executed = report.plan.clone();
    executed.record.applied_on = None;
    assert_eq!(executed, plan, "the plan printed is the plan executed");
}

/// A failure at any point leaves the database exactly as it was; then adoption works.
pub fn injected_failure_rolls_back(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let before = db.raw.dump();
    for point in [
        FailPoint::AfterData,
        FailPoint::AfterSchema,
        FailPoint::BeforeCommit,
    ] {
        let opts = AdoptOptions {
            fail_at: Some(point),
        };
        let err = db.store.adopt(&opts).expect_err("the injected failure");
        assert!(err.to_string().contains("on purpose"), "{err}");
        assert_eq!(db.raw.dump(), before, "{point:?}: rolled back");
    }
    assert!(db.store.adopt(&AdoptOptions::default()).unwrap().is_some());
    // The store's connection has its foreign keys back on: deleting cascades.
    assert!(db.store.delete_session(&user("user_a")).unwrap());
    let left = db
        .raw
        .strings("SELECT count(*) FROM api_keys WHERE session_id = 1");
    assert_eq!(left, ["0"]);
}

/// A second run finds nothing to do and changes nothing.
pub fn adopting_twice_is_a_no_op(db: &mut TestDb, era: Era) {
    adopt(db, era);
    let after = db.raw.dump();
    assert!(db.store.adopt(&AdoptOptions::default()).unwrap().is_none());
    assert!(db.store.adoption_plan().unwrap().is_none());
    assert!(db.store.migrate().unwrap().is_empty());
    let mut other = db.open_store(None);
    assert!(other.migrate().unwrap().is_empty());
    assert!(other.adoption_plan().unwrap().is_none());
    assert_eq!(db.raw.dump(), after);
    let state = other.schema_state().unwrap();
    assert_eq!(
        (state.version(), state.pending.len()),
        (latest_version(), 0)
    );
    assert_eq!(state.applied[0].name, "init");
}

/// `migrate` adopts first, and an empty history table (a failed earlier run) is no history.
pub fn migrate_adopts_an_empty_history(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    db.raw.exec(
        "CREATE TABLE refinery_schema_history (version INT4 PRIMARY KEY, name VARCHAR(255), \
         applied_on VARCHAR(255), checksum VARCHAR(255))",
    );
    assert!(db.store.adoption_plan().unwrap().is_some());
    db.store.migrate().expect("migrate adopts");
    let q = db.raw.strings("SELECT count(*) FROM onboardctl_quarantine");
    assert_ne!(q, ["0"]);
    let mut fresh = onboardctl::store::sqlite::SqliteStore::open_in_memory().unwrap();
    let latest = onboardctl::store::Store::schema_state(&mut fresh)
        .unwrap()
        .pending
        .last()
        .map_or(0, |m| m.version);
    assert_eq!(db.store.schema_state().unwrap().version(), latest);
    assert!(db.store.load_onboarding(&user("user_a")).unwrap().is_some());
}

/// A database of ours, fresh or empty, is never adopted.
pub fn our_own_database_is_not_adopted(db: &mut TestDb, _era: Era) {
    assert!(db.store.adoption_plan().unwrap().is_none(), "empty");
    db.store.migrate().unwrap();
    assert!(db.store.adoption_plan().unwrap().is_none(), "ours");
    assert!(db.store.adopt(&AdoptOptions::default()).unwrap().is_none());
}

/// The newest migration this build has (adoption records V1; the later ones then apply).
fn latest_version() -> u32 {
    let mut fresh = onboardctl::store::sqlite::SqliteStore::open_in_memory().unwrap();
    onboardctl::store::Store::schema_state(&mut fresh)
        .unwrap()
        .pending
        .last()
        .map_or(0, |m| m.version)
}
