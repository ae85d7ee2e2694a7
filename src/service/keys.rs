//! API key operations: format and registry checks on the way in, sealing at rest when a
//! master key is configured (`crate::domain::seal`), opening on the way out, and in local
//! mode the mirror of each change in the `.env` file(s) (`local_env`). Values stay inside
//! [`Secret`] throughout; masking is the renderer's job.
//!
//! Database and file together: the database is written first, then the file. When the file
//! cannot be written, the row is put back as it was (the previous row re-put with its own
//! value and timestamps, or the new row deleted) before the file's error is returned, so a
//! failed command leaves the database as it was (docs/RULES.md "API keys and local mode").

use super::{now, Service};
use crate::domain::audit::Diff;
use crate::domain::providers;
use crate::domain::seal::{self, SealError};
use crate::domain::{ApiKey, ProviderName, Secret, UserId};
use crate::error::{Error, Result};

use super::local_env::{EnvWrite, FileEdit};

/// How `key set` checks and stores a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyOptions {
    /// Check the provider's key format (off with `--no-validate`).
    pub validate: bool,
    /// Accept a provider the registry does not know (`--allow-unknown`).
    pub allow_unknown: bool,
    /// Seal the value on a database ALwrity made, although ALwrity reads `api_keys.key`
    /// verbatim (`--seal-anyway`).
    pub seal_anyway: bool,
}

impl Default for KeyOptions {
    fn default() -> Self {
        KeyOptions {
            validate: true,
            allow_unknown: false,
            seal_anyway: false,
        }
    }
}

impl From<KeyOptions> for providers::KeyRules {
    fn from(o: KeyOptions) -> providers::KeyRules {
        providers::KeyRules {
            validate: o.validate,
            allow_unknown: o.allow_unknown,
        }
    }
}

/// A key as the service hands it out: the plaintext value (opened when sealed) and whether
/// the stored row is sealed.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredKey {
    /// The key, its value in plaintext — except when `opened` is false.
    pub key: ApiKey,
    /// Whether the value is encrypted at rest (`enc:v1:`).
    pub sealed: bool,
    /// False for a sealed key listed without the master key: `key.value` is then the sealed
    /// text, and [`StoredKey::masked`]/[`StoredKey::fingerprint`] say `(sealed)`.
    pub opened: bool,
}

impl StoredKey {
    /// The masked plaintext, or `(sealed)` when it could not be opened.
    pub fn masked(&self) -> String {
        match self.opened {
            true => self.key.value.masked(),
            false => "(sealed)".to_owned(),
        }
    }

    /// The plaintext's fingerprint, or `-` when it could not be opened.
    pub fn fingerprint(&self) -> String {
        match self.opened {
            true => self.key.value.fingerprint(),
            false => "-".to_owned(),
        }
    }
}

/// What `key set` stored.
#[derive(Debug, Clone, PartialEq)]
pub struct KeySet {
    /// The stored key (value in plaintext).
    pub key: StoredKey,
    /// Whether this provider had no key before.
    pub created: bool,
    /// The provider's environment variable name.
    pub env_var: String,
    /// What local mode did to the `.env` file(s) (nothing otherwise).
    pub env: EnvWrite,
}

impl Service<'_> {
    /// `key set`: checks the provider and the value, stores it (sealed when a master key is
    /// set) and, with `DEPLOY_ENV=local`, writes it to the `.env` file(s). When a file cannot
    /// be written the database is restored and the error returned (exit 4).
    pub fn set_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
        value: Secret,
        opts: KeyOptions,
    ) -> Result<KeySet> {
        check_value(provider, &value, opts.into())?;
        self.refuse_sealing_alwritys_column(opts.seal_anyway)?;
        let ((stored, created), env) = self.with_env_files(user, |svc, _| {
            let previous = svc.store.get_api_key(user, provider)?;
            let at = now();
            let stored = ApiKey {
                provider: provider.clone(),
                value: svc.sealer.seal_if_enabled(user, provider, &value),
                created_at: previous.as_ref().map_or(at, |k| k.created_at),
                updated_at: at,
            };
            svc.store.put_api_key(user, &stored)?;
            let mut diff = Diff::new();
            let old = previous.as_ref().map(|k| svc.fingerprint_of(user, k));
            diff.key(provider.as_str(), old, Some(value.fingerprint()));
            let outcome = if previous.is_some() {
                "replaced"
            } else {
                "created"
            };
            svc.audit(user, outcome, diff, None)?;
            let edits = svc.mirror_edits(provider, Some(&value));
            Ok(((stored, previous.is_none()), edits, Vec::new()))
        })?;
        let key = StoredKey {
            key: ApiKey { value, ..stored },
            sealed: self.sealer.is_enabled(),
            opened: true,
        };
        Ok(KeySet {
            key,
            created,
            env_var: providers::env_var_for(provider),
            env,
        })
    }

    /// `key get`: the user's key for `provider`, opened.
    pub fn get_key(&mut self, user: &UserId, provider: &ProviderName) -> Result<StoredKey> {
        let key = self
            .store
            .get_api_key(user, provider)?
            .ok_or_else(|| no_key(user, provider))?;
        self.open_key(user, key)
    }

    /// `key list`: all of the user's keys, by provider name, opened. Without a master key a
    /// sealed key is listed unopened (`(sealed)`); one that does not open under the master
    /// key that is set fails the whole call (exit 4).
    pub fn list_keys(&mut self, user: &UserId) -> Result<Vec<StoredKey>> {
        let keys = self.store.list_api_keys(user)?;
        keys.into_iter()
            .map(|k| {
                if !self.sealer.is_enabled() && seal::is_sealed(k.value.expose()) {
                    return Ok(StoredKey {
                        key: k,
                        sealed: true,
                        opened: false,
                    });
                }
                self.open_key(user, k)
            })
            .collect()
    }

    /// Every key of the user, opened; a sealed key without (or with the wrong) master key is
    /// exit 4. For callers that need the plaintext (`env diff`/`env sync`).
    pub(super) fn open_all_keys(&mut self, user: &UserId) -> Result<Vec<StoredKey>> {
        let keys = self.store.list_api_keys(user)?;
        keys.into_iter().map(|k| self.open_key(user, k)).collect()
    }

    /// `key delete`: deletes the row and, with `DEPLOY_ENV=local`, the variable from the
    /// `.env` file(s). When a file cannot be written nothing changes.
    pub fn delete_key(&mut self, user: &UserId, provider: &ProviderName) -> Result<EnvWrite> {
        self.with_env_files(user, |svc, _| {
            let previous = svc.store.get_api_key(user, provider)?;
            if !svc.store.delete_api_key(user, provider)? {
                return Err(no_key(user, provider));
            }
            let mut diff = Diff::new();
            let old = previous.as_ref().map(|k| svc.fingerprint_of(user, k));
            diff.key(provider.as_str(), old, None);
            svc.audit(user, "deleted", diff, None)?;
            Ok(((), svc.mirror_edits(provider, None), Vec::new()))
        })
        .map(|((), env)| env)
    }

    /// With a master key on a database ALwrity made: exit 4, since ALwrity reads
    /// `api_keys.key` verbatim and a sealed value would break it — unless `anyway`.
    pub(super) fn refuse_sealing_alwritys_column(&self, anyway: bool) -> Result<()> {
        let alwrity = matches!(
            self.store.flavour(),
            crate::store::alwrity::Flavour::Alwrity { .. }
        );
        if !self.sealer.is_enabled() || !alwrity || anyway {
            return Ok(());
        }
        Err(Error::precondition(
            "ONBOARDCTL_MASTER_KEY is set, but this is an ALwrity database: ALwrity reads \
             `api_keys.key` verbatim, so a sealed key would stop ALwrity from using it",
        )
        .with_hint("unset ONBOARDCTL_MASTER_KEY to store the key as ALwrity expects, or pass --seal-anyway"))
    }

    /// The edits that mirror `value` (or its removal) into every file `provider`'s key goes
    /// to.
    fn mirror_edits(&self, provider: &ProviderName, value: Option<&Secret>) -> Vec<FileEdit> {
        self.env_targets(provider)
            .into_iter()
            .map(|target| FileEdit {
                target,
                value: value.cloned(),
            })
            .collect()
    }

    /// The plaintext of a stored key; a sealed value without the master key, or one that
    /// does not open, is exit 4.
    pub(super) fn open_key(&self, user: &UserId, key: ApiKey) -> Result<StoredKey> {
        let sealed = seal::is_sealed(key.value.expose());
        let value = self
            .sealer
            .open(user, &key.provider, &key.value)
            .map_err(seal_error)?;
        Ok(StoredKey {
            key: ApiKey { value, ..key },
            sealed,
            opened: true,
        })
    }
}

/// The domain's checks of a new key value, as exit 4 with its hint.
pub(super) fn check_value(
    provider: &ProviderName,
    value: &Secret,
    opts: providers::KeyRules,
) -> Result<()> {
    providers::check_new_key(provider, value, opts).map_err(|refusal| {
        let error = Error::precondition(refusal.message);
        match refusal.hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    })
}

/// A value that cannot be opened is exit 4; the message names the row, never a value.
pub(super) fn seal_error(e: SealError) -> Error {
    let hint = match &e {
        SealError::NoMasterKey { .. } => {
            Some("set ONBOARDCTL_MASTER_KEY to the master key the keys were encrypted with")
        }
        SealError::WrongKeyOrMoved { .. } => Some(
            "check ONBOARDCTL_MASTER_KEY; after changing it, run `onboardctl key reseal \
             --old-master-key-env VAR` with the previous key in VAR",
        ),
        _ => None,
    };
    let error = Error::precondition(e.to_string());
    match hint {
        Some(hint) => error.with_hint(hint),
        None => error,
    }
}

fn no_key(user: &UserId, provider: &ProviderName) -> Error {
    Error::not_found(format!("user `{user}` has no `{provider}` key")).with_hint(format!(
        "onboardctl key set {} {provider}",
        crate::error::shell_word(user.as_str())
    ))
}
