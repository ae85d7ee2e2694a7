//! `onboardctl doctor`: checks the database (or workspace) and the local setup and prints
//! each finding with its severity and the command that fixes it; exit 6 when an error or a
//! warning was found. The checks are the service's (`Service::doctor`); this only renders.

use clap::Args;

use super::{Failure, Outcome};
use crate::error::{Error, ErrorKind};
use crate::output::doctor::DoctorView;
use crate::output::Ui;
use crate::service::Service;

/// `doctor`.
#[derive(Debug, Args)]
#[command(after_long_help = EXAMPLES)]
pub struct DoctorArgs {}

const EXAMPLES: &str = "\
Checks: pending migrations or an unattached ALwrity database, duplicate sessions and extra
rows, orphan key rows, ALwrity's and onboardctl's readings that disagree, keys failing their
format check, sealed keys without (or under another) master key, plaintext keys beside
sealed ones, ALwrity's SSOT key copies that are stale, keys missing from or different in
`.env` (DEPLOY_ENV=local), `.env` and database files open to group or others, the journal
mode (onboardctl's own file should be WAL; ALwrity's keeps its rollback journal unless
`db migrate --wal`), and workspace anomalies (unreadable, shadowed, colliding, misrouted).

Severities: error and warning exit 6; info alone exits 0. Nothing is written: the database
(and every workspace file) stays byte-identical.

Examples:
  onboardctl doctor
  onboardctl --database-url sqlite:workspace/workspace_u1/db/alwrity_u1.db doctor
  onboardctl --database-url workspace:/srv/alwrity doctor -v
  DEPLOY_ENV=local onboardctl doctor --json | jq '.findings[] | {code, fix}'";

/// Runs the checks and prints the report; exit 6 when it is not clean.
pub fn run(_args: DoctorArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let doctor = svc.doctor()?;
    let view = DoctorView::new(&doctor);
    ui.emit(&view, || view.human(ui.verbose > 0))?;
    if doctor.report.is_clean() {
        return Ok(());
    }
    let s = &view.summary;
    Err(Failure::Error(
        Error::new(
            ErrorKind::CheckFailed,
            format!(
                "doctor found {} error(s) and {} warning(s)",
                s.errors, s.warnings
            ),
        )
        .with_hint("run the `fix:` command of each finding above"),
    ))
}
