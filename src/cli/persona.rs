//! `onboardctl persona …`: set a user's persona data (step 4) from JSON with ALwrity's
//! camelCase or snake_case keys, and show it.

use clap::Subcommand;

use super::document::{report_stored, SetArgs, ShowArgs};
use super::Outcome;
use crate::output::data::{persona_block, PersonaView};
use crate::output::Ui;
use crate::service::Service;

/// The `persona` commands.
#[derive(Debug, Subcommand)]
pub enum PersonaCommand {
    /// Store a user's persona data from JSON (--file FILE, or `-` for stdin)
    Set(SetArgs),
    /// Show a user's persona data
    Show(ShowArgs),
}

/// Runs a `persona` command.
pub fn run(cmd: PersonaCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        PersonaCommand::Set(a) => {
            let stored = svc.set_persona(&a.user, a.input.require()?)?;
            report_stored(ui, &PersonaView::from(&stored), "persona data", &a.user)
        }
        PersonaCommand::Show(a) => {
            let record = svc.show_persona(&a.user)?;
            Ok(ui.emit(&PersonaView::from(&record), || persona_block(&record))?)
        }
    }
}
