//! The database file of one workspace folder: ALwrity's four candidate paths in its order,
//! and what a read-only look at each found. Nothing here creates, renames or opens anything;
//! ALwrity's own lookup first renames `database/` to `db/` and creates `db/`, which is
//! exactly what a look from outside must not do.

use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// Which of ALwrity's candidate paths a file is at, in ALwrity's order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DbLayout {
    /// `db/alwrity_<x>.db`: where ALwrity creates files today.
    Canonical,
    /// `db/alwrity.db`: the legacy file name in the canonical folder.
    LegacyName,
    /// `database/alwrity_<x>.db`: the canonical name in the legacy folder.
    LegacyFolder,
    /// `database/alwrity.db`: legacy folder and legacy name.
    LegacyFolderLegacyName,
}

impl DbLayout {
    /// Every layout, in the order ALwrity tries them (the first that exists wins).
    pub const ORDER: [DbLayout; 4] = [
        DbLayout::Canonical,
        DbLayout::LegacyName,
        DbLayout::LegacyFolder,
        DbLayout::LegacyFolderLegacyName,
    ];

    /// The candidate's path relative to the folder, for the folder suffix `sid`.
    pub fn relative_path(self, sid: &str) -> PathBuf {
        let (dir, named) = match self {
            DbLayout::Canonical => ("db", true),
            DbLayout::LegacyName => ("db", false),
            DbLayout::LegacyFolder => ("database", true),
            DbLayout::LegacyFolderLegacyName => ("database", false),
        };
        let file = if named {
            format!("alwrity_{sid}.db")
        } else {
            "alwrity.db".to_owned()
        };
        Path::new(dir).join(file)
    }

    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DbLayout::Canonical => "canonical",
            DbLayout::LegacyName => "legacy_name",
            DbLayout::LegacyFolder => "legacy_folder",
            DbLayout::LegacyFolderLegacyName => "legacy_folder_legacy_name",
        }
    }
}

/// What sits at a path that exists (symlinks followed, as ALwrity's `exists()` does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A regular file.
    File,
    /// A directory: ALwrity would still pick it, and then fail to open it.
    Directory,
    /// Anything else (FIFO, socket, device).
    Other,
}

/// The outcome of looking at one candidate path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// Nothing there (also a dangling symlink, a symlink loop, or a parent that is a file:
    /// ALwrity's `exists()` says false in all of these).
    Absent,
    /// Something exists there.
    Present(EntryKind),
    /// The look failed (e.g. permission denied); ALwrity's own `exists()` raises here.
    Failed(String),
}

/// One candidate path and what was found there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Which candidate this is.
    pub layout: DbLayout,
    /// The full path (the folder joined with [`DbLayout::relative_path`]).
    pub path: PathBuf,
    /// What was there.
    pub probe: Probe,
}

/// How far [`probe_db`] looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbeMode {
    /// Stop at the first candidate that exists or cannot be looked at: what routing needs,
    /// usually one `stat`.
    FirstMatch,
    /// Look at all four, so later files that also exist can be reported as shadowed.
    All,
}

/// Where a folder's database file stands, as ALwrity's lookup would decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbState<'a> {
    /// The first existing candidate: the file ALwrity opens.
    Found(&'a Candidate),
    /// No candidate exists: ALwrity would create [`DbLayout::Canonical`] on first open.
    Missing,
    /// A candidate before any existing one could not be looked at, so which file ALwrity
    /// uses is unknown.
    Unknown(&'a Candidate),
}

/// The candidates of one folder that were looked at, in ALwrity's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbLookup {
    /// The candidates looked at: all four with [`ProbeMode::All`], fewer with
    /// [`ProbeMode::FirstMatch`].
    pub candidates: Vec<Candidate>,
}

impl DbLookup {
    /// Which file ALwrity would use: the first candidate that is not [`Probe::Absent`].
    pub fn state(&self) -> DbState<'_> {
        match self.settled().map(|i| &self.candidates[i]) {
            Some(c) if matches!(c.probe, Probe::Present(_)) => DbState::Found(c),
            Some(c) => DbState::Unknown(c),
            None => DbState::Missing,
        }
    }

    /// The file ALwrity would use, when known.
    pub fn used(&self) -> Option<&Candidate> {
        match self.state() {
            DbState::Found(c) => Some(c),
            _ => None,
        }
    }

    /// Candidates that exist after the used one: files ALwrity never opens while the used
    /// one exists. Empty unless probed with [`ProbeMode::All`].
    pub fn shadowed(&self) -> impl Iterator<Item = &Candidate> {
        let after = match self.state() {
            DbState::Found(_) => self.settled().map_or(0, |i| i + 1),
            _ => self.candidates.len(),
        };
        self.candidates[after..]
            .iter()
            .filter(|c| matches!(c.probe, Probe::Present(_)))
    }

    /// Candidates that could not be looked at, wherever they are in the order.
    pub fn failures(&self) -> impl Iterator<Item = (&Candidate, &str)> {
        self.candidates.iter().filter_map(|c| match &c.probe {
            Probe::Failed(reason) => Some((c, reason.as_str())),
            _ => None,
        })
    }

    /// Index of the first candidate that is not absent: where ALwrity's lookup stops.
    fn settled(&self) -> Option<usize> {
        self.candidates
            .iter()
            .position(|c| c.probe != Probe::Absent)
    }
}

/// Looks at the candidate database paths of `folder` (whose suffix is `sid`) in ALwrity's
/// order, without creating, renaming or opening anything: one `stat` per candidate looked at.
pub fn probe_db(folder: &Path, sid: &str, mode: ProbeMode) -> DbLookup {
    let mut candidates = Vec::with_capacity(DbLayout::ORDER.len());
    for layout in DbLayout::ORDER {
        let path = folder.join(layout.relative_path(sid));
        let probe = probe_path(&path);
        let settled = probe != Probe::Absent;
        candidates.push(Candidate {
            layout,
            path,
            probe,
        });
        if settled && mode == ProbeMode::FirstMatch {
            break;
        }
    }
    DbLookup { candidates }
}

/// One `stat` (symlinks followed), read the way Python's `Path.exists()` reads it.
pub(super) fn probe_path(path: &Path) -> Probe {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Probe::Present(EntryKind::File),
        Ok(meta) if meta.is_dir() => Probe::Present(EntryKind::Directory),
        Ok(_) => Probe::Present(EntryKind::Other),
        Err(e) if is_absent(&e) => Probe::Absent,
        Err(e) => Probe::Failed(e.to_string()),
    }
}

/// The errors Python's `exists()`/`is_dir()` swallow as "not there" (ENOENT, ENOTDIR,
/// ELOOP); any other error is raised there, so it is a failure here.
pub(super) fn is_absent(e: &io::Error) -> bool {
    if matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    ) {
        return true;
    }
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return true;
    }
    false
}
