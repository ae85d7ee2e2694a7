//! Step rows and value fidelity: every `StepState` field, timestamps at microsecond
//! precision and in UTC, and JSON of every shape.

use onboardctl::domain::{Onboarding, StepNumber, StepState, StepStatus, UserId};
use onboardctl::store::Store;
use serde_json::{json, Value};
use time::macros::datetime;
use time::UtcOffset;

use crate::support::{at, user};

fn step(n: i64) -> StepNumber {
    StepNumber::new(n).unwrap()
}

/// A state whose six steps use every status and every optional field.
fn busy_state(store: &mut dyn Store, u: &UserId) -> Onboarding {
    let (mut state, _) = store.create_session(u, at(0)).unwrap();
    let statuses = [
        StepStatus::Completed,
        StepStatus::Skipped,
        StepStatus::Failed,
        StepStatus::InProgress,
        StepStatus::Pending,
        StepStatus::Completed,
    ];
    for (i, status) in (1..).zip(statuses) {
        let s = state.step_mut(step(i));
        s.status = status;
        s.completed_at = status.is_done().then(|| at(i * 10));
    }
    *state.step_mut(step(1)) = StepState {
        number: step(1),
        status: StepStatus::Completed,
        completed_at: Some(at(10)),
        data: Some(json!({"providers": ["gemini", "exa"], "ok": true})),
        validation_errors: vec![],
        forced: true,
        force_reason: Some("operator override: ticket #12".into()),
    };
    let failed = state.step_mut(step(3));
    failed.validation_errors = vec!["no research preferences".into(), "ünïcödé ✓".into()];
    state.session.current_step = step(3);
    state.session.progress = 50.0;
    state.session.updated_at = at(99);
    state
}

/// Every `StepState` field of all six steps comes back as saved.
pub fn every_step_field_round_trips(store: &mut dyn Store) {
    let u = user("stepper");
    let state = busy_state(store, &u);
    store.save_onboarding(&state).unwrap();
    assert_eq!(store.load_onboarding(&u).unwrap(), Some(state));
}

/// Saving again overwrites step rows, clearing fields set to `None`.
pub fn saving_again_overwrites_every_step_field(store: &mut dyn Store) {
    let u = user("overwritten");
    let state = busy_state(store, &u);
    store.save_onboarding(&state).unwrap();
    let mut cleared = state.clone();
    cleared.steps = std::array::from_fn(|i| StepState::pending(state.steps[i].number));
    cleared.session.current_step = StepNumber::FIRST;
    cleared.session.progress = 0.0;
    store.save_onboarding(&cleared).unwrap();
    assert_eq!(store.load_onboarding(&u).unwrap(), Some(cleared));
}

/// Timestamps keep their instant to the microsecond and come back in UTC.
pub fn timestamps_round_trip_at_microseconds_in_utc(store: &mut dyn Store) {
    let u = user("clock");
    let (mut state, _) = store.create_session(&u, at(0)).unwrap();
    let offset = datetime!(2025-12-31 23:59:59.999999 -05:00);
    state.session.updated_at = offset;
    state.session.completed_at = Some(datetime!(1999-01-01 00:00:00.000001 UTC));
    state.step_mut(step(2)).completed_at = Some(datetime!(2030-07-04 04:05:06.000100 +09:30));
    store.save_onboarding(&state).unwrap();
    let loaded = store.load_onboarding(&u).unwrap().unwrap();
    assert_eq!(loaded, state, "same instants, to the microsecond");
    let s = &loaded.session;
    for t in [s.started_at, s.updated_at, s.completed_at.unwrap()] {
        assert_eq!(t.offset(), UtcOffset::UTC, "timestamps come out in UTC");
    }
    assert_eq!(s.updated_at.microsecond(), 999_999);
    assert_eq!(
        loaded.step(step(2)).completed_at.unwrap().offset(),
        UtcOffset::UTC
    );
}

/// JSON of every shape (nested, unicode, escapes, big numbers) comes back equal.
pub fn json_round_trips_nested_and_unicode(store: &mut dyn Store) {
    let u = user("json");
    let (mut state, _) = store.create_session(&u, at(0)).unwrap();
    let payloads: [Value; 6] = [
        json!({"a": {"b": {"c": [1, 2, {"d": null}]}}, "empty": {}, "list": []}),
        json!("a plain string with \"quotes\", a \\ backslash and a\nnewline"),
        json!(["日本語", "emoji 🚀", "RTL עברית", "zero\u{200b}width"]),
        json!({"int": 9_007_199_254_740_993_i64, "neg": -42, "float": 0.1, "big": 12345.678}),
        json!(true),
        json!({"key with spaces": "é", "ключ": "значение"}),
    ];
    for (i, p) in (1..).zip(payloads.iter()) {
        state.step_mut(step(i)).data = Some(p.clone());
    }
    store.save_onboarding(&state).unwrap();
    let loaded = store.load_onboarding(&u).unwrap().unwrap();
    for (i, p) in (1..).zip(payloads.iter()) {
        assert_eq!(loaded.step(step(i)).data.as_ref(), Some(p), "step {i}");
    }
}
