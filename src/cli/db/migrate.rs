//! `db migrate`, `db status` and `db repair` on databases of either flavour. On a database
//! ALwrity made, `migrate` is the attach (it only adds; `--dry-run` prints the plan, a real
//! run asks unless `--yes`), `status` says which ALwrity and why, and `repair` merges
//! duplicate sessions on request.

use serde::Serialize;

use super::super::input::confirm;
use super::super::Outcome;
use super::{attach, print_migrations};
use crate::output::views::{DbStatusView, MigrationView};
use crate::output::Ui;
use crate::service::Service;
use crate::store::alwrity::Flavour;

/// `db status` JSON: the status view plus what the database is.
#[derive(Debug, Serialize)]
pub(super) struct StatusOut<'a> {
    #[serde(flatten)]
    pub view: &'a DbStatusView,
    /// Where the URL came from: `--database-url`, a variable, or `default`.
    pub source: &'static str,
    /// `native` or `alwrity`.
    pub flavour: &'static str,
    /// On an ALwrity database: `seed` or `head`.
    pub era: Option<&'static str>,
    /// Why that era.
    pub era_reason: Option<String>,
    /// onboardctl's tables are there (always on its own databases).
    pub attached: bool,
    /// Users with several session rows (`db repair` merges them).
    pub duplicate_users: usize,
}

/// What `db status` says about the database's flavour.
pub(super) fn status_out<'a>(
    view: &'a DbStatusView,
    svc: &mut Service<'_>,
) -> Result<StatusOut<'a>, super::super::Failure> {
    let (flavour, era, reason, attached) = match svc.flavour() {
        Flavour::Native => ("native", None, None, true),
        Flavour::Alwrity { era, attached } => (
            "alwrity",
            Some(era.era.as_str()),
            Some(era.reason),
            attached,
        ),
    };
    let duplicate_users = svc.repair_plan()?.map_or(0, |p| p.merges.len());
    Ok(StatusOut {
        view,
        source: svc.url_source().as_str(),
        flavour,
        era,
        era_reason: reason,
        attached,
        duplicate_users,
    })
}

/// `db migrate --dry-run`.
pub(super) fn dry_run(svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let pending = svc.schema_state()?.pending;
    let Some(plan) = svc.attach_plan()? else {
        return print_migrations(&pending, ui, "pending");
    };
    if ui.json {
        let views: Vec<MigrationView> = pending.iter().map(MigrationView::from).collect();
        let out = serde_json::json!({ "pending": views, "attach": plan });
        return Ok(ui.print_json(&out)?);
    }
    ui.out(&attach::attach(&plan, &svc.location(), false))?;
    ui.note("dry run: nothing was changed; `onboardctl db migrate` attaches the database");
    Ok(())
}

/// `db migrate`: on an ALwrity database the attach (after asking, unless `yes`), else the
/// pending migrations.
pub(super) fn apply(svc: &mut Service<'_>, ui: &Ui, yes: bool) -> Outcome {
    let plan = svc.attach_plan()?;
    if plan.is_some() && !yes {
        let question = format!(
            "attach onboardctl to the ALwrity database `{}`? this adds onboardctl's own tables \
             and indexes only; nothing ALwrity reads changes (`db migrate --dry-run` shows it)",
            svc.location()
        );
        confirm(&question, None, false)?;
    }
    let applied = svc.migrate()?;
    let Some(plan) = plan else {
        return print_migrations(&applied, ui, "applied");
    };
    if ui.json {
        let views: Vec<MigrationView> = applied.iter().map(MigrationView::from).collect();
        let out = serde_json::json!({ "applied": views, "attach": plan });
        return Ok(ui.print_json(&out)?);
    }
    ui.out(&attach::attach(&plan, &svc.location(), true))?;
    Ok(())
}

/// `db repair [--dry-run]`: merges duplicate sessions of a database ALwrity made.
pub(super) fn repair(svc: &mut Service<'_>, ui: &Ui, dry_run: bool, yes: bool) -> Outcome {
    let Some(plan) = svc.repair_plan()? else {
        ui.note("this is onboardctl's own database: its schema cannot hold duplicate sessions");
        return Ok(ui.emit(&serde_json::json!({ "merges": [] }), String::new)?);
    };
    let busy = !plan.merges.is_empty() || !plan.extra_rows.is_empty();
    if dry_run || !busy {
        ui.emit(&plan, || attach::repair(&plan, false))?;
        if dry_run {
            ui.note("dry run: nothing was changed; `onboardctl db repair` merges them");
        }
        return Ok(());
    }
    if !yes {
        let question = format!(
            "merge the duplicate sessions of {} user(s) in `{}`, moving the others to \
             onboardctl_quarantine?",
            plan.merges.len(),
            svc.location()
        );
        confirm(&question, None, false)?;
    }
    let done = svc.repair()?.unwrap_or_default();
    Ok(ui.emit(&done, || attach::repair(&done, true))?)
}
