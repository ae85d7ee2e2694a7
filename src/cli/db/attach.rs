//! The human form of the attach plan (`db migrate --dry-run` and its report on a database
//! ALwrity made) and of the repair plan (`db repair`).

use crate::output::human::Block;
use crate::output::inert::escape;
use crate::store::alwrity::{AttachPlan, RepairPlan};

fn list(items: &[String]) -> String {
    match items.is_empty() {
        true => "none".to_owned(),
        false => items.join(", "),
    }
}

/// The plan of an attach (`done` once applied).
pub(super) fn attach(plan: &AttachPlan, location: &str, done: bool) -> String {
    let mut b = Block::new();
    let head = if done { "attached" } else { "would attach" };
    b.field(head, format!("ALwrity database `{}`", escape(location)))
        .field(
            "era",
            format!("{} ({})", plan.era.era.as_str(), plan.era.reason),
        )
        .field("tables", list(&plan.create_tables))
        .field("columns", list(&plan.add_columns))
        .field("indexes", list(&plan.add_indexes))
        .field(
            "journal",
            if plan.wal {
                "switched to WAL (--wal)"
            } else {
                "left as it is"
            },
        )
        .field("unchanged", plan.unchanged);
    let dups: Vec<String> = plan
        .duplicate_users
        .iter()
        .map(|d| {
            let ids: Vec<String> = d.session_ids.iter().map(i64::to_string).collect();
            format!("`{}` (sessions {})", escape(&d.user_id), ids.join(", "))
        })
        .collect();
    b.field("duplicates", list(&dups));
    let mut text = b.render();
    if !dups.is_empty() {
        text.push_str(
            "\nduplicate sessions are left as they are; `onboardctl db repair` merges them",
        );
    }
    text
}

/// The plan of a repair (`done` once applied).
pub(super) fn repair(plan: &RepairPlan, done: bool) -> String {
    if plan.merges.is_empty() && plan.extra_rows.is_empty() {
        return "no duplicate session or row to merge".to_owned();
    }
    let mut lines = Vec::new();
    for m in &plan.merges {
        let moved: Vec<String> = m.moved.iter().map(i64::to_string).collect();
        let mut line = format!(
            "user `{}`: keep session {} (ALwrity's status service reads it), {} session(s) {}",
            escape(&m.user_id),
            m.kept,
            if done { "moved" } else { "to move" },
            moved.join(", ")
        );
        if let Some(ssot) = m.ssot_reads {
            line.push_str(&format!(
                "; ALwrity's SSOT read session {ssot} (newest), but the status service and \
                 the keys it uses are session {}'s",
                m.kept
            ));
        }
        lines.push(line);
    }
    if !plan.extra_rows.is_empty() {
        lines.push(format!("extra rows: {}", plan.extra_rows.join(", ")));
    }
    lines.push(format!(
        "{} row(s) {} onboardctl_quarantine{}",
        plan.quarantined,
        if done { "moved to" } else { "to move to" },
        if plan.add_unique {
            "; then UNIQUE (user_id) on onboarding_sessions"
        } else {
            ""
        }
    ));
    lines.join("\n")
}
