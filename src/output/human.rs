//! Human renderings: borderless column tables (comfy-table) for lists, aligned `key: value`
//! blocks for one record, and the per-command layouts built from them. Times are shown as
//! `YYYY-MM-DD HH:MM:SSZ` (UTC, the zone shown); absent values as `-`. Every cell and value goes through
//! [`escape`] as it is added, so data never reaches the terminal raw (see [`super::inert`]);
//! the only newlines are the layout's own.

use std::sync::atomic::{AtomicUsize, Ordering};

use comfy_table::{presets, Attribute, Cell, CellAlignment, Color, Table};
use serde_json::Value;
use time::macros::format_description;
use time::UtcOffset;
use unicode_width::UnicodeWidthStr;

use super::inert::escape;
use super::views::{lifecycle_name, StepView};
use crate::domain::progress;
use crate::domain::{Onboarding, Timestamp};
use crate::store::SessionSummary;

/// `ts` for people, with its zone: `2025-01-02 03:04:05Z` (UTC).
pub fn time(ts: Timestamp) -> String {
    let fmt = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
    ts.to_offset(UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| ts.to_string())
}

/// An optional time for people, `-` when absent.
pub fn opt_time(ts: Option<Timestamp>) -> String {
    ts.map_or_else(|| "-".to_owned(), time)
}

/// A percentage with one decimal: `16.7%`.
pub fn percent(p: f64) -> String {
    format!("{p:.1}%")
}

/// `yes` / `no`.
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The width tables fit, set once from the output flags ([`set_table_width`]); 0 = none.
static TABLE_WIDTH: AtomicUsize = AtomicUsize::new(0);

/// Sets the width every table of this run fits (`None`: no limit, as with `--wide` or when
/// stdout is not a terminal and `COLUMNS` is unset). One setting for the whole run, so that
/// every table, whoever builds it, fits the same terminal.
pub fn set_table_width(width: Option<usize>) {
    TABLE_WIDTH.store(width.unwrap_or(0), Ordering::Relaxed);
}

/// The width tables fit, if any.
pub fn table_width() -> Option<usize> {
    Some(TABLE_WIDTH.load(Ordering::Relaxed)).filter(|w| *w > 0)
}

/// The terminal's width: `COLUMNS` when it is a positive number, else the width of the
/// terminal stdout is, else none (a pipe or file gets whole lines).
pub fn terminal_width(columns: Option<&str>) -> Option<usize> {
    if let Some(n) = columns.and_then(|c| c.trim().parse::<usize>().ok()) {
        if n > 0 {
            return Some(n);
        }
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// The narrowest a column is truncated to (the `…` included).
const MIN_TRUNCATED: usize = 8;

/// Widths of columns that fit `total` (the line's width, two spaces between columns). Only
/// free-text columns are narrowed (`free[i]`: text of varying width, such as user ids,
/// titles, notes; never numbers, times, masks), the widest first, down to
/// [`MIN_TRUNCATED`] or its header, then the next widest. A table that still does not fit
/// is left so.
pub fn fit_widths(widths: &[usize], floors: &[usize], free: &[bool], total: usize) -> Vec<usize> {
    let mut out = widths.to_vec();
    let line = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    while line(&out) > total {
        let excess = line(&out) - total;
        let floor = |i: usize| floors[i].max(MIN_TRUNCATED);
        let widest = (0..out.len())
            .filter(|&i| free[i] && out[i] > floor(i))
            .max_by_key(|&i| (out[i], std::cmp::Reverse(i)));
        let Some(i) = widest else { break };
        out[i] = out[i].saturating_sub(excess).max(floor(i));
    }
    out
}

/// Whether a column of these cells is free text, to be cut when the table is too wide:
/// not right-aligned (numbers), and not a column of times ([`time`]; `-` for none), which
/// a cut would make useless.
pub fn is_free_text<'a>(right: bool, mut cells: impl Iterator<Item = &'a str>) -> bool {
    !right && !cells.all(|c| c == "-" || looks_like_time(c))
}

/// Whether `cell` is a time as [`time`] shows it (`YYYY-MM-DD HH:MM:SSZ`).
fn looks_like_time(cell: &str) -> bool {
    let shape = b"dddd-dd-dd dd:dd:ddZ";
    cell.len() == shape.len()
        && cell.bytes().zip(shape).all(|(c, s)| match s {
            b'd' => c.is_ascii_digit(),
            other => c == *other,
        })
}

/// `text` cut to `width` display columns, the last one `…` when it was cut.
pub fn truncate(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    std::borrow::Cow::Owned(out)
}

/// A borderless table with upper-case headers: easy to read, and to cut with `awk`. It
/// fits the width of [`table_width`] by truncating its widest free-text column with `…`
/// ([`fit_widths`], [`is_free_text`]).
pub struct TableBuilder {
    headers: Vec<String>,
    rows: Vec<Vec<(String, Option<Color>)>>,
    right: Vec<bool>,
    color: bool,
}

impl TableBuilder {
    /// A table with these column headers; `color` makes headers bold.
    pub fn new(headers: &[&str], color: bool) -> TableBuilder {
        TableBuilder {
            headers: headers
                .iter()
                .map(|h| escape(&h.to_uppercase()).into_owned())
                .collect(),
            rows: Vec::new(),
            right: vec![false; headers.len()],
            color,
        }
    }

    /// Adds a row of plain cells (escaped).
    pub fn row<S: ToString>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Self {
        let row = cells
            .into_iter()
            .map(|c| (escape(&c.to_string()).into_owned(), None))
            .collect();
        self.rows.push(row);
        self
    }

    /// Adds a row whose cell `colored` is painted by status name (completed green, failed
    /// red, in progress yellow). Cells are escaped; the colour is comfy-table's, added after.
    pub fn status_row(&mut self, cells: Vec<String>, colored: usize) -> &mut Self {
        let color = self.color;
        let row = cells
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let tint = status_color(&text).filter(|_| color && i == colored);
                (escape(&text).into_owned(), tint)
            })
            .collect();
        self.rows.push(row);
        self
    }

    /// Right-aligns column `index` (numbers; never truncated).
    pub fn right(&mut self, index: usize) -> &mut Self {
        if let Some(r) = self.right.get_mut(index) {
            *r = true;
        }
        self
    }

    /// The rendered table, trailing spaces trimmed, fitted to [`table_width`].
    pub fn render(&self) -> String {
        self.render_within(table_width())
    }

    /// The rendered table fitted to `width` (none: as wide as its cells).
    pub fn render_within(&self, width: Option<usize>) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, (text, _)) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(text.width());
            }
        }
        let floors: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        let free: Vec<bool> = (0..n)
            .map(|i| {
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|(t, _)| t.as_str());
                is_free_text(self.right[i], cells)
            })
            .collect();
        let fitted = match width {
            Some(w) => fit_widths(&widths, &floors, &free, w),
            None => widths.clone(),
        };
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        if self.color {
            table.enforce_styling();
        }
        let header: Vec<Cell> = self
            .headers
            .iter()
            .map(|h| {
                let cell = Cell::new(h);
                if self.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect();
        table.set_header(header);
        for row in &self.rows {
            table.add_row(row.iter().enumerate().map(|(i, (text, tint))| {
                let shown = fitted
                    .get(i)
                    .map_or(text.as_str().into(), |w| truncate(text, *w));
                let cell = Cell::new(shown);
                match tint {
                    Some(c) => cell.fg(*c),
                    None => cell,
                }
            }));
        }
        for (i, column) in table.column_iter_mut().enumerate() {
            column.set_padding((0, 2));
            if self.right.get(i) == Some(&true) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        table.trim_fmt()
    }
}

fn status_color(status: &str) -> Option<Color> {
    match status {
        "completed" => Some(Color::Green),
        "failed" => Some(Color::Red),
        "in_progress" | "skipped" => Some(Color::Yellow),
        _ => None,
    }
}

/// An aligned `key: value` block for one record. Multi-line values (pretty JSON) start on
/// the next line, indented; a value's own newlines are escaped like any control character.
#[derive(Debug, Default)]
pub struct Block {
    rows: Vec<(String, Shown)>,
}

/// A value as the block shows it, already escaped.
#[derive(Debug)]
enum Shown {
    /// After the key, on its line.
    Inline(String),
    /// Below the key, indented: the lines of a layout (pretty JSON) the block made itself.
    Lines(Vec<String>),
}

impl Block {
    /// An empty block.
    pub fn new() -> Block {
        Block::default()
    }

    /// Adds `key: value`.
    pub fn field(&mut self, key: &str, value: impl ToString) -> &mut Self {
        let value = escape(&value.to_string()).into_owned();
        self.rows
            .push((escape(key).into_owned(), Shown::Inline(value)));
        self
    }

    /// Adds a JSON value: scalars inline, objects and arrays pretty-printed below the key.
    /// Nothing is added for `None`.
    pub fn json(&mut self, key: &str, value: Option<&Value>) -> &mut Self {
        match value {
            None => {}
            Some(Value::String(s)) => {
                self.field(key, s);
            }
            Some(v @ (Value::Object(_) | Value::Array(_))) => {
                let text = serde_json::to_string_pretty(v).unwrap_or_default();
                let lines = text.lines().map(|l| escape(l).into_owned()).collect();
                self.rows
                    .push((escape(key).into_owned(), Shown::Lines(lines)));
            }
            Some(other) => {
                self.field(key, other);
            }
        }
        self
    }

    /// The rendered block.
    pub fn render(&self) -> String {
        let width = self.rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
        let mut out = String::new();
        for (key, value) in &self.rows {
            let label = format!("{key}:");
            match value {
                Shown::Inline(value) => out.push_str(&format!("{label:<width$} {value}\n")),
                Shown::Lines(lines) => {
                    out.push_str(&label);
                    out.push('\n');
                    for line in lines {
                        out.push_str("  ");
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
        }
        out
    }
}

/// The per-step table of `session show` and `progress show`.
pub fn steps_table(steps: &[StepView], state: &Onboarding, color: bool) -> String {
    let mut t = TableBuilder::new(&["step", "title", "status", "completed_at", "notes"], color);
    for (view, step) in steps.iter().zip(state.steps.iter()) {
        let mut notes: Vec<String> = step.validation_errors.clone();
        if step.forced {
            let reason = step.force_reason.as_deref().unwrap_or("no reason given");
            notes.insert(0, format!("forced: {reason}"));
        }
        t.status_row(
            vec![
                view.step_number.to_string(),
                view.title.to_owned(),
                view.status.to_owned(),
                opt_time(step.completed_at),
                if notes.is_empty() {
                    "-".into()
                } else {
                    notes.join("; ")
                },
            ],
            2,
        );
    }
    t.render()
}

/// `session show`: the session block, a blank line, the steps table.
pub fn session(view: &super::views::SessionView, state: &Onboarding, color: bool) -> String {
    let steps = &view.steps;
    let s = &state.session;
    let mut b = Block::new();
    b.field("user_id", &s.user_id)
        .field(
            "current_step",
            format!("{} ({})", s.current_step, s.current_step.title()),
        )
        .field("progress", percent(s.progress))
        .field("is_completed", yes_no(s.is_completed()))
        .field("started_at", time(s.started_at))
        .field("updated_at", time(s.updated_at))
        .field("completed_at", opt_time(s.completed_at));
    alwrity_fields(&mut b, state);
    for doc in &view.stale_context {
        b.field(
            "stale_context",
            format!("{}: {}", doc.path.display(), doc.reason),
        );
    }
    if !view.stale_context.is_empty() {
        b.field(
            "hint",
            "ALwrity's agents read these before the database: re-save the step in ALwrity, \
             or remove the file so they read the database",
        );
    }
    format!("{}\n{}", b.render(), steps_table(steps, state, color))
}

/// On a database ALwrity made: ALwrity's own reading, whether onboardctl's view was derived,
/// and the one line saying where the two disagree.
fn alwrity_fields(b: &mut Block, state: &Onboarding) {
    let Some(f) = super::views::AlwrityFields::of(state) else {
        return;
    };
    let a = &f.alwrity;
    let shown = |v: Option<String>| v.unwrap_or_else(|| "NULL".to_owned());
    b.field(
        "alwrity",
        format!(
            "current_step {}, progress {}, complete {}, resumes at step {} ({} era)",
            shown(a.current_step.map(|n| n.to_string())),
            shown(a.progress.map(percent)),
            yes_no(a.is_completed),
            a.next_step,
            a.era
        ),
    );
    if f.derived {
        b.field(
            "derived",
            "from ALwrity's data (no onboardctl record, or ALwrity changed it since)",
        );
    }
    if let Some(line) = &f.disagreement {
        b.field("disagreement", line);
    }
}

/// `progress show`: the summary block, a blank line, the steps table.
pub fn progress(state: &Onboarding, steps: &[StepView], color: bool) -> String {
    let sum = progress::summary(state);
    let mut b = Block::new();
    b.field("user_id", &state.session.user_id)
        .field("total_steps", sum.total_steps)
        .field("completed_steps", sum.completed_steps)
        .field("skipped_steps", sum.skipped_steps)
        .field("failed_steps", sum.failed_steps)
        .field(
            "current_step",
            format!("{} ({})", sum.current_step, sum.current_step.title()),
        )
        .field("is_completed", yes_no(sum.is_completed))
        .field("progress_percentage", percent(sum.progress_percentage));
    alwrity_fields(&mut b, state);
    format!("{}\n{}", b.render(), steps_table(steps, state, color))
}

/// `session list`.
/// An empty list is the header alone (the caller notes on stderr that none matched).
pub fn session_list(rows: &[SessionSummary], color: bool) -> String {
    let headers = [
        "user_id",
        "status",
        "step",
        "progress",
        "started_at",
        "updated_at",
    ];
    let mut t = TableBuilder::new(&headers, color);
    t.right(2).right(3);
    for r in rows {
        let s = &r.session;
        t.status_row(
            vec![
                s.user_id.to_string(),
                lifecycle_name(r.lifecycle).to_owned(),
                s.current_step.to_string(),
                percent(s.progress),
                time(s.started_at),
                time(s.updated_at),
            ],
            1,
        );
    }
    t.render()
}

/// `session delete --dry-run`: the rows that would go, per table, then what would stay.
pub fn deletion(plan: &crate::store::Deletion, location: &str) -> String {
    let mut out = format!("would delete from `{}`:\n", escape(location));
    let width = plan
        .removes
        .iter()
        .map(|r| r.table.len())
        .max()
        .unwrap_or(0);
    for r in &plan.removes {
        out.push_str(&format!(
            "  {:<width$}  {}\n",
            escape(&r.table),
            rows(r.rows)
        ));
    }
    for line in left_behind(plan) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// What `session delete` leaves, one line each (nothing when it leaves nothing).
pub fn left_behind(plan: &crate::store::Deletion) -> Vec<String> {
    let mut lines = Vec::new();
    for r in &plan.leaves {
        lines.push(format!(
            "left: {} in `{}` (ALwrity's own delete keeps these too)",
            rows(r.rows),
            escape(&r.table)
        ));
    }
    if let Some(folder) = &plan.folder {
        let shown = 20;
        for f in plan.files_left.iter().take(shown) {
            lines.push(format!(
                "left: file `{}`",
                escape(&folder.join(f).display().to_string())
            ));
        }
        let more = plan.files_left.len().saturating_sub(shown);
        if more > 0 || plan.more_files_left {
            let plus = if plan.more_files_left { "+" } else { "" };
            lines.push(format!(
                "left: {more}{plus} more files under `{}`",
                escape(&folder.display().to_string())
            ));
        }
    }
    lines
}

fn rows(n: u64) -> String {
    match n {
        1 => "1 row".to_owned(),
        n => format!("{n} rows"),
    }
}
