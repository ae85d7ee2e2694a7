//! The audit rules: diffs field by field, keys by fingerprint only, bounded values, the
//! command text with URL passwords masked, and the actor's precedence.

use serde_json::json;

use super::*;
use crate::domain::{Session, StepNumber, StepStatus};

fn t(secs: i64) -> Timestamp {
    time::OffsetDateTime::from_unix_timestamp(secs).unwrap()
}

fn onboarding() -> Onboarding {
    Onboarding::new(Session::new(UserId::stored("u1".into()), t(1_000)))
}

#[test]
fn a_new_session_records_its_fields() {
    let mut d = Diff::new();
    d.onboarding(None, Some(&onboarding()));
    let fields: Vec<String> = d.into_changes().into_iter().map(|c| c.field).collect();
    assert!(fields.contains(&"session".to_owned()));
    assert!(fields.contains(&"current_step".to_owned()));
    assert!(fields.contains(&"step.6.status".to_owned()));
}

#[test]
fn a_step_change_records_only_what_changed() {
    let before = onboarding();
    let mut after = before.clone();
    after.step_mut(StepNumber::new(2).unwrap()).status = StepStatus::Skipped;
    after.session.updated_at = t(2_000);
    let mut d = Diff::new();
    d.onboarding(Some(&before), Some(&after));
    assert_eq!(
        d.into_changes(),
        vec![FieldChange {
            field: "step.2.status".into(),
            old: Some(json!("pending")),
            new: Some(json!("skipped")),
        }]
    );
}

#[test]
fn keys_are_recorded_as_given_fingerprints_and_equal_ones_not_at_all() {
    let mut d = Diff::new();
    d.key("gemini", Some("aaaa".into()), Some("aaaa".into()));
    assert!(d.is_empty());
    d.key("gemini", None, Some("bbbb".into()));
    assert_eq!(d.into_changes()[0].new, Some(json!("bbbb")));
}

#[test]
fn records_compare_field_by_field_without_bookkeeping_times() {
    let old = crate::domain::ResearchPreferences {
        research_depth: "Standard".into(),
        created_at: Some(t(1)),
        ..Default::default()
    };
    let new = crate::domain::ResearchPreferences {
        research_depth: "Deep".into(),
        created_at: Some(t(1)),
        updated_at: Some(t(5)),
        ..old.clone()
    };
    let mut d = Diff::new();
    d.record("research_preferences", Some(&old), Some(&new));
    let changes = d.into_changes();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].field, "research_preferences.research_depth");
    assert_eq!(changes[0].old, Some(json!("Standard")));
}

#[test]
fn large_values_are_recorded_by_size_and_digest() {
    let big = json!({"text": "x".repeat(500)});
    let Value::String(s) = bounded(big.clone()) else {
        panic!("a string")
    };
    assert!(s.contains("bytes, sha256 "), "{s}");
    assert_eq!(bounded(json!(3)), json!(3));
}

#[test]
fn actor_precedence() {
    let env = |k: &str| match k {
        "ONBOARDCTL_ACTOR" => Some("ci-bot".to_owned()),
        "USER" => Some("alice".to_owned()),
        _ => None,
    };
    let host = || Some("box".to_owned());
    assert_eq!(resolve_actor(Some("ops"), &env, 7, host()), "ops");
    assert_eq!(resolve_actor(None, &env, 7, host()), "ci-bot");
    let no_actor = |k: &str| env(k).filter(|_| k != "ONBOARDCTL_ACTOR");
    assert_eq!(resolve_actor(None, &no_actor, 7, host()), "alice@box");
    assert_eq!(resolve_actor(Some(" "), &|_| None, 7, None), "uid7@?");
}

#[test]
fn queries_filter_rows() {
    let entry = AuditEntry {
        id: 1,
        at: t(100),
        actor: "ops".into(),
        command: "onboardctl".into(),
        user: Some(UserId::stored("u1".into())),
        changes: Vec::new(),
        reason: None,
        outcome: "updated".into(),
    };
    let q = |user: Option<&str>, actor: Option<&str>, since: Option<i64>| AuditQuery {
        user: user.map(|u| UserId::stored(u.into())),
        actor: actor.map(str::to_owned),
        since: since.map(t),
        limit: 10,
    };
    assert!(q(Some("u1"), Some("ops"), Some(100)).matches(&entry));
    assert!(!q(Some("u2"), None, None).matches(&entry));
    assert!(!q(None, Some("dev"), None).matches(&entry));
    assert!(!q(None, None, Some(101)).matches(&entry));
}
