//! Adoption of an ALwrity PostgreSQL database (the neutral rules are in
//! `crate::store::adopt`).
//!
//! The run holds the migration advisory lock (the one `migrate` takes, so a concurrent
//! `db migrate` waits and then finds nothing to do) and does everything in the lock's one
//! transaction (`schema::locked`; the lock is transaction-scoped, so it cannot outlive the
//! run, not even behind a pooler): detection again, the inventory, the plan, quarantine and merges (`apply::data`), the
//! in-place DDL (`alter`), `completed_at` and derived steps (`apply::values`) and the
//! refinery history row. PostgreSQL DDL is transactional, so a failure anywhere rolls all of
//! it back. PostgreSQL checks every constraint as it is added, so no separate foreign-key
//! check is needed.
//!
//! ALwrity's `json` and `timestamp` columns keep their types (ALwrity's Python compares the
//! naive datetimes it reads). The store reads `timestamp` as UTC and binds every time typed
//! by its column (`convert`), so what it writes into those columns is UTC too, whatever the
//! session's `TimeZone`; the adoption transaction also pins `TimeZone` to UTC (`SET LOCAL`),
//! for its set-based statements (arrays cast to the columns' types, `to_jsonb` of whole
//! rows into the quarantine).
//!
//! Submodules: `inspect` (detection and reading), `apply` (row work), `alter` (DDL).

mod alter;
mod apply;
mod inspect;

use std::time::Duration;

use postgres::{Client, IsolationLevel, Transaction};

use super::error::classify;
use super::schema;
use crate::store::adopt::{self, AdoptOptions, AdoptionPlan, AdoptionReport, FailPoint};
use crate::store::{Backend, StoreResult};

pub(crate) use inspect::detect;

/// The plan for this database, or `None` when it is not an ALwrity database to adopt. Reads
/// only, from one read-only snapshot.
pub(crate) fn plan(client: &mut Client) -> StoreResult<Option<AdoptionPlan>> {
    let mut tx = client
        .build_transaction()
        .read_only(true)
        .isolation_level(IsolationLevel::RepeatableRead)
        .start()
        .map_err(|e| classify(&e))?;
    if !inspect::detect(&mut tx)? {
        return Ok(None);
    }
    let inventory = inspect::inventory(&mut tx)?;
    let (baseline, _) = schema::baseline()?;
    adopt::plan(&inventory, Backend::Postgres, baseline, adopt::now()).map(Some)
}

/// Adopts the database under the migration lock (waiting at most `wait` for it), in one
/// transaction; `None` when there is nothing to adopt.
pub(crate) fn adopt(
    client: &mut Client,
    wait: Duration,
    opts: &AdoptOptions,
) -> StoreResult<Option<AdoptionReport>> {
    schema::locked(client, wait, |tx| run(tx, opts))
}

/// The adoption inside the lock's transaction, which `schema::locked` commits (or rolls
/// back, when a step or a fail point returns an error).
fn run(tx: &mut Transaction<'_>, opts: &AdoptOptions) -> StoreResult<Option<AdoptionReport>> {
    if !inspect::detect(tx)? {
        return Ok(None);
    }
    let inventory = inspect::inventory(tx)?;
    let now = adopt::now();
    let (mut record, checksum) = schema::baseline()?;
    let mut plan = adopt::plan(&inventory, Backend::Postgres, record.clone(), now)?;
    alter::quarantine_table(tx)?;
    apply::data(tx, &plan, &inventory.catalog, now)?;
    opts.check(FailPoint::AfterData)?;
    alter::schema(tx, &plan)?;
    opts.check(FailPoint::AfterSchema)?;
    apply::values(tx, &plan)?;
    record.applied_on = Some(adopt::rfc3339(now));
    apply::history(tx, &record, checksum)?;
    opts.check(FailPoint::BeforeCommit)?;
    plan.record = record;
    Ok(Some(AdoptionReport { plan }))
}
