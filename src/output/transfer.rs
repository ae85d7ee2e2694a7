//! The reports of `import`, `import legacy-json` and `db copy`. Each handled item is one
//! line as soon as it is done: `LINE/FILE  USER  ACTION` (plus masked keys, the reason of a
//! failure and indented warnings) for people; under `--json` one compact JSON object per
//! line (NDJSON), then a last line `{"summary":{…}}`. Keys appear only masked.

use serde::Serialize;

use super::inert::{escape, inert_json};
use super::{Paint, Ui};
use crate::service::transfer::{Action, ItemReport, LeftBehind, Tally};

/// One item under `--json`.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    /// The 1-based NDJSON line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The legacy file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Whose data, when known.
    pub user_id: Option<&'a str>,
    /// `created`, `replaced`, `unchanged` or `failed`.
    pub action: Action,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
    /// What was tolerated or skipped.
    pub warnings: &'a [String],
    /// The item's keys, masked.
    pub keys: Vec<MaskedKeyView<'a>>,
}

/// A key in a report: never the value.
#[derive(Debug, Serialize)]
pub struct MaskedKeyView<'a> {
    /// Provider name.
    pub provider: &'a str,
    /// The mask of [`crate::domain::Secret::masked`].
    pub masked: &'a str,
    /// First 8 hex digits of the value's SHA-256.
    pub fingerprint: &'a str,
}

impl<'a> From<&'a ItemReport> for ItemView<'a> {
    fn from(r: &'a ItemReport) -> ItemView<'a> {
        ItemView {
            line: r.line,
            file: r.file.as_ref().map(|f| f.display().to_string()),
            user_id: r.user.as_ref().map(|u| u.as_str()),
            action: r.action,
            reason: r.reason.as_deref(),
            warnings: &r.warnings,
            keys: r
                .keys
                .iter()
                .map(|k| MaskedKeyView {
                    provider: &k.provider,
                    masked: &k.masked,
                    fingerprint: &k.fingerprint,
                })
                .collect(),
        }
    }
}

/// The last line under `--json`.
#[derive(Debug, Serialize)]
pub struct SummaryView {
    /// Counts per action.
    #[serde(flatten)]
    pub tally: Tally,
    /// Nothing was written.
    pub dry_run: bool,
}

/// `created`, …
pub fn action_name(a: Action) -> &'static str {
    match a {
        Action::Created => "created",
        Action::Replaced => "replaced",
        Action::Unchanged => "unchanged",
        Action::Failed => "failed",
    }
}

/// One item as printed: compact JSON under `--json`, else the human line(s), every piece of
/// data (file name, user, reason, keys, warnings) escaped before the action is painted.
pub fn item_text(ui: &Ui, r: &ItemReport) -> String {
    if ui.json {
        return inert_json(serde_json::to_string(&ItemView::from(r)).unwrap_or_default());
    }
    let place = match (&r.line, &r.file) {
        (Some(n), _) => format!("line {n}"),
        (None, Some(f)) => escape(&f.display().to_string()).into_owned(),
        (None, None) => String::new(),
    };
    let user = escape(r.user.as_ref().map_or("-", |u| u.as_str()));
    let style = match r.action {
        Action::Created | Action::Replaced => Paint::Green,
        Action::Unchanged => Paint::Dim,
        Action::Failed => Paint::Red,
    };
    let mut text = format!(
        "{place}  {user}  {}",
        ui.paint_out(style, action_name(r.action))
    );
    if let Some(reason) = &r.reason {
        text.push_str(&format!(": {}", escape(reason)));
    }
    if !r.keys.is_empty() {
        let keys: Vec<String> = r
            .keys
            .iter()
            .map(|k| format!("{} {} ({})", k.provider, k.masked, k.fingerprint))
            .collect();
        text.push_str(&format!("  keys: {}", escape(&keys.join(", "))));
    }
    for w in &r.warnings {
        text.push_str(&format!(
            "\n  {} {}",
            ui.paint_out(Paint::Yellow, "warning:"),
            escape(w)
        ));
    }
    text
}

/// The closing line: a JSON summary under `--json` (stdout), else a note for stderr.
pub fn summary_text(ui: &Ui, tally: Tally, dry_run: bool) -> String {
    if ui.json {
        #[derive(Serialize)]
        struct Wrapper {
            summary: SummaryView,
        }
        let summary = SummaryView { tally, dry_run };
        return inert_json(serde_json::to_string(&Wrapper { summary }).unwrap_or_default());
    }
    let mut text = format!(
        "{} created, {} replaced, {} unchanged, {} failed",
        tally.created, tally.replaced, tally.unchanged, tally.failed
    );
    if dry_run {
        text.push_str(" (dry run: nothing was written)");
    }
    text
}

/// `db copy --json`: the summary, and what stays in an ALwrity source.
pub fn copy_json(tally: Tally, left: &LeftBehind) -> String {
    #[derive(Serialize)]
    struct Wrapper<'a> {
        summary: SummaryView,
        left_behind: &'a LeftBehind,
    }
    let summary = SummaryView {
        tally,
        dry_run: false,
    };
    inert_json(
        serde_json::to_string(&Wrapper {
            summary,
            left_behind: left,
        })
        .unwrap_or_default(),
    )
}

/// The note after a copy from a database ALwrity made: the rows and files the copy does not
/// carry, which stay in the source. `None` when nothing stays.
pub fn left_behind_text(left: &LeftBehind) -> Option<String> {
    if left.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = left
        .tables
        .iter()
        .map(|t| format!("{} row(s) of `{}`", t.rows, escape(&t.table)))
        .collect();
    if left.files > 0 || left.more_files {
        let more = if left.more_files { " or more" } else { "" };
        parts.push(format!(
            "{}{more} file(s) in the users' workspace folders",
            left.files
        ));
    }
    Some(format!(
        "left behind in the source (a copy carries the onboarding data only): {}",
        parts.join(", ")
    ))
}
