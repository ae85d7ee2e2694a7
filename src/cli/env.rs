//! `onboardctl env …`: compare a user's stored keys with the local `.env` file (`diff`), or
//! write them into it (`sync`, `sync --check` for CI). Both work whether or not
//! `DEPLOY_ENV=local`: they are explicit requests about the file `--env-file` names. Values
//! are shown masked, with fingerprints of the plaintext.

use clap::{Args, Subcommand};

use super::{Failure, Outcome};
use crate::domain::UserId;
use crate::error::{Error, ErrorKind};
use crate::output::env::{env_diff_table, EnvDiffView, EnvSyncView};
use crate::output::Ui;
use crate::service::{EnvChange, EnvDiff, EnvStatus, Service};

/// The `env` commands.
#[derive(Debug, Subcommand)]
pub enum EnvCommand {
    /// Show, masked, which of a user's keys are missing from, differ in or match the .env
    /// file (and CopilotKit's in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing
    Diff(DiffArgs),
    /// Write a user's keys into the .env file (and CopilotKit's into
    /// $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift
    Sync(SyncArgs),
}

/// `env diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// `env sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Change nothing; exit 6 when any key is missing from or differs in the file
    #[arg(long)]
    pub check: bool,
}

/// Runs an `env` command.
pub fn run(cmd: EnvCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        EnvCommand::Diff(a) => diff(&a.user, svc, ui).map(drop),
        EnvCommand::Sync(a) if a.check => check(&a.user, svc, ui),
        EnvCommand::Sync(a) => sync(&a.user, svc, ui),
    }
}

/// Prints the diff; returns it for `--check`.
fn diff(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Result<EnvDiff, Failure> {
    let diff = svc.env_diff(user)?;
    let view = EnvDiffView::from(&diff);
    ui.emit(&view, || env_diff_table(&view, ui.color_stdout()))?;
    Ok(diff)
}

/// `env sync --check`: the diff on stdout, then exit 6 when anything drifted.
fn check(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let diff = diff(user, svc, ui)?;
    if diff.drift() == 0 {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::CheckFailed,
        format!(
            "{} of {} variable(s) are missing or differ",
            diff.drift(),
            diff.entries.len()
        ),
    )
    .with_details(drift_lines(&diff))
    .with_hint(format!(
        "onboardctl env sync {}",
        crate::error::shell_word(user.as_str())
    ))
    .into())
}

fn sync(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let report = svc.env_sync(user)?;
    report_files(&report.files, ui);
    let view = EnvSyncView::from(&report);
    if ui.json {
        return Ok(ui.print_json(&view)?);
    }
    if view.written == 0 {
        ui.note(format!(
            "the .env file(s) already hold every key of `{user}`"
        ));
    }
    Ok(())
}

/// `` `GEMINI_API_KEY` is missing from `./.env` `` per drifted entry.
fn drift_lines(diff: &EnvDiff) -> Vec<String> {
    diff.entries
        .iter()
        .filter(|e| e.status != EnvStatus::Matches)
        .map(|e| {
            let how = match e.status {
                EnvStatus::Missing => "is missing from",
                _ => "differs in",
            };
            format!("`{}` {how} `{}`", e.var, e.path.display())
        })
        .collect()
}

/// Reports on stderr what writing `.env` files did: their warnings (always), and a note per
/// file whose bytes changed. Never a value.
pub fn report_env(env: &crate::service::EnvWrite, ui: &Ui) {
    report_files(&env.files, ui);
    for note in &env.notes {
        ui.warn(note);
    }
}

/// Notes for each file written, and its warnings.
pub fn report_files(changes: &[EnvChange], ui: &Ui) {
    for change in changes {
        for warning in &change.warnings {
            ui.warn(warning);
        }
        if change.changed {
            let what = if change.created { "created" } else { "updated" };
            let vars: Vec<String> = change.vars.iter().map(|v| format!("`{v}`")).collect();
            ui.note(format!(
                "{what} `{}` ({})",
                change.path.display(),
                vars.join(", ")
            ));
        } else {
            ui.debug(1, format!("`{}` unchanged", change.path.display()));
        }
    }
}
