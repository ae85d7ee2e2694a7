//! `api_keys`: upsert, get, list (one statement) and delete, scoped by user. The column is
//! named `key`, a keyword in some dialects, so it is always quoted. A key value is bound and
//! read, never formatted into a message.

use rusqlite::{params, Connection, Row};

use super::convert::{ts_opt, ts_text};
use super::error::map_err;
use super::scoped::{joined_row, joined_rows, session_id, upsert};
use crate::domain::{ApiKey, ProviderName, Secret, Timestamp, UserId};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
     SELECT id, ?2, ?3, ?4, ?5 FROM onboarding_sessions WHERE user_id = ?1 \
     ON CONFLICT (session_id, provider) DO UPDATE SET \"key\" = excluded.\"key\", \
     updated_at = excluded.updated_at, \
     created_at = COALESCE(api_keys.created_at, excluded.created_at)";

/// Upserts the user's key for `key.provider`, keeping the stored `created_at`.
pub(crate) fn put(conn: &Connection, user: &UserId, key: &ApiKey) -> StoreResult<()> {
    let args = params![
        user.as_str(),
        key.provider.as_str(),
        key.value.expose(),
        ts_text(key.created_at),
        ts_text(key.updated_at)
    ];
    upsert(conn, PUT, args, user)
}

/// Column 0 is the joined key row's id (NULL when the session has no matching key).
const GET: &str = "SELECT k.id, k.provider, k.\"key\", k.created_at, k.updated_at \
     FROM onboarding_sessions s \
     LEFT JOIN api_keys k ON k.session_id = s.id AND k.provider = ?2 \
     WHERE s.user_id = ?1";

/// The user's key for `provider`, or `None`.
pub(crate) fn get(
    conn: &Connection,
    user: &UserId,
    provider: &ProviderName,
) -> StoreResult<Option<ApiKey>> {
    joined_row(conn, GET, [user.as_str(), provider.as_str()], user, key_at)
}

/// One statement for both "no session" (no row) and "no keys" (one row of NULLs).
pub(super) const LIST: &str = "SELECT k.id, k.provider, k.\"key\", k.created_at, k.updated_at \
     FROM onboarding_sessions s LEFT JOIN api_keys k ON k.session_id = s.id \
     WHERE s.user_id = ?1 ORDER BY k.provider";

/// All of the user's keys, by provider name.
pub(crate) fn list(conn: &Connection, user: &UserId) -> StoreResult<Vec<ApiKey>> {
    joined_rows(conn, LIST, [user.as_str()], user, key_at)
}

/// Reads a key from columns 1–4; `None` for a provider name a foreign database made invalid.
fn key_at(row: &Row<'_>) -> StoreResult<Option<ApiKey>> {
    let provider: String = row.get(1).map_err(map_err)?;
    let Ok(provider) = provider.parse::<ProviderName>() else {
        return Ok(None);
    };
    let created = ts_opt(row, 3)?;
    let updated = ts_opt(row, 4)?;
    Ok(Some(ApiKey {
        provider,
        value: Secret::new(row.get(2).map_err(map_err)?),
        created_at: created.or(updated).unwrap_or(Timestamp::UNIX_EPOCH),
        updated_at: updated.or(created).unwrap_or(Timestamp::UNIX_EPOCH),
    }))
}

const DELETE: &str = "DELETE FROM api_keys WHERE session_id = ?1 AND provider = ?2";

/// Deletes the user's key for `provider`; false when there was none.
pub(crate) fn delete(
    conn: &Connection,
    user: &UserId,
    provider: &ProviderName,
) -> StoreResult<bool> {
    let id = session_id(conn, user)?;
    let n = conn
        .prepare_cached(DELETE)
        .and_then(|mut st| st.execute(params![id, provider.as_str()]))
        .map_err(map_err)?;
    Ok(n > 0)
}
