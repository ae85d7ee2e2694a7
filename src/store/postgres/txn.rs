//! Write transactions of [`crate::store::Store::begin_write`] on PostgreSQL.
//!
//! `BEGIN`, then one statement that takes two locks for a user-scoped transaction: the
//! user's session row (`FOR UPDATE`, so a concurrent `UPDATE` of that row — by onboardctl or
//! by ALwrity — waits for our commit, and a read after the lock sees the latest committed
//! row), and a transaction-scoped advisory lock on the user id, which also serialises
//! onboardctl writers of a user who has no session row yet. Both locks end with the
//! transaction, so nothing outlives it behind a transaction-mode pooler. The session's
//! `lock_timeout` bounds the wait; a timeout is [`crate::store::StoreError::Unavailable`].

use postgres::types::Type;
use postgres::Client;

use super::error::classify;
use super::scoped::rows;
use crate::store::{StoreResult, TxScope};

/// The advisory key space of user locks: `hashtextextended` of the id under a fixed prefix,
/// so it cannot collide with the migration lock's key.
const LOCK_USER: &str =
    "SELECT pg_advisory_xact_lock(hashtextextended('onboardctl:user:' || $1, 0)), \
     (SELECT count(*) FROM (SELECT 1 FROM onboarding_sessions WHERE user_id = $1 FOR UPDATE) s)";

/// Opens the transaction and takes the scope's locks.
pub(super) fn begin(client: &mut Client, scope: TxScope<'_>) -> StoreResult<()> {
    client.batch_execute("BEGIN").map_err(|e| classify(&e))?;
    let locked = match scope {
        TxScope::User(user) => rows(client, LOCK_USER, &[(&user.as_str(), Type::TEXT)]).map(drop),
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
