//! `onboardctl session …`: create (get-or-create), show, list with filters, delete (asks, or
//! `--yes`) and reset (`--purge` also drops the stored data, and asks first too).

use clap::{Args, Subcommand, ValueEnum};

use super::input::confirm;
use super::{Confirm, Failure, Outcome};
use crate::domain::{StepNumber, UserId};
use crate::output::stream::SessionListStream;
use crate::output::views::{CreatedView, DeletionView, SessionRowView, SessionView};
use crate::output::{human, Ui};
use crate::service::{ListFilter, Service};
use crate::store::{Lifecycle, SessionSummary};

/// The `session` commands.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Create a user's session, or return the existing one (idempotent)
    Create(UserArg),
    /// Show a user's session and its six steps
    Show(UserArg),
    /// List sessions, newest change first
    List(ListArgs),
    /// Delete a user's session and, by cascade, all of their data (--dry-run lists it)
    Delete(DeleteArgs),
    /// Put every step back to pending (step 1, progress 0); stored data is kept unless --purge
    Reset(ResetArgs),
}

/// A command that takes only a user id.
#[derive(Debug, Args)]
pub struct UserArg {
    /// The user id (1-255 characters, no control characters)
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// `session list` filters.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Keep sessions in these states (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATUS,…")]
    pub status: Vec<StatusFilter>,
    /// Keep sessions whose current step is N (1-6)
    #[arg(long, value_name = "N")]
    pub step: Option<StepNumber>,
    /// Keep unfinished sessions not updated for at least D days
    #[arg(long, value_name = "D")]
    pub stalled_days: Option<u32>,
    /// Show at most this many sessions
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    /// Skip this many sessions first
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
}

/// A `session list --status` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFilter {
    /// No step has left pending.
    #[value(alias = "not_started")]
    NotStarted,
    /// Some step has left pending; not completed.
    #[value(alias = "in_progress")]
    InProgress,
    /// Onboarding completed.
    Completed,
}

impl From<StatusFilter> for Lifecycle {
    fn from(s: StatusFilter) -> Lifecycle {
        match s {
            StatusFilter::NotStarted => Lifecycle::NotStarted,
            StatusFilter::InProgress => Lifecycle::InProgress,
            StatusFilter::Completed => Lifecycle::Completed,
        }
    }
}

/// `session delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// List what would be deleted, and what would stay, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Confirmation.
    #[command(flatten)]
    pub confirm: Confirm,
}

/// `session reset`.
#[derive(Debug, Args)]
pub struct ResetArgs {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// Also delete the user's API keys, website analysis, research preferences and persona
    /// (asks first, or --yes)
    #[arg(long)]
    pub purge: bool,
    /// Confirmation of --purge.
    #[command(flatten)]
    pub confirm: Confirm,
}

/// Runs a `session` command.
pub fn run(cmd: SessionCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        SessionCommand::Create(a) => create(&a.user, svc, ui),
        SessionCommand::Show(a) => show(&a.user, svc, ui),
        SessionCommand::List(a) => list(&a, svc, ui),
        SessionCommand::Delete(a) => delete(&a, svc, ui),
        SessionCommand::Reset(a) => reset(&a, svc, ui),
    }
}

fn create(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let (state, created) = svc.create_session(user)?;
    if ui.json {
        let view = CreatedView {
            created,
            record: SessionView::from(&state),
        };
        return Ok(ui.print_json(&view)?);
    }
    if created {
        ui.note(format!("created session for user `{user}`"));
    } else {
        ui.note(format!("session for user `{user}` already exists"));
    }
    Ok(())
}

fn show(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let state = svc.show_session(user)?;
    let mut view = SessionView::from(&state);
    view.stale_context = svc.stale_context(user)?;
    Ok(ui.emit(&view, || human::session(&view, &state, ui.color_stdout()))?)
}

fn list(args: &ListArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let filter = ListFilter {
        lifecycles: args.status.iter().map(|s| Lifecycle::from(*s)).collect(),
        step: args.step,
        stalled_days: args.stalled_days,
        limit: args.limit,
        offset: args.offset,
    };
    // One page is rendered whole (the table's own widths, colours); a longer list streams.
    let mut first: Option<Vec<SessionSummary>> = None;
    let mut stream: Option<SessionListStream<'_>> = None;
    svc.list_sessions_paged::<Failure>(&filter, &mut |rows| {
        match (&mut stream, first.take()) {
            (Some(s), _) => s.page(&rows)?,
            (None, None) => first = Some(rows),
            (None, Some(held)) => {
                let mut s = SessionListStream::start(ui, &held)?;
                s.page(&rows)?;
                stream = Some(s);
            }
        }
        Ok(())
    })?;
    if let Some(s) = stream {
        return Ok(s.finish()?);
    }
    let rows = first.unwrap_or_default();
    let views: Vec<SessionRowView> = rows.iter().map(SessionRowView::from).collect();
    Ok(ui.emit(&views, || human::session_list(&rows, ui.color_stdout()))?)
}

fn delete(args: &DeleteArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let user = &args.user;
    svc.show_session(user)?;
    let plan = svc.deletion(user)?;
    if args.dry_run {
        let view = DeletionView::new(user, false, &plan);
        return Ok(ui.emit(&view, || human::deletion(&plan, &svc.location()))?);
    }
    let question = format!(
        "delete the session of user `{user}` and all of their data (keys included) in `{}`?",
        svc.location()
    );
    confirm(&question, Some(user), args.confirm.yes)?;
    let removal = svc.delete_session(user)?;
    report_removal(&removal, ui);
    if ui.json {
        return Ok(ui.print_json(&DeletionView::new(user, true, &plan))?);
    }
    ui.note(format!(
        "deleted session of user `{user}` and all of their data"
    ));
    for line in human::left_behind(&plan) {
        ui.note(line);
    }
    Ok(())
}

fn reset(args: &ResetArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    if args.purge {
        let user = &args.user;
        svc.show_session(user)?;
        let question = format!(
            "reset the session of user `{user}` and delete their API keys, website analysis, \
             research preferences and persona in `{}`?",
            svc.location()
        );
        confirm(&question, Some(user), args.confirm.yes)?;
    }
    let (state, removal) = svc.reset_session(&args.user, args.purge)?;
    report_removal(&removal, ui);
    if ui.json {
        return Ok(ui.print_json(&SessionView::from(&state))?);
    }
    let what = if args.purge {
        "; stored data deleted"
    } else {
        "; stored data kept"
    };
    ui.note(format!("reset session of user `{}`{what}", args.user));
    Ok(())
}

/// Notes on what left the `.env` file(s), and what was left in them.
fn report_removal(removal: &crate::service::EnvWrite, ui: &Ui) {
    super::env::report_env(removal, ui);
}
