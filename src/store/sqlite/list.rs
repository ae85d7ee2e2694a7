//! `session list`: filters, lifecycle, order and paging, all in one statement, and the
//! count of the matching rows in one more.
//!
//! The lifecycle is computed in SQL exactly as [`Lifecycle`] documents it, so the filter and
//! the reported value cannot disagree.

use rusqlite::types::Value;
use rusqlite::Connection;

use super::convert::{ts_opt_text, ts_text};
use super::error::map_err;
use super::sessions::session_at;
use crate::domain::UserId;
use crate::store::{Lifecycle, SessionQuery, SessionSort, SessionSummary, StoreError, StoreResult};

/// ?1 current step or NULL; ?2 stalled-since instant or NULL; ?3–?5 whether not_started,
/// in_progress, completed are wanted; ?6 limit; ?7 offset (both used by [`LIST`] only); ?8
/// and ?9 the keyset cursor (`updated_at`, user id) or NULL; ?10 the user-id `LIKE`
/// pattern (lower-cased, `\` escapes) or NULL: SQLite's `lower()` folds ASCII only, the
/// rule of [`crate::store::order`]. Timestamps compare as text, which orders correctly
/// because every value is written in the same fixed-width UTC format.
const MATCHING: &str = "SELECT user_id, current_step, progress, started_at, updated_at, \
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
         AND (?10 IS NULL OR lower(s.user_id) LIKE ?10 ESCAPE '\\') \
     ) \
     WHERE ((?3 AND ?4 AND ?5) \
        OR CASE lifecycle WHEN 'not_started' THEN ?3 WHEN 'in_progress' THEN ?4 ELSE ?5 END) \
       AND (?8 IS NULL OR updated_at < ?8 OR (updated_at = ?8 AND user_id > ?9))";

/// The page: [`MATCHING`] in the query's order ([`SessionSort::order_by`]), then limit and
/// offset.
fn list_sql(sort: SessionSort) -> String {
    format!(
        "{MATCHING} ORDER BY {} LIMIT ?6 OFFSET ?7",
        sort.order_by("user_id", true)
    )
}

/// How many rows [`MATCHING`] has.
fn count_sql() -> String {
    format!("SELECT count(*) FROM ({MATCHING})")
}

/// Sessions matching `q`, in its order, each handed to `sink` as the statement steps (until
/// it returns false).
pub(crate) fn scan(
    conn: &Connection,
    q: &SessionQuery,
    sink: &mut dyn FnMut(SessionSummary) -> bool,
) -> StoreResult<()> {
    q.check()?;
    let mut st = conn.prepare_cached(&list_sql(q.sort)).map_err(map_err)?;
    let mut rows = st.query(bound(q)).map_err(map_err)?;
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

/// How many sessions match `q`'s filters. One statement.
pub(crate) fn count(conn: &Connection, q: &SessionQuery) -> StoreResult<u64> {
    let q = q.unpaged();
    let mut st = conn.prepare_cached(&count_sql()).map_err(map_err)?;
    let n: i64 = st.query_row(bound(&q), |row| row.get(0)).map_err(map_err)?;
    u64::try_from(n).map_err(|_| StoreError::Backend(format!("negative count {n}")))
}

/// The parameters of [`MATCHING`] (a statement that does not use ?6 and ?7 still has
/// their slots: SQLite counts numbered parameters up to the highest).
fn bound(q: &SessionQuery) -> rusqlite::ParamsFromIter<[Value; 10]> {
    let wants = |l: Lifecycle| Value::from(q.lifecycles.is_empty() || q.lifecycles.contains(&l));
    let text = |t: Option<String>| t.map_or(Value::Null, Value::Text);
    rusqlite::params_from_iter([
        q.current_step
            .map_or(Value::Null, |n| Value::Integer(i64::from(n.get()))),
        text(ts_opt_text(q.stalled_since)),
        wants(Lifecycle::NotStarted),
        wants(Lifecycle::InProgress),
        wants(Lifecycle::Completed),
        Value::Integer(i64::from(q.limit)),
        Value::Integer(i64::from(q.offset)),
        text(q.after.as_ref().map(|(t, _)| ts_text(*t))),
        text(q.after.as_ref().map(|(_, u)| u.as_str().to_owned())),
        text(q.like_pattern()),
    ])
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
