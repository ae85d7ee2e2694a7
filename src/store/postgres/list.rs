//! `session list`: filters, lifecycle and paging, all in one statement, the same as on
//! SQLite. Two details keep the order identical across backends: NULL `updated_at` sorts
//! last (SQLite's NULLs are smallest) and user ids compare bytewise (`COLLATE "C"`, SQLite's
//! BINARY), whatever the database's collation.

use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Type;
use postgres::Client;

use super::convert::{count, get, step, utc_opt, TS};
use super::error::classify;
use super::scoped::{rows, Params};
use super::sessions::session_at;
use crate::domain::UserId;
use crate::store::{Lifecycle, SessionQuery, SessionSort, SessionSummary, StoreError, StoreResult};

/// $1 current step or NULL; $2 stalled-since instant (typed by `updated_at`, so a naive
/// column compares with the UTC wall time, not through the session's `TimeZone`) and $8
/// whether to filter on it (a bare `$2 IS NULL` would leave $2 untyped); $3–$5 whether
/// not_started, in_progress, completed are wanted; $6 limit; $7 offset (used by the page
/// only; typed, so the count may leave them out); $9 whether to page after the keyset
/// cursor ($10 `updated_at`, typed like $2, and $11 user id); $12 whether to search user
/// ids, with the `LIKE` pattern $13. The id is lower-cased with `translate` over A–Z, not
/// `lower()`, whose folding of non-ASCII letters depends on the database's locale: the rule
/// is SQLite's, ASCII only ([`crate::store::order`]).
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
       WHERE ($1::int4 IS NULL OR s.current_step = $1) \
         AND (NOT $8 OR (s.completed_at IS NULL AND s.updated_at < $2)) \
         AND (NOT $12 OR translate(s.user_id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', \
               'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\" LIKE $13 ESCAPE '\\') \
     ) AS x \
     WHERE (($3 AND $4 AND $5) \
        OR CASE lifecycle WHEN 'not_started' THEN $3 WHEN 'in_progress' THEN $4 ELSE $5 END) \
       AND (NOT $9 OR updated_at < $10 \
         OR (updated_at = $10 AND user_id COLLATE \"C\" > $11))";

/// The page: [`MATCHING`] in the query's order ([`SessionSort::order_by`], NULLs where
/// SQLite puts them), then limit and offset.
fn list_sql(sort: SessionSort) -> String {
    format!(
        "{MATCHING} ORDER BY {} LIMIT $6 OFFSET $7",
        sort.order_by("user_id COLLATE \"C\"", false)
    )
}

/// Sessions matching `q`, in its order, each handed to `sink` as its row arrives (until it
/// returns false): one statement, read as a stream, so no more than the rows in flight are
/// held.
pub(crate) fn scan(
    client: &mut Client,
    q: &SessionQuery,
    sink: &mut dyn FnMut(SessionSummary) -> bool,
) -> StoreResult<()> {
    q.check()?;
    let wants = |l: Lifecycle| q.lifecycles.is_empty() || q.lifecycles.contains(&l);
    let like = q.like_pattern();
    let params: &Params<'_> = &[
        (&q.current_step.map(step), Type::INT4),
        (&utc_opt(q.stalled_since), TS),
        (&wants(Lifecycle::NotStarted), Type::BOOL),
        (&wants(Lifecycle::InProgress), Type::BOOL),
        (&wants(Lifecycle::Completed), Type::BOOL),
        (&count(q.limit), Type::INT8),
        (&count(q.offset), Type::INT8),
        (&q.stalled_since.is_some(), Type::BOOL),
        (&q.after.is_some(), Type::BOOL),
        (&utc_opt(q.after.as_ref().map(|(t, _)| *t)), TS),
        (&q.after.as_ref().map(|(_, u)| u.as_str()), Type::TEXT),
        (&like.is_some(), Type::BOOL),
        (&like, Type::TEXT),
    ];
    let mut found = client
        .query_typed_raw(
            &list_sql(q.sort),
            params.iter().map(|(p, t)| (*p, t.clone())),
        )
        .map_err(|e| classify(&e))?;
    while let Some(row) = found.next().map_err(|e| classify(&e))? {
        let user = UserId::stored(get::<String>(&row, 0)?);
        let lifecycle = lifecycle(&get::<String>(&row, 6)?)?;
        let summary = SessionSummary {
            session: session_at(&row, user, 1)?,
            lifecycle,
        };
        if !sink(summary) {
            break;
        }
    }
    Ok(())
}

/// How many sessions match `q`'s filters. One statement.
pub(crate) fn count_matching(client: &mut Client, q: &SessionQuery) -> StoreResult<u64> {
    let q = q.unpaged();
    let wants = |l: Lifecycle| q.lifecycles.is_empty() || q.lifecycles.contains(&l);
    let like = q.like_pattern();
    let sql = format!("SELECT count(*) FROM ({MATCHING}) AS m");
    let found = rows(
        client,
        &sql,
        &[
            (&q.current_step.map(step), Type::INT4),
            (&utc_opt(q.stalled_since), TS),
            (&wants(Lifecycle::NotStarted), Type::BOOL),
            (&wants(Lifecycle::InProgress), Type::BOOL),
            (&wants(Lifecycle::Completed), Type::BOOL),
            (&count(q.limit), Type::INT8),
            (&count(q.offset), Type::INT8),
            (&q.stalled_since.is_some(), Type::BOOL),
            (&false, Type::BOOL),
            (&utc_opt(None), TS),
            (&None::<&str>, Type::TEXT),
            (&like.is_some(), Type::BOOL),
            (&like, Type::TEXT),
        ],
    )?;
    let n: i64 = found.first().map_or(Ok(0), |row| get(row, 0))?;
    u64::try_from(n).map_err(|_| StoreError::Backend(format!("negative count {n}")))
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
