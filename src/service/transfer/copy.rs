//! `db copy --to URL`: every user of this store into another, a page at a time (one read
//! snapshot per page; on the target one write transaction per batch of users where it
//! batches, else per user), paging through ids so memory stays flat.
//!
//! The target must be migrated and, unless `merge`, hold no session at all. With `merge`, a
//! user present in both is replaced by this store's data (`unchanged` when equal) and users
//! only the target has are left alone. The copy is resumable: the target records, in each
//! transaction that writes users, the last user copied from this source
//! (`onboardctl_copy_progress`), so a rerun after an interruption continues after it, and
//! the record says when the copy finished.

use super::{action, apply, apply_batch, fatal, Action, Audit, Done, ItemReport, Tally, PAGE};
use crate::domain::{UserBundle, UserId};
use crate::error::{Error, Result};
use crate::service::now;
use crate::service::Service;
use crate::store::alwrity::Flavour;
use crate::store::Store;
use crate::store::{CopyProgress, Deletion, StoreError, TableRows, TxScope};

/// How `db copy` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct CopyOptions {
    /// Copy into a target that already holds users (`--merge`).
    pub merge: bool,
    /// Asked before each batch: `true` stops the copy there, with what was written recorded
    /// as its progress (Ctrl-C).
    pub cancel: Option<fn() -> bool>,
}

impl Service<'_> {
    /// How many users a copy will handle, for a progress bar.
    pub fn count_users(&mut self) -> Result<u64> {
        Ok(self.store.count_sessions()?)
    }

    /// Copies every user into `target`, calling `on_item` with each user's report (never
    /// holding a key value). Checks the target first (migrated; empty unless `merge`, or
    /// holding an unfinished copy from this same source, which then resumes after the last
    /// user it wrote). Each user is written together with the copy's progress record.
    pub fn copy_to<E: From<Error>>(
        &mut self,
        target: &mut dyn Store,
        opts: CopyOptions,
        on_item: &mut dyn FnMut(&ItemReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<CopyReport, E> {
        let mut progress = start(target, &self.store.location(), opts)?;
        let resumed_after = progress.last_user.clone();
        let mut tally = Tally::default();
        let mut left = LeftBehind::default();
        let from_alwrity = self.store.flavour() != Flavour::Native;
        let mut after = resumed_after.clone();
        loop {
            let ids = self
                .store
                .list_user_ids(after.as_ref(), PAGE)
                .map_err(Error::from)?;
            let Some(last) = ids.last().cloned() else {
                break;
            };
            let bundles = self.store.load_bundles(&ids).map_err(Error::from)?;
            if from_alwrity {
                for id in &ids {
                    left.add(self.store.deletion(id).map_err(Error::from)?);
                }
            }
            for chunk in paired(ids, bundles).chunks(target.batch_users().max(1)) {
                if opts.cancel.is_some_and(|cancelled| cancelled()) {
                    let what = match &progress.last_user {
                        Some(u) => format!("after user `{u}`"),
                        None => "before the first user".to_owned(),
                    };
                    return Err(Error::new(
                        crate::error::ErrorKind::Cancelled,
                        format!("db copy stopped {what}; every user before was written"),
                    )
                    .with_hint("run the same db copy again to resume where it stopped")
                    .into());
                }
                let audit = Audit::new(&self.auditor, &self.sealer);
                let items = match copy_together(target, chunk, opts, &mut progress, audit) {
                    Ok(Some(items)) => items,
                    Err(e) if fatal(&e) => return Err(Error::from(e).into()),
                    // Not batched, or a user failed: user by user, so only that user fails.
                    Ok(None) | Err(_) => {
                        let mut items = Vec::with_capacity(chunk.len());
                        for (id, bundle) in chunk {
                            let (id, bundle) = (id.clone(), bundle.clone());
                            items.push(copy_user(target, id, bundle, opts, &mut progress, audit)?);
                        }
                        items
                    }
                };
                for item in &items {
                    tally.add(item.action);
                    on_item(item)?;
                }
            }
            after = Some(last);
        }
        let at = now();
        progress.finished_at = Some(at);
        progress.updated_at = at;
        target.put_copy_progress(&progress).map_err(Error::from)?;
        Ok(CopyReport {
            tally,
            resumed_after,
            left_behind: left,
        })
    }
}

/// Each id with its bundle.
fn paired(ids: Vec<UserId>, bundles: Vec<Option<UserBundle>>) -> Vec<(UserId, Option<UserBundle>)> {
    ids.into_iter().zip(bundles).collect()
}

/// A chunk of users in one transaction of the target that locks them all, with the copy's
/// progress after the last; the reports, in order. `None` for a chunk to copy user by user
/// (one user, a target that writes one user per transaction, a user the source could not
/// load); an error rolled the whole chunk back.
fn copy_together(
    target: &mut dyn Store,
    chunk: &[(UserId, Option<UserBundle>)],
    opts: CopyOptions,
    progress: &mut CopyProgress,
    audit: Audit<'_>,
) -> std::result::Result<Option<Vec<ItemReport>>, StoreError> {
    if chunk.len() < 2 || target.batch_users() < 2 || chunk.iter().any(|(_, b)| b.is_none()) {
        return Ok(None);
    }
    let ids: Vec<UserId> = chunk.iter().map(|(id, _)| id.clone()).collect();
    let mut next = progress.clone();
    next.last_user = ids.last().cloned();
    next.updated_at = now();
    let actions = crate::store::atomically(target, TxScope::Users(&ids), |target| {
        let existing = match opts.merge {
            true => target.load_bundles(&ids)?,
            false => vec![None; ids.len()],
        };
        let done: Vec<Done<'_>> = chunk
            .iter()
            .zip(&existing)
            .filter_map(|((_, bundle), existing)| {
                let bundle = bundle.as_ref()?;
                Some((action(existing.as_ref(), bundle), existing.as_ref(), bundle))
            })
            .collect();
        apply_batch(target, &done, false, audit)?;
        target.put_copy_progress(&next)?;
        Ok(done.into_iter().map(|(a, _, _)| a).collect::<Vec<_>>())
    })?;
    *progress = next;
    Ok(Some(
        ids.into_iter()
            .zip(actions)
            .map(|(id, action)| ItemReport {
                user: Some(id),
                ..ItemReport::new(action)
            })
            .collect(),
    ))
}

/// One user, written with the copy's progress in one transaction of the target. A failure
/// to read stopped the run before; a failure to write fails the user unless the target is
/// gone.
fn copy_user(
    target: &mut dyn Store,
    id: UserId,
    bundle: Option<UserBundle>,
    opts: CopyOptions,
    progress: &mut CopyProgress,
    audit: Audit<'_>,
) -> Result<ItemReport> {
    let mut item = ItemReport::new(Action::Unchanged);
    let Some(bundle) = bundle else {
        // Deleted since the page was read, or an id the source cannot look up again:
        // never dropped silently.
        let mut failed = ItemReport::failed(
            "listed in the source but could not be loaded (deleted meanwhile, or an id \
             the database cannot look up)",
        );
        failed.user = Some(id);
        return Ok(failed);
    };
    let mut next = progress.clone();
    next.last_user = Some(id.clone());
    next.updated_at = now();
    let written = super::locked(target, &id, false, |target| {
        let existing = if opts.merge {
            target.load_bundle(&id)?
        } else {
            None
        };
        let action = apply(target, existing.as_ref(), &bundle, false, audit)?;
        target.put_copy_progress(&next)?;
        Ok(action)
    });
    match written {
        Ok(action) => {
            item.action = action;
            *progress = next;
        }
        Err(e) if fatal(&e) => return Err(e.into()),
        Err(e) => item = ItemReport::failed(Error::from(e).message),
    }
    item.user = Some(id);
    Ok(item)
}

/// What `db copy` did.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyReport {
    /// Users per outcome.
    pub tally: Tally,
    /// The copy resumed an interrupted one, after this user.
    pub resumed_after: Option<UserId>,
    /// What stays in an ALwrity source.
    pub left_behind: LeftBehind,
}

/// What a copy from a database ALwrity made leaves there: the users' rows in tables a
/// bundle does not carry (ALwrity's task tables, its SSOT copy of the onboarding data), and
/// the files in their workspace folders.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LeftBehind {
    /// Rows per table, by table name.
    pub tables: Vec<TableRows>,
    /// Files in the copied users' workspace folders (beside their database).
    pub files: u64,
    /// Some folder held more files than were counted.
    pub more_files: bool,
}

impl LeftBehind {
    fn add(&mut self, deletion: Option<Deletion>) {
        let Some(d) = deletion else {
            return;
        };
        for r in d.not_carried() {
            match self.tables.iter_mut().find(|t| t.table == r.table) {
                Some(t) => t.rows += r.rows,
                None => self.tables.push(r.clone()),
            }
        }
        self.tables.sort_by(|a, b| a.table.cmp(&b.table));
        self.files += d.files_left.len() as u64;
        self.more_files |= d.more_files_left;
    }

    /// Nothing stays.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.files == 0 && !self.more_files
    }
}

/// Checks the target and returns the copy's progress record: the unfinished one of an
/// earlier run from `source` (resumed, no `--merge` needed), or a new one, recorded before
/// any user is written. Otherwise the target must be migrated and, unless `merge`, empty.
fn start(target: &mut dyn Store, source: &str, opts: CopyOptions) -> Result<CopyProgress> {
    let pending = target.schema_state()?.pending.len();
    if pending > 0 {
        return Err(Error::precondition(format!(
            "the target database `{}` is not migrated ({pending} pending migration(s))",
            target.location()
        ))
        .with_hint("run `onboardctl --database-url URL db migrate` on the target first"));
    }
    let earlier = target.copy_progress(source)?;
    if let Some(p) = earlier.as_ref().filter(|p| p.finished_at.is_none()) {
        return Ok(p.clone());
    }
    let n = target.count_sessions()?;
    if n > 0 && !opts.merge {
        let why = match earlier {
            Some(_) => " (a copy from this database into it already finished)",
            None => "",
        };
        return Err(Error::precondition(format!(
            "the target database `{}` already holds {n} session(s){why}",
            target.location()
        ))
        .with_hint(
            "pass --merge to copy into it (users in both are replaced by this database's)",
        ));
    }
    let at = now();
    let progress = CopyProgress {
        source: source.to_owned(),
        last_user: None,
        started_at: at,
        updated_at: at,
        finished_at: None,
    };
    target.put_copy_progress(&progress)?;
    Ok(progress)
}
