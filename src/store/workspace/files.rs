//! What a workspace does file by file: `db status` (discovery and each file's session rows,
//! read-only, on worker threads), and `db migrate` / `db repair` across every file: planned
//! first, then applied one file at a time — each file in its own transaction, never two
//! files' write locks at once — carrying on past a file that fails, so a second run does
//! only what is left.

use std::path::PathBuf;

use serde::Serialize;

use super::candidates::{EntryKind, Probe};
use super::report::{FileFacts, StatusBuilder, WorkspaceStatus};
use super::scan::{each_file, Visit};
use super::store::{SkippedFile, WorkspaceStore};
use crate::store::alwrity::{AttachPlan, RepairPlan};
use crate::store::{StoreError, StoreResult};

/// What `db migrate` did (or, dry, would do) across a workspace.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WorkspaceMigration {
    /// Files looked at.
    pub files: u64,
    /// Files attached (to attach, dry), with their plans (`null` for a file that is
    /// onboardctl's own database, migrated instead).
    pub attached: Vec<FilePlan<Option<AttachPlan>>>,
    /// Files already attached (or onboardctl's own and current).
    pub current: u64,
    /// Files that failed, and why; the others were done.
    pub failed: Vec<SkippedFile>,
}

/// What `db repair` did (or, dry, would do) across a workspace.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WorkspaceRepair {
    /// Files looked at.
    pub files: u64,
    /// Files with duplicates merged (to merge, dry), with their plans.
    pub repaired: Vec<FilePlan<RepairPlan>>,
    /// Files with nothing to merge.
    pub clean: u64,
    /// Files that failed, and why.
    pub failed: Vec<SkippedFile>,
}

/// One file's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilePlan<P> {
    /// The file.
    pub path: PathBuf,
    /// Its plan.
    pub plan: P,
}

/// Progress of a run across files: (files done, files in all).
pub type OnProgress<'a> = dyn FnMut(u64, u64) + 'a;

impl WorkspaceStore {
    /// `db status` of the workspace: folders, files by layout, folders without a file,
    /// shadowed files, files holding several ids, unreadable files (module
    /// [`super::report`]). Reads each file once, read-only.
    pub fn status(&mut self) -> StoreResult<WorkspaceStatus> {
        let busy = self.options().busy_timeout;
        let root = self.root().clone();
        let folders = root
            .folders()
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        // Discovery in order on this thread (it keeps every folder's four candidates for the
        // report); the files' rows on worker threads, put back in order by sequence number.
        let listed: Vec<_> = folders.collect();
        let mut facts: Vec<Option<FileFacts>> = vec![None; listed.len()];
        let wanted: Vec<Option<PathBuf>> = listed
            .iter()
            .map(|f| {
                let folder = f.as_ref().ok()?;
                folder
                    .lookup
                    .used()
                    .filter(|c| c.probe == Probe::Present(EntryKind::File))
                    .map(|c| c.path.clone())
            })
            .collect();
        read_parallel(
            &wanted,
            |path| match crate::store::sqlite::alwrity::session_rows(path, busy) {
                Ok(rows) => FileFacts::Sessions(rows),
                Err(e) => FileFacts::Unreadable(e.to_string()),
            },
        )
        .into_iter()
        .for_each(|(i, f)| facts[i] = Some(f));
        let mut builder = StatusBuilder::new(&root);
        for (item, facts) in listed.iter().zip(facts) {
            match item {
                Ok(folder) => builder.add_folder(folder, facts),
                Err(e) => builder.add_error(e),
            }
        }
        Ok(builder.finish())
    }

    /// `db migrate [--dry-run]` across the workspace: every file's attach plan, then (not
    /// dry) each file attached in its own transaction, one at a time, past failures.
    pub fn migrate_files(
        &mut self,
        dry_run: bool,
        progress: &mut OnProgress<'_>,
    ) -> StoreResult<WorkspaceMigration> {
        let mut report = WorkspaceMigration::default();
        let files = self.files()?;
        report.files = files.len() as u64;
        for (n, path) in files.into_iter().enumerate() {
            match self.migrate_one(&path, dry_run) {
                Ok(Some(plan)) => report.attached.push(FilePlan { path, plan }),
                Ok(None) => report.current += 1,
                Err(e) => report.failed.push(SkippedFile {
                    path,
                    reason: e.to_string(),
                }),
            }
            progress(n as u64 + 1, report.files);
        }
        report.failed.extend(self.take_skipped());
        Ok(report)
    }

    /// One file: `None` when it is current; else its attach plan (`None` inside for
    /// onboardctl's own database with migrations pending), applied unless `dry_run`.
    fn migrate_one(
        &self,
        path: &std::path::Path,
        dry_run: bool,
    ) -> StoreResult<Option<Option<AttachPlan>>> {
        let mut store = self.open_file(path, dry_run)?;
        let plan = store.attach_plan()?;
        if plan.is_none() && store.schema_state()?.pending.is_empty() {
            return Ok(None);
        }
        if !dry_run {
            store.migrate()?;
        }
        Ok(Some(plan))
    }

    /// `db repair [--dry-run]` across the workspace, file by file like
    /// [`WorkspaceStore::migrate_files`].
    pub fn repair_files(
        &mut self,
        dry_run: bool,
        progress: &mut OnProgress<'_>,
    ) -> StoreResult<WorkspaceRepair> {
        let mut report = WorkspaceRepair::default();
        let files = self.files()?;
        report.files = files.len() as u64;
        for (n, path) in files.into_iter().enumerate() {
            let outcome = self.open_file(&path, dry_run).and_then(|mut store| {
                let plan = store.repair_plan()?;
                let busy = plan
                    .as_ref()
                    .is_some_and(|p| !p.merges.is_empty() || !p.extra_rows.is_empty());
                match (busy, dry_run) {
                    (false, _) => Ok(None),
                    (true, true) => Ok(plan),
                    (true, false) => store.repair(),
                }
            });
            match outcome {
                Ok(Some(plan)) => report.repaired.push(FilePlan { path, plan }),
                Ok(None) => report.clean += 1,
                Err(e) => report.failed.push(SkippedFile {
                    path,
                    reason: e.to_string(),
                }),
            }
            progress(n as u64 + 1, report.files);
        }
        report.failed.extend(self.take_skipped());
        Ok(report)
    }

    /// Every folder's file, in discovery order (folders without one left out; folders that
    /// cannot be looked at recorded as skipped).
    fn files(&mut self) -> StoreResult<Vec<PathBuf>> {
        let mut out: Vec<(usize, PathBuf)> = Vec::new();
        let mut skipped = Vec::new();
        each_file(
            self.root(),
            |_, _| (),
            |visit| match visit {
                Visit::File { seq, path, .. } => out.push((seq, path)),
                Visit::NoFile { .. } => {}
                Visit::Unreadable { path, reason, .. } => {
                    skipped.push(SkippedFile { path, reason })
                }
            },
        )
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        out.sort();
        self.record_skipped(skipped);
        Ok(out.into_iter().map(|(_, p)| p).collect())
    }
}

/// Runs `read` on every `Some` path on a few threads; returns (index, result) pairs.
fn read_parallel<T: Send>(
    paths: &[Option<PathBuf>],
    read: impl Fn(&std::path::Path) -> T + Sync,
) -> Vec<(usize, T)> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1)
        .clamp(1, 4);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(slot) = paths.get(i) else {
                            return out;
                        };
                        if let Some(path) = slot {
                            out.push((i, read(path)));
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
