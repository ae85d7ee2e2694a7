//! Local mode: where a provider's key goes in `.env` files, and the mirror of key changes in
//! them when `DEPLOY_ENV=local` (without it, no file is ever touched).
//!
//! A provider's key goes to `<ENV_VAR>` in the env file (`--env-file`,
//! `ONBOARDCTL_ENV_FILE`, `./.env`); CopilotKit's also goes to `REACT_APP_COPILOTKIT_API_KEY`
//! in `ONBOARDCTL_FRONTEND_ENV_FILE` when that names a file (ALwrity's frontend layout).
//!
//! A change that touches the database and the files ([`Service::with_env_files`]) keeps them
//! in agreement, whatever runs at the same time and wherever the process is killed:
//! 1. every local `.env` file is locked first (in path order), so concurrent commands
//!    serialise on the files, then the user's write transaction is opened (always in that
//!    order, so two commands cannot deadlock);
//! 2. inside the transaction, after the row change and before the commit, an intent is
//!    journaled beside each file (`envfile::Intent`: user, variable, fingerprint — never a
//!    value) and the files are written;
//! 3. the transaction commits, then the intents are removed.
//!
//! A kill between 2 and 3 leaves an intent behind. The next command that locks the file
//! reads it back: when the database and the file agree (the kill came after the commit), it
//! is cleared silently; otherwise the command warns that `onboardctl env sync USER` repairs
//! the file (and `env sync --check` exits 6, since they differ). A file written before a
//! commit that fails is put back to its exact previous bytes.

use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::Service;
use crate::domain::providers;
use crate::domain::{ProviderName, Secret, UserId};
use crate::envfile::{self, Edit, EnvFile, EnvLock, Intent};
use crate::error::{Error, Result};

/// In debug builds only: the point of [`Service::with_env_files`] at which to abort the
/// process, as a kill would (`after-intents`, `after-files`, `after-commit`). The seam of the
/// crash tests; release builds ignore it.
pub const CRASH_AT_ENV: &str = "ONBOARDCTL_TEST_CRASH_AT";

fn crash_point(name: &str) {
    if cfg!(debug_assertions) && std::env::var_os(CRASH_AT_ENV).is_some_and(|v| v == name) {
        std::process::abort();
    }
}

/// The frontend's variable for CopilotKit's key.
pub const FRONTEND_COPILOTKIT_VAR: &str = "REACT_APP_COPILOTKIT_API_KEY";

/// The variable of ALwrity's frontend that also receives `provider`'s key, if any: only
/// CopilotKit's, as `REACT_APP_COPILOTKIT_API_KEY` (the frontend's `.env` for local mode and
/// `env sync`, the child's environment for `run --frontend`).
pub fn frontend_var(provider: &ProviderName) -> Option<&'static str> {
    (provider.as_str() == "copilotkit").then_some(FRONTEND_COPILOTKIT_VAR)
}

/// One variable in one `.env` file that a provider's key goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvTarget {
    /// The file.
    pub path: PathBuf,
    /// The variable.
    pub var: String,
}

/// What writing one `.env` file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvChange {
    /// The file.
    pub path: PathBuf,
    /// The variables set or removed in it.
    pub vars: Vec<String>,
    /// The file did not exist and was created (mode 0600).
    pub created: bool,
    /// The file's bytes changed.
    pub changed: bool,
    /// Messages for stderr, e.g. a file readable by group or others. Never a value.
    pub warnings: Vec<String>,
}

/// What a command did to the `.env` file(s) in local mode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnvWrite {
    /// The files written.
    pub files: Vec<EnvChange>,
    /// Notes for stderr: variables left in place and why, earlier interrupted runs.
    pub notes: Vec<String>,
}

/// One variable to set (`Some`) or remove (`None`) in one file.
pub(super) struct FileEdit {
    pub target: EnvTarget,
    pub value: Option<Secret>,
}

/// The local `.env` files, locked for the duration of one change.
pub(super) struct LockedFiles {
    locks: Vec<EnvLock>,
}

impl LockedFiles {
    fn lock_of(&self, path: &Path) -> Result<&EnvLock> {
        self.locks
            .iter()
            .find(|l| l.path() == path)
            .ok_or_else(|| Error::precondition(format!("`{}` is not locked", path.display())))
    }

    /// The current value of `target`'s variable, read under its lock.
    pub(super) fn value(&self, target: &EnvTarget) -> Result<Option<Secret>> {
        self.lock_of(&target.path)?;
        Ok(EnvFile::load(&target.path)?.get(&target.var))
    }

    fn end_intents(&self) {
        for lock in &self.locks {
            // Best effort: a leftover intent is re-checked, and cleared, by the next run.
            let _ = lock.end_intent();
        }
    }
}

/// The exact bytes of each file written, to put back.
pub(super) type Written = Vec<(PathBuf, Option<Zeroizing<Vec<u8>>>)>;

impl Service<'_> {
    /// The files and variables `provider`'s key goes to, whether or not in local mode.
    pub(super) fn env_targets(&self, provider: &ProviderName) -> Vec<EnvTarget> {
        let mut targets = vec![EnvTarget {
            path: self.settings.env_file.clone(),
            var: providers::env_var_for(provider),
        }];
        if let (Some(front), Some(var)) = (&self.settings.frontend_env_file, frontend_var(provider))
        {
            targets.push(EnvTarget {
                path: front.clone(),
                var: var.to_owned(),
            });
        }
        targets
    }

    /// Runs `work` (the database half of a key change, which returns the file edits it
    /// implies and any notes) in one write transaction of `user`, together with those edits,
    /// as the module docs describe. Outside local mode only the database half runs.
    pub(super) fn with_env_files<T>(
        &mut self,
        user: &UserId,
        work: impl FnOnce(&mut Self, Option<&LockedFiles>) -> Result<(T, Vec<FileEdit>, Vec<String>)>,
    ) -> Result<(T, EnvWrite)> {
        let Some(files) = self.lock_env_files()? else {
            let (out, _, notes) = self.in_write(user, |svc| work(svc, None))?;
            return Ok((
                out,
                EnvWrite {
                    files: Vec::new(),
                    notes,
                },
            ));
        };
        let mut notes = self.pending_notices(&files)?;
        let location = self.store.location();
        let mut undo: Option<Written> = None;
        let outcome = self.in_write(user, |svc| {
            let (out, edits, more) = work(svc, Some(&files))?;
            for edit in &edits {
                let intent = match &edit.value {
                    Some(v) => Intent::set(user.as_str(), &edit.target.var, v, &location),
                    None => Intent::remove(user.as_str(), &edit.target.var, &location),
                };
                files.lock_of(&edit.target.path)?.begin_intent(&intent)?;
            }
            crash_point("after-intents");
            let (changes, written) = apply_edits(&files, &edits)?;
            crash_point("after-files");
            undo = Some(written);
            Ok((out, changes, more))
        });
        match (outcome, undo) {
            (Ok((out, changes, more)), _) => {
                crash_point("after-commit");
                files.end_intents();
                notes.extend(more);
                Ok((
                    out,
                    EnvWrite {
                        files: changes,
                        notes,
                    },
                ))
            }
            // The files were written, then the commit failed: put them back. The intents
            // stay, so the next run checks that the two agree.
            (Err(e), Some(written)) => Err(roll_back(&files, written, e)),
            (Err(e), None) => {
                files.end_intents();
                Err(e)
            }
        }
    }

    /// In local mode, every configured `.env` file locked, in path order; `None` outside it.
    fn lock_env_files(&self) -> Result<Option<LockedFiles>> {
        if !self.settings.deploy_env_local {
            return Ok(None);
        }
        let mut paths = vec![self.settings.env_file.clone()];
        paths.extend(self.settings.frontend_env_file.clone());
        paths.sort();
        paths.dedup();
        let locks = paths
            .iter()
            .map(|p| envfile::lock(p).map_err(Error::from))
            .collect::<Result<_>>()?;
        Ok(Some(LockedFiles { locks }))
    }

    /// Intents earlier runs left in the locked files' journals: those whose variable now
    /// agrees with the database are cleared; for the others, a note naming the repair.
    fn pending_notices(&mut self, files: &LockedFiles) -> Result<Vec<String>> {
        let mut notes = Vec::new();
        for lock in &files.locks {
            let pending = envfile::pending_intents(lock.path())?;
            let mut users: Vec<String> = pending.iter().map(|i| i.user_id.clone()).collect();
            users.sort();
            users.dedup();
            for user in users {
                let mine: Vec<&Intent> = pending.iter().filter(|i| i.user_id == user).collect();
                if self.intents_agree(lock.path(), &user, &mine)? {
                    lock.clear_intents(&user)?;
                    continue;
                }
                let vars: Vec<String> = mine.iter().map(|i| format!("`{}`", i.var)).collect();
                notes.push(format!(
                    "an earlier run was interrupted while changing {} of user `{user}` in `{}`, \
                     which may not match the database; `onboardctl env sync {}` repairs it",
                    vars.join(", "),
                    lock.path().display(),
                    crate::error::shell_word(&user)
                ));
            }
        }
        Ok(notes)
    }

    /// Whether every variable `intents` touched holds, in `path`, what this database stores
    /// for `user` (a missing key and a missing variable agree). Intents of another database
    /// cannot be checked here, so they never agree.
    fn intents_agree(&mut self, path: &Path, user: &str, intents: &[&Intent]) -> Result<bool> {
        let location = self.store.location();
        if intents.iter().any(|i| i.database != location) {
            return Ok(false);
        }
        let id = UserId::stored(user.to_owned());
        let keys = match self.list_keys(&id) {
            Ok(keys) => keys,
            Err(e) if e.kind == crate::error::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        let file = EnvFile::load(path)?;
        for intent in intents {
            let stored = keys.iter().find(|k| {
                self.env_targets(&k.key.provider)
                    .iter()
                    .any(|t| t.path == path && t.var == intent.var)
            });
            let in_file = file.get(&intent.var);
            let same = match (stored, &in_file) {
                (None, None) => true,
                (Some(k), Some(v)) => k.opened && &k.key.value == v,
                _ => false,
            };
            if !same {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Writes every edit, one locked update per file; on failure the files already written are
/// put back and the error returned. Returns the changes and the bytes to put back.
fn apply_edits(files: &LockedFiles, edits: &[FileEdit]) -> Result<(Vec<EnvChange>, Written)> {
    let mut paths: Vec<&PathBuf> = edits.iter().map(|e| &e.target.path).collect();
    paths.dedup();
    let (mut changes, mut written) = (Vec::new(), Written::new());
    for path in paths {
        let list: Vec<Edit> = edits
            .iter()
            .filter(|e| &e.target.path == path)
            .map(|e| match &e.value {
                Some(v) => Edit::Set(e.target.var.clone(), v.clone()),
                None => Edit::Remove(e.target.var.clone()),
            })
            .collect();
        let result = files.lock_of(path).and_then(|lock| {
            let before = envfile::snapshot_locked(lock)?;
            let report = envfile::update_locked(lock, &list)?;
            Ok((before, report))
        });
        match result {
            Ok((before, report)) => {
                written.push((path.clone(), before));
                changes.push(EnvChange {
                    path: path.clone(),
                    vars: vars_of(&list),
                    created: report.created,
                    changed: report.changed,
                    warnings: report.warnings,
                });
            }
            Err(e) => return Err(roll_back(files, written, e)),
        }
    }
    Ok((changes, written))
}

fn vars_of(edits: &[Edit]) -> Vec<String> {
    edits
        .iter()
        .map(|e| match e {
            Edit::Set(var, _) | Edit::Remove(var) => var.clone(),
        })
        .collect()
}

/// Puts every written file back to its exact previous bytes; returns `cause`, with a detail
/// line for each file that could not be put back.
fn roll_back(files: &LockedFiles, written: Written, cause: Error) -> Error {
    let mut details = cause.details.clone();
    for (path, before) in written.into_iter().rev() {
        let restored = files.lock_of(&path).and_then(|lock| {
            Ok(envfile::restore_locked(
                lock,
                before.as_deref().map(|b| &b[..]),
            )?)
        });
        if let Err(e) = restored {
            details.push(format!("`{}` could not be put back: {e}", path.display()));
        }
    }
    cause.with_details(details)
}

/// Applies `edits` to `path` in one locked, atomic update (`env sync`); `.env` errors are
/// exit 4. Intents of `user` in its journal are cleared: the file now holds the user's keys.
pub(super) fn sync_file(path: &Path, edits: &[Edit], user: &UserId) -> Result<EnvChange> {
    let lock = envfile::lock(path)?;
    let report = envfile::update_locked(&lock, edits)?;
    lock.clear_intents(user.as_str())?;
    Ok(EnvChange {
        path: path.to_owned(),
        vars: vars_of(edits),
        created: report.created,
        changed: report.changed,
        warnings: report.warnings,
    })
}
