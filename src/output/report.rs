//! `report`'s output: the JSON view ([`ReportView`], the numbers) and the human form,
//! horizontal bars sized to the terminal ([`width`]) in Unicode block characters, or plain
//! ASCII under `TERM=dumb` ([`BarStyle`]), coloured as the [`Ui`] decides. Nothing printed
//! here comes from a database's text: step titles are the tool's own, the rest numbers and
//! dates.

use serde::Serialize;

use super::{Paint, Ui};
use crate::domain::report::{self, CohortBy, DurationStats, Funnel, Report, StepFunnel};
use crate::service::ReportRequest;

/// `report --json`.
#[derive(Debug, Serialize)]
pub struct ReportView<'a> {
    /// What was asked.
    pub filters: FiltersView,
    /// Whether ALwrity's reading differs from onboardctl's (false without one).
    pub readings_differ: bool,
    /// onboardctl's reading.
    pub onboardctl: FunnelView<'a>,
    /// ALwrity's reading, on a database ALwrity made; else null.
    pub alwrity: Option<FunnelView<'a>>,
}

/// The options of the report, in JSON.
#[derive(Debug, Serialize)]
pub struct FiltersView {
    /// `--since`, RFC 3339, or null.
    pub since: Option<String>,
    /// `--until`, RFC 3339, or null.
    pub until: Option<String>,
    /// `--stalled-days`.
    pub stalled_days: u32,
    /// `--by`.
    pub by: CohortBy,
}

/// One reading in JSON.
#[derive(Debug, Serialize)]
pub struct FunnelView<'a> {
    /// Users counted.
    pub users: u64,
    /// Completed onboardings.
    pub completed: u64,
    /// 0–1.
    pub completion_rate: f64,
    /// Start to completion, or null without a completed onboarding.
    pub time_to_complete: Option<DurationStats>,
    /// The six steps.
    pub steps: &'a [StepFunnel],
    /// Cohorts by start.
    pub cohorts: Vec<CohortView>,
}

/// One cohort in JSON.
#[derive(Debug, Serialize)]
pub struct CohortView {
    /// `2026-W02` or `2026-01`; `unknown` for sessions without a start time.
    pub label: String,
    /// First day (`YYYY-MM-DD`), or null for `unknown`.
    pub start: Option<String>,
    /// Users who started then.
    pub users: u64,
    /// Of them, completed.
    pub completed: u64,
    /// 0–1.
    pub completion_rate: f64,
}

fn label(start: Option<time::Date>, by: CohortBy) -> String {
    match (start, by) {
        (None, _) => "unknown".to_owned(),
        (Some(d), CohortBy::Week) => report::week_label(d),
        (Some(d), CohortBy::Month) => report::month_label(d),
    }
}

impl<'a> FunnelView<'a> {
    fn new(f: &'a Funnel, by: CohortBy) -> FunnelView<'a> {
        FunnelView {
            users: f.users,
            completed: f.completed,
            completion_rate: f.completion_rate,
            time_to_complete: f.time_to_complete,
            steps: &f.steps,
            cohorts: f
                .cohorts
                .iter()
                .map(|c| CohortView {
                    label: label(c.start, by),
                    start: c.start.map(report::date_text),
                    users: c.users,
                    completed: c.completed,
                    completion_rate: c.completion_rate,
                })
                .collect(),
        }
    }
}

impl<'a> ReportView<'a> {
    /// The view of `r`, made for `req`.
    pub fn new(r: &'a Report, req: &ReportRequest) -> ReportView<'a> {
        ReportView {
            filters: FiltersView {
                since: req.since.map(report::instant_text),
                until: req.until.map(report::instant_text),
                stalled_days: req.stalled_days,
                by: req.by,
            },
            readings_differ: r.readings_differ,
            onboardctl: FunnelView::new(&r.onboardctl, r.cohorts_by),
            alwrity: r.alwrity.as_ref().map(|a| FunnelView::new(a, r.cohorts_by)),
        }
    }
}

/// How bars are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarStyle {
    /// Unicode blocks, to an eighth of a cell.
    Unicode,
    /// `#` only (`TERM=dumb`).
    Ascii,
}

impl BarStyle {
    /// ASCII under `TERM=dumb`, else Unicode.
    pub fn from_env() -> BarStyle {
        match std::env::var_os("TERM") {
            Some(t) if t == "dumb" => BarStyle::Ascii,
            _ => BarStyle::Unicode,
        }
    }
}

/// The output width: `$COLUMNS` when it is a number, else the terminal's width when stdout
/// is one (`human::terminal_width`, as tables have it), else 80.
pub fn width() -> usize {
    super::human::terminal_width(std::env::var("COLUMNS").ok().as_deref()).unwrap_or(80)
}

/// A bar of `value / max` of `cells` cells (at least a sliver for a non-zero value).
pub fn bar(value: u64, max: u64, cells: usize, style: BarStyle) -> String {
    if max == 0 || value == 0 || cells == 0 {
        return String::new();
    }
    let eighths = (value as f64 / max as f64 * cells as f64 * 8.0).round() as usize;
    let eighths = eighths.clamp(1, cells * 8);
    match style {
        BarStyle::Ascii => "#".repeat((eighths / 8).max(1)),
        BarStyle::Unicode => {
            const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
            let mut s = "█".repeat(eighths / 8);
            if !eighths.is_multiple_of(8) {
                s.push(PARTS[eighths % 8]);
            }
            s
        }
    }
}

/// A duration in seconds as `45s`, `12m 5s`, `3h 20m`, `2d 4h`.
pub fn duration(seconds: i64) -> String {
    let s = seconds.max(0);
    let (d, h, m, sec) = (s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60, s % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{sec}s"),
        (0, 0, _) => format!("{m}m {sec}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h"),
    }
}

fn pct(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

fn times(t: Option<DurationStats>) -> String {
    t.map_or_else(
        || "-".to_owned(),
        |t| {
            format!(
                "p50 {}, p90 {}, max {}",
                duration(t.p50_seconds),
                duration(t.p90_seconds),
                duration(t.max_seconds)
            )
        },
    )
}

/// Lines of labelled bars: `label  bar  tail`, the bars filling what the widest label and
/// tail leave of `width`.
fn bars(
    rows: &[(String, u64, String)],
    max: u64,
    width: usize,
    style: BarStyle,
    ui: &Ui,
) -> String {
    let lw = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let tw = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
    let cells = width.saturating_sub(lw + tw + 4).clamp(10, 100);
    let mut out = String::new();
    for (l, v, tail) in rows {
        let b = bar(*v, max, cells, style);
        let pad = cells - b.chars().count();
        let b = ui.paint_out(Paint::Green, &b);
        out.push_str(&format!("  {l:<lw$} {b}{} {tail:>tw$}\n", " ".repeat(pad)));
    }
    out
}

/// Per step: reached, completed, skipped, failed, stuck.
fn counts_table(f: &Funnel, ui: &Ui) -> String {
    let mut table = super::human::TableBuilder::new(
        &["STEP", "REACHED", "COMPLETED", "SKIPPED", "FAILED", "STUCK"],
        ui.color_stdout(),
    );
    for s in &f.steps {
        table.row([
            format!("{} {}", s.step, s.title),
            s.reached.to_string(),
            s.completed.to_string(),
            s.skipped.to_string(),
            s.failed.to_string(),
            s.stuck.to_string(),
        ]);
    }
    for i in 1..=5 {
        table.right(i);
    }
    table.render()
}

/// Per step: time from the start of onboarding to the step's completion.
fn times_table(f: &Funnel, ui: &Ui) -> String {
    let mut table = super::human::TableBuilder::new(
        &["STEP", "COMPLETIONS", "P50", "P90", "MAX"],
        ui.color_stdout(),
    );
    for s in &f.steps {
        let t = s.time_to_complete;
        let cell = |pick: fn(&DurationStats) -> i64| {
            t.as_ref().map_or("-".to_owned(), |t| duration(pick(t)))
        };
        table.row([
            format!("{} {}", s.step, s.title),
            t.map_or(0, |t| t.count).to_string(),
            cell(|t| t.p50_seconds),
            cell(|t| t.p90_seconds),
            cell(|t| t.max_seconds),
        ]);
    }
    for i in 1..=4 {
        table.right(i);
    }
    table.render()
}

/// One reading, titled `title`.
fn funnel(f: &Funnel, by: CohortBy, title: &str, width: usize, style: BarStyle, ui: &Ui) -> String {
    let mut out = format!(
        "{}: {} users, {} completed ({})\n",
        ui.paint_out(Paint::Bold, title),
        f.users,
        f.completed,
        pct(f.completion_rate)
    );
    out.push_str(&format!(
        "time to complete: {}\n\n",
        times(f.time_to_complete)
    ));
    out.push_str(&ui.paint_out(Paint::Bold, "Reached each step"));
    out.push('\n');
    let rows: Vec<(String, u64, String)> = f
        .steps
        .iter()
        .map(|s| {
            let share = if f.users == 0 {
                0.0
            } else {
                s.reached as f64 / f.users as f64
            };
            (
                format!("{} {}", s.step, s.title),
                s.reached,
                format!("{} {:>6}", s.reached, pct(share)),
            )
        })
        .collect();
    out.push_str(&bars(&rows, f.users, width, style, ui));
    out.push('\n');
    out.push_str(&counts_table(f, ui));
    out.push_str("\n\n");
    out.push_str(&times_table(f, ui));
    out.push('\n');
    if !f.cohorts.is_empty() {
        let what = match by {
            CohortBy::Week => "Completion by week started",
            CohortBy::Month => "Completion by month started",
        };
        out.push('\n');
        out.push_str(&ui.paint_out(Paint::Bold, what));
        out.push('\n');
        let rows: Vec<(String, u64, String)> = f
            .cohorts
            .iter()
            .map(|c| {
                let share = (c.completion_rate * 1_000_000.0).round() as u64;
                let tail = format!("{:>6} {}/{}", pct(c.completion_rate), c.completed, c.users);
                (label(c.start, by), share, tail)
            })
            .collect();
        out.push_str(&bars(&rows, 1_000_000, width, style, ui));
    }
    out
}

/// The human report.
pub fn human(r: &Report, ui: &Ui, width: usize, style: BarStyle) -> String {
    let mut out = funnel(
        &r.onboardctl,
        r.cohorts_by,
        "onboardctl's reading",
        width,
        style,
        ui,
    );
    match &r.alwrity {
        Some(a) if r.readings_differ => {
            out.push('\n');
            out.push_str(&funnel(
                a,
                r.cohorts_by,
                "ALwrity's reading",
                width,
                style,
                ui,
            ));
        }
        Some(_) => out.push_str("\nALwrity's own reading of its columns gives the same funnel.\n"),
        None => {}
    }
    out
}
