//! What every backend shares of the audit table `onboardctl_audit`: the JSON form of a row's
//! changes. The statements live with each backend (`sqlite/audit.rs`, `postgres/audit.rs`,
//! `alwrity/side.rs`); the trait methods are [`super::Store::append_audit`] and
//! [`super::Store::list_audit`].

use serde_json::Value;

use super::{StoreError, StoreResult};
use crate::domain::audit::FieldChange;

/// The audit table's name, on every kind of database.
pub const AUDIT_TABLE: &str = "onboardctl_audit";

/// `changes` as the JSON array the `changes` column holds.
pub(crate) fn changes_json(changes: &[FieldChange]) -> Value {
    serde_json::to_value(changes).unwrap_or_else(|_| Value::Array(Vec::new()))
}

/// The `changes` column read back; a column another program wrote that is not such an
/// array is an error naming the row.
pub(crate) fn changes_from(id: i64, v: Value) -> StoreResult<Vec<FieldChange>> {
    serde_json::from_value(v)
        .map_err(|e| StoreError::Backend(format!("audit row {id} has unreadable changes: {e}")))
}
