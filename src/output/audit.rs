//! `audit log` output: the JSON view of an audit row and the human table.

use serde::Serialize;
use serde_json::Value;

use super::human::{time, TableBuilder};
use super::views::rfc3339;
use crate::domain::audit::{AuditEntry, FieldChange};

/// One audit row under `--json`.
#[derive(Debug, Serialize)]
pub struct AuditView<'a> {
    /// The row's id in its database (on a workspace, in its user's file).
    pub id: i64,
    /// When, RFC 3339 in UTC.
    pub at: String,
    /// Who.
    pub actor: &'a str,
    /// The command line (URL passwords masked; key values are never on it).
    pub command: &'a str,
    /// Whose data.
    pub user_id: Option<&'a str>,
    /// What the command did.
    pub outcome: &'a str,
    /// `--reason`, where given.
    pub reason: Option<&'a str>,
    /// Field by field; keys as fingerprints.
    pub changes: &'a [FieldChange],
}

impl<'a> From<&'a AuditEntry> for AuditView<'a> {
    fn from(e: &'a AuditEntry) -> AuditView<'a> {
        AuditView {
            id: e.id,
            at: rfc3339(e.at),
            actor: &e.actor,
            command: &e.command,
            user_id: e.user.as_ref().map(|u| u.as_str()),
            outcome: &e.outcome,
            reason: e.reason.as_deref(),
            changes: &e.changes,
        }
    }
}

/// A value as the table shows it: strings bare, `-` for absent, other JSON as text.
fn shown(v: &Option<Value>) -> String {
    match v {
        None => "-".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The table of `audit log`: one row per change, the row's own columns on its first line.
pub fn audit_table(rows: &[AuditEntry], color: bool) -> String {
    let mut table = TableBuilder::new(
        &[
            "time", "actor", "user", "outcome", "change", "reason", "command",
        ],
        color,
    );
    for e in rows {
        let user = e.user.as_ref().map_or("-", |u| u.as_str());
        let reason = e.reason.as_deref().unwrap_or("-");
        let mut changes = e
            .changes
            .iter()
            .map(|c| format!("{}: {} → {}", c.field, shown(&c.old), shown(&c.new)));
        let first = changes.next().unwrap_or_else(|| "-".to_owned());
        table.row([
            time(e.at),
            e.actor.clone(),
            user.to_owned(),
            e.outcome.clone(),
            first,
            reason.to_owned(),
            e.command.clone(),
        ]);
        for more in changes {
            table.row(
                [
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    more,
                ]
                .into_iter()
                .chain([String::new(), String::new()]),
            );
        }
    }
    table.render()
}
