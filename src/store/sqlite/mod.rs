//! SQLite backend: [`SqliteStore`] over one rusqlite connection.
//!
//! Every open runs the same setup (foreign keys, busy timeout; WAL is set by `migrate` and
//! `synchronous=NORMAL` by the first write) and
//! checks the schema once, caching the number of pending migrations; data methods refuse with
//! [`StoreError::SchemaOutdated`] while it is not zero. Writes run in `BEGIN IMMEDIATE`
//! transactions, so a writer takes the lock up front and waits (busy timeout) instead of
//! failing halfway. Reads are single statements, atomic on their own.
//!
//! Submodules: `convert` (value conversions), `error` (driver error mapping), `schema`
//! (migrations), `scoped` (user-scoped statement shapes), `bundle` (whole users, for export,
//! import and copy) and one module per table group.

pub(crate) mod alwrity;
mod analysis;
mod audit;
mod bundle;
mod convert;
pub(crate) use convert::{parse_ts, ts_text};
mod copy_progress;
mod error;
mod keys;
mod list;
mod persona;
mod quarantine;
mod research;
mod schema;
mod scoped;
mod sessions;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use self::error::{classify, map_err};
use crate::domain::{
    ApiKey, Onboarding, PersonaData, ProviderName, ResearchPreferences, Timestamp, UserBundle,
    UserId, WebsiteAnalysis,
};
use crate::store::alwrity::{AttachPlan, Flavour, RepairPlan};
use crate::store::{
    Backend, CopyProgress, MigrationInfo, QuarantinedKey, SchemaState, SessionQuery,
    SessionSummary, Store, StoreError, StoreResult, TxScope,
};

/// How long a statement waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// Enough for every distinct statement of this backend, so none is prepared twice (with the
/// planner stability guarantee of [`setup`]: bindings do not expire a statement).
const STATEMENT_CACHE: usize = 64;

/// A [`Store`] on a SQLite database file (or in memory, for tests).
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    location: String,
    /// Pending migrations, checked at open and after `migrate`.
    pending: usize,
    /// A file (WAL applies), not `:memory:`.
    file: bool,
    /// Whether `synchronous=NORMAL` has been set on this connection.
    tuned: bool,
    /// Inside a transaction [`Store::begin_write`] opened.
    in_tx: bool,
}

/// A connection opened and set up, not yet given to a store.
struct Opened {
    conn: Connection,
    location: String,
    path: Option<PathBuf>,
    /// ALwrity made the database (detected at open).
    alwrity: bool,
}

impl Opened {
    /// Opens the database at `path` as `opts` says: created (mode 0600) when allowed,
    /// read-only for a read command (immutable on a read-only mount, where a WAL file cannot
    /// get its `-shm`), read-write otherwise; a missing file is refused unless created.
    /// `busy` is the connection's busy timeout from the start, so the first read (the
    /// detection below) waits for a lock no longer than the command's `--busy-timeout`.
    fn file(path: &Path, create: bool, read_only: bool, busy: Duration) -> StoreResult<Opened> {
        if create {
            create_private(path)?;
        } else if !path.exists() {
            return Err(StoreError::Unavailable(format!(
                "database file `{}` does not exist",
                path.display()
            )));
        }
        // The first read is where a WAL file on a read-only mount fails (no `-shm`): the
        // detection of a file ALwrity made, the one statement every open runs anyway.
        let probe = |mut o: Opened| -> StoreResult<Opened> {
            o.alwrity = alwrity::made_by_alwrity(&o.conn).map_err(located(&o.location))?;
            Ok(o)
        };
        if read_only && !create {
            let probed =
                Opened::with(path, path, OpenFlags::SQLITE_OPEN_READ_ONLY, busy).and_then(probe);
            return match probed {
                Err(StoreError::Unavailable(_)) if read_only_mount(path) => {
                    let uri = immutable_uri(path)?;
                    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
                    Opened::with(Path::new(&uri), path, flags, busy)
                }
                other => other,
            };
        }
        let opened =
            Opened::with(path, path, OpenFlags::SQLITE_OPEN_READ_WRITE, busy).and_then(probe);
        opened.map_err(|e| match e {
            StoreError::Unavailable(_) if read_only_mount(path) => {
                StoreError::Unavailable(format!(
                "`sqlite:{}` is on a read-only file system: read commands work, changes cannot \
                 be written",
                path.display()
            ))
            }
            other => other,
        })
    }

    /// Opens `target` with `flags` (never as a URI unless asked: a path starting with
    /// `file:` is a file name); `path` names the file in messages.
    fn with(target: &Path, path: &Path, flags: OpenFlags, busy: Duration) -> StoreResult<Opened> {
        let location = format!("sqlite:{}", path.display());
        let at = located(&location);
        let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX | flags;
        let mut conn = Connection::open_with_flags(target, flags).map_err(|e| at(classify(&e)))?;
        setup(&mut conn, busy).map_err(|e| at(map_err(e)))?;
        Ok(Opened {
            conn,
            location,
            path: Some(path.to_owned()),
            alwrity: false,
        })
    }

    /// onboardctl's own store on this connection.
    fn native(self) -> StoreResult<SqliteStore> {
        let at = located(&self.location);
        SqliteStore::init(self.conn, self.location.clone(), self.path.is_some()).map_err(at)
    }

    /// The store this database needs: onboardctl's own, or the ALwrity store on a file
    /// ALwrity made.
    fn any(
        self,
        era: Option<crate::domain::alwrity::Era>,
        wal: bool,
    ) -> StoreResult<Box<dyn Store>> {
        let at = located(&self.location);
        if self.alwrity {
            let conn = alwrity::SqliteConn::new(self.conn, self.location, self.path);
            let mut store = crate::store::alwrity::AlwrityStore::new(conn, era).map_err(at)?;
            store.set_wal(wal);
            return Ok(Box::new(store));
        }
        Ok(Box::new(self.native()?))
    }
}

/// Prefixes a store error's message with the database it is about.
fn located(location: &str) -> impl Fn(StoreError) -> StoreError {
    let location = location.to_owned();
    move |e| match e {
        StoreError::Unavailable(m) => StoreError::Unavailable(format!("`{location}`: {m}")),
        StoreError::Backend(m) => StoreError::Backend(format!("`{location}`: {m}")),
        other => other,
    }
}

/// Opens the store of the file at `path` ([`crate::store::open`]'s SQLite half).
pub(crate) fn open_store(
    path: &Path,
    opts: &crate::store::OpenOptions,
) -> StoreResult<Box<dyn Store>> {
    let opened = Opened::file(path, opts.create, opts.read_only, opts.busy_timeout)?;
    opened.any(opts.era, opts.wal)
}

impl SqliteStore {
    /// Opens the database at `path` as onboardctl's own, creating an empty file if there is
    /// none (its directory must exist). A file created here gets mode 0600 whatever the umask
    /// (it will hold keys; SQLite gives its `-wal`/`-shm` files the same mode). The schema is
    /// checked, not migrated: call [`Store::migrate`] for that.
    pub fn open(path: &Path) -> StoreResult<SqliteStore> {
        Opened::file(path, true, false, BUSY_TIMEOUT)?.native()
    }

    /// Opens an existing database for reading only (see [`crate::store::OpenOptions`]): the
    /// file is never written.
    pub fn open_read_only(path: &Path) -> StoreResult<SqliteStore> {
        Opened::file(path, false, true, BUSY_TIMEOUT)?.native()
    }

    /// Opens the database at `path`, refusing with [`StoreError::Unavailable`] when the file
    /// does not exist rather than creating it.
    pub fn open_existing(path: &Path) -> StoreResult<SqliteStore> {
        Opened::file(path, false, false, BUSY_TIMEOUT)?.native()
    }

    /// A private in-memory database, empty and unmigrated (for tests).
    pub fn open_in_memory() -> StoreResult<SqliteStore> {
        let mut conn = Connection::open_in_memory().map_err(map_err)?;
        setup(&mut conn, BUSY_TIMEOUT).map_err(map_err)?;
        SqliteStore::init(conn, "sqlite::memory:".to_owned(), false)
    }

    fn init(conn: Connection, location: String, file: bool) -> StoreResult<SqliteStore> {
        let pending = schema::pending_count(&conn)?;
        Ok(SqliteStore {
            conn,
            location,
            pending,
            file,
            tuned: false,
            in_tx: false,
        })
    }

    /// Fails with [`StoreError::SchemaOutdated`] unless the schema was current when checked.
    fn ready(&self) -> StoreResult<&Connection> {
        match self.pending {
            0 => Ok(&self.conn),
            pending => Err(StoreError::SchemaOutdated { pending }),
        }
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction, committed only when `f` succeeds; inside
    /// a transaction [`Store::begin_write`] opened, `f` simply joins it.
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
        self.ready()?;
        if self.in_tx {
            return f(&self.conn);
        }
        self.tune()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(map_err)?;
        let out = f(&tx)?;
        tx.commit().map_err(map_err)?;
        Ok(out)
    }

    /// Sets `synchronous=NORMAL` and `secure_delete=ON` once per connection, before its
    /// first write.
    fn tune(&mut self) -> StoreResult<()> {
        if !self.tuned {
            // WAL makes NORMAL durable against application crashes; freed cells and pages are
            // zeroed, so a deleted key leaves no byte behind. Both are connection settings.
            self.conn
                .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON")
                .map_err(map_err)?;
            self.tuned = true;
        }
        Ok(())
    }

    /// Refuses what must not run inside a transaction [`Store::begin_write`] opened.
    fn outside_tx(&self, what: &str) -> StoreResult<()> {
        match self.in_tx {
            true => Err(StoreError::Backend(format!(
                "{what} cannot run inside a write transaction"
            ))),
            false => Ok(()),
        }
    }
}

/// Creates `path` with mode 0600 unless it exists (umask-proof: the mode is set after
/// creation too). Its directory must exist.
pub(super) fn create_private(path: &Path) -> StoreResult<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path);
    let fail = |e: std::io::Error| {
        StoreError::Unavailable(format!("cannot create `{}`: {e}", path.display()))
    };
    match created {
        Ok(file) => file
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(fail),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(fail(e)),
    }
}

/// Whether `path` lives on a file system mounted read-only.
fn read_only_mount(path: &Path) -> bool {
    rustix::fs::statvfs(path)
        .is_ok_and(|st| st.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY))
}

/// `file:PATH?immutable=1` with the path percent-encoded where SQLite's URI syntax needs it.
fn immutable_uri(path: &Path) -> StoreResult<String> {
    let text = path.to_str().ok_or_else(|| {
        StoreError::Unavailable(format!("`{}` is not a UTF-8 path", path.display()))
    })?;
    let mut uri = String::from("file:");
    for b in text.bytes() {
        match b {
            b'%' | b'?' | b'#' => uri.push_str(&format!("%{b:02X}")),
            _ => uri.push(char::from(b)),
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

/// The one connection setup, run at every open. It issues no SQL statement, so reads stay
/// within their statement budget: foreign keys are switched on through the C API, WAL is a
/// persistent property of the file set by `migrate`, and `synchronous=NORMAL` is set by the
/// first write (see [`SqliteStore::write`]). IMMEDIATE becomes the default transaction
/// behaviour so refinery's runner, which opens its own transactions, also takes the write
/// lock up front.
fn setup(conn: &mut Connection, busy: Duration) -> rusqlite::Result<()> {
    conn.busy_timeout(busy)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY, true)?;
    // The query planner stability guarantee: a statement's plan no longer depends on the
    // values bound to it, so clearing its bindings when it goes back to the statement cache
    // (rusqlite does) no longer expires it, and a cached statement is really reused.
    // Without it, once STAT4 statistics exist, every use of a statement with a `col = ?N`
    // term on a non-unique index was prepared again.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(())
}

impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn location(&self) -> String {
        self.location.clone()
    }

    fn schema_state(&mut self) -> StoreResult<SchemaState> {
        schema::state(&self.conn)
    }

    fn migrate(&mut self) -> StoreResult<Vec<MigrationInfo>> {
        self.outside_tx("a migration")?;
        if self.file {
            // Persistent: set once here, so no later open spends a statement on it.
            self.conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))
                .map_err(map_err)?;
        }
        let applied = schema::migrate(&mut self.conn)?;
        self.pending = schema::pending_count(&self.conn)?;
        Ok(applied)
    }

    fn flavour(&self) -> Flavour {
        Flavour::Native
    }

    fn attach_plan(&mut self) -> StoreResult<Option<AttachPlan>> {
        Ok(None)
    }

    fn repair_plan(&mut self) -> StoreResult<Option<RepairPlan>> {
        Ok(None)
    }

    fn repair(&mut self) -> StoreResult<Option<RepairPlan>> {
        Ok(None)
    }

    fn batch_users(&self) -> usize {
        crate::store::BATCH_USERS
    }

    fn begin_write(&mut self, _scope: TxScope<'_>) -> StoreResult<()> {
        self.ready()?;
        self.outside_tx("a write transaction")?;
        self.tune()?;
        // The whole database is one lock on SQLite, so every scope takes the same one.
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(map_err)?;
        self.in_tx = true;
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if !self.in_tx {
            return Err(StoreError::Backend("commit without a transaction".into()));
        }
        let done = self.conn.execute_batch("COMMIT").map_err(map_err);
        if done.is_ok() || self.conn.is_autocommit() {
            self.in_tx = false;
        }
        done
    }

    fn rollback(&mut self) -> StoreResult<()> {
        if !self.in_tx {
            return Ok(());
        }
        self.in_tx = false;
        if self.conn.is_autocommit() {
            // SQLite already rolled back (e.g. after SQLITE_FULL).
            return Ok(());
        }
        self.conn.execute_batch("ROLLBACK").map_err(map_err)
    }

    fn create_session(&mut self, user: &UserId, now: Timestamp) -> StoreResult<(Onboarding, bool)> {
        self.write(|tx| sessions::create(tx, user, now))
    }

    fn load_onboarding(&mut self, user: &UserId) -> StoreResult<Option<Onboarding>> {
        sessions::load(self.ready()?, user)
    }

    fn save_onboarding(&mut self, state: &Onboarding) -> StoreResult<()> {
        self.write(|tx| sessions::save(tx, state).map(drop))
    }

    fn reset_onboarding(&mut self, state: &Onboarding, purge: bool) -> StoreResult<()> {
        self.write(|tx| {
            let id = sessions::save(tx, state)?;
            if purge {
                sessions::purge(tx, id)?;
            }
            Ok(())
        })
    }

    fn list_sessions(&mut self, query: &SessionQuery) -> StoreResult<Vec<SessionSummary>> {
        crate::store::collect_scan(|sink| self.scan_sessions(query, sink))
    }

    fn scan_sessions(
        &mut self,
        query: &SessionQuery,
        row: &mut dyn FnMut(SessionSummary) -> bool,
    ) -> StoreResult<()> {
        list::scan(self.ready()?, query, row)
    }

    fn count_matching_sessions(&mut self, query: &SessionQuery) -> StoreResult<u64> {
        list::count(self.ready()?, query)
    }

    fn delete_session(&mut self, user: &UserId) -> StoreResult<bool> {
        self.write(|tx| sessions::delete(tx, user))
    }

    fn deletion(&mut self, user: &UserId) -> StoreResult<Option<crate::store::Deletion>> {
        let conn = self.ready()?;
        let mut st = conn
            .prepare_cached(crate::store::NATIVE_DELETION_COUNTS)
            .map_err(map_err)?;
        let rows = st
            .query_map([user.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(Iterator::collect)
            .map_err(map_err)?;
        Ok(crate::store::native_deletion(rows))
    }

    fn put_api_key(&mut self, user: &UserId, key: &ApiKey) -> StoreResult<()> {
        self.write(|tx| keys::put(tx, user, key))
    }

    fn get_api_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
    ) -> StoreResult<Option<ApiKey>> {
        keys::get(self.ready()?, user, provider)
    }

    fn list_api_keys(&mut self, user: &UserId) -> StoreResult<Vec<ApiKey>> {
        keys::list(self.ready()?, user)
    }

    fn delete_api_key(&mut self, user: &UserId, provider: &ProviderName) -> StoreResult<bool> {
        self.write(|tx| keys::delete(tx, user, provider))
    }

    fn put_website_analysis(
        &mut self,
        user: &UserId,
        analysis: &WebsiteAnalysis,
    ) -> StoreResult<()> {
        self.write(|tx| analysis::put(tx, user, analysis))
    }

    fn get_website_analysis(&mut self, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
        analysis::get(self.ready()?, user)
    }

    fn put_research_preferences(
        &mut self,
        user: &UserId,
        prefs: &ResearchPreferences,
    ) -> StoreResult<()> {
        self.write(|tx| research::put(tx, user, prefs))
    }

    fn get_research_preferences(
        &mut self,
        user: &UserId,
    ) -> StoreResult<Option<ResearchPreferences>> {
        research::get(self.ready()?, user)
    }

    fn put_persona_data(&mut self, user: &UserId, persona: &PersonaData) -> StoreResult<()> {
        self.write(|tx| persona::put(tx, user, persona))
    }

    fn get_persona_data(&mut self, user: &UserId) -> StoreResult<Option<PersonaData>> {
        persona::get(self.ready()?, user)
    }

    fn load_bundle(&mut self, user: &UserId) -> StoreResult<Option<UserBundle>> {
        self.ready()?;
        bundle::load(&mut self.conn, user, !self.in_tx)
    }

    fn load_bundles(&mut self, users: &[UserId]) -> StoreResult<Vec<Option<UserBundle>>> {
        self.ready()?;
        bundle::load_many(&mut self.conn, users, !self.in_tx)
    }

    fn save_bundle(&mut self, b: &UserBundle) -> StoreResult<()> {
        self.write(|tx| bundle::save(tx, b))
    }

    fn list_user_ids(&mut self, after: Option<&UserId>, limit: u32) -> StoreResult<Vec<UserId>> {
        bundle::user_ids(self.ready()?, after, limit)
    }

    fn count_sessions(&mut self) -> StoreResult<u64> {
        bundle::count(self.ready()?)
    }

    fn report_partial(
        &mut self,
        query: &crate::domain::report::ReportQuery,
    ) -> StoreResult<crate::domain::report::ReportPartial> {
        let mut conn = self.ready()?;
        crate::store::report::native(&mut conn, crate::store::report::Dialect::SqliteText, query)
    }

    fn copy_progress(&mut self, source: &str) -> StoreResult<Option<CopyProgress>> {
        copy_progress::get(self.ready()?, source)
    }

    fn put_copy_progress(&mut self, progress: &CopyProgress) -> StoreResult<()> {
        self.write(|tx| copy_progress::put(tx, progress))
    }

    fn append_audit(&mut self, entry: &crate::domain::audit::AuditEntry) -> StoreResult<bool> {
        self.write(|tx| audit::append(tx, entry)).map(|()| true)
    }

    fn list_audit(
        &mut self,
        query: &crate::domain::audit::AuditQuery,
    ) -> StoreResult<Vec<crate::domain::audit::AuditEntry>> {
        audit::list(self.ready()?, query)
    }

    fn quarantined_keys(&mut self) -> StoreResult<Vec<QuarantinedKey>> {
        quarantine::keys(self.ready()?)
    }

    fn put_quarantined_key(&mut self, id: i64, value: &crate::domain::Secret) -> StoreResult<()> {
        self.write(|tx| quarantine::put(tx, id, value))
    }

    fn scrub_freed_storage(&mut self) -> StoreResult<()> {
        self.outside_tx("a scrub of freed storage")?;
        quarantine::scrub(self.ready()?)
    }
}
