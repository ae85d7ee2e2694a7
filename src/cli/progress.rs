//! `onboardctl progress …`: show the summary and steps, change one step's status (with its
//! validation), and the two manual overrides, `set-step` and `set`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::input::read_json;
use super::Outcome;
use crate::domain::progress::StepChange;
use crate::domain::{Onboarding, Percent, StepNumber, StepStatus, UserId};
use crate::output::human;
use crate::output::views::{ProgressView, SessionView};
use crate::output::Ui;
use crate::service::Service;

/// The `progress` commands.
#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Show the progress summary and the six steps
    Show(ShowArgs),
    /// Set one step's status; completing a step checks its requirements unless --force
    Step(StepArgs),
    /// Override the current step (until the next step change)
    SetStep(SetStepArgs),
    /// Override the progress percentage, 0-100 (until the next step change)
    Set(SetArgs),
}

/// `progress show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// `progress step`.
#[derive(Debug, Args)]
pub struct StepArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// The step, 1-6
    #[arg(value_name = "N")]
    pub step: StepNumber,
    /// pending, in_progress (or in-progress), completed, skipped or failed
    #[arg(value_name = "STATUS")]
    pub status: StepStatus,
    /// Step data: a JSON file, or `-` for stdin
    #[arg(long, value_name = "FILE|-")]
    pub data: Option<PathBuf>,
    /// For `failed`: the reason, recorded with the step
    #[arg(long, value_name = "MSG")]
    pub error: Option<String>,
    /// Complete the step without checking its requirements (recorded as forced, with
    /// --reason)
    #[arg(long, requires = "reason")]
    pub force: bool,
    /// Why the step is forced (required with --force; recorded with the step)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
}

/// `progress set-step`.
#[derive(Debug, Args)]
pub struct SetStepArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// The step, 1-6
    #[arg(value_name = "N")]
    pub step: StepNumber,
}

/// `progress set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// The percentage, 0-100
    #[arg(value_name = "PERCENT", allow_hyphen_values = true)]
    pub percent: Percent,
}

/// Runs a `progress` command.
pub fn run(cmd: ProgressCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        ProgressCommand::Show(a) => {
            let state = svc.show_session(&a.user)?;
            let view = ProgressView::from(&state);
            Ok(ui.emit(&view, || {
                human::progress(&state, &view.steps, ui.color_stdout())
            })?)
        }
        ProgressCommand::Step(a) => step(a, svc, ui),
        ProgressCommand::SetStep(a) => {
            let state = svc.set_current_step(&a.user, a.step)?;
            changed(&state, ui, &format!("current step set to {}", a.step))
        }
        ProgressCommand::Set(a) => {
            let state = svc.set_progress(&a.user, a.percent)?;
            let what = format!("progress set to {}", human::percent(a.percent.get()));
            changed(&state, ui, &what)
        }
    }
}

fn step(args: StepArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    // Read the data before touching the database: bad JSON changes nothing.
    let data = args.data.as_deref().map(read_json).transpose()?;
    let change = StepChange {
        step: args.step,
        status: args.status,
        data,
        error: args.error,
        forced: args.reason.filter(|_| args.force),
    };
    let changed_step = svc.mark_step(&args.user, change)?;
    let state = changed_step.state;
    let forced = if args.force && args.status == StepStatus::Completed {
        " (forced)"
    } else {
        ""
    };
    let what = format!(
        "step {} `{}` is now {}{forced}",
        args.step,
        args.step.title(),
        args.status
    );
    if changed_step.revoked_completion {
        ui.note(format!(
            "onboarding of user `{}` is no longer complete: step {} is {} again",
            args.user, args.step, args.status
        ));
    }
    changed(&state, ui, &what)
}

/// After a change: the session as JSON under `--json`, else a note with the new position.
fn changed(state: &Onboarding, ui: &Ui, what: &str) -> Outcome {
    if ui.json {
        return Ok(ui.print_json(&SessionView::from(state))?);
    }
    let s = &state.session;
    ui.note(format!(
        "{what} for user `{}`; current step {}, progress {}",
        s.user_id,
        s.current_step,
        human::percent(s.progress)
    ));
    Ok(())
}
