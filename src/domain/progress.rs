//! The onboarding rules of docs/RULES.md "Onboarding rules": the progress formula,
//! `current_step`, step transitions, manual overrides, completion and reset. Each function
//! takes the whole [`Onboarding`] and returns or edits it; nothing here touches a store.
//!
//! The rules hold together: only step 5 (Integrations) may be skipped (completion needs
//! steps 1–4 completed, so skipping them would only lead to a session that can never
//! complete), step 6 is completed only by `complete`, and so the percentage reaches 100 only
//! through completion (`progress set 100` is refused on an unfinished onboarding). A forced
//! completion always carries its reason.
//!
//! On a database ALwrity made, every change also sets the ALwrity columns the state carries
//! to what ALwrity's own code writes for the same action (`super::alwrity::columns_after`),
//! so the one function that decides a change decides both readings of it.

use serde_json::Value;

use super::alwrity::AlwrityAction;
use super::ids::{Percent, StepNumber, StepStatus};
use super::records::{Onboarding, StepState, Timestamp};

/// Progress percentage = (completed + skipped steps) / 6 × 100, rounded to one decimal.
pub fn progress_percentage(steps: &[StepState; 6]) -> f64 {
    let done = steps.iter().filter(|s| s.status.is_done()).count() as f64;
    (done / 6.0 * 1000.0).round() / 10.0
}

/// The first step that is neither completed nor skipped; 6 when all are.
pub fn current_step(steps: &[StepState; 6]) -> StepNumber {
    steps
        .iter()
        .find(|s| !s.status.is_done())
        .map_or(StepNumber::LAST, |s| s.number)
}

/// Counts shown by `progress show` (the shape of ALwrity's `get_progress_summary`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProgressSummary {
    /// Always 6.
    pub total_steps: u8,
    /// Steps with status `completed`.
    pub completed_steps: u8,
    /// Steps with status `skipped`.
    pub skipped_steps: u8,
    /// Steps with status `failed`.
    pub failed_steps: u8,
    /// The session's current step.
    pub current_step: StepNumber,
    /// Whether onboarding is complete.
    pub is_completed: bool,
    /// The session's stored percentage (the formula's value unless overridden).
    pub progress_percentage: f64,
}

/// The summary of a user's onboarding.
pub fn summary(state: &Onboarding) -> ProgressSummary {
    let count = |st: StepStatus| state.steps.iter().filter(|s| s.status == st).count() as u8;
    ProgressSummary {
        total_steps: 6,
        completed_steps: count(StepStatus::Completed),
        skipped_steps: count(StepStatus::Skipped),
        failed_steps: count(StepStatus::Failed),
        current_step: state.session.current_step,
        is_completed: state.session.is_completed(),
        progress_percentage: state.session.progress,
    }
}

/// A requested change of one step's status (`progress step`).
#[derive(Debug, Clone, PartialEq)]
pub struct StepChange {
    /// Which step.
    pub step: StepNumber,
    /// Its new status.
    pub status: StepStatus,
    /// New step data; `None` keeps what is stored.
    pub data: Option<Value>,
    /// For `failed`: the reason, appended to the step's validation errors.
    pub error: Option<String>,
    /// Completed without validation (`--force`), and why (`--reason`, required with it).
    pub forced: Option<String>,
}

/// What a step change did besides the step itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepEffect {
    /// The onboarding was complete and no longer is (a step went back to unfinished).
    pub revoked_completion: bool,
}

/// Why a step change is refused before any validation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// Step 6 is completed only by `complete`, which checks the whole onboarding.
    #[error("step 6 is completed only by `onboardctl complete`")]
    FinalStepNeedsComplete,
    /// Only the optional step may be skipped.
    #[error(
        "step {0} `{title}` cannot be skipped; only step {optional} `{optional_title}` is optional",
        title = .0.title(),
        optional = OPTIONAL_STEP,
        optional_title = OPTIONAL_STEP.title()
    )]
    NotSkippable(StepNumber),
    /// 100 % means complete, which only `complete` decides.
    #[error("progress 100% is reached only by completing onboarding")]
    FullProgressNeedsComplete,
}

/// The one step that may be skipped: 5, Integrations (docs/RULES.md: `complete` accepts it
/// completed or skipped, and requires steps 1–4 completed).
pub const OPTIONAL_STEP: StepNumber = StepNumber::INTEGRATIONS;

/// Whether `step` may take `status` at all (before any validation).
pub fn check_transition(step: StepNumber, status: StepStatus) -> Result<(), TransitionError> {
    match status {
        StepStatus::Completed if step == StepNumber::LAST => {
            Err(TransitionError::FinalStepNeedsComplete)
        }
        StepStatus::Skipped if step != OPTIONAL_STEP => Err(TransitionError::NotSkippable(step)),
        _ => Ok(()),
    }
}

/// Applies a step change: sets the step's status, timestamps, data and errors, then
/// recomputes progress and `current_step`. Setting any step back to a status that is not
/// done revokes a completed onboarding (`completed_at` cleared, step 6 back to pending), so
/// a session is never "complete" with an unfinished step.
pub fn apply_step_change(
    state: &mut Onboarding,
    change: StepChange,
    now: Timestamp,
) -> Result<StepEffect, TransitionError> {
    check_transition(change.step, change.status)?;
    let step = state.step_mut(change.step);
    step.status = change.status;
    if let Some(data) = change.data {
        step.data = Some(data);
    }
    step.completed_at = change.status.is_done().then_some(now);
    let forced = change
        .forced
        .filter(|_| change.status == StepStatus::Completed);
    step.forced = forced.is_some();
    step.force_reason = forced;
    match change.status {
        StepStatus::Failed => step.validation_errors.extend(change.error),
        _ => step.validation_errors.clear(),
    }
    let revoked_completion = !change.status.is_done() && state.session.is_completed();
    if revoked_completion {
        revoke_completion(state);
    }
    recompute(state, now);
    let action = match change.status.is_done() {
        true => AlwrityAction::StepDone(change.step),
        false => AlwrityAction::StepUndone(change.step),
    };
    alwrity_after(state, action);
    Ok(StepEffect { revoked_completion })
}

fn revoke_completion(state: &mut Onboarding) {
    state.session.completed_at = None;
    let last = state.step_mut(StepNumber::LAST);
    if last.status.is_done() {
        *last = StepState::pending(StepNumber::LAST);
    }
}

/// Recomputes progress and `current_step` from the steps and stamps `updated_at`.
pub fn recompute(state: &mut Onboarding, now: Timestamp) {
    state.session.progress = progress_percentage(&state.steps);
    state.session.current_step = current_step(&state.steps);
    state.session.updated_at = now;
}

/// `progress set-step`: overrides `current_step` until the next step change.
pub fn set_current_step(state: &mut Onboarding, step: StepNumber, now: Timestamp) {
    state.session.current_step = step;
    state.session.updated_at = now;
    alwrity_after(state, AlwrityAction::SetStep(step));
}

/// On a database ALwrity made, the ALwrity columns after `action` (see the module docs).
fn alwrity_after(state: &mut Onboarding, action: AlwrityAction) {
    let steps = &state.steps;
    if let Some(view) = state.alwrity.as_mut() {
        view.columns = super::alwrity::columns_after(view.era, action, view.columns, steps);
    }
}

/// `progress set`: overrides the percentage until the next step change. 100 % on an
/// unfinished onboarding is refused: only completion reaches it.
pub fn set_progress(
    state: &mut Onboarding,
    percent: Percent,
    now: Timestamp,
) -> Result<(), TransitionError> {
    if percent.get() >= 100.0 && !state.session.is_completed() {
        return Err(TransitionError::FullProgressNeedsComplete);
    }
    state.session.progress = percent.get();
    state.session.updated_at = now;
    alwrity_after(state, AlwrityAction::SetProgress(percent.get()));
    Ok(())
}

/// What keeps a user from completing: steps 1–4 must be completed and step 5 completed or
/// skipped. One line per unmet condition; empty when `complete` may proceed.
pub fn completion_blockers(state: &Onboarding) -> Vec<String> {
    let mut missing = Vec::new();
    for step in &state.steps[..5] {
        let ok = match step.number.get() {
            5 => step.status.is_done(),
            _ => step.status == StepStatus::Completed,
        };
        if !ok {
            let need = if step.number.get() == 5 {
                "completed or skipped"
            } else {
                "completed"
            };
            missing.push(format!(
                "step {} `{}` is {}; it must be {need}",
                step.number,
                step.number.title(),
                step.status
            ));
        }
    }
    missing
}

/// Marks onboarding complete: step 6 completed (forced, with its reason, when `forced` is
/// given), `current_step` 6, progress 100, `completed_at` now. The caller checks
/// [`completion_blockers`] first unless forcing.
pub fn complete(state: &mut Onboarding, forced: Option<String>, now: Timestamp) {
    let last = state.step_mut(StepNumber::LAST);
    last.status = StepStatus::Completed;
    last.completed_at = Some(now);
    last.validation_errors.clear();
    last.forced = forced.is_some();
    last.force_reason = forced;
    state.session.current_step = StepNumber::LAST;
    state.session.progress = 100.0;
    state.session.completed_at = Some(now);
    state.session.updated_at = now;
    alwrity_after(state, AlwrityAction::Completed);
}

/// A second forced completion of an onboarding already completed by force: the new reason
/// replaces the old one (nothing else changes). False when the completion was not forced,
/// which a reason cannot be attached to after the fact.
pub fn replace_force_reason(state: &mut Onboarding, reason: String, now: Timestamp) -> bool {
    let last = state.step_mut(StepNumber::LAST);
    if !last.forced {
        return false;
    }
    last.force_reason = Some(reason);
    state.session.updated_at = now;
    true
}

/// `session reset`: every step back to pending, step 1, progress 0, `completed_at` cleared.
/// Stored data (keys, analysis, …) is the caller's business (`--purge`).
pub fn reset(state: &mut Onboarding, now: Timestamp) {
    for n in StepNumber::all() {
        *state.step_mut(n) = StepState::pending(n);
    }
    state.session.current_step = StepNumber::FIRST;
    state.session.progress = 0.0;
    state.session.completed_at = None;
    state.session.updated_at = now;
    alwrity_after(state, AlwrityAction::Reset);
}

#[cfg(test)]
mod tests;
