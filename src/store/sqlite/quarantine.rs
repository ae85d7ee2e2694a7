//! Key values inside `onboardctl_quarantine` (the `api_keys` rows `db repair`, or an earlier
//! onboardctl's rewrite of an ALwrity database, moved aside, as JSON) and the scrub of freed pages, both for `key reseal`.

use rusqlite::{params, Connection};

use super::error::map_err;
use crate::domain::Secret;
use crate::store::{QuarantinedKey, StoreResult};

const EXISTS: &str = "SELECT count(*) FROM sqlite_master \
     WHERE type = 'table' AND name = 'onboardctl_quarantine'";

const KEYS: &str = "SELECT id, json_extract(row_data, '$.provider'), \
     json_extract(row_data, '$.key') FROM onboardctl_quarantine \
     WHERE source_table = 'api_keys' AND json_type(row_data, '$.key') = 'text' ORDER BY id";

const PUT: &str = "UPDATE onboardctl_quarantine SET row_data = json_set(row_data, '$.key', ?2) \
     WHERE id = ?1 AND source_table = 'api_keys'";

/// Every key value held in the quarantine; none without the table.
pub(crate) fn keys(conn: &Connection) -> StoreResult<Vec<QuarantinedKey>> {
    let present: i64 = conn.query_row(EXISTS, [], |r| r.get(0)).map_err(map_err)?;
    if present == 0 {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare_cached(KEYS).map_err(map_err)?;
    let rows = st
        .query_map([], |r| {
            Ok(QuarantinedKey {
                id: r.get(0)?,
                provider: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                value: Secret::new(r.get(2)?),
            })
        })
        .map_err(map_err)?;
    rows.collect::<Result<_, _>>().map_err(map_err)
}

/// Replaces the key value of quarantined row `id`.
pub(crate) fn put(conn: &Connection, id: i64, value: &Secret) -> StoreResult<()> {
    conn.prepare_cached(PUT)
        .and_then(|mut st| st.execute(params![id, value.expose()]))
        .map_err(map_err)?;
    Ok(())
}

/// Overwrites what earlier changes freed: `secure_delete` from now on, a `VACUUM` that
/// rebuilds the file without free pages, and a truncating WAL checkpoint so no old page
/// lingers in the `-wal` file.
pub(crate) fn scrub(conn: &Connection) -> StoreResult<()> {
    conn.execute_batch("PRAGMA secure_delete = ON; VACUUM;")
        .map_err(map_err)?;
    // Not a WAL database: the pragma answers without doing anything.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(map_err)?;
    Ok(())
}
