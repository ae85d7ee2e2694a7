//! Adoption of a database ALwrity created: the backend-neutral half.
//!
//! A database that holds ALwrity's `onboarding_sessions` table but no onboardctl migration
//! history (no `refinery_schema_history`, or an empty one) is upgraded in place to our schema.
//! Each backend reads what is there into an [`inventory::Inventory`] (catalog, session rows,
//! child-row metadata, value rewrites of its dialect); [`plan`] turns that into a typed
//! [`AdoptionPlan`] by the rules below, the same on both backends; the backend then executes
//! the plan in one transaction and records migration V1 as applied.
//!
//! Rules (README "Adopting an ALwrity database" is the operator's copy):
//! - several sessions of one user merge into the most advanced one (`rules`);
//! - a 1:1 child or an `api_keys` (session, provider) pair present twice keeps the most
//!   recently updated row; the others, and every row that cannot be placed, move to
//!   `onboardctl_quarantine` with the reason — nothing is deleted;
//! - step rows, `current_step`, progress and `completed_at` are derived once from the
//!   stored values and the data that exists (`derive`).
//!
//! Submodules: `plan` (the serialisable plan and report), `target` (our schema as data, and
//! its DDL), `inventory` (what a backend reads), `diff` (catalog against target), `rules`
//! (merges, duplicates, orphans), `derive` (step interpretation).

mod derive;
mod diff;
pub(crate) mod inventory;
mod plan;
mod rules;
pub(crate) mod target;
#[cfg(test)]
mod tests;

pub use plan::{
    AdoptionPlan, AdoptionReport, ChangeKind, ColumnAdd, ColumnChange, ConstraintAdd,
    ConstraintKind, Duplicate, IndexAdd, KeptItem, QuarantineEntry, RecordedMigration, RowMove,
    SchemaPlan, SessionMerge, SessionReading, TableCreate, ValueRewrite,
};

use std::collections::HashSet;

use crate::domain::Timestamp;
use crate::store::{Backend, StoreError, StoreResult};

/// The quarantine table's name.
pub const QUARANTINE_TABLE: &str = "onboardctl_quarantine";

/// Where a test asks adoption to fail, to prove that a failure leaves the database exactly
/// as it was. Never set outside tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailPoint {
    /// After merges and quarantine, before any schema change.
    AfterData,
    /// After the schema changes, before values are rewritten and steps derived.
    AfterSchema,
    /// After everything, history row included, just before the commit.
    BeforeCommit,
}

/// Options of [`crate::store::Store::adopt`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AdoptOptions {
    /// Test-only failure injection; `None` in real runs.
    pub fail_at: Option<FailPoint>,
}

impl AdoptOptions {
    /// Fails with a backend error when `point` is the configured failure point.
    pub(crate) fn check(&self, point: FailPoint) -> StoreResult<()> {
        if self.fail_at == Some(point) {
            return Err(StoreError::Backend(format!(
                "adoption failed on purpose at {point:?} (test failure injection)"
            )));
        }
        Ok(())
    }
}

/// The plan for `inventory` on `backend`; `baseline` is the migration adoption stands for.
/// `now` stands in for `completed_at` of a completed session that has no timestamp at all.
pub(crate) fn plan(
    inventory: &inventory::Inventory,
    backend: Backend,
    baseline: RecordedMigration,
    now: Timestamp,
) -> StoreResult<AdoptionPlan> {
    let schema = diff::schema_plan(&inventory.catalog, backend);
    let mut placed = rules::place(inventory)?;
    let sessions = placed
        .survivors
        .iter()
        .map(|s| derive::interpret(s, placed.evidence(s.id), now))
        .collect();
    let rewrites = rewrites(inventory, &mut placed.quarantine);
    Ok(AdoptionPlan {
        backend: backend.to_string(),
        schema,
        merges: placed.merges,
        moves: placed.moves,
        duplicates: placed.duplicates,
        quarantine: placed.quarantine,
        rewrites,
        sessions,
        record: baseline,
    })
}

/// The inventory's value rewrites of rows that stay; a value that cannot be read becomes
/// NULL, after a copy of its row goes to quarantine (inserted before the session entries,
/// which are quarantined last).
fn rewrites(
    inventory: &inventory::Inventory,
    quarantine: &mut Vec<QuarantineEntry>,
) -> Vec<ValueRewrite> {
    let gone: HashSet<(String, i64)> = quarantine.iter().map(|q| (q.table.clone(), q.id)).collect();
    let kept: Vec<ValueRewrite> = inventory
        .rewrites
        .iter()
        .filter(|r| !gone.contains(&(r.table.clone(), r.id)))
        .cloned()
        .collect();
    let copies = kept
        .iter()
        .filter(|r| r.to.is_none())
        .map(|r| QuarantineEntry {
            table: r.table.clone(),
            id: r.id,
            reason: format!(
                "unreadable timestamp `{}` in `{}`, set to NULL",
                r.from, r.column
            ),
            copy_only: true,
        });
    let at = quarantine
        .iter()
        .position(|q| q.table == "onboarding_sessions" && !q.copy_only)
        .unwrap_or(quarantine.len());
    quarantine.splice(at..at, copies.collect::<Vec<_>>());
    kept
}

/// The current time in UTC at microsecond precision (what both stores keep).
pub(crate) fn now() -> Timestamp {
    let t = time::OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
}

/// `t` as RFC 3339 (refinery's `applied_on` format).
pub(crate) fn rfc3339(t: Timestamp) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}
