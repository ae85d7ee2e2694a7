//! Whole-user reads and writes for `export`, `import` and `db copy`: the bundle load (the
//! per-table reads inside one read transaction, so they see one snapshot), the bundle save
//! (session upsert, the six steps, then the user's keys and step data deleted and written
//! again, inside the caller's write transaction), keyset paging of user ids and the count.

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, TransactionBehavior};

use super::convert::{ts_opt_text, ts_text};
use super::error::map_err;
use super::{analysis, keys, persona, research, sessions};
use crate::domain::{Session, UserBundle, UserId};
use crate::store::lists::{self, Columns};
use crate::store::StoreResult;

/// Everything of `user` in one deferred (read) transaction: in WAL mode its first read fixes
/// the snapshot every later read sees. With `own_tx` false the caller's write transaction
/// already gives that snapshot.
pub(crate) fn load(
    conn: &mut Connection,
    user: &UserId,
    own_tx: bool,
) -> StoreResult<Option<UserBundle>> {
    if !own_tx {
        return read_bundle(conn, user);
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Deferred)
        .map_err(map_err)?;
    let bundle = read_bundle(&tx, user)?;
    tx.commit().map_err(map_err)?;
    Ok(bundle)
}

/// The bundles of `users`, in order, read in one read transaction (one snapshot and one
/// lock, not one per user) unless one is open already.
pub(crate) fn load_many(
    conn: &mut Connection,
    users: &[UserId],
    own_tx: bool,
) -> StoreResult<Vec<Option<UserBundle>>> {
    if !own_tx {
        return users.iter().map(|u| read_bundle(conn, u)).collect();
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Deferred)
        .map_err(map_err)?;
    let bundles = users
        .iter()
        .map(|u| read_bundle(&tx, u))
        .collect::<StoreResult<Vec<_>>>()?;
    tx.commit().map_err(map_err)?;
    Ok(bundles)
}

fn read_bundle(conn: &Connection, user: &UserId) -> StoreResult<Option<UserBundle>> {
    let Some(onboarding) = sessions::load(conn, user)? else {
        return Ok(None);
    };
    let sid = super::scoped::session_id(conn, user)?;
    let mut db = conn;
    Ok(Some(UserBundle {
        onboarding,
        keys: keys::list(conn, user)?,
        analysis: analysis::get(conn, user)?,
        research: research::get(conn, user)?,
        persona: persona::get(conn, user)?,
        competitors: lists::competitors(&mut db, sid, Columns::All)?,
        page_audits: lists::page_audits(&mut db, user.as_str(), Columns::All)?,
    }))
}

const UPSERT_SESSION: &str = "INSERT INTO onboarding_sessions \
     (user_id, current_step, progress, started_at, updated_at, completed_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
     ON CONFLICT (user_id) DO UPDATE SET current_step = excluded.current_step, \
     progress = excluded.progress, started_at = excluded.started_at, \
     updated_at = excluded.updated_at, completed_at = excluded.completed_at \
     RETURNING id";

/// A plain insert, not an upsert: a provider listed twice breaks UNIQUE(session_id,
/// provider), which is the contract's Conflict.
const INSERT_KEY: &str = "INSERT INTO api_keys \
     (session_id, provider, \"key\", created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)";

/// Makes the user's stored data exactly `b`; the caller's transaction makes it atomic.
/// Deleting the data rows and writing them again keeps every column exactly as given
/// (`created_at` included), which the upserts of the single-row methods deliberately do not.
pub(crate) fn save(conn: &Connection, b: &UserBundle) -> StoreResult<()> {
    let id = upsert_session(conn, b.session())?;
    sessions::upsert_steps(conn, id, &b.onboarding.steps)?;
    sessions::purge(conn, id)?;
    let mut insert = conn.prepare_cached(INSERT_KEY).map_err(map_err)?;
    for k in &b.keys {
        insert
            .execute(params![
                id,
                k.provider.as_str(),
                k.value.expose(),
                ts_text(k.created_at),
                ts_text(k.updated_at)
            ])
            .map_err(map_err)?;
    }
    let user = b.user_id();
    if let Some(a) = &b.analysis {
        analysis::put(conn, user, a)?;
    }
    if let Some(r) = &b.research {
        research::put(conn, user, r)?;
    }
    if let Some(p) = &b.persona {
        persona::put(conn, user, p)?;
    }
    let mut db = conn;
    lists::replace_competitors(&mut db, id, &b.competitors, Columns::All)?;
    lists::replace_page_audits(&mut db, user.as_str(), &b.page_audits, Columns::All)?;
    Ok(())
}

/// Creates or overwrites the session row (every column); returns its id.
fn upsert_session(conn: &Connection, s: &Session) -> StoreResult<i64> {
    conn.prepare_cached(UPSERT_SESSION)
        .and_then(|mut st| {
            st.query_row(
                params![
                    s.user_id.as_str(),
                    i64::from(s.current_step.get()),
                    s.progress,
                    ts_text(s.started_at),
                    ts_text(s.updated_at),
                    ts_opt_text(s.completed_at)
                ],
                |row| row.get(0),
            )
        })
        .map_err(map_err)
}

/// Two statements rather than one with `?1 IS NULL OR …`, so both are a range scan of the
/// UNIQUE(user_id) index. The column's collation is BINARY: bytewise order.
const FIRST_IDS: &str = "SELECT user_id FROM onboarding_sessions ORDER BY user_id LIMIT ?1";
const NEXT_IDS: &str =
    "SELECT user_id FROM onboarding_sessions WHERE user_id > ?2 ORDER BY user_id LIMIT ?1";

/// One page of user ids after `after`.
pub(crate) fn user_ids(
    conn: &Connection,
    after: Option<&UserId>,
    limit: u32,
) -> StoreResult<Vec<UserId>> {
    let mut st = conn
        .prepare_cached(if after.is_some() { NEXT_IDS } else { FIRST_IDS })
        .map_err(map_err)?;
    let mut rows = match after {
        Some(a) => st.query(params![i64::from(limit), a.as_str()]),
        None => st.query(params![i64::from(limit)]),
    }
    .map_err(map_err)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(map_err)? {
        // Every stored id, whatever it holds: integers from ALwrity's INTEGER era as their
        // digits, text that is not UTF-8 lossily (loading it then finds nothing, which the
        // caller reports as skipped, by name).
        match row.get_ref(0).map_err(map_err)? {
            ValueRef::Text(text) => {
                out.push(UserId::stored(String::from_utf8_lossy(text).into_owned()))
            }
            ValueRef::Integer(n) => out.push(UserId::stored(n.to_string())),
            _ => {}
        }
    }
    Ok(out)
}

const COUNT: &str = "SELECT count(*) FROM onboarding_sessions";

/// The number of sessions.
pub(crate) fn count(conn: &Connection) -> StoreResult<u64> {
    let n: i64 = conn
        .prepare_cached(COUNT)
        .and_then(|mut st| st.query_row([], |row| row.get(0)))
        .map_err(map_err)?;
    Ok(u64::try_from(n).unwrap_or(0))
}
