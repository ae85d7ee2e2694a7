//! `onboardctl_audit` on onboardctl's own SQLite databases: append a row, list rows.

use rusqlite::{params, Connection};

use super::convert::{parse_ts, ts_text};
use super::error::map_err;
use crate::domain::audit::{AuditEntry, AuditQuery};
use crate::domain::UserId;
use crate::store::audit::{changes_from, changes_json};
use crate::store::{StoreError, StoreResult};

const APPEND: &str = "INSERT INTO onboardctl_audit \
     (at, actor, command, user_id, changes, reason, outcome) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

const LIST: &str = "SELECT id, at, actor, command, user_id, changes, reason, outcome \
     FROM onboardctl_audit WHERE (?1 IS NULL OR user_id = ?1) \
     AND (?2 IS NULL OR actor = ?2) AND (?3 IS NULL OR at >= ?3) \
     ORDER BY at DESC, id DESC LIMIT ?4";

/// Appends `e` (its id is assigned by the table).
pub(crate) fn append(conn: &Connection, e: &AuditEntry) -> StoreResult<()> {
    conn.prepare_cached(APPEND)
        .and_then(|mut st| {
            st.execute(params![
                ts_text(e.at),
                e.actor,
                e.command,
                e.user.as_ref().map(UserId::as_str),
                changes_json(&e.changes).to_string(),
                e.reason,
                e.outcome
            ])
        })
        .map_err(map_err)
        .map(drop)
}

/// The rows `q` selects, newest first.
pub(crate) fn list(conn: &Connection, q: &AuditQuery) -> StoreResult<Vec<AuditEntry>> {
    let mut st = conn.prepare_cached(LIST).map_err(map_err)?;
    let rows = st
        .query_map(
            params![
                q.user.as_ref().map(UserId::as_str),
                q.actor,
                q.since.map(ts_text),
                i64::from(q.limit)
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )
        .map_err(map_err)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, actor, command, user, changes, reason, outcome) = row.map_err(map_err)?;
        let at = parse_ts(&at)
            .ok_or_else(|| StoreError::Backend(format!("audit row {id} has no readable time")))?;
        let changes = serde_json::from_str(&changes)
            .map_err(|e| StoreError::Backend(format!("audit row {id}: {e}")))
            .and_then(|v| changes_from(id, v))?;
        out.push(AuditEntry {
            id,
            at,
            actor,
            command,
            user: user.map(UserId::stored),
            changes,
            reason,
            outcome,
        });
    }
    Ok(out)
}
