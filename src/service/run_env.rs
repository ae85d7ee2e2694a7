//! `run --user U -- CMD`: the environment a child process gets, a user's keys under the
//! registry's variable names. Nothing is written anywhere; the values stay inside
//! [`Secret`]s until the caller hands them to the child.

use super::local_env::frontend_var;
use super::Service;
use crate::domain::providers;
use crate::domain::{ProviderName, Secret, UserId};
use crate::error::{Error, Result};

/// What `run` asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunEnvRequest {
    /// Only these providers (each must have a key); empty = every key the user has.
    pub providers: Vec<ProviderName>,
    /// Also CopilotKit's key as ALwrity's frontend reads it (`REACT_APP_COPILOTKIT_API_KEY`).
    pub frontend: bool,
}

/// One variable of the child's environment.
#[derive(Debug, Clone, PartialEq)]
pub struct RunVar {
    /// The variable name (the registry's, e.g. `GEMINI_API_KEY`).
    pub name: String,
    /// The provider whose key it holds.
    pub provider: ProviderName,
    /// The key, in plaintext (opened when sealed at rest).
    pub value: Secret,
}

impl Service<'_> {
    /// The variables `run` sets: for each requested provider (or each key of the user), its
    /// env var ([`providers::env_var_for`]) and, with `frontend`, CopilotKit's frontend
    /// variable too ([`frontend_var`], the rule local mode writes by). Ordered by provider
    /// name, in request order (each once) with `--provider`.
    ///
    /// Errors: no session for `user` is exit 3; a requested provider without a key is exit
    /// 3 (as `key get`); a sealed key without, or with the wrong, master key is exit 4.
    pub fn run_env(&mut self, user: &UserId, request: &RunEnvRequest) -> Result<Vec<RunVar>> {
        if self.store.load_onboarding(user)?.is_none() {
            return Err(Error::no_session(user));
        }
        let keys = if request.providers.is_empty() {
            self.open_all_keys(user)?
        } else {
            let mut keys = Vec::with_capacity(request.providers.len());
            for (i, provider) in request.providers.iter().enumerate() {
                if request.providers[..i].contains(provider) {
                    continue;
                }
                keys.push(self.get_key(user, provider)?);
            }
            keys
        };
        let mut vars = Vec::new();
        for stored in keys {
            let provider = stored.key.provider;
            vars.push(RunVar {
                name: providers::env_var_for(&provider),
                provider: provider.clone(),
                value: stored.key.value.clone(),
            });
            if let Some(front) = frontend_var(&provider).filter(|_| request.frontend) {
                vars.push(RunVar {
                    name: front.to_owned(),
                    provider,
                    value: stored.key.value,
                });
            }
        }
        Ok(vars)
    }
}
