//! Views of `env diff`, `env sync` and `key reseal`: JSON shapes and their tables. Values
//! appear only masked, with fingerprints (both of the plaintext).

use serde::Serialize;

use super::human::{Block, TableBuilder};
use super::views::KeyView;
use crate::domain::Secret;
use crate::service::{EnvChange, EnvDiff, EnvEntry, EnvSync, ResealReport};

/// One row of `env diff` / `env sync`.
#[derive(Debug, Serialize)]
pub struct EnvEntryView {
    /// The key's provider.
    pub provider: String,
    /// The variable.
    pub env_var: String,
    /// The file.
    pub file: String,
    /// `missing`, `differs` or `matches`.
    pub status: &'static str,
    /// The stored value, masked.
    pub stored_masked: String,
    /// Fingerprint of the stored value.
    pub stored_fingerprint: String,
    /// The file's value, masked (`null` when missing).
    pub file_masked: Option<String>,
    /// Fingerprint of the file's value (`null` when missing).
    pub file_fingerprint: Option<String>,
}

impl From<&EnvEntry> for EnvEntryView {
    fn from(e: &EnvEntry) -> EnvEntryView {
        EnvEntryView {
            provider: e.provider.to_string(),
            env_var: e.var.clone(),
            file: e.path.display().to_string(),
            status: e.status.as_str(),
            stored_masked: e.stored.masked(),
            stored_fingerprint: e.stored.fingerprint(),
            file_masked: e.in_file.as_ref().map(Secret::masked),
            file_fingerprint: e.in_file.as_ref().map(Secret::fingerprint),
        }
    }
}

/// `env diff`.
#[derive(Debug, Serialize)]
pub struct EnvDiffView {
    /// Whether every variable matches.
    pub in_sync: bool,
    /// How many are missing or differ.
    pub drift: usize,
    /// One row per key and file.
    pub entries: Vec<EnvEntryView>,
}

impl From<&EnvDiff> for EnvDiffView {
    fn from(d: &EnvDiff) -> EnvDiffView {
        EnvDiffView {
            in_sync: d.drift() == 0,
            drift: d.drift(),
            entries: d.entries.iter().map(EnvEntryView::from).collect(),
        }
    }
}

/// `key set --json`: the stored key, masked, and the `.env` files written in local mode.
#[derive(Debug, Serialize)]
pub struct KeySetView {
    /// False when the provider already had a key.
    pub created: bool,
    /// The key.
    #[serde(flatten)]
    pub record: KeyView,
    /// The `.env` files written (empty unless DEPLOY_ENV=local).
    pub env_files: Vec<EnvFileView>,
}

/// One file `env sync` (or `key set`/`key delete` in local mode) wrote.
#[derive(Debug, Serialize)]
pub struct EnvFileView {
    /// The file.
    pub file: String,
    /// The variables written.
    pub env_vars: Vec<String>,
    /// It did not exist before.
    pub created: bool,
    /// Its bytes changed.
    pub changed: bool,
}

impl From<&EnvChange> for EnvFileView {
    fn from(c: &EnvChange) -> EnvFileView {
        EnvFileView {
            file: c.path.display().to_string(),
            env_vars: c.vars.clone(),
            created: c.created,
            changed: c.changed,
        }
    }
}

/// `env sync`: the comparison before writing, and the files written.
#[derive(Debug, Serialize)]
pub struct EnvSyncView {
    /// How many variables were written.
    pub written: usize,
    /// The state before the sync.
    pub before: EnvDiffView,
    /// The files written.
    pub files: Vec<EnvFileView>,
}

impl From<&EnvSync> for EnvSyncView {
    fn from(s: &EnvSync) -> EnvSyncView {
        EnvSyncView {
            written: s.before.drift(),
            before: EnvDiffView::from(&s.before),
            files: s.files.iter().map(EnvFileView::from).collect(),
        }
    }
}

/// The table of `env diff`.
pub fn env_diff_table(view: &EnvDiffView, color: bool) -> String {
    if view.entries.is_empty() {
        return "no keys stored".to_owned();
    }
    let headers = [
        "provider",
        "env_var",
        "file",
        "status",
        "stored",
        "stored_fp",
        "in_file",
        "in_file_fp",
    ];
    let mut t = TableBuilder::new(&headers, color);
    let dash = || "-".to_owned();
    for e in &view.entries {
        t.row([
            e.provider.clone(),
            e.env_var.clone(),
            e.file.clone(),
            e.status.to_owned(),
            e.stored_masked.clone(),
            e.stored_fingerprint.clone(),
            e.file_masked.clone().unwrap_or_else(dash),
            e.file_fingerprint.clone().unwrap_or_else(dash),
        ]);
    }
    t.render()
}

/// One row `key reseal` could not reseal.
#[derive(Debug, Serialize)]
pub struct ResealFailureView {
    /// Owner of the row.
    pub user_id: String,
    /// Provider of the row.
    pub provider: String,
    /// Why.
    pub reason: String,
}

/// `key reseal`.
#[derive(Debug, Serialize)]
pub struct ResealView {
    /// Users visited.
    pub users: u64,
    /// Rows written.
    pub resealed: u64,
    /// Rows already sealed under the current master key.
    pub already_current: u64,
    /// Key values inside the quarantine table that were sealed.
    pub quarantined_sealed: u64,
    /// How many rows failed.
    pub failed: usize,
    /// The rows that failed.
    pub failures: Vec<ResealFailureView>,
}

impl From<&ResealReport> for ResealView {
    fn from(r: &ResealReport) -> ResealView {
        ResealView {
            users: r.users,
            resealed: r.resealed,
            already_current: r.current,
            quarantined_sealed: r.quarantined,
            failed: r.failed.len(),
            failures: r
                .failed
                .iter()
                .map(|f| ResealFailureView {
                    user_id: f.user.to_string(),
                    provider: f.provider.to_string(),
                    reason: f.reason.clone(),
                })
                .collect(),
        }
    }
}

/// The block of `key reseal`.
pub fn reseal_block(view: &ResealView) -> String {
    let mut b = Block::new();
    b.field("users", view.users)
        .field("resealed", view.resealed)
        .field("already_current", view.already_current)
        .field("quarantined_sealed", view.quarantined_sealed)
        .field("failed", view.failed);
    b.render()
}
