//! `db migrate` with adoption: on a database ALwrity created, `--dry-run` prints the whole
//! adoption plan and the migrations that would follow, and a real run asks (unless `--yes`),
//! adopts (one transaction), then applies any later migration and prints the report.

use serde::Serialize;

use super::super::input::confirm;
use super::super::Outcome;
use super::{adopt, print_migrations};
use crate::output::bar::Bar;
use crate::output::views::{DbStatusView, MigrationView};
use crate::output::Ui;
use crate::service::Service;
use crate::store::{MigrationInfo, SchemaState};

/// The `adoption` field of `db status` on an adoptable database.
pub(super) const ADOPTABLE: &str =
    "ALwrity database without onboardctl history; `onboardctl db migrate` adopts it \
     (`--dry-run` shows the plan)";

/// `db status` JSON: the status view plus whether `db migrate` would adopt.
#[derive(Debug, Serialize)]
pub(super) struct StatusOut<'a> {
    #[serde(flatten)]
    pub view: &'a DbStatusView,
    /// An ALwrity database `db migrate` would adopt.
    pub adoptable: bool,
}

/// Whether `db migrate` would adopt this database (only asked when nothing is applied).
pub(super) fn adoptable(
    state: &SchemaState,
    svc: &mut Service<'_>,
) -> Result<bool, super::super::Failure> {
    if state.version() != 0 || state.pending.is_empty() {
        return Ok(false);
    }
    Ok(svc.adoption_plan()?.is_some())
}

/// `db migrate --dry-run`.
pub(super) fn dry_run(svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let pending = svc.schema_state()?.pending;
    let Some(plan) = svc.adoption_plan()? else {
        return print_migrations(&pending, ui, "pending");
    };
    let views: Vec<MigrationView> = pending.iter().map(MigrationView::from).collect();
    if ui.json {
        let out = serde_json::json!({ "pending": views, "adoption": plan });
        return Ok(ui.print_json(&out)?);
    }
    ui.out(&adopt::plan(&plan, &svc.location(), ui.color_stdout()))?;
    let later: Vec<MigrationInfo> = pending
        .into_iter()
        .filter(|m| m.version > plan.record.version)
        .collect();
    if !later.is_empty() {
        ui.out("migrations applied after adoption")?;
        print_migrations(&later, ui, "pending")?;
    }
    ui.note("dry run: nothing was changed; `onboardctl db migrate` adopts the database");
    Ok(())
}

/// `db migrate`: adopt when needed (after asking, unless `yes`), then the regular
/// migrations.
pub(super) fn apply(svc: &mut Service<'_>, ui: &Ui, yes: bool) -> Outcome {
    let state = svc.schema_state()?;
    if !yes && adoptable(&state, svc)? {
        let question = format!(
            "adopt the ALwrity database `{}` in place? its schema is upgraded and duplicate \
             or orphaned rows move to onboardctl_quarantine (`db migrate --dry-run` shows \
             the plan)",
            svc.location()
        );
        confirm(&question, None, false)?;
    }
    // A spinner on a terminal while a possible adoption runs (nothing is applied yet).
    let spinner = (state.version() == 0)
        .then(|| Bar::new(ui, None, "adopting the database if ALwrity made it"));
    let report = svc.adopt()?;
    drop(spinner);
    let mut applied = svc.migrate()?;
    let Some(report) = report else {
        return print_migrations(&applied, ui, "applied");
    };
    let record = &report.plan.record;
    applied.insert(
        0,
        MigrationInfo {
            version: record.version,
            name: record.name.clone(),
            applied_on: record.applied_on.clone(),
        },
    );
    if ui.json {
        let views: Vec<MigrationView> = applied.iter().map(MigrationView::from).collect();
        let out = serde_json::json!({ "applied": views, "adoption": report });
        return Ok(ui.print_json(&out)?);
    }
    ui.out(&adopt::report(&report, &svc.location(), ui.color_stdout()))?;
    print_migrations(&applied, ui, "applied")
}
