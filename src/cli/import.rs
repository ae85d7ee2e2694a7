//! `onboardctl import FILE|-` (NDJSON as `export` writes it) and `onboardctl import
//! legacy-json PATH…` (ALwrity's `.onboarding_progress*.json` files). Both print a report line
//! per item as it is done, end with a summary, and exit 4 when any item failed.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Failure, Outcome};
use crate::domain::providers::KeyRules;
use crate::domain::UserId;
use crate::error::Error;
use crate::output::bar::Bar;
use crate::output::transfer::{item_text, summary_text};
use crate::output::Ui;
use crate::service::transfer::{legacy_files, ImportOptions, ItemReport, LegacyOptions, Tally};
use crate::service::Service;

/// `import`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportArgs {
    /// Import legacy files instead of NDJSON
    #[command(subcommand)]
    pub legacy: Option<ImportCommand>,
    /// NDJSON as written by `export`, one user per line; `-` reads stdin. Each line replaces
    /// that user's data in its own transaction; a key without a value keeps the stored one
    #[arg(value_name = "FILE|-", required = true)]
    pub file: Option<PathBuf>,
    /// Read and check every line and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Store key values without checking their provider's format (as `key set
    /// --no-validate`; a line can also say `"validate": false`)
    #[arg(long)]
    pub no_validate: bool,
    /// Accept keys of providers the registry does not know (as `key set --allow-unknown`)
    #[arg(long)]
    pub allow_unknown: bool,
}

impl ImportArgs {
    /// `--dry-run` of `import` or of `import legacy-json`: nothing is written.
    pub fn dry_run(&self) -> bool {
        match &self.legacy {
            Some(ImportCommand::LegacyJson(l)) => l.dry_run,
            None => self.dry_run,
        }
    }
}

/// `import` subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import ALwrity's legacy .onboarding_progress*.json files (files or directories)
    LegacyJson(LegacyArgs),
}

/// `import legacy-json`.
#[derive(Debug, Args)]
pub struct LegacyArgs {
    /// Files, or directories whose .onboarding_progress*.json files are imported;
    /// `.onboarding_progress_<user>.json` names its user
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// The owner of the global .onboarding_progress.json (required for it)
    #[arg(long, value_name = "USER")]
    pub user: Option<UserId>,
    /// Read, map and check every file and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `import` or `import legacy-json`.
pub fn run(args: ImportArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match (args.legacy, args.file) {
        (Some(ImportCommand::LegacyJson(a)), _) => legacy(a, svc, ui),
        (None, Some(file)) => {
            let opts = ImportOptions {
                dry_run: args.dry_run,
                keys: KeyRules {
                    validate: !args.no_validate,
                    allow_unknown: args.allow_unknown,
                },
                cancel: Some(super::interrupt::interrupted),
            };
            let _ctrl_c = super::interrupt::InterruptGuard::arm();
            ndjson(&file, opts, svc, ui)
        }
        (None, None) => Err(Error::usage("no input given").into()),
    }
}

fn ndjson(file: &PathBuf, opts: ImportOptions, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let mut input: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let f = File::open(file).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => crate::error::no_such_file(file),
            _ => Error::precondition(format!("cannot read `{}`: {e}", file.display())),
        })?;
        Box::new(BufReader::new(f))
    };
    let bar = Bar::new(ui, None, "importing");
    let dry_run = opts.dry_run;
    let tally =
        svc.import_ndjson::<Failure>(&mut input, opts, &mut |item| print(ui, &bar, item))?;
    finish(ui, bar, tally, dry_run, "line(s)")
}

fn legacy(a: LegacyArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let files = legacy_files(&a.paths, a.user.as_ref())?;
    if files.is_empty() {
        ui.warn("no .onboarding_progress*.json file found");
    }
    let bar = Bar::new(ui, Some(files.len() as u64), "importing");
    let opts = LegacyOptions {
        user: a.user,
        dry_run: a.dry_run,
    };
    let tally = svc.import_legacy::<Failure>(&files, &opts, &mut |item| print(ui, &bar, item))?;
    finish(ui, bar, tally, a.dry_run, "file(s)")
}

/// Prints one report line above the bar and advances it.
fn print(ui: &Ui, bar: &Bar, item: &ItemReport) -> Result<(), Failure> {
    bar.suspend(|| ui.out(&item_text(ui, item)))?;
    bar.inc();
    Ok(())
}

/// Clears the bar, prints the summary, and fails (exit 4) when any item failed.
fn finish(ui: &Ui, bar: Bar, tally: Tally, dry_run: bool, what: &str) -> Outcome {
    drop(bar);
    let summary = summary_text(ui, tally, dry_run);
    if ui.json {
        ui.out(&summary)?;
    } else {
        ui.note(summary);
    }
    Ok(tally.check(what)?)
}
