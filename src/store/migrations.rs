//! The migrations this build carries, per dialect, as build.rs listed them from `sql/`. Used
//! on every open to count pending migrations cheaply; refinery's own embedded list (which
//! runs them) is checked against this one by a test in each backend.

use super::adopt::RecordedMigration;
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

/// The migration an adopted database is recorded at (V1, whose end state adoption
/// produces) and refinery's checksum of it in `runner`, so refinery later sees it applied
/// and unchanged.
pub(crate) fn baseline(runner: &refinery::Runner) -> StoreResult<(RecordedMigration, u64)> {
    let m = runner
        .get_migrations()
        .iter()
        .find(|m| m.version() == 1)
        .ok_or_else(|| StoreError::Backend("no migration V1 embedded".to_owned()))?;
    let i = info(m, None)?;
    let record = RecordedMigration {
        version: i.version,
        name: i.name,
        applied_on: None,
    };
    Ok((record, m.checksum()))
}
