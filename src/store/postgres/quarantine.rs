//! Key values inside `onboardctl_quarantine` (the `api_keys` rows `db repair`, or an earlier
//! onboardctl's rewrite of an ALwrity database, moved aside, as JSON) and the rewrite of the key tables, both for `key reseal`.

use postgres::types::Type;
use postgres::Client;

use super::convert::get;
use super::error::classify;
use super::scoped::{execute, rows};
use crate::domain::Secret;
use crate::store::{QuarantinedKey, StoreResult};

const EXISTS: &str = "SELECT to_regclass('onboardctl_quarantine') IS NOT NULL";

const KEYS: &str = "SELECT id::bigint, coalesce(row_data->>'provider', ''), row_data->>'key' \
     FROM onboardctl_quarantine \
     WHERE source_table = 'api_keys' AND jsonb_typeof(row_data->'key') = 'string' ORDER BY id";

const PUT: &str = "UPDATE onboardctl_quarantine \
     SET row_data = jsonb_set(row_data, '{key}', to_jsonb($2::text)) \
     WHERE id = $1 AND source_table = 'api_keys'";

/// Every key value held in the quarantine; none without the table.
pub(crate) fn keys(client: &mut Client) -> StoreResult<Vec<QuarantinedKey>> {
    let present = rows(client, EXISTS, &[])?;
    if !present
        .first()
        .map(|r| get::<bool>(r, 0))
        .transpose()?
        .unwrap_or(false)
    {
        return Ok(Vec::new());
    }
    rows(client, KEYS, &[])?
        .iter()
        .map(|r| {
            Ok(QuarantinedKey {
                id: get(r, 0)?,
                provider: get(r, 1)?,
                value: Secret::new(get(r, 2)?),
            })
        })
        .collect()
}

/// Replaces the key value of quarantined row `id`.
pub(crate) fn put(client: &mut Client, id: i64, value: &Secret) -> StoreResult<()> {
    execute(
        client,
        PUT,
        &[(&id, Type::INT8), (&value.expose(), Type::TEXT)],
    )
    .map(drop)
}

/// Rewrites the tables that hold keys (`VACUUM FULL` writes a new file for each and drops the
/// old one), so no superseded row version with an old value stays on disk.
pub(crate) fn scrub(client: &mut Client) -> StoreResult<()> {
    let present = rows(client, EXISTS, &[])?;
    let quarantine = present
        .first()
        .map(|r| get::<bool>(r, 0))
        .transpose()?
        .unwrap_or(false);
    let sql = match quarantine {
        true => "VACUUM FULL api_keys, onboardctl_quarantine",
        false => "VACUUM FULL api_keys",
    };
    client.batch_execute(sql).map_err(|e| classify(&e))
}
