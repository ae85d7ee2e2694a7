//! `onboardctl_copy_progress`: where a `db copy` into this database stands (read, upsert),
//! one statement each.

use postgres::types::Type;
use postgres::Client;

use super::convert::{get, ts, ts_at, ts_opt};
use super::scoped::{execute, rows};
use crate::domain::UserId;
use crate::store::{CopyProgress, StoreError, StoreResult};

const GET: &str = "SELECT last_user_id, started_at, updated_at, finished_at \
     FROM onboardctl_copy_progress WHERE source = $1";

const PUT: &str = "INSERT INTO onboardctl_copy_progress \
     (source, last_user_id, started_at, updated_at, finished_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (source) DO UPDATE SET last_user_id = excluded.last_user_id, \
     started_at = excluded.started_at, updated_at = excluded.updated_at, \
     finished_at = excluded.finished_at";

/// The progress of the copy from `source`, or `None`.
pub(crate) fn get_one(client: &mut Client, source: &str) -> StoreResult<Option<CopyProgress>> {
    let found = rows(client, GET, &[(&source, Type::TEXT)])?;
    let Some(row) = found.first() else {
        return Ok(None);
    };
    let required = |idx| {
        ts_at(row, idx)?.ok_or_else(|| StoreError::Backend("copy progress without a time".into()))
    };
    Ok(Some(CopyProgress {
        source: source.to_owned(),
        last_user: get::<Option<String>>(row, 0)?.map(UserId::stored),
        started_at: required(1)?,
        updated_at: required(2)?,
        finished_at: ts_at(row, 3)?,
    }))
}

/// Records `p` (insert or replace).
pub(crate) fn put(client: &mut Client, p: &CopyProgress) -> StoreResult<()> {
    let last = p.last_user.as_ref().map(UserId::as_str);
    execute(
        client,
        PUT,
        &[
            (&p.source.as_str(), Type::TEXT),
            (&last, Type::TEXT),
            (&ts(p.started_at), Type::TIMESTAMPTZ),
            (&ts(p.updated_at), Type::TIMESTAMPTZ),
            (&ts_opt(p.finished_at), Type::TIMESTAMPTZ),
        ],
    )
    .map(drop)
}
