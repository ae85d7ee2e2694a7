//! Sessions and their steps, one statement each: get-or-create (insert and read back
//! together), load (session joined with its steps), save (session update plus all six step
//! upserts through `UNNEST`, and with `purge` the data deletes, as data-modifying CTEs of
//! one atomic statement) and delete.

use postgres::types::{Json, Type};
use postgres::{Client, Row};

use super::convert::{
    bool_at, get, json, json_at, list_at, step, step_at, ts, ts_at, ts_opt, utc, utc_opt, TS,
};
use super::scoped::{execute, rows};
use crate::domain::{Onboarding, Session, StepNumber, StepState, StepStatus, Timestamp, UserId};
use crate::store::{StoreError, StoreResult};

/// The session columns (5) then the step columns (7) every read below returns.
pub(crate) const COLUMNS: &str = "s.current_step, s.progress, s.started_at, s.updated_at, \
     s.completed_at, t.step_number, t.status, t.completed_at, t.data, t.validation_errors, \
     t.forced, t.force_reason";

/// $1 user, $2 step, $3 progress, $4 and $5 now (two parameters: each takes its column's
/// type, and ALwrity's columns may differ). Column 0: whether this statement inserted;
/// column 1: whether a session existed before it. The main query's snapshot predates the
/// insert.
fn create_sql() -> String {
    format!(
        "WITH ins AS (INSERT INTO onboarding_sessions \
           (user_id, current_step, progress, started_at, updated_at) \
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO NOTHING RETURNING id) \
         SELECT EXISTS (SELECT 1 FROM ins), s.id IS NOT NULL, {COLUMNS} \
         FROM (SELECT 1) AS one \
         LEFT JOIN onboarding_sessions s ON s.user_id = $1 \
         LEFT JOIN onboarding_steps t ON t.session_id = s.id \
         ORDER BY t.step_number"
    )
}

/// Get-or-create in one statement; a second (a plain load) only when a concurrent create
/// committed in between.
pub(crate) fn create(
    client: &mut Client,
    user: &UserId,
    now: Timestamp,
) -> StoreResult<(Onboarding, bool)> {
    let fresh = Session::new(user.clone(), ts(now));
    let found = rows(
        client,
        &create_sql(),
        &[
            (&user.as_str(), Type::TEXT),
            (&step(fresh.current_step), Type::INT4),
            (&fresh.progress, Type::FLOAT8),
            (&utc(fresh.started_at), TS),
            (&utc(fresh.updated_at), TS),
        ],
    )?;
    let first = found
        .first()
        .ok_or_else(|| StoreError::Backend("get-or-create read nothing".into()))?;
    if get::<bool>(first, 0)? {
        return Ok((Onboarding::new(fresh), true));
    }
    if get::<bool>(first, 1)? {
        return Ok((assemble(&found, user, 2)?, false));
    }
    let state = load(client, user)?
        .ok_or_else(|| StoreError::Backend(format!("session of `{user}` vanished after insert")))?;
    Ok((state, false))
}

/// The user's onboarding, or `None` without a session. One statement.
pub(crate) fn load(client: &mut Client, user: &UserId) -> StoreResult<Option<Onboarding>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM onboarding_sessions s \
         LEFT JOIN onboarding_steps t ON t.session_id = s.id \
         WHERE s.user_id = $1 ORDER BY t.step_number"
    );
    let found = rows(client, &sql, &[(&user.as_str(), Type::TEXT)])?;
    if found.is_empty() {
        return Ok(None);
    }
    assemble(&found, user, 0).map(Some)
}

/// The onboarding from rows of [`COLUMNS`] starting at column `base`.
pub(crate) fn assemble(found: &[Row], user: &UserId, base: usize) -> StoreResult<Onboarding> {
    let first = found
        .first()
        .ok_or_else(|| StoreError::NoSession(user.clone()))?;
    let session = session_at(first, user.clone(), base)?;
    let mut steps = Vec::new();
    for row in found {
        steps.extend(step_row(row, base + 5)?);
    }
    Ok(Onboarding::from_rows(session, steps))
}

/// Reads `current_step, progress, started_at, updated_at, completed_at` from column `base`
/// on. NULLs from a foreign database get ALwrity's defaults (step 1, progress 0); a missing
/// start or update time falls back on the other one, then on the Unix epoch (as on SQLite).
pub(crate) fn session_at(row: &Row, user_id: UserId, base: usize) -> StoreResult<Session> {
    let current: Option<i32> = get(row, base)?;
    let progress: Option<f64> = get(row, base + 1)?;
    let started = ts_at(row, base + 2)?;
    let updated = ts_at(row, base + 3)?;
    let epoch = Timestamp::UNIX_EPOCH;
    let current = i64::from(current.unwrap_or(1)).clamp(1, 6);
    Ok(Session {
        user_id,
        current_step: StepNumber::new(current).unwrap_or(StepNumber::FIRST),
        progress: progress.unwrap_or(0.0),
        started_at: started.or(updated).unwrap_or(epoch),
        updated_at: updated.or(started).unwrap_or(epoch),
        completed_at: ts_at(row, base + 4)?,
    })
}

/// A step row from column `base` on; `None` for no row (LEFT JOIN) or an unknown step
/// number or status.
fn step_row(row: &Row, base: usize) -> StoreResult<Option<StepState>> {
    let Some(number) = step_at(row, base)? else {
        return Ok(None);
    };
    let status: Option<String> = get(row, base + 1)?;
    let Some(status) = status.and_then(|s| s.parse::<StepStatus>().ok()) else {
        return Ok(None);
    };
    Ok(Some(StepState {
        number,
        status,
        completed_at: ts_at(row, base + 2)?,
        data: json_at(row, base + 3)?,
        validation_errors: list_at(row, base + 4)?,
        forced: bool_at(row, base + 5, false)?,
        force_reason: get(row, base + 6)?,
    }))
}

/// $1 user, $2 step, $3 progress, $4 updated_at, $5 completed_at, $6–$12 the six steps as
/// parallel arrays, $13 purge. Every CTE runs whether or not it is read; none does anything
/// without the session row (`s`), so zero rows back means no session and no change.
const SAVE: &str = "WITH s AS (UPDATE onboarding_sessions \
       SET current_step = $2, progress = $3, updated_at = $4, completed_at = $5 \
       WHERE user_id = $1 RETURNING id), \
     steps AS (INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, \
         data, validation_errors, forced, force_reason) \
       SELECT s.id, u.* FROM s, UNNEST($6::int4[], $7::text[], $8::timestamptz[], \
         $9::jsonb[], $10::jsonb[], $11::bool[], $12::text[]) AS u \
       ON CONFLICT (session_id, step_number) DO UPDATE SET status = excluded.status, \
         completed_at = excluded.completed_at, data = excluded.data, \
         validation_errors = excluded.validation_errors, forced = excluded.forced, \
         force_reason = excluded.force_reason RETURNING 1), \
     k AS (DELETE FROM api_keys WHERE $13 AND session_id IN (SELECT id FROM s) RETURNING 1), \
     w AS (DELETE FROM website_analyses WHERE $13 AND session_id IN (SELECT id FROM s) \
       RETURNING 1), \
     r AS (DELETE FROM research_preferences WHERE $13 AND session_id IN (SELECT id FROM s) \
       RETURNING 1), \
     p AS (DELETE FROM persona_data WHERE $13 AND session_id IN (SELECT id FROM s) \
       RETURNING 1), \
     c AS (DELETE FROM competitor_analyses WHERE $13 AND session_id IN (SELECT id FROM s) \
       RETURNING 1) \
     SELECT 1 FROM s";

/// Writes the session row (not `started_at`) and all six steps, and with `purge` deletes
/// the user's keys, analysis, preferences and persona; one atomic statement.
pub(crate) fn save(client: &mut Client, state: &Onboarding, purge: bool) -> StoreResult<()> {
    let s = &state.session;
    let c = StepColumns::new(&state.steps);
    let written = execute(
        client,
        SAVE,
        &[
            (&s.user_id.as_str(), Type::TEXT),
            (&step(s.current_step), Type::INT4),
            (&s.progress, Type::FLOAT8),
            (&utc(s.updated_at), TS),
            (&utc_opt(s.completed_at), TS),
            (&c.numbers, Type::INT4_ARRAY),
            (&c.statuses, Type::TEXT_ARRAY),
            (&c.completed, Type::TIMESTAMPTZ_ARRAY),
            (&c.data, Type::JSONB_ARRAY),
            (&c.errors, Type::JSONB_ARRAY),
            (&c.forced, Type::BOOL_ARRAY),
            (&c.reasons, Type::TEXT_ARRAY),
            (&purge, Type::BOOL),
        ],
    )?;
    if written == 0 {
        return Err(StoreError::NoSession(s.user_id.clone()));
    }
    Ok(())
}

/// The six steps as parallel arrays, bound in this order (`int4[]`, `text[]`,
/// `timestamptz[]`, `jsonb[]`, `jsonb[]`, `bool[]`, `text[]`) and read back with `UNNEST`.
/// `onboarding_steps` is always ours (V1, or created by an earlier onboardctl's
/// rewrite of an ALwrity database) with `timestamptz`
/// columns, so the instants go in unchanged, whatever the session's `TimeZone`.
pub(crate) struct StepColumns<'a> {
    pub(crate) numbers: Vec<i32>,
    pub(crate) statuses: Vec<&'a str>,
    pub(crate) completed: Vec<Option<Timestamp>>,
    pub(crate) data: Vec<Option<Json<&'a serde_json::Value>>>,
    pub(crate) errors: Vec<Json<&'a [String]>>,
    pub(crate) forced: Vec<bool>,
    pub(crate) reasons: Vec<Option<&'a str>>,
}

impl<'a> StepColumns<'a> {
    /// The columns of `steps`.
    pub(crate) fn new(steps: &'a [StepState; 6]) -> StepColumns<'a> {
        StepColumns {
            numbers: steps.iter().map(|t| step(t.number)).collect(),
            statuses: steps.iter().map(|t| t.status.as_str()).collect(),
            completed: steps.iter().map(|t| ts_opt(t.completed_at)).collect(),
            data: steps.iter().map(|t| json(t.data.as_ref())).collect(),
            errors: steps
                .iter()
                .map(|t| Json(&t.validation_errors[..]))
                .collect(),
            forced: steps.iter().map(|t| t.forced).collect(),
            reasons: steps.iter().map(|t| t.force_reason.as_deref()).collect(),
        }
    }
}

/// The page audits go with the session: they hang off the user id, not the session row.
const DELETE: &str = "WITH a AS (DELETE FROM seo_page_audits WHERE user_id = $1 \
     AND EXISTS (SELECT 1 FROM onboarding_sessions WHERE user_id = $1)) \
     DELETE FROM onboarding_sessions WHERE user_id = $1";

/// Deletes the user's session and page audits; the schema's cascades delete the rest.
/// False when absent.
pub(crate) fn delete(client: &mut Client, user: &UserId) -> StoreResult<bool> {
    Ok(execute(client, DELETE, &[(&user.as_str(), Type::TEXT)])? > 0)
}

/// What `delete` would remove ([`crate::store::NATIVE_DELETION_COUNTS`]).
pub(crate) fn deletion(
    client: &mut Client,
    user: &UserId,
) -> StoreResult<Option<crate::store::Deletion>> {
    let found = rows(
        client,
        crate::store::NATIVE_DELETION_COUNTS,
        &[(&user.as_str(), Type::TEXT)],
    )?;
    let mut counts = Vec::with_capacity(found.len());
    for row in &found {
        counts.push((get::<String>(row, 0)?, get::<i64>(row, 1)?));
    }
    Ok(crate::store::native_deletion(counts))
}
