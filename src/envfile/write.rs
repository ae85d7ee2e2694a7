//! The locked, atomic read-modify-write of a `.env` file.
//!
//! Locking: an exclusive `File::lock` on a sidecar `<name>.lock` next to the file, held from
//! before the read until after the rename and the directory fsync. The target itself cannot
//! be the lock: the rename replaces its inode, so a writer waiting on the old inode would
//! then read-modify-write a file nobody else is locking. The sidecar is left in place;
//! deleting it would let a waiter hold a lock on an unlinked inode while a newcomer locks a
//! fresh one.
//!
//! Writing: a hidden temp file `<name>.onboardctl-<pid>-<n>.tmp` in the same directory (so the
//! rename is atomic), written, fsynced, renamed over the target, then the directory fsynced.
//! A new file gets mode 0600; an existing one keeps its mode, and a warning is returned when
//! group or others have any access. Temp files left by a crashed writer are removed under
//! the lock (a live writer always holds it).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use zeroize::Zeroizing;

use super::{Edit, EnvFile, EnvFileError};

/// In debug builds only, setting this variable to `1` makes [`update`] fail after the temp
/// file is written and before the rename: the seam the atomicity tests use.
pub const FAIL_BEFORE_RENAME_ENV: &str = "ONBOARDCTL_ENVFILE_FAIL_BEFORE_RENAME";

/// What [`update`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateReport {
    /// The file did not exist and was created (mode 0600).
    pub created: bool,
    /// The file's bytes changed (nothing is written otherwise).
    pub changed: bool,
    /// Messages for stderr, e.g. a file readable by group or others.
    pub warnings: Vec<String>,
}

/// Applies `edits` in order to the file at `path` (missing = empty) as one locked, atomic
/// read-modify-write. On any error the file is left as it was. Refuses a `path` that is a
/// symbolic link or not a regular file. An edit that leaves the bytes unchanged writes
/// nothing (so removing from a missing file does not create it).
pub fn update(path: &Path, edits: &[Edit]) -> Result<UpdateReport, EnvFileError> {
    let target = Target::new(path)?;
    let _lock = target.lock()?;
    target.remove_stale_temps();
    let existing = target.read()?;
    let mut file = match &existing {
        Some(old) => EnvFile::parse(&old.bytes, path)?,
        None => EnvFile::default(),
    };
    for edit in edits {
        match edit {
            Edit::Set(var, value) => file.set(var, value)?,
            Edit::Remove(var) => _ = file.remove(var),
        }
    }
    let bytes = file.to_bytes();
    let mut report = UpdateReport::default();
    if let Some(mode) = existing
        .as_ref()
        .map(|old| old.mode)
        .filter(|m| m & 0o077 != 0)
    {
        report.warnings.push(format!(
            "`{}` is open to group or others (mode `{mode:04o}`); consider `chmod 600 {}`",
            path.display(),
            path.display()
        ));
    }
    match &existing {
        Some(old) if old.bytes[..] == bytes[..] => return Ok(report),
        None if bytes.is_empty() => return Ok(report),
        _ => {}
    }
    target.replace(&bytes, existing.as_ref().map_or(0o600, |old| old.mode))?;
    report.changed = true;
    report.created = existing.is_none();
    Ok(report)
}

/// The file being edited, its directory and its name.
struct Target {
    path: PathBuf,
    dir: PathBuf,
    name: String,
}

impl Target {
    fn new(path: &Path) -> Result<Target, EnvFileError> {
        let not_a_file = || EnvFileError::NotAFile {
            path: path.to_owned(),
        };
        let name = path
            .file_name()
            .ok_or_else(not_a_file)?
            .to_string_lossy()
            .into_owned();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        Ok(Target {
            path: path.to_owned(),
            dir,
            name,
        })
    }

    // `File::lock` is stable since Rust 1.89: the crate's `rust-version` must be at least
    // that (the brief fixes the toolchain at 1.95; Cargo.toml still says 1.85).
    fn lock(&self) -> Result<File, EnvFileError> {
        let lock_path = self.dir.join(format!("{}.lock", self.name));
        refuse_symlink(&lock_path)?;
        let file = options(0o600)
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(EnvFileError::io("create lock file", &lock_path))?;
        file.lock().map_err(EnvFileError::io("lock", &lock_path))?;
        Ok(file)
    }

    /// The current bytes and mode, or `None` when the file does not exist.
    fn read(&self) -> Result<Option<Existing>, EnvFileError> {
        let meta = match fs::symlink_metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(EnvFileError::io("inspect", &self.path)(e)),
        };
        refuse_symlink(&self.path)?;
        if !meta.is_file() {
            return Err(EnvFileError::NotAFile {
                path: self.path.clone(),
            });
        }
        let bytes = fs::read(&self.path).map_err(EnvFileError::io("read", &self.path))?;
        Ok(Some(Existing {
            bytes: Zeroizing::new(bytes),
            mode: mode_of(&meta),
        }))
    }

    /// Temp files are hidden: `.env` → `.env.onboardctl-…`, `app.env` → `.app.env.onboardctl-…`.
    fn temp_prefix(&self) -> String {
        let dot = if self.name.starts_with('.') { "" } else { "." };
        format!("{dot}{}.onboardctl-", self.name)
    }

    fn remove_stale_temps(&self) {
        let Ok(dir) = fs::read_dir(&self.dir) else {
            return;
        };
        let prefix = self.temp_prefix();
        for entry in dir.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&prefix) && name.ends_with(".tmp") {
                _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Writes `bytes` to a temp file with `mode`, fsyncs it, renames it over the target and
    /// fsyncs the directory. The temp file is removed on any failure.
    fn replace(&self, bytes: &[u8], mode: u32) -> Result<(), EnvFileError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("{}{}-{n}.tmp", self.temp_prefix(), std::process::id());
        let mut temp = Temp(Some(self.dir.join(name)));
        let temp_path = temp.0.clone().unwrap_or_default();
        let err = |op| EnvFileError::io(op, &temp_path);
        let mut file = options(mode)
            .write(true)
            .create_new(true)
            .open(&temp_path)
            .map_err(err("create"))?;
        set_mode(&file, mode).map_err(err("set the mode of"))?;
        file.write_all(bytes).map_err(err("write"))?;
        file.sync_all().map_err(err("sync"))?;
        drop(file);
        if cfg!(debug_assertions)
            && std::env::var_os(FAIL_BEFORE_RENAME_ENV).is_some_and(|v| v == "1")
        {
            let injected =
                io::Error::other(format!("failure injected by {FAIL_BEFORE_RENAME_ENV}"));
            return Err(EnvFileError::io("rename into place", &self.path)(injected));
        }
        fs::rename(&temp_path, &self.path)
            .map_err(EnvFileError::io("rename into place", &self.path))?;
        temp.0 = None;
        sync_dir(&self.dir)
    }
}

/// The file as found before the edit.
struct Existing {
    bytes: Zeroizing<Vec<u8>>,
    mode: u32,
}

/// A temp file, deleted on drop unless cleared after the rename.
struct Temp(Option<PathBuf>);

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            _ = fs::remove_file(path);
        }
    }
}

fn refuse_symlink(path: &Path) -> Result<(), EnvFileError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(EnvFileError::Symlink {
            path: path.to_owned(),
        }),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn options(mode: u32) -> OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = OpenOptions::new();
    options.mode(mode);
    options
}

#[cfg(not(unix))]
fn options(_mode: u32) -> OpenOptions {
    OpenOptions::new()
}

/// Sets the exact mode (the umask may have narrowed the one given at creation).
#[cfg(unix)]
fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_file: &File, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn mode_of(meta: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_meta: &fs::Metadata) -> u32 {
    0o600
}

/// Makes the rename durable. Directories cannot be opened as files on Windows.
fn sync_dir(dir: &Path) -> Result<(), EnvFileError> {
    if cfg!(unix) {
        let io = EnvFileError::io("sync directory", dir);
        File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
    }
    Ok(())
}
