//! `onboardctl session …`: create (get-or-create), show, list with filters, delete (asks, or
//! `--yes`) and reset (`--purge` also drops the stored data, and asks first too).

use clap::{Args, Subcommand, ValueEnum};

use super::input::confirm;
use super::{Confirm, Failure, Outcome};
use crate::domain::{StepNumber, UserId};
use crate::output::stream::SessionListStream;
use crate::output::views::{CreatedView, DeletionView, SessionRowView, SessionView};
use crate::output::{human, Ui};
use crate::service::{ListFilter, Listed, Service};
use crate::store::{Lifecycle, SessionSort, SessionSummary, SortKey};

/// The `session` commands.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Create a user's session, or return the existing one (idempotent)
    Create(UserArg),
    /// Show a user's session and its six steps
    Show(UserArg),
    /// List sessions, newest change first (see --sort); at most 100 unless --limit or --all
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
    /// Keep users whose id contains this text (ASCII letters in any case; `%`, `_` and `\`
    /// are plain characters)
    #[arg(long, value_name = "TEXT")]
    pub user_like: Option<String>,
    /// Order by: updated (newest first, the default), started (newest first), progress
    /// (highest first), step (furthest first) or user (A to Z); ties by user id
    #[arg(long, value_enum, default_value_t = SortArg::Updated, value_name = "KEY")]
    pub sort: SortArg,
    /// Reverse the whole order
    #[arg(long)]
    pub reverse: bool,
    /// Show at most this many sessions (a note on stderr says when more match)
    #[arg(long, default_value_t = 100, conflicts_with = "all")]
    pub limit: u32,
    /// Show every matching session
    #[arg(long)]
    pub all: bool,
    /// Skip this many sessions first
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
}

/// A `session list --sort` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Last change, newest first.
    Updated,
    /// Creation, newest first.
    Started,
    /// Progress percentage, highest first.
    Progress,
    /// Current step, furthest first.
    Step,
    /// User id, A to Z (bytewise).
    User,
}

impl From<SortArg> for SortKey {
    fn from(s: SortArg) -> SortKey {
        match s {
            SortArg::Updated => SortKey::Updated,
            SortArg::Started => SortKey::Started,
            SortArg::Progress => SortKey::Progress,
            SortArg::Step => SortKey::Step,
            SortArg::User => SortKey::User,
        }
    }
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
        limit: if args.all { u32::MAX } else { args.limit },
        offset: args.offset,
        sort: SessionSort {
            key: args.sort.into(),
            reverse: args.reverse,
        },
        user_like: args.user_like.clone(),
    };
    let listed = if ui.shape.streams() {
        list_streamed(&filter, svc, ui)?
    } else {
        // A jq filter sees the whole array.
        let mut views: Vec<SessionRowView> = Vec::new();
        let listed = svc.list_sessions_paged::<Failure>(&filter, &mut |rows| {
            views.extend(rows.iter().map(SessionRowView::from));
            Ok(())
        })?;
        ui.print_json(&views)?;
        listed
    };
    list_notes(listed, args.offset, ui);
    Ok(())
}

/// One page is rendered whole (the table's own widths, colours); a longer list streams.
fn list_streamed(filter: &ListFilter, svc: &mut Service<'_>, ui: &Ui) -> Result<Listed, Failure> {
    let mut first: Option<Vec<SessionSummary>> = None;
    let mut stream: Option<SessionListStream<'_>> = None;
    let listed = svc.list_sessions_paged::<Failure>(filter, &mut |rows| {
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
        s.finish()?;
        return Ok(listed);
    }
    let rows = first.unwrap_or_default();
    if ui.json {
        let views: Vec<SessionRowView> = rows.iter().map(SessionRowView::from).collect();
        ui.print_json(&views)?;
    } else if !rows.is_empty() {
        ui.out(&human::session_list(&rows, ui.color_stdout()))?;
    }
    Ok(listed)
}

/// The notes on stderr after a list: none matched, or it stopped at its limit with more
/// left. Not under JSON output, whose stderr holds only the error object; silenced by `-q`.
fn list_notes(listed: Listed, offset: u32, ui: &Ui) {
    if ui.json_errors() {
        return;
    }
    match listed.total {
        None if listed.shown == 0 => ui.note("no sessions match"),
        None => {}
        Some(total) => {
            let shown = if offset == 0 {
                thousands(listed.shown)
            } else {
                let first = u64::from(offset) + 1;
                format!(
                    "{}–{}",
                    thousands(first),
                    thousands(first + listed.shown.saturating_sub(1))
                )
            };
            ui.note(format!(
                "showing {shown} of {} — use --limit/--offset, or --all",
                thousands(total)
            ));
        }
    }
}

/// `5011` as `5,011`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(5011), "5,011");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
