//! onboardctl's own tables beside ALwrity's (present once the database is attached):
//! `onboardctl_session_state` (the record of a session: onboardctl's `current_step`,
//! `progress` and `completed_at`, and the ALwrity values it was recorded against), `onboardctl_steps` (the six step rows),
//! `onboardctl_copy_progress`, `onboardctl_quarantine` and `onboardctl_meta`. Keyed by
//! ALwrity's session id, with no foreign key: ALwrity deletes rows without cascades and
//! reuses ids, so a record whose user or ALwrity values no longer match is simply not used
//! (see `domain::alwrity::assemble`) and overwritten by the next write.

use super::conn::{Conn, Val};
use crate::domain::alwrity::AlwrityColumns;
use crate::domain::audit::{AuditEntry, AuditQuery};
use crate::domain::{Onboarding, Secret, StepNumber, StepState, Timestamp, UserId};
use crate::store::audit::{changes_from, changes_json};
use crate::store::{CopyProgress, QuarantinedKey, StoreError, StoreResult};

/// The step rows of session `id`.
pub(super) fn steps(conn: &mut impl Conn, id: i64) -> StoreResult<Vec<StepState>> {
    let rows = conn.query(
        "SELECT step_number, status, completed_at, data, validation_errors, forced, \
         force_reason FROM onboardctl_steps WHERE session_id = ?1 ORDER BY step_number",
        &[Val::Int(id)],
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let number = r[0].int().and_then(StepNumber::new)?;
            let status = r[1].text()?.parse().ok()?;
            Some(StepState {
                number,
                status,
                completed_at: r[2].time(),
                data: r[3].json(),
                validation_errors: r[4].strings(),
                forced: r[5].boolean().unwrap_or(false),
                force_reason: r[6].text(),
            })
        })
        .collect())
}

/// Writes the record of session `id`: the state's steps and `completed_at`, recorded against
/// the ALwrity `columns` and `updated_at` just written.
pub(super) fn put_record(
    conn: &mut impl Conn,
    id: i64,
    state: &Onboarding,
    columns: AlwrityColumns,
    updated_at: Timestamp,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO onboardctl_session_state (session_id, user_id, completed_at, \
         current_step, progress, seen_current_step, seen_progress, seen_updated_at, \
         recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) \
         ON CONFLICT (session_id) DO UPDATE SET \
         user_id = excluded.user_id, completed_at = excluded.completed_at, \
         current_step = excluded.current_step, progress = excluded.progress, \
         seen_current_step = excluded.seen_current_step, seen_progress = excluded.seen_progress, \
         seen_updated_at = excluded.seen_updated_at, recorded_at = excluded.recorded_at",
        &[
            Val::Int(id),
            Val::Text(state.session.user_id.as_str().to_owned()),
            state.session.completed_at.map_or(Val::Null, Val::Time),
            Val::Int(i64::from(state.session.current_step.get())),
            Val::Real(state.session.progress),
            columns.current_step.map_or(Val::Null, Val::Int),
            columns.progress.map_or(Val::Null, Val::Real),
            Val::Time(updated_at),
        ],
    )?;
    for s in &state.steps {
        conn.execute(
            "INSERT INTO onboardctl_steps (session_id, step_number, status, completed_at, data, \
             validation_errors, forced, force_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (session_id, step_number) DO UPDATE SET status = excluded.status, \
             completed_at = excluded.completed_at, data = excluded.data, \
             validation_errors = excluded.validation_errors, forced = excluded.forced, \
             force_reason = excluded.force_reason",
            &[
                Val::Int(id),
                Val::Int(i64::from(s.number.get())),
                Val::Text(s.status.as_str().to_owned()),
                s.completed_at.map_or(Val::Null, Val::Time),
                s.data.clone().map_or(Val::Null, Val::Json),
                Val::Json(serde_json::Value::from(s.validation_errors.clone())),
                Val::Bool(s.forced),
                s.force_reason.clone().map_or(Val::Null, Val::Text),
            ],
        )?;
    }
    Ok(())
}

/// The progress of the copy from `source`.
pub(super) fn copy_progress(
    conn: &mut impl Conn,
    source: &str,
) -> StoreResult<Option<CopyProgress>> {
    let rows = conn.query(
        "SELECT last_user_id, started_at, updated_at, finished_at \
         FROM onboardctl_copy_progress WHERE source = ?1",
        &[Val::Text(source.to_owned())],
    )?;
    let Some(r) = rows.first() else {
        return Ok(None);
    };
    let required = |v: &Val| {
        v.time()
            .ok_or_else(|| StoreError::Backend("copy progress without a time".into()))
    };
    Ok(Some(CopyProgress {
        source: source.to_owned(),
        last_user: r[0].text().map(UserId::stored),
        started_at: required(&r[1])?,
        updated_at: required(&r[2])?,
        finished_at: r[3].time(),
    }))
}

/// Records `p`.
pub(super) fn put_copy_progress(conn: &mut impl Conn, p: &CopyProgress) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO onboardctl_copy_progress (source, last_user_id, started_at, updated_at, \
         finished_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (source) DO UPDATE SET \
         last_user_id = excluded.last_user_id, started_at = excluded.started_at, \
         updated_at = excluded.updated_at, finished_at = excluded.finished_at",
        &[
            Val::Text(p.source.clone()),
            p.last_user
                .as_ref()
                .map_or(Val::Null, |u| Val::Text(u.as_str().to_owned())),
            Val::Time(p.started_at),
            Val::Time(p.updated_at),
            p.finished_at.map_or(Val::Null, Val::Time),
        ],
    )
    .map(drop)
}

/// Appends an audit row.
pub(super) fn append_audit(conn: &mut impl Conn, e: &AuditEntry) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO onboardctl_audit (at, actor, command, user_id, changes, reason, outcome) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            Val::Time(e.at),
            Val::Text(e.actor.clone()),
            Val::Text(e.command.clone()),
            e.user
                .as_ref()
                .map_or(Val::Null, |u| Val::Text(u.as_str().to_owned())),
            Val::Json(changes_json(&e.changes)),
            e.reason.clone().map_or(Val::Null, Val::Text),
            Val::Text(e.outcome.clone()),
        ],
    )
    .map(drop)
}

/// The audit rows `q` selects, newest first. Only the filters given are bound (an untyped
/// NULL parameter is refused by PostgreSQL).
pub(super) fn list_audit(conn: &mut impl Conn, q: &AuditQuery) -> StoreResult<Vec<AuditEntry>> {
    let mut sql = String::from(
        "SELECT id, at, actor, command, user_id, changes, reason, outcome \
         FROM onboardctl_audit WHERE 1 = 1",
    );
    let mut params = vec![Val::Int(i64::from(q.limit))];
    let mut filter = |column: &str, op: &str, v: Val| {
        params.push(v);
        sql.push_str(&format!(" AND {column} {op} ?{}", params.len()));
    };
    if let Some(u) = &q.user {
        filter("user_id", "=", Val::Text(u.as_str().to_owned()));
    }
    if let Some(a) = &q.actor {
        filter("actor", "=", Val::Text(a.clone()));
    }
    if let Some(t) = q.since {
        filter("at", ">=", Val::Time(t));
    }
    sql.push_str(" ORDER BY at DESC, id DESC LIMIT ?1");
    let rows = conn.query(&sql, &params)?;
    rows.iter()
        .map(|r| {
            let id = r[0].int().unwrap_or(0);
            let at = r[1]
                .time()
                .ok_or_else(|| StoreError::Backend(format!("audit row {id} has no time")))?;
            let changes = r[5].json().unwrap_or(serde_json::Value::Null);
            Ok(AuditEntry {
                id,
                at,
                actor: r[2].text().unwrap_or_default(),
                command: r[3].text().unwrap_or_default(),
                user: r[4].text().map(UserId::stored),
                changes: changes_from(id, changes)?,
                reason: r[6].text(),
                outcome: r[7].text().unwrap_or_default(),
            })
        })
        .collect()
}

/// Key values in the quarantine table.
pub(super) fn quarantined_keys(conn: &mut impl Conn) -> StoreResult<Vec<QuarantinedKey>> {
    let rows = conn.query(
        "SELECT id, row_data FROM onboardctl_quarantine WHERE source_table = 'api_keys' \
         ORDER BY id",
        &[],
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let data = r[1].json()?;
            let key = data.get("key")?.as_str()?.to_owned();
            Some(QuarantinedKey {
                id: r[0].int()?,
                provider: data
                    .get("provider")
                    .and_then(|p| p.as_str())
                    .unwrap_or_default()
                    .to_owned(),
                value: Secret::new(key),
            })
        })
        .collect())
}

/// Replaces the key value inside quarantined row `id`.
pub(super) fn put_quarantined_key(
    conn: &mut impl Conn,
    id: i64,
    value: &Secret,
) -> StoreResult<()> {
    let rows = conn.query(
        "SELECT row_data FROM onboardctl_quarantine WHERE id = ?1",
        &[Val::Int(id)],
    )?;
    let Some(mut data) = rows.first().and_then(|r| r[0].json()) else {
        return Ok(());
    };
    if let Some(obj) = data.as_object_mut() {
        obj.insert("key".into(), value.expose().into());
    }
    conn.execute(
        "UPDATE onboardctl_quarantine SET row_data = ?2 WHERE id = ?1",
        &[Val::Int(id), Val::Json(data)],
    )
    .map(drop)
}
