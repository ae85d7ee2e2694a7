//! The JSON shapes of `--json`: one `Serialize` view per thing the tool prints, built from
//! domain records. Keys are snake_case, times RFC 3339 in UTC, keys always masked (only
//! [`RevealView`] carries a raw value, and only `key get --reveal` builds one).

use serde::Serialize;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::UtcOffset;

use crate::domain::alwrity::StaleContext;
use crate::domain::progress::{self, ProgressSummary};
use crate::domain::providers::{self, ProviderSpec};
use crate::domain::{ApiKey, Onboarding, StepState, Timestamp};
use crate::service::StoredKey;
use crate::store::{Lifecycle, MigrationInfo, SchemaState, SessionSummary};

pub use super::shape::Fields;

/// `ts` as RFC 3339 in UTC (`2025-01-02T03:04:05.123456Z`).
pub fn rfc3339(ts: Timestamp) -> String {
    ts.to_offset(UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| ts.to_string())
}

pub(crate) fn opt_time(ts: Option<Timestamp>) -> Option<String> {
    ts.map(rfc3339)
}

/// One step of `session show` / `progress show`.
#[derive(Debug, Serialize)]
pub struct StepView {
    /// 1–6.
    pub step_number: u8,
    /// ALwrity's title.
    pub title: &'static str,
    /// `pending`, `in_progress`, …
    pub status: &'static str,
    /// When completed or skipped.
    pub completed_at: Option<String>,
    /// The step payload.
    pub data: Option<Value>,
    /// Why the step failed or did not validate.
    pub validation_errors: Vec<String>,
    /// Completed with `--force`.
    pub forced: bool,
    /// The operator's reason for forcing.
    pub force_reason: Option<String>,
}

impl From<&StepState> for StepView {
    fn from(s: &StepState) -> StepView {
        StepView {
            step_number: s.number.get(),
            title: s.number.title(),
            status: s.status.as_str(),
            completed_at: opt_time(s.completed_at),
            data: s.data.clone(),
            validation_errors: s.validation_errors.clone(),
            forced: s.forced,
            force_reason: s.force_reason.clone(),
        }
    }
}

/// ALwrity's own reading of a session on a database ALwrity made (`"alwrity"` in JSON).
#[derive(Debug, Serialize)]
pub struct AlwrityReadingView {
    /// `seed` or `head`.
    pub era: &'static str,
    /// `current_step` as stored (`null` when NULL).
    pub current_step: Option<i64>,
    /// `progress` as stored (`null` when NULL).
    pub progress: Option<f64>,
    /// ALwrity's predicate: `current_step >= 6 or progress >= 100`.
    pub is_completed: bool,
    /// Where ALwrity's UI resumes.
    pub next_step: i64,
}

/// The fields `session show` and `progress show` add on a database ALwrity made.
#[derive(Debug, Serialize)]
pub struct AlwrityFields {
    /// ALwrity's reading.
    pub alwrity: AlwrityReadingView,
    /// onboardctl's step view was derived from ALwrity's data on this read.
    pub derived: bool,
    /// One line when the two readings disagree.
    pub disagreement: Option<String>,
}

impl AlwrityFields {
    /// The fields of `o`, or `None` on onboardctl's own database.
    pub fn of(o: &Onboarding) -> Option<AlwrityFields> {
        let view = o.alwrity.as_ref()?;
        let r = view.columns.reading();
        Some(AlwrityFields {
            alwrity: AlwrityReadingView {
                era: view.era.as_str(),
                current_step: view.columns.current_step,
                progress: view.columns.progress,
                is_completed: r.is_completed,
                next_step: r.next_step,
            },
            derived: view.derived,
            disagreement: crate::domain::alwrity::disagreement(view.columns, &o.steps),
        })
    }
}

/// `session show`: the session and its six steps.
#[derive(Debug, Serialize)]
pub struct SessionView {
    /// Whose session.
    pub user_id: String,
    /// First step neither completed nor skipped (or the override).
    pub current_step: u8,
    /// Progress percentage.
    pub progress: f64,
    /// Whether onboarding is complete.
    pub is_completed: bool,
    /// Created.
    pub started_at: String,
    /// Last change.
    pub updated_at: String,
    /// Completed, if so.
    pub completed_at: Option<String>,
    /// Steps 1–6.
    pub steps: Vec<StepView>,
    /// On a database ALwrity made: its reading beside onboardctl's.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub alwrity: Option<AlwrityFields>,
    /// ALwrity's `agent_context/` documents that no longer say what the database says
    /// (`session show` on a HEAD workspace file; absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_context: Vec<StaleContext>,
}

impl From<&Onboarding> for SessionView {
    fn from(o: &Onboarding) -> SessionView {
        let s = &o.session;
        SessionView {
            user_id: s.user_id.to_string(),
            current_step: s.current_step.get(),
            progress: s.progress,
            is_completed: s.is_completed(),
            started_at: rfc3339(s.started_at),
            updated_at: rfc3339(s.updated_at),
            completed_at: opt_time(s.completed_at),
            steps: o.steps.iter().map(StepView::from).collect(),
            alwrity: AlwrityFields::of(o),
            stale_context: Vec::new(),
        }
    }
}

/// `session create`: the session and whether this run created it.
#[derive(Debug, Serialize)]
pub struct CreatedView<T: Serialize> {
    /// False when the session already existed.
    pub created: bool,
    /// The record.
    #[serde(flatten)]
    pub record: T,
}

/// `progress show`: ALwrity's progress summary, the user and the steps.
#[derive(Debug, Serialize)]
pub struct ProgressView {
    /// Whose progress.
    pub user_id: String,
    /// Counts, current step, completion, percentage.
    #[serde(flatten)]
    pub summary: ProgressSummary,
    /// Steps 1–6.
    pub steps: Vec<StepView>,
    /// On a database ALwrity made: its reading beside onboardctl's.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub alwrity: Option<AlwrityFields>,
}

impl From<&Onboarding> for ProgressView {
    fn from(o: &Onboarding) -> ProgressView {
        ProgressView {
            user_id: o.session.user_id.to_string(),
            summary: progress::summary(o),
            steps: o.steps.iter().map(StepView::from).collect(),
            alwrity: AlwrityFields::of(o),
        }
    }
}

/// The name `session list` shows for a lifecycle (the `--status` spelling).
pub fn lifecycle_name(l: Lifecycle) -> &'static str {
    match l {
        Lifecycle::NotStarted => "not_started",
        Lifecycle::InProgress => "in_progress",
        Lifecycle::Completed => "completed",
    }
}

/// One row of `session list`.
#[derive(Debug, Serialize)]
pub struct SessionRowView {
    /// Whose session.
    pub user_id: String,
    /// `not_started`, `in_progress` or `completed`.
    pub status: &'static str,
    /// Current step.
    pub current_step: u8,
    /// Progress percentage.
    pub progress: f64,
    /// Created.
    pub started_at: String,
    /// Last change.
    pub updated_at: String,
    /// Completed, if so.
    pub completed_at: Option<String>,
}

impl From<&SessionSummary> for SessionRowView {
    fn from(row: &SessionSummary) -> SessionRowView {
        let s = &row.session;
        SessionRowView {
            user_id: s.user_id.to_string(),
            status: lifecycle_name(row.lifecycle),
            current_step: s.current_step.get(),
            progress: s.progress,
            started_at: rfc3339(s.started_at),
            updated_at: rfc3339(s.updated_at),
            completed_at: opt_time(s.completed_at),
        }
    }
}

/// A stored key, masked.
#[derive(Debug, Serialize)]
pub struct KeyView {
    /// Provider name.
    pub provider: String,
    /// The env var ALwrity reads it from.
    pub env_var: String,
    /// The mask of [`crate::domain::Secret::masked`]: 16 characters, the last 4 shown only
    /// for values of 16 characters or more.
    pub masked: String,
    /// First 8 hex digits of the SHA-256 of the value.
    pub fingerprint: String,
    /// Whether the value is encrypted at rest (mask and fingerprint are of the plaintext).
    pub encrypted: bool,
    /// First stored.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

impl From<&StoredKey> for KeyView {
    fn from(stored: &StoredKey) -> KeyView {
        let k: &ApiKey = &stored.key;
        KeyView {
            provider: k.provider.to_string(),
            env_var: providers::env_var_for(&k.provider),
            masked: stored.masked(),
            fingerprint: stored.fingerprint(),
            encrypted: stored.sealed,
            created_at: rfc3339(k.created_at),
            updated_at: rfc3339(k.updated_at),
        }
    }
}

/// `key get --reveal --json`: the one view that carries a raw key.
#[derive(Debug, Serialize)]
pub struct RevealView<'a> {
    /// Provider name.
    pub provider: &'a str,
    /// The raw stored value.
    pub value: &'a str,
}

/// One row of `key providers`.
#[derive(Debug, Serialize)]
pub struct ProviderView {
    /// Provider name.
    pub name: &'static str,
    /// Its env var.
    pub env_var: &'static str,
    /// Required by step 1 (after `ONBOARDCTL_REQUIRED_PROVIDERS`).
    pub required: bool,
    /// The format check, in words.
    pub format: String,
    /// What the provider is.
    pub description: &'static str,
}

impl ProviderView {
    /// The view of `spec`; `required` comes from the configured required list.
    pub fn new(spec: &ProviderSpec, required: bool) -> ProviderView {
        ProviderView {
            name: spec.name,
            env_var: spec.env_var,
            required,
            format: spec.format.describe(),
            description: spec.description,
        }
    }
}

/// One migration of `db status` / `db migrate`.
#[derive(Debug, Serialize)]
pub struct MigrationView {
    /// Version number.
    pub version: u32,
    /// Name.
    pub name: String,
    /// When applied; null while pending.
    pub applied_on: Option<String>,
}

impl From<&MigrationInfo> for MigrationView {
    fn from(m: &MigrationInfo) -> MigrationView {
        MigrationView {
            version: m.version,
            name: m.name.clone(),
            applied_on: m.applied_on.clone(),
        }
    }
}

/// `db status`.
#[derive(Debug, Serialize)]
pub struct DbStatusView {
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The redacted location.
    pub location: String,
    /// Newest applied version, 0 when empty.
    pub version: u32,
    /// Applied migrations, oldest first.
    pub applied: Vec<MigrationView>,
    /// Pending migrations, oldest first.
    pub pending: Vec<MigrationView>,
}

impl DbStatusView {
    /// The view of a schema state at `location`.
    pub fn new(backend: String, location: String, state: &SchemaState) -> DbStatusView {
        DbStatusView {
            backend,
            location,
            version: state.version(),
            applied: state.applied.iter().map(MigrationView::from).collect(),
            pending: state.pending.iter().map(MigrationView::from).collect(),
        }
    }
}

/// `session delete [--dry-run]`: what goes (or went), and what stays.
#[derive(Debug, Serialize)]
pub struct DeletionView<'a> {
    /// Whose session.
    pub user_id: String,
    /// False under `--dry-run`.
    pub deleted: bool,
    /// Rows removed per table, what is left and where.
    #[serde(flatten)]
    pub plan: &'a crate::store::Deletion,
}

impl<'a> DeletionView<'a> {
    /// The view of `plan` for `user`.
    pub fn new(
        user: &crate::domain::UserId,
        deleted: bool,
        plan: &'a crate::store::Deletion,
    ) -> Self {
        DeletionView {
            user_id: user.to_string(),
            deleted,
            plan,
        }
    }
}

// The top-level keys of the views whose commands check `--json=FIELD,…` before running
// (see `crate::cli::Command::json_fields`); `tests::declared_fields_are_the_serialized_keys`
// keeps each list equal to what the view writes.

/// The keys [`AlwrityFields`] adds on a database ALwrity made.
const ALWRITY_KEYS: [&str; 3] = ["alwrity", "derived", "disagreement"];

impl Fields for SessionView {
    const FIELDS: &'static [&'static str] = &[
        "user_id",
        "current_step",
        "progress",
        "is_completed",
        "started_at",
        "updated_at",
        "completed_at",
        "steps",
        ALWRITY_KEYS[0],
        ALWRITY_KEYS[1],
        ALWRITY_KEYS[2],
        "stale_context",
    ];
}

impl Fields for CreatedView<SessionView> {
    const FIELDS: &'static [&'static str] = &[
        "created",
        "user_id",
        "current_step",
        "progress",
        "is_completed",
        "started_at",
        "updated_at",
        "completed_at",
        "steps",
        ALWRITY_KEYS[0],
        ALWRITY_KEYS[1],
        ALWRITY_KEYS[2],
        "stale_context",
    ];
}

impl Fields for SessionRowView {
    const FIELDS: &'static [&'static str] = &[
        "user_id",
        "status",
        "current_step",
        "progress",
        "started_at",
        "updated_at",
        "completed_at",
    ];
}

impl Fields for ProgressView {
    const FIELDS: &'static [&'static str] = &[
        "user_id",
        "total_steps",
        "completed_steps",
        "skipped_steps",
        "failed_steps",
        "current_step",
        "is_completed",
        "progress_percentage",
        "steps",
        ALWRITY_KEYS[0],
        ALWRITY_KEYS[1],
        ALWRITY_KEYS[2],
    ];
}

impl Fields for KeyView {
    const FIELDS: &'static [&'static str] = &[
        "provider",
        "env_var",
        "masked",
        "fingerprint",
        "encrypted",
        "created_at",
        "updated_at",
    ];
}

impl Fields for ProviderView {
    const FIELDS: &'static [&'static str] =
        &["name", "env_var", "required", "format", "description"];
}

impl Fields for DbStatusView {
    const FIELDS: &'static [&'static str] =
        &["backend", "location", "version", "applied", "pending"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Onboarding, Session, UserId};
    use crate::output::node::Node;

    fn keys<T: Serialize>(view: &T) -> Vec<String> {
        match Node::of(view).unwrap() {
            Node::Object(entries) => entries.into_iter().map(|(k, _)| k).collect(),
            other => panic!("not an object: {other:?}"),
        }
    }

    /// The declared list, less the keys only a database ALwrity made (or a HEAD workspace
    /// file with stale documents) adds, is exactly what a native record serializes.
    fn assert_declared<T: Serialize + Fields>(view: &T, optional: &[&str]) {
        let want: Vec<&str> = T::FIELDS
            .iter()
            .copied()
            .filter(|f| !optional.contains(f))
            .collect();
        assert_eq!(keys(view), want);
    }

    #[test]
    fn declared_fields_are_the_serialized_keys() {
        let o = Onboarding::new(Session::new(
            "u1".parse::<UserId>().unwrap(),
            crate::domain::Timestamp::UNIX_EPOCH,
        ));
        let mut optional = ALWRITY_KEYS.to_vec();
        assert_declared(&ProgressView::from(&o), &optional);
        optional.push("stale_context");
        assert_declared(&SessionView::from(&o), &optional);
        let created = CreatedView {
            created: true,
            record: SessionView::from(&o),
        };
        assert_declared(&created, &optional);
        let row = crate::store::SessionSummary {
            session: o.session.clone(),
            lifecycle: Lifecycle::NotStarted,
        };
        assert_declared(&SessionRowView::from(&row), &[]);
        let spec = &providers::all()[0];
        assert_declared(&ProviderView::new(spec, true), &[]);
        let state = SchemaState {
            applied: vec![],
            pending: vec![],
        };
        assert_declared(&DbStatusView::new("sqlite".into(), "x".into(), &state), &[]);
    }
}
