//! The migrations this build carries, per dialect, as build.rs listed them from `sql/`. Used
//! on every open to count pending migrations cheaply; refinery's own embedded list (which
//! runs them) is checked against this one by a test in each backend.

use super::{MigrationInfo, StoreError, StoreResult};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// `list` as pending [`MigrationInfo`]s.
pub(crate) fn infos(list: &[(u32, &str)]) -> Vec<MigrationInfo> {
    list.iter()
        .map(|&(version, name)| MigrationInfo {
            version,
            name: name.to_owned(),
            applied_on: None,
        })
        .collect()
}

/// A migration refinery embeds, as a [`MigrationInfo`].
pub(crate) fn info(
    m: &refinery::Migration,
    applied_on: Option<String>,
) -> StoreResult<MigrationInfo> {
    let version = u32::try_from(m.version())
        .map_err(|_| StoreError::Backend(format!("bad migration version {}", m.version())))?;
    Ok(MigrationInfo {
        version,
        name: m.name().to_owned(),
        applied_on,
    })
}
