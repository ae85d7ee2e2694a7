//! Unit tests of the onboarding rules.

use super::*;
use crate::domain::records::Session;
use serde_json::json;
use time::macros::datetime;

const T0: Timestamp = datetime!(2026-01-01 00:00 UTC);
const T1: Timestamp = datetime!(2026-01-02 00:00 UTC);

fn fresh() -> Onboarding {
    Onboarding::new(Session::new("u1".parse().unwrap(), T0))
}

fn step(n: u8) -> StepNumber {
    StepNumber::new(i64::from(n)).unwrap()
}

fn change(n: u8, status: StepStatus) -> StepChange {
    StepChange {
        step: step(n),
        status,
        data: None,
        error: None,
        forced: None,
    }
}

fn with_statuses(statuses: [StepStatus; 6]) -> Onboarding {
    let mut ob = fresh();
    for (i, st) in statuses.into_iter().enumerate() {
        ob.steps[i].status = st;
    }
    ob
}

use StepStatus::{Completed as C, Failed as F, InProgress as I, Pending as P, Skipped as S};

#[test]
fn percentage_counts_completed_and_skipped_rounded_to_one_decimal() {
    assert_eq!(progress_percentage(&fresh().steps), 0.0);
    assert_eq!(
        progress_percentage(&with_statuses([C, P, P, P, P, P]).steps),
        16.7
    );
    assert_eq!(
        progress_percentage(&with_statuses([C, S, P, P, P, P]).steps),
        33.3
    );
    assert_eq!(
        progress_percentage(&with_statuses([C, C, C, F, I, P]).steps),
        50.0
    );
    assert_eq!(
        progress_percentage(&with_statuses([C, C, C, C, S, P]).steps),
        83.3
    );
    assert_eq!(progress_percentage(&with_statuses([C; 6]).steps), 100.0);
}

#[test]
fn current_step_is_first_not_done() {
    assert_eq!(current_step(&fresh().steps).get(), 1);
    assert_eq!(
        current_step(&with_statuses([C, S, F, C, P, P]).steps).get(),
        3
    );
    assert_eq!(
        current_step(&with_statuses([C, C, C, C, S, P]).steps).get(),
        6
    );
    assert_eq!(
        current_step(&with_statuses([C, C, C, C, S, C]).steps).get(),
        6
    );
}

#[test]
fn completing_a_step_recomputes_and_stamps() {
    let mut ob = fresh();
    let mut c = change(1, C);
    c.data = Some(json!({"k": 1}));
    apply_step_change(&mut ob, c, T1).unwrap();
    assert_eq!(ob.session.progress, 16.7);
    assert_eq!(ob.session.current_step.get(), 2);
    assert_eq!(ob.session.updated_at, T1);
    assert_eq!(ob.steps[0].completed_at, Some(T1));
    assert_eq!(ob.steps[0].data, Some(json!({"k": 1})));
}

#[test]
fn data_is_kept_when_not_given() {
    let mut ob = fresh();
    ob.steps[1].data = Some(json!({"old": true}));
    apply_step_change(&mut ob, change(2, I), T1).unwrap();
    assert_eq!(ob.steps[1].data, Some(json!({"old": true})));
    assert_eq!(ob.steps[1].completed_at, None);
}

#[test]
fn failed_appends_the_error_and_other_statuses_clear_errors() {
    let mut ob = fresh();
    let mut c = change(2, F);
    c.error = Some("crawl timed out".into());
    apply_step_change(&mut ob, c.clone(), T1).unwrap();
    apply_step_change(&mut ob, c, T1).unwrap();
    assert_eq!(ob.steps[1].validation_errors.len(), 2);
    apply_step_change(&mut ob, change(2, I), T1).unwrap();
    assert!(ob.steps[1].validation_errors.is_empty());
}

#[test]
fn step_six_is_only_completed_by_complete() {
    let mut ob = fresh();
    let err = apply_step_change(&mut ob, change(6, C), T1).unwrap_err();
    assert_eq!(err, TransitionError::FinalStepNeedsComplete);
    assert_eq!(ob, fresh(), "refused change leaves state untouched");
}

#[test]
fn only_the_optional_step_may_be_skipped() {
    for n in [1, 2, 3, 4, 6] {
        let mut ob = fresh();
        let err = apply_step_change(&mut ob, change(n, S), T1).unwrap_err();
        assert_eq!(err, TransitionError::NotSkippable(step(n)));
        assert_eq!(ob, fresh(), "refused change leaves state untouched");
    }
    let mut ob = fresh();
    apply_step_change(&mut ob, change(5, S), T1).unwrap();
    assert_eq!(ob.steps[4].status, S);
}

#[test]
fn progress_reaches_100_only_by_completion() {
    // Everything a step change can reach without `complete`: 1-4 completed, 5 skipped.
    let mut ob = fresh();
    for n in 1..=4 {
        apply_step_change(&mut ob, change(n, C), T1).unwrap();
    }
    apply_step_change(&mut ob, change(5, S), T1).unwrap();
    assert_eq!(ob.session.progress, 83.3);
    assert!(!ob.session.is_completed());
    let err = set_progress(&mut ob, Percent::new(100.0).unwrap(), T1).unwrap_err();
    assert_eq!(err, TransitionError::FullProgressNeedsComplete);
    assert_eq!(ob.session.progress, 83.3);
    complete(&mut ob, None, T1);
    assert_eq!(ob.session.progress, 100.0);
    set_progress(&mut ob, Percent::new(100.0).unwrap(), T1).unwrap();
}

#[test]
fn a_change_that_reopens_a_step_reports_the_revocation() {
    let mut ob = with_statuses([C, C, C, C, S, P]);
    let effect = apply_step_change(&mut ob, change(2, C), T1).unwrap();
    assert!(!effect.revoked_completion, "nothing to revoke");
    complete(&mut ob, None, T1);
    let effect = apply_step_change(&mut ob, change(2, C), T1).unwrap();
    assert!(!effect.revoked_completion, "a done step keeps completion");
    let effect = apply_step_change(&mut ob, change(2, P), T1).unwrap();
    assert!(effect.revoked_completion);
}

#[test]
fn a_second_forced_completion_replaces_the_reason() {
    let mut ob = fresh();
    complete(&mut ob, Some("ticket 1".into()), T0);
    assert!(replace_force_reason(&mut ob, "ticket 2".into(), T1));
    assert_eq!(ob.steps[5].force_reason.as_deref(), Some("ticket 2"));
    assert_eq!(ob.session.updated_at, T1);
    let mut normal = with_statuses([C, C, C, C, S, P]);
    complete(&mut normal, None, T0);
    assert!(!replace_force_reason(&mut normal, "late".into(), T1));
    assert_eq!(normal.steps[5].force_reason, None);
}

#[test]
fn forced_flag_only_on_completed() {
    let mut ob = fresh();
    let mut c = change(2, C);
    c.forced = Some("manual check".into());
    apply_step_change(&mut ob, c, T1).unwrap();
    assert!(ob.steps[1].forced);
    assert_eq!(ob.steps[1].force_reason.as_deref(), Some("manual check"));
    apply_step_change(&mut ob, change(2, I), T1).unwrap();
    assert!(!ob.steps[1].forced);
    assert_eq!(ob.steps[1].force_reason, None);
}

#[test]
fn reopening_a_step_revokes_completion() {
    let mut ob = with_statuses([C, C, C, C, S, P]);
    complete(&mut ob, None, T1);
    assert!(ob.session.is_completed());
    apply_step_change(&mut ob, change(3, I), T1).unwrap();
    assert!(!ob.session.is_completed());
    assert_eq!(ob.steps[5].status, P);
    assert_eq!(ob.session.current_step.get(), 3);
    assert_eq!(
        ob.session.progress, 66.7,
        "steps 1, 2, 4 and 5 are still done"
    );
}

#[test]
fn overrides_last_until_next_step_change() {
    let mut ob = fresh();
    set_progress(&mut ob, Percent::new(42.5).unwrap(), T1).unwrap();
    set_current_step(&mut ob, step(4), T1);
    assert_eq!(
        (ob.session.progress, ob.session.current_step.get()),
        (42.5, 4)
    );
    apply_step_change(&mut ob, change(1, C), T1).unwrap();
    assert_eq!(
        (ob.session.progress, ob.session.current_step.get()),
        (16.7, 2)
    );
}

#[test]
fn completion_requires_1_to_4_completed_and_5_done() {
    assert!(completion_blockers(&with_statuses([C, C, C, C, S, P])).is_empty());
    assert!(completion_blockers(&with_statuses([C, C, C, C, C, P])).is_empty());
    let blockers = completion_blockers(&with_statuses([C, S, P, C, P, P]));
    assert_eq!(blockers.len(), 3, "{blockers:?}");
    assert!(blockers[0].contains("step 2"));
    assert!(blockers[2].contains("step 5"));
}

#[test]
fn complete_sets_everything() {
    let mut ob = with_statuses([C, C, C, C, S, P]);
    complete(&mut ob, Some("support ticket 7".into()), T1);
    assert_eq!(ob.session.progress, 100.0);
    assert_eq!(ob.session.current_step.get(), 6);
    assert_eq!(ob.session.completed_at, Some(T1));
    assert_eq!(ob.steps[5].status, C);
    assert!(ob.steps[5].forced);
    assert_eq!(
        ob.steps[5].force_reason.as_deref(),
        Some("support ticket 7")
    );
}

#[test]
fn reset_returns_to_start() {
    let mut ob = with_statuses([C, C, C, C, S, P]);
    ob.steps[1].data = Some(json!({}));
    complete(&mut ob, None, T1);
    reset(&mut ob, T1);
    assert!(ob.steps.iter().all(|s| *s == StepState::pending(s.number)));
    assert_eq!(ob.session.current_step.get(), 1);
    assert_eq!(ob.session.progress, 0.0);
    assert!(!ob.session.is_completed());
    assert_eq!(ob.session.started_at, T0);
}

#[test]
fn summary_counts() {
    let ob = with_statuses([C, S, F, I, P, P]);
    let s = summary(&ob);
    assert_eq!(
        (
            s.total_steps,
            s.completed_steps,
            s.skipped_steps,
            s.failed_steps
        ),
        (6, 1, 1, 1)
    );
}
