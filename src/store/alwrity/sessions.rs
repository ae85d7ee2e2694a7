//! Sessions on ALwrity's tables: the stored session of a user (ALwrity's first row, what its
//! data shows, onboardctl's record), create, save, list and delete.

use super::conn::{Conn, Val};
use super::{side, AlwrityStore};
use crate::domain::alwrity::{self, AlwrityColumns, StepEvidence, StoredSession};
use crate::domain::{Onboarding, StepNumber, Timestamp, UserId};
use crate::store::{
    workspace, Deletion, Lifecycle, SessionQuery, SessionSummary, StoreError, StoreResult,
    TableRows,
};

/// A truthy JSON or text column as ALwrity's Python tests one (`if value:`).
fn truthy(col: &str) -> String {
    format!("({col} IS NOT NULL AND CAST({col} AS TEXT) NOT IN ('', 'null', '{{}}', '[]', '\"\"'))")
}

impl<C: Conn> AlwrityStore<C> {
    /// The evidence columns for session alias `s`: one `EXISTS` per step 1–4, built from the
    /// tables the database has.
    fn evidence_sql(&self) -> String {
        self.evidence_exprs().join(", ")
    }

    /// [`Self::evidence_sql`]'s four expressions, steps 1–4.
    pub(super) fn evidence_exprs(&self) -> [String; 4] {
        let exists = |table: &str, cond: String| match self.has(table) {
            true => format!("EXISTS (SELECT 1 FROM {table} x WHERE x.session_id = s.id{cond})"),
            false => "0".to_owned(),
        };
        let or = |a: &str, b: &str| {
            let mut parts = Vec::new();
            if self.has_column_of(a) {
                parts.push(truthy(&format!("x.{}", column(a))));
            }
            if self.has_column_of(b) {
                parts.push(truthy(&format!("x.{}", column(b))));
            }
            match parts.is_empty() {
                true => String::new(),
                false => format!(" AND ({})", parts.join(" OR ")),
            }
        };
        [
            exists("api_keys", String::new()),
            exists(
                "website_analyses",
                or(
                    "website_analyses.website_url",
                    "website_analyses.writing_style",
                ),
            ),
            exists(
                "research_preferences",
                or(
                    "research_preferences.research_depth",
                    "research_preferences.content_types",
                ),
            ),
            exists(
                "persona_data",
                or(
                    "persona_data.core_persona",
                    "persona_data.platform_personas",
                ),
            ),
        ]
    }

    /// `SELECT` of the stored sessions: the columns [`Self::stored_at`] reads, with `where_`
    /// choosing rows of `onboarding_sessions s`.
    fn stored_select(&self, where_: &str) -> String {
        let (record, join) = match self.attached() {
            true => (
                ", st.user_id, st.seen_current_step, st.seen_progress, st.seen_updated_at, \
                 st.completed_at, st.current_step, st.progress",
                " LEFT JOIN onboardctl_session_state st ON st.session_id = s.id",
            ),
            false => ("", ""),
        };
        format!(
            "SELECT s.id, s.user_id, s.current_step, s.progress, s.started_at, s.updated_at, \
             {}{record} FROM onboarding_sessions s{join} WHERE {where_}",
            self.evidence_sql()
        )
    }

    /// The session id and stored session of a row of [`Self::stored_select`]; the record is
    /// filled in by the caller (its steps live in another table).
    fn stored_at(&self, row: &[Val]) -> (i64, StoredSession, bool) {
        let flag = |i: usize| row[i].boolean().unwrap_or(false);
        let user_id = UserId::stored(row[1].text().unwrap_or_default());
        let mut record_here = false;
        let record = match self.attached() {
            true if row[10].text().as_deref() == Some(user_id.as_str()) => {
                record_here = true;
                Some(alwrity::Record {
                    seen: AlwrityColumns {
                        current_step: row[11].int(),
                        progress: row[12].real(),
                    },
                    seen_updated_at: row[13].time(),
                    completed_at: row[14].time(),
                    current_step: row[15].int().and_then(StepNumber::new),
                    progress: row[16].real(),
                    steps: Vec::new(),
                })
            }
            _ => None,
        };
        let stored = StoredSession {
            user_id,
            columns: AlwrityColumns {
                current_step: row[2].int(),
                progress: row[3].real(),
            },
            started_at: row[4].time(),
            updated_at: row[5].time(),
            evidence: StepEvidence {
                keys: flag(6),
                website: flag(7),
                research: flag(8),
                persona: flag(9),
            },
            record,
        };
        (row[0].int().unwrap_or(0), stored, record_here)
    }

    /// The user's session as ALwrity's status service reads it (the first row by id), or
    /// `None`; with its id.
    pub(super) fn stored(&mut self, user: &UserId) -> StoreResult<Option<(i64, StoredSession)>> {
        let sql = self.stored_select("s.user_id = ?1 ORDER BY s.id LIMIT 1");
        let rows = self
            .conn
            .query(&sql, &[Val::Text(user.as_str().to_owned())])?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        let (id, mut stored, has_record) = self.stored_at(row);
        if has_record {
            if let Some(r) = stored.record.as_mut() {
                r.steps = side::steps(&mut self.conn, id)?;
            }
        }
        Ok(Some((id, stored)))
    }

    /// The id of the user's first session row, or `NoSession`.
    pub(super) fn session_id(&mut self, user: &UserId) -> StoreResult<i64> {
        let rows = self.conn.query(
            "SELECT id FROM onboarding_sessions WHERE user_id = ?1 ORDER BY id LIMIT 1",
            &[Val::Text(user.as_str().to_owned())],
        )?;
        rows.first()
            .and_then(|r| r[0].int())
            .ok_or_else(|| StoreError::NoSession(user.clone()))
    }

    /// `load_onboarding`.
    pub(super) fn load(&mut self, user: &UserId) -> StoreResult<Option<Onboarding>> {
        let era = self.era.era;
        Ok(self.stored(user)?.map(|(_, s)| alwrity::assemble(era, s)))
    }

    /// Get-or-create, as ALwrity's `_get_or_create_session` does (step 1, progress 0, both
    /// times now), inside the caller's write transaction.
    pub(super) fn create(
        &mut self,
        user: &UserId,
        now: Timestamp,
    ) -> StoreResult<(Onboarding, bool)> {
        if let Some(found) = self.load(user)? {
            return Ok((found, false));
        }
        self.conn.execute(
            "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, \
             updated_at) VALUES (?1, 1, 0.0, ?2, ?2)",
            &[Val::Text(user.as_str().to_owned()), Val::Time(now)],
        )?;
        let state = self.load(user)?.ok_or_else(|| {
            StoreError::Backend(format!("session of `{user}` vanished after insert"))
        })?;
        if !self.attached() {
            return Ok((state, true));
        }
        // onboardctl's record of the new session, so the next read is not derived.
        self.save(&state)?;
        let state = self.load(user)?.unwrap_or(state);
        Ok((state, true))
    }

    /// `save_onboarding`: ALwrity's columns as the state carries them, `updated_at`, and
    /// onboardctl's record (attached databases). On a database onboardctl has not attached a
    /// state that needs a record is refused.
    pub(super) fn save(&mut self, state: &Onboarding) -> StoreResult<()> {
        let user = &state.session.user_id;
        let Some((id, stored)) = self.stored(user)? else {
            return Err(StoreError::NoSession(user.clone()));
        };
        let columns = state.alwrity.as_ref().map_or_else(
            || alwrity::columns_for(&state.steps, state.session.completed_at.is_some()),
            |v| v.columns,
        );
        if !self.attached()
            && !alwrity::is_derivable(self.era.era, columns, stored.evidence, &state.steps)
        {
            return Err(not_attached(&self.conn.location()));
        }
        let updated_at = state.session.updated_at;
        self.conn.execute(
            "UPDATE onboarding_sessions SET current_step = ?2, progress = ?3, updated_at = ?4 \
             WHERE id = ?1",
            &[
                Val::Int(id),
                columns.current_step.map_or(Val::Null, Val::Int),
                columns.progress.map_or(Val::Null, Val::Real),
                Val::Time(updated_at),
            ],
        )?;
        if self.attached() {
            side::put_record(&mut self.conn, id, state, columns, updated_at)?;
        }
        Ok(())
    }

    /// Deletes the step data of session `id` (`session reset --purge`).
    pub(super) fn purge(&mut self, user: &UserId, id: i64) -> StoreResult<()> {
        for table in [
            "api_keys",
            "website_analyses",
            "research_preferences",
            "persona_data",
            "competitor_analyses",
        ] {
            if self.has(table) {
                self.conn.execute(
                    &format!("DELETE FROM {table} WHERE session_id = ?1"),
                    &[Val::Int(id)],
                )?;
            }
        }
        self.refresh_key_copies(user)
    }

    /// The tables `delete` deletes the user's rows from, each with the condition that picks
    /// them (`?1` is the user id), children first: ALwrity's `api_keys` has a foreign key
    /// without `ON DELETE`. The HEAD tables keyed by the user id itself are the SSOT (with
    /// its plaintext key copy) and the page audits; the session rows come last.
    fn deletion_targets(&self) -> Vec<(&'static str, &'static str)> {
        const BY_SESSION: &str =
            "session_id IN (SELECT id FROM onboarding_sessions WHERE user_id = ?1)";
        let mut targets = vec![
            ("api_keys", BY_SESSION),
            ("website_analyses", BY_SESSION),
            ("research_preferences", BY_SESSION),
            ("persona_data", BY_SESSION),
            ("competitor_analyses", BY_SESSION),
        ];
        if self.attached() {
            targets.extend([
                ("onboardctl_steps", BY_SESSION),
                ("onboardctl_session_state", BY_SESSION),
            ]);
        }
        targets.extend([
            ("onboarding_data_integrations", "user_id = ?1"),
            ("seo_page_audits", "user_id = ?1"),
            ("onboarding_sessions", "user_id = ?1"),
        ]);
        targets.retain(|(t, _)| self.has(t));
        targets
    }

    /// Deletes every session row of the user and everything that hangs off them, in
    /// ALwrity's tables and onboardctl's ([`Self::deletion_targets`]).
    pub(super) fn delete(&mut self, user: &UserId) -> StoreResult<bool> {
        let uid = Val::Text(user.as_str().to_owned());
        let mut sessions = 0;
        for (table, cond) in self.deletion_targets() {
            let n = self.conn.execute(
                &format!("DELETE FROM {table} WHERE {cond}"),
                std::slice::from_ref(&uid),
            )?;
            if table == "onboarding_sessions" {
                sessions = n;
            }
        }
        Ok(sessions > 0)
    }

    /// What `delete` would remove, and the user's rows it leaves: those of every other
    /// table with a `user_id` column (ALwrity's task tables; its own reset pauses them and
    /// its own delete keeps them), and the files of the user's workspace folder.
    pub(super) fn deletion(&mut self, user: &UserId) -> StoreResult<Option<Deletion>> {
        let uid = [Val::Text(user.as_str().to_owned())];
        let targets = self.deletion_targets();
        let mut removes = Vec::with_capacity(targets.len());
        for (table, cond) in &targets {
            let rows = self.count(&format!("SELECT count(*) FROM {table} WHERE {cond}"), &uid)?;
            removes.push(TableRows {
                table: (*table).to_owned(),
                rows,
            });
        }
        if removes.last().is_none_or(|r| r.rows == 0) {
            return Ok(None);
        }
        // The session rows first, as the native stores list them.
        removes.rotate_right(1);
        let mut leaves = Vec::new();
        for table in self.conn.tables_with_column("user_id")? {
            if targets.iter().any(|(t, _)| *t == table) {
                continue;
            }
            let quoted = table.replace('"', "\"\"");
            let rows = self.count(
                &format!("SELECT count(*) FROM \"{quoted}\" WHERE user_id = ?1"),
                &uid,
            )?;
            if rows > 0 {
                leaves.push(TableRows { table, rows });
            }
        }
        let folder = self.conn.file().and_then(|f| {
            let folder = workspace::folder::folder_of(&f)?;
            Some((folder, f))
        });
        let (files_left, more_files_left) = match &folder {
            Some((folder, db)) => workspace::folder::files_beside(folder, db),
            None => (Vec::new(), false),
        };
        let plan = Deletion {
            removes,
            leaves,
            files_left,
            more_files_left,
            folder: folder.map(|(f, _)| f),
            removes_keys: false,
        };
        Ok(Some(plan.count_keys()))
    }

    fn count(&mut self, sql: &str, params: &[Val]) -> StoreResult<u64> {
        let rows = self.conn.query(sql, params)?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(Val::int)
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0))
    }

    /// `list_sessions`: one row per user (ALwrity's first row of each), read as `load`
    /// reads it, filtered and ordered as the contract says.
    pub(super) fn list(&mut self, q: &SessionQuery) -> StoreResult<Vec<SessionSummary>> {
        q.check()?;
        let sql = self
            .stored_select("s.id IN (SELECT min(id) FROM onboarding_sessions GROUP BY user_id)");
        let rows = self.conn.query(&sql, &[])?;
        let era = self.era.era;
        let mut out = Vec::new();
        for row in &rows {
            let (id, mut stored, has_record) = self.stored_at(row);
            if has_record {
                if let Some(r) = stored.record.as_mut() {
                    r.steps = side::steps(&mut self.conn, id)?;
                }
            }
            let state = alwrity::assemble(era, stored);
            let lifecycle = lifecycle(&state);
            if matches(q, &state, lifecycle) {
                out.push(SessionSummary {
                    session: state.session,
                    lifecycle,
                });
            }
        }
        out.sort_by(|a, b| q.sort.compare(&a.session, &b.session));
        let offset = usize::try_from(q.offset).unwrap_or(usize::MAX);
        let limit = usize::try_from(q.limit).unwrap_or(usize::MAX);
        Ok(out.into_iter().skip(offset).take(limit).collect())
    }
}

/// The lifecycle by the contract's definition.
fn lifecycle(state: &Onboarding) -> Lifecycle {
    if state.session.completed_at.is_some() {
        Lifecycle::Completed
    } else if state
        .steps
        .iter()
        .any(|s| s.status != crate::domain::StepStatus::Pending)
    {
        Lifecycle::InProgress
    } else {
        Lifecycle::NotStarted
    }
}

fn matches(q: &SessionQuery, state: &Onboarding, lifecycle: Lifecycle) -> bool {
    let s = &state.session;
    (q.lifecycles.is_empty() || q.lifecycles.contains(&lifecycle))
        && q.current_step.is_none_or(|n| s.current_step == n)
        && q.stalled_since
            .is_none_or(|t| s.completed_at.is_none() && s.updated_at < t)
        && q.is_after(s.updated_at, &s.user_id)
        && q.user_like
            .as_deref()
            .is_none_or(|text| crate::store::order::user_matches(text, s.user_id.as_str()))
}

/// `table.column` → `column`.
fn column(qualified: &str) -> &str {
    qualified.split_once('.').map_or(qualified, |(_, c)| c)
}

/// The error of a write that needs onboardctl's own tables on a database it has not attached.
pub(super) fn not_attached(location: &str) -> StoreError {
    StoreError::NotAttached(format!(
        "`{location}` is an ALwrity database onboardctl has not attached, and this change needs \
         onboardctl's own tables"
    ))
}
