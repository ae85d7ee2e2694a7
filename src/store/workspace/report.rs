//! What `db status` on a workspace reports: [`WorkspaceStatus`], folded from the discovery
//! iterator and the per-file facts the caller supplies. No SQL here: the caller opens each
//! file (read-only) and hands over its session rows, or why it could not.

use std::path::Path;

use serde::Serialize;

use super::candidates::{Candidate, DbLayout, DbState, EntryKind, Probe};
use super::layout::{FolderError, RootKind, WorkspaceFolder, WorkspaceRoot};
use super::routing::{session_facts, SessionFacts, SessionRow};

/// What the caller found when it opened a folder's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFacts {
    /// The file's `onboarding_sessions` rows, as (`user_id`, `updated_at` text), in rowid
    /// order.
    Sessions(Vec<SessionRow>),
    /// The file could not be read; the reason, for the report.
    Unreadable(String),
}

/// Files in use, by layout.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LayoutCounts {
    /// `db/alwrity_<x>.db`.
    pub canonical: u64,
    /// `db/alwrity.db`.
    pub legacy_name: u64,
    /// `database/alwrity_<x>.db`.
    pub legacy_folder: u64,
    /// `database/alwrity.db`.
    pub legacy_folder_legacy_name: u64,
}

impl LayoutCounts {
    fn add(&mut self, layout: DbLayout) {
        *match layout {
            DbLayout::Canonical => &mut self.canonical,
            DbLayout::LegacyName => &mut self.legacy_name,
            DbLayout::LegacyFolder => &mut self.legacy_folder,
            DbLayout::LegacyFolderLegacyName => &mut self.legacy_folder_legacy_name,
        } += 1;
    }
}

/// A path and why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// The path.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// A file that exists where ALwrity never looks while an earlier candidate exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShadowedFile {
    /// The path.
    pub path: String,
    /// Which candidate it is.
    pub layout: DbLayout,
}

/// One folder in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FolderDetail {
    /// The folder's path.
    pub folder: String,
    /// `<x>` of `workspace_<x>`.
    pub suffix: String,
    /// The entry is a symlink to a directory (followed).
    pub via_symlink: bool,
    /// When `<x>` is not in sanitised form: the folder ALwrity reads for this id instead.
    pub alwrity_reads_instead: Option<String>,
    /// The file ALwrity uses, when one exists and could be looked at.
    pub file: Option<String>,
    /// Its layout.
    pub layout: Option<DbLayout>,
    /// Later candidates that also exist.
    pub shadowed: Vec<ShadowedFile>,
    /// What the file's session rows say, when the caller read them.
    pub sessions: Option<SessionFacts>,
}

/// The status of a whole workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkspaceStatus {
    /// The workspace folder.
    pub workspace: String,
    /// Whether the path given was the ALwrity root or the workspace folder.
    pub root_kind: RootKind,
    /// `workspace_<x>` folders found.
    pub folders: u64,
    /// Files in use, by layout.
    pub files_by_layout: LayoutCounts,
    /// Folders where no candidate exists (ALwrity would create one on first use).
    pub folders_without_file: u64,
    /// Files shadowed by an earlier candidate.
    pub shadowed_files: u64,
    /// Files holding sessions of more than one user id.
    pub multi_user_files: u64,
    /// Files holding distinct ids that sanitise alike.
    pub colliding_id_files: u64,
    /// Folders reached through a symlink.
    pub symlinked_folders: u64,
    /// Folders whose `<x>` is not in sanitised form.
    pub unsanitized_folder_names: u64,
    /// Files that could not be looked at or read.
    pub unreadable_files: u64,
    /// Those files, with reasons.
    pub unreadable: Vec<Unreadable>,
    /// Folder entries that could not be looked at, with reasons.
    pub folder_errors: Vec<Unreadable>,
    /// Every folder, in discovery order.
    pub details: Vec<FolderDetail>,
}

/// Builds a [`WorkspaceStatus`] one folder at a time.
#[derive(Debug)]
pub struct StatusBuilder {
    status: WorkspaceStatus,
}

impl StatusBuilder {
    /// An empty report for `root`.
    pub fn new(root: &WorkspaceRoot) -> StatusBuilder {
        StatusBuilder {
            status: WorkspaceStatus {
                workspace: shown(root.dir()),
                root_kind: root.kind(),
                folders: 0,
                files_by_layout: LayoutCounts::default(),
                folders_without_file: 0,
                shadowed_files: 0,
                multi_user_files: 0,
                colliding_id_files: 0,
                symlinked_folders: 0,
                unsanitized_folder_names: 0,
                unreadable_files: 0,
                unreadable: Vec::new(),
                folder_errors: Vec::new(),
                details: Vec::new(),
            },
        }
    }

    /// Adds one folder; `facts` is what the caller read from the folder's file (`None` when
    /// it has none or was not opened).
    pub fn add_folder(&mut self, folder: &WorkspaceFolder, facts: Option<FileFacts>) {
        let s = &mut self.status;
        s.folders += 1;
        s.symlinked_folders += u64::from(folder.via_symlink);
        s.unsanitized_folder_names += u64::from(!folder.name_is_sanitized());
        let mut detail = FolderDetail {
            folder: shown(&folder.path),
            suffix: folder.suffix.clone(),
            via_symlink: folder.via_symlink,
            alwrity_reads_instead: folder.alwrity_reads_instead(),
            file: None,
            layout: None,
            shadowed: Vec::new(),
            sessions: None,
        };
        match folder.lookup.state() {
            DbState::Found(used) => {
                s.files_by_layout.add(used.layout);
                detail.file = Some(shown(&used.path));
                detail.layout = Some(used.layout);
                detail.sessions = self.record_facts(folder, used, facts);
            }
            DbState::Missing => self.status.folders_without_file += 1,
            // Its failure is listed with the others below.
            DbState::Unknown(_) => {}
        }
        let s = &mut self.status;
        for c in folder.lookup.shadowed() {
            s.shadowed_files += 1;
            detail.shadowed.push(ShadowedFile {
                path: shown(&c.path),
                layout: c.layout,
            });
        }
        for (c, reason) in folder.lookup.failures() {
            s.unreadable.push(unreadable(&c.path, reason));
        }
        s.details.push(detail);
    }

    /// Records a folder entry discovery could not read.
    pub fn add_error(&mut self, error: &FolderError) {
        self.status
            .folder_errors
            .push(unreadable(&error.path, &error.reason));
    }

    /// The finished report.
    pub fn finish(mut self) -> WorkspaceStatus {
        self.status.unreadable_files = self.status.unreadable.len() as u64;
        self.status
    }

    /// Session facts of the used file, counting what they show; an unreadable file (or a
    /// used candidate that is not a regular file) is listed instead.
    fn record_facts(
        &mut self,
        folder: &WorkspaceFolder,
        used: &Candidate,
        facts: Option<FileFacts>,
    ) -> Option<SessionFacts> {
        let s = &mut self.status;
        let kind = match used.probe {
            Probe::Present(kind) => kind,
            _ => return None,
        };
        if kind != EntryKind::File {
            let what = match kind {
                EntryKind::Directory => "a directory",
                _ => "not a regular file",
            };
            s.unreadable.push(unreadable(
                &used.path,
                &format!("is {what}; ALwrity picks it anyway"),
            ));
            return None;
        }
        match facts? {
            FileFacts::Unreadable(reason) => {
                s.unreadable.push(unreadable(&used.path, &reason));
                None
            }
            FileFacts::Sessions(rows) => {
                let facts = session_facts(&folder.suffix, &rows);
                s.multi_user_files += u64::from(facts.multi_user);
                s.colliding_id_files += u64::from(!facts.collisions.is_empty());
                Some(facts)
            }
        }
    }
}

/// Folds a discovery listing into a report. `read` is called once per folder whose used
/// file is a regular file, with that file's candidate; it opens the file and returns its
/// facts.
pub fn build_status<I, F>(root: &WorkspaceRoot, folders: I, mut read: F) -> WorkspaceStatus
where
    I: IntoIterator<Item = Result<WorkspaceFolder, FolderError>>,
    F: FnMut(&WorkspaceFolder, &Candidate) -> FileFacts,
{
    let mut builder = StatusBuilder::new(root);
    for item in folders {
        match item {
            Ok(folder) => {
                let facts = folder
                    .lookup
                    .used()
                    .filter(|c| c.probe == Probe::Present(EntryKind::File))
                    .map(|c| read(&folder, c));
                builder.add_folder(&folder, facts);
            }
            Err(e) => builder.add_error(&e),
        }
    }
    builder.finish()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn unreadable(path: &Path, reason: &str) -> Unreadable {
    Unreadable {
        path: shown(path),
        reason: reason.to_owned(),
    }
}
