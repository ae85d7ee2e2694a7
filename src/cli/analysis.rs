//! `onboardctl analysis …`: set a user's website analysis (step 2) from JSON, flat or in
//! ALwrity's `{website, analysis:{…}}` shape, and show it.

use clap::Subcommand;

use super::document::{report_stored, SetArgs, ShowArgs};
use super::Outcome;
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

/// Runs an `analysis` command.
pub fn run(cmd: AnalysisCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        AnalysisCommand::Set(a) => {
            let stored = svc.set_analysis(&a.user, a.input.require()?)?;
            report_stored(
                ui,
                &AnalysisView::from(&stored),
                "website analysis",
                &a.user,
            )
        }
        AnalysisCommand::Show(a) => {
            let record = svc.show_analysis(&a.user)?;
            Ok(ui.emit(&AnalysisView::from(&record), || analysis_block(&record))?)
        }
    }
}
