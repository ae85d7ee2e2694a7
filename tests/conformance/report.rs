//! `report_partial`: the funnel a store counts in SQL equals the one this file computes
//! from the same generated users by plain loops over their states (no SQL, no partials).
//! Only `domain::report::bucket` is shared (the documented resolution of percentiles).

use std::collections::BTreeMap;

use onboardctl::domain::report::{
    self, bucket, Cohort, CohortBy, DurationStats, Funnel, ReportQuery, StepFunnel,
};
use onboardctl::domain::{Onboarding, StepNumber, StepStatus, Timestamp};
use onboardctl::store::{Backend, Store};
use time::Duration;

use crate::support::{at, user};

/// A small deterministic generator (the test needs no crate for it).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The stalled cutoff of every query here.
fn cutoff() -> Timestamp {
    at(3_000_000)
}

/// Generates `n` users in `store` and returns their states as saved (or as created, for
/// those only created).
fn generate(store: &mut dyn Store, n: usize, seed: u64) -> Vec<Onboarding> {
    let mut rng = Lcg(seed);
    let mut out = Vec::new();
    for i in 0..n {
        let start = at(i64::try_from(i).unwrap() * 61_000 + i64::try_from(rng.next(500)).unwrap());
        let (mut state, _) = store
            .create_session(&user(&format!("u{i:03}")), start)
            .unwrap();
        if rng.next(8) == 0 {
            out.push(state);
            continue;
        }
        // k leading steps done, then maybe one in progress or failed.
        let k = rng.next(7) as usize;
        let mut t = start;
        for s in &mut state.steps[..k.min(5)] {
            // Seconds below and above 1,000, some with a fraction (never half a second:
            // a tie may round either way in SQLite's floating-point time arithmetic).
            t += Duration::seconds(i64::try_from(rng.next(40_000)).unwrap() + 1);
            if rng.next(3) == 0 {
                t += Duration::milliseconds(200);
            }
            s.status = match (s.number.get(), rng.next(2)) {
                (5, 0) => StepStatus::Skipped,
                _ => StepStatus::Completed,
            };
            s.completed_at = Some(t);
        }
        if k == 6 {
            t += Duration::seconds(i64::try_from(rng.next(90_000)).unwrap());
            let last = state.step_mut(StepNumber::LAST);
            last.status = StepStatus::Completed;
            last.completed_at = Some(t);
            state.session.completed_at = Some(t);
        } else {
            let next = &mut state.steps[k];
            next.status = [
                StepStatus::Pending,
                StepStatus::InProgress,
                StepStatus::Failed,
            ][rng.next(3) as usize];
        }
        state.session.current_step = onboardctl::domain::progress::current_step(&state.steps);
        if rng.next(6) == 0 {
            // `progress set-step` moved it elsewhere.
            state.session.current_step = StepNumber::new(1 + rng.next(6) as i64).unwrap();
        }
        // Some last changed before the cutoff (stalled), some after.
        state.session.updated_at = at(2_000_000 + i64::try_from(rng.next(2_000_000)).unwrap());
        store.save_onboarding(&state).unwrap();
        out.push(state);
    }
    out
}

fn secs(later: Timestamp, earlier: Timestamp) -> i64 {
    let micros = (later - earlier).whole_microseconds();
    i64::try_from((micros as f64 / 1e6).round() as i128).unwrap()
}

fn stats(mut d: Vec<i64>) -> Option<DurationStats> {
    if d.is_empty() {
        return None;
    }
    d.sort_unstable();
    let n = d.len();
    let rank = |p: f64| ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    Some(DurationStats {
        count: n as u64,
        p50_seconds: bucket(d[rank(0.5)]),
        p90_seconds: bucket(d[rank(0.9)]),
        max_seconds: d[n - 1],
    })
}

/// The funnel of `states` by the definitions of `domain::report`, by hand.
fn expected(states: &[&Onboarding], stalled_before: Timestamp) -> Funnel {
    let users = states.len() as u64;
    let done = |o: &&&Onboarding| o.session.completed_at.is_some();
    let completed = states.iter().filter(done).count() as u64;
    let rate = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let steps = StepNumber::all()
        .map(|n| {
            let i = n.index();
            let with = |st: StepStatus| states.iter().filter(|o| o.steps[i].status == st).count();
            let reached = states
                .iter()
                .filter(|o| {
                    o.session.current_step >= n
                        || o.steps[i..].iter().any(|s| s.status != StepStatus::Pending)
                })
                .count();
            let stuck = states
                .iter()
                .filter(|o| {
                    o.session.completed_at.is_none()
                        && o.session.updated_at < stalled_before
                        && o.session.current_step == n
                })
                .count();
            let times = states
                .iter()
                .filter(|o| o.steps[i].status == StepStatus::Completed)
                .filter_map(|o| Some(secs(o.steps[i].completed_at?, o.session.started_at)))
                .collect();
            StepFunnel {
                step: n.get(),
                title: n.title(),
                reached: reached as u64,
                completed: with(StepStatus::Completed) as u64,
                skipped: with(StepStatus::Skipped) as u64,
                failed: with(StepStatus::Failed) as u64,
                stuck: stuck as u64,
                time_to_complete: stats(times),
            }
        })
        .collect();
    let mut weeks: BTreeMap<time::Date, (u64, u64)> = BTreeMap::new();
    for o in states {
        let day = o.session.started_at.date();
        let monday = day - Duration::days(i64::from(day.weekday().number_days_from_monday()));
        let e = weeks.entry(monday).or_default();
        e.0 += 1;
        e.1 += u64::from(o.session.completed_at.is_some());
    }
    Funnel {
        users,
        completed,
        completion_rate: rate(completed, users),
        time_to_complete: stats(
            states
                .iter()
                .filter_map(|o| Some(secs(o.session.completed_at?, o.session.started_at)))
                .collect(),
        ),
        steps,
        cohorts: weeks
            .into_iter()
            .map(|(start, (u, c))| Cohort {
                start: Some(start),
                users: u,
                completed: c,
                completion_rate: rate(c, u),
            })
            .collect(),
    }
}

fn query() -> ReportQuery {
    ReportQuery {
        since: None,
        until: None,
        stalled_before: cutoff(),
        users: None,
    }
}

fn counted(store: &mut dyn Store, q: &ReportQuery) -> Funnel {
    let partial = store.report_partial(q).unwrap();
    // ALwrity's reading exactly on ALwrity's databases (a workspace's files; none in an
    // empty workspace).
    let alwrity = store.backend() == Backend::Workspace && partial.onboardctl.users > 0;
    assert_eq!(partial.alwrity.is_some(), alwrity);
    report::report(&partial, CohortBy::Week).onboardctl
}

/// Every count, rate, time and cohort of the funnel equals the hand-computed one.
pub fn report_counts_the_funnel_of_generated_users(store: &mut dyn Store) {
    let states = generate(store, 60, 7);
    let all: Vec<&Onboarding> = states.iter().collect();
    let got = counted(store, &query());
    assert_eq!(got, expected(&all, cutoff()));
    assert!(got.completed > 0 && got.steps.iter().any(|s| s.failed > 0));
    assert!(got.steps.iter().any(|s| s.stuck > 0));
}

/// `since`/`until` keep users who started in the window; `users` keeps those named.
pub fn report_filters_by_start_and_by_user(store: &mut dyn Store) {
    let states = generate(store, 40, 11);
    let (since, until) = (states[10].session.started_at, states[30].session.started_at);
    let q = ReportQuery {
        since: Some(since),
        until: Some(until),
        ..query()
    };
    let window: Vec<&Onboarding> = states
        .iter()
        .filter(|o| o.session.started_at >= since && o.session.started_at < until)
        .collect();
    assert_eq!(window.len(), 20);
    assert_eq!(counted(store, &q), expected(&window, cutoff()));
    let named = vec![user("u003"), user("u017"), user("nobody")];
    let q = ReportQuery {
        users: Some(named.clone()),
        ..query()
    };
    let picked: Vec<&Onboarding> = states
        .iter()
        .filter(|o| named.contains(&o.session.user_id))
        .collect();
    assert_eq!(counted(store, &q), expected(&picked, cutoff()));
    // No user named: nothing counted, steps included.
    let q = ReportQuery {
        users: Some(Vec::new()),
        ..query()
    };
    let partial = store.report_partial(&q).unwrap();
    assert_eq!(
        report::report(&partial, CohortBy::Week).onboardctl,
        expected(&[], cutoff())
    );
}

/// No users: zero counts, no times, no cohorts.
pub fn report_of_an_empty_database_is_zero(store: &mut dyn Store) {
    let got = counted(store, &query());
    assert_eq!(got, expected(&[], cutoff()));
    assert_eq!(got.completion_rate, 0.0);
}
