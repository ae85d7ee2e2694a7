//! `db status`, `db migrate` and `db repair` on a workspace (`workspace:PATH`): the status of
//! every folder and file, and the attach or repair of every file, one file at a time, with a
//! counted progress bar on a terminal. A file that fails is named and the others are done;
//! the command then exits 5, and a second run does only what is left.

use serde::Serialize;

use super::super::input::confirm;
use super::super::{Failure, Outcome};
use crate::error::{Error, ErrorKind};
use crate::output::bar::Bar;
use crate::output::human::Block;
use crate::output::inert::escape;
use crate::output::Ui;
use crate::service::Service;
use crate::store::workspace::{SkippedFile, WorkspaceStatus};

/// `db status --json` on a workspace.
#[derive(Serialize)]
struct StatusOut<'a> {
    backend: &'static str,
    location: String,
    /// Where the URL came from (`--database-url`, a variable, `ALWRITY_ROOT_DIR`).
    source: &'static str,
    flavour: &'static str,
    era: &'static str,
    workspace: &'a WorkspaceStatus,
}

/// `db status` of a workspace: counts, and under `-v` (or `--json`) every folder.
pub(in crate::cli) fn status(svc: &mut Service<'_>, ui: &Ui, verbose: bool) -> Outcome {
    let Some(ws) = svc.workspace_status()? else {
        return Ok(());
    };
    let out = StatusOut {
        backend: "workspace",
        location: svc.location(),
        source: svc.url_source().as_str(),
        flavour: "alwrity",
        era: "head",
        workspace: &ws,
    };
    ui.emit(&out, || {
        let l = &ws.files_by_layout;
        let mut b = Block::new();
        b.field("backend", "workspace (one ALwrity SQLite file per user)")
            .field("location", &out.location)
            .field("source", out.source)
            .field(
                "root",
                match ws.root_kind {
                    crate::store::workspace::RootKind::AlwrityRoot => "the ALwrity root",
                    crate::store::workspace::RootKind::WorkspaceDir => "the workspace folder",
                },
            )
            .field("folders", ws.folders)
            .field(
                "files",
                format!(
                    "{} db/alwrity_<sid>.db, {} db/alwrity.db, {} database/alwrity_<sid>.db, \
                     {} database/alwrity.db",
                    l.canonical, l.legacy_name, l.legacy_folder, l.legacy_folder_legacy_name
                ),
            )
            .field("without file", ws.folders_without_file)
            .field("shadowed files", ws.shadowed_files)
            .field("multi-user files", ws.multi_user_files)
            .field("colliding ids", ws.colliding_id_files)
            .field("unreadable", ws.unreadable_files);
        let mut text = b.render();
        for u in &ws.unreadable {
            text.push_str(&format!(
                "\nunreadable: `{}`: {}",
                escape(&u.path),
                escape(&u.reason)
            ));
        }
        if verbose {
            for d in &ws.details {
                let file = d.file.as_deref().unwrap_or("no file");
                let users = d
                    .sessions
                    .as_ref()
                    .map(|s| s.user_ids.join(", "))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "\n{}: {} [{}]",
                    escape(&d.folder),
                    escape(file),
                    escape(&users)
                ));
                for s in &d.shadowed {
                    text.push_str(&format!("\n  shadowed: {}", escape(&s.path)));
                }
            }
        }
        text
    })?;
    Ok(())
}

/// `db migrate [--dry-run]` of a workspace.
pub(in crate::cli) fn migrate(svc: &mut Service<'_>, ui: &Ui, dry_run: bool, yes: bool) -> Outcome {
    if !dry_run && !yes {
        let question = format!(
            "attach onboardctl to every ALwrity file of the workspace `{}`? this adds \
             onboardctl's own tables and indexes only; nothing ALwrity reads changes",
            svc.location()
        );
        confirm(&question, None, false)?;
    }
    let bar = Bar::new(ui, None, "files");
    let report = svc
        .migrate_workspace(dry_run, &mut |done, total| bar.at(done, total))?
        .unwrap_or_default();
    drop(bar);
    let verb = if dry_run { "to attach" } else { "attached" };
    ui.emit(&report, || {
        let mut b = Block::new();
        b.field("files", report.files)
            .field(verb, report.attached.len())
            .field("current", report.current)
            .field("failed", report.failed.len());
        let mut text = b.render();
        for f in &report.attached {
            text.push_str(&format!(
                "\n{verb}: {}",
                escape(&f.path.display().to_string())
            ));
        }
        text
    })?;
    if dry_run {
        ui.note("dry run: nothing was changed; nothing ALwrity reads changes when attaching");
    }
    failed(&report.failed, ui, "attached", dry_run)
}

/// `db repair [--dry-run]` of a workspace.
pub(in crate::cli) fn repair(svc: &mut Service<'_>, ui: &Ui, dry_run: bool, yes: bool) -> Outcome {
    if !dry_run && !yes {
        let question = format!(
            "merge the duplicate sessions in every file of the workspace `{}`, moving the \
             others to onboardctl_quarantine?",
            svc.location()
        );
        confirm(&question, None, false)?;
    }
    let bar = Bar::new(ui, None, "files");
    let report = svc
        .repair_workspace(dry_run, &mut |done, total| bar.at(done, total))?
        .unwrap_or_default();
    drop(bar);
    let verb = if dry_run { "to repair" } else { "repaired" };
    ui.emit(&report, || {
        let mut b = Block::new();
        b.field("files", report.files)
            .field(verb, report.repaired.len())
            .field("clean", report.clean)
            .field("failed", report.failed.len());
        let mut text = b.render();
        for f in &report.repaired {
            text.push_str(&format!(
                "\n{}:\n{}",
                escape(&f.path.display().to_string()),
                super::attach::repair(&f.plan, !dry_run)
            ));
        }
        text
    })?;
    failed(&report.failed, ui, "repaired", dry_run)
}

/// Names every file that failed; exit 5 when any did. A dry run changed no file, so it does
/// not say the others were `what`.
fn failed(files: &[SkippedFile], ui: &Ui, what: &str, dry_run: bool) -> Outcome {
    for f in files {
        ui.warn(format!("`{}`: {}", f.path.display(), f.reason));
    }
    if files.is_empty() {
        return Ok(());
    }
    let message = if dry_run {
        format!(
            "{} file(s) could not be read; the plan covers the others (see the warnings above)",
            files.len()
        )
    } else {
        format!(
            "{} file(s) could not be {what}; the others were (see the warnings above)",
            files.len()
        )
    };
    Err(Failure::Error(
        Error::new(ErrorKind::Unavailable, message).with_hint(
            "fix or free those files and run the command again: it does only what is left",
        ),
    ))
}
