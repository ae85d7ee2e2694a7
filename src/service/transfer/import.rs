//! `import FILE|-`: NDJSON as `export` writes it, in batches of users (one transaction per
//! batch where the store allows it, else per user; a failing user's batch is redone user by
//! user, so only that user fails). A line that cannot be read or checked is reported and
//! skipped; the others go on.
//!
//! Keys without a value (exported without `--include-secrets`) cannot be restored: the
//! user's stored key for that provider is kept as it is, and when there is none the key is
//! skipped with a warning. Everything else of the user is replaced by the line exactly
//! (`save_bundle`), including keys the line does not list, which are deleted. Sealed values
//! are stored as given (they open under the master key that sealed them); with a master key
//! set, plaintext values are sealed as `key set` seals them, keeping a stored key that opens
//! to the same value, so importing twice changes nothing.

use std::io::BufRead;

use super::record::UserRecord;
use super::{
    action, apply, apply_batch, fatal, import_sealer, item_error, locked, Audit, Done, ItemReport,
    MaskedKey, Tally,
};
use crate::domain::limits::MAX_LINE_BYTES;
use crate::domain::providers::KeyRules;
use crate::domain::seal::{is_sealed, Sealer};
use crate::domain::{ProviderName, UserBundle, UserId};
use crate::error::{Error, ErrorKind, Result};
use crate::service::Service;
use crate::store::{Store, StoreError, TxScope};

/// How `import` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Read and check every line, compare with what is stored, write nothing.
    pub dry_run: bool,
    /// How key values are checked: as `key set` checks them (`--no-validate`,
    /// `--allow-unknown`; a line's own `"validate": false` turns the format check off for
    /// its keys).
    pub keys: KeyRules,
    /// Asked before each line: `true` stops the import there, after writing the batch read
    /// so far (Ctrl-C).
    pub cancel: Option<fn() -> bool>,
}

impl Service<'_> {
    /// Imports NDJSON from `input`, calling `on_item` with each line's report. Blank lines
    /// are skipped. Fails only when the input cannot be read or the database stops working.
    ///
    /// Lines are read in batches of up to [`crate::store::Store::batch_users`] users (and at
    /// most [`BATCH_BYTES`] of input): a batch is written in one transaction that locks its
    /// users, loads what they have stored in one page and saves each. When a user's write
    /// fails, the batch is rolled back and written again one user per transaction, so only
    /// that user fails. A line's report comes once its transaction committed.
    pub fn import_ndjson<E: From<Error>>(
        &mut self,
        input: &mut dyn BufRead,
        opts: ImportOptions,
        on_item: &mut dyn FnMut(&ItemReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<Tally, E> {
        let mut tally = Tally::default();
        let mut batch = Batch::default();
        let limit = self.store.batch_users().max(1);
        let mut text = String::new();
        let mut line = 0u64;
        let mut seen_first = false;
        loop {
            text.clear();
            let read = read_line(input, &mut text)
                .map_err(|e| Error::precondition(format!("cannot read the input: {e}")))?;
            if read == Line::End {
                self.flush(&mut batch, opts, &mut tally, on_item)?;
                return Ok(tally);
            }
            if opts.cancel.is_some_and(|cancelled| cancelled()) {
                self.flush(&mut batch, opts, &mut tally, on_item)?;
                let what = match line {
                    0 => "before the first line".to_owned(),
                    n => format!("after line {n}"),
                };
                return Err(Error::new(
                    ErrorKind::Cancelled,
                    format!("import stopped {what}; every line before was written"),
                )
                .with_hint("run the same import again to continue (it is idempotent)")
                .into());
            }
            line += 1;
            if read == Line::Whole && text.trim().is_empty() {
                continue;
            }
            if line_is_first(&mut seen_first, read) {
                not_ndjson(&text)?;
            }
            let parsed = match read {
                Line::TooLong => Err(format!(
                    "the line is longer than {} MiB",
                    MAX_LINE_BYTES / (1024 * 1024)
                )),
                _ => parse_line(&text, opts),
            };
            // A user listed twice: the second line must see the first one's write.
            let repeats = parsed.as_ref().is_ok_and(|(b, _)| batch.has(b.user_id()));
            if repeats {
                self.flush(&mut batch, opts, &mut tally, on_item)?;
            }
            batch.bytes += text.len();
            batch.items.push(Pending { line, parsed });
            if batch.users() >= limit || batch.bytes >= BATCH_BYTES {
                self.flush(&mut batch, opts, &mut tally, on_item)?;
            }
        }
    }

    /// Writes the batch (together when the store batches, else user by user), then reports
    /// its lines in order.
    fn flush<E: From<Error>>(
        &mut self,
        batch: &mut Batch,
        opts: ImportOptions,
        tally: &mut Tally,
        on_item: &mut dyn FnMut(&ItemReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let items = std::mem::take(&mut batch.items);
        batch.bytes = 0;
        let together = match items.iter().filter(|p| p.parsed.is_ok()).count() {
            0 | 1 => None,
            _ if self.store.batch_users() <= 1 => None,
            _ => match self.import_together(&items, opts) {
                Ok(reports) => Some(reports),
                Err(e) if fatal(&e) => return Err(Error::from(e).into()),
                // Redone user by user below: only the failing user fails.
                Err(_) => None,
            },
        };
        let mut reports = together.map(Vec::into_iter);
        for pending in items {
            let mut item = match (pending.parsed, reports.as_mut()) {
                (Err(reason), _) => ItemReport::failed(reason),
                (Ok(_), Some(done)) => done.next().ok_or_else(|| {
                    Error::new(ErrorKind::Unexpected, "a batch lost a report".to_owned())
                })?,
                (Ok((bundle, withheld)), None) => self.import_one(bundle, &withheld, opts)?,
            };
            item.line = Some(pending.line);
            tally.add(item.action);
            on_item(&item)?;
        }
        Ok(())
    }

    /// The parsed lines of `items` in one transaction locking all their users; the reports
    /// of those lines, in order. Any store error rolls the whole batch back.
    fn import_together(
        &mut self,
        items: &[Pending],
        opts: ImportOptions,
    ) -> std::result::Result<Vec<ItemReport>, StoreError> {
        let mut bundles: Vec<(UserBundle, &[ProviderName])> = items
            .iter()
            .filter_map(|p| p.parsed.as_ref().ok())
            .map(|(b, w)| (b.clone(), w.as_slice()))
            .collect();
        let ids: Vec<UserId> = bundles.iter().map(|(b, _)| b.user_id().clone()).collect();
        let plain = Sealer::default();
        let sealer = import_sealer(self.store.flavour(), &self.sealer, &plain);
        let audit = Audit::new(&self.auditor, &self.sealer);
        let store = &mut *self.store;
        let mut write = |store: &mut dyn Store| {
            let existing = store.load_bundles(&ids)?;
            let mut reports = Vec::with_capacity(ids.len());
            let mut actions = Vec::with_capacity(ids.len());
            for ((bundle, withheld), existing) in bundles.iter_mut().zip(&existing) {
                let warnings = keep_withheld(bundle, existing.as_ref(), withheld);
                seal_plaintext(bundle, existing.as_ref(), sealer);
                let action = action(existing.as_ref(), bundle);
                actions.push(action);
                reports.push(ItemReport {
                    user: Some(bundle.user_id().clone()),
                    warnings,
                    keys: bundle.keys.iter().map(MaskedKey::from).collect(),
                    ..ItemReport::new(action)
                });
            }
            let done: Vec<Done<'_>> = actions
                .into_iter()
                .zip(&existing)
                .zip(bundles.iter().map(|(b, _)| b))
                .map(|((a, e), b)| (a, e.as_ref(), b))
                .collect();
            apply_batch(store, &done, opts.dry_run, audit)?;
            Ok(reports)
        };
        if opts.dry_run {
            return write(store);
        }
        crate::store::atomically(store, TxScope::Users(&ids), write)
    }

    /// One user in a transaction of its own: merge the withheld keys, compare, write.
    fn import_one(
        &mut self,
        mut bundle: UserBundle,
        withheld: &[ProviderName],
        opts: ImportOptions,
    ) -> Result<ItemReport> {
        let user = bundle.user_id().clone();
        let plain = Sealer::default();
        let sealer = import_sealer(self.store.flavour(), &self.sealer, &plain);
        let audit = Audit::new(&self.auditor, &self.sealer);
        let written = locked(&mut *self.store, &user, opts.dry_run, |store| {
            let existing = store.load_bundle(&user)?;
            let warnings = keep_withheld(&mut bundle, existing.as_ref(), withheld);
            seal_plaintext(&mut bundle, existing.as_ref(), sealer);
            let action = apply(store, existing.as_ref(), &bundle, opts.dry_run, audit)?;
            Ok((warnings, action))
        });
        let (warnings, action) = match written {
            Ok(w) => w,
            Err(e) => return item_error(e).map(|r| with_user(r, &user)),
        };
        Ok(ItemReport {
            user: Some(user),
            warnings,
            keys: bundle.keys.iter().map(MaskedKey::from).collect(),
            ..ItemReport::new(action)
        })
    }
}

/// At most this much NDJSON input in one batch, so a batch of large lines stays small in
/// memory.
const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// One line waiting for its batch.
struct Pending {
    line: u64,
    /// The user's data and withheld providers, or why the line failed.
    parsed: std::result::Result<(UserBundle, Vec<ProviderName>), String>,
}

/// The lines of the batch being read.
#[derive(Default)]
struct Batch {
    items: Vec<Pending>,
    bytes: usize,
}

impl Batch {
    fn has(&self, user: &UserId) -> bool {
        self.items
            .iter()
            .any(|p| p.parsed.as_ref().is_ok_and(|(b, _)| b.user_id() == user))
    }

    fn users(&self) -> usize {
        self.items.iter().filter(|p| p.parsed.is_ok()).count()
    }
}

/// Whether this non-blank line is the input's first (and marks it seen).
fn line_is_first(seen: &mut bool, read: Line) -> bool {
    let first = !*seen && read == Line::Whole;
    *seen = true;
    first
}

/// Stops an import whose first line shows the input is not NDJSON at all (exit 4, before
/// anything is written): a legacy progress file (`import legacy-json` reads those), or
/// anything whose first line is not a JSON object. A first line that is an object but not
/// a valid user is reported and skipped like any other line.
fn not_ndjson(first: &str) -> Result<()> {
    let hint = "ALwrity's .onboarding_progress*.json files are read by `onboardctl import \
                legacy-json PATH`";
    if crate::domain::legacy::looks_like_progress_file(first) {
        return Err(Error::precondition(
            "the input is a legacy progress file, not NDJSON: use `import legacy-json`",
        )
        .with_hint(hint));
    }
    match serde_json::from_str::<serde_json::Value>(first) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        _ => Err(Error::precondition(
            "the input is not NDJSON (one JSON object a line, as `export` writes it): its \
             first line is not a JSON object; for a legacy progress file use `import \
             legacy-json`",
        )
        .with_hint(hint)),
    }
}

/// Parses and checks one line; the error is why it failed.
fn parse_line(
    text: &str,
    opts: ImportOptions,
) -> std::result::Result<(UserBundle, Vec<ProviderName>), String> {
    let record: UserRecord = serde_json::from_str(text).map_err(|e| json_reason(&e))?;
    record.into_bundle(opts.keys)
}

/// How a line was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// The input is over.
    End,
    /// A line (with its newline, unless it is the last one).
    Whole,
    /// Longer than [`MAX_LINE_BYTES`]: skipped to its end without holding it in memory.
    TooLong,
}

/// Reads one line of at most [`MAX_LINE_BYTES`] into `text`.
fn read_line(input: &mut dyn BufRead, text: &mut String) -> std::io::Result<Line> {
    let limit = MAX_LINE_BYTES as u64 + 1;
    let n = std::io::Read::take(&mut *input, limit).read_line(text)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if n as u64 <= MAX_LINE_BYTES as u64 || text.ends_with('\n') {
        return Ok(Line::Whole);
    }
    text.clear();
    // Discard the rest of the line, a buffer at a time.
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(Line::TooLong);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(Line::TooLong);
            }
            None => {
                let len = buf.len();
                input.consume(len);
            }
        }
    }
}

fn with_user(mut r: ItemReport, user: &crate::domain::UserId) -> ItemReport {
    r.user = Some(user.clone());
    r
}

/// Puts the stored key of each withheld provider into `bundle`, so replacing the user's data
/// keeps it; a provider with no stored key is only warned about.
fn keep_withheld(
    bundle: &mut UserBundle,
    existing: Option<&UserBundle>,
    withheld: &[ProviderName],
) -> Vec<String> {
    let mut warnings = Vec::new();
    for p in withheld {
        match existing.and_then(|e| e.keys.iter().find(|k| k.provider == *p)) {
            Some(stored) => bundle.keys.push(stored.clone()),
            None => warnings.push(format!(
                "key `{p}` has no value (exported without --include-secrets) and none is stored; it was skipped"
            )),
        }
    }
    bundle.sort_keys();
    warnings
}

/// With a master key set, stores imported plaintext keys sealed, as `key set` does. A stored
/// key that opens to the same value is kept as it is, so importing twice changes nothing.
fn seal_plaintext(bundle: &mut UserBundle, existing: Option<&UserBundle>, sealer: &Sealer) {
    if !sealer.is_enabled() {
        return;
    }
    let user = bundle.user_id().clone();
    for key in &mut bundle.keys {
        if is_sealed(key.value.expose()) {
            continue;
        }
        let same = existing
            .and_then(|e| e.keys.iter().find(|s| s.provider == key.provider))
            .filter(|s| {
                sealer
                    .open(&user, &s.provider, &s.value)
                    .is_ok_and(|v| v == key.value)
            });
        key.value = match same {
            Some(stored) => stored.value.clone(),
            None => sealer.seal_if_enabled(&user, &key.provider, &key.value),
        };
    }
}

/// serde's message without any quoted input (a quoted string could be a key value), with
/// its column.
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let text = full.split(" at line ").next().unwrap_or(&full);
    format!("invalid record at column {}: {}", e.column(), unquote(text))
}

/// Replaces every `"…"` in `s` by `"…"` with the content elided.
fn unquote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    let mut escaped = false;
    for c in s.chars() {
        if inside {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => {
                    inside = false;
                    out.push_str("…\"");
                }
                _ => escaped = false,
            }
        } else {
            out.push(c);
            inside = c == '"';
        }
    }
    if inside {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Action;
    use super::*;

    #[test]
    fn quoted_input_never_reaches_a_reason() {
        assert_eq!(
            unquote(r#"invalid type: string "AIzaSECRET\"x", expected u8"#),
            r#"invalid type: string "…", expected u8"#
        );
        assert_eq!(unquote("unknown field `x`"), "unknown field `x`");
    }

    #[test]
    fn the_action_counts() {
        let mut t = Tally::default();
        for a in [Action::Created, Action::Failed, Action::Unchanged] {
            t.add(a);
        }
        assert_eq!((t.total(), t.failed), (3, 1));
        assert!(t.check("lines").is_err());
    }
}
