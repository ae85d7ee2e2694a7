//! [`WorkspaceStore`]: an ALwrity HEAD workspace — one SQLite file per user — as one
//! [`Store`]. Each file is opened as the store of one database ALwrity made (the ALwrity
//! store, which keeps ALwrity's columns in ALwrity's meaning); this type only finds files
//! and hands calls to them:
//!
//! - a user-scoped call routes the user id to its folder by ALwrity's sanitisation, finds the
//!   file in ALwrity's order (a `stat` or two, no scan), and resolves the stored id inside it:
//!   the exact id first, else the one id that sanitises alike (ALwrity's fallback); two such
//!   ids are an error naming both, never a guess. Only that file is opened.
//! - a call across users (`list_sessions`, `list_user_ids`, `count_sessions`) reads every
//!   file once, read-only, a few at a time on worker threads ([`super::scan`]). A file that
//!   cannot be read is skipped and kept in [`WorkspaceStore::take_skipped`] for the command
//!   to report; the rows of the others are still right. A session whose id does not route to
//!   the folder it sits in (ALwrity never reads it there) is not listed; `db status` names it.
//! - writes take one file's write lock at a time: a transaction is one user's, in that
//!   user's file ([`TxScope::All`] takes no lock: every file commits on its own).
//! - nothing is created, renamed or moved while reading. `create_session` of a new user
//!   creates `workspace_<sid>/db/alwrity_<sid>.db` with ALwrity's onboarding tables and
//!   nothing else; `save_bundle` of a new user (import, `db copy`) also attaches it, since a
//!   whole user carries onboardctl's own record.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::candidates::DbState;
use super::layout::{LayoutError, WorkspaceRoot};
use super::routing::{self, Resolution};
use super::sanitize::sanitize_user_id;
use super::scan::{each_file, Visit};
use crate::domain::alwrity::{ContextFile, Era, EraGuess};
use crate::domain::{
    ApiKey, Onboarding, PersonaData, ProviderName, ResearchPreferences, Secret, Timestamp,
    UserBundle, UserId, WebsiteAnalysis,
};
use crate::store::alwrity::{AttachPlan, Flavour, RepairPlan};
use crate::store::{
    Backend, CopyProgress, Deletion, MigrationInfo, OpenOptions, QuarantinedKey, SchemaState,
    SessionQuery, SessionSummary, Store, StoreError, StoreResult, StrayKey, TxScope,
};

/// A file an across-files call could not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedFile {
    /// The file (or folder).
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// One user's file, open for the calls of one command.
struct OpenFile {
    path: PathBuf,
    store: Box<dyn Store>,
    /// The last query resolved in it: (as asked, as stored).
    resolved: Option<(UserId, UserId)>,
}

/// The workspace as one store (module docs).
pub struct WorkspaceStore {
    root: WorkspaceRoot,
    opts: OpenOptions,
    current: Option<OpenFile>,
    in_tx: bool,
    /// The open write transaction holds the current file's write lock.
    file_tx: bool,
    /// Every user id and its file, bytewise by id, read once for paging.
    index: Option<Vec<(UserId, PathBuf)>>,
    skipped: Vec<SkippedFile>,
    /// A copy's progress, written to the workspace's progress file when the user's file
    /// commits.
    pending_progress: Option<CopyProgress>,
    /// Attach the files `create_session` creates ([`WorkspaceStore::attach_new_files`]).
    attach_created: bool,
    /// The rows behind the ids [`Store::stray_keys`] and [`Store::quarantined_keys`] last
    /// handed out: id `n` is entry `n`, (file, the row's id in it).
    strays: RowMap<StrayRow>,
    quarantine: RowMap<i64>,
}

/// Workspace-wide row ids: entry `n` is the (file, row) behind id `n`.
type RowMap<R> = Vec<(PathBuf, R)>;

/// A key row [`Store::stray_keys`] of a workspace lists: a file's own stray row (by id), or
/// the key of a session in a file whose id routes to another folder (ALwrity never reads
/// it there), by owner and provider.
#[derive(Debug, Clone)]
enum StrayRow {
    Row(i64),
    Foreign(UserId, ProviderName),
}

/// The file `db copy` into a workspace keeps its progress in, in the workspace folder
/// (ALwrity reads only the `workspace_*` entries there).
const COPY_PROGRESS_FILE: &str = ".onboardctl-copy-progress.json";

fn layout_error(e: LayoutError) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

impl WorkspaceStore {
    /// The workspace at `path` (the ALwrity root holding `workspace/`, or that folder).
    pub fn open(path: &Path, opts: &OpenOptions) -> StoreResult<WorkspaceStore> {
        let root = WorkspaceRoot::detect(path).map_err(|e| match e {
            LayoutError::NotADirectory(p) => StoreError::Unavailable(format!(
                "workspace `{}` is not a directory (an ALwrity root holding `workspace/`, or \
                 that folder itself)",
                p.display()
            )),
            other => layout_error(other),
        })?;
        Ok(WorkspaceStore {
            root,
            opts: opts.clone(),
            current: None,
            in_tx: false,
            file_tx: false,
            index: None,
            skipped: Vec::new(),
            pending_progress: None,
            attach_created: false,
            strays: Vec::new(),
            quarantine: Vec::new(),
        })
    }

    /// Whether `create_session` attaches the file it creates for a new user (adds
    /// onboardctl's own tables, as `db migrate` would), for a program that keeps onboardctl's
    /// full record of every user it creates. Off by default: the CLI's `session create`
    /// begins a file exactly as ALwrity does. (`save_bundle` always attaches a file it
    /// creates: a whole user carries onboardctl's record.)
    pub fn attach_new_files(mut self, attach: bool) -> WorkspaceStore {
        self.attach_created = attach;
        self
    }

    /// The workspace folder and how the path given was read.
    pub fn root(&self) -> &WorkspaceRoot {
        &self.root
    }

    /// The options files are opened with.
    pub(crate) fn options(&self) -> &OpenOptions {
        &self.opts
    }

    /// Records files an across-files call skipped.
    pub(crate) fn record_skipped(&mut self, files: Vec<SkippedFile>) {
        self.skipped.extend(files);
    }

    /// Files the last across-files calls skipped, taken (the list is emptied).
    pub fn take_skipped(&mut self) -> Vec<SkippedFile> {
        std::mem::take(&mut self.skipped)
    }

    /// Opens one file of the workspace as its own store, `read_only` or as the command
    /// opens files.
    pub(crate) fn open_file(&self, path: &Path, read_only: bool) -> StoreResult<Box<dyn Store>> {
        open_file(&self.opts, path, read_only)
    }

    /// The file ALwrity would use for `user`, if there is one. A `stat` or two.
    fn file_of(&self, user: &UserId) -> StoreResult<Option<PathBuf>> {
        let route = routing::route(&self.root, user.as_str()).map_err(layout_error)?;
        match route.lookup.state() {
            DbState::Found(c) => Ok(Some(c.path.clone())),
            DbState::Missing => Ok(None),
            DbState::Unknown(c) => Err(StoreError::Unavailable(format!(
                "cannot look at `{}`",
                c.path.display()
            ))),
        }
    }

    /// The open store of `path`, opening it (and closing the previous one) when needed.
    fn file(&mut self, path: &Path) -> StoreResult<&mut OpenFile> {
        if self.current.as_ref().is_none_or(|c| c.path != path) {
            if self.file_tx {
                return Err(StoreError::Backend(
                    "a workspace transaction spans one user's file".into(),
                ));
            }
            let store = self.open_file(path, false)?;
            self.current = Some(OpenFile {
                path: path.to_owned(),
                store,
                resolved: None,
            });
        }
        Ok(self.current.as_mut().expect("just opened"))
    }

    /// Runs `f` on `user`'s file with the id as stored there; `missing` answers when the user
    /// has no file or no session in it.
    fn with_user<T>(
        &mut self,
        user: &UserId,
        missing: impl FnOnce() -> StoreResult<T>,
        f: impl FnOnce(&mut dyn Store, &UserId) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let Some(path) = self.file_of(user)? else {
            return missing();
        };
        let open = self.file(&path)?;
        let Some(stored) = resolve(open, user)? else {
            return missing();
        };
        f(open.store.as_mut(), &stored)
    }

    /// Runs `f` on the file of `user`, creating the file first when there is none (as
    /// ALwrity begins one); `attach` also attaches a file created here.
    fn with_file_for_new<T>(
        &mut self,
        user: &UserId,
        attach: bool,
        f: impl FnOnce(&mut dyn Store, &UserId) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let path = match self.file_of(user)? {
            Some(path) => path,
            None => {
                let path = self.root.new_user_db_path(user.as_str()).map_err(|e| {
                    StoreError::Conflict(format!("{e}; ALwrity has no folder for it"))
                })?;
                crate::store::sqlite::alwrity::create_head_file(&path)?;
                if attach {
                    self.open_file(&path, false)?.migrate()?;
                }
                self.index = None;
                path
            }
        };
        let open = self.file(&path)?;
        let stored = resolve(open, user)?.unwrap_or_else(|| user.clone());
        f(open.store.as_mut(), &stored)
    }

    /// Runs `work` on every file, read-only, skipping (and recording) the files it fails on.
    fn across<T: Send>(
        &mut self,
        work: impl Fn(&str, &Path, &mut dyn Store) -> StoreResult<T> + Sync,
        mut sink: impl FnMut(T),
    ) -> StoreResult<()> {
        let opts = &self.opts;
        let mut skipped = Vec::new();
        each_file(
            &self.root,
            |suffix, path| {
                open_file(opts, path, true).and_then(|mut store| work(suffix, path, store.as_mut()))
            },
            |visit| match visit {
                Visit::File { value: Ok(v), .. } => sink(v),
                Visit::File {
                    path,
                    value: Err(e),
                    ..
                } => skipped.push(SkippedFile {
                    path,
                    reason: e.to_string(),
                }),
                Visit::NoFile { .. } => {}
                Visit::Unreadable { path, reason, .. } => {
                    skipped.push(SkippedFile { path, reason })
                }
            },
        )
        .map_err(layout_error)?;
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        self.skipped.extend(skipped);
        Ok(())
    }

    /// Every user id of the workspace with its file, bytewise by id (read once).
    fn index(&mut self) -> StoreResult<&[(UserId, PathBuf)]> {
        if self.index.is_none() {
            let mut all: Vec<(UserId, PathBuf)> = Vec::new();
            let opts = &self.opts;
            let mut skipped = Vec::new();
            each_file(
                &self.root,
                |suffix, path| {
                    let ids = open_file(opts, path, true)
                        .and_then(|mut s| s.list_user_ids(None, u32::MAX))?;
                    Ok::<_, StoreError>(own_ids(suffix, ids))
                },
                |visit| match visit {
                    Visit::File {
                        path,
                        value: Ok(ids),
                        ..
                    } => all.extend(ids.into_iter().map(|id| (id, path.clone()))),
                    Visit::File {
                        path,
                        value: Err(e),
                        ..
                    } => skipped.push(SkippedFile {
                        path,
                        reason: e.to_string(),
                    }),
                    Visit::NoFile { .. } => {}
                    Visit::Unreadable { path, reason, .. } => {
                        skipped.push(SkippedFile { path, reason })
                    }
                },
            )
            .map_err(layout_error)?;
            all.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            skipped.sort_by(|a, b| a.path.cmp(&b.path));
            self.skipped.extend(skipped);
            self.index = Some(all);
        }
        Ok(self.index.as_deref().unwrap_or_default())
    }

    /// `read` of every file, one file after another, with the id each row has in its file
    /// replaced by a workspace-wide one (its index in the returned map of (file, row id)).
    fn rows_of_files<T, R>(
        &mut self,
        read: impl Fn(&str, &mut dyn Store) -> StoreResult<Vec<(T, R)>> + Sync,
        id_of: impl Fn(&mut T) -> &mut i64,
    ) -> StoreResult<(Vec<T>, RowMap<R>)>
    where
        T: Send,
        R: Send,
    {
        let mut found: Vec<(PathBuf, Vec<(T, R)>)> = Vec::new();
        self.across(
            |suffix, path, store| Ok((path.to_owned(), read(suffix, store)?)),
            |rows| found.push(rows),
        )?;
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let (mut out, mut map) = (Vec::new(), Vec::new());
        for (path, rows) in found {
            for (mut row, behind) in rows {
                map.push((path.clone(), behind));
                *id_of(&mut row) = i64::try_from(map.len() - 1).unwrap_or(i64::MAX);
                out.push(row);
            }
        }
        Ok((out, map))
    }

    /// The (file, row) behind a workspace-wide id handed out last.
    fn row_behind<R: Clone>(
        map: &[(PathBuf, R)],
        id: i64,
        what: &str,
    ) -> StoreResult<(PathBuf, R)> {
        usize::try_from(id)
            .ok()
            .and_then(|i| map.get(i))
            .cloned()
            .ok_or_else(|| StoreError::Backend(format!("{what} {id} was not listed")))
    }

    fn progress_path(&self) -> PathBuf {
        self.root.dir().join(COPY_PROGRESS_FILE)
    }

    /// Writes a copy's progress file (temp file, fsync, rename: whole or not at all).
    fn write_progress(&self, progress: &CopyProgress) -> StoreResult<()> {
        let path = self.progress_path();
        let mut all = read_progress_file(&path)?;
        all.retain(|p| p.source != progress.source);
        all.push(progress.clone());
        let json: Vec<ProgressEntry> = all.iter().map(ProgressEntry::from).collect();
        let text =
            serde_json::to_vec_pretty(&json).map_err(|e| StoreError::Backend(e.to_string()))?;
        let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
        let fail = |e: std::io::Error| {
            StoreError::Unavailable(format!("cannot write `{}`: {e}", path.display()))
        };
        (|| {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&text)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        })()
        .map_err(fail)
    }
}

/// Opens one file of a workspace as its own store (read-only when `read_only` or when the
/// command only reads).
fn open_file(opts: &OpenOptions, path: &Path, read_only: bool) -> StoreResult<Box<dyn Store>> {
    let opts = OpenOptions {
        create: false,
        auto_migrate: false,
        read_only: read_only || opts.read_only,
        ..opts.clone()
    };
    crate::store::sqlite::open_store(path, &opts)
}

/// The stored id `user` means in `open`'s file (cached for the next call of the command).
fn resolve(open: &mut OpenFile, user: &UserId) -> StoreResult<Option<UserId>> {
    if let Some((asked, stored)) = &open.resolved {
        if asked == user {
            return Ok(Some(stored.clone()));
        }
    }
    let ids = open.store.list_user_ids(None, u32::MAX)?;
    let names: Vec<String> = ids.iter().map(|id| id.as_str().to_owned()).collect();
    let stored = match routing::resolve(user.as_str(), &names) {
        Resolution::Exact(_) => user.clone(),
        Resolution::Fallback(id) => UserId::stored(id),
        Resolution::Ambiguous(found) => {
            return Err(StoreError::Conflict(format!(
                "user id `{user}` is not stored as such in `{}`, and several stored ids \
                 sanitise like it: {}; name one of them exactly",
                open.path.display(),
                found.join(", ")
            )))
        }
        Resolution::None => return Ok(None),
    };
    open.resolved = Some((user.clone(), stored.clone()));
    Ok(Some(stored))
}

/// The ids of a file that route to its own folder (`workspace_<suffix>`): ALwrity reads the
/// others' rows elsewhere, so they are not users of this file.
fn own_ids(suffix: &str, ids: Vec<UserId>) -> Vec<UserId> {
    ids.into_iter()
        .filter(|id| sanitize_user_id(id.as_str()) == suffix)
        .collect()
}

/// One copy's progress in the workspace's progress file.
#[derive(Serialize, serde::Deserialize)]
struct ProgressEntry {
    source: String,
    last_user: Option<String>,
    #[serde(with = "crate::domain::wire::time_req")]
    started_at: Timestamp,
    #[serde(with = "crate::domain::wire::time_req")]
    updated_at: Timestamp,
    #[serde(with = "crate::domain::wire::time_opt")]
    finished_at: Option<Timestamp>,
}

impl From<&CopyProgress> for ProgressEntry {
    fn from(p: &CopyProgress) -> ProgressEntry {
        ProgressEntry {
            source: p.source.clone(),
            last_user: p.last_user.as_ref().map(|u| u.as_str().to_owned()),
            started_at: p.started_at,
            updated_at: p.updated_at,
            finished_at: p.finished_at,
        }
    }
}

fn read_progress_file(path: &Path) -> StoreResult<Vec<CopyProgress>> {
    let text = match std::fs::read(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Unavailable(format!(
                "cannot read `{}`: {e}",
                path.display()
            )))
        }
    };
    let list: Vec<ProgressEntry> = serde_json::from_slice(&text).map_err(|e| {
        StoreError::Backend(format!(
            "`{}` is not a copy progress file: {e}",
            path.display()
        ))
    })?;
    Ok(list
        .into_iter()
        .map(|e| CopyProgress {
            source: e.source,
            last_user: e.last_user.map(UserId::stored),
            started_at: e.started_at,
            updated_at: e.updated_at,
            finished_at: e.finished_at,
        })
        .collect())
}

impl Store for WorkspaceStore {
    fn backend(&self) -> Backend {
        Backend::Workspace
    }

    fn location(&self) -> String {
        format!("workspace:{}", self.root.dir().display())
    }

    /// A workspace has no schema of its own: each file is attached by `db migrate`.
    fn schema_state(&mut self) -> StoreResult<SchemaState> {
        Ok(SchemaState {
            applied: Vec::new(),
            pending: Vec::new(),
        })
    }

    /// Attaches every file that is not yet (see [`WorkspaceStore::migrate_files`]); the
    /// first failure is returned after the others were done.
    fn migrate(&mut self) -> StoreResult<Vec<MigrationInfo>> {
        if self.in_tx {
            return Err(StoreError::Backend(
                "a migration cannot run inside a write transaction".into(),
            ));
        }
        let report = self.migrate_files(false, &mut |_, _| {})?;
        match report.failed.first() {
            Some(f) => Err(StoreError::Unavailable(format!(
                "`{}`: {}",
                f.path.display(),
                f.reason
            ))),
            None => Ok(Vec::new()),
        }
    }

    fn flavour(&self) -> Flavour {
        Flavour::Alwrity {
            era: EraGuess {
                era: Era::Head,
                reason: "an ALwrity HEAD workspace (one file per user)".to_owned(),
            },
            attached: false,
        }
    }

    /// Per file: `db migrate` on a workspace plans and reports file by file.
    fn attach_plan(&mut self) -> StoreResult<Option<AttachPlan>> {
        Ok(None)
    }

    /// Per file, as [`Store::attach_plan`].
    fn repair_plan(&mut self) -> StoreResult<Option<RepairPlan>> {
        Ok(None)
    }

    fn repair(&mut self) -> StoreResult<Option<RepairPlan>> {
        Ok(None)
    }

    fn begin_write(&mut self, scope: TxScope<'_>) -> StoreResult<()> {
        if self.in_tx {
            return Err(StoreError::Backend(
                "a write transaction is already open".into(),
            ));
        }
        if let TxScope::Users(_) = scope {
            return Err(StoreError::Backend(
                "a workspace transaction spans one user's file".into(),
            ));
        }
        if let TxScope::User(user) = scope {
            let path = match self.file_of(user)? {
                Some(path) => path,
                // A user without a file yet: the call that creates it runs on its own.
                None => {
                    self.in_tx = true;
                    return Ok(());
                }
            };
            let open = self.file(&path)?;
            let stored = resolve(open, user)?.unwrap_or_else(|| user.clone());
            open.store.begin_write(TxScope::User(&stored))?;
            self.file_tx = true;
        }
        self.in_tx = true;
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if !self.in_tx {
            return Err(StoreError::Backend("no write transaction is open".into()));
        }
        self.in_tx = false;
        if std::mem::take(&mut self.file_tx) {
            if let Some(open) = self.current.as_mut() {
                open.store.commit()?;
            }
        }
        if let Some(progress) = self.pending_progress.take() {
            self.write_progress(&progress)?;
        }
        Ok(())
    }

    fn rollback(&mut self) -> StoreResult<()> {
        self.in_tx = false;
        self.pending_progress = None;
        match (std::mem::take(&mut self.file_tx), self.current.as_mut()) {
            (true, Some(open)) => open.store.rollback(),
            _ => Ok(()),
        }
    }

    fn create_session(&mut self, user: &UserId, now: Timestamp) -> StoreResult<(Onboarding, bool)> {
        let attach = self.attach_created;
        self.with_file_for_new(user, attach, |s, u| s.create_session(u, now))
    }

    fn load_onboarding(&mut self, user: &UserId) -> StoreResult<Option<Onboarding>> {
        self.with_user(user, || Ok(None), |s, u| s.load_onboarding(u))
    }

    fn save_onboarding(&mut self, state: &Onboarding) -> StoreResult<()> {
        let user = state.session.user_id.clone();
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(&user, missing, |s, _| s.save_onboarding(state))
    }

    fn reset_onboarding(&mut self, state: &Onboarding, purge: bool) -> StoreResult<()> {
        let user = state.session.user_id.clone();
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(&user, missing, |s, _| s.reset_onboarding(state, purge))
    }

    fn list_sessions(&mut self, query: &SessionQuery) -> StoreResult<Vec<SessionSummary>> {
        query.check()?;
        let order =
            |a: &SessionSummary, b: &SessionSummary| query.sort.compare(&a.session, &b.session);
        let keep = usize::try_from(query.offset.saturating_add(query.limit)).unwrap_or(usize::MAX);
        let per_file = SessionQuery {
            limit: query.offset.saturating_add(query.limit),
            offset: 0,
            ..query.clone()
        };
        let mut best: Vec<SessionSummary> = Vec::new();
        self.across(
            |suffix, _, store| {
                let rows = store.list_sessions(&per_file)?;
                Ok(rows
                    .into_iter()
                    .filter(|r| sanitize_user_id(r.session.user_id.as_str()) == suffix)
                    .collect::<Vec<_>>())
            },
            |rows| {
                best.extend(rows);
                // Bounded: keep the best `keep` whenever twice that many piled up.
                if best.len() > keep.saturating_mul(2).max(64) {
                    best.sort_by(order);
                    best.truncate(keep);
                }
            },
        )?;
        best.sort_by(order);
        let offset = usize::try_from(query.offset).unwrap_or(usize::MAX);
        let limit = usize::try_from(query.limit).unwrap_or(usize::MAX);
        Ok(best.into_iter().skip(offset).take(limit).collect())
    }

    /// Per file, the rows that file's store lists for the filters (only the users the file
    /// routes, as [`Store::list_sessions`] keeps), counted and summed: memory stays one
    /// file's list.
    fn count_matching_sessions(&mut self, query: &SessionQuery) -> StoreResult<u64> {
        let per_file = query.unpaged();
        let mut total = 0u64;
        self.across(
            |suffix, _, store| {
                let rows = store.list_sessions(&per_file)?;
                Ok(rows
                    .iter()
                    .filter(|r| sanitize_user_id(r.session.user_id.as_str()) == suffix)
                    .count())
            },
            |n| total += u64::try_from(n).unwrap_or(u64::MAX),
        )?;
        Ok(total)
    }

    fn delete_session(&mut self, user: &UserId) -> StoreResult<bool> {
        let deleted = self.with_user(user, || Ok(false), |s, u| s.delete_session(u))?;
        self.index = None;
        Ok(deleted)
    }

    fn deletion(&mut self, user: &UserId) -> StoreResult<Option<Deletion>> {
        self.with_user(user, || Ok(None), |s, u| s.deletion(u))
    }

    fn context_files(&mut self, user: &UserId) -> StoreResult<Vec<ContextFile>> {
        self.with_user(user, || Ok(Vec::new()), |s, u| s.context_files(u))
    }

    fn put_api_key(&mut self, user: &UserId, key: &ApiKey) -> StoreResult<()> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.put_api_key(u, key))
    }

    fn get_api_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
    ) -> StoreResult<Option<ApiKey>> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.get_api_key(u, provider))
    }

    fn list_api_keys(&mut self, user: &UserId) -> StoreResult<Vec<ApiKey>> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.list_api_keys(u))
    }

    fn delete_api_key(&mut self, user: &UserId, provider: &ProviderName) -> StoreResult<bool> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.delete_api_key(u, provider))
    }

    fn put_website_analysis(
        &mut self,
        user: &UserId,
        analysis: &WebsiteAnalysis,
    ) -> StoreResult<()> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.put_website_analysis(u, analysis))
    }

    fn get_website_analysis(&mut self, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.get_website_analysis(u))
    }

    fn put_research_preferences(
        &mut self,
        user: &UserId,
        prefs: &ResearchPreferences,
    ) -> StoreResult<()> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.put_research_preferences(u, prefs))
    }

    fn get_research_preferences(
        &mut self,
        user: &UserId,
    ) -> StoreResult<Option<ResearchPreferences>> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.get_research_preferences(u))
    }

    fn put_persona_data(&mut self, user: &UserId, persona: &PersonaData) -> StoreResult<()> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.put_persona_data(u, persona))
    }

    fn get_persona_data(&mut self, user: &UserId) -> StoreResult<Option<PersonaData>> {
        let missing = || Err(StoreError::NoSession(user.clone()));
        self.with_user(user, missing, |s, u| s.get_persona_data(u))
    }

    fn load_bundle(&mut self, user: &UserId) -> StoreResult<Option<UserBundle>> {
        self.with_user(user, || Ok(None), |s, u| s.load_bundle(u))
    }

    fn save_bundle(&mut self, bundle: &UserBundle) -> StoreResult<()> {
        let user = bundle.user_id().clone();
        self.with_file_for_new(&user, true, |s, _| s.save_bundle(bundle))
    }

    fn list_user_ids(&mut self, after: Option<&UserId>, limit: u32) -> StoreResult<Vec<UserId>> {
        let index = self.index()?;
        let start = match after {
            Some(a) => index.partition_point(|(id, _)| id.as_str() <= a.as_str()),
            None => 0,
        };
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(index[start..]
            .iter()
            .take(limit)
            .map(|(id, _)| id.clone())
            .collect())
    }

    fn report_partial(
        &mut self,
        query: &crate::domain::report::ReportQuery,
    ) -> StoreResult<crate::domain::report::ReportPartial> {
        // Each file counts the users it holds for its folder (as `list_sessions` keeps
        // them); the partials merge as they stream in.
        let mut total = crate::domain::report::ReportPartial::default();
        self.across(
            |suffix, _, store| {
                let mut users = own_ids(suffix, store.list_user_ids(None, u32::MAX)?);
                if let Some(wanted) = &query.users {
                    users.retain(|u| wanted.contains(u));
                }
                let per_file = crate::domain::report::ReportQuery {
                    users: Some(users),
                    ..query.clone()
                };
                store.report_partial(&per_file)
            },
            |partial| total.merge(&partial),
        )?;
        Ok(total)
    }

    fn count_sessions(&mut self) -> StoreResult<u64> {
        Ok(self.index()?.len() as u64)
    }

    fn copy_progress(&mut self, source: &str) -> StoreResult<Option<CopyProgress>> {
        Ok(read_progress_file(&self.progress_path())?
            .into_iter()
            .find(|p| p.source == source))
    }

    /// Inside a user's transaction the progress is written once that file commits, so it
    /// never names a user whose file did not.
    fn put_copy_progress(&mut self, progress: &CopyProgress) -> StoreResult<()> {
        if self.in_tx {
            self.pending_progress = Some(progress.clone());
            return Ok(());
        }
        self.write_progress(progress)
    }

    /// Into the file of `entry.user` (the file the change was written to), inside the open
    /// transaction when it is that file's; false without a user, a file or an audit table
    /// (a file onboardctl has not attached).
    fn append_audit(&mut self, entry: &crate::domain::audit::AuditEntry) -> StoreResult<bool> {
        let Some(user) = &entry.user else {
            return Ok(false);
        };
        let Some(path) = self.file_of(user)? else {
            return Ok(false);
        };
        self.file(&path)?.store.append_audit(entry)
    }

    /// The rows of the one file of `query.user`, or of every file (unreadable files are
    /// skipped and reported), merged newest first.
    fn list_audit(
        &mut self,
        query: &crate::domain::audit::AuditQuery,
    ) -> StoreResult<Vec<crate::domain::audit::AuditEntry>> {
        let mut rows = Vec::new();
        if let Some(user) = &query.user {
            if let Some(path) = self.file_of(user)? {
                rows = self.open_file(&path, true)?.list_audit(query)?;
            }
        } else {
            self.across(|_, _, store| store.list_audit(query), |r| rows.extend(r))?;
        }
        rows.sort_by(crate::domain::audit::newest_first);
        rows.truncate(usize::try_from(query.limit).unwrap_or(usize::MAX));
        Ok(rows)
    }

    /// The quarantined keys of every file (read file by file, unreadable files skipped),
    /// each under an id of the workspace's own that [`Store::put_quarantined_key`] maps back
    /// to its file and row.
    fn quarantined_keys(&mut self) -> StoreResult<Vec<QuarantinedKey>> {
        let read = |_: &str, s: &mut dyn Store| {
            Ok(s.quarantined_keys()?
                .into_iter()
                .map(|q| {
                    let id = q.id;
                    (q, id)
                })
                .collect())
        };
        let (rows, map) = self.rows_of_files(read, |q| &mut q.id)?;
        self.quarantine = map;
        Ok(rows)
    }

    fn put_quarantined_key(&mut self, id: i64, value: &Secret) -> StoreResult<()> {
        let (path, row) = Self::row_behind(&self.quarantine, id, "quarantine row")?;
        self.file(&path)?.store.put_quarantined_key(row, value)
    }

    /// The stray key rows of every file, as [`Store::quarantined_keys`]: a file's rows of
    /// users whose id routes to another folder are strays too (ALwrity never reads them).
    fn stray_keys(&mut self) -> StoreResult<Vec<StrayKey>> {
        let read = |suffix: &str, s: &mut dyn Store| {
            let mut rows: Vec<(StrayKey, StrayRow)> = s
                .stray_keys()?
                .into_iter()
                .map(|k| {
                    let id = k.id;
                    (k, StrayRow::Row(id))
                })
                .collect();
            for user in s.list_user_ids(None, u32::MAX)? {
                if sanitize_user_id(user.as_str()) == suffix {
                    continue;
                }
                for key in s.list_api_keys(&user)? {
                    let row = StrayRow::Foreign(user.clone(), key.provider.clone());
                    let stray = StrayKey {
                        id: 0,
                        owner: Some(user.clone()),
                        provider: key.provider.as_str().to_owned(),
                        value: key.value,
                    };
                    rows.push((stray, row));
                }
            }
            Ok(rows)
        };
        let (rows, map) = self.rows_of_files(read, |k| &mut k.id)?;
        self.strays = map;
        Ok(rows)
    }

    /// The SSOT key copies of every file, files in path order.
    fn key_copies(&mut self) -> StoreResult<Vec<crate::store::KeyCopy>> {
        let mut found: Vec<(PathBuf, Vec<crate::store::KeyCopy>)> = Vec::new();
        self.across(
            |_, path, s| Ok((path.to_owned(), s.key_copies()?)),
            |rows| found.push(rows),
        )?;
        found.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(found.into_iter().flat_map(|(_, rows)| rows).collect())
    }

    /// A foreign session's key is replaced in one write transaction of its file, only if it
    /// still is `expected`.
    fn put_stray_key(&mut self, id: i64, expected: &Secret, value: &Secret) -> StoreResult<bool> {
        let (path, row) = Self::row_behind(&self.strays, id, "api_keys row")?;
        let store = &mut self.file(&path)?.store;
        let (user, provider) = match row {
            StrayRow::Row(row) => return store.put_stray_key(row, expected, value),
            StrayRow::Foreign(user, provider) => (user, provider),
        };
        store.begin_write(TxScope::User(&user))?;
        let swapped = (|| {
            let Some(key) = store.get_api_key(&user, &provider)? else {
                return Ok(false);
            };
            if key.value.expose() != expected.expose() {
                return Ok(false);
            }
            store.put_api_key(
                &user,
                &ApiKey {
                    value: value.clone(),
                    ..key
                },
            )?;
            Ok(true)
        })();
        match swapped {
            Ok(done) => store.commit().map(|()| done),
            Err(e) => {
                let _ = store.rollback();
                Err(e)
            }
        }
    }

    /// The file of the last user written.
    fn scrub_freed_storage(&mut self) -> StoreResult<()> {
        match self.current.as_mut() {
            Some(open) => open.store.scrub_freed_storage(),
            None => Ok(()),
        }
    }

    fn as_workspace(&mut self) -> Option<&mut WorkspaceStore> {
        Some(self)
    }
}
