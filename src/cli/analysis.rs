//! `onboardctl analysis …`: set a user's website analysis (step 2) from JSON, flat or in
//! ALwrity's `{website, analysis:{…}}` shape, and show it.

use clap::{ArgGroup, Args, Subcommand};

use super::input::JsonInput;
use super::Outcome;
use crate::domain::UserId;
use crate::output::data::{analysis_block, AnalysisView};
use crate::output::Ui;
use crate::service::Service;

/// The `analysis` commands.
#[derive(Debug, Subcommand)]
pub enum AnalysisCommand {
    /// Store a user's website analysis from JSON (--file FILE, or `-` for stdin)
    Set(SetArgs),
    /// Show a user's website analysis
    Show(ShowArgs),
}

/// `analysis set`.
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("json_source").args(["file", "stdin_dash"]).required(true)),
    override_usage = "onboardctl analysis set [OPTIONS] <USER> (--file <FILE> | -)"
)]
pub struct SetArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Where the JSON comes from.
    #[command(flatten)]
    pub input: JsonInput,
}

/// `analysis show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// Runs an `analysis` command.
pub fn run(cmd: AnalysisCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        AnalysisCommand::Set(a) => {
            let document = a.input.require()?;
            let stored = svc.set_analysis(&a.user, document)?;
            if ui.json {
                return Ok(ui.print_json(&AnalysisView::from(&stored))?);
            }
            ui.note(format!("stored website analysis of user `{}`", a.user));
            Ok(())
        }
        AnalysisCommand::Show(a) => {
            let analysis = svc.show_analysis(&a.user)?;
            Ok(ui.emit(&AnalysisView::from(&analysis), || analysis_block(&analysis))?)
        }
    }
}
