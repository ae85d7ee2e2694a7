//! Write transactions of [`crate::store::Store::begin_write`] on PostgreSQL.
//!
//! `BEGIN` and `SET LOCAL lock_timeout` in one round trip, then one statement that takes two
//! locks for a user-scoped transaction: the user's session row (`FOR UPDATE`, so a
//! concurrent `UPDATE` of that row — by onboardctl or by ALwrity — waits for our commit, and
//! a read after the lock sees the latest committed row), and a transaction-scoped advisory
//! lock on the user id, which also serialises onboardctl writers of a user who has no
//! session row yet. The locks and the setting all end with the transaction, so nothing
//! outlives it behind a transaction-mode pooler (a session-level `SET` would stay on the
//! pooled server connection for the next client, and be missing from the next one we get).
//! [`DATA_LOCK_TIMEOUT`] bounds every lock wait inside; a timeout is
//! [`crate::store::StoreError::Unavailable`].

use std::time::Duration;

use postgres::types::Type;
use postgres::Client;

use super::error::classify;
use super::scoped::rows;
use crate::store::{StoreResult, TxScope};

/// How long statements of our write transactions wait for a row or table lock before
/// failing with [`crate::store::StoreError::Unavailable`].
pub(crate) const DATA_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// The advisory key space of user locks: `hashtextextended` of the id under a fixed prefix,
/// so it cannot collide with the migration lock's key.
const LOCK_USER: &str =
    "SELECT pg_advisory_xact_lock(hashtextextended('onboardctl:user:' || $1, 0)), \
     (SELECT count(*) FROM (SELECT 1 FROM onboarding_sessions WHERE user_id = $1 FOR UPDATE) s)";

/// [`LOCK_USER`] for every id of `$1`, in one statement: the advisory locks in id order, then
/// the session rows in id order, so two batches (or a batch and a one-user writer, which
/// takes its advisory lock before its row) never wait on each other in a cycle.
const LOCK_USERS: &str = "SELECT \
     (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('onboardctl:user:' || o.u, 0)) \
       FROM (SELECT u FROM unnest($1::text[]) AS t(u) ORDER BY u OFFSET 0) o) a), \
     (SELECT count(*) FROM (SELECT 1 FROM onboarding_sessions WHERE user_id = ANY($1) \
       ORDER BY user_id FOR UPDATE) s)";

/// `BEGIN` with the transaction's settings, one simple-query round trip.
fn begin_sql() -> String {
    format!(
        "BEGIN; SET LOCAL lock_timeout = '{}ms'",
        DATA_LOCK_TIMEOUT.as_millis()
    )
}

/// Opens the transaction and takes the scope's locks.
pub(super) fn begin(client: &mut Client, scope: TxScope<'_>) -> StoreResult<()> {
    if let Err(e) = client.batch_execute(&begin_sql()) {
        // `BEGIN` may have run before the `SET` failed: leave no transaction open.
        let _ = client.batch_execute("ROLLBACK");
        return Err(classify(&e));
    }
    let locked = match scope {
        TxScope::User(user) => rows(client, LOCK_USER, &[(&user.as_str(), Type::TEXT)]).map(drop),
        TxScope::Users(users) => {
            let ids: Vec<&str> = users.iter().map(|u| u.as_str()).collect();
            rows(client, LOCK_USERS, &[(&ids, Type::TEXT_ARRAY)]).map(drop)
        }
        TxScope::All => Ok(()),
    };
    if let Err(e) = locked {
        let _ = client.batch_execute("ROLLBACK");
        return Err(e);
    }
    Ok(())
}

/// Ends the transaction with `COMMIT` or `ROLLBACK`.
pub(super) fn finish(client: &mut Client, verb: &str) -> StoreResult<()> {
    client.batch_execute(verb).map_err(|e| classify(&e))
}

/// Runs one write in a transaction of its own ([`TxScope::All`]: no extra locks), so its
/// lock waits are bounded by [`DATA_LOCK_TIMEOUT`] like those of a caller's transaction.
pub(super) fn alone<T>(
    client: &mut Client,
    write: impl FnOnce(&mut Client) -> StoreResult<T>,
) -> StoreResult<T> {
    begin(client, TxScope::All)?;
    match write(client) {
        Ok(value) => finish(client, "COMMIT").map(|()| value),
        Err(e) => {
            let _ = finish(client, "ROLLBACK");
            Err(e)
        }
    }
}
