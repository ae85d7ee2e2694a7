//! `onboardctl complete USER [--force --reason TEXT]`: finish a user's onboarding when steps
//! 1-5 allow it, or force it and record why.

use clap::Args;

use super::Outcome;
use crate::domain::UserId;
use crate::output::views::SessionView;
use crate::output::Ui;
use crate::service::{CompleteMode, Completion, Service};

/// `complete`.
#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Complete even if steps 1-5 are unfinished (recorded as forced, with --reason)
    #[arg(long, requires = "reason")]
    pub force: bool,
    /// Why the completion is forced (required with --force; recorded with step 6; a second
    /// forced completion replaces it)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
}

/// Completes the user's onboarding.
pub fn run(args: CompleteArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let mode = match args.reason.filter(|_| args.force) {
        Some(reason) => CompleteMode::Forced { reason },
        None => CompleteMode::Checked,
    };
    let done = svc.complete(&args.user, mode)?;
    if ui.json {
        return Ok(ui.print_json(&SessionView::from(&done.state))?);
    }
    let user = &args.user;
    ui.note(match done.how {
        Completion::Completed if args.force => {
            format!("onboarding of user `{user}` is complete (forced)")
        }
        Completion::Completed => format!("onboarding of user `{user}` is complete"),
        Completion::AlreadyComplete => {
            format!("onboarding of user `{user}` was already complete; nothing changed")
        }
        Completion::ReasonReplaced => format!(
            "onboarding of user `{user}` was already complete by force; the reason was replaced"
        ),
    });
    Ok(())
}
