//! The storage seam: the [`Store`] trait every backend implements, its typed errors, the
//! list query, and [`open`], which picks a backend from a [`DbUrl`].
//!
//! Stores only store. They never validate a step, compute progress or mask a key; the service
//! layer does that and hands them finished records.

pub mod alwrity;
pub mod audit;
pub(crate) mod lists;
pub(crate) mod migrations;
pub mod order;
pub mod postgres;
pub(crate) mod report;
pub mod sqlite;
pub mod workspace;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use crate::config::DbUrl;
use crate::domain::alwrity::ContextFile;
use crate::domain::{
    ApiKey, Onboarding, PersonaData, ProviderName, ResearchPreferences, StepNumber, Timestamp,
    UserBundle, UserId, WebsiteAnalysis,
};
pub use order::{SessionSort, SortKey};

/// What a store call could not do. Each backend maps its driver's codes onto these variants
/// (SQLSTATE 23505 and `SQLITE_CONSTRAINT_UNIQUE` both become [`StoreError::Conflict`]), so the
/// conformance suite asserts the same thing on both.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The user has no session (for user-scoped calls other than `create_session`).
    #[error("no session for user `{0}`")]
    NoSession(UserId),
    /// A uniqueness or foreign-key rule was broken.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The schema is older than this build; `db migrate` fixes it.
    #[error("database schema is out of date ({pending} pending migration(s))")]
    SchemaOutdated {
        /// How many migrations are pending.
        pending: usize,
    },
    /// The database cannot be reached, opened or locked. The message never holds a password.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A write needs onboardctl's own tables (or ALwrity's newer columns) on a database
    /// ALwrity made that onboardctl has not attached (`db migrate`).
    #[error("{0}")]
    NotAttached(String),
    /// Anything else the driver reported.
    #[error("database error: {0}")]
    Backend(String),
}

/// Result of a store call.
pub type StoreResult<T> = Result<T, StoreError>;

/// Which backend a store is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite (rusqlite).
    Sqlite,
    /// PostgreSQL (postgres crate).
    Postgres,
    /// An ALwrity HEAD workspace: one SQLite file per user.
    Workspace,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
            Backend::Workspace => "workspace",
        })
    }
}

/// One versioned migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationInfo {
    /// Version number (same in both dialects).
    pub version: u32,
    /// Name from the file name (`V1__init.sql` → `init`).
    pub name: String,
    /// When it was applied (`None` while pending).
    pub applied_on: Option<String>,
}

/// The schema's state: what is applied and what is pending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaState {
    /// Applied migrations, oldest first.
    pub applied: Vec<MigrationInfo>,
    /// Migrations this build has and the database lacks, oldest first.
    pub pending: Vec<MigrationInfo>,
}

impl SchemaState {
    /// The newest applied version, 0 for an empty database.
    pub fn version(&self) -> u32 {
        self.applied.last().map_or(0, |m| m.version)
    }
}

/// Where a session is in its onboarding, as `session list --status` filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// No step has left `pending` and the session is not completed.
    NotStarted,
    /// At least one step has left `pending`; not completed.
    InProgress,
    /// `completed_at` is set.
    Completed,
}

/// Filters and paging for [`Store::list_sessions`]. Every filter given must hold (AND); an
/// empty `lifecycles` means any.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionQuery {
    /// Keep sessions in any of these lifecycles.
    pub lifecycles: Vec<Lifecycle>,
    /// Keep sessions whose `current_step` is this.
    pub current_step: Option<StepNumber>,
    /// Keep unfinished sessions last updated before this instant.
    pub stalled_since: Option<Timestamp>,
    /// At most this many rows.
    pub limit: u32,
    /// Skip this many rows first.
    pub offset: u32,
    /// Keyset paging: only rows after this one in the list's order (newest `updated_at`
    /// first, then user id bytewise), given as (its `updated_at`, its user id). Only with
    /// the default [`SessionQuery::sort`]; with another a store refuses the query.
    pub after: Option<(Timestamp, UserId)>,
    /// The list's order (see [`order`]): by default newest `updated_at` first.
    pub sort: SessionSort,
    /// Keep users whose id contains this text, ASCII letters case-insensitively; `%`, `_`
    /// and `\` are literal (see [`order`]).
    pub user_like: Option<String>,
}

impl Default for SessionQuery {
    /// Every session, in the default order.
    fn default() -> SessionQuery {
        SessionQuery {
            lifecycles: Vec::new(),
            current_step: None,
            stalled_since: None,
            limit: u32::MAX,
            offset: 0,
            after: None,
            sort: SessionSort::default(),
            user_like: None,
        }
    }
}

impl SessionQuery {
    /// Refuses a keyset cursor with an order other than the default (the cursor names a
    /// place in the default order only).
    pub fn check(&self) -> StoreResult<()> {
        if self.after.is_some() && self.sort != SessionSort::default() {
            return Err(StoreError::Backend(
                "a keyset cursor (`after`) pages the default order only".to_owned(),
            ));
        }
        Ok(())
    }

    /// The `LIKE` pattern of [`SessionQuery::user_like`], if any ([`order::like_pattern`]).
    pub fn like_pattern(&self) -> Option<String> {
        self.user_like.as_deref().map(order::like_pattern)
    }

    /// The same filters, every row: no limit, offset or cursor (for counting).
    pub fn unpaged(&self) -> SessionQuery {
        SessionQuery {
            limit: u32::MAX,
            offset: 0,
            after: None,
            ..self.clone()
        }
    }

    /// Whether a row with this `updated_at` and user id comes after [`SessionQuery::after`].
    pub fn is_after(&self, updated_at: Timestamp, user: &UserId) -> bool {
        self.after.as_ref().is_none_or(|(t, u)| {
            updated_at < *t || (updated_at == *t && user.as_str() > u.as_str())
        })
    }
}

/// One row of [`Store::list_sessions`].
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    /// The session.
    pub session: crate::domain::Session,
    /// Its lifecycle, by the same definition the filter uses.
    pub lifecycle: Lifecycle,
}

/// Where a `db copy` from one source into this database stands, recorded in the target in
/// the same transaction as each user it writes, so an interrupted copy resumes after the last
/// user written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyProgress {
    /// The source database, by its redacted location.
    pub source: String,
    /// The last user written (copies run in ascending id order); `None` before the first.
    pub last_user: Option<UserId>,
    /// When the copy first started.
    pub started_at: Timestamp,
    /// Last change to this record.
    pub updated_at: Timestamp,
    /// When the copy finished; `None` while it is unfinished.
    pub finished_at: Option<Timestamp>,
}

/// A key value held inside the quarantine table: the `api_keys` row `db repair` (or an
/// earlier onboardctl's rewrite of an ALwrity database) moved aside, kept whole as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarantinedKey {
    /// The quarantine row's id.
    pub id: i64,
    /// The provider the row named (empty when it named none).
    pub provider: String,
    /// The value as held there (plaintext or sealed).
    pub value: crate::domain::Secret,
}

/// An `api_keys` row the per-user key calls do not reach: on a database ALwrity made, a
/// second row of a (session, provider), a row of a user's later session row, or a row
/// without a session (ALwrity's own readers use none of them, but each holds a key).
#[derive(Debug, Clone, PartialEq)]
pub struct StrayKey {
    /// The row's id.
    pub id: i64,
    /// The user of the session it points at, if that session exists.
    pub owner: Option<UserId>,
    /// The provider it names.
    pub provider: String,
    /// Its value (plaintext or sealed).
    pub value: crate::domain::Secret,
}

/// A key value in ALwrity HEAD's second key store, the SSOT cache
/// `onboarding_data_integrations.api_keys_data` (its `api_keys` list): a plaintext copy ALwrity
/// keeps beside `api_keys`, which `key set|delete` keep in step.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyCopy {
    /// The user the copy belongs to (its row's `user_id`).
    pub owner: UserId,
    /// The provider the copy names.
    pub provider: String,
    /// The value it holds.
    pub value: crate::domain::Secret,
}

/// What a write transaction ([`Store::begin_write`]) covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxScope<'a> {
    /// One user's data: the transaction locks that user (their session row where it exists)
    /// against every other onboardctl writer.
    User(&'a UserId),
    /// The whole database, without user locks (each file of a workspace commits alone).
    All,
    /// Several users at once, each locked as [`TxScope::User`] locks one (in a fixed order,
    /// so two such transactions never deadlock): a batch of `import` or `db copy`. Only on
    /// stores whose [`Store::batch_users`] is above 1.
    Users(&'a [UserId]),
}

/// The rows a [`Store::scan_sessions`] scan hands over, collected: how a backend that
/// streams its list answers [`Store::list_sessions`].
pub(crate) fn collect_scan(
    scan: impl FnOnce(&mut dyn FnMut(SessionSummary) -> bool) -> StoreResult<()>,
) -> StoreResult<Vec<SessionSummary>> {
    let mut out = Vec::new();
    scan(&mut |row| {
        out.push(row);
        true
    })?;
    Ok(out)
}

/// Runs `f` inside one write transaction of `store` ([`Store::begin_write`]): committed when
/// `f` returns `Ok`, rolled back when it returns `Err` (the error is returned as is). This is
/// how a read-modify-write is made atomic: every read `f` makes sees the state no other
/// writer can change until the commit, so no update is lost.
pub fn atomically<T, E: From<StoreError>>(
    store: &mut dyn Store,
    scope: TxScope<'_>,
    f: impl FnOnce(&mut dyn Store) -> Result<T, E>,
) -> Result<T, E> {
    store.begin_write(scope)?;
    match f(store) {
        Ok(value) => {
            store.commit()?;
            Ok(value)
        }
        Err(e) => {
            // The caller's error is the one worth reporting; a failed rollback means the
            // connection is gone, and the transaction with it.
            let _ = store.rollback();
            Err(e)
        }
    }
}

/// Users per transaction of a bulk write on onboardctl's own databases
/// ([`Store::batch_users`]): enough that the commit (a WAL flush) and the locking statement
/// are a small share of the work, few enough that a batch redone user by user after a
/// failure costs little.
pub(crate) const BATCH_USERS: usize = 500;

/// Persistent storage of onboarding data.
///
/// Contract, held by every backend and checked by the conformance suite:
/// - Every method is atomic: it fully applies or changes nothing.
/// - Between [`Store::begin_write`] and [`Store::commit`] every method runs inside that one
///   write transaction, and no other writer (another onboardctl process, or another store on
///   the same database) can change the locked data until it ends: a read-modify-write done
///   there never loses a concurrent update; the other writer waits (busy or lock timeout, then
///   [`StoreError::Unavailable`]). A method that fails inside the transaction may leave it
///   half-applied: the caller must then [`Store::rollback`] (see [`atomically`]).
/// - Every user-scoped method touches only that user's rows.
/// - A user-scoped method other than [`Store::create_session`] returns
///   [`StoreError::NoSession`] when the user has no session, and changes nothing.
/// - `put_*` methods are upserts; on update they keep the row's original `created_at`.
/// - Timestamps go in and come out as UTC, with at least microsecond precision.
/// - The schema must be current before any data method is called (see
///   [`Store::schema_state`]); a backend may return [`StoreError::SchemaOutdated`] otherwise.
pub trait Store {
    /// Which backend this is.
    fn backend(&self) -> Backend;

    /// The database's location with any password replaced by `***`.
    fn location(&self) -> String;

    /// Applied and pending migrations.
    fn schema_state(&mut self) -> StoreResult<SchemaState>;

    /// Applies every pending migration in order, under the backend's migration lock, and
    /// returns those it applied (empty when the schema was current). On a database ALwrity
    /// made this is the attach ([`Store::attach_plan`]): it only adds onboardctl's own tables,
    /// ALwrity's newer nullable columns and non-unique indexes, in one transaction.
    fn migrate(&mut self) -> StoreResult<Vec<MigrationInfo>>;

    /// What the database is: onboardctl's own, or ALwrity's (which era, attached or not).
    fn flavour(&self) -> alwrity::Flavour;

    /// What `migrate` would add to a database ALwrity made, or `None` (onboardctl's own
    /// database, or already attached). Reads only.
    fn attach_plan(&mut self) -> StoreResult<Option<alwrity::AttachPlan>>;

    /// The merge of duplicate session rows `db repair` would do on a database ALwrity made
    /// (`None` on onboardctl's own, whose schema cannot hold duplicates). Reads only.
    fn repair_plan(&mut self) -> StoreResult<Option<alwrity::RepairPlan>>;

    /// Executes [`Store::repair_plan`] in one transaction and returns what it did.
    fn repair(&mut self) -> StoreResult<Option<alwrity::RepairPlan>>;

    /// Opens a write transaction covering `scope` (see the contract above). SQLite takes the
    /// database's write lock up front (`BEGIN IMMEDIATE`); PostgreSQL locks the user's session
    /// row (`SELECT … FOR UPDATE`) and a per-user advisory lock that also covers a user
    /// without a session yet. Nesting is an error ([`StoreError::Backend`]); [`Store::migrate`]
    /// and [`Store::repair`] must not run inside one.
    fn begin_write(&mut self, scope: TxScope<'_>) -> StoreResult<()>;

    /// How many users a bulk write (`import`, `db copy`) may put in one transaction
    /// ([`TxScope::Users`]): 1 where each user is written in a transaction of their own (a
    /// database ALwrity made, a workspace, whose transactions span one file).
    fn batch_users(&self) -> usize {
        1
    }

    /// Commits the transaction [`Store::begin_write`] opened.
    fn commit(&mut self) -> StoreResult<()>;

    /// Rolls back the transaction [`Store::begin_write`] opened; a no-op without one.
    fn rollback(&mut self) -> StoreResult<()>;

    /// Get-or-create: returns the user's onboarding and whether it was created now. A new
    /// session is `Onboarding::new(Session::new(user, now))`.
    fn create_session(&mut self, user: &UserId, now: Timestamp) -> StoreResult<(Onboarding, bool)>;

    /// The user's session and steps, or `None` when there is no session. At most two
    /// statements.
    fn load_onboarding(&mut self, user: &UserId) -> StoreResult<Option<Onboarding>>;

    /// Writes the session row and all six steps of `state` (the user is
    /// `state.session.user_id`). `started_at` is kept as stored.
    fn save_onboarding(&mut self, state: &Onboarding) -> StoreResult<()>;

    /// Like [`Store::save_onboarding`], and with `purge` also deletes the user's API keys,
    /// website analysis, research preferences and persona data, all in one transaction.
    fn reset_onboarding(&mut self, state: &Onboarding, purge: bool) -> StoreResult<()>;

    /// Sessions matching `query`, in `query.sort`'s order ([`order`]: by default newest
    /// `updated_at` first; ties always by user id), `offset` rows skipped, at most `limit`.
    fn list_sessions(&mut self, query: &SessionQuery) -> StoreResult<Vec<SessionSummary>>;

    /// [`Store::list_sessions`], one row at a time: `row` gets each summary in the same
    /// order and returns `false` to stop early. SQLite and PostgreSQL stream the rows of
    /// one statement, so memory does not grow with the number of sessions; the default
    /// collects [`Store::list_sessions`] first (ALwrity's databases, whose reading is
    /// assembled in Rust, and the workspace, which merges files).
    fn scan_sessions(
        &mut self,
        query: &SessionQuery,
        row: &mut dyn FnMut(SessionSummary) -> bool,
    ) -> StoreResult<()> {
        for summary in self.list_sessions(query)? {
            if !row(summary) {
                break;
            }
        }
        Ok(())
    }

    /// How many sessions match `query`'s filters (its limit, offset, cursor and order
    /// aside): the total `session list` names when it stops early. One statement on the
    /// native backends; the default lists the matching rows and counts them.
    fn count_matching_sessions(&mut self, query: &SessionQuery) -> StoreResult<u64> {
        let rows = self.list_sessions(&query.unpaged())?;
        Ok(u64::try_from(rows.len()).unwrap_or(u64::MAX))
    }

    /// Deletes the user's session and, by cascade, all of their data. Returns false when
    /// there was no session (not an error).
    fn delete_session(&mut self, user: &UserId) -> StoreResult<bool>;

    /// What [`Store::delete_session`] would remove for `user`, and what of the user's it
    /// leaves (rows of tables it does not delete from, files beside the database). Reads
    /// only; `None` when there is no session.
    fn deletion(&mut self, user: &UserId) -> StoreResult<Option<Deletion>>;

    /// ALwrity's `agent_context/` documents of `user` beside the database (a HEAD
    /// workspace file); none elsewhere.
    fn context_files(&mut self, user: &UserId) -> StoreResult<Vec<ContextFile>> {
        let _ = user;
        Ok(Vec::new())
    }

    /// Upserts the user's key for `key.provider`.
    fn put_api_key(&mut self, user: &UserId, key: &ApiKey) -> StoreResult<()>;

    /// The user's key for `provider`, or `None`.
    fn get_api_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
    ) -> StoreResult<Option<ApiKey>>;

    /// All of the user's keys, ordered by provider name. One statement.
    fn list_api_keys(&mut self, user: &UserId) -> StoreResult<Vec<ApiKey>>;

    /// Deletes the user's key for `provider`; false when there was none.
    fn delete_api_key(&mut self, user: &UserId, provider: &ProviderName) -> StoreResult<bool>;

    /// Upserts the user's website analysis (every column is written as given).
    fn put_website_analysis(
        &mut self,
        user: &UserId,
        analysis: &WebsiteAnalysis,
    ) -> StoreResult<()>;

    /// The user's website analysis, or `None`.
    fn get_website_analysis(&mut self, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>>;

    /// Upserts the user's research preferences.
    fn put_research_preferences(
        &mut self,
        user: &UserId,
        prefs: &ResearchPreferences,
    ) -> StoreResult<()>;

    /// The user's research preferences, or `None`.
    fn get_research_preferences(
        &mut self,
        user: &UserId,
    ) -> StoreResult<Option<ResearchPreferences>>;

    /// Upserts the user's persona data.
    fn put_persona_data(&mut self, user: &UserId, persona: &PersonaData) -> StoreResult<()>;

    /// The user's persona data, or `None`.
    fn get_persona_data(&mut self, user: &UserId) -> StoreResult<Option<PersonaData>>;

    /// Everything stored for the user (session, steps, keys, analysis, preferences,
    /// persona), or `None` without a session. One consistent snapshot: the reads share one
    /// read transaction. Keys are ordered by provider name, bytewise.
    fn load_bundle(&mut self, user: &UserId) -> StoreResult<Option<UserBundle>>;

    /// [`Store::load_bundle`] of each of `users`, in order, for the bulk commands (a page of
    /// [`Store::list_user_ids`] at a time). A store may read the whole page in one snapshot
    /// and a few statements (PostgreSQL does: one per table instead of seven round trips per
    /// user); the result is the same as loading each user on their own.
    fn load_bundles(&mut self, users: &[UserId]) -> StoreResult<Vec<Option<UserBundle>>> {
        users.iter().map(|u| self.load_bundle(u)).collect()
    }

    /// Makes the stored data of `bundle.user_id()` exactly `bundle`, in one transaction:
    /// creates the session when there is none, else overwrites every session column
    /// (`started_at` included) and all six steps; replaces the user's keys by the bundle's
    /// (a provider the bundle lacks is deleted); writes each present step-data row with every
    /// column as given (`created_at` included) and deletes an absent one. Afterwards
    /// [`Store::load_bundle`] returns `bundle` (keys sorted by provider). Idempotent; other
    /// users are untouched. A provider listed twice is [`StoreError::Conflict`]; any failure
    /// leaves the user's data as it was. Merging (keeping stored rows the bundle lacks) is
    /// the caller's business: it loads, merges and saves the result.
    fn save_bundle(&mut self, bundle: &UserBundle) -> StoreResult<()>;

    /// [`Store::save_bundle`] of each of `bundles` (distinct users), for the bulk commands'
    /// batches, inside the caller's transaction. A store may write them all in one
    /// statement (PostgreSQL does: one plan for the batch instead of one per user); on a
    /// failure the caller rolls the transaction back, so none is written.
    fn save_bundles(&mut self, bundles: &[&UserBundle]) -> StoreResult<()> {
        bundles.iter().try_for_each(|b| self.save_bundle(b))
    }

    /// Up to `limit` user ids that have a session, ascending in bytewise order, strictly
    /// after `after` (`None`: from the first). Keyset paging: pass the last id of a page to
    /// get the next; an empty page is the end. Every stored id is returned as it is
    /// ([`UserId::stored`]), valid as a new id or not: nothing is skipped here. One statement.
    fn list_user_ids(&mut self, after: Option<&UserId>, limit: u32) -> StoreResult<Vec<UserId>>;

    /// How many sessions (users) there are. One statement.
    fn count_sessions(&mut self) -> StoreResult<u64>;

    /// The progress of a `db copy` from `source` into this database, or `None` when none was
    /// started. One statement.
    fn copy_progress(&mut self, source: &str) -> StoreResult<Option<CopyProgress>>;

    /// Records the progress of a `db copy` (insert or replace); inside the caller's write
    /// transaction when one is open, so it commits with the user it describes.
    fn put_copy_progress(&mut self, progress: &CopyProgress) -> StoreResult<()>;

    /// Appends one row to the audit trail, inside the caller's write transaction (so a
    /// rollback of the change drops its row too). Returns false, writing nothing, where the
    /// database has no audit table: a database ALwrity made that `db migrate` has not
    /// attached (or attached before the table existed). On a workspace the row goes to the
    /// file of `entry.user`. One statement.
    fn append_audit(&mut self, entry: &crate::domain::audit::AuditEntry) -> StoreResult<bool>;

    /// [`Store::append_audit`] for the rows of a bulk write's batch, in order; false when
    /// any went unwritten for want of a table. PostgreSQL writes them with one statement;
    /// the default appends them one by one.
    fn append_audits(&mut self, entries: &[crate::domain::audit::AuditEntry]) -> StoreResult<bool> {
        let mut all = true;
        for entry in entries {
            all &= self.append_audit(entry)?;
        }
        Ok(all)
    }

    /// The audit rows `query` selects, newest first (then the later row first), at most
    /// `query.limit`; none where there is no audit table. On a workspace, across every file.
    fn list_audit(
        &mut self,
        query: &crate::domain::audit::AuditQuery,
    ) -> StoreResult<Vec<crate::domain::audit::AuditEntry>>;

    /// Every key value held in the quarantine table, by quarantine id; empty when the
    /// database has none. One statement (two without the table).
    fn quarantined_keys(&mut self) -> StoreResult<Vec<QuarantinedKey>>;

    /// Replaces the key value inside quarantined row `id` (the rest of the row is kept).
    fn put_quarantined_key(&mut self, id: i64, value: &crate::domain::Secret) -> StoreResult<()>;

    /// Every [`StrayKey`], by id; none on onboardctl's own databases (one row per user and
    /// provider, always with its session). One statement.
    fn stray_keys(&mut self) -> StoreResult<Vec<StrayKey>> {
        Ok(Vec::new())
    }

    /// Replaces the value of stray key row `id` if it still holds `expected` (so a value
    /// changed meanwhile is never overwritten); false when it did not.
    fn put_stray_key(
        &mut self,
        id: i64,
        expected: &crate::domain::Secret,
        value: &crate::domain::Secret,
    ) -> StoreResult<bool> {
        let _ = (expected, value);
        Err(StoreError::Backend(format!("no stray key row {id} here")))
    }

    /// The counts of `report` over the sessions `query` selects: onboardctl's reading, and on
    /// a database ALwrity made ALwrity's own too (see `domain::report` for what is counted).
    /// Computed by the database in one aggregate statement per reading (`store::report`);
    /// no row per user is read. A user counts once (on ALwrity's tables: their first
    /// session row, as ALwrity reads it). Reads only.
    fn report_partial(
        &mut self,
        query: &crate::domain::report::ReportQuery,
    ) -> StoreResult<crate::domain::report::ReportPartial>;

    /// Every [`KeyCopy`] in ALwrity's SSOT cache, by row and then by position; none where
    /// the database has no such table (onboardctl's own, a seed-era ALwrity). Reads only.
    fn key_copies(&mut self) -> StoreResult<Vec<KeyCopy>> {
        Ok(Vec::new())
    }

    /// The workspace store, when this is one (its file-by-file operations: `db status`,
    /// `db migrate`, `db repair` across files, and the files a read skipped).
    fn as_workspace(&mut self) -> Option<&mut workspace::WorkspaceStore> {
        None
    }

    /// Overwrites storage that earlier changes freed, so no superseded key value can be read
    /// from free pages or old row versions (SQLite: `secure_delete`, `VACUUM` and a
    /// truncating WAL checkpoint; PostgreSQL: `VACUUM FULL` of the tables that hold keys).
    /// Takes the database's exclusive lock for its duration; not inside a transaction.
    fn scrub_freed_storage(&mut self) -> StoreResult<()>;
}

/// Rows of one table: what `session delete` removes from it, or leaves in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRows {
    /// The table.
    pub table: String,
    /// How many rows.
    pub rows: u64,
}

/// The tables whose rows a [`UserBundle`] carries (`export`, `import`, `db copy`), on every
/// kind of database: ALwrity's onboarding tables and onboardctl's own step records. A user's
/// rows anywhere else stay where they are.
pub const BUNDLE_TABLES: &[&str] = &[
    "onboarding_sessions",
    "onboarding_steps",
    "api_keys",
    "website_analyses",
    "research_preferences",
    "persona_data",
    "competitor_analyses",
    "seo_page_audits",
    "onboardctl_steps",
    "onboardctl_session_state",
];

impl Deletion {
    /// The user's rows a bundle does not carry (of the rows `session delete` would touch):
    /// what a copy of the user leaves behind.
    pub fn not_carried(&self) -> impl Iterator<Item = &TableRows> {
        self.removes
            .iter()
            .filter(|r| r.rows > 0 && !BUNDLE_TABLES.contains(&r.table.as_str()))
            .chain(&self.leaves)
    }
}

/// What `session delete` of one user removes and what it leaves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Deletion {
    /// Rows removed, per table (tables without a row of the user included).
    pub removes: Vec<TableRows>,
    /// Rows of the user in tables it does not delete from (ALwrity's task tables and the
    /// like: ALwrity's own delete keeps them too), only tables holding some.
    pub leaves: Vec<TableRows>,
    /// Files that stay in the user's workspace folder (flat files, config, content),
    /// relative to `folder`.
    pub files_left: Vec<PathBuf>,
    /// More files stay than are listed.
    pub more_files_left: bool,
    /// The user's workspace folder, on a HEAD workspace file.
    pub folder: Option<PathBuf>,
    /// Key values are among the rows removed (a key row, or ALwrity's copy of the keys).
    pub removes_keys: bool,
}

impl Deletion {
    /// Whether key values are among the rows `removes` lists (`api_keys`, and at HEAD the
    /// copy in `onboarding_data_integrations`).
    pub(crate) fn count_keys(mut self) -> Deletion {
        self.removes_keys = self.removes.iter().any(|r| {
            r.rows > 0
                && matches!(
                    r.table.as_str(),
                    "api_keys" | "onboarding_data_integrations"
                )
        });
        self
    }
}

/// How many rows of each of onboardctl's own tables belong to a user, the session row first
/// (both native stores: their `delete_session` deletes exactly these). `$1` is the user
/// id; SQLite binds it by position too.
pub(crate) const NATIVE_DELETION_COUNTS: &str = "\
    WITH s AS (SELECT id FROM onboarding_sessions WHERE user_id = $1) \
    SELECT CAST('onboarding_sessions' AS TEXT), (SELECT count(*) FROM s) \
    UNION ALL SELECT 'onboarding_steps', \
        (SELECT count(*) FROM onboarding_steps WHERE session_id IN (SELECT id FROM s)) \
    UNION ALL SELECT 'api_keys', \
        (SELECT count(*) FROM api_keys WHERE session_id IN (SELECT id FROM s)) \
    UNION ALL SELECT 'website_analyses', \
        (SELECT count(*) FROM website_analyses WHERE session_id IN (SELECT id FROM s)) \
    UNION ALL SELECT 'research_preferences', \
        (SELECT count(*) FROM research_preferences WHERE session_id IN (SELECT id FROM s)) \
    UNION ALL SELECT 'persona_data', \
        (SELECT count(*) FROM persona_data WHERE session_id IN (SELECT id FROM s)) \
    UNION ALL SELECT 'competitor_analyses', \
        (SELECT count(*) FROM competitor_analyses WHERE session_id IN (SELECT id FROM s)) \
    UNION ALL SELECT 'seo_page_audits', (SELECT count(*) FROM seo_page_audits \
        WHERE user_id = $1 AND EXISTS (SELECT 1 FROM s))";

/// A native store's [`Deletion`] from the rows of [`NATIVE_DELETION_COUNTS`]; `None`
/// without a session row.
pub(crate) fn native_deletion(rows: Vec<(String, i64)>) -> Option<Deletion> {
    let removes: Vec<TableRows> = rows
        .into_iter()
        .map(|(table, n)| TableRows {
            table,
            rows: u64::try_from(n).unwrap_or(0),
        })
        .collect();
    (removes.first()?.rows > 0).then(|| {
        Deletion {
            removes,
            ..Deletion::default()
        }
        .count_keys()
    })
}

/// How [`open`] treats the database it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenOptions {
    /// Create a missing SQLite file (the embedded default, and `db migrate`). Otherwise a
    /// missing file is [`StoreError::Unavailable`], so a mistyped path creates nothing.
    pub create: bool,
    /// Apply pending migrations at open. Honoured for SQLite only (the embedded default):
    /// PostgreSQL schema changes are never applied implicitly (docs/RULES.md "Connecting").
    pub auto_migrate: bool,
    /// How long [`Store::migrate`] waits for the migration lock (PostgreSQL).
    pub lock_timeout: Duration,
    /// The command only reads: SQLite opens the file read-only, so nothing at all is written
    /// (no journal, no WAL switch, no `-wal`/`-shm` left behind on a rollback-journal file),
    /// and it works on a read-only file or mount. A write is then
    /// [`StoreError::Unavailable`] ("read-only"). Ignored for PostgreSQL and with `create`.
    pub read_only: bool,
    /// On a database ALwrity made, its era as `--alwrity-era` sets it (else detected).
    pub era: Option<crate::domain::alwrity::Era>,
    /// `db migrate --wal` on an ALwrity SQLite file: switch it to WAL too (never otherwise).
    pub wal: bool,
    /// How long a SQLite statement waits for another connection's lock (`--busy-timeout`),
    /// e.g. ALwrity's writer; then [`StoreError::Unavailable`].
    pub busy_timeout: Duration,
}

/// The default `--busy-timeout`: ALwrity's own (pysqlite's 5 s).
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            create: false,
            auto_migrate: false,
            lock_timeout: postgres::DEFAULT_LOCK_TIMEOUT,
            read_only: false,
            era: None,
            wal: false,
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
        }
    }
}

/// Opens the store a URL names. The schema is checked once at open; data methods of a store
/// whose schema is outdated return [`StoreError::SchemaOutdated`].
pub fn open(url: &DbUrl, opts: &OpenOptions) -> StoreResult<Box<dyn Store>> {
    match url {
        DbUrl::Sqlite(path) => {
            let mut store = sqlite::open_store(path, opts)?;
            if opts.auto_migrate && store.flavour() == alwrity::Flavour::Native {
                store.migrate()?;
            }
            Ok(store)
        }
        DbUrl::Postgres(pg) => postgres::open_store(pg, opts),
        DbUrl::Workspace(path) => Ok(Box::new(workspace::WorkspaceStore::open(path, opts)?)),
    }
}
