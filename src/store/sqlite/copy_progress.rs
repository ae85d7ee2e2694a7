//! `onboardctl_copy_progress`: where a `db copy` into this database stands (read, upsert).

use rusqlite::{params, Connection, OptionalExtension};

use super::convert::{ts_opt_text, ts_text};
use super::error::map_err;
use crate::domain::{Timestamp, UserId};
use crate::store::{CopyProgress, StoreError, StoreResult};

const GET: &str = "SELECT last_user_id, started_at, updated_at, finished_at \
     FROM onboardctl_copy_progress WHERE source = ?1";

const PUT: &str = "INSERT INTO onboardctl_copy_progress \
     (source, last_user_id, started_at, updated_at, finished_at) VALUES (?1, ?2, ?3, ?4, ?5) \
     ON CONFLICT (source) DO UPDATE SET last_user_id = excluded.last_user_id, \
     started_at = excluded.started_at, updated_at = excluded.updated_at, \
     finished_at = excluded.finished_at";

/// The progress of the copy from `source`, or `None`.
pub(crate) fn get(conn: &Connection, source: &str) -> StoreResult<Option<CopyProgress>> {
    let row = conn
        .prepare_cached(GET)
        .and_then(|mut st| {
            st.query_row([source], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .optional()
        })
        .map_err(map_err)?;
    let Some((last, started, updated, finished)) = row else {
        return Ok(None);
    };
    let time = |text: &str| -> StoreResult<Timestamp> {
        super::convert::parse_ts(text)
            .ok_or_else(|| StoreError::Backend(format!("unreadable copy progress time `{text}`")))
    };
    Ok(Some(CopyProgress {
        source: source.to_owned(),
        last_user: last.map(UserId::stored),
        started_at: time(&started)?,
        updated_at: time(&updated)?,
        finished_at: finished.as_deref().map(time).transpose()?,
    }))
}

/// Records `p` (insert or replace).
pub(crate) fn put(conn: &Connection, p: &CopyProgress) -> StoreResult<()> {
    conn.prepare_cached(PUT)
        .and_then(|mut st| {
            st.execute(params![
                p.source,
                p.last_user.as_ref().map(UserId::as_str),
                ts_text(p.started_at),
                ts_text(p.updated_at),
                ts_opt_text(p.finished_at)
            ])
        })
        .map_err(map_err)?;
    Ok(())
}
