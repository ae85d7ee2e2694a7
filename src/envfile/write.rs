//! The locked, atomic read-modify-write of a `.env` file.
//!
//! Locking: an exclusive `File::lock` on a sidecar `<name>.lock` next to the file, held from
//! before the read until after the rename and the directory fsync ([`lock`] returns it as an
//! [`EnvLock`], so a caller can hold it across its own work, e.g. a database transaction, and
//! then write with [`update_locked`]). The target itself cannot be the lock: the rename
//! replaces its inode, so a writer waiting on the old inode would then read-modify-write a
//! file nobody else is locking. The sidecar is left in place; deleting it would let a waiter
//! hold a lock on an unlinked inode while a newcomer locks a fresh one.
//!
//! Writing: a hidden temp file `.<name>.onboardctl-tmp.<pid>.<n>` (no extra dot when the name
//! has one) in the same directory, so the rename is atomic: written, fsynced, given the
//! original's owner, group and mode (a new file: the writer's, mode 0600), renamed over the
//! target, then the directory fsynced. A file without owner write permission is refused, not
//! replaced. A warning is returned when group or others have any access. Temp files hold
//! keys: those left by a killed writer are removed by the next update under the lock (a live
//! writer always holds it, so none of them can be in use).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

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
    /// Messages for stderr, e.g. a file readable by group or others. Never a value.
    pub warnings: Vec<String>,
}

/// The exclusive lock on one `.env` file (its `.lock` sidecar), held until dropped. Every
/// writer of the file takes it, so whoever holds it may read, journal and write the file
/// without another onboardctl process changing it in between.
#[derive(Debug)]
pub struct EnvLock {
    pub(super) target: Target,
    _file: File,
    /// Journal lines this holder wrote, removed again by `end_intent`.
    pub(super) intents: Mutex<Vec<String>>,
}

impl EnvLock {
    /// The `.env` file this lock is for.
    pub fn path(&self) -> &Path {
        &self.target.path
    }
}

/// Takes the exclusive lock of the `.env` file at `path`, waiting for another holder.
/// Refuses a lock file that is a symbolic link.
pub fn lock(path: &Path) -> Result<EnvLock, EnvFileError> {
    let target = Target::new(path)?;
    let lock_path = target.dir.join(format!("{}.lock", target.name));
    refuse_symlink(&lock_path)?;
    let file = options(0o600)
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(EnvFileError::io("create lock file", &lock_path))?;
    // `File::lock` is stable since Rust 1.89, the crate's `rust-version`.
    file.lock().map_err(EnvFileError::io("lock", &lock_path))?;
    Ok(EnvLock {
        target,
        _file: file,
        intents: Mutex::new(Vec::new()),
    })
}

/// Applies `edits` in order to the file at `path` (missing = empty) as one locked, atomic
/// read-modify-write: [`lock`], then [`update_locked`].
pub fn update(path: &Path, edits: &[Edit]) -> Result<UpdateReport, EnvFileError> {
    update_locked(&lock(path)?, edits)
}

/// Applies `edits` to the locked file as one atomic read-modify-write. On any error the file
/// is left as it was. Refuses a path that is a symbolic link or not a regular file, and a
/// read-only file that would change. An edit that leaves the bytes unchanged writes nothing
/// (so removing from a missing file does not create it).
pub fn update_locked(lock: &EnvLock, edits: &[Edit]) -> Result<UpdateReport, EnvFileError> {
    let target = &lock.target;
    target.remove_stale_temps();
    let existing = target.read()?;
    let mut file = match &existing {
        Some(old) => EnvFile::parse(&old.bytes, &target.path)?,
        None => EnvFile::empty(&target.path),
    };
    for edit in edits {
        match edit {
            Edit::Set(var, value) => file.set(var, value)?,
            Edit::Remove(var) => _ = file.remove(var)?,
        }
    }
    let bytes = file.to_bytes();
    let mut report = UpdateReport {
        warnings: file.warnings().to_vec(),
        ..UpdateReport::default()
    };
    let path = target.path.display();
    if let Some(mode) = existing
        .as_ref()
        .map(|old| old.mode)
        .filter(|m| crate::domain::doctor::open_to_others(*m))
    {
        report.warnings.push(format!(
            "`{path}` is open to group or others (mode `{mode:04o}`); consider `chmod 600 {path}`"
        ));
    }
    match &existing {
        Some(old) if old.bytes[..] == bytes[..] => return Ok(report),
        None if bytes.is_empty() => return Ok(report),
        Some(old) if old.mode & 0o200 == 0 => {
            return Err(EnvFileError::ReadOnly {
                path: target.path.clone(),
                mode: old.mode,
            })
        }
        _ => {}
    }
    target.replace(&bytes, existing.as_ref())?;
    report.changed = true;
    report.created = existing.is_none();
    Ok(report)
}

/// The locked file's exact bytes (`None` when it does not exist), to put back with
/// [`restore_locked`] if what depends on an edit fails.
pub fn snapshot_locked(lock: &EnvLock) -> Result<Option<Zeroizing<Vec<u8>>>, EnvFileError> {
    Ok(lock.target.read()?.map(|old| old.bytes))
}

/// Puts the locked file back exactly as [`snapshot_locked`] found it: the same bytes (owner
/// and mode kept, atomically), or no file at all.
pub fn restore_locked(lock: &EnvLock, snapshot: Option<&[u8]>) -> Result<(), EnvFileError> {
    let target = &lock.target;
    let existing = target.read()?;
    match (snapshot, &existing) {
        (None, None) => Ok(()),
        (None, Some(_)) => {
            fs::remove_file(&target.path).map_err(EnvFileError::io("remove", &target.path))?;
            sync_dir(&target.dir)
        }
        (Some(bytes), Some(old)) if old.bytes[..] == *bytes => Ok(()),
        (Some(bytes), _) => target.replace(bytes, existing.as_ref()),
    }
}

/// The file being edited, its directory and its name.
#[derive(Debug)]
pub(super) struct Target {
    pub(super) path: PathBuf,
    pub(super) dir: PathBuf,
    pub(super) name: String,
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

    /// The current bytes, mode and owner, or `None` when the file does not exist.
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
            owner: owner_of(&meta),
        }))
    }

    /// Sidecar files are hidden: `.env` → `.env.onboardctl-…`, `app.env` → `.app.env.…`.
    pub(super) fn sidecar(&self, suffix: &str) -> PathBuf {
        let dot = if self.name.starts_with('.') { "" } else { "." };
        self.dir
            .join(format!("{dot}{}.onboardctl-{suffix}", self.name))
    }

    /// Removes temp files of this target left by killed writers (this scheme's, and the
    /// `….onboardctl-<pid>-<n>.tmp` of earlier versions). Only called under the lock.
    fn remove_stale_temps(&self) {
        let Ok(dir) = fs::read_dir(&self.dir) else {
            return;
        };
        let prefix = self.sidecar("");
        let prefix = prefix.file_name().unwrap_or_default().to_string_lossy();
        for entry in dir.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Some(rest) = name.strip_prefix(&*prefix) else {
                continue;
            };
            if rest.starts_with("tmp.") || rest.ends_with(".tmp") {
                _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Writes `bytes` to a temp file, fsyncs it, gives it the owner and mode of `old` (a new
    /// file: mode 0600), renames it over the target and fsyncs the directory. The temp file
    /// is removed on any failure.
    fn replace(&self, bytes: &[u8], old: Option<&Existing>) -> Result<(), EnvFileError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp = Temp(Some(
            self.sidecar(&format!("tmp.{}.{n}", std::process::id())),
        ));
        let temp_path = temp.0.clone().unwrap_or_default();
        let err = |op| EnvFileError::io(op, &temp_path);
        let mut file = options(0o600)
            .write(true)
            .create_new(true)
            .open(&temp_path)
            .map_err(err("create"))?;
        file.write_all(bytes).map_err(err("write"))?;
        if let Some(owner) = old.and_then(|o| o.owner) {
            set_owner(&file, owner).map_err(err("give the original owner to"))?;
        }
        set_mode(&file, old.map_or(0o600, |o| o.mode)).map_err(err("set the mode of"))?;
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
    /// Its uid and gid (Unix only).
    owner: Option<(u32, u32)>,
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

pub(super) fn refuse_symlink(path: &Path) -> Result<(), EnvFileError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(EnvFileError::Symlink {
            path: path.to_owned(),
        }),
        _ => Ok(()),
    }
}

#[cfg(unix)]
pub(super) fn options(mode: u32) -> OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = OpenOptions::new();
    options.mode(mode);
    options
}

#[cfg(not(unix))]
pub(super) fn options(_mode: u32) -> OpenOptions {
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

/// Gives the temp file the original's uid and gid, when they differ from its own (a root
/// writer must not turn `nobody`'s file into root's). Failing is an error: replacing the
/// file would otherwise silently change its owner.
#[cfg(unix)]
fn set_owner(file: &File, (uid, gid): (u32, u32)) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata()?;
    if (meta.uid(), meta.gid()) == (uid, gid) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(uid), Some(gid))
}

#[cfg(not(unix))]
fn set_owner(_file: &File, _owner: (u32, u32)) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn owner_of(meta: &fs::Metadata) -> Option<(u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.uid(), meta.gid()))
}

#[cfg(not(unix))]
fn owner_of(_meta: &fs::Metadata) -> Option<(u32, u32)> {
    None
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
pub(super) fn sync_dir(dir: &Path) -> Result<(), EnvFileError> {
    if cfg!(unix) {
        let io = EnvFileError::io("sync directory", dir);
        File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
    }
    Ok(())
}
