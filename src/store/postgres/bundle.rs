//! Whole-user reads for `export`, `import` and `db copy`: the bundle load (the five
//! one-statement reads inside one `REPEATABLE READ READ ONLY` transaction, so they see one
//! snapshot), keyset paging of user ids and the count. The bundle save is `bundle_save`.

use postgres::types::Type;
use postgres::Client;

use super::convert::{count, count_at, get};
use super::error::classify;
use super::scoped::{rows, Params};
use super::{analysis, keys, persona, research, sessions};
use crate::domain::{UserBundle, UserId};
use crate::store::lists::{self, Columns};
use crate::store::StoreResult;

const BEGIN_SNAPSHOT: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

/// Everything of `user`, read in one snapshot; with `own_tx` false, inside the caller's
/// write transaction, whose locks already keep the user's rows still.
pub(crate) fn load(
    client: &mut Client,
    user: &UserId,
    own_tx: bool,
) -> StoreResult<Option<UserBundle>> {
    if !own_tx {
        return read_bundle(client, user);
    }
    in_snapshot(client, |client| read_bundle(client, user))
}

fn read_bundle(client: &mut Client, user: &UserId) -> StoreResult<Option<UserBundle>> {
    let Some(onboarding) = sessions::load(client, user)? else {
        return Ok(None);
    };
    let sid = session_id(client, user)?;
    Ok(Some(UserBundle {
        onboarding,
        keys: keys::list(client, user)?,
        analysis: analysis::get_one(client, user)?,
        research: research::get_one(client, user)?,
        persona: persona::get_one(client, user)?,
        competitors: lists::competitors(client, sid, Columns::All)?,
        page_audits: lists::page_audits(client, user.as_str(), Columns::All)?,
    }))
}

const SESSION_ID: &str = "SELECT id::int8 FROM onboarding_sessions WHERE user_id = $1";

/// The session row's id.
pub(crate) fn session_id(client: &mut Client, user: &UserId) -> StoreResult<i64> {
    let found = rows(client, SESSION_ID, &[(&user.as_str(), Type::TEXT)])?;
    match found.first() {
        Some(row) => get(row, 0),
        None => Err(crate::store::StoreError::NoSession(user.clone())),
    }
}

/// Runs `read` inside a read-only snapshot transaction, rolled back if it fails.
pub(crate) fn in_snapshot<T>(
    client: &mut Client,
    read: impl FnOnce(&mut Client) -> StoreResult<T>,
) -> StoreResult<T> {
    client
        .batch_execute(BEGIN_SNAPSHOT)
        .map_err(|e| classify(&e))?;
    match read(client) {
        Ok(v) => {
            client.batch_execute("COMMIT").map_err(|e| classify(&e))?;
            Ok(v)
        }
        Err(e) => {
            // The read's error is the one worth reporting; a failed rollback means the
            // connection is gone, which the next call reports.
            let _ = client.batch_execute("ROLLBACK");
            Err(e)
        }
    }
}

/// `COLLATE "C"` makes the order bytewise, as on SQLite, whatever the database's collation.
const FIRST_IDS: &str = "SELECT user_id FROM onboarding_sessions \
     ORDER BY user_id COLLATE \"C\" LIMIT $1";
const NEXT_IDS: &str = "SELECT user_id FROM onboarding_sessions \
     WHERE user_id COLLATE \"C\" > $2 ORDER BY user_id COLLATE \"C\" LIMIT $1";

/// One page of user ids after `after`.
pub(crate) fn user_ids(
    client: &mut Client,
    after: Option<&UserId>,
    limit: u32,
) -> StoreResult<Vec<UserId>> {
    let limit = count(limit);
    let found = match after {
        Some(a) => {
            let params: &Params<'_> = &[(&limit, Type::INT8), (&a.as_str(), Type::TEXT)];
            rows(client, NEXT_IDS, params)?
        }
        None => rows(client, FIRST_IDS, &[(&limit, Type::INT8)])?,
    };
    let mut out = Vec::with_capacity(found.len());
    for row in &found {
        let id: Option<String> = get(row, 0)?;
        out.extend(id.map(UserId::stored));
    }
    Ok(out)
}

const COUNT: &str = "SELECT count(*) FROM onboarding_sessions";

/// The number of sessions.
pub(crate) fn count_sessions(client: &mut Client) -> StoreResult<u64> {
    let found = rows(client, COUNT, &[])?;
    match found.first() {
        Some(row) => count_at(row, 0),
        None => Ok(0),
    }
}
