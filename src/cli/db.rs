//! `onboardctl db …`: apply pending migrations (`--dry-run` lists them and applies nothing)
//! and show the schema's state (`--check` exits 6 when migrations are pending). On a
//! database ALwrity created, `migrate` adopts it first (`migrate`, `adopt`).

mod adopt;
mod migrate;

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
    /// Apply pending schema migrations (adopts a database ALwrity created, in place)
    Migrate(MigrateArgs),
    /// Show the backend, location, schema version and pending migrations
    Status(StatusArgs),
    /// Copy every user to another database (SQLite <-> PostgreSQL)
    Copy(super::copy::CopyArgs),
}

/// `db migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// List the pending migrations and apply nothing
    ///
    /// On a database ALwrity created, print the full adoption plan instead: every table,
    /// column, constraint and index to add, every session merge, duplicate and row to
    /// quarantine, and how each session's stored values are read.
    #[arg(long)]
    pub dry_run: bool,
    /// Seconds to wait for another `db migrate` to finish (PostgreSQL migration lock)
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub lock_timeout: u64,
    /// Confirmation of adopting a database ALwrity created (asked only then).
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
        }
    }
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
    match cmd {
        DbCommand::Migrate(a) if a.dry_run => migrate::dry_run(svc, ui),
        DbCommand::Migrate(a) => migrate::apply(svc, ui, a.confirm.yes),
        DbCommand::Status(a) => status(a.check, svc, ui),
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
    let adoptable = migrate::adoptable(&state, svc)?;
    let out = migrate::StatusOut {
        view: &view,
        adoptable,
    };
    ui.emit(&out, || {
        let pending: Vec<String> = view
            .pending
            .iter()
            .map(|m| format!("V{}__{}", m.version, m.name))
            .collect();
        let mut b = Block::new();
        b.field("backend", &view.backend)
            .field("location", &view.location)
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
        if adoptable {
            b.field("adoption", migrate::ADOPTABLE);
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
