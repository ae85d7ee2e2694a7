//! The operations only a workspace store has (`workspace:PATH`): its `db status`, and `db
//! migrate` / `db repair` file by file. Other stores answer `None`; every other operation of
//! the service works on a workspace as on one database.

use super::Service;
use crate::config::UrlSource;
use crate::error::Result;
use crate::store::workspace::files::OnProgress;
use crate::store::workspace::{SkippedFile, WorkspaceMigration, WorkspaceRepair, WorkspaceStatus};

impl Service<'_> {
    /// Where the database URL came from.
    pub fn url_source(&self) -> UrlSource {
        self.settings.url_source
    }

    /// Whether the store is a workspace.
    pub fn is_workspace(&mut self) -> bool {
        self.store.as_workspace().is_some()
    }

    /// `db status` of a workspace.
    pub fn workspace_status(&mut self) -> Result<Option<WorkspaceStatus>> {
        match self.store.as_workspace() {
            Some(ws) => Ok(Some(ws.status()?)),
            None => Ok(None),
        }
    }

    /// `db migrate [--dry-run]` of a workspace, file by file.
    pub fn migrate_workspace(
        &mut self,
        dry_run: bool,
        progress: &mut OnProgress<'_>,
    ) -> Result<Option<WorkspaceMigration>> {
        match self.store.as_workspace() {
            Some(ws) => Ok(Some(ws.migrate_files(dry_run, progress)?)),
            None => Ok(None),
        }
    }

    /// `db repair [--dry-run]` of a workspace, file by file.
    pub fn repair_workspace(
        &mut self,
        dry_run: bool,
        progress: &mut OnProgress<'_>,
    ) -> Result<Option<WorkspaceRepair>> {
        match self.store.as_workspace() {
            Some(ws) => Ok(Some(ws.repair_files(dry_run, progress)?)),
            None => Ok(None),
        }
    }

    /// The workspace files the command's reads skipped (unreadable, locked, not ALwrity's),
    /// taken; empty on other stores.
    pub fn take_skipped(&mut self) -> Vec<SkippedFile> {
        self.store
            .as_workspace()
            .map(|ws| ws.take_skipped())
            .unwrap_or_default()
    }
}
