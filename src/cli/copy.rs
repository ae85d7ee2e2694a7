//! `onboardctl db copy --to URL`: every user of the current database into another one
//! (SQLite, PostgreSQL, an ALwrity workspace, either way), user by user. A missing SQLite
//! target file is created and migrated, a missing workspace root created with its
//! `workspace/` folder (each user then gets a file in HEAD's layout); any other target must
//! already be migrated (`db migrate`), and must hold no session unless `--merge` (which asks
//! first when it does, or `--yes`).

use clap::Args;

use super::input::confirm;
use super::{Failure, Outcome};
use crate::config::DbUrl;
use crate::error::Error;
use crate::output::bar::Bar;
use crate::output::inert::escape;
use crate::output::transfer::{copy_json, left_behind_text, summary_text};
use crate::output::Ui;
use crate::service::transfer::CopyOptions;
use crate::service::Service;
use crate::store::{self, OpenOptions, Store};

/// `db copy`.
#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The target database URL (same forms as --database-url)
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// Copy into a target that already holds users: users in both are replaced by this
    /// database's data, users only the target has are kept (asks first, or --yes)
    #[arg(long)]
    pub merge: bool,
    /// Confirmation of --merge into a target that holds users.
    #[command(flatten)]
    pub confirm: super::Confirm,
}

/// Runs `db copy`.
pub fn run(args: CopyArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let mut target = open_target(&args.to)?;
    ui.debug(1, format!("copying to {}", target.location()));
    if args.merge && !args.confirm.yes && holds_users(target.as_mut())? {
        let question = format!(
            "copy into `{}`, replacing the data of every user it shares with `{}`?",
            target.location(),
            svc.location()
        );
        confirm(&question, None, false)?;
    }
    let total = svc.count_users()?;
    let bar = Bar::new(ui, Some(total), "copying");
    let opts = CopyOptions {
        merge: args.merge,
        cancel: Some(super::interrupt::interrupted),
    };
    // After the prompt, which has a Ctrl-C handler of its own.
    let _ctrl_c = super::interrupt::InterruptGuard::arm();
    let report = svc.copy_to::<Failure>(target.as_mut(), opts, &mut |item| {
        if let Some(reason) = &item.reason {
            let user = item.user.as_ref().map_or("-", |u| u.as_str());
            bar.suspend(|| ui.warn(format!("user `{user}` was not copied: {reason}")));
        }
        bar.inc();
        Ok(())
    })?;
    drop(bar);
    if let Some(last) = &report.resumed_after {
        ui.note(format!(
            "resumed an interrupted copy from this database after user `{last}`"
        ));
    }
    let tally = report.tally;
    if ui.json {
        ui.out(&copy_json(tally, &report.left_behind))?;
    } else {
        let location = escape(&target.location()).into_owned();
        let summary = summary_text(ui, tally, false);
        ui.out(&format!("copied to `{location}`: {summary}"))?;
        if let Some(text) = left_behind_text(&report.left_behind) {
            ui.note(text);
        }
    }
    Ok(tally.check("user(s)")?)
}

/// Whether a migrated target holds sessions (an unmigrated one is refused by the copy, with
/// its own hint, before anything is written).
fn holds_users(target: &mut dyn Store) -> Result<bool, Failure> {
    let migrated = target
        .schema_state()
        .map_err(Error::from)?
        .pending
        .is_empty();
    Ok(migrated && target.count_sessions().map_err(Error::from)? > 0)
}

/// Opens the target. A SQLite file that does not exist yet is created and migrated under a
/// temporary name beside it and only then moved into place, so an interrupted run never
/// leaves an empty, unmigrated target behind (a leftover temporary file is replaced).
fn open_target(text: &str) -> Result<Box<dyn Store>, Failure> {
    let url = DbUrl::parse(text).map_err(|e| Error::usage(format!("--to: {e}")))?;
    match &url {
        DbUrl::Sqlite(path) if !path.exists() => create_sqlite_target(path)?,
        DbUrl::Workspace(root) if !root.exists() => create_workspace_target(root)?,
        _ => {}
    }
    Ok(store::open(&url, &OpenOptions::default()).map_err(Error::from)?)
}

/// A workspace that does not exist yet: `root` is taken as an ALwrity root and gets its
/// `workspace/` folder (private to the user, as the files the copy creates in it).
fn create_workspace_target(root: &std::path::Path) -> Result<(), Failure> {
    let dir = root.join(crate::store::workspace::WORKSPACE_DIR);
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&dir).map_err(|e| {
        Error::new(
            crate::error::ErrorKind::Unavailable,
            format!("cannot create `{}`: {e}", dir.display()),
        )
    })?;
    Ok(())
}

fn create_sqlite_target(path: &std::path::Path) -> Result<(), Failure> {
    let mut name = path.as_os_str().to_owned();
    name.push(".onboardctl-partial");
    let partial = std::path::PathBuf::from(name);
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut leftover = partial.as_os_str().to_owned();
        leftover.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(leftover));
    }
    let created = store::open(
        &DbUrl::Sqlite(partial.clone()),
        &OpenOptions {
            create: true,
            auto_migrate: true,
            ..OpenOptions::default()
        },
    )
    .map_err(Error::from)?;
    // Closing the only connection checkpoints the WAL into the file and removes it.
    drop(created);
    std::fs::rename(&partial, path).map_err(|e| {
        Error::new(
            crate::error::ErrorKind::Unavailable,
            format!("cannot create `{}`: {e}", path.display()),
        )
    })?;
    Ok(())
}
