//! `onboardctl db …`: apply pending migrations (`--dry-run` lists them and applies nothing),
//! show the schema's state (`--check` exits 6 when migrations are pending), merge duplicate
//! sessions (`repair`) and copy. On a database ALwrity made, `migrate` attaches (`migrate`,
//! `attach`).

mod attach;
mod migrate;
mod workspace;

use std::time::Duration;

use clap::{Args, Subcommand};

use super::Outcome;
use crate::error::{Error, ErrorKind};
use crate::output::human::{Block, TableBuilder};
use crate::output::views::{DbStatusView, MigrationView};
use crate::output::Ui;
use crate::service::Service;
use crate::store::{MigrationInfo, OpenOptions};

/// The `db` commands.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Apply pending schema migrations (on a database ALwrity made: attach, adding only
    /// onboardctl's own tables and indexes)
    Migrate(MigrateArgs),
    /// Show the backend, location, schema version, pending migrations and, on a database
    /// ALwrity made, its era and duplicate sessions
    Status(StatusArgs),
    /// Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity
    /// reads), moving the others to onboardctl_quarantine
    Repair(RepairArgs),
    /// Copy every user to another database (SQLite <-> PostgreSQL)
    Copy(super::copy::CopyArgs),
}

/// `db migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// List the pending migrations and apply nothing
    ///
    /// On a database ALwrity made, print the attach plan instead: the tables, columns and
    /// indexes to add, the duplicate sessions found, and that nothing ALwrity reads changes.
    #[arg(long)]
    pub dry_run: bool,
    /// On an ALwrity SQLite file, also switch its journal to WAL (persistent; never done
    /// otherwise)
    #[arg(long)]
    pub wal: bool,
    /// Seconds to wait for another `db migrate` to finish (PostgreSQL migration lock)
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub lock_timeout: u64,
    /// Confirmation of attaching to a database ALwrity made (asked only then).
    #[command(flatten)]
    pub confirm: super::Confirm,
}

impl MigrateArgs {
    /// `db migrate` may create a SQLite file and waits `--lock-timeout` for the lock.
    pub fn open_options(&self) -> OpenOptions {
        OpenOptions {
            create: !self.dry_run,
            auto_migrate: false,
            lock_timeout: Duration::from_secs(self.lock_timeout),
            read_only: self.dry_run,
            wal: self.wal,
            ..OpenOptions::default()
        }
    }
}

/// `db repair`.
#[derive(Debug, Args)]
pub struct RepairArgs {
    /// Print what would be merged and moved; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Confirmation of the merge.
    #[command(flatten)]
    pub confirm: super::Confirm,
}

/// `db status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Exit with code 6 when migrations are pending
    #[arg(long)]
    pub check: bool,
}

/// Runs a `db` command.
pub fn run(cmd: DbCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    if svc.is_workspace() {
        return match cmd {
            DbCommand::Migrate(a) => workspace::migrate(svc, ui, a.dry_run, a.confirm.yes),
            DbCommand::Status(_) => workspace::status(svc, ui, ui.verbose > 0),
            DbCommand::Repair(a) => workspace::repair(svc, ui, a.dry_run, a.confirm.yes),
            DbCommand::Copy(a) => super::copy::run(a, svc, ui),
        };
    }
    match cmd {
        DbCommand::Migrate(a) if a.dry_run => migrate::dry_run(svc, ui),
        DbCommand::Migrate(a) => migrate::apply(svc, ui, a.confirm.yes),
        DbCommand::Status(a) => status(a.check, svc, ui),
        DbCommand::Repair(a) => migrate::repair(svc, ui, a.dry_run, a.confirm.yes),
        DbCommand::Copy(a) => super::copy::run(a, svc, ui),
    }
}

fn print_migrations(list: &[MigrationInfo], ui: &Ui, what: &str) -> Outcome {
    let views: Vec<MigrationView> = list.iter().map(MigrationView::from).collect();
    if ui.json {
        return Ok(ui.print_json(&serde_json::json!({ what: views }))?);
    }
    if list.is_empty() {
        ui.note(format!("no migrations {what}; the schema is up to date"));
        return Ok(());
    }
    let mut t = TableBuilder::new(&["version", "name"], ui.color_stdout());
    for m in list {
        t.row([m.version.to_string(), m.name.clone()]);
    }
    ui.out(&t.render())?;
    ui.note(format!("{} {what}", migrations(list.len())));
    Ok(())
}

fn status(check: bool, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let state = svc.schema_state()?;
    let view = DbStatusView::new(svc.backend().to_string(), svc.location(), &state);
    let out = migrate::status_out(&view, svc)?;
    ui.emit(&out, || {
        let pending: Vec<String> = view
            .pending
            .iter()
            .map(|m| format!("V{}__{}", m.version, m.name))
            .collect();
        let mut b = Block::new();
        b.field("backend", &view.backend)
            .field("location", &view.location)
            .field("source", out.source)
            .field("version", view.version)
            .field("applied", view.applied.len())
            .field(
                "pending",
                if pending.is_empty() {
                    "none".to_owned()
                } else {
                    pending.join(", ")
                },
            );
        if let (Some(era), Some(reason)) = (out.era, &out.era_reason) {
            b.field("alwrity", format!("{era} era ({reason})"))
                .field(
                    "attached",
                    if out.attached {
                        "yes"
                    } else {
                        "no; `onboardctl db migrate` attaches (adds onboardctl's own tables only)"
                    },
                )
                .field("duplicates", out.duplicate_users);
        }
        b.render()
    })?;
    if check && !state.pending.is_empty() {
        let n = state.pending.len();
        return Err(
            Error::new(ErrorKind::CheckFailed, format!("{n} pending migration(s)"))
                .with_hint("run onboardctl db migrate")
                .into(),
        );
    }
    Ok(())
}

/// `1 migration`, `2 migrations`.
fn migrations(n: usize) -> String {
    if n == 1 {
        "1 migration".to_owned()
    } else {
        format!("{n} migrations")
    }
}
