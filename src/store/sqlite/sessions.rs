//! Sessions and their steps: get-or-create, the one-statement load, save (session row plus
//! all six step upserts), purge, delete. Listing lives in `list.rs`.

use rusqlite::{params, Connection, Row};

use super::convert::ts_text;
use super::convert::{bool_or, json_opt, json_text, list_text, string_list, ts_opt, ts_opt_text};
use super::error::map_err;
use crate::domain::{Onboarding, Session, StepNumber, StepState, StepStatus, Timestamp, UserId};
use crate::store::{StoreError, StoreResult};

const INSERT_SESSION: &str = "INSERT INTO onboarding_sessions \
     (user_id, current_step, progress, started_at, updated_at, completed_at) \
     VALUES (?1, ?2, ?3, ?4, ?4, NULL) ON CONFLICT (user_id) DO NOTHING";

/// Get-or-create inside the caller's transaction. The state is read back in both cases, so
/// the caller sees exactly what is stored (timestamps at µs precision).
pub(crate) fn create(
    conn: &Connection,
    user: &UserId,
    now: Timestamp,
) -> StoreResult<(Onboarding, bool)> {
    let fresh = Session::new(user.clone(), now);
    let inserted = conn
        .prepare_cached(INSERT_SESSION)
        .and_then(|mut st| {
            st.execute(params![
                user.as_str(),
                i64::from(fresh.current_step.get()),
                fresh.progress,
                ts_text(now)
            ])
        })
        .map_err(map_err)?;
    let state = load(conn, user)?
        .ok_or_else(|| StoreError::Backend(format!("session of `{user}` vanished after insert")))?;
    Ok((state, inserted == 1))
}

/// One statement: the session row joined with its step rows (none, or up to six).
pub(super) const LOAD: &str = "SELECT s.current_step, s.progress, s.started_at, s.updated_at, \
     s.completed_at, t.step_number, t.status, t.completed_at, t.data, t.validation_errors, \
     t.forced, t.force_reason \
     FROM onboarding_sessions s LEFT JOIN onboarding_steps t ON t.session_id = s.id \
     WHERE s.user_id = ?1 ORDER BY t.step_number";

/// The user's onboarding, or `None` without a session.
pub(crate) fn load(conn: &Connection, user: &UserId) -> StoreResult<Option<Onboarding>> {
    let mut st = conn.prepare_cached(LOAD).map_err(map_err)?;
    let mut rows = st.query([user.as_str()]).map_err(map_err)?;
    let mut session = None;
    let mut steps = Vec::new();
    while let Some(row) = rows.next().map_err(map_err)? {
        if session.is_none() {
            session = Some(session_at(row, user.clone(), 0)?);
        }
        steps.extend(step_at(row, 5)?);
    }
    Ok(session.map(|s| Onboarding::from_rows(s, steps)))
}

/// Reads `current_step, progress, started_at, updated_at, completed_at` from column `base`
/// on. NULLs from a foreign database get ALwrity's defaults (step 1, progress 0); a missing
/// start or update time falls back on the other one, then on the Unix epoch.
pub(crate) fn session_at(row: &Row<'_>, user_id: UserId, base: usize) -> StoreResult<Session> {
    let step: Option<i64> = row.get(base).map_err(map_err)?;
    let progress: Option<f64> = row.get(base + 1).map_err(map_err)?;
    let started = ts_opt(row, base + 2)?;
    let updated = ts_opt(row, base + 3)?;
    let epoch = Timestamp::UNIX_EPOCH;
    Ok(Session {
        user_id,
        current_step: StepNumber::new(step.unwrap_or(1).clamp(1, 6)).unwrap_or(StepNumber::FIRST),
        progress: progress.unwrap_or(0.0),
        started_at: started.or(updated).unwrap_or(epoch),
        updated_at: updated.or(started).unwrap_or(epoch),
        completed_at: ts_opt(row, base + 4)?,
    })
}

/// Reads a step row from column `base` on; `None` for no row (LEFT JOIN) or a row a foreign
/// database filled with an unknown step number or status.
fn step_at(row: &Row<'_>, base: usize) -> StoreResult<Option<StepState>> {
    let number: Option<i64> = row.get(base).map_err(map_err)?;
    let status: Option<String> = row.get(base + 1).map_err(map_err)?;
    let Some(number) = number.and_then(StepNumber::new) else {
        return Ok(None);
    };
    let Some(status) = status.and_then(|s| s.parse::<StepStatus>().ok()) else {
        return Ok(None);
    };
    Ok(Some(StepState {
        number,
        status,
        completed_at: ts_opt(row, base + 2)?,
        data: json_opt(row, base + 3)?,
        validation_errors: string_list(row, base + 4)?,
        forced: bool_or(row, base + 5, false)?,
        force_reason: row.get(base + 6).map_err(map_err)?,
    }))
}

const UPDATE_SESSION: &str = "UPDATE onboarding_sessions \
     SET current_step = ?2, progress = ?3, updated_at = ?4, completed_at = ?5 \
     WHERE user_id = ?1 RETURNING id";

const UPSERT_STEP: &str = "INSERT INTO onboarding_steps \
     (session_id, step_number, status, completed_at, data, validation_errors, forced, \
     force_reason) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
     ON CONFLICT (session_id, step_number) DO UPDATE SET status = excluded.status, \
     completed_at = excluded.completed_at, data = excluded.data, \
     validation_errors = excluded.validation_errors, forced = excluded.forced, \
     force_reason = excluded.force_reason";

/// Writes the session row (not `started_at`) and all six steps; returns the session id.
pub(crate) fn save(conn: &Connection, state: &Onboarding) -> StoreResult<i64> {
    let s = &state.session;
    let mut st = conn.prepare_cached(UPDATE_SESSION).map_err(map_err)?;
    let mut rows = st
        .query(params![
            s.user_id.as_str(),
            i64::from(s.current_step.get()),
            s.progress,
            ts_text(s.updated_at),
            ts_opt_text(s.completed_at)
        ])
        .map_err(map_err)?;
    let id: i64 = match rows.next().map_err(map_err)? {
        Some(row) => row.get(0).map_err(map_err)?,
        None => return Err(StoreError::NoSession(s.user_id.clone())),
    };
    drop(rows);
    upsert_steps(conn, id, &state.steps)?;
    Ok(id)
}

/// Upserts all six steps of session `id`.
pub(crate) fn upsert_steps(conn: &Connection, id: i64, steps: &[StepState; 6]) -> StoreResult<()> {
    let mut upsert = conn.prepare_cached(UPSERT_STEP).map_err(map_err)?;
    for step in steps {
        upsert
            .execute(params![
                id,
                i64::from(step.number.get()),
                step.status.as_str(),
                ts_opt_text(step.completed_at),
                json_text(step.data.as_ref()),
                list_text(&step.validation_errors),
                step.forced,
                step.force_reason
            ])
            .map_err(map_err)?;
    }
    Ok(())
}

const PURGE: [&str; 5] = [
    "DELETE FROM api_keys WHERE session_id = ?1",
    "DELETE FROM website_analyses WHERE session_id = ?1",
    "DELETE FROM research_preferences WHERE session_id = ?1",
    "DELETE FROM persona_data WHERE session_id = ?1",
    "DELETE FROM competitor_analyses WHERE session_id = ?1",
];

/// Deletes the stored data of session `id` (keys, analysis, preferences, persona).
pub(crate) fn purge(conn: &Connection, id: i64) -> StoreResult<()> {
    for sql in PURGE {
        conn.prepare_cached(sql)
            .and_then(|mut st| st.execute([id]))
            .map_err(map_err)?;
    }
    Ok(())
}

const DELETE_SESSION: &str = "DELETE FROM onboarding_sessions WHERE user_id = ?1";
/// The page audits hang off the user id, not the session row (the caller's transaction
/// makes the two deletes one).
const DELETE_AUDITS: &str = "DELETE FROM seo_page_audits WHERE user_id = ?1";

/// Deletes the user's session and page audits; the schema's cascades delete the rest.
/// False when absent.
pub(crate) fn delete(conn: &Connection, user: &UserId) -> StoreResult<bool> {
    let n = conn
        .prepare_cached(DELETE_SESSION)
        .and_then(|mut st| st.execute([user.as_str()]))
        .map_err(map_err)?;
    if n > 0 {
        conn.prepare_cached(DELETE_AUDITS)
            .and_then(|mut st| st.execute([user.as_str()]))
            .map_err(map_err)?;
    }
    Ok(n > 0)
}
