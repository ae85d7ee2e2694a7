//! `session list`: filters, lifecycle and paging, all in one statement.
//!
//! The lifecycle is computed in SQL exactly as [`Lifecycle`] documents it, so the filter and
//! the reported value cannot disagree.

use rusqlite::{params, Connection};

use super::convert::{ts_opt_text, ts_text};
use super::error::map_err;
use super::sessions::session_at;
use crate::domain::UserId;
use crate::store::{Lifecycle, SessionQuery, SessionSummary, StoreError, StoreResult};

/// ?1 current step or NULL; ?2 stalled-since instant or NULL; ?3–?5 whether not_started,
/// in_progress, completed are wanted; ?6 limit; ?7 offset; ?8 and ?9 the keyset cursor
/// (`updated_at`, user id) or NULL. Timestamps compare as text, which
/// orders correctly because every value is written in the same fixed-width UTC format.
const LIST: &str = "SELECT user_id, current_step, progress, started_at, updated_at, \
     completed_at, lifecycle FROM ( \
       SELECT s.user_id, s.current_step, s.progress, s.started_at, s.updated_at, \
         s.completed_at, \
         CASE WHEN s.completed_at IS NOT NULL THEN 'completed' \
              WHEN EXISTS (SELECT 1 FROM onboarding_steps t \
                           WHERE t.session_id = s.id AND t.status <> 'pending') \
                THEN 'in_progress' \
              ELSE 'not_started' END AS lifecycle \
       FROM onboarding_sessions s \
       WHERE (?1 IS NULL OR s.current_step = ?1) \
         AND (?2 IS NULL OR (s.completed_at IS NULL AND s.updated_at < ?2)) \
     ) \
     WHERE ((lifecycle = 'not_started' AND ?3) OR (lifecycle = 'in_progress' AND ?4) \
        OR (lifecycle = 'completed' AND ?5)) \
       AND (?8 IS NULL OR updated_at < ?8 OR (updated_at = ?8 AND user_id > ?9)) \
     ORDER BY updated_at DESC, user_id ASC \
     LIMIT ?6 OFFSET ?7";

/// Sessions matching `q`, newest `updated_at` first, then by user id, each handed to `sink`
/// as the statement steps (until it returns false).
pub(crate) fn scan(
    conn: &Connection,
    q: &SessionQuery,
    sink: &mut dyn FnMut(SessionSummary) -> bool,
) -> StoreResult<()> {
    let wants = |l: Lifecycle| q.lifecycles.is_empty() || q.lifecycles.contains(&l);
    let mut st = conn.prepare_cached(LIST).map_err(map_err)?;
    let mut rows = st
        .query(params![
            q.current_step.map(|n| i64::from(n.get())),
            ts_opt_text(q.stalled_since),
            wants(Lifecycle::NotStarted),
            wants(Lifecycle::InProgress),
            wants(Lifecycle::Completed),
            i64::from(q.limit),
            i64::from(q.offset),
            q.after.as_ref().map(|(t, _)| ts_text(*t)),
            q.after.as_ref().map(|(_, u)| u.as_str())
        ])
        .map_err(map_err)?;
    while let Some(row) = rows.next().map_err(map_err)? {
        let user = UserId::stored(row.get::<_, String>(0).map_err(map_err)?);
        let lifecycle = lifecycle(&row.get::<_, String>(6).map_err(map_err)?)?;
        let summary = SessionSummary {
            session: session_at(row, user, 1)?,
            lifecycle,
        };
        if !sink(summary) {
            break;
        }
    }
    Ok(())
}

fn lifecycle(text: &str) -> StoreResult<Lifecycle> {
    match text {
        "not_started" => Ok(Lifecycle::NotStarted),
        "in_progress" => Ok(Lifecycle::InProgress),
        "completed" => Ok(Lifecycle::Completed),
        other => Err(StoreError::Backend(format!(
            "unexpected lifecycle `{other}`"
        ))),
    }
}
