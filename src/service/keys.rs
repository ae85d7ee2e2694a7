//! API key operations: format and registry checks on the way in, lookups on the way out.
//! Values stay inside [`Secret`] throughout; masking is the renderer's job.

use super::{now, Service};
use crate::domain::providers;
use crate::domain::{ApiKey, ProviderName, Secret, UserId};
use crate::error::{Error, Result};

/// How `key set` checks a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyOptions {
    /// Check the provider's key format (off with `--no-validate`).
    pub validate: bool,
    /// Accept a provider the registry does not know (`--allow-unknown`).
    pub allow_unknown: bool,
}

impl Default for KeyOptions {
    fn default() -> Self {
        KeyOptions {
            validate: true,
            allow_unknown: false,
        }
    }
}

/// What `key set` stored.
#[derive(Debug, Clone, PartialEq)]
pub struct KeySet {
    /// The stored key.
    pub key: ApiKey,
    /// Whether this provider had no key before.
    pub created: bool,
    /// The provider's environment variable name.
    pub env_var: String,
}

impl Service<'_> {
    /// `key set`: checks the provider and the value's format, then upserts the key.
    pub fn set_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
        value: Secret,
        opts: KeyOptions,
    ) -> Result<KeySet> {
        let spec = providers::lookup(provider);
        if spec.is_none() && !opts.allow_unknown {
            return Err(
                Error::precondition(format!("unknown provider `{provider}`"))
                    .with_hint("see `onboardctl key providers`, or pass --allow-unknown"),
            );
        }
        if opts.validate {
            providers::check_format(spec, &value).map_err(|reason| {
                Error::precondition(format!("the `{provider}` key is not valid: {reason}"))
                    .with_hint("pass --no-validate to store it anyway")
            })?;
        }
        let previous = self.store.get_api_key(user, provider)?;
        let at = now();
        let key = ApiKey {
            provider: provider.clone(),
            value,
            created_at: previous.as_ref().map_or(at, |k| k.created_at),
            updated_at: at,
        };
        self.store.put_api_key(user, &key)?;
        Ok(KeySet {
            key,
            created: previous.is_none(),
            env_var: providers::env_var_for(provider),
        })
    }

    /// `key get`: the user's key for `provider`.
    pub fn get_key(&mut self, user: &UserId, provider: &ProviderName) -> Result<ApiKey> {
        self.store
            .get_api_key(user, provider)?
            .ok_or_else(|| no_key(user, provider))
    }

    /// `key list`: all of the user's keys, by provider name.
    pub fn list_keys(&mut self, user: &UserId) -> Result<Vec<ApiKey>> {
        Ok(self.store.list_api_keys(user)?)
    }

    /// `key delete`.
    pub fn delete_key(&mut self, user: &UserId, provider: &ProviderName) -> Result<()> {
        if self.store.delete_api_key(user, provider)? {
            Ok(())
        } else {
            Err(no_key(user, provider))
        }
    }
}

fn no_key(user: &UserId, provider: &ProviderName) -> Error {
    Error::not_found(format!("user `{user}` has no `{provider}` key"))
        .with_hint(format!("onboardctl key set {user} {provider}"))
}
