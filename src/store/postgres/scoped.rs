//! How every statement is sent, and the shapes user-scoped statements take, so "the user has
//! no session" is told apart from "the session has no such row" inside the one statement
//! that does the work.
//!
//! Statements go through `query_typed`/`execute_typed`: the parameter types travel with the
//! statement (unnamed, Parse/Bind/Execute/Sync in one message batch), so each statement is
//! exactly one round trip — no separate prepare, no statement cache to keep, and it works
//! behind transaction-mode poolers (PgBouncer, Supavisor) that cannot keep prepared
//! statements.

use postgres::types::{ToSql, Type};
use postgres::{Client, Row};

use super::error::classify;
use crate::domain::UserId;
use crate::store::{StoreError, StoreResult};

/// Typed parameters of one statement.
pub(crate) type Params<'a> = [(&'a (dyn ToSql + Sync), Type)];

/// Runs a statement and returns its rows (one round trip).
pub(crate) fn rows(client: &mut Client, sql: &str, params: &Params<'_>) -> StoreResult<Vec<Row>> {
    client.query_typed(sql, params).map_err(|e| classify(&e))
}

/// Runs a statement and returns how many rows it changed (one round trip).
pub(crate) fn execute(client: &mut Client, sql: &str, params: &Params<'_>) -> StoreResult<u64> {
    client.execute_typed(sql, params).map_err(|e| classify(&e))
}

/// Runs a `SELECT (x.id IS NOT NULL), … FROM onboarding_sessions s LEFT JOIN x … WHERE
/// s.user_id = $1` query and reads each joined row. No row at all is
/// [`StoreError::NoSession`]; the single row of a session with nothing joined (column 0
/// false) is an empty list. `read` returns `None` to skip a row a foreign database made
/// unreadable.
pub(crate) fn joined_rows<T>(
    client: &mut Client,
    sql: &str,
    params: &Params<'_>,
    user: &UserId,
    mut read: impl FnMut(&Row) -> StoreResult<Option<T>>,
) -> StoreResult<Vec<T>> {
    let found = rows(client, sql, params)?;
    if found.is_empty() {
        return Err(StoreError::NoSession(user.clone()));
    }
    let mut out = Vec::new();
    for row in &found {
        let present: bool = row.try_get(0).map_err(|e| classify(&e))?;
        if present {
            out.extend(read(row)?);
        }
    }
    Ok(out)
}

/// [`joined_rows`] for a 1:1 table: the user's one row, `None`, or NoSession.
pub(crate) fn joined_row<T>(
    client: &mut Client,
    sql: &str,
    params: &Params<'_>,
    user: &UserId,
    read: impl FnMut(&Row) -> StoreResult<Option<T>>,
) -> StoreResult<Option<T>> {
    Ok(joined_rows(client, sql, params, user, read)?
        .into_iter()
        .next())
}

/// Runs an `INSERT … SELECT id FROM onboarding_sessions WHERE user_id = $1 ON CONFLICT …`
/// upsert: no row written means the user has no session.
pub(crate) fn upsert(
    client: &mut Client,
    sql: &str,
    params: &Params<'_>,
    user: &UserId,
) -> StoreResult<()> {
    if execute(client, sql, params)? == 0 {
        return Err(StoreError::NoSession(user.clone()));
    }
    Ok(())
}
