//! `db copy --to URL`: every user of this store into another, user by user (one read
//! snapshot and one write transaction each), paging through ids so memory stays flat.
//!
//! The target must be migrated and, unless `merge`, hold no session at all. With `merge`, a
//! user present in both is replaced by this store's data (`unchanged` when equal) and users
//! only the target has are left alone.

use super::{apply, fatal, Action, ItemReport, Tally, PAGE};
use crate::domain::UserId;
use crate::error::{Error, Result};
use crate::service::Service;
use crate::store::Store;

/// How `db copy` runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CopyOptions {
    /// Copy into a target that already holds users (`--merge`).
    pub merge: bool,
}

impl Service<'_> {
    /// How many users a copy will handle, for a progress bar.
    pub fn count_users(&mut self) -> Result<u64> {
        Ok(self.store.count_sessions()?)
    }

    /// Copies every user into `target`, calling `on_item` with each user's report (never
    /// holding a key value). Checks the target first (migrated; empty unless `merge`).
    pub fn copy_to<E: From<Error>>(
        &mut self,
        target: &mut dyn Store,
        opts: CopyOptions,
        on_item: &mut dyn FnMut(&ItemReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<Tally, E> {
        check_target(target, opts)?;
        let mut tally = Tally::default();
        let mut after: Option<UserId> = None;
        loop {
            let ids = self
                .store
                .list_user_ids(after.as_ref(), PAGE)
                .map_err(Error::from)?;
            let Some(last) = ids.last().cloned() else {
                return Ok(tally);
            };
            for id in ids {
                let item = self.copy_user(target, id, opts)?;
                tally.add(item.action);
                on_item(&item)?;
            }
            after = Some(last);
        }
    }

    /// One user. A failure to read here stops the run; a failure to write there fails the
    /// user unless the target is gone.
    fn copy_user(
        &mut self,
        target: &mut dyn Store,
        id: UserId,
        opts: CopyOptions,
    ) -> Result<ItemReport> {
        let mut item = ItemReport::new(Action::Unchanged);
        let Some(bundle) = self.store.load_bundle(&id)? else {
            // Deleted since the page was read, or an id the source cannot look up again:
            // never dropped silently.
            let mut failed = ItemReport::failed(
                "listed in the source but could not be loaded (deleted meanwhile, or an id \
                 the database cannot look up)",
            );
            failed.user = Some(id);
            return Ok(failed);
        };
        let written = super::locked(target, &id, false, |target| {
            let existing = if opts.merge {
                target.load_bundle(&id)?
            } else {
                None
            };
            apply(target, existing.as_ref(), &bundle, false)
        });
        match written {
            Ok(action) => item.action = action,
            Err(e) if fatal(&e) => return Err(e.into()),
            Err(e) => item = ItemReport::failed(Error::from(e).message),
        }
        item.user = Some(id);
        Ok(item)
    }
}

/// The target must be migrated, and empty unless merging.
fn check_target(target: &mut dyn Store, opts: CopyOptions) -> Result<()> {
    let pending = target.schema_state()?.pending.len();
    if pending > 0 {
        return Err(Error::precondition(format!(
            "the target database `{}` is not migrated ({pending} pending migration(s))",
            target.location()
        ))
        .with_hint("run `onboardctl --database-url URL db migrate` on the target first"));
    }
    let n = target.count_sessions()?;
    if n > 0 && !opts.merge {
        return Err(Error::precondition(format!(
            "the target database `{}` already holds {n} session(s)",
            target.location()
        ))
        .with_hint(
            "pass --merge to copy into it (users in both are replaced by this database's)",
        ));
    }
    Ok(())
}
