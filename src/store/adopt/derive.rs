//! How a session ALwrity wrote is read, once, at adoption (README "How legacy values are
//! read"). ALwrity stored no step rows, and its `current_step` means "next step" on one code
//! path and "last completed step" on another (ALWRITY.md §2.4); both paths, however, store
//! `progress` as completed steps / 6 × 100. So:
//!
//! 1. Complete when `current_step >= 6 AND progress >= 100` (the original's strict predicate):
//!    all six steps completed, `completed_at` = `updated_at`.
//! 2. Otherwise steps 1..=k are completed, k = round(progress × 6 / 100) capped at 5; a step
//!    with evidence (a key → 1, an analysis with a URL → 2, research preferences → 3, persona
//!    data → 4) is completed too; a step below `current_step` that is neither is skipped
//!    (the legacy path advanced past skipped steps without counting them); the rest are
//!    pending. Step 6 is completed only by rule 1.
//! 3. `current_step` and `progress` are then recomputed with our formula
//!    (`crate::domain::progress`), so every adopted session obeys our rules.
//!
//! Done steps get `completed_at` = the session's `updated_at` (else `started_at`): the last
//! moment ALwrity recorded. Timestamps are naive in ALwrity and read as UTC.

use crate::domain::progress::{current_step, progress_percentage};
use crate::domain::{StepNumber, StepState, StepStatus, Timestamp};

use super::inventory::SessionRow;
use super::plan::SessionReading;

/// The reading of `s`, whose steps in `evidence` (1–4) have data. `now` is `completed_at`
/// of a completed session with no timestamp at all.
pub(crate) fn interpret(s: &SessionRow, evidence: Vec<u8>, now: Timestamp) -> SessionReading {
    let stored_step = s.current_step.unwrap_or(1);
    let progress = s
        .progress
        .filter(|p| p.is_finite())
        .unwrap_or(0.0)
        .clamp(0.0, 100.0);
    let when = s.updated_at.or(s.started_at);
    let complete = stored_step >= 6 && progress >= 100.0;
    let statuses: [StepStatus; 6] = if complete {
        [StepStatus::Completed; 6]
    } else {
        partial(stored_step, progress, &evidence)
    };
    let steps = std::array::from_fn(|i| {
        let number = StepNumber::new(i as i64 + 1).expect("1..=6");
        let mut step = StepState::pending(number);
        step.status = statuses[i];
        step
    });
    SessionReading {
        session_id: s.id,
        user_id: s.user_id.clone().unwrap_or_default(),
        stored_step: s.current_step,
        stored_progress: s.progress,
        evidence,
        steps: statuses,
        current_step: current_step(&steps).get(),
        progress: progress_percentage(&steps),
        completed_at: complete.then(|| when.unwrap_or(now)),
        steps_done_at: when,
    }
}

/// Rule 2: statuses of an unfinished session.
fn partial(stored_step: i64, progress: f64, evidence: &[u8]) -> [StepStatus; 6] {
    let claimed = (progress * 6.0 / 100.0).round().min(5.0) as i64;
    std::array::from_fn(|i| {
        let n = i as i64 + 1;
        let proven = u8::try_from(n).is_ok_and(|n| evidence.contains(&n));
        if n == 6 {
            StepStatus::Pending
        } else if n <= claimed || proven {
            StepStatus::Completed
        } else if n < stored_step {
            StepStatus::Skipped
        } else {
            StepStatus::Pending
        }
    })
}
