//! `db migrate` on a database ALwrity made: attach, never rewrite. The plan only adds —
//! onboardctl's own tables, ALwrity's newer nullable columns a file from an older ALwrity
//! lacks (ALwrity's own later models have them, so its code reads them as it would), and
//! non-unique indexes on the columns every lookup uses — and it never rewrites a value
//! ALwrity reads, never adds a constraint ALwrity's own writes could trip, never changes the
//! journal mode (WAL only when asked), and never replaces the file. Duplicate sessions are
//! reported here and merged only by `db repair`. Applied in one write transaction; the
//! attach version is recorded in `onboardctl_meta`, so a second run is a no-op.

use serde::Serialize;

use super::conn::{Conn, Val};
use super::AlwrityStore;
use crate::domain::alwrity::EraGuess;
use crate::store::StoreResult;

/// The version of onboardctl's tables on an attached database (the steps below).
/// 2 added `onboardctl_audit`: a database attached at 1 gets it from the next `db migrate`.
pub(crate) const ATTACH_VERSION: u32 = 2;

/// ALwrity's newer columns onboardctl writes, with their kind: `j` JSON, `t` time.
const NEWER_COLUMNS: &[(&str, &str, char)] = &[
    ("website_analyses", "brand_analysis", 'j'),
    ("website_analyses", "content_strategy_insights", 'j'),
    ("website_analyses", "social_media_presence", 'j'),
    ("website_analyses", "seo_audit", 'j'),
    ("website_analyses", "strategic_insights_history", 'j'),
    ("persona_data", "research_persona", 'j'),
    ("persona_data", "research_persona_generated_at", 't'),
];

/// ALwrity's lookup columns that get a (non-unique) index.
const INDEXED: &[(&str, &str)] = &[
    ("onboarding_sessions", "user_id"),
    ("api_keys", "session_id"),
    ("website_analyses", "session_id"),
    ("research_preferences", "session_id"),
    ("persona_data", "session_id"),
    ("competitor_analyses", "session_id"),
];

/// One user with several session rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateUser {
    /// The user.
    pub user_id: String,
    /// Their session ids, lowest (the one ALwrity's status service reads) first.
    pub session_ids: Vec<i64>,
}

/// What `db migrate` would do on a database ALwrity made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachPlan {
    /// Which ALwrity, and why.
    pub era: EraGuess,
    /// onboardctl's tables to create.
    pub create_tables: Vec<String>,
    /// ALwrity's newer nullable columns to add (`table.column type`).
    pub add_columns: Vec<String>,
    /// Non-unique indexes to add (`name on table (column)`).
    pub add_indexes: Vec<String>,
    /// Users with several session rows (left as they are; `db repair` merges them).
    pub duplicate_users: Vec<DuplicateUser>,
    /// Whether the journal mode becomes WAL (`--wal`); otherwise it is left as it is.
    pub wal: bool,
    /// What stays as it is.
    pub unchanged: &'static str,
}

/// The sentence every plan carries.
pub(crate) const UNCHANGED: &str = "nothing ALwrity reads changes: no value is rewritten, no \
     constraint is added to ALwrity's tables, the journal mode and the file stay as they are";

impl<C: Conn> AlwrityStore<C> {
    /// The statements of the attach, in order (empty when attached).
    fn attach_statements(&self) -> (Vec<(String, String)>, Vec<String>, Vec<String>) {
        let t = self.conn.types();
        let own = [
            (
                "onboardctl_meta",
                "key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL".to_owned(),
            ),
            (
                "onboardctl_session_state",
                format!(
                    "session_id INTEGER PRIMARY KEY, user_id VARCHAR(255) NOT NULL, \
                     completed_at {ts}, current_step INTEGER, progress FLOAT, \
                     seen_current_step INTEGER, seen_progress FLOAT, \
                     seen_updated_at {ts}, recorded_at {ts} NOT NULL",
                    ts = t.own_time
                ),
            ),
            (
                "onboardctl_steps",
                format!(
                    "session_id INTEGER NOT NULL, step_number INTEGER NOT NULL, \
                     status VARCHAR(20) NOT NULL, completed_at {ts}, data {js}, \
                     validation_errors {js}, forced BOOLEAN NOT NULL, force_reason TEXT, \
                     PRIMARY KEY (session_id, step_number)",
                    ts = t.own_time,
                    js = t.own_json
                ),
            ),
            (
                "onboardctl_quarantine",
                format!(
                    "id {serial}, source_table VARCHAR(64) NOT NULL, source_id BIGINT, \
                     reason TEXT NOT NULL, row_data {js} NOT NULL, quarantined_at {ts} NOT NULL",
                    serial = t.serial,
                    js = t.own_json,
                    ts = t.own_time
                ),
            ),
            (
                "onboardctl_copy_progress",
                format!(
                    "source TEXT PRIMARY KEY, last_user_id TEXT, started_at {ts} NOT NULL, \
                     updated_at {ts} NOT NULL, finished_at {ts}",
                    ts = t.own_time
                ),
            ),
            (
                crate::store::audit::AUDIT_TABLE,
                format!(
                    "id {serial}, at {ts} NOT NULL, actor TEXT NOT NULL, command TEXT NOT NULL, \
                     user_id VARCHAR(255), changes {js} NOT NULL, reason TEXT, \
                     outcome TEXT NOT NULL",
                    serial = t.serial,
                    ts = t.own_time,
                    js = t.own_json
                ),
            ),
        ];
        let tables = own
            .into_iter()
            .filter(|(name, _)| !self.has(name))
            .map(|(name, body)| (name.to_owned(), format!("CREATE TABLE {name} ({body})")))
            .collect();
        let columns = NEWER_COLUMNS
            .iter()
            .filter(|(table, col, _)| self.has(table) && !self.columns(table).contains(*col))
            .map(|(table, col, kind)| {
                let ty = if *kind == 'j' {
                    t.alwrity_json
                } else {
                    t.alwrity_time
                };
                format!("ALTER TABLE {table} ADD COLUMN {col} {ty}")
            })
            .collect();
        let indexes = INDEXED
            .iter()
            .filter(|(table, _)| self.has(table))
            .map(|(table, col)| {
                format!("CREATE INDEX IF NOT EXISTS onboardctl_ix_{table}_{col} ON {table} ({col})")
            })
            .collect();
        (tables, columns, indexes)
    }

    /// `attach_plan`: `None` when already attached.
    pub(super) fn plan_attach(&mut self, wal: bool) -> StoreResult<Option<AttachPlan>> {
        if self.fully_attached() {
            return Ok(None);
        }
        let (tables, columns, indexes) = self.attach_statements();
        Ok(Some(AttachPlan {
            era: self.era.clone(),
            create_tables: tables.into_iter().map(|(n, _)| n).collect(),
            add_columns: columns
                .iter()
                .map(|s| {
                    s.trim_start_matches("ALTER TABLE ")
                        .replacen(" ADD COLUMN ", ".", 1)
                })
                .collect(),
            add_indexes: indexes
                .iter()
                .map(|s| {
                    s.trim_start_matches("CREATE INDEX IF NOT EXISTS ")
                        .to_owned()
                })
                .collect(),
            duplicate_users: self.duplicate_users()?,
            wal,
            unchanged: UNCHANGED,
        }))
    }

    /// `migrate` on an ALwrity database: the attach, in one transaction; `None` when it was
    /// already attached.
    pub(super) fn attach(&mut self, wal: bool) -> StoreResult<Option<AttachPlan>> {
        if self.fully_attached() {
            return Ok(None);
        }
        self.conn.begin_migration()?;
        // Under the lock, again: a concurrent run may have attached meanwhile.
        let plan = match self.reload_catalog().and_then(|()| self.plan_attach(wal)) {
            Ok(Some(plan)) => plan,
            Ok(None) => {
                self.conn.commit()?;
                return Ok(None);
            }
            Err(e) => {
                let _ = self.conn.rollback();
                return Err(e);
            }
        };
        let (tables, columns, indexes) = self.attach_statements();
        let applied = (|| {
            for (_, sql) in &tables {
                self.conn.batch(sql)?;
            }
            for sql in columns.iter().chain(&indexes) {
                self.conn.batch(sql)?;
            }
            self.conn.execute(
                "INSERT INTO onboardctl_meta (key, value) VALUES ('attach_version', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[Val::Text(ATTACH_VERSION.to_string())],
            )?;
            Ok(())
        })();
        match applied {
            Ok(()) => self.conn.commit()?,
            Err(e) => {
                let _ = self.conn.rollback();
                return Err(e);
            }
        }
        if wal && self.conn.backend() == crate::store::Backend::Sqlite {
            // Persistent, and only when asked: ALwrity keeps working either way.
            self.conn.batch("PRAGMA journal_mode = WAL")?;
        }
        self.reload_catalog()?;
        Ok(Some(plan))
    }

    /// Users with more than one session row, by user id.
    pub(super) fn duplicate_users(&mut self) -> StoreResult<Vec<DuplicateUser>> {
        let rows = self.conn.query(
            &format!(
                "SELECT user_id, id FROM onboarding_sessions WHERE user_id IN \
                 (SELECT user_id FROM onboarding_sessions GROUP BY user_id HAVING count(*) > 1) \
                 ORDER BY {}, id",
                self.conn.bytewise("user_id")
            ),
            &[],
        )?;
        let mut out: Vec<DuplicateUser> = Vec::new();
        for r in &rows {
            let user = r[0].text().unwrap_or_default();
            let id = r[1].int().unwrap_or(0);
            match out.last_mut() {
                Some(d) if d.user_id == user => d.session_ids.push(id),
                _ => out.push(DuplicateUser {
                    user_id: user,
                    session_ids: vec![id],
                }),
            }
        }
        Ok(out)
    }
}
