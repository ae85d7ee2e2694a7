//! The audit trail in the service: who runs the command ([`AuditContext`]), the
//! [`Auditor`] that appends one row per changed user inside the change's own transaction
//! (so a rollback drops the row with the change), and `audit log`.
//!
//! Rules (the domain's `crate::domain::audit` computes the diffs):
//! - a row is written for every command that writes a user's data, in the same transaction;
//!   a command that writes nothing (`session create` of an existing user, `complete` of a
//!   completed one, an unchanged `import` line) writes no row, and a refused or failed one
//!   rolls its row back with its change;
//! - bulk commands (`import`, `import legacy-json`, `db copy`, `key reseal`) write one row
//!   per user they change, in that user's transaction (or batch), so the trail says whose
//!   data each run changed and a run interrupted halfway has rows for exactly what it wrote;
//! - on a database ALwrity made that `db migrate` has not attached there is no audit table
//!   and none is created (a write there is what ALwrity itself writes): the change is made
//!   unrecorded, and `-v` says so ([`Service::take_unaudited`]).

use std::cell::Cell;

use super::Service;
use crate::domain::audit::{AuditEntry, AuditQuery, Diff};
use crate::domain::seal::Sealer;
use crate::domain::{ApiKey, UserBundle, UserId};
use crate::error::Result;
use crate::store::{Store, StoreResult};

/// Who runs the command and what it is, as every row of the run records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContext {
    /// `--actor`, else `ONBOARDCTL_ACTOR`, else `user@host`.
    pub actor: String,
    /// The command line, secret-free ([`command_text`]).
    pub command: String,
}

impl Default for AuditContext {
    /// The process's own user and host, for a program that uses the library directly.
    fn default() -> Self {
        AuditContext {
            actor: process_actor(None),
            command: "onboardctl (library)".to_owned(),
        }
    }
}

/// The actor of this process: `flag`, else `ONBOARDCTL_ACTOR`, else `$USER@host` (the uid
/// when `$USER` and `$LOGNAME` are unset; the host name from uname).
pub fn process_actor(flag: Option<&str>) -> String {
    let env = |k: &str| std::env::var(k).ok();
    let uid = rustix::process::getuid().as_raw();
    let host = rustix::system::uname()
        .nodename()
        .to_str()
        .ok()
        .map(str::to_owned);
    crate::domain::audit::resolve_actor(flag, &env, uid, host)
}

/// Appends the rows of one command.
#[derive(Debug, Default)]
pub(crate) struct Auditor {
    context: AuditContext,
    /// A change went unrecorded: the database has no audit table.
    missed: Cell<bool>,
}

impl Auditor {
    /// Appends the row of `user`'s change to `store` (inside the caller's transaction).
    pub(crate) fn record(
        &self,
        store: &mut dyn Store,
        user: &UserId,
        outcome: &str,
        diff: Diff,
        reason: Option<String>,
    ) -> StoreResult<()> {
        let entry = self.entry(user, outcome, diff, reason);
        if !store.append_audit(&entry)? {
            self.missed.set(true);
        }
        Ok(())
    }

    /// The row of one change by this run.
    fn entry(
        &self,
        user: &UserId,
        outcome: &str,
        diff: Diff,
        reason: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            id: 0,
            at: super::now(),
            actor: self.context.actor.clone(),
            command: self.context.command.clone(),
            user: Some(user.clone()),
            changes: diff.into_changes(),
            reason,
            outcome: outcome.to_owned(),
        }
    }

    /// [`Auditor::record_bundle`] for a whole batch of a bulk write, `(outcome, old, new)`
    /// each, appended together ([`Store::append_audits`]: one statement on PostgreSQL).
    pub(crate) fn record_bundles(
        &self,
        store: &mut dyn Store,
        written: &[(&str, Option<&UserBundle>, &UserBundle)],
        sealer: &Sealer,
    ) -> StoreResult<()> {
        let entries: Vec<AuditEntry> = written
            .iter()
            .map(|(outcome, old, new)| {
                let user = new.user_id();
                let fp = |k: &ApiKey| key_fingerprint(sealer, user, k);
                let mut diff = Diff::new();
                diff.bundle(*old, Some(new), &fp);
                self.entry(user, outcome, diff, None)
            })
            .collect();
        if !store.append_audits(&entries)? {
            self.missed.set(true);
        }
        Ok(())
    }

    /// [`Auditor::record`] of a whole user written by a bulk command (`outcome`: `created`,
    /// `replaced`, `copied`), keys by the fingerprint of their plaintext where `sealer` opens
    /// them.
    pub(crate) fn record_bundle(
        &self,
        store: &mut dyn Store,
        outcome: &str,
        old: Option<&UserBundle>,
        new: &UserBundle,
        sealer: &Sealer,
    ) -> StoreResult<()> {
        let user = new.user_id().clone();
        let fp = |k: &ApiKey| key_fingerprint(sealer, &user, k);
        let mut diff = Diff::new();
        diff.bundle(old, Some(new), &fp);
        self.record(store, &user, outcome, diff, None)
    }
}

/// The fingerprint of a stored key's plaintext: opened when sealed and `sealer` can, else
/// `(sealed)`. Never the value.
pub(crate) fn key_fingerprint(sealer: &Sealer, user: &UserId, key: &ApiKey) -> String {
    sealer
        .open(user, &key.provider, &key.value)
        .map(|plain| plain.fingerprint())
        .unwrap_or_else(|_| "(sealed)".to_owned())
}

impl Service<'_> {
    /// Sets who runs the command and what it is, for every row of this run.
    pub fn set_audit_context(&mut self, context: AuditContext) {
        self.auditor.context = context;
    }

    /// Whether a change of this run went unrecorded (no audit table: a database ALwrity
    /// made that is not attached); the flag is cleared.
    pub fn take_unaudited(&mut self) -> bool {
        self.auditor.missed.replace(false)
    }

    /// `audit log`: the rows `query` selects, newest first.
    pub fn audit_log(&mut self, query: &AuditQuery) -> Result<Vec<AuditEntry>> {
        Ok(self.store.list_audit(query)?)
    }

    /// Appends the row of `user`'s change (inside the open transaction).
    pub(super) fn audit(
        &mut self,
        user: &UserId,
        outcome: &str,
        diff: Diff,
        reason: Option<String>,
    ) -> Result<()> {
        Ok(self
            .auditor
            .record(&mut *self.store, user, outcome, diff, reason)?)
    }

    /// The fingerprint of a stored key ([`key_fingerprint`]).
    pub(super) fn fingerprint_of(&self, user: &UserId, key: &ApiKey) -> String {
        key_fingerprint(&self.sealer, user, key)
    }
}

/// The command line a row records: the arguments after the program name, each with any URL
/// password masked (`--database-url`, `db copy --to`), shell-quoted where needed, after
/// `onboardctl`. Key values are never on argv (they come from a prompt, stdin, a variable or
/// a file), so nothing else needs hiding.
pub fn command_text<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut text = String::from("onboardctl");
    for arg in args {
        let redacted = crate::config::redact(arg.as_ref());
        text.push(' ');
        text.push_str(&crate::domain::shell_word(&redacted));
    }
    if text.len() > crate::domain::audit::MAX_COMMAND_TEXT {
        let mut cut = crate::domain::audit::MAX_COMMAND_TEXT;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::command_text;
    use crate::domain::audit::MAX_COMMAND_TEXT;

    #[test]
    fn command_text_masks_url_passwords_and_quotes() {
        let text = command_text([
            "--database-url",
            "postgres://bob:s3cret@db/x",
            "complete",
            "user 1",
        ]);
        assert_eq!(
            text,
            "onboardctl --database-url 'postgres://bob:***@db/x' complete 'user 1'"
        );
        assert!(!text.contains("s3cret"));
    }

    #[test]
    fn command_text_is_bounded() {
        let long = "a".repeat(5_000);
        assert!(command_text([long.as_str()]).chars().count() <= MAX_COMMAND_TEXT + 1);
    }
}
