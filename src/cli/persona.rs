//! `onboardctl persona …`: set a user's persona data (step 4) from JSON with ALwrity's
//! camelCase or snake_case keys, and show it.

use clap::{ArgGroup, Args, Subcommand};

use super::input::JsonInput;
use super::Outcome;
use crate::domain::UserId;
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

/// `persona set`.
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("json_source").args(["file", "stdin_dash"]).required(true)),
    override_usage = "onboardctl persona set [OPTIONS] <USER> (--file <FILE> | -)"
)]
pub struct SetArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Where the JSON comes from.
    #[command(flatten)]
    pub input: JsonInput,
}

/// `persona show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// Runs a `persona` command.
pub fn run(cmd: PersonaCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        PersonaCommand::Set(a) => {
            let document = a.input.require()?;
            let stored = svc.set_persona(&a.user, document)?;
            if ui.json {
                return Ok(ui.print_json(&PersonaView::from(&stored))?);
            }
            ui.note(format!("stored persona data of user `{}`", a.user));
            Ok(())
        }
        PersonaCommand::Show(a) => {
            let persona = svc.show_persona(&a.user)?;
            Ok(ui.emit(&PersonaView::from(&persona), || persona_block(&persona))?)
        }
    }
}
