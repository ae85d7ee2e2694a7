//! `onboardctl ai-inputs USER`: the personalized AI inputs ALwrity derives from a user's
//! website analysis and research preferences, with per-field defaults. The result is a JSON
//! document in both output modes.

use clap::Args;

use super::Outcome;
use crate::domain::UserId;
use crate::output::Ui;
use crate::service::Service;

/// `ai-inputs`.
#[derive(Debug, Args)]
pub struct AiInputsArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// Prints the user's personalized AI inputs.
pub fn run(args: AiInputsArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let inputs = svc.ai_inputs(&args.user)?;
    Ok(ui.print_json(&inputs)?)
}
