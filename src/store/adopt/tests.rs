//! The neutral rules without a database: merge order, duplicate resolution, orphans, the
//! reading of stored `current_step`/`progress`, and the schema diff of a seed-era catalog.

use time::macros::datetime;

use super::inventory::{
    Catalog, Child, ChildRow, ColumnShape, ForeignKey, Inventory, SessionRow, TableShape,
};
use super::plan::{ChangeKind, ConstraintKind};
use super::{derive, diff, plan, RecordedMigration};
use crate::domain::{StepStatus, Timestamp};
use crate::store::Backend;

const C: StepStatus = StepStatus::Completed;
const S: StepStatus = StepStatus::Skipped;
const P: StepStatus = StepStatus::Pending;

fn at(h: u8) -> Option<Timestamp> {
    Some(datetime!(2025-10-01 00:00 UTC) + time::Duration::hours(i64::from(h)))
}

fn session(id: i64, user: &str, step: i64, progress: f64, updated: u8) -> SessionRow {
    SessionRow {
        id,
        user_id: Some(user.to_owned()),
        current_step: Some(step),
        progress: Some(progress),
        started_at: at(0),
        updated_at: at(updated),
    }
}

fn child(table: Child, id: i64, session: Option<i64>, updated: u8) -> ChildRow {
    ChildRow {
        table,
        id,
        session_id: session,
        provider: (table == Child::ApiKeys).then(|| "gemini".to_owned()),
        updated_at: at(updated),
        evidence: true,
    }
}

fn baseline() -> RecordedMigration {
    RecordedMigration {
        version: 1,
        name: "init".into(),
        applied_on: None,
    }
}

fn run(inv: &Inventory) -> super::AdoptionPlan {
    plan(
        inv,
        Backend::Sqlite,
        baseline(),
        datetime!(2026-01-01 00:00 UTC),
    )
    .unwrap()
}

#[test]
fn the_most_advanced_session_survives_and_children_follow() {
    let inv = Inventory {
        sessions: vec![
            session(1, "u", 2, 33.3, 9),
            session(2, "u", 3, 50.0, 1),
            session(3, "u", 3, 50.0, 5),
            session(4, "v", 1, 0.0, 1),
        ],
        children: vec![child(Child::PersonaData, 10, Some(1), 1)],
        ..Inventory::default()
    };
    let p = run(&inv);
    assert_eq!(p.merges.len(), 1);
    assert_eq!(
        (p.merges[0].survivor, &p.merges[0].merged),
        (3, &vec![1, 2])
    );
    assert_eq!(p.moves.len(), 1);
    assert_eq!((p.moves[0].id, p.moves[0].to_session), (10, 3));
    let reasons: Vec<_> = p
        .quarantine
        .iter()
        .map(|q| (q.table.as_str(), q.id))
        .collect();
    assert_eq!(
        reasons,
        [("onboarding_sessions", 1), ("onboarding_sessions", 2)]
    );
    assert_eq!(
        p.sessions.iter().map(|s| s.session_id).collect::<Vec<_>>(),
        [3, 4]
    );
    assert_eq!(p.sessions[0].evidence, [4], "the moved persona is evidence");
}

#[test]
fn ties_fall_to_the_lowest_id() {
    let inv = Inventory {
        sessions: vec![session(7, "u", 2, 33.3, 1), session(5, "u", 2, 33.3, 1)],
        ..Inventory::default()
    };
    assert_eq!(run(&inv).merges[0].survivor, 5);
}

#[test]
fn newest_duplicate_wins_and_orphans_are_quarantined() {
    let mut older_key = child(Child::ApiKeys, 20, Some(1), 1);
    older_key.updated_at = None;
    let inv = Inventory {
        sessions: vec![session(1, "u", 1, 0.0, 1), session(2, "u", 1, 0.0, 0)],
        children: vec![
            older_key,
            child(Child::ApiKeys, 21, Some(2), 3),
            child(Child::ApiKeys, 22, None, 3),
            child(Child::WebsiteAnalyses, 30, Some(1), 4),
            child(Child::WebsiteAnalyses, 31, Some(2), 4),
            child(Child::CompetitorAnalyses, 40, Some(99), 4),
        ],
        ..Inventory::default()
    };
    let p = run(&inv);
    let dup: Vec<_> = p
        .duplicates
        .iter()
        .map(|d| (d.table.as_str(), d.kept, d.superseded.clone()))
        .collect();
    assert_eq!(
        dup,
        [
            ("api_keys", 21, vec![20]),
            ("website_analyses", 31, vec![30])
        ]
    );
    let q: Vec<_> = p
        .quarantine
        .iter()
        .map(|q| (q.id, q.reason.as_str()))
        .collect();
    assert!(q.contains(&(22, "session_id is NULL")), "{q:?}");
    assert!(q.contains(&(40, "session 99 does not exist")), "{q:?}");
    assert!(q.contains(&(
        20,
        "duplicate key for session 1, provider `gemini`, superseded by id 21"
    )));
    assert!(q.contains(&(
        30,
        "duplicate website_analyses row of session 1, superseded by id 31"
    )));
    let moved: Vec<i64> = p.moves.iter().map(|m| m.id).collect();
    assert_eq!(moved, [21, 31], "superseded rows are not moved");
}

fn read(step: i64, progress: f64, evidence: &[u8]) -> ([StepStatus; 6], u8, f64, bool) {
    let r = derive::interpret(
        &session(1, "u", step, progress, 2),
        evidence.to_vec(),
        datetime!(2026-01-01 00:00 UTC),
    );
    (
        r.steps,
        r.current_step,
        r.progress,
        r.completed_at.is_some(),
    )
}

#[test]
fn both_meanings_of_current_step_read_the_same() {
    // HEAD API after completing step 2: current_step 2 ("last done"), progress 33.
    assert_eq!(read(2, 33.0, &[]), ([C, C, P, P, P, P], 3, 33.3, false));
    // Legacy path after completing step 2: current_step 3 ("next"), progress 33.33.
    assert_eq!(read(3, 33.333, &[]), ([C, C, P, P, P, P], 3, 33.3, false));
}

#[test]
fn progress_without_step_rows_and_skipped_steps() {
    assert_eq!(read(1, 33.3, &[]), ([C, C, P, P, P, P], 3, 33.3, false));
    // Legacy skip: current_step advanced to 4, only 2 steps counted.
    assert_eq!(read(4, 33.3, &[]), ([C, C, S, P, P, P], 4, 50.0, false));
    assert_eq!(read(1, 0.0, &[1, 4]), ([C, P, P, C, P, P], 2, 33.3, false));
}

#[test]
fn completion_needs_step_6_and_100() {
    assert_eq!(read(6, 100.0, &[]), ([C; 6], 6, 100.0, true));
    assert!(read(7, 100.0, &[]).3, "out-of-range step still completes");
    assert_eq!(read(6, 83.3, &[]), ([C, C, C, C, C, P], 6, 83.3, false));
    assert_eq!(read(3, 100.0, &[]), ([C, C, C, C, C, P], 6, 83.3, false));
}

#[test]
fn nulls_and_garbage_read_as_a_fresh_session() {
    let mut s = session(1, "u", 1, 0.0, 2);
    s.current_step = None;
    s.progress = Some(f64::NAN);
    let r = derive::interpret(&s, vec![], datetime!(2026-01-01 00:00 UTC));
    assert_eq!((r.steps, r.current_step, r.progress), ([P; 6], 1, 0.0));
}

fn column(name: &str, sql_type: &str, not_null: bool) -> ColumnShape {
    ColumnShape {
        name: name.into(),
        sql_type: sql_type.into(),
        not_null,
        default: None,
    }
}

#[test]
fn seed_era_keys_table_gets_not_null_unique_and_cascade() {
    let keys = TableShape {
        columns: vec![
            column("id", "integer", true),
            column("session_id", "integer", false),
            column("provider", "character varying(64)", true),
            column("key", "character varying(256)", true),
            column("created_at", "timestamp without time zone", false),
            column("updated_at", "timestamp without time zone", false),
            column("extra", "text", false),
        ],
        foreign_keys: vec![ForeignKey {
            name: Some("api_keys_session_id_fkey".into()),
            column: "session_id".into(),
            references: "onboarding_sessions".into(),
            cascade: false,
        }],
        ..TableShape::default()
    };
    let mut catalog = Catalog::default();
    catalog.tables.insert("api_keys".into(), keys);
    let plan = diff::schema_plan(&catalog, Backend::Postgres);
    let changes: Vec<_> = plan
        .change_columns
        .iter()
        .filter(|c| c.table == "api_keys")
        .map(|c| (c.column.as_str(), c.change.clone()))
        .collect();
    assert!(changes.contains(&("session_id", ChangeKind::SetNotNull)));
    assert!(changes
        .iter()
        .any(|(c, k)| *c == "key" && matches!(k, ChangeKind::SetType { .. })));
    assert!(
        !changes.iter().any(|(c, _)| *c == "created_at"),
        "timestamp kept"
    );
    let fk = plan
        .add_constraints
        .iter()
        .find(|c| c.table == "api_keys" && matches!(c.kind, ConstraintKind::ForeignKey { .. }))
        .unwrap();
    assert_eq!(
        fk.kind,
        ConstraintKind::ForeignKey {
            column: "session_id".into(),
            replaces: Some("api_keys_session_id_fkey".into())
        }
    );
    assert!(plan
        .kept
        .iter()
        .any(|k| k.column.as_deref() == Some("extra")));
    let created: Vec<_> = plan
        .create_tables
        .iter()
        .map(|c| c.table.as_str())
        .collect();
    assert!(created.contains(&"onboarding_steps") && created.contains(&"onboardctl_quarantine"));
}
