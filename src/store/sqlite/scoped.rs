//! The two shapes every user-scoped statement takes, so "the user has no session" is told
//! apart from "the session has no such row" inside the one statement that does the work.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Params, Row};

use super::error::map_err;
use crate::domain::UserId;
use crate::store::{StoreError, StoreResult};

/// Runs a `FROM onboarding_sessions s LEFT JOIN x … WHERE s.user_id = ?1` query whose first
/// column is the joined row's `id`, and reads each joined row. No row at all is
/// [`StoreError::NoSession`]; the single row of a session with nothing joined (NULL id) is an
/// empty list. `read` returns `None` to skip a row a foreign database made unreadable.
pub(crate) fn joined_rows<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    user: &UserId,
    mut read: impl FnMut(&Row<'_>) -> StoreResult<Option<T>>,
) -> StoreResult<Vec<T>> {
    let mut st = conn.prepare_cached(sql).map_err(map_err)?;
    let mut rows = st.query(params).map_err(map_err)?;
    let mut out = Vec::new();
    let mut any = false;
    while let Some(row) = rows.next().map_err(map_err)? {
        any = true;
        if matches!(row.get_ref(0).map_err(map_err)?, ValueRef::Null) {
            continue;
        }
        out.extend(read(row)?);
    }
    if any {
        Ok(out)
    } else {
        Err(StoreError::NoSession(user.clone()))
    }
}

/// [`joined_rows`] for a 1:1 table: the user's one row, `None`, or NoSession.
pub(crate) fn joined_row<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    user: &UserId,
    read: impl FnMut(&Row<'_>) -> StoreResult<Option<T>>,
) -> StoreResult<Option<T>> {
    Ok(joined_rows(conn, sql, params, user, read)?
        .into_iter()
        .next())
}

/// Runs an `INSERT … SELECT id FROM onboarding_sessions WHERE user_id = ?1 ON CONFLICT …`
/// upsert: no row written means the user has no session.
pub(crate) fn upsert(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    user: &UserId,
) -> StoreResult<()> {
    let written = conn
        .prepare_cached(sql)
        .and_then(|mut st| st.execute(params))
        .map_err(map_err)?;
    if written == 0 {
        return Err(StoreError::NoSession(user.clone()));
    }
    Ok(())
}

const SESSION_ID: &str = "SELECT id FROM onboarding_sessions WHERE user_id = ?1";

/// The id of the user's session, or [`StoreError::NoSession`].
pub(crate) fn session_id(conn: &Connection, user: &UserId) -> StoreResult<i64> {
    let mut st = conn.prepare_cached(SESSION_ID).map_err(map_err)?;
    let mut rows = st.query([user.as_str()]).map_err(map_err)?;
    match rows.next().map_err(map_err)? {
        Some(row) => row.get(0).map_err(map_err),
        None => Err(StoreError::NoSession(user.clone())),
    }
}
