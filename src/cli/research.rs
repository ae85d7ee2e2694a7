//! `onboardctl research …`: set a user's research preferences (step 3) from flags and/or a
//! JSON document (flags win), and show them.

use clap::{Args, Subcommand};

use super::input::JsonInput;
use super::Outcome;
use crate::domain::UserId;
use crate::output::data::{research_block, ResearchView};
use crate::output::Ui;
use crate::service::{ResearchInput, Service};

/// The `research` commands.
#[derive(Debug, Subcommand)]
pub enum ResearchCommand {
    /// Store a user's research preferences; flags override fields of the JSON document
    Set(SetArgs),
    /// Show a user's research preferences
    Show(ShowArgs),
}

/// `research set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Research depth, e.g. Basic, Standard, Comprehensive, Expert
    #[arg(long, value_name = "D")]
    pub depth: Option<String>,
    /// Content types to research (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub content_types: Option<Vec<String>>,
    /// Research automatically: true or false
    #[arg(long, value_name = "B", value_parser = clap::builder::BoolishValueParser::new())]
    pub auto_research: Option<bool>,
    /// Prefer factual content: true or false
    #[arg(long, value_name = "B", value_parser = clap::builder::BoolishValueParser::new())]
    pub factual_content: Option<bool>,
    /// Where the JSON comes from (optional).
    #[command(flatten)]
    pub input: JsonInput,
}

/// `research show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// Runs a `research` command.
pub fn run(cmd: ResearchCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        ResearchCommand::Set(a) => {
            let input = ResearchInput {
                file: a.input.read()?,
                depth: a.depth,
                content_types: a.content_types,
                auto_research: a.auto_research,
                factual_content: a.factual_content,
            };
            let stored = svc.set_research(&a.user, input)?;
            if ui.json {
                return Ok(ui.print_json(&ResearchView::from(&stored))?);
            }
            ui.note(format!("stored research preferences of user `{}`", a.user));
            Ok(())
        }
        ResearchCommand::Show(a) => {
            let prefs = svc.show_research(&a.user)?;
            Ok(ui.emit(&ResearchView::from(&prefs), || research_block(&prefs))?)
        }
    }
}
