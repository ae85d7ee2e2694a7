//! The intent journal: a small file beside the `.env` (`.env.onboardctl-journal`, hidden like
//! the temp files) recording a change to the file that a database change depends on, so a
//! crash between the two is noticed.
//!
//! Protocol (the service's): take [`super::lock`], [`EnvLock::begin_intent`] (the line is
//! written and fsynced before returning), commit the database change, [`super::update_locked`],
//! then [`EnvLock::end_intent`]. A process killed in between leaves its line behind, and
//! [`pending_intents`] (no lock needed) shows it to the next command, which can say that
//! `onboardctl env sync USER` repairs the file. One JSON object per line; an intent holds no
//! secret: the new value appears only as its 8-hex-digit fingerprint. A torn last line (a
//! crash while appending, so before the database commit) is ignored.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::write::{options, sync_dir, EnvLock, Target};
use super::EnvFileError;
use crate::domain::Secret;

/// What an intent does to its variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntentAction {
    /// The variable gets a new value.
    Set,
    /// The variable is removed.
    Remove,
}

/// A change to one variable of a `.env` file, recorded before the database commit it goes
/// with. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Intent {
    /// The user whose key changes.
    pub user_id: String,
    /// The variable in the file.
    pub var: String,
    /// Set or remove.
    pub action: IntentAction,
    /// [`Secret::fingerprint`] of the new value (`set` only).
    pub fingerprint: Option<String>,
    /// Where the database is, redacted (no password).
    pub database: String,
    /// When the change began (UTC, RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
}

impl Intent {
    /// Setting `var` to `value` for `user_id`, in the database at the redacted `database`.
    pub fn set(user_id: &str, var: &str, value: &Secret, database: &str) -> Intent {
        Intent::new(
            user_id,
            var,
            IntentAction::Set,
            Some(value.fingerprint()),
            database,
        )
    }

    /// Removing `var` for `user_id`.
    pub fn remove(user_id: &str, var: &str, database: &str) -> Intent {
        Intent::new(user_id, var, IntentAction::Remove, None, database)
    }

    fn new(
        user_id: &str,
        var: &str,
        action: IntentAction,
        fingerprint: Option<String>,
        database: &str,
    ) -> Intent {
        Intent {
            user_id: user_id.to_owned(),
            var: var.to_owned(),
            action,
            fingerprint,
            database: database.to_owned(),
            started_at: OffsetDateTime::now_utc(),
        }
    }
}

impl EnvLock {
    /// Appends `intent` to the journal and makes it durable (file and directory fsynced)
    /// before returning.
    pub fn begin_intent(&self, intent: &Intent) -> Result<(), EnvFileError> {
        let path = journal_path(&self.target);
        let mut line = serde_json::to_string(intent).map_err(|e| {
            EnvFileError::io("record an intent in", &path)(io::Error::other(e.to_string()))
        })?;
        line.push('\n');
        let err = |op| EnvFileError::io(op, &path);
        // A torn last line (a writer killed mid-append) must not swallow this one.
        let torn = fs::read(&path).is_ok_and(|b| b.last().is_some_and(|&c| c != b'\n'));
        let record = if torn {
            format!("\n{line}")
        } else {
            line.clone()
        };
        let mut file = options(0o600)
            .append(true)
            .create(true)
            .open(&path)
            .map_err(err("open"))?;
        file.write_all(record.as_bytes()).map_err(err("write"))?;
        file.sync_all().map_err(err("sync"))?;
        sync_dir(&self.target.dir)?;
        self.held().push(line);
        Ok(())
    }

    /// Removes the intents this lock began from the journal (the file goes when empty).
    /// Others, left by a killed process, stay until `env sync` clears them.
    pub fn end_intent(&self) -> Result<(), EnvFileError> {
        let mine = std::mem::take(&mut *self.held());
        self.rewrite(|line| {
            let hit = mine.iter().any(|m| m.trim_end() == line);
            !hit
        })
        .map(drop)
    }

    /// Removes every pending intent of `user_id` (after the file was repaired for that
    /// user); how many there were.
    pub fn clear_intents(&self, user_id: &str) -> Result<usize, EnvFileError> {
        self.rewrite(|line| parse(line).is_none_or(|i| i.user_id != user_id))
    }

    fn held(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        self.intents.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps the journal lines `keep` accepts (atomically, via a temp file); how many went.
    fn rewrite(&self, keep: impl Fn(&str) -> bool) -> Result<usize, EnvFileError> {
        let path = journal_path(&self.target);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(EnvFileError::io("read", &path)(e)),
        };
        let lines: Vec<&str> = text.lines().collect();
        let kept: Vec<&str> = lines.iter().copied().filter(|l| keep(l)).collect();
        let removed = lines.len() - kept.len();
        if removed == 0 {
            return Ok(0);
        }
        if kept.iter().all(|l| parse(l).is_none()) {
            fs::remove_file(&path).map_err(EnvFileError::io("remove", &path))?;
        } else {
            let temp = self.target.sidecar("journal.tmp");
            let err = |op| EnvFileError::io(op, &temp);
            let mut file = options(0o600)
                .write(true)
                .create(true)
                .truncate(true)
                .open(&temp)
                .map_err(err("create"))?;
            file.write_all((kept.join("\n") + "\n").as_bytes())
                .map_err(err("write"))?;
            file.sync_all().map_err(err("sync"))?;
            fs::rename(&temp, &path).map_err(EnvFileError::io("rename into place", &path))?;
        }
        sync_dir(&self.target.dir)?;
        Ok(removed)
    }
}

/// The intents recorded for the `.env` file at `path` and not ended: each one is a change
/// whose database side may have committed without the file being written. Needs no lock;
/// a missing journal is none.
pub fn pending_intents(path: &Path) -> Result<Vec<Intent>, EnvFileError> {
    let journal = match path.file_name() {
        Some(name) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let target = Target {
                path: path.to_owned(),
                dir: dir.map_or_else(|| PathBuf::from("."), Path::to_owned),
                name: name.to_string_lossy().into_owned(),
            };
            journal_path(&target)
        }
        None => return Ok(Vec::new()),
    };
    match fs::read_to_string(&journal) {
        Ok(text) => Ok(text.lines().filter_map(parse).collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(EnvFileError::io("read", &journal)(e)),
    }
}

fn journal_path(target: &Target) -> PathBuf {
    target.sidecar("journal")
}

fn parse(line: &str) -> Option<Intent> {
    serde_json::from_str(line).ok()
}
