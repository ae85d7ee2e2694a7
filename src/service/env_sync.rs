//! `env diff` and `env sync`: a user's stored keys against the local `.env` file(s).
//!
//! Both are explicit commands naming their file, so they work whether or not
//! `DEPLOY_ENV=local` (which only governs the implicit writes of `key set` and `key delete`).
//! Values are compared as plaintext: a sealed key is opened first, so a key encrypted at rest
//! matches the same key in `.env`. Reports carry values only inside [`Secret`]s; renderers
//! show them masked, with fingerprints.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::local_env::{self, EnvChange};
use super::Service;
use crate::domain::{ProviderName, Secret, UserId};
use crate::envfile::{self, Edit};
use crate::error::Result;

/// How a stored key compares with its variable in a `.env` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvStatus {
    /// The variable is not in the file.
    Missing,
    /// The variable holds another value.
    Differs,
    /// The variable holds the stored value.
    Matches,
}

impl EnvStatus {
    /// `missing`, `differs` or `matches`.
    pub fn as_str(self) -> &'static str {
        match self {
            EnvStatus::Missing => "missing",
            EnvStatus::Differs => "differs",
            EnvStatus::Matches => "matches",
        }
    }
}

/// One stored key against one variable of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvEntry {
    /// The key's provider.
    pub provider: ProviderName,
    /// The file.
    pub path: PathBuf,
    /// The variable.
    pub var: String,
    /// How they compare.
    pub status: EnvStatus,
    /// The stored value (plaintext).
    pub stored: Secret,
    /// The file's value, when the variable is there.
    pub in_file: Option<Secret>,
}

/// `env diff`: every stored key of a user against every variable it goes to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnvDiff {
    /// By provider name, then file (the env file before the frontend one).
    pub entries: Vec<EnvEntry>,
}

impl EnvDiff {
    /// How many entries are missing or differ.
    pub fn drift(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.status != EnvStatus::Matches)
            .count()
    }
}

/// `env sync`: the comparison before writing, and what writing did per file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnvSync {
    /// The state before the sync; every entry not matching was written.
    pub before: EnvDiff,
    /// One entry per file written (files with nothing to change are not touched).
    pub files: Vec<EnvChange>,
}

impl Service<'_> {
    /// `env diff USER`: the user's keys against the `.env` file(s). Reads only.
    pub fn env_diff(&mut self, user: &UserId) -> Result<EnvDiff> {
        let keys = self.open_all_keys(user)?;
        let mut files: BTreeMap<PathBuf, BTreeMap<String, Secret>> = BTreeMap::new();
        let mut entries = Vec::new();
        for stored in keys {
            for target in self.env_targets(&stored.key.provider) {
                if !files.contains_key(&target.path) {
                    let vars = envfile::read_vars(&target.path)?;
                    files.insert(target.path.clone(), vars);
                }
                let in_file = files[&target.path].get(&target.var).cloned();
                let status = match &in_file {
                    None => EnvStatus::Missing,
                    Some(v) if v == &stored.key.value => EnvStatus::Matches,
                    Some(_) => EnvStatus::Differs,
                };
                entries.push(EnvEntry {
                    provider: stored.key.provider.clone(),
                    path: target.path,
                    var: target.var,
                    status,
                    stored: stored.key.value.clone(),
                    in_file,
                });
            }
        }
        Ok(EnvDiff { entries })
    }

    /// `env sync USER`: writes every missing or differing variable, one locked, atomic update
    /// per file. A file whose variables all match is not touched. When a second file fails,
    /// the first stays written (a sync can simply be run again).
    pub fn env_sync(&mut self, user: &UserId) -> Result<EnvSync> {
        let before = self.env_diff(user)?;
        let mut edits: Vec<(PathBuf, Vec<Edit>)> = Vec::new();
        for entry in before
            .entries
            .iter()
            .filter(|e| e.status != EnvStatus::Matches)
        {
            let edit = Edit::Set(entry.var.clone(), entry.stored.clone());
            match edits.iter_mut().find(|(path, _)| path == &entry.path) {
                Some((_, list)) => list.push(edit),
                None => edits.push((entry.path.clone(), vec![edit])),
            }
        }
        let mut paths: Vec<PathBuf> = before.entries.iter().map(|e| e.path.clone()).collect();
        paths.sort();
        paths.dedup();
        let mut files = Vec::new();
        for path in &paths {
            // Every file, written or not, so an earlier interrupted run's intents of this
            // user are cleared: the file now agrees with the database.
            let list = edits
                .iter()
                .find(|(p, _)| p == path)
                .map_or(&[][..], |(_, l)| &l[..]);
            let change = local_env::sync_file(path, list, user)?;
            if !list.is_empty() {
                files.push(change);
            }
        }
        Ok(EnvSync { before, files })
    }
}
