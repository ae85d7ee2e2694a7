//! The store of a database ALwrity made (a seed-era shared database on SQLite or PostgreSQL,
//! or a HEAD per-user SQLite file): [`AlwrityStore`], written once over a backend's
//! [`conn::Conn`]. ALwrity's columns keep ALwrity's meaning (`crate::domain::alwrity`):
//!
//! - reads need nothing of onboardctl's and change nothing — on SQLite the file is opened
//!   read-only by read commands, so it stays byte-identical; onboardctl's tables, where they
//!   exist, add its record of each session, and are re-derived when ALwrity has written since;
//! - writes write ALwrity's columns as ALwrity's own code would for the same action (the
//!   service computes them), plus onboardctl's record in its own tables, which `db migrate`
//!   adds (attach, `attach`); on a database not attached, a write that would need a record
//!   is refused with the hint to attach;
//! - the row that counts is the one ALwrity's own readers use: the first session row of a
//!   user by id, the first key row of a (session, provider), the first row of a 1:1 table.
//!
//! Submodules: `conn` (the backend primitives), `rows` (the step-data records as columns),
//! `sessions`, `data`, `side` (onboardctl's own tables), `attach` (`db migrate`) and
//! `repair` (`db repair`).

pub(crate) mod attach;
pub(crate) mod conn;
mod data;
pub(crate) mod repair;
mod report;
pub(crate) mod rows;
mod sessions;
mod side;

use std::collections::BTreeSet;

use serde::Serialize;

pub use attach::{AttachPlan, DuplicateUser};
pub use repair::{RepairMerge, RepairPlan};

use self::conn::{Catalog, Conn, Val};
use crate::domain::alwrity::{Era, EraGuess};
use crate::domain::{
    ApiKey, Onboarding, PersonaData, ProviderName, ResearchPreferences, Secret, Timestamp,
    UserBundle, UserId, WebsiteAnalysis,
};
use crate::store::{
    Backend, CopyProgress, MigrationInfo, QuarantinedKey, SchemaState, SessionQuery,
    SessionSummary, Store, StoreError, StoreResult, StrayKey, TxScope,
};

/// ALwrity's tables and onboardctl's own that the store reads the catalog of.
pub(crate) const TABLES: &[&str] = &[
    "onboarding_sessions",
    "api_keys",
    "website_analyses",
    "research_preferences",
    "persona_data",
    "competitor_analyses",
    "seo_page_audits",
    "onboarding_data_integrations",
    "onboardctl_meta",
    "onboardctl_session_state",
    "onboardctl_steps",
    "onboardctl_quarantine",
    "onboardctl_copy_progress",
    "onboardctl_audit",
];

/// Tables only ALwrity HEAD creates (era detection).
pub(crate) const HEAD_TABLES: &[&str] = &["onboarding_data_integrations", "seo_page_audits"];

/// What a database is, as `db status` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "flavour", rename_all = "snake_case")]
pub enum Flavour {
    /// onboardctl created it (or an earlier onboardctl rewrote it into its own schema).
    Native,
    /// ALwrity made it.
    Alwrity {
        /// Which ALwrity, and why.
        era: EraGuess,
        /// onboardctl's own tables are there (`db migrate` ran).
        attached: bool,
    },
}

/// The current time in UTC at µs, as every store writes it.
fn now() -> Timestamp {
    let t = time::OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .expect("truncating nanoseconds stays in range")
}

/// A [`Store`] on a database ALwrity made.
pub(crate) struct AlwrityStore<C: Conn> {
    conn: C,
    era: EraGuess,
    catalog: Catalog,
    in_tx: bool,
    /// `db migrate --wal`.
    wal: bool,
}

impl<C: Conn> AlwrityStore<C> {
    /// The store over `conn`, whose catalog is read here; `forced` is `--alwrity-era`.
    pub(crate) fn new(mut conn: C, forced: Option<Era>) -> StoreResult<AlwrityStore<C>> {
        let catalog = conn.catalog(TABLES)?;
        let folder = conn
            .file()
            .and_then(|f| crate::store::workspace::folder::folder_of(&f))
            .and_then(|d| Some(d.file_name()?.to_str()?.to_owned()));
        let head: Vec<&str> = HEAD_TABLES
            .iter()
            .copied()
            .filter(|t| catalog.contains_key(*t))
            .collect();
        let era = crate::domain::alwrity::detect_era(forced, folder.as_deref(), &head);
        Ok(AlwrityStore {
            conn,
            era,
            catalog,
            in_tx: false,
            wal: false,
        })
    }

    /// `db migrate` switches the journal to WAL too (`--wal`).
    pub(crate) fn set_wal(&mut self, wal: bool) {
        self.wal = wal;
    }

    fn has(&self, table: &str) -> bool {
        self.catalog.contains_key(table)
    }

    fn columns(&self, table: &str) -> BTreeSet<String> {
        self.catalog.get(table).cloned().unwrap_or_default()
    }

    /// Whether `table.column` exists.
    fn has_column_of(&self, qualified: &str) -> bool {
        let (t, c) = qualified.split_once('.').unwrap_or((qualified, ""));
        self.catalog.get(t).is_some_and(|cols| cols.contains(c))
    }

    /// onboardctl's tables are there.
    fn attached(&self) -> bool {
        self.has("onboardctl_session_state") && self.has("onboardctl_steps")
    }

    /// Every table of the current attach is there (a database attached by an earlier
    /// onboardctl may lack the newer ones, e.g. `onboardctl_audit`, until `db migrate`).
    fn fully_attached(&self) -> bool {
        self.attached() && self.has(crate::store::audit::AUDIT_TABLE)
    }

    fn reload_catalog(&mut self) -> StoreResult<()> {
        self.catalog = self.conn.catalog(TABLES)?;
        Ok(())
    }

    fn meta(&mut self, key: &str) -> StoreResult<Option<String>> {
        if !self.has("onboardctl_meta") {
            return Ok(None);
        }
        let rows = self.conn.query(
            "SELECT value FROM onboardctl_meta WHERE key = ?1",
            &[Val::Text(key.to_owned())],
        )?;
        Ok(rows.first().and_then(|r| r[0].text()))
    }

    fn set_meta(&mut self, key: &str, value: &str) -> StoreResult<()> {
        self.conn
            .execute(
                "INSERT INTO onboardctl_meta (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[Val::Text(key.to_owned()), Val::Text(value.to_owned())],
            )
            .map(drop)
    }

    /// Runs `f` in a write transaction of `user` (or joins the caller's).
    fn write<T>(
        &mut self,
        user: Option<&UserId>,
        f: impl FnOnce(&mut Self) -> StoreResult<T>,
    ) -> StoreResult<T> {
        if self.in_tx {
            return f(self);
        }
        self.conn.begin_write(user)?;
        match f(self) {
            Ok(v) => {
                self.conn.commit()?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.rollback();
                Err(e)
            }
        }
    }

    /// Requires onboardctl's tables (for what only they can hold).
    fn need_attached(&self) -> StoreResult<()> {
        match self.attached() {
            true => Ok(()),
            false => Err(sessions::not_attached(&self.conn.location())),
        }
    }

    /// The flavour.
    pub fn flavour(&self) -> Flavour {
        Flavour::Alwrity {
            era: self.era.clone(),
            attached: self.attached(),
        }
    }
}

impl<C: Conn> Store for AlwrityStore<C> {
    fn backend(&self) -> Backend {
        self.conn.backend()
    }

    fn location(&self) -> String {
        self.conn.location()
    }

    fn schema_state(&mut self) -> StoreResult<SchemaState> {
        let step = MigrationInfo {
            version: attach::ATTACH_VERSION,
            name: "attach".to_owned(),
            applied_on: None,
        };
        Ok(match self.fully_attached() {
            true => SchemaState {
                applied: vec![MigrationInfo {
                    applied_on: self.meta("attached_on")?,
                    ..step
                }],
                pending: Vec::new(),
            },
            false => SchemaState {
                applied: Vec::new(),
                pending: vec![step],
            },
        })
    }

    fn migrate(&mut self) -> StoreResult<Vec<MigrationInfo>> {
        if self.in_tx {
            return Err(StoreError::Backend(
                "a migration cannot run inside a write transaction".into(),
            ));
        }
        let wal = self.wal;
        let Some(_) = self.attach(wal)? else {
            return Ok(Vec::new());
        };
        let at = now();
        self.write(None, |s| {
            s.set_meta("attached_on", &crate::store::sqlite::ts_text(at))
        })?;
        Ok(self.schema_state()?.applied)
    }

    fn flavour(&self) -> Flavour {
        AlwrityStore::flavour(self)
    }

    fn attach_plan(&mut self) -> StoreResult<Option<AttachPlan>> {
        let wal = self.wal;
        self.plan_attach(wal)
    }

    fn repair_plan(&mut self) -> StoreResult<Option<RepairPlan>> {
        self.plan_repair().map(Some)
    }

    fn repair(&mut self) -> StoreResult<Option<RepairPlan>> {
        AlwrityStore::repair(self).map(Some)
    }

    fn begin_write(&mut self, scope: TxScope<'_>) -> StoreResult<()> {
        if self.in_tx {
            return Err(StoreError::Backend(
                "a write transaction is already open".into(),
            ));
        }
        let user = match scope {
            TxScope::User(u) => Some(u),
            TxScope::All => None,
            TxScope::Users(_) => {
                return Err(StoreError::Backend(
                    "a database ALwrity made is written one user per transaction".into(),
                ))
            }
        };
        self.conn.begin_write(user)?;
        self.in_tx = true;
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if !std::mem::take(&mut self.in_tx) {
            return Err(StoreError::Backend("commit without a transaction".into()));
        }
        self.conn.commit()
    }

    fn rollback(&mut self) -> StoreResult<()> {
        if !std::mem::take(&mut self.in_tx) {
            return Ok(());
        }
        self.conn.rollback()
    }

    fn create_session(&mut self, user: &UserId, now: Timestamp) -> StoreResult<(Onboarding, bool)> {
        self.write(Some(user), |s| s.create(user, now))
    }

    fn load_onboarding(&mut self, user: &UserId) -> StoreResult<Option<Onboarding>> {
        self.load(user)
    }

    fn save_onboarding(&mut self, state: &Onboarding) -> StoreResult<()> {
        self.write(Some(&state.session.user_id), |s| s.save(state))
    }

    fn reset_onboarding(&mut self, state: &Onboarding, purge: bool) -> StoreResult<()> {
        let user = state.session.user_id.clone();
        self.write(Some(&user), |s| {
            s.save(state)?;
            if purge {
                let id = s.session_id(&user)?;
                s.purge(&user, id)?;
            }
            Ok(())
        })
    }

    fn list_sessions(&mut self, query: &SessionQuery) -> StoreResult<Vec<SessionSummary>> {
        self.list(query)
    }

    fn delete_session(&mut self, user: &UserId) -> StoreResult<bool> {
        self.write(Some(user), |s| s.delete(user))
    }

    fn deletion(&mut self, user: &UserId) -> StoreResult<Option<crate::store::Deletion>> {
        self.deletion(user)
    }

    fn context_files(
        &mut self,
        user: &UserId,
    ) -> StoreResult<Vec<crate::domain::alwrity::ContextFile>> {
        let folder = self
            .conn
            .file()
            .and_then(|f| crate::store::workspace::folder::folder_of(&f));
        Ok(match folder {
            Some(folder) => crate::store::workspace::folder::context_files(&folder, user.as_str()),
            None => Vec::new(),
        })
    }

    fn put_api_key(&mut self, user: &UserId, key: &ApiKey) -> StoreResult<()> {
        self.write(Some(user), |s| s.put_key(user, key))
    }

    fn get_api_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
    ) -> StoreResult<Option<ApiKey>> {
        Ok(self
            .keys(user)?
            .into_iter()
            .find(|k| &k.provider == provider))
    }

    fn list_api_keys(&mut self, user: &UserId) -> StoreResult<Vec<ApiKey>> {
        self.keys(user)
    }

    fn delete_api_key(&mut self, user: &UserId, provider: &ProviderName) -> StoreResult<bool> {
        self.write(Some(user), |s| s.delete_key(user, provider))
    }

    fn put_website_analysis(&mut self, user: &UserId, a: &WebsiteAnalysis) -> StoreResult<()> {
        self.write(Some(user), |s| s.put_analysis(user, a))
    }

    fn get_website_analysis(&mut self, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
        self.analysis(user)
    }

    fn put_research_preferences(
        &mut self,
        user: &UserId,
        p: &ResearchPreferences,
    ) -> StoreResult<()> {
        self.write(Some(user), |s| s.put_research(user, p))
    }

    fn get_research_preferences(
        &mut self,
        user: &UserId,
    ) -> StoreResult<Option<ResearchPreferences>> {
        self.research(user)
    }

    fn put_persona_data(&mut self, user: &UserId, p: &PersonaData) -> StoreResult<()> {
        self.write(Some(user), |s| s.put_persona(user, p))
    }

    fn get_persona_data(&mut self, user: &UserId) -> StoreResult<Option<PersonaData>> {
        self.persona(user)
    }

    fn load_bundle(&mut self, user: &UserId) -> StoreResult<Option<UserBundle>> {
        self.bundle(user)
    }

    fn save_bundle(&mut self, b: &UserBundle) -> StoreResult<()> {
        self.write(Some(b.user_id()), |s| AlwrityStore::save_bundle(s, b))
    }

    fn list_user_ids(&mut self, after: Option<&UserId>, limit: u32) -> StoreResult<Vec<UserId>> {
        let order = self.conn.bytewise("user_id");
        let (sql, params) = match after {
            Some(a) => (
                format!(
                    "SELECT user_id FROM onboarding_sessions WHERE {order} > ?2 \
                     GROUP BY user_id ORDER BY {order} LIMIT ?1"
                ),
                vec![Val::Int(i64::from(limit)), Val::Text(a.as_str().to_owned())],
            ),
            None => (
                format!(
                    "SELECT user_id FROM onboarding_sessions GROUP BY user_id \
                     ORDER BY {order} LIMIT ?1"
                ),
                vec![Val::Int(i64::from(limit))],
            ),
        };
        let rows = self.conn.query(&sql, &params)?;
        Ok(rows
            .iter()
            .filter_map(|r| r[0].text())
            .map(UserId::stored)
            .collect())
    }

    fn report_partial(
        &mut self,
        query: &crate::domain::report::ReportQuery,
    ) -> StoreResult<crate::domain::report::ReportPartial> {
        self.report(query)
    }

    fn count_sessions(&mut self) -> StoreResult<u64> {
        let rows = self.conn.query(
            "SELECT count(DISTINCT user_id) FROM onboarding_sessions",
            &[],
        )?;
        Ok(rows
            .first()
            .and_then(|r| r[0].int())
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0))
    }

    fn copy_progress(&mut self, source: &str) -> StoreResult<Option<CopyProgress>> {
        if !self.has("onboardctl_copy_progress") {
            return Ok(None);
        }
        side::copy_progress(&mut self.conn, source)
    }

    fn put_copy_progress(&mut self, progress: &CopyProgress) -> StoreResult<()> {
        self.need_attached()?;
        self.write(None, |s| side::put_copy_progress(&mut s.conn, progress))
    }

    fn append_audit(&mut self, entry: &crate::domain::audit::AuditEntry) -> StoreResult<bool> {
        // Only an attached database has the table; one that is not keeps exactly what
        // ALwrity writes (docs/ALWRITY.md, "The principle"), so the change goes unrecorded there.
        if !self.has(crate::store::audit::AUDIT_TABLE) {
            return Ok(false);
        }
        let user = entry.user.clone();
        self.write(user.as_ref(), |s| side::append_audit(&mut s.conn, entry))
            .map(|()| true)
    }

    fn list_audit(
        &mut self,
        query: &crate::domain::audit::AuditQuery,
    ) -> StoreResult<Vec<crate::domain::audit::AuditEntry>> {
        if !self.has(crate::store::audit::AUDIT_TABLE) {
            return Ok(Vec::new());
        }
        side::list_audit(&mut self.conn, query)
    }

    fn quarantined_keys(&mut self) -> StoreResult<Vec<QuarantinedKey>> {
        if !self.has("onboardctl_quarantine") {
            return Ok(Vec::new());
        }
        side::quarantined_keys(&mut self.conn)
    }

    fn put_quarantined_key(&mut self, id: i64, value: &Secret) -> StoreResult<()> {
        self.write(None, |s| side::put_quarantined_key(&mut s.conn, id, value))
    }

    fn stray_keys(&mut self) -> StoreResult<Vec<StrayKey>> {
        self.stray_keys()
    }

    fn put_stray_key(&mut self, id: i64, expected: &Secret, value: &Secret) -> StoreResult<bool> {
        self.write(None, |s| s.put_stray_key(id, expected, value))
    }

    fn key_copies(&mut self) -> StoreResult<Vec<crate::store::KeyCopy>> {
        AlwrityStore::key_copies(self)
    }

    fn scrub_freed_storage(&mut self) -> StoreResult<()> {
        if self.in_tx {
            return Err(StoreError::Backend(
                "a scrub cannot run inside a write transaction".into(),
            ));
        }
        match self.conn.backend() {
            // In place (VACUUM rewrites the pages of the same file, which ALwrity keeps open);
            // a WAL file, where there is one, is emptied.
            Backend::Sqlite => {
                self.conn.batch("PRAGMA secure_delete = ON; VACUUM;")?;
                self.conn
                    .query("PRAGMA wal_checkpoint(TRUNCATE)", &[])
                    .map(drop)
            }
            // Every table that holds a key value, old row versions included.
            Backend::Postgres | Backend::Workspace => {
                let tables: Vec<&str> = [
                    "api_keys",
                    "onboarding_data_integrations",
                    "onboardctl_quarantine",
                ]
                .into_iter()
                .filter(|t| self.has(t))
                .collect();
                self.conn
                    .batch(&format!("VACUUM FULL {}", tables.join(", ")))
            }
        }
    }
}
