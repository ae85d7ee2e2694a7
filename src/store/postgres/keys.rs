//! `api_keys`: upsert, get, list and delete, scoped by user, one statement each. The column
//! is named `key`, a keyword, so it is always quoted. A key value is bound and read, never
//! formatted into a message.

use postgres::types::Type;
use postgres::{Client, Row};

use super::convert::{count_at, get, ts_at, utc, TS};
use super::scoped::{joined_row, joined_rows, rows, upsert, Params};
use crate::domain::{ApiKey, ProviderName, Secret, Timestamp, UserId};
use crate::store::{StoreError, StoreResult};

const PUT: &str = "INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
     SELECT id, $2, $3, $4, $5 FROM onboarding_sessions WHERE user_id = $1 \
     ON CONFLICT (session_id, provider) DO UPDATE SET \"key\" = excluded.\"key\", \
     updated_at = excluded.updated_at, \
     created_at = COALESCE(api_keys.created_at, excluded.created_at)";

/// Upserts the user's key for `key.provider`, keeping the stored `created_at`.
pub(crate) fn put(client: &mut Client, user: &UserId, key: &ApiKey) -> StoreResult<()> {
    let params: &Params<'_> = &[
        (&user.as_str(), Type::TEXT),
        (&key.provider.as_str(), Type::TEXT),
        (&key.value.expose(), Type::TEXT),
        (&utc(key.created_at), TS),
        (&utc(key.updated_at), TS),
    ];
    upsert(client, PUT, params, user)
}

/// Column 0 tells whether the session has a matching key.
const GET: &str = "SELECT k.id IS NOT NULL, k.provider, k.\"key\", k.created_at, k.updated_at \
     FROM onboarding_sessions s \
     LEFT JOIN api_keys k ON k.session_id = s.id AND k.provider = $2 \
     WHERE s.user_id = $1";

/// The user's key for `provider`, or `None`.
pub(crate) fn get_one(
    client: &mut Client,
    user: &UserId,
    provider: &ProviderName,
) -> StoreResult<Option<ApiKey>> {
    let params: &Params<'_> = &[
        (&user.as_str(), Type::TEXT),
        (&provider.as_str(), Type::TEXT),
    ];
    joined_row(client, GET, params, user, key_at)
}

/// One statement for both "no session" (no row) and "no keys" (one row, column 0 false).
pub(crate) const LIST: &str =
    "SELECT k.id IS NOT NULL, k.provider, k.\"key\", k.created_at, k.updated_at \
     FROM onboarding_sessions s LEFT JOIN api_keys k ON k.session_id = s.id \
     WHERE s.user_id = $1 ORDER BY k.provider COLLATE \"C\"";

/// All of the user's keys, by provider name (bytewise, as on SQLite).
pub(crate) fn list(client: &mut Client, user: &UserId) -> StoreResult<Vec<ApiKey>> {
    joined_rows(client, LIST, &[(&user.as_str(), Type::TEXT)], user, key_at)
}

/// Reads a key from columns 1–4; `None` for a provider name a foreign database made invalid.
pub(crate) fn key_at(row: &Row) -> StoreResult<Option<ApiKey>> {
    let provider: String = get(row, 1)?;
    let Ok(provider) = provider.parse::<ProviderName>() else {
        return Ok(None);
    };
    let created = ts_at(row, 3)?;
    let updated = ts_at(row, 4)?;
    Ok(Some(ApiKey {
        provider,
        value: Secret::new(get(row, 2)?),
        created_at: created.or(updated).unwrap_or(Timestamp::UNIX_EPOCH),
        updated_at: updated.or(created).unwrap_or(Timestamp::UNIX_EPOCH),
    }))
}

/// No row: no session. Otherwise how many keys went (0 or 1).
const DELETE: &str = "WITH s AS (SELECT id FROM onboarding_sessions WHERE user_id = $1), \
     d AS (DELETE FROM api_keys k USING s WHERE k.session_id = s.id AND k.provider = $2 \
       RETURNING 1) \
     SELECT (SELECT count(*) FROM d) FROM s";

/// Deletes the user's key for `provider`; false when there was none.
pub(crate) fn delete(
    client: &mut Client,
    user: &UserId,
    provider: &ProviderName,
) -> StoreResult<bool> {
    let params: &Params<'_> = &[
        (&user.as_str(), Type::TEXT),
        (&provider.as_str(), Type::TEXT),
    ];
    let found = rows(client, DELETE, params)?;
    match found.first() {
        Some(row) => Ok(count_at(row, 0)? > 0),
        None => Err(StoreError::NoSession(user.clone())),
    }
}
