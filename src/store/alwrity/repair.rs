//! `db repair`: duplicate session rows of one user (ALwrity's racing get-or-create makes
//! them) merged on request, never by `db migrate`. The survivor is the row ALwrity's status
//! service reads — the first by id — with its own keys and step data, since that is what
//! ALwrity has been showing and using. ALwrity's SSOT and user listing read the row with the
//! newest `updated_at` instead; where that is another row, the plan says so. Every other row
//! of the user (the other sessions and everything hanging off them), and the extra rows of a
//! 1:1 table or of a (session, provider) key, moves whole to `onboardctl_quarantine` — nothing
//! is lost. Then `UNIQUE (user_id)` is added, so no new duplicate can appear (ALwrity's own
//! racing insert then fails instead of splitting the user).

use serde::Serialize;
use serde_json::{Map, Value};

use super::conn::{Conn, Val};
use super::AlwrityStore;
use crate::store::{StoreError, StoreResult};

/// One user's merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepairMerge {
    /// The user.
    pub user_id: String,
    /// The session kept (lowest id: ALwrity's status service reads it).
    pub kept: i64,
    /// The sessions moved to the quarantine.
    pub moved: Vec<i64>,
    /// The session ALwrity's SSOT reads (newest `updated_at`), when it is not the kept one.
    pub ssot_reads: Option<i64>,
}

/// What `db repair` does (or did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct RepairPlan {
    /// One entry per user with several sessions.
    pub merges: Vec<RepairMerge>,
    /// Extra child rows moved (`table id`).
    pub extra_rows: Vec<String>,
    /// Rows that will be (were) moved to the quarantine, in all.
    pub quarantined: usize,
    /// Whether `UNIQUE (user_id)` is (was) added.
    pub add_unique: bool,
}

const CHILDREN: &[&str] = &[
    "api_keys",
    "website_analyses",
    "research_preferences",
    "persona_data",
    "competitor_analyses",
];

impl<C: Conn> AlwrityStore<C> {
    /// The plan, reading only.
    pub(super) fn plan_repair(&mut self) -> StoreResult<RepairPlan> {
        let mut plan = RepairPlan::default();
        for dup in self.duplicate_users()? {
            let kept = dup.session_ids[0];
            let moved = dup.session_ids[1..].to_vec();
            let newest = self.conn.query(
                "SELECT id FROM onboarding_sessions WHERE user_id = ?1 \
                 ORDER BY updated_at DESC, id DESC LIMIT 1",
                &[Val::Text(dup.user_id.clone())],
            )?;
            let ssot = newest
                .first()
                .and_then(|r| r[0].int())
                .filter(|id| *id != kept);
            for id in &moved {
                plan.quarantined += 1 + self.child_rows(*id)?.len();
            }
            plan.merges.push(RepairMerge {
                user_id: dup.user_id,
                kept,
                moved,
                ssot_reads: ssot,
            });
        }
        for (table, id) in self.extra_child_rows()? {
            plan.extra_rows.push(format!("{table} {id}"));
            plan.quarantined += 1;
        }
        plan.add_unique = !self.has_unique_user();
        Ok(plan)
    }

    /// Executes the plan in one write transaction (the database must be attached: the
    /// quarantine is onboardctl's table).
    pub(super) fn repair(&mut self) -> StoreResult<RepairPlan> {
        if !self.attached() {
            return Err(super::sessions::not_attached(&self.conn.location()));
        }
        self.conn.begin_migration()?;
        let done = (|| {
            let plan = self.plan_repair()?;
            for m in &plan.merges {
                for id in &m.moved {
                    for (table, child) in self.child_rows(*id)? {
                        let why =
                            format!("child of duplicate session {id}, merged into {}", m.kept);
                        self.quarantine(&table, child, &why)?;
                    }
                    let why = format!(
                        "duplicate session of user `{}`; ALwrity's status service reads session {}",
                        m.user_id, m.kept
                    );
                    self.quarantine("onboarding_sessions", *id, &why)?;
                }
            }
            for (table, id) in self.extra_child_rows()? {
                let why = "a second row of the session; ALwrity reads the first".to_owned();
                self.quarantine(&table, id, &why)?;
            }
            if plan.add_unique {
                self.conn.batch(
                    "CREATE UNIQUE INDEX onboardctl_ux_sessions_user ON onboarding_sessions (user_id)",
                )?;
                self.set_meta("unique_user", "1")?;
            }
            Ok(plan)
        })();
        match done {
            Ok(plan) => {
                self.conn.commit()?;
                Ok(plan)
            }
            Err(e) => {
                let _ = self.conn.rollback();
                Err(e)
            }
        }
    }

    /// `(table, id)` of every child row of session `sid`.
    fn child_rows(&mut self, sid: i64) -> StoreResult<Vec<(String, i64)>> {
        let mut out = Vec::new();
        let tables: Vec<&str> = CHILDREN.iter().copied().filter(|t| self.has(t)).collect();
        for table in tables {
            let rows = self.conn.query(
                &format!("SELECT id FROM {table} WHERE session_id = ?1 ORDER BY id"),
                &[Val::Int(sid)],
            )?;
            out.extend(
                rows.iter()
                    .filter_map(|r| r[0].int())
                    .map(|id| (table.to_string(), id)),
            );
        }
        Ok(out)
    }

    /// Rows of the surviving sessions that ALwrity never reads: a second row of a 1:1 table,
    /// a second key of one provider.
    fn extra_child_rows(&mut self) -> StoreResult<Vec<(String, i64)>> {
        let mut out = Vec::new();
        let survivors = "(SELECT min(id) FROM onboarding_sessions GROUP BY user_id)";
        let tables: Vec<&str> = CHILDREN
            .iter()
            .copied()
            .filter(|t| self.has(t) && *t != "competitor_analyses")
            .collect();
        for table in tables {
            let group = match table {
                "api_keys" => "session_id, provider",
                _ => "session_id",
            };
            let rows = self.conn.query(
                &format!(
                    "SELECT id FROM {table} t WHERE t.session_id IN {survivors} AND t.id NOT IN \
                     (SELECT min(id) FROM {table} WHERE session_id IN {survivors} GROUP BY {group}) \
                     ORDER BY id"
                ),
                &[],
            )?;
            out.extend(
                rows.iter()
                    .filter_map(|r| r[0].int())
                    .map(|id| (table.to_string(), id)),
            );
        }
        Ok(out)
    }

    /// Copies row `id` of `table` whole into the quarantine, then deletes it.
    fn quarantine(&mut self, table: &str, id: i64, reason: &str) -> StoreResult<()> {
        let cols: Vec<String> = self.columns(table).into_iter().collect();
        let list: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
        let rows = self.conn.query(
            &format!("SELECT {} FROM {table} WHERE id = ?1", list.join(", ")),
            &[Val::Int(id)],
        )?;
        let row = rows
            .first()
            .ok_or_else(|| StoreError::Backend(format!("row {id} of `{table}` vanished")))?;
        let mut data = Map::new();
        for (c, v) in cols.iter().zip(row) {
            data.insert(
                c.clone(),
                v.json().map_or(Value::Null, |j| match v {
                    Val::Text(s) => Value::String(s.clone()),
                    _ => j,
                }),
            );
        }
        self.conn.execute(
            "INSERT INTO onboardctl_quarantine (source_table, source_id, reason, row_data, \
             quarantined_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            &[
                Val::Text(table.to_owned()),
                Val::Int(id),
                Val::Text(reason.to_owned()),
                Val::Json(Value::Object(data)),
                Val::Time(super::now()),
            ],
        )?;
        self.conn.execute(
            &format!("DELETE FROM {table} WHERE id = ?1"),
            &[Val::Int(id)],
        )?;
        Ok(())
    }

    /// Whether `onboarding_sessions.user_id` already has onboardctl's unique index.
    fn has_unique_user(&mut self) -> bool {
        self.meta("unique_user").ok().flatten().is_some()
    }
}
