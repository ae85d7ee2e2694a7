//! PostgreSQL backend: [`PgStore`] over one synchronous `postgres::Client`.
//!
//! Connecting (`connect`): the URL forms and `sslmode`/`sslrootcert` of docs/RULES.md
//! "Connecting" (parsed by `crate::config`), TLS with rustls (`tls`), a 10 s limit on the
//! whole connection attempt unless the URL sets `connect_timeout`,
//! `application_name=onboardctl` unless the URL sets one. Right after connecting, one
//! statement reads the applied migrations.
//!
//! Poolers: every command works through a transaction-mode pooler (PgBouncer with its default
//! settings; Supabase's, Neon's and RDS Proxy's), where consecutive transactions of one
//! client may run on different server connections and a server connection goes on to other
//! clients. So nothing relies on session state:
//! - no session setting: the startup packet carries only what a pooler accepts (user,
//!   database, `client_encoding`, `application_name`; an `options` the URL names is still
//!   passed on, for a direct connection: `connect`) and no session-level `SET` is sent (it
//!   would leak to other clients and be missing from our next transaction). Settings are
//!   `SET LOCAL`: `lock_timeout` (30 s, `txn::DATA_LOCK_TIMEOUT`) in every write
//!   transaction, in its `BEGIN`'s round trip, so a row locked by another client fails with
//!   [`StoreError::Unavailable`] instead of hanging (`delete_session` outside a caller's
//!   transaction runs in one of its own for that); in the migration lock's transaction,
//!   `lock_timeout` as the store's lock timeout and `TimeZone` pinned to UTC for the
//!   migration SQL (`schema`). Single statements outside a transaction (reads,
//!   get-or-create) take no lock another client holds for long and keep the server's
//!   settings. No value read or written depends on the session's `TimeZone` (`convert`).
//! - no named prepared statement: statements are `query_typed`, `execute_typed` and
//!   `query_typed_raw` (unnamed: parse, bind and execute in one round trip) or simple
//!   queries, migrations included (`history`, not refinery's runner, which prepares named
//!   statements).
//! - no session lock: the migration lock and the per-user write locks are
//!   transaction-scoped advisory locks (`schema`, `txn`).
//! - no cursor kept open: `list_sessions` and `scan_sessions` are one statement whose rows
//!   are read as they arrive (`list`), and the bulk reads page by keyset (`list_user_ids`),
//!   each page one statement per table (`bundle_page`).
//!
//! No `statement_timeout` is set: migrations and bulk copies may legitimately run long, and
//! every data statement is an indexed lookup or a bounded page.
//!
//! Schema: never migrated implicitly (not even by `store::open` with `auto_migrate`); data
//! methods return [`StoreError::SchemaOutdated`] while migrations are pending, and only
//! [`Store::migrate`] applies them, under the migration lock (`schema`, `history`).
//!
//! Statements: a data method is one statement and one round trip (see `scoped`), so it is
//! atomic without an explicit transaction: `save_onboarding`, and `reset_onboarding` with
//! purge, are one statement of data-modifying CTEs, and `save_bundle` and `save_bundles` one
//! for any number of users (`bundle_save`; `save_bundles` also refreshes the planner
//! statistics now and then). The exceptions: `begin_write` is two round trips (`BEGIN` with
//! its setting, then one statement taking the scope's locks, `txn`); `load_bundle` is one
//! read per table inside one `REPEATABLE READ READ ONLY` snapshot (`bundle`), and
//! `load_bundles` the same for a whole page, one statement per table (`bundle_page`), both
//! reading inside the caller's write transaction instead when one is open; `quarantined_keys`
//! first asks whether its table exists.
//!
//! A database ALwrity made is not this store: `open_store` detects it and opens the ALwrity
//! store over `alwrity::PgConn`, which follows the same pooler rules.
//!
//! Submodules: `connect`, `convert` (value conversions), `error` (driver error mapping),
//! `schema` (state and the migration lock), `history` (applying migrations, refinery's
//! table), `scoped` (statement shapes), `tls`, `txn` (write transactions), `list` (`session
//! list`), `bundle`, `bundle_page` and `bundle_save` (whole users), `alwrity` (the ALwrity
//! store's connection), and one module per table group (`sessions`, `keys`, `analysis`,
//! `research`, `persona`, `copy_progress`, `audit`, `quarantine`).

mod alwrity;
mod analysis;
mod audit;
mod bundle;
mod bundle_page;
mod bundle_save;
mod connect;
mod convert;
mod copy_progress;
mod error;
mod history;
mod keys;
mod list;
mod persona;
mod quarantine;
mod research;
mod schema;
mod scoped;
mod sessions;
mod tls;
mod txn;

use std::time::Duration;

use postgres::Client;

use self::error::classify;
use crate::config::PgUrl;
use crate::domain::{
    ApiKey, Onboarding, PersonaData, ProviderName, ResearchPreferences, Timestamp, UserBundle,
    UserId, WebsiteAnalysis,
};
use crate::store::alwrity::{AttachPlan, Flavour, RepairPlan};
use crate::store::{
    Backend, CopyProgress, MigrationInfo, QuarantinedKey, SchemaState, SessionQuery,
    SessionSummary, Store, StoreError, StoreResult, TxScope,
};

/// How long connecting may take when the URL sets no `connect_timeout`.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long [`Store::migrate`] waits for another run's migration lock by default.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(60);

/// A [`Store`] on a PostgreSQL database.
pub struct PgStore {
    client: Client,
    location: String,
    /// Pending migrations, read at connect and after `migrate`.
    pending: usize,
    /// How long `migrate` waits for the migration lock.
    lock_timeout: Duration,
    /// Inside a transaction [`Store::begin_write`] opened.
    in_tx: bool,
    /// Users written by [`Store::save_bundles`] on this connection, and the count at which
    /// the tables' planner statistics are refreshed next ([`bundle_save::refresh_statistics`]).
    bulk_written: usize,
    next_analyze: usize,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("location", &self.location)
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

/// Connects to the database `url` names and opens the store it needs: onboardctl's own
/// ([`PgStore`]) or, on a database ALwrity made, the ALwrity store
/// ([`crate::store::open`]'s PostgreSQL half).
pub(crate) fn open_store(
    url: &PgUrl,
    opts: &crate::store::OpenOptions,
) -> StoreResult<Box<dyn Store>> {
    let mut client = connect::open(url)?;
    if alwrity::made_by_alwrity(&mut client)? {
        let conn = alwrity::PgConn::new(client, url.redacted(), opts.lock_timeout);
        let store = crate::store::alwrity::AlwrityStore::new(conn, opts.era)?;
        return Ok(Box::new(store));
    }
    let mut store = PgStore::from_client(client, url.redacted())?;
    store.set_lock_timeout(opts.lock_timeout);
    Ok(Box::new(store))
}

impl PgStore {
    /// onboardctl's own store on a connected client.
    fn from_client(mut client: Client, location: String) -> StoreResult<PgStore> {
        let pending = schema::read_state(&mut client)?.pending.len();
        Ok(PgStore {
            client,
            location,
            pending,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
            in_tx: false,
            bulk_written: 0,
            next_analyze: bundle_save::FIRST_ANALYZE,
        })
    }

    /// Connects and reads the schema state. Every failure (refused, unknown host, bad
    /// password, missing database, TLS, timeout) is [`StoreError::Unavailable`] with a
    /// one-line reason naming the redacted URL.
    pub fn connect(url: &PgUrl) -> StoreResult<PgStore> {
        let mut client = connect::open(url)?;
        let pending = schema::read_state(&mut client)?.pending.len();
        Ok(PgStore {
            client,
            location: url.redacted(),
            pending,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
            in_tx: false,
            bulk_written: 0,
            next_analyze: bundle_save::FIRST_ANALYZE,
        })
    }

    /// How long [`Store::migrate`] waits for a concurrent run's lock before failing with
    /// [`StoreError::Unavailable`] (default [`DEFAULT_LOCK_TIMEOUT`]).
    pub fn set_lock_timeout(&mut self, wait: Duration) {
        self.lock_timeout = wait;
    }

    /// Runs `runner`'s migrations (all in the migration lock's one transaction, with
    /// refinery's checks at its defaults), exactly as [`Store::migrate`] runs the embedded
    /// ones. Only the runner's migrations are used: its target, grouping and abort settings
    /// are not consulted. For tests and tools that need
    /// other migrations, e.g. one that fails on purpose.
    pub fn migrate_with(&mut self, runner: refinery::Runner) -> StoreResult<Vec<MigrationInfo>> {
        let applied = schema::migrate(&mut self.client, &runner, self.lock_timeout)?;
        self.pending = schema::read_state(&mut self.client)?.pending.len();
        Ok(applied)
    }

    /// The advisory-lock key `migrate` uses on this connection's database and schema, so an
    /// operator (or a test) can see who holds it in `pg_locks`.
    pub fn migration_lock_key(&mut self) -> StoreResult<i64> {
        let sql = format!("SELECT {}", schema::LOCK_KEY);
        let rows = self.client.simple_query(&sql).map_err(|e| classify(&e))?;
        rows.iter()
            .find_map(|m| match m {
                postgres::SimpleQueryMessage::Row(row) => row.get(0)?.parse().ok(),
                _ => None,
            })
            .ok_or_else(|| StoreError::Backend("no migration lock key".to_owned()))
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

    /// The client, once the schema is known to be current.
    fn ready(&mut self) -> StoreResult<&mut Client> {
        match self.pending {
            0 => Ok(&mut self.client),
            pending => Err(StoreError::SchemaOutdated { pending }),
        }
    }
}

impl Store for PgStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn location(&self) -> String {
        self.location.clone()
    }

    fn schema_state(&mut self) -> StoreResult<SchemaState> {
        let state = schema::read_state(&mut self.client)?;
        self.pending = state.pending.len();
        Ok(state)
    }

    fn migrate(&mut self) -> StoreResult<Vec<MigrationInfo>> {
        self.outside_tx("a migration")?;
        self.migrate_with(schema::runner())
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

    fn begin_write(&mut self, scope: TxScope<'_>) -> StoreResult<()> {
        self.outside_tx("a write transaction")?;
        let client = self.ready()?;
        txn::begin(client, scope)?;
        self.in_tx = true;
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if !self.in_tx {
            return Err(StoreError::Backend("commit without a transaction".into()));
        }
        // Whatever COMMIT answers, the transaction is over (a failed one rolls back).
        self.in_tx = false;
        txn::finish(&mut self.client, "COMMIT")
    }

    fn rollback(&mut self) -> StoreResult<()> {
        if !std::mem::take(&mut self.in_tx) {
            return Ok(());
        }
        txn::finish(&mut self.client, "ROLLBACK")
    }

    fn create_session(&mut self, user: &UserId, now: Timestamp) -> StoreResult<(Onboarding, bool)> {
        sessions::create(self.ready()?, user, now)
    }

    fn load_onboarding(&mut self, user: &UserId) -> StoreResult<Option<Onboarding>> {
        sessions::load(self.ready()?, user)
    }

    fn save_onboarding(&mut self, state: &Onboarding) -> StoreResult<()> {
        sessions::save(self.ready()?, state, false)
    }

    fn reset_onboarding(&mut self, state: &Onboarding, purge: bool) -> StoreResult<()> {
        sessions::save(self.ready()?, state, purge)
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
        list::count_matching(self.ready()?, query)
    }

    fn delete_session(&mut self, user: &UserId) -> StoreResult<bool> {
        let in_tx = self.in_tx;
        let client = self.ready()?;
        match in_tx {
            true => sessions::delete(client, user),
            // Its own transaction, for the lock timeout: the cascade waits for every row
            // lock on the user's rows.
            false => txn::alone(client, |c| sessions::delete(c, user)),
        }
    }

    fn deletion(&mut self, user: &UserId) -> StoreResult<Option<crate::store::Deletion>> {
        sessions::deletion(self.ready()?, user)
    }

    fn put_api_key(&mut self, user: &UserId, key: &ApiKey) -> StoreResult<()> {
        keys::put(self.ready()?, user, key)
    }

    fn get_api_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
    ) -> StoreResult<Option<ApiKey>> {
        keys::get_one(self.ready()?, user, provider)
    }

    fn list_api_keys(&mut self, user: &UserId) -> StoreResult<Vec<ApiKey>> {
        keys::list(self.ready()?, user)
    }

    fn delete_api_key(&mut self, user: &UserId, provider: &ProviderName) -> StoreResult<bool> {
        keys::delete(self.ready()?, user, provider)
    }

    fn put_website_analysis(
        &mut self,
        user: &UserId,
        analysis: &WebsiteAnalysis,
    ) -> StoreResult<()> {
        analysis::put(self.ready()?, user, analysis)
    }

    fn get_website_analysis(&mut self, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
        analysis::get_one(self.ready()?, user)
    }

    fn put_research_preferences(
        &mut self,
        user: &UserId,
        prefs: &ResearchPreferences,
    ) -> StoreResult<()> {
        research::put(self.ready()?, user, prefs)
    }

    fn get_research_preferences(
        &mut self,
        user: &UserId,
    ) -> StoreResult<Option<ResearchPreferences>> {
        research::get_one(self.ready()?, user)
    }

    fn put_persona_data(&mut self, user: &UserId, persona: &PersonaData) -> StoreResult<()> {
        persona::put(self.ready()?, user, persona)
    }

    fn get_persona_data(&mut self, user: &UserId) -> StoreResult<Option<PersonaData>> {
        persona::get_one(self.ready()?, user)
    }

    fn load_bundle(&mut self, user: &UserId) -> StoreResult<Option<UserBundle>> {
        let own_tx = !self.in_tx;
        bundle::load(self.ready()?, user, own_tx)
    }

    fn save_bundle(&mut self, b: &UserBundle) -> StoreResult<()> {
        bundle_save::save(self.ready()?, &[b])
    }

    /// Also refreshes the planner statistics each time the users written on this connection
    /// double (from [`bundle_save::FIRST_ANALYZE`]), so a bulk load into an empty database
    /// is not planned with the statistics of an empty one.
    fn save_bundles(&mut self, bundles: &[&UserBundle]) -> StoreResult<()> {
        bundle_save::save(self.ready()?, bundles)?;
        self.bulk_written += bundles.len();
        if self.bulk_written >= self.next_analyze {
            self.next_analyze = self.bulk_written.saturating_mul(2);
            bundle_save::refresh_statistics(self.ready()?)?;
        }
        Ok(())
    }

    fn load_bundles(&mut self, users: &[UserId]) -> StoreResult<Vec<Option<UserBundle>>> {
        let own_tx = !self.in_tx;
        bundle_page::load_page(self.ready()?, users, own_tx)
    }

    fn list_user_ids(&mut self, after: Option<&UserId>, limit: u32) -> StoreResult<Vec<UserId>> {
        bundle::user_ids(self.ready()?, after, limit)
    }

    fn count_sessions(&mut self) -> StoreResult<u64> {
        bundle::count_sessions(self.ready()?)
    }

    fn report_partial(
        &mut self,
        query: &crate::domain::report::ReportQuery,
    ) -> StoreResult<crate::domain::report::ReportPartial> {
        crate::store::report::native(self.ready()?, crate::store::report::Dialect::PgEpoch, query)
    }

    fn copy_progress(&mut self, source: &str) -> StoreResult<Option<CopyProgress>> {
        copy_progress::get_one(self.ready()?, source)
    }

    fn put_copy_progress(&mut self, progress: &CopyProgress) -> StoreResult<()> {
        copy_progress::put(self.ready()?, progress)
    }

    fn append_audit(&mut self, entry: &crate::domain::audit::AuditEntry) -> StoreResult<bool> {
        audit::append(self.ready()?, entry).map(|()| true)
    }

    fn append_audits(&mut self, entries: &[crate::domain::audit::AuditEntry]) -> StoreResult<bool> {
        audit::append_many(self.ready()?, entries).map(|()| true)
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
        quarantine::put(self.ready()?, id, value)
    }

    fn scrub_freed_storage(&mut self) -> StoreResult<()> {
        self.outside_tx("a scrub of freed storage")?;
        quarantine::scrub(self.ready()?)
    }
}
