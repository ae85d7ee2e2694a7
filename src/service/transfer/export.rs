//! `export`: every user (or the ones named) as NDJSON, one [`UserRecord`] per line, written
//! as it is read. All users are paged through by id ([`PAGE`] at a time, each page loaded
//! with [`crate::store::Store::load_bundles`]), so memory does not grow with their number; named users are all loaded first, so a missing one fails the run
//! before anything is written.

use std::io::{self, Write};

use super::record::UserRecord;
use super::PAGE;
use crate::domain::{UserBundle, UserId};
use crate::error::{Error, Result};
use crate::service::Service;

/// What `export` writes.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Only these users, in this order (`--user`); empty means every user, by id.
    pub users: Vec<UserId>,
    /// Write key values (`--include-secrets`); otherwise keys are masked.
    pub include_secrets: bool,
    /// Asked before each line: `true` stops the export there, after a whole line (Ctrl-C).
    pub cancel: Option<fn() -> bool>,
}

/// What `export` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Lines written.
    pub written: u64,
    /// Listed users that could not be loaded, by id as stored.
    pub skipped: Vec<UserId>,
}

impl ExportSummary {
    /// Exit 4 naming the skipped users when there are any.
    pub fn check(&self) -> Result<()> {
        if self.skipped.is_empty() {
            return Ok(());
        }
        Err(Error::precondition(format!(
            "{} user(s) could not be exported (deleted meanwhile, or an id the database \
             cannot look up)",
            self.skipped.len()
        ))
        .with_details(
            self.skipped
                .iter()
                .map(|u| format!("skipped user `{u}`"))
                .collect(),
        ))
    }
}

impl Service<'_> {
    /// How many users `export` will write, for a progress bar.
    pub fn export_count(&mut self, opts: &ExportOptions) -> Result<u64> {
        if opts.users.is_empty() {
            Ok(self.store.count_sessions()?)
        } else {
            Ok(opts.users.len() as u64)
        }
    }

    /// Writes the users as NDJSON to `out`, calling `tick` after each; returns how many were
    /// written and which listed users could not be loaded (deleted while the export ran, or
    /// an id the database cannot be asked for again): those are never dropped silently.
    pub fn export<E: From<Error> + From<io::Error>>(
        &mut self,
        opts: &ExportOptions,
        out: &mut dyn Write,
        tick: &mut dyn FnMut(),
    ) -> std::result::Result<ExportSummary, E> {
        let mut summary = ExportSummary::default();
        if !opts.users.is_empty() {
            for b in self.named_bundles(&opts.users)? {
                stop_if_cancelled(opts, &summary)?;
                write_line(out, &b, opts.include_secrets)?;
                summary.written += 1;
                tick();
            }
            return Ok(summary);
        }
        let mut after: Option<UserId> = None;
        loop {
            let ids = self
                .store
                .list_user_ids(after.as_ref(), PAGE)
                .map_err(Error::from)?;
            let Some(last) = ids.last().cloned() else {
                return Ok(summary);
            };
            let bundles = self.store.load_bundles(&ids).map_err(Error::from)?;
            for (id, bundle) in ids.into_iter().zip(bundles) {
                stop_if_cancelled(opts, &summary)?;
                match bundle {
                    Some(b) => {
                        write_line(out, &b, opts.include_secrets)?;
                        summary.written += 1;
                    }
                    None => summary.skipped.push(id),
                }
                tick();
            }
            after = Some(last);
        }
    }

    /// The bundles of `users`, each once; a user without a session is an error (exit 3).
    fn named_bundles(&mut self, users: &[UserId]) -> Result<Vec<UserBundle>> {
        let mut out: Vec<UserBundle> = Vec::with_capacity(users.len());
        for u in users {
            if out.iter().any(|b| b.user_id() == u) {
                continue;
            }
            let b = self.store.load_bundle(u)?;
            out.push(b.ok_or_else(|| Error::no_session(u))?);
        }
        Ok(out)
    }
}

/// The error that stops an export its `cancel` asks to stop, after `summary.written` whole
/// lines.
fn stop_if_cancelled(opts: &ExportOptions, summary: &ExportSummary) -> Result<()> {
    if !opts.cancel.is_some_and(|cancelled| cancelled()) {
        return Ok(());
    }
    Err(Error::new(
        crate::error::ErrorKind::Cancelled,
        format!(
            "export stopped after {} user(s); the output ends with a whole line",
            summary.written
        ),
    ))
}

/// One compact JSON line.
fn write_line(out: &mut dyn Write, b: &UserBundle, include_secrets: bool) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &UserRecord::from_bundle(b, include_secrets))?;
    out.write_all(b"\n")
}
