//! Discovery of an ALwrity workspace without side effects: which path is the workspace
//! folder, which `workspace_<x>` folders it holds, and which database file each one uses.
//!
//! Decisions:
//! - **Root.** A path is the ALwrity root when it has a `workspace` directory (what ALwrity
//!   does with its root, `ALWRITY_ROOT_DIR` included); otherwise it is taken as the workspace
//!   folder itself. ALwrity never puts an entry named plain `workspace` inside the workspace
//!   folder (its entries are `workspace_<sid>`), so the test cannot mistake one for the
//!   other, whatever the folders are called (an app root at `/workspace` is common in
//!   containers). Callers that know which they have use the explicit constructors.
//! - **Folders.** Entries named `workspace_<x>` with non-empty `<x>` that are directories,
//!   symlinks followed as ALwrity follows them (`is_dir()`); a followed symlink is flagged.
//!   Everything else is ignored, `workspace_` (the folder of an id that sanitises to empty)
//!   included, as ALwrity's user discovery ignores it. A name that is not UTF-8 is an error
//!   item: no id sanitises to it, so ALwrity never reads it.
//! - **Order.** Bytewise by name, so two runs over one tree agree (ALwrity itself uses
//!   `os.listdir` order). Sorting needs the names, so the listing keeps one name per matching
//!   entry; everything else about a folder is looked at when the iterator reaches it and is
//!   not kept.
//! - **Empty sid.** [`WorkspaceRoot::folder_for`] maps it to `workspace_` as ALwrity's
//!   database module does (so a read finds what ALwrity wrote there), but
//!   [`WorkspaceRoot::new_user_db_path`] refuses it: every id that sanitises to empty would
//!   share that file, and ALwrity's discovery never lists it.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::candidates::{is_absent, probe_db, DbLayout, DbLookup, ProbeMode};
use super::sanitize::{is_sanitized, sanitize_user_id};

/// The name of the workspace folder inside the ALwrity root.
pub const WORKSPACE_DIR: &str = "workspace";

/// The prefix of every per-user folder.
pub const FOLDER_PREFIX: &str = "workspace_";

/// Why the workspace could not be located or listed, or a path not computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// The path given is not a directory (or does not exist).
    #[error("`{}` is not a directory", .0.display())]
    NotADirectory(PathBuf),
    /// A look at a path failed.
    #[error("cannot read `{}`: {reason}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's message.
        reason: String,
    },
    /// The id keeps no character once sanitised, so it has no folder of its own.
    #[error("user id `{0}` has no character ALwrity keeps in a folder name")]
    EmptySanitizedId(String),
}

/// How [`WorkspaceRoot::detect`] read the path it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RootKind {
    /// The ALwrity root; the workspace folder is its `workspace/`.
    AlwrityRoot,
    /// The workspace folder itself.
    WorkspaceDir,
}

/// A located workspace folder (the one holding `workspace_<x>` folders).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceRoot {
    dir: PathBuf,
    kind: RootKind,
}

impl WorkspaceRoot {
    /// Reads `path` as the ALwrity root when it has a `workspace` directory, else as the
    /// workspace folder (see the module's decisions). Two `stat`s; nothing is created.
    pub fn detect(path: &Path) -> Result<WorkspaceRoot, LayoutError> {
        if !is_dir(path)? {
            return Err(LayoutError::NotADirectory(path.to_owned()));
        }
        let inner = path.join(WORKSPACE_DIR);
        Ok(if is_dir(&inner)? {
            WorkspaceRoot {
                dir: inner,
                kind: RootKind::AlwrityRoot,
            }
        } else {
            WorkspaceRoot::workspace_dir(path)
        })
    }

    /// `root` is the ALwrity root, whether or not its `workspace/` exists yet.
    pub fn alwrity_root(root: &Path) -> WorkspaceRoot {
        WorkspaceRoot {
            dir: root.join(WORKSPACE_DIR),
            kind: RootKind::AlwrityRoot,
        }
    }

    /// `dir` is the workspace folder itself.
    pub fn workspace_dir(dir: &Path) -> WorkspaceRoot {
        WorkspaceRoot {
            dir: dir.to_owned(),
            kind: RootKind::WorkspaceDir,
        }
    }

    /// The workspace folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How the path given was read.
    pub fn kind(&self) -> RootKind {
        self.kind
    }

    /// The folder of an already sanitised id: `workspace_<sid>` (`workspace_` for an empty
    /// one, as ALwrity's database module does). A path computation only.
    pub fn folder_for(&self, sid: &str) -> PathBuf {
        self.dir.join(format!("{FOLDER_PREFIX}{sid}"))
    }

    /// Where ALwrity would create the file of a new user: `workspace_<sid>/db/alwrity_<sid>.db`
    /// with `sid` the sanitised id. A path computation only; an id that sanitises to empty
    /// is refused (see the module's decisions).
    pub fn new_user_db_path(&self, user_id: &str) -> Result<PathBuf, LayoutError> {
        let sid = sanitize_user_id(user_id);
        if sid.is_empty() {
            return Err(LayoutError::EmptySanitizedId(user_id.to_owned()));
        }
        Ok(self
            .folder_for(&sid)
            .join(DbLayout::Canonical.relative_path(&sid)))
    }

    /// Lists the `workspace_<x>` folders, in bytewise name order, as a lazy iterator: the
    /// directory is read now (names only), each folder is looked at when reached, all four
    /// of its candidate files included ([`ProbeMode::All`]).
    pub fn folders(&self) -> Result<Folders, LayoutError> {
        self.folders_probing(ProbeMode::All)
    }

    /// [`WorkspaceRoot::folders`], looking at each folder's candidates only as far as `mode`
    /// says ([`ProbeMode::FirstMatch`]: the file in use, usually one `stat`).
    pub fn folders_probing(&self, mode: ProbeMode) -> Result<Folders, LayoutError> {
        let io = |e: std::io::Error| LayoutError::Io {
            path: self.dir.clone(),
            reason: e.to_string(),
        };
        let mut names = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(io)? {
            let name = entry.map_err(io)?.file_name();
            let bytes = name.as_encoded_bytes();
            if bytes.len() > FOLDER_PREFIX.len() && bytes.starts_with(FOLDER_PREFIX.as_bytes()) {
                names.push(name);
            }
        }
        names.sort_unstable_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        Ok(Folders {
            dir: self.dir.clone(),
            names: names.into_iter(),
            mode,
        })
    }
}

/// One `workspace_<x>` folder and its database lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceFolder {
    /// The folder's path (inside the workspace folder, symlink not resolved).
    pub path: PathBuf,
    /// `<x>`, the part of the name after `workspace_`.
    pub suffix: String,
    /// The entry is a symlink to a directory (followed, as ALwrity follows it).
    pub via_symlink: bool,
    /// The candidate files looked at: all four ([`ProbeMode::All`]), or up to the used one.
    pub lookup: DbLookup,
}

impl WorkspaceFolder {
    /// Whether `<x>` is its own sanitised form. When it is not (a folder made by hand),
    /// ALwrity's discovery, which resolves the id `<x>` through sanitisation, reads
    /// `workspace_<sanitised x>` instead of this folder.
    pub fn name_is_sanitized(&self) -> bool {
        is_sanitized(&self.suffix)
    }

    /// The folder ALwrity's discovery actually reads for this folder's id, when it is not
    /// this one (see [`WorkspaceFolder::name_is_sanitized`]).
    pub fn alwrity_reads_instead(&self) -> Option<String> {
        (!self.name_is_sanitized())
            .then(|| format!("{FOLDER_PREFIX}{}", sanitize_user_id(&self.suffix)))
    }
}

/// An entry that looked like a folder but could not be read as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{}`: {reason}", path.display())]
pub struct FolderError {
    /// The entry's path.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

/// The lazy listing [`WorkspaceRoot::folders`] returns. Entries that are not directories are
/// skipped; an entry that cannot be looked at is an `Err` item, and the listing goes on.
#[derive(Debug)]
pub struct Folders {
    dir: PathBuf,
    names: std::vec::IntoIter<OsString>,
    mode: ProbeMode,
}

impl Iterator for Folders {
    type Item = Result<WorkspaceFolder, FolderError>;

    fn next(&mut self) -> Option<Self::Item> {
        for name in self.names.by_ref() {
            let path = self.dir.join(&name);
            match look_at_folder(path, &name, self.mode) {
                Ok(Some(folder)) => return Some(Ok(folder)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.names.len()))
    }
}

/// One folder: `None` when the entry is not a directory (ignored, as ALwrity ignores it).
fn look_at_folder(
    path: PathBuf,
    name: &OsString,
    mode: ProbeMode,
) -> Result<Option<WorkspaceFolder>, FolderError> {
    let fail = |path: &Path, reason: String| FolderError {
        path: path.to_owned(),
        reason,
    };
    let link = match fs::symlink_metadata(&path) {
        Ok(link) => link,
        // Removed since the listing: nothing to report.
        Err(e) if is_absent(&e) => return Ok(None),
        Err(e) => return Err(fail(&path, e.to_string())),
    };
    let via_symlink = link.file_type().is_symlink();
    if via_symlink {
        match fs::metadata(&path) {
            Ok(target) if target.is_dir() => {}
            Ok(_) => return Ok(None),
            // Dangling or looping: not a directory to ALwrity either.
            Err(e) if is_absent(&e) => return Ok(None),
            Err(e) => return Err(fail(&path, e.to_string())),
        }
    } else if !link.is_dir() {
        return Ok(None);
    }
    let Some(suffix) = name.to_str().and_then(|n| n.strip_prefix(FOLDER_PREFIX)) else {
        let reason = "name is not valid UTF-8; ALwrity routes no user id to it".to_owned();
        return Err(fail(&path, reason));
    };
    let lookup = probe_db(&path, suffix, mode);
    Ok(Some(WorkspaceFolder {
        suffix: suffix.to_owned(),
        path,
        via_symlink,
        lookup,
    }))
}

/// Whether `path` is a directory (symlinks followed); an error other than "not there".
fn is_dir(path: &Path) -> Result<bool, LayoutError> {
    match fs::metadata(path) {
        Ok(meta) => Ok(meta.is_dir()),
        Err(e) if is_absent(&e) => Ok(false),
        Err(e) => Err(LayoutError::Io {
            path: path.to_owned(),
            reason: e.to_string(),
        }),
    }
}
