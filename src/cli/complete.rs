//! `onboardctl complete USER [--force --reason TEXT]`: finish a user's onboarding when steps
//! 1-5 allow it, or force it and record why.

use clap::Args;

use super::Outcome;
use crate::domain::UserId;
use crate::output::views::SessionView;
use crate::output::Ui;
use crate::service::{CompleteMode, Service};

/// `complete`.
#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Complete even if steps 1-5 are unfinished (recorded as forced)
    #[arg(long)]
    pub force: bool,
    /// Why the completion is forced (recorded with step 6)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
}

/// Completes the user's onboarding.
pub fn run(args: CompleteArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let mode = if args.force {
        CompleteMode::Forced {
            reason: args.reason,
        }
    } else {
        CompleteMode::Checked
    };
    let state = svc.complete(&args.user, mode)?;
    if ui.json {
        return Ok(ui.print_json(&SessionView::from(&state))?);
    }
    let forced = if args.force { " (forced)" } else { "" };
    ui.note(format!(
        "onboarding of user `{}` is complete{forced}",
        args.user
    ));
    Ok(())
}
