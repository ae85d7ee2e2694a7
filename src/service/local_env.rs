//! Local mode: where a provider's key goes in `.env` files, and the mirror of `key set` and
//! `key delete` in them when `DEPLOY_ENV=local` (without it, no file is ever touched).
//!
//! A provider's key goes to `<ENV_VAR>` in the env file (`--env-file`,
//! `ONBOARDCTL_ENV_FILE`, `./.env`); CopilotKit's also goes to `REACT_APP_COPILOTKIT_API_KEY`
//! in `ONBOARDCTL_FRONTEND_ENV_FILE` when that names a file (ALwrity's frontend layout). Each
//! file is one locked, atomic [`envfile::update`]. When a later file fails, the files already
//! written are put back (best effort: the variable gets its previous value, or is removed).

use std::path::{Path, PathBuf};

use super::Service;
use crate::domain::providers;
use crate::domain::{ProviderName, Secret};
use crate::envfile::{self, Edit, EnvFile};
use crate::error::{Error, Result};

/// The frontend's variable for CopilotKit's key.
pub const FRONTEND_COPILOTKIT_VAR: &str = "REACT_APP_COPILOTKIT_API_KEY";

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

impl Service<'_> {
    /// The files and variables `provider`'s key goes to, whether or not in local mode.
    pub(super) fn env_targets(&self, provider: &ProviderName) -> Vec<EnvTarget> {
        let mut targets = vec![EnvTarget {
            path: self.settings.env_file.clone(),
            var: providers::env_var_for(provider),
        }];
        if let Some(front) = &self.settings.frontend_env_file {
            if provider.as_str() == "copilotkit" {
                targets.push(EnvTarget {
                    path: front.clone(),
                    var: FRONTEND_COPILOTKIT_VAR.to_owned(),
                });
            }
        }
        targets
    }

    /// In local mode, sets (`Some`) or removes (`None`) `provider`'s variable in every target
    /// file; outside it, does nothing. On failure the files already written are put back.
    /// Returns the changes and what [`roll_back`] needs to undo them.
    pub(super) fn mirror_key(
        &self,
        provider: &ProviderName,
        value: Option<&Secret>,
    ) -> Result<(Vec<EnvChange>, Written)> {
        if !self.settings.deploy_env_local {
            return Ok((Vec::new(), Vec::new()));
        }
        let mut done: Vec<(EnvTarget, Option<Secret>)> = Vec::new();
        let mut changes = Vec::new();
        for target in self.env_targets(provider) {
            let edit = match value {
                Some(v) => Edit::Set(target.var.clone(), v.clone()),
                None => Edit::Remove(target.var.clone()),
            };
            let result = previous_value(&target).and_then(|prev| {
                let change = write(&target.path, &[edit])?;
                Ok((prev, change))
            });
            match result {
                Ok((prev, change)) => {
                    changes.push(change);
                    done.push((target, prev));
                }
                Err(e) => return Err(roll_back(done, e)),
            }
        }
        Ok((changes, done))
    }
}

impl Service<'_> {
    /// In local mode, removes from the `.env` file(s) every variable that holds one of
    /// `keys` (the keys of a user being deleted or purged). A variable holding another
    /// value — another user's key, or a hand edit — is left alone and named in the returned
    /// notes, as is a key sealed without the master key (it cannot be compared). On failure
    /// the files already written are put back.
    pub(super) fn unmirror_keys(
        &self,
        keys: &[super::StoredKey],
    ) -> Result<(Vec<EnvChange>, Vec<String>, Written)> {
        if !self.settings.deploy_env_local {
            return Ok((Vec::new(), Vec::new(), Vec::new()));
        }
        let (mut changes, mut notes, mut done) = (Vec::new(), Vec::new(), Vec::new());
        for stored in keys {
            for target in self.env_targets(&stored.key.provider) {
                let here = format!("`{}` in `{}`", target.var, target.path.display());
                let prev = match previous_value(&target) {
                    Ok(prev) => prev,
                    Err(e) => return Err(roll_back(done, e)),
                };
                match &prev {
                    None => continue,
                    Some(_) if !stored.opened => {
                        notes.push(format!("left {here}: the stored key is sealed"));
                        continue;
                    }
                    Some(v) if v != &stored.key.value => {
                        notes.push(format!("left {here}: it holds another value"));
                        continue;
                    }
                    Some(_) => {}
                }
                match write(&target.path, &[Edit::Remove(target.var.clone())]) {
                    Ok(change) => {
                        changes.push(change);
                        done.push((target, prev));
                    }
                    Err(e) => return Err(roll_back(done, e)),
                }
            }
        }
        Ok((changes, notes, done))
    }
}

/// Applies `edits` to `path` in one locked, atomic update; `.env` errors are exit 4.
pub(super) fn write(path: &Path, edits: &[Edit]) -> Result<EnvChange> {
    let report = envfile::update(path, edits)?;
    let vars = edits
        .iter()
        .map(|e| match e {
            Edit::Set(var, _) | Edit::Remove(var) => var.clone(),
        })
        .collect();
    Ok(EnvChange {
        path: path.to_owned(),
        vars,
        created: report.created,
        changed: report.changed,
        warnings: report.warnings,
    })
}

/// The target variable's value before the edit, to put back if a later file fails.
fn previous_value(target: &EnvTarget) -> Result<Option<Secret>> {
    Ok(EnvFile::load(&target.path)?.get(&target.var))
}

/// The targets a mirror wrote, each with the value it held before.
pub(super) type Written = Vec<(EnvTarget, Option<Secret>)>;

/// Puts every written target back to its previous value; returns `cause`, with a detail
/// line for each file that could not be put back.
pub(super) fn roll_back(done: Written, cause: Error) -> Error {
    let mut details = cause.details.clone();
    for (target, previous) in done.into_iter().rev() {
        let edit = match previous {
            Some(v) => Edit::Set(target.var.clone(), v),
            None => Edit::Remove(target.var.clone()),
        };
        if let Err(e) = envfile::update(&target.path, &[edit]) {
            details.push(format!(
                "`{}` in `{}` could not be put back: {}",
                target.var,
                target.path.display(),
                Error::from(e)
            ));
        }
    }
    cause.with_details(details)
}
