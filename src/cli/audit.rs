//! `onboardctl audit log [--user U] [--actor A] [--since T] [--limit N]`: the audit trail,
//! newest first; and the global `--actor` flag that names who a change is recorded for.

use clap::{Args, Subcommand};

use super::Outcome;
use crate::domain::audit::AuditQuery;
use crate::domain::{Timestamp, UserId};
use crate::error::Error;
use crate::output::audit::{audit_table, AuditView};
use crate::output::Ui;
use crate::service::Service;

/// The audit flag shared by every command.
#[derive(Debug, Clone, Args)]
pub struct AuditOpts {
    /// Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then
    /// `$USER@host`. With `audit log`: show only this actor's rows
    #[arg(long, global = true, value_name = "NAME")]
    pub actor: Option<String>,
}

/// `audit`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Show the audit trail, newest first (on a workspace, across every user's file)
    Log(LogArgs),
}

/// `audit log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only rows of this user
    #[arg(long, value_name = "USER")]
    pub user: Option<UserId>,
    /// Only rows at or after this time: RFC 3339 (`2025-06-01T12:00:00Z`), a date
    /// (`2025-06-01`, UTC midnight), or an age (`30m`, `12h`, `7d`)
    #[arg(long, value_name = "TIME", value_parser = parse_since)]
    pub since: Option<Timestamp>,
    /// At most this many rows
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u32,
}

/// Shows the rows the filters select; `actor` is the global `--actor` (a filter here).
pub fn run(cmd: AuditCommand, actor: Option<String>, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let AuditCommand::Log(args) = cmd;
    let query = AuditQuery {
        user: args.user,
        actor,
        since: args.since,
        limit: args.limit,
    };
    let rows = svc.audit_log(&query)?;
    if ui.json {
        let views: Vec<AuditView<'_>> = rows.iter().map(AuditView::from).collect();
        return Ok(ui.print_json(&views)?);
    }
    if rows.is_empty() {
        ui.note("no audit rows match");
        return Ok(());
    }
    Ok(ui.out(&audit_table(&rows, ui.color_stdout()))?)
}

/// `--since`: RFC 3339, a date, or an age before now.
pub fn parse_since(text: &str) -> Result<Timestamp, String> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = Timestamp::parse(text, &Rfc3339) {
        return Ok(t);
    }
    let date = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = time::Date::parse(text, date) {
        return Ok(d.midnight().assume_utc());
    }
    let unit = text.chars().last().unwrap_or(' ');
    let seconds = match unit {
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        _ => 0,
    };
    let n: Option<i64> = text[..text.len() - unit.len_utf8().min(text.len())]
        .parse()
        .ok();
    match n.filter(|n| *n >= 0 && seconds > 0) {
        Some(n) => Ok(crate::service::now() - time::Duration::seconds(n.saturating_mul(seconds))),
        None => Err(format!(
            "`{text}` is not a time: give RFC 3339, a date (YYYY-MM-DD) or an age (30m, 12h, 7d)"
        )),
    }
}

/// A clear error for an actor the trail cannot hold (control characters, too long).
pub fn check_actor(actor: &str) -> Result<(), Error> {
    crate::domain::limits::check_text("--actor", actor, Some(255))
        .map_err(|e| Error::usage(format!("invalid --actor: {e}")))
}
