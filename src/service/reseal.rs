//! `key reseal`: encrypts every plaintext key under the master key and, given the previous
//! master key, re-encrypts keys sealed under it (key rotation).
//!
//! Users are visited in keyset pages ([`crate::store::Store::list_user_ids`]), read a batch
//! at a time ([`crate::store::Store::load_bundles`]: one statement per table, not per
//! user), each batch in one write transaction that locks its users. The row keeps its `created_at` and its `updated_at`: the
//! key itself did not change, only its form at rest, so `key list` still says when the key
//! was last set. A row that cannot be resealed is counted as failed with its reason (which
//! names the user and provider, never a value) and the others carry on. Keys are read and
//! rewritten inside the transaction that locks their user, so a concurrent `key set` is
//! never undone.
//!
//! Afterwards no plaintext key is left anywhere in the database: the `api_keys` rows no
//! user's key calls reach on a database ALwrity made (second rows, rows without a session,
//! in a workspace the keys of sessions that route to another folder;
//! [`crate::store::StrayKey`]) are sealed too, and so are the key values inside the
//! quarantine table (rows `db repair`, or an earlier onboardctl's rewrite of an ALwrity
//! database, moved aside), bound to the quarantine row (associated data `quarantine:<id>`
//! and the provider, since such a row may have no user); the storage earlier writes freed is
//! overwritten ([`crate::store::Store::scrub_freed_storage`]), so no old value survives in
//! free pages.

use super::keys::seal_error;
use super::Service;
use crate::domain::seal::{self, MasterKey};
use crate::domain::{ApiKey, ProviderName, UserId};
use crate::error::{Error, Result};
use crate::store::TxScope;

/// Users per page.
const PAGE: u32 = 500;

/// One row `key reseal` could not reseal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResealFailure {
    /// Owner of the row.
    pub user: UserId,
    /// Provider of the row.
    pub provider: ProviderName,
    /// Why (never a value).
    pub reason: String,
}

/// What `key reseal` did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResealReport {
    /// Users visited.
    pub users: u64,
    /// Rows written: plaintext sealed, or re-sealed from the old master key.
    pub resealed: u64,
    /// Rows already sealed under the current master key (not written).
    pub current: u64,
    /// Rows that could not be resealed.
    pub failed: Vec<ResealFailure>,
    /// Key values inside the quarantine table that were sealed.
    pub quarantined: u64,
}

impl Service<'_> {
    /// `key reseal [--old-master-key-env VAR]`: needs `ONBOARDCTL_MASTER_KEY` (exit 4 with a
    /// hint otherwise). `old` is the previous master key, for rows sealed under it.
    pub fn reseal_keys(&mut self, old: Option<&MasterKey>, anyway: bool) -> Result<ResealReport> {
        self.refuse_sealing_alwritys_column(anyway)?;
        let Some(new) = self.sealer.key().cloned() else {
            return Err(Error::precondition(
                "key reseal needs a master key; ONBOARDCTL_MASTER_KEY is not set",
            )
            .with_hint(
                "set ONBOARDCTL_MASTER_KEY to 32 random bytes in base64 \
                         (`head -c32 /dev/urandom | base64`)",
            ));
        };
        let mut report = ResealReport::default();
        let mut after: Option<UserId> = None;
        loop {
            let page = self.store.list_user_ids(after.as_ref(), PAGE)?;
            let Some(last) = page.last().cloned() else {
                self.reseal_strays(old, &new, &mut report)?;
                self.reseal_quarantine(old, &new, &mut report)?;
                self.store.scrub_freed_storage()?;
                return Ok(report);
            };
            let batch = self.store.batch_users().max(1);
            for users in page.chunks(batch) {
                report.users += users.len() as u64;
                // Read and rewrite the batch's keys in one write transaction that locks its
                // users, so a key changed meanwhile by another writer is never overwritten
                // with its old value; the keys are read with one statement per table.
                let scope = match users {
                    [one] => TxScope::User(one),
                    many => TxScope::Users(many),
                };
                self.in_scope(scope, |svc| {
                    let bundles = svc.store.load_bundles(users)?;
                    for (user, bundle) in users.iter().zip(bundles) {
                        let mut diff = crate::domain::audit::Diff::new();
                        for key in bundle.map(|b| b.keys).unwrap_or_default() {
                            let provider = key.provider.clone();
                            let was = if seal::is_sealed(key.value.expose()) {
                                "sealed (previous master key)"
                            } else {
                                "plaintext"
                            };
                            if svc.reseal_row(old, &new, user, key, &mut report)? {
                                diff.value(
                                    format!("key.{provider}.at_rest"),
                                    Some(was.into()),
                                    Some("sealed".into()),
                                );
                            }
                        }
                        if !diff.is_empty() {
                            svc.audit(user, "resealed", diff, None)?;
                        }
                    }
                    Ok(())
                })?;
            }
            after = Some(last);
        }
    }

    /// Seals (or re-seals) every stray key row ([`crate::store::StrayKey`]), bound to its
    /// user where its session exists, else to the row (`api_keys:<id>`). A row another
    /// writer changed meanwhile is counted as failed, never overwritten.
    fn reseal_strays(
        &mut self,
        old: Option<&MasterKey>,
        new: &MasterKey,
        report: &mut ResealReport,
    ) -> Result<()> {
        for stray in self.store.stray_keys()? {
            let owner = stray
                .owner
                .clone()
                .unwrap_or_else(|| UserId::stored(format!("api_keys:{}", stray.id)));
            let provider = ProviderName::stored(stray.provider.clone());
            let failed = |reason: String| ResealFailure {
                user: owner.clone(),
                provider: provider.clone(),
                reason,
            };
            match seal::reseal(old, new, &owner, &provider, &stray.value) {
                Ok(None) => report.current += 1,
                Ok(Some(value)) => {
                    if self.store.put_stray_key(stray.id, &stray.value, &value)? {
                        report.resealed += 1;
                    } else {
                        report.failed.push(failed(format!(
                            "api_keys row {} changed while resealing; run `key reseal` again",
                            stray.id
                        )));
                    }
                }
                Err(e) => report.failed.push(failed(seal_error(e).message)),
            }
        }
        Ok(())
    }

    /// Seals (or re-seals) every key value held in the quarantine table.
    fn reseal_quarantine(
        &mut self,
        old: Option<&MasterKey>,
        new: &MasterKey,
        report: &mut ResealReport,
    ) -> Result<()> {
        for q in self.store.quarantined_keys()? {
            let owner = UserId::stored(format!("quarantine:{}", q.id));
            let provider = ProviderName::stored(q.provider.clone());
            match seal::reseal(old, new, &owner, &provider, &q.value) {
                Ok(None) => {}
                Ok(Some(value)) => {
                    self.store.put_quarantined_key(q.id, &value)?;
                    report.quarantined += 1;
                }
                Err(e) => report.failed.push(ResealFailure {
                    user: owner,
                    provider,
                    reason: seal_error(e).message,
                }),
            }
        }
        Ok(())
    }

    /// Reseals one row, counting the outcome. Store errors stop the run; seal errors are
    /// counted as failures. True when the row was rewritten (the user's audit row lists it).
    fn reseal_row(
        &mut self,
        old: Option<&MasterKey>,
        new: &MasterKey,
        user: &UserId,
        key: ApiKey,
        report: &mut ResealReport,
    ) -> Result<bool> {
        match seal::reseal(old, new, user, &key.provider, &key.value) {
            Ok(None) => report.current += 1,
            Ok(Some(value)) => {
                self.store.put_api_key(user, &ApiKey { value, ..key })?;
                report.resealed += 1;
                return Ok(true);
            }
            Err(e) => report.failed.push(ResealFailure {
                user: user.clone(),
                provider: key.provider,
                reason: seal_error(e).message,
            }),
        }
        Ok(false)
    }
}
