//! What the step-data commands that take a JSON document share (`analysis set|show`,
//! `persona set|show`): their arguments and how `set` reports what it stored.

use clap::{ArgGroup, Args};
use serde::Serialize;

use super::input::JsonInput;
use super::Outcome;
use crate::domain::UserId;
use crate::output::Ui;

/// `<group> set USER (--file FILE | -)`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("json_source").args(["file", "stdin_dash"]).required(true)))]
pub struct SetArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Where the JSON comes from.
    #[command(flatten)]
    pub input: JsonInput,
}

/// `<group> show USER`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// Reports a stored record: the record itself under `--json`, else a note on stderr naming
/// `what` was stored for `user`.
pub fn report_stored(ui: &Ui, view: &impl Serialize, what: &str, user: &UserId) -> Outcome {
    if ui.json {
        return Ok(ui.print_json(view)?);
    }
    ui.note(format!("stored {what} of user `{user}`"));
    Ok(())
}
