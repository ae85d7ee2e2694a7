//! `onboardctl_audit` on onboardctl's own PostgreSQL databases: append a row, list rows, one
//! statement each.

use postgres::types::{Json, Type};
use postgres::Client;

use super::convert::{get, ts, ts_at, ts_opt};
use super::scoped::{execute, rows};
use crate::domain::audit::{AuditEntry, AuditQuery};
use crate::domain::UserId;
use crate::store::audit::{changes_from, changes_json};
use crate::store::{StoreError, StoreResult};

const APPEND: &str = "INSERT INTO onboardctl_audit \
     (at, actor, command, user_id, changes, reason, outcome) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

const LIST: &str = "SELECT id, at, actor, command, user_id, changes, reason, outcome \
     FROM onboardctl_audit WHERE ($1::text IS NULL OR user_id = $1) \
     AND ($2::text IS NULL OR actor = $2) AND ($3::timestamptz IS NULL OR at >= $3) \
     ORDER BY at DESC, id DESC LIMIT $4";

/// Appends `e` (its id is assigned by the table).
pub(crate) fn append(client: &mut Client, e: &AuditEntry) -> StoreResult<()> {
    let user = e.user.as_ref().map(UserId::as_str);
    let changes = changes_json(&e.changes);
    execute(
        client,
        APPEND,
        &[
            (&ts(e.at), Type::TIMESTAMPTZ),
            (&e.actor.as_str(), Type::TEXT),
            (&e.command.as_str(), Type::TEXT),
            (&user, Type::TEXT),
            (&Json(&changes), Type::JSONB),
            (&e.reason.as_deref(), Type::TEXT),
            (&e.outcome.as_str(), Type::TEXT),
        ],
    )
    .map(drop)
}

/// The rows of a batch as one `jsonb` array, inserted in order by one statement.
const APPEND_MANY: &str = "INSERT INTO onboardctl_audit \
     (at, actor, command, user_id, changes, reason, outcome) \
     SELECT r.at, r.actor, r.command, r.user_id, r.changes, r.reason, r.outcome \
     FROM ROWS FROM (jsonb_to_recordset($1) AS (at timestamptz, actor text, command text, \
       user_id text, changes jsonb, reason text, outcome text)) \
     WITH ORDINALITY AS r(at, actor, command, user_id, changes, reason, outcome, n) \
     ORDER BY n";

/// Appends `entries` in order with one statement (nothing for none).
pub(crate) fn append_many(client: &mut Client, entries: &[AuditEntry]) -> StoreResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    /// One row as `jsonb_to_recordset` reads it (secret-free, like every audit row).
    #[derive(Debug, serde::Serialize)]
    struct Row<'a> {
        #[serde(with = "crate::domain::wire::time_req")]
        at: crate::domain::Timestamp,
        actor: &'a str,
        command: &'a str,
        user_id: Option<&'a str>,
        changes: serde_json::Value,
        reason: Option<&'a str>,
        outcome: &'a str,
    }
    let rows: Vec<Row<'_>> = entries
        .iter()
        .map(|e| Row {
            at: e.at,
            actor: &e.actor,
            command: &e.command,
            user_id: e.user.as_ref().map(UserId::as_str),
            changes: changes_json(&e.changes),
            reason: e.reason.as_deref(),
            outcome: &e.outcome,
        })
        .collect();
    execute(client, APPEND_MANY, &[(&Json(&rows), Type::JSONB)]).map(drop)
}

/// The rows `q` selects, newest first.
pub(crate) fn list(client: &mut Client, q: &AuditQuery) -> StoreResult<Vec<AuditEntry>> {
    let user = q.user.as_ref().map(UserId::as_str);
    let found = rows(
        client,
        LIST,
        &[
            (&user, Type::TEXT),
            (&q.actor.as_deref(), Type::TEXT),
            (&ts_opt(q.since), Type::TIMESTAMPTZ),
            (&i64::from(q.limit), Type::INT8),
        ],
    )?;
    found
        .iter()
        .map(|row| {
            let id: i64 = get(row, 0)?;
            let at = ts_at(row, 1)?
                .ok_or_else(|| StoreError::Backend(format!("audit row {id} has no time")))?;
            let changes: serde_json::Value = get(row, 5)?;
            Ok(AuditEntry {
                id,
                at,
                actor: get(row, 2)?,
                command: get(row, 3)?,
                user: get::<Option<String>>(row, 4)?.map(UserId::stored),
                changes: changes_from(id, changes)?,
                reason: get(row, 6)?,
                outcome: get(row, 7)?,
            })
        })
        .collect()
}
