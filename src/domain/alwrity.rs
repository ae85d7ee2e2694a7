//! What ALwrity's own columns mean, per ALwrity era, and what its live code writes into them
//! (docs/ALWRITY.md is the long form). On a database ALwrity made, `onboarding_sessions`'
//! `current_step` and `progress` keep ALwrity's meaning: onboardctl reads them so, writes
//! them as ALwrity would for the same action, and keeps its own richer record (per-step
//! statuses, forced flags, `completed_at`) beside them, marked with the ALwrity values it was
//! derived from.
//!
//! Facts (both eras; the seed era differs only in how `current_step` may have been written):
//! - ALwrity's status service reads the first session row of a user (lowest id), treats a
//!   NULL `current_step` as 1 and a NULL `progress` as 0, and calls onboarding complete when
//!   `current_step >= 6` **or** `progress >= 100`. Its status endpoint resumes at
//!   `next_step` = 6 when complete, else `max(1, current_step)`.
//! - Its live step path (completing step n) writes `current_step = n` and
//!   `progress = min(100, round(n / 6 × 100))`: 17, 33, 50, 67, 83, 100. So at HEAD
//!   `current_step` is the **last completed** step. In the seed era another path
//!   (`OnboardingProgress.save_progress`) stored the **next** step with
//!   `progress = completed / 6 × 100`; both store progress in sixths.
//! - Completion writes (6, 100.0); reset writes (1, 0.0) and keeps the step data; a new
//!   session is (1, 0.0). Times are naive UTC text, `YYYY-MM-DD HH:MM:SS.ffffff`.
//!
//! Choices where ALwrity has no equivalent (README "Running next to ALwrity"):
//! - skipping step 5 writes what completing it writes (ALwrity then reads it as passed);
//! - making a step ALwrity counts as done unfinished again writes the contiguous-prefix
//!   columns: k = how many of steps 1..k are done in onboardctl's view, (k, round(k/6·100)),
//!   or (1, 0.0) when k is 0 — ALwrity then resumes at the first unfinished step.

use serde::Serialize;

mod context;
pub use context::{parse_naive_utc, staleness, ContextFile, StaleContext, CONTEXT_DOCUMENTS};

use super::ids::{StepNumber, StepStatus};
use super::records::{StepState, Timestamp};

/// Which ALwrity made a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// One shared database (`DATABASE_URL`, commit `4431cd98` and around it).
    Seed,
    /// One SQLite file per user under `workspace/workspace_<sid>/` (HEAD).
    Head,
}

impl Era {
    /// `seed` or `head`.
    pub fn as_str(self) -> &'static str {
        match self {
            Era::Seed => "seed",
            Era::Head => "head",
        }
    }
}

impl std::str::FromStr for Era {
    type Err = super::ParseError;

    fn from_str(s: &str) -> Result<Era, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "seed" => Ok(Era::Seed),
            "head" => Ok(Era::Head),
            other => Err(super::ParseError(format!(
                "unknown ALwrity era `{other}`; expected `seed` or `head`"
            ))),
        }
    }
}

/// The era of a database and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EraGuess {
    /// The era.
    pub era: Era,
    /// Why, in words.
    pub reason: String,
}

/// Recognises the era: HEAD when the file lives in a `workspace_<sid>/` folder or the
/// database has a table only HEAD creates (`onboarding_data_integrations`,
/// `seo_page_audits`); seed otherwise. `forced` (the `--alwrity-era` flag) wins.
pub fn detect_era(
    forced: Option<Era>,
    workspace_folder: Option<&str>,
    head_tables: &[&str],
) -> EraGuess {
    if let Some(era) = forced {
        return EraGuess {
            era,
            reason: "set by --alwrity-era".to_owned(),
        };
    }
    if let Some(folder) = workspace_folder {
        return EraGuess {
            era: Era::Head,
            reason: format!("the file is in ALwrity's per-user folder `{folder}`"),
        };
    }
    if let Some(table) = head_tables.first() {
        return EraGuess {
            era: Era::Head,
            reason: format!("it has `{table}`, a table only ALwrity HEAD creates"),
        };
    }
    EraGuess {
        era: Era::Seed,
        reason: "ALwrity's tables without any HEAD-only table or per-user folder".to_owned(),
    }
}

/// ALwrity's two columns of a session, as stored (NULL kept as `None`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct AlwrityColumns {
    /// `onboarding_sessions.current_step`.
    pub current_step: Option<i64>,
    /// `onboarding_sessions.progress`.
    pub progress: Option<f64>,
}

/// ALwrity's own reading of a session (its status service and status endpoint).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AlwrityReading {
    /// `current_step` as ALwrity reads it (NULL → 1).
    pub current_step: i64,
    /// `progress` as ALwrity reads it (NULL → 0).
    pub progress: f64,
    /// `current_step >= 6 or progress >= 100`.
    pub is_completed: bool,
    /// Where ALwrity's UI resumes: 6 when complete, else `max(1, current_step)`.
    pub next_step: i64,
}

impl AlwrityColumns {
    /// A fresh session as ALwrity creates it: (1, 0.0).
    pub const FRESH: AlwrityColumns = AlwrityColumns {
        current_step: Some(1),
        progress: Some(0.0),
    };

    /// ALwrity's reading of these columns.
    pub fn reading(&self) -> AlwrityReading {
        let current_step = self.current_step.unwrap_or(1);
        let progress = self.progress.unwrap_or(0.0);
        let is_completed = current_step >= 6 || progress >= 100.0;
        AlwrityReading {
            current_step,
            progress,
            is_completed,
            next_step: if is_completed { 6 } else { current_step.max(1) },
        }
    }

    /// How many steps ALwrity counts as passed (0–6): at HEAD the last completed step (0
    /// for a fresh or reset session, which has progress 0); in the seed era the sixths of
    /// progress, since both seed-era writers stored progress that way.
    pub fn steps_passed(&self, era: Era) -> u8 {
        let r = self.reading();
        if r.is_completed {
            return 6;
        }
        let by_progress = (r.progress / 100.0 * 6.0).round().clamp(0.0, 6.0) as u8;
        match era {
            _ if r.progress <= 0.0 => 0,
            Era::Head => u8::try_from(r.current_step.clamp(0, 6)).unwrap_or(0),
            Era::Seed => by_progress,
        }
    }
}

/// `min(100, round(n / 6 × 100))` as ALwrity's Python computes it (no `.5` ties occur).
pub fn progress_after_step(n: u8) -> f64 {
    (f64::from(n) / 6.0 * 100.0).round().min(100.0)
}

/// An action onboardctl performs, in terms of what ALwrity's code writes for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AlwrityAction {
    /// A new session.
    Created,
    /// Step n completed (or skipped, see the module docs).
    StepDone(StepNumber),
    /// Step n set to an unfinished status.
    StepUndone(StepNumber),
    /// `progress set-step`: ALwrity's `update_step(n)`.
    SetStep(StepNumber),
    /// `progress set`: ALwrity's `update_progress(p)`.
    SetProgress(f64),
    /// Onboarding completed.
    Completed,
    /// Onboarding reset.
    Reset,
}

/// The ALwrity columns after `action`, from the columns before it and onboardctl's step view
/// after it.
pub fn columns_after(
    era: Era,
    action: AlwrityAction,
    before: AlwrityColumns,
    steps_after: &[StepState; 6],
) -> AlwrityColumns {
    let at = |n: u8| AlwrityColumns {
        current_step: Some(i64::from(n)),
        progress: Some(progress_after_step(n)),
    };
    match action {
        AlwrityAction::Created | AlwrityAction::Reset => AlwrityColumns::FRESH,
        AlwrityAction::Completed => at(6),
        AlwrityAction::StepDone(n) => at(n.get()),
        AlwrityAction::StepUndone(n) if before.steps_passed(era) >= n.get() => {
            match steps_after
                .iter()
                .take_while(|s| s.status.is_done())
                .count() as u8
            {
                0 => AlwrityColumns::FRESH,
                k => at(k),
            }
        }
        AlwrityAction::StepUndone(_) => before,
        AlwrityAction::SetStep(n) => AlwrityColumns {
            current_step: Some(i64::from(n.get())),
            ..before
        },
        AlwrityAction::SetProgress(p) => AlwrityColumns {
            progress: Some(p),
            ..before
        },
    }
}

/// ALwrity columns that stand for onboardctl's step view `steps` when there is no action to
/// take them from (a user written whole, e.g. by `import` or `db copy`): (6, 100.0) when
/// `completed`, else the contiguous-prefix columns of the module docs.
pub fn columns_for(steps: &[StepState; 6], completed: bool) -> AlwrityColumns {
    if completed {
        return AlwrityColumns {
            current_step: Some(6),
            progress: Some(100.0),
        };
    }
    match steps.iter().take_while(|s| s.status.is_done()).count() as u8 {
        0 => AlwrityColumns::FRESH,
        k => AlwrityColumns {
            current_step: Some(i64::from(k)),
            progress: Some(progress_after_step(k)),
        },
    }
}

/// What ALwrity's stored data shows for steps 1–4 (its own per-step checks, on the data
/// rather than on the keys it misspells): a key, a website URL or writing style, research
/// depth or content types, a core or platform persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepEvidence {
    /// At least one `api_keys` row.
    pub keys: bool,
    /// A `website_analyses` row with a URL or a writing style.
    pub website: bool,
    /// A `research_preferences` row with a depth or content types.
    pub research: bool,
    /// A `persona_data` row with a core or platform persona.
    pub persona: bool,
}

impl StepEvidence {
    fn for_step(&self, n: u8) -> bool {
        match n {
            1 => self.keys,
            2 => self.website,
            3 => self.research,
            4 => self.persona,
            _ => true,
        }
    }
}

/// onboardctl's step view derived from ALwrity's columns and data: a step ALwrity counts as
/// passed is completed when its data is there (steps 5 and 6 have none); a step it does not
/// count stays pending, whatever data exists — so an ALwrity reset (1, 0.0, data kept) reads
/// as not started. Onboarding is complete exactly when ALwrity says so, `completed_at` then
/// being ALwrity's `updated_at`.
pub fn derive_steps(
    era: Era,
    columns: AlwrityColumns,
    evidence: StepEvidence,
    updated_at: Timestamp,
) -> ([StepState; 6], Option<Timestamp>) {
    let passed = columns.steps_passed(era);
    let complete = columns.reading().is_completed;
    let steps = std::array::from_fn(|i| {
        let number = StepNumber::new(i as i64 + 1).expect("1..=6");
        let n = number.get();
        let done = match n {
            6 => complete,
            _ => n <= passed && evidence.for_step(n),
        };
        StepState {
            status: if done {
                StepStatus::Completed
            } else {
                StepStatus::Pending
            },
            completed_at: done.then_some(updated_at),
            ..StepState::pending(number)
        }
    });
    (steps, complete.then_some(updated_at))
}

/// One line when ALwrity's reading and onboardctl's step view disagree (e.g. ALwrity counts
/// onboarding complete by `progress >= 100` while step 4 has no persona), else `None`.
pub fn disagreement(columns: AlwrityColumns, steps: &[StepState; 6]) -> Option<String> {
    let r = columns.reading();
    let unfinished: Vec<String> = steps[..5]
        .iter()
        .filter(|s| !s.status.is_done())
        .map(|s| format!("step {} `{}`", s.number, s.number.title()))
        .collect();
    if r.is_completed && !unfinished.is_empty() {
        let why = if r.current_step >= 6 {
            "current_step >= 6"
        } else {
            "progress >= 100"
        };
        return Some(format!(
            "ALwrity counts this onboarding complete ({why}) although {} {} not done",
            unfinished.join(", "),
            if unfinished.len() == 1 { "is" } else { "are" }
        ));
    }
    if !r.is_completed && steps[5].status.is_done() {
        return Some(
            "onboardctl's record says complete, ALwrity's columns do not (ALwrity changed them)"
                .to_owned(),
        );
    }
    None
}

/// ALwrity's view of one session, carried with onboardctl's step view of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlwrityView {
    /// Which ALwrity.
    pub era: Era,
    /// ALwrity's columns: as read, or, after a change, as they are to be written.
    pub columns: AlwrityColumns,
    /// onboardctl's step view was derived from ALwrity's data on this read (no record of
    /// onboardctl's, or ALwrity changed the session since).
    pub derived: bool,
}

/// What onboardctl recorded of a session on an ALwrity database (its own tables): its step
/// view, `completed_at`, and the ALwrity values the view was recorded against.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// ALwrity's columns when onboardctl last wrote or derived the view.
    pub seen: AlwrityColumns,
    /// ALwrity's `updated_at` then.
    pub seen_updated_at: Option<Timestamp>,
    /// onboardctl's `completed_at`.
    pub completed_at: Option<Timestamp>,
    /// onboardctl's `current_step` and `progress` as last saved (`None` in a record from
    /// before they were kept: computed from the steps then).
    pub current_step: Option<StepNumber>,
    /// See `current_step`.
    pub progress: Option<f64>,
    /// The step rows.
    pub steps: Vec<StepState>,
}

/// A session as an ALwrity store reads it: ALwrity's row (the first of the user's rows, as
/// ALwrity's status service picks it), what its data shows, and onboardctl's record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    /// The user, as stored.
    pub user_id: super::UserId,
    /// ALwrity's columns.
    pub columns: AlwrityColumns,
    /// `started_at`.
    pub started_at: Option<Timestamp>,
    /// `updated_at`.
    pub updated_at: Option<Timestamp>,
    /// What the user's data rows show.
    pub evidence: StepEvidence,
    /// onboardctl's record, when it has one for this row.
    pub record: Option<Record>,
}

/// onboardctl's reading of a stored ALwrity session: its record when ALwrity has not written
/// since (the columns and `updated_at` are those it recorded), else a view derived from
/// ALwrity's columns and data ([`derive_steps`]), marked `derived`. Progress and
/// `current_step` of the view follow onboardctl's own rules over its steps.
pub fn assemble(era: Era, stored: StoredSession) -> super::Onboarding {
    let epoch = Timestamp::UNIX_EPOCH;
    let updated_at = stored.updated_at.or(stored.started_at).unwrap_or(epoch);
    let fresh = stored
        .record
        .filter(|r| r.seen == stored.columns && r.seen_updated_at == stored.updated_at);
    let derived = fresh.is_none();
    // onboardctl's own values from its record; derived ones follow its rules.
    let (steps, completed_at, kept) = match fresh {
        Some(r) => {
            let o = super::Onboarding::from_rows(
                super::Session::new(stored.user_id.clone(), updated_at),
                r.steps,
            );
            let kept = r.current_step.zip(r.progress);
            (o.steps, r.completed_at, kept)
        }
        None => {
            let (steps, completed_at) =
                derive_steps(era, stored.columns, stored.evidence, updated_at);
            (steps, completed_at, None)
        }
    };
    let (current_step, progress) = kept.unwrap_or_else(|| match completed_at {
        Some(_) => (StepNumber::LAST, 100.0),
        None => (
            super::progress::current_step(&steps),
            super::progress::progress_percentage(&steps),
        ),
    });
    let session = super::Session {
        user_id: stored.user_id,
        current_step,
        progress,
        started_at: stored.started_at.or(stored.updated_at).unwrap_or(epoch),
        updated_at,
        completed_at,
    };
    super::Onboarding {
        session,
        steps,
        alwrity: Some(AlwrityView {
            era,
            columns: stored.columns,
            derived,
        }),
    }
}

/// Whether onboardctl's step view `steps` says nothing the ALwrity data does not: it equals
/// what would be derived from `columns` and `evidence` (step statuses, and no forced flags,
/// reasons, errors or data of onboardctl's own). Such a state needs no record of
/// onboardctl's, so it can be written to a database onboardctl has not attached.
pub fn is_derivable(
    era: Era,
    columns: AlwrityColumns,
    evidence: StepEvidence,
    steps: &[StepState; 6],
) -> bool {
    let (derived, _) = derive_steps(era, columns, evidence, Timestamp::UNIX_EPOCH);
    derived.iter().zip(steps).all(|(d, s)| {
        d.status == s.status
            && !s.forced
            && s.force_reason.is_none()
            && s.validation_errors.is_empty()
            && s.data.is_none()
    })
}

#[cfg(test)]
mod tests;
