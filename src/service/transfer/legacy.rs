//! `import legacy-json PATH…`: ALwrity's `.onboarding_progress*.json` files, one
//! transaction per file. Parsing and mapping are `crate::domain::legacy`; this file finds the
//! files, merges the mapped data over what is stored and writes it.
//!
//! Decisions: the file is authoritative for what it holds. Its session and six steps replace
//! the stored ones; its step-1 keys replace stored keys of the same provider (other stored
//! keys are kept); its analysis, preferences and persona replace the stored rows, and a row
//! the file does not yield is kept. Every time written comes from the file: a step's data
//! rows are stamped with that step's `completed_at` (else the file's `last_updated`), and a
//! time the file lacks is the file's modification time, never the clock, so importing the
//! same file again finds nothing to change (`unchanged`). Keys are sealed when a master key
//! is set, like `key set`; a stored key that opens to the file's value is left as it is. No
//! `.env` file is touched, whatever `DEPLOY_ENV` says: this is a bulk import, not a local
//! setup.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{apply, item_error, locked, ItemReport, MaskedKey, Tally};
use crate::domain::inputs::{merge_analysis, merge_persona, merge_research};
use crate::domain::legacy::{self, resolve_user, user_from_file_name, LegacyImport, UserIdHint};
use crate::domain::seal::Sealer;
use crate::domain::wire::micros_utc;
use crate::domain::{ApiKey, ProviderName, Secret, Timestamp, UserBundle, UserId};
use crate::error::{Error, Result};
use crate::service::{now, Service};

/// How `import legacy-json` runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LegacyOptions {
    /// The owner of the global `.onboarding_progress.json` (`--user`).
    pub user: Option<UserId>,
    /// Read, map and compare every file, write nothing.
    pub dry_run: bool,
}

/// The files `paths` name: a file as given, a directory's `.onboarding_progress*.json`
/// files (not recursive), each sorted by name. A file that names no user (the global file,
/// or a file given by another name) needs `user`; more than one such file is refused too,
/// since all would go to the same user. Both are usage errors (exit 2), found before anything
/// is read; a path that does not exist is exit 4 (`no such file`), found then too.
pub fn legacy_files(paths: &[PathBuf], user: Option<&UserId>) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return Err(crate::error::no_such_file(p));
        }
        if p.is_dir() {
            files.extend(scan(p)?);
        } else {
            files.push(p.clone());
        }
    }
    let ownerless: Vec<&PathBuf> = files
        .iter()
        .filter(|f| !matches!(hint(f), UserIdHint::PerUser(_)))
        .collect();
    match (ownerless.as_slice(), user) {
        ([], _) | ([_], Some(_)) => Ok(files),
        ([one], None) => Err(Error::usage(format!(
            "`{}` names no user; give its owner with --user",
            one.display()
        ))),
        (many, _) => Err(Error::usage(format!(
            "{} files name no user (the first is `{}`); import them one at a time with --user",
            many.len(),
            many[0].display()
        ))),
    }
}

fn hint(path: &Path) -> UserIdHint {
    user_from_file_name(&path.to_string_lossy())
}

/// The legacy progress files directly inside `dir`, sorted.
fn scan(dir: &Path) -> Result<Vec<PathBuf>> {
    let unreadable =
        |e: std::io::Error| Error::precondition(format!("cannot read `{}`: {e}", dir.display()));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.is_file() && !matches!(hint(&path), UserIdHint::NotLegacy) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

impl Service<'_> {
    /// Imports each of `files` (see [`legacy_files`]), calling `on_item` with each report.
    pub fn import_legacy<E: From<Error>>(
        &mut self,
        files: &[PathBuf],
        opts: &LegacyOptions,
        on_item: &mut dyn FnMut(&ItemReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<Tally, E> {
        let mut tally = Tally::default();
        for file in files {
            let mut item = self.import_file(file, opts)?;
            item.file = Some(file.clone());
            tally.add(item.action);
            on_item(&item)?;
        }
        Ok(tally)
    }

    /// One file: owner, read, parse, map, merge, compare, write.
    fn import_file(&mut self, file: &Path, opts: &LegacyOptions) -> Result<ItemReport> {
        let user = match resolve_user(&hint(file), opts.user.as_ref()) {
            Ok(u) => u,
            Err(e) => return Ok(ItemReport::failed(e.to_string())),
        };
        let owned = |mut r: ItemReport| {
            r.user = Some(user.clone());
            r
        };
        let mapped = read(file).and_then(|(bytes, mtime)| {
            let parsed = legacy::parse(&bytes).map_err(|e| e.to_string())?;
            legacy::to_import(&parsed, &user, mtime).map_err(|e| e.to_string())
        });
        let imp = match mapped {
            Ok(imp) => imp,
            Err(reason) => return Ok(owned(ItemReport::failed(reason))),
        };
        let keys: Vec<MaskedKey> = imp.keys.iter().map(masked).collect();
        let warnings = imp.warnings.clone();
        let brand = self.settings.brand_columns;
        let plain = crate::domain::seal::Sealer::default();
        let sealer = super::import_sealer(self.store.flavour(), &self.sealer, &plain);
        let audit = super::Audit::new(&self.auditor, &self.sealer);
        let written = locked(&mut *self.store, &user, opts.dry_run, |store| {
            let existing = store.load_bundle(&user)?;
            match merged(imp, existing.as_ref(), brand, sealer) {
                Ok(bundle) => apply(store, existing.as_ref(), &bundle, opts.dry_run, audit).map(Ok),
                Err(reason) => Ok(Err(reason)),
            }
        });
        match written {
            Ok(Ok(action)) => Ok(owned(ItemReport {
                warnings,
                keys,
                ..ItemReport::new(action)
            })),
            Ok(Err(reason)) => Ok(owned(ItemReport::failed(reason))),
            Err(e) => item_error(e).map(owned),
        }
    }
}

/// The file's bytes and its modification time (the clock only when the platform has none).
fn read(file: &Path) -> std::result::Result<(Vec<u8>, Timestamp), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read the file: {e}"))?;
    let mtime = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .and_then(|d| i128::try_from(d.as_nanos()).ok())
        .and_then(|n| Timestamp::from_unix_timestamp_nanos(n).ok())
        .map_or_else(now, micros_utc);
    Ok((bytes, mtime))
}

fn masked((provider, value): &(ProviderName, Secret)) -> MaskedKey {
    MaskedKey {
        provider: provider.to_string(),
        masked: value.masked(),
        fingerprint: value.fingerprint(),
    }
}

/// The file's data over the stored bundle (see the module docs).
fn merged(
    imp: LegacyImport,
    existing: Option<&UserBundle>,
    brand: bool,
    sealer: &Sealer,
) -> std::result::Result<UserBundle, String> {
    let steps = &imp.onboarding.steps;
    let updated = imp.onboarding.session.updated_at;
    let stamp = |n: usize| Some(steps[n - 1].completed_at.unwrap_or(updated));
    let mut b = existing
        .cloned()
        .unwrap_or_else(|| UserBundle::new(imp.onboarding.clone()));
    b.onboarding = imp.onboarding.clone();
    merge_keys(&mut b, imp.keys, stamp(1).unwrap_or(updated), sealer);
    if let Some(doc) = &imp.analysis {
        let mut a = merge_analysis(doc, None, brand)?;
        (a.analysis_date, a.created_at, a.updated_at) = (stamp(2), stamp(2), stamp(2));
        b.analysis = Some(a);
    }
    if let Some(input) = &imp.research {
        let mut r = merge_research(input, None)?;
        (r.created_at, r.updated_at) = (stamp(3), stamp(3));
        b.research = Some(r);
    }
    if let Some(doc) = &imp.persona {
        let mut p = merge_persona(doc, None)?;
        (p.created_at, p.updated_at) = (stamp(4), stamp(4));
        b.persona = Some(p);
    }
    b.normalize();
    Ok(b)
}

/// The file's keys over the stored ones: a stored key that opens to the same value is kept
/// as it is; otherwise the file's value is stored (sealed when a master key is set, as
/// `key set` does), stamped `at`.
fn merge_keys(
    b: &mut UserBundle,
    keys: Vec<(ProviderName, Secret)>,
    at: Timestamp,
    sealer: &Sealer,
) {
    let user = b.user_id().clone();
    for (provider, value) in keys {
        let stored = sealer.seal_if_enabled(&user, &provider, &value);
        match b.keys.iter_mut().find(|k| k.provider == provider) {
            Some(k)
                if sealer
                    .open(&user, &provider, &k.value)
                    .is_ok_and(|v| v == value) => {}
            Some(k) => {
                k.value = stored;
                k.updated_at = at;
            }
            None => b.keys.push(ApiKey {
                provider,
                value: stored,
                created_at: at,
                updated_at: at,
            }),
        }
    }
}
