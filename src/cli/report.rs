//! `onboardctl report`: the onboarding funnel across all users (reached, completed, skipped,
//! failed and stuck per step; completion rate; time to completion; cohorts by start), drawn
//! as terminal bars or given as numbers with `--json`.

use clap::Args;

use super::Outcome;
use crate::domain::report::{parse_instant, CohortBy};
use crate::domain::Timestamp;
use crate::output::report::{human, width, BarStyle, ReportView};
use crate::output::Ui;
use crate::service::{ReportRequest, Service};

/// `report --help`'s description (on the command's variant, whose doc comment would
/// otherwise replace it).
pub const LONG_ABOUT: &str = "The onboarding funnel across all users: per step how many users \
    reached it, completed, skipped or failed it, and are stuck there; the completion rate; the \
    time from start to completion (p50, p90, max) overall and per step; and cohorts by week or \
    month started. Counted by the database in aggregate SQL. On a database ALwrity made, \
    ALwrity's own reading of its columns is counted too, and shown when it differs from \
    onboardctl's. Percentiles are exact below 1,000 seconds and within 1% above (durations are \
    counted to three significant figures); the maximum is exact.";

/// `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only users who started at or after this date or time (`2026-01-05`, midnight UTC, or
    /// RFC 3339)
    #[arg(long, value_name = "WHEN", value_parser = instant)]
    pub since: Option<Timestamp>,
    /// Only users who started before this date or time
    #[arg(long, value_name = "WHEN", value_parser = instant)]
    pub until: Option<Timestamp>,
    /// A user is stuck at their current step after D days without a change
    #[arg(long, value_name = "D", default_value_t = 7)]
    pub stalled_days: u32,
    /// Group cohorts by the week (Monday first) or month users started
    #[arg(long, value_name = "week|month", default_value = "week", value_parser = cohort)]
    pub by: CohortBy,
}

fn instant(s: &str) -> Result<Timestamp, String> {
    parse_instant(s).map_err(|e| e.0)
}

fn cohort(s: &str) -> Result<CohortBy, String> {
    s.parse().map_err(|e: crate::domain::ParseError| e.0)
}

/// Prints the report.
pub fn run(args: &ReportArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let req = ReportRequest {
        since: args.since,
        until: args.until,
        stalled_days: args.stalled_days,
        by: args.by,
    };
    let report = svc.report(&req)?;
    let view = ReportView::new(&report, &req);
    Ok(ui.emit(&view, || human(&report, ui, width(), BarStyle::from_env()))?)
}
