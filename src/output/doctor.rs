//! The view of `doctor`: its JSON shape (stable; `tests/cli/snapshots` holds its schema) and
//! its human rendering — what the database is, each finding with its severity and the
//! command that fixes it, and a summary line; under `-v` every check with its outcome.

use serde::Serialize;

use super::human::Block;
use super::inert::escape;
use crate::domain::doctor::{Check, Finding, Severity};
use crate::service::Doctor;

/// What `doctor` saw of the database.
#[derive(Debug, Serialize)]
pub struct DoctorDatabaseView {
    /// `sqlite`, `postgres` or `workspace`.
    pub backend: String,
    /// The redacted location.
    pub location: String,
    /// `native` or `alwrity`.
    pub flavour: &'static str,
    /// On an ALwrity database: `seed` or `head`.
    pub era: Option<&'static str>,
    /// One SQLite file's journal mode (`wal` or `rollback`), else `null`.
    pub journal_mode: Option<&'static str>,
    /// Users looked at.
    pub users: u64,
    /// `ONBOARDCTL_MASTER_KEY` is set.
    pub master_key: bool,
    /// `DEPLOY_ENV=local`.
    pub local_mode: bool,
}

/// How many findings of each severity.
#[derive(Debug, Serialize)]
pub struct DoctorSummary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Info.
    pub info: usize,
    /// No error or warning (exit 0).
    pub clean: bool,
}

/// `doctor --json`.
#[derive(Debug, Serialize)]
pub struct DoctorView<'a> {
    /// The database.
    pub database: DoctorDatabaseView,
    /// Every check, in order, with `ok`, `found` or `skipped`.
    pub checks: &'a [Check],
    /// Every finding, in order.
    pub findings: &'a [Finding],
    /// Counts.
    pub summary: DoctorSummary,
}

impl<'a> DoctorView<'a> {
    /// The view of `d`.
    pub fn new(d: &'a Doctor) -> DoctorView<'a> {
        let f = &d.facts;
        DoctorView {
            database: DoctorDatabaseView {
                backend: f.backend.to_string(),
                location: f.location.clone(),
                flavour: f.flavour,
                era: f.era,
                journal_mode: f.journal_mode.map(|j| j.as_str()),
                users: f.users,
                master_key: f.master_key,
                local_mode: f.local_mode,
            },
            checks: &d.report.checks,
            findings: &d.report.findings,
            summary: DoctorSummary {
                errors: d.report.count(Severity::Error),
                warnings: d.report.count(Severity::Warning),
                info: d.report.count(Severity::Info),
                clean: d.report.is_clean(),
            },
        }
    }

    /// The human rendering; `verbose` adds every check.
    pub fn human(&self, verbose: bool) -> String {
        let db = &self.database;
        let mut b = Block::new();
        let kind = match db.era {
            Some(era) => format!("{} ({era} era)", db.flavour),
            None => db.flavour.to_owned(),
        };
        b.field("database", &db.location)
            .field("backend", &db.backend)
            .field("flavour", kind)
            .field("journal", db.journal_mode.unwrap_or("-"))
            .field("users", db.users);
        let mut text = b.render().trim_end().to_owned();
        if verbose {
            text.push('\n');
            for c in self.checks {
                let status = serde_json::to_value(c.status).unwrap_or_default();
                let note = c.note.as_deref().map(|n| format!(" ({})", escape(n)));
                text.push_str(&format!(
                    "\ncheck {}: {}{}",
                    c.name,
                    status.as_str().unwrap_or("?"),
                    note.unwrap_or_default()
                ));
            }
        }
        for f in self.findings {
            let subject = f.subject.as_deref().map(|s| format!("  {}", escape(s)));
            text.push_str(&format!(
                "\n\n{}  {}{}\n  {}\n  fix: {}",
                f.severity.as_str(),
                f.code,
                subject.unwrap_or_default(),
                escape(&f.message),
                escape(&f.fix)
            ));
        }
        let s = &self.summary;
        let line = if self.findings.is_empty() {
            format!("no problems found ({} checks)", self.checks.len())
        } else {
            format!(
                "{} error(s), {} warning(s), {} info",
                s.errors, s.warnings, s.info
            )
        };
        text.push_str(&format!("\n\n{line}"));
        text
    }
}
