//! Moving whole users in and out: `export` (NDJSON, one user per line), `import` of that
//! NDJSON, `import legacy-json` (ALwrity's `.onboarding_progress*.json` files) and
//! `db copy` to another database. Every run streams: users are read page by page
//! ([`PAGE`] ids at a time) or line by line, and each user is written in its own transaction
//! with [`crate::store::Store::save_bundle`], so memory does not grow with the number of
//! users and a failure affects one user only.
//!
//! Each handled user (line, file) yields an [`ItemReport`] passed to the caller's callback
//! as soon as it is done; the callback prints it and advances a progress bar. The callback's
//! error type is the caller's (`E: From<Error>`), so a closed stdout stops the run the way
//! the caller wants. A user whose bundle equals what is stored is `unchanged` and not written,
//! which makes every import idempotent. Per-item failures (bad input, a constraint) are
//! reported and the run goes on; a database that is unavailable or outdated stops it.

mod copy;
mod export;
mod import;
mod legacy;
mod record;

use std::path::PathBuf;

pub use copy::{CopyOptions, LeftBehind};
pub use export::{ExportOptions, ExportSummary};
pub use import::ImportOptions;
pub use legacy::{legacy_files, LegacyOptions};
pub use record::{KeyRecord, StepRecord, UserRecord};

use crate::domain::{ApiKey, UserBundle, UserId};
use crate::error::{Error, Result};
use crate::store::{Store, StoreError};

/// How many user ids one page of a streaming run reads.
pub const PAGE: u32 = 500;

/// What happened to one user, or what would have under `--dry-run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The user had no session; one was created with the data.
    Created,
    /// The user's stored data was replaced.
    Replaced,
    /// The data equals what is stored; nothing was written.
    Unchanged,
    /// The item was not imported; `reason` says why. Nothing of it was written.
    Failed,
}

/// A key as reports show it: never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskedKey {
    /// Provider name.
    pub provider: String,
    /// ALwrity's mask: all but the last 4 characters hidden.
    pub masked: String,
    /// First 8 hex digits of the value's SHA-256.
    pub fingerprint: String,
}

impl From<&ApiKey> for MaskedKey {
    fn from(k: &ApiKey) -> MaskedKey {
        MaskedKey {
            provider: k.provider.to_string(),
            masked: k.value.masked(),
            fingerprint: k.value.fingerprint(),
        }
    }
}

/// The outcome of one line, file or user.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemReport {
    /// The 1-based line of the NDJSON input.
    pub line: Option<u64>,
    /// The legacy file.
    pub file: Option<PathBuf>,
    /// Whose data, when known.
    pub user: Option<UserId>,
    /// What happened.
    pub action: Action,
    /// Why it failed (`action` is `failed`). Never holds a key value.
    pub reason: Option<String>,
    /// What was tolerated or skipped. Never holds a key value.
    pub warnings: Vec<String>,
    /// The keys the item carries, masked.
    pub keys: Vec<MaskedKey>,
}

impl ItemReport {
    /// A report with only the action set.
    fn new(action: Action) -> ItemReport {
        ItemReport {
            line: None,
            file: None,
            user: None,
            action,
            reason: None,
            warnings: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// A failure for `reason`.
    fn failed(reason: impl Into<String>) -> ItemReport {
        ItemReport {
            reason: Some(reason.into()),
            ..ItemReport::new(Action::Failed)
        }
    }
}

/// How many items ended in each action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// Users created.
    pub created: u64,
    /// Users replaced.
    pub replaced: u64,
    /// Users left unchanged.
    pub unchanged: u64,
    /// Items that failed.
    pub failed: u64,
}

impl Tally {
    /// Counts one item.
    pub fn add(&mut self, action: Action) {
        match action {
            Action::Created => self.created += 1,
            Action::Replaced => self.replaced += 1,
            Action::Unchanged => self.unchanged += 1,
            Action::Failed => self.failed += 1,
        }
    }

    /// Every item counted.
    pub fn total(&self) -> u64 {
        self.created + self.replaced + self.unchanged + self.failed
    }

    /// The error a run with failures ends with (exit 4), naming what failed.
    pub fn check(&self, what: &str) -> Result<()> {
        if self.failed == 0 {
            return Ok(());
        }
        Err(Error::precondition(format!(
            "{} of {} {what} failed; the others were processed",
            self.failed,
            self.total()
        ))
        .with_hint("see the report above; fix those and run again (it is idempotent)"))
    }
}

/// Whether a store error stops a whole run rather than failing one item.
fn fatal(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Unavailable(_) | StoreError::SchemaOutdated { .. }
    )
}

/// What writing `bundle` over `existing` does.
fn action(existing: Option<&UserBundle>, bundle: &UserBundle) -> Action {
    match existing {
        None => Action::Created,
        Some(e) if e == bundle => Action::Unchanged,
        Some(_) => Action::Replaced,
    }
}

/// Writes the bundles of a batch whose action is not `Unchanged`, in one call (one statement
/// where the store can), unless `dry_run`.
/// Each written user gets their audit row in the same transaction.
fn apply_batch(
    store: &mut dyn Store,
    done: &[Done<'_>],
    dry_run: bool,
    audit: Audit<'_>,
) -> std::result::Result<(), StoreError> {
    let writes: Vec<&UserBundle> = done
        .iter()
        .filter(|(a, _, _)| *a != Action::Unchanged)
        .map(|(_, _, b)| *b)
        .collect();
    if dry_run {
        return Ok(());
    }
    store.save_bundles(&writes)?;
    let written: Vec<(&str, Option<&UserBundle>, &UserBundle)> = done
        .iter()
        .filter_map(|(a, existing, b)| Some((outcome(*a)?, *existing, *b)))
        .collect();
    audit.auditor.record_bundles(store, &written, audit.sealer)
}

/// The audit outcome of a bulk write's action (none when nothing was written).
fn outcome(action: Action) -> Option<&'static str> {
    match action {
        Action::Created => Some("created"),
        Action::Replaced => Some("replaced"),
        Action::Unchanged | Action::Failed => None,
    }
}

/// One user of a batch: what writing it does, what was stored, what is written.
type Done<'a> = (Action, Option<&'a UserBundle>, &'a UserBundle);

/// How a bulk write records its audit rows: one per user it writes, keys by the
/// fingerprint of their plaintext.
#[derive(Clone, Copy)]
pub(super) struct Audit<'a> {
    auditor: &'a crate::service::audit::Auditor,
    sealer: &'a crate::domain::seal::Sealer,
}

impl<'a> Audit<'a> {
    /// The audit of a service's bulk write (its auditor, its sealer to open keys with).
    pub(super) fn new(
        auditor: &'a crate::service::audit::Auditor,
        sealer: &'a crate::domain::seal::Sealer,
    ) -> Audit<'a> {
        Audit { auditor, sealer }
    }

    /// The row of `bundle` written over `existing` with `action` (none when unchanged).
    fn row(
        &self,
        store: &mut dyn Store,
        action: Action,
        existing: Option<&UserBundle>,
        bundle: &UserBundle,
    ) -> std::result::Result<(), StoreError> {
        let Some(outcome) = outcome(action) else {
            return Ok(());
        };
        self.auditor
            .record_bundle(store, outcome, existing, bundle, self.sealer)
    }
}

/// Writes `bundle` to `store` unless it equals `existing` or `dry_run`, and says what it did
/// (or would have). A store error is returned as is; the caller decides if it is fatal.
fn apply(
    store: &mut dyn Store,
    existing: Option<&UserBundle>,
    bundle: &UserBundle,
    dry_run: bool,
    audit: Audit<'_>,
) -> std::result::Result<Action, StoreError> {
    let action = action(existing, bundle);
    if action != Action::Unchanged && !dry_run {
        store.save_bundle(bundle)?;
        audit.row(store, action, existing, bundle)?;
    }
    Ok(action)
}

/// Runs `f` (load, merge, apply) for `user` inside one write transaction of `store`, so the
/// merge is computed from data no other writer can change before it is saved; a dry run only
/// reads, so it takes no lock.
fn locked<T>(
    store: &mut dyn Store,
    user: &crate::domain::UserId,
    dry_run: bool,
    f: impl FnOnce(&mut dyn Store) -> std::result::Result<T, StoreError>,
) -> std::result::Result<T, StoreError> {
    if dry_run {
        return f(store);
    }
    crate::store::atomically(store, crate::store::TxScope::User(user), f)
}

/// How imported plaintext keys are stored: sealed under the master key (`own`) on
/// onboardctl's own databases; as given (`plain`) on ALwrity's, which reads `api_keys.key`
/// verbatim (as `key set` keeps them there without `--seal-anyway`).
pub(super) fn import_sealer<'a>(
    flavour: crate::store::alwrity::Flavour,
    own: &'a crate::domain::seal::Sealer,
    plain: &'a crate::domain::seal::Sealer,
) -> &'a crate::domain::seal::Sealer {
    match flavour {
        crate::store::alwrity::Flavour::Native => own,
        crate::store::alwrity::Flavour::Alwrity { .. } => plain,
    }
}

/// A store error for one item: fatal ones stop the run, others become its failure.
fn item_error(e: StoreError) -> Result<ItemReport> {
    if fatal(&e) {
        Err(e.into())
    } else {
        Ok(ItemReport::failed(Error::from(e).message))
    }
}
