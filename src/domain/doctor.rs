//! `doctor`'s model: what a finding is (a stable code, a severity, what it is about, a
//! message and the command that fixes it), the checks that produce them, and the rules that
//! are `doctor`'s own — the file-mode threshold and what journal mode each kind of database
//! should have. The other rules a finding rests on live where they always did (the repair
//! plan, the provider registry, sealing, `env diff`, the workspace report); the service
//! gathers their answers and turns them into findings with the constructors here, so every
//! message and fix is worded once.
//!
//! Severities: `error` (something is broken now: a command fails, or a key cannot be read),
//! `warning` (something is wrong or risky and has a fix), `info` (a state worth knowing that
//! is not wrong, e.g. an ALwrity database onboardctl has not attached). Errors and warnings
//! make `doctor` exit 6; info alone does not.

use serde::Serialize;

use crate::domain::shell_word;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Broken now.
    Error,
    /// Wrong or risky; has a fix.
    Warning,
    /// Worth knowing; not wrong.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing `doctor` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable identifier of the kind of finding (`duplicate_sessions`, `env_file_mode`, …).
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What it is about (a user id, `user/provider`, a path), when it is about one thing.
    pub subject: Option<String>,
    /// One line saying what is wrong (never a key value).
    pub message: String,
    /// The command that fixes it.
    pub fix: String,
}

/// Whether a check ran and what it saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// Ran; nothing found.
    Ok,
    /// Ran; found something.
    Found,
    /// Did not run (the note says why: not local mode, not a file, schema outdated, …).
    Skipped,
}

/// One check `doctor` ran (or skipped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable name (`schema`, `duplicates`, `journal_mode`, …).
    pub name: &'static str,
    /// Its outcome.
    pub status: CheckStatus,
    /// What it saw, or why it was skipped.
    pub note: Option<String>,
}

/// Every check and every finding of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The checks, in the order they ran.
    pub checks: Vec<Check>,
    /// The findings, in the order found.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Records check `name`: `Found` when `findings` is not empty, else `Ok`.
    pub fn check(&mut self, name: &'static str, findings: Vec<Finding>, note: Option<String>) {
        let status = match findings.is_empty() {
            true => CheckStatus::Ok,
            false => CheckStatus::Found,
        };
        self.checks.push(Check { name, status, note });
        self.findings.extend(findings);
    }

    /// Records check `name` as skipped, saying why.
    pub fn skip(&mut self, name: &'static str, why: impl Into<String>) {
        self.checks.push(Check {
            name,
            status: CheckStatus::Skipped,
            note: Some(why.into()),
        });
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// No error or warning (info alone is clean).
    pub fn is_clean(&self) -> bool {
        self.findings.iter().all(|f| f.severity == Severity::Info)
    }
}

fn finding(
    code: &'static str,
    severity: Severity,
    subject: Option<String>,
    message: String,
    fix: String,
) -> Finding {
    Finding {
        code,
        severity,
        subject,
        message,
        fix,
    }
}

/// `onboardctl` followed by `args`, user ids and paths already quoted.
fn cmd(args: &str) -> String {
    format!("onboardctl {args}")
}

// --- File modes -----------------------------------------------------------------------------

/// The threshold for a file that holds keys (a `.env`, a SQLite database): any access for
/// group or others (`mode & 0o077`). onboardctl creates such files 0600, and its `.env`
/// writer warns past the same threshold.
pub fn open_to_others(mode: u32) -> bool {
    mode & 0o077 != 0
}

/// A file holding keys that group or others can access; `what` names it (`.env`, `the
/// database`).
pub fn loose_mode(code: &'static str, what: &str, path: &str, mode: u32) -> Finding {
    finding(
        code,
        Severity::Warning,
        Some(path.to_owned()),
        format!("{what} `{path}` holds keys and is open to group or others (mode `{mode:04o}`)"),
        format!("chmod 600 {}", shell_word(path)),
    )
}

// --- Journal mode ---------------------------------------------------------------------------

/// A SQLite file's journal mode as its header records it (WAL is a property of the file; the
/// rollback journal variants are each connection's choice, so they all read `rollback`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JournalMode {
    /// Write-ahead log (header bytes 18/19 = 2).
    Wal,
    /// Rollback journal (header bytes 18/19 = 1): ALwrity's own (`delete`).
    Rollback,
}

impl JournalMode {
    /// From the first 100 bytes of a SQLite file; `None` when they are not a SQLite header
    /// (an empty file, or another kind of file).
    pub fn from_header(header: &[u8]) -> Option<JournalMode> {
        if header.len() < 20 || !header.starts_with(b"SQLite format 3\0") {
            return None;
        }
        match (header[18], header[19]) {
            (2, 2) => Some(JournalMode::Wal),
            (1, 1) => Some(JournalMode::Rollback),
            _ => None,
        }
    }

    /// `wal` or `rollback`.
    pub fn as_str(self) -> &'static str {
        match self {
            JournalMode::Wal => "wal",
            JournalMode::Rollback => "rollback",
        }
    }
}

/// What is wrong with `mode` for this kind of database, if anything. onboardctl's own file
/// is switched to WAL by `db migrate` and should stay there; an ALwrity file keeps ALwrity's
/// rollback journal unless `db migrate --wal` was asked for, so either mode is right there.
pub fn journal_rule(alwrity: bool, path: &str, mode: JournalMode) -> Option<Finding> {
    (!alwrity && mode == JournalMode::Rollback).then(|| {
        finding(
            "journal_not_wal",
            Severity::Warning,
            Some(path.to_owned()),
            format!(
                "onboardctl's database `{path}` uses the rollback journal; onboardctl sets WAL \
                 (readers never wait for a writer)"
            ),
            cmd("db migrate"),
        )
    })
}

// --- Schema and duplicates ------------------------------------------------------------------

/// onboardctl's own schema is behind this build: every data command refuses (exit 4).
pub fn pending_migrations(names: &[String]) -> Finding {
    finding(
        "pending_migrations",
        Severity::Error,
        None,
        format!(
            "{} pending migration(s): {}; every data command refuses until they are applied",
            names.len(),
            names.join(", ")
        ),
        cmd("db migrate"),
    )
}

/// An ALwrity database (or file) onboardctl has not attached: reads work, writes needing
/// onboardctl's record do not.
pub fn not_attached(subject: Option<String>) -> Finding {
    finding(
        "not_attached",
        Severity::Info,
        subject,
        "ALwrity database not attached: reads work; forced steps, reasons and `db repair` \
         need onboardctl's own tables"
            .to_owned(),
        cmd("db migrate"),
    )
}

fn repair_fix(attached: bool) -> String {
    match attached {
        true => cmd("db repair"),
        false => format!("{} && {}", cmd("db migrate"), cmd("db repair")),
    }
}

/// A user with several session rows (ALwrity's racing get-or-create).
pub fn duplicate_sessions(user: &str, rows: usize, attached: bool) -> Finding {
    finding(
        "duplicate_sessions",
        Severity::Warning,
        Some(user.to_owned()),
        format!("user `{user}` has {rows} session rows; ALwrity's services read different ones"),
        repair_fix(attached),
    )
}

/// A second row of a 1:1 table, or a second key of one provider, that nobody reads.
pub fn extra_row(row: &str, attached: bool) -> Finding {
    finding(
        "extra_rows",
        Severity::Warning,
        Some(row.to_owned()),
        format!("`{row}` is a second row of its session that ALwrity never reads"),
        repair_fix(attached),
    )
}

/// The statement that removes every key row without a session.
pub const DELETE_ORPHAN_KEYS: &str =
    "DELETE FROM api_keys WHERE session_id IS NULL OR session_id NOT IN (SELECT id FROM onboarding_sessions)";

/// An `api_keys` row whose session is gone: a key nobody reads, still in the database.
pub fn orphan_key(provider: &str, file: Option<&str>) -> Finding {
    let fix = match file {
        Some(path) => format!(
            "sqlite3 {} {}",
            shell_word(path),
            shell_word(DELETE_ORPHAN_KEYS)
        ),
        None => DELETE_ORPHAN_KEYS.to_owned(),
    };
    finding(
        "orphan_key",
        Severity::Warning,
        Some(format!("api_keys/{provider}")),
        format!(
            "an `api_keys` row of `{provider}` belongs to no session: nobody reads it, but it \
             holds a key"
        ),
        fix,
    )
}

// --- Readings -------------------------------------------------------------------------------

/// ALwrity's reading and onboardctl's step view of `user` disagree (`line` says how); the
/// fix finishes the first unfinished step, or records completion.
pub fn readings_disagree(user: &str, line: &str, first_unfinished: Option<u8>) -> Finding {
    let u = shell_word(user);
    let fix = match first_unfinished {
        Some(n) => cmd(&format!("progress step {u} {n} completed")),
        None => cmd(&format!("complete {u}")),
    };
    finding(
        "readings_disagree",
        Severity::Warning,
        Some(user.to_owned()),
        line.to_owned(),
        fix,
    )
}

// --- Keys -----------------------------------------------------------------------------------

fn key_subject(user: &str, provider: &str) -> String {
    format!("{user}/{provider}")
}

fn key_set_fix(user: &str, provider: &str) -> String {
    cmd(&format!(
        "key set {} {}",
        shell_word(user),
        shell_word(provider)
    ))
}

/// A stored key that fails its provider's format check (`reason` never holds the value).
pub fn key_format(user: &str, provider: &str, reason: &str) -> Finding {
    finding(
        "key_format",
        Severity::Warning,
        Some(key_subject(user, provider)),
        format!("the `{provider}` key of `{user}` fails its format check: {reason}"),
        key_set_fix(user, provider),
    )
}

/// A sealed key while `ONBOARDCTL_MASTER_KEY` is unset: no command can read it.
pub fn sealed_without_master_key(user: &str, provider: &str) -> Finding {
    finding(
        "sealed_without_master_key",
        Severity::Error,
        Some(key_subject(user, provider)),
        format!(
            "the `{provider}` key of `{user}` is encrypted and ONBOARDCTL_MASTER_KEY is not set"
        ),
        "export ONBOARDCTL_MASTER_KEY=<the master key it was encrypted with>".to_owned(),
    )
}

/// A sealed key that does not open under the master key that is set.
pub fn sealed_key_unreadable(user: &str, provider: &str, why: &str) -> Finding {
    finding(
        "sealed_key_unreadable",
        Severity::Error,
        Some(key_subject(user, provider)),
        format!("the `{provider}` key of `{user}` does not open: {why}"),
        cmd("key reseal --old-master-key-env VAR  # VAR holds the previous master key"),
    )
}

fn reseal_fix(alwrity: bool) -> String {
    match alwrity {
        true => cmd("key reseal --seal-anyway"),
        false => cmd("key reseal"),
    }
}

/// A plaintext key row on onboardctl's own database while a master key is set.
pub fn unsealed_key(user: &str, provider: &str) -> Finding {
    finding(
        "unsealed_key",
        Severity::Warning,
        Some(key_subject(user, provider)),
        format!(
            "the `{provider}` key of `{user}` is stored in plaintext although \
             ONBOARDCTL_MASTER_KEY is set"
        ),
        reseal_fix(false),
    )
}

/// A plaintext copy of a key (`place` says where) while keys of this database are sealed.
pub fn plaintext_key_copy(subject: String, place: &str, alwrity: bool) -> Finding {
    finding(
        "plaintext_key_copy",
        Severity::Warning,
        Some(subject),
        format!("{place} holds a key in plaintext while this database's keys are encrypted"),
        reseal_fix(alwrity),
    )
}

/// ALwrity's SSOT copy of `user`'s `provider` key is not the key ALwrity's key rows hold
/// (`missing`: there is no such key row at all).
pub fn stale_key_copy(user: &str, provider: &str, missing: bool) -> Finding {
    let what = match missing {
        true => "a key the user no longer has",
        false => "another value than the user's key",
    };
    finding(
        "stale_key_copy",
        Severity::Warning,
        Some(key_subject(user, provider)),
        format!(
            "ALwrity's plaintext copy in `onboarding_data_integrations` holds {what} \
             (`{provider}` of `{user}`)"
        ),
        key_set_fix(user, provider),
    )
}

// --- Local mode -----------------------------------------------------------------------------

/// A stored key missing from, or different in, a local `.env` file.
pub fn env_drift(user: &str, var: &str, path: &str, missing: bool) -> Finding {
    let (code, what) = match missing {
        true => ("env_missing", "is missing from"),
        false => ("env_differs", "differs in"),
    };
    finding(
        code,
        Severity::Warning,
        Some(format!("{user}/{var}")),
        format!("`{var}` (a key of `{user}`) {what} `{path}`"),
        cmd(&format!("env sync {}", shell_word(user))),
    )
}

/// A local `.env` file `env diff` could not compare (`why` never holds a value).
pub fn env_unreadable(user: &str, why: &str) -> Finding {
    finding(
        "env_unreadable",
        Severity::Error,
        Some(user.to_owned()),
        format!("the keys of `{user}` could not be compared with the env file: {why}"),
        cmd(&format!("env diff {}", shell_word(user))),
    )
}

// --- Workspace ------------------------------------------------------------------------------

fn file_url(path: &str) -> String {
    shell_word(&format!("sqlite:{path}")).into_owned()
}

/// A workspace file (or folder entry) that could not be read.
pub fn unreadable(code: &'static str, path: &str, reason: &str) -> Finding {
    finding(
        code,
        Severity::Error,
        Some(path.to_owned()),
        format!("`{path}` could not be read: {reason}"),
        cmd(&format!("--database-url {} db status", file_url(path))),
    )
}

/// A later candidate file ALwrity never opens, beside the one it uses.
pub fn shadowed_file(path: &str) -> Finding {
    finding(
        "shadowed_file",
        Severity::Warning,
        Some(path.to_owned()),
        format!(
            "`{path}` is shadowed: ALwrity opens an earlier candidate of its folder, so \
             nothing reads this file"
        ),
        format!(
            "mv {} {}",
            shell_word(path),
            shell_word(&format!("{path}.shadowed"))
        ),
    )
}

/// Distinct ids in one file that sanitise alike (ALwrity may read either); `keep` is the
/// folder's canonical id, the others are listed for removal after export.
pub fn colliding_ids(file: &str, ids: &[String], keep: &str) -> Finding {
    let others: Vec<String> = ids
        .iter()
        .filter(|i| i.as_str() != keep)
        .map(|i| shell_word(i).into_owned())
        .collect();
    finding(
        "colliding_ids",
        Severity::Warning,
        Some(file.to_owned()),
        format!(
            "`{file}` holds ids that sanitise alike ({}); ALwrity reads `{keep}`",
            ids.join(", ")
        ),
        cmd(&format!(
            "--database-url {} session delete {}  # after exporting them",
            file_url(file),
            others.join(" ")
        )),
    )
}

/// A session in a folder its id does not route to: ALwrity never reads it there.
pub fn foreign_session(file: &str, id: &str) -> Finding {
    finding(
        "foreign_session",
        Severity::Warning,
        Some(format!("{file}/{id}")),
        format!(
            "`{file}` holds a session of `{id}`, whose id routes to another folder: ALwrity \
             never reads it here"
        ),
        cmd(&format!(
            "--database-url {} session delete {}  # after exporting it",
            file_url(file),
            shell_word(id)
        )),
    )
}

#[cfg(test)]
mod tests;
