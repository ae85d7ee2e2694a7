//! `onboardctl export`: every user (or those named with `--user`) as NDJSON on stdout, one
//! user per line with all their data; keys masked unless `--include-secrets`.

use std::io::{self, BufWriter, Write};

use clap::Args;

use super::{Failure, Outcome};
use crate::domain::UserId;
use crate::output::bar::Bar;
use crate::output::Ui;
use crate::service::transfer::ExportOptions;
use crate::service::Service;

/// `export`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each line is one user: user_id, the session fields, steps, keys, \
                        website_analysis, research_preferences and persona_data, times in \
                        RFC 3339 (UTC). `onboardctl import FILE` reads it back."
)]
pub struct ExportArgs {
    /// Export only this user (repeat for more); by default every user, ordered by id
    #[arg(long = "user", value_name = "USER")]
    pub users: Vec<UserId>,
    /// Write key values in full; by default a key is {provider, masked, fingerprint} and an
    /// import keeps the key already stored
    #[arg(long)]
    pub include_secrets: bool,
}

/// Runs `export`.
pub fn run(args: ExportArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let opts = ExportOptions {
        users: args.users,
        include_secrets: args.include_secrets,
        cancel: Some(super::interrupt::interrupted),
    };
    let _ctrl_c = super::interrupt::InterruptGuard::arm();
    let total = svc.export_count(&opts)?;
    let bar = Bar::new(ui, Some(total), "exporting");
    let mut out = BufWriter::new(io::stdout().lock());
    let summary = svc.export::<Failure>(&opts, &mut out, &mut || bar.inc());
    // Whole lines only, also when stopped.
    out.flush()?;
    let summary = summary?;
    drop(bar);
    ui.note(format!("exported {} user(s)", summary.written));
    Ok(summary.check()?)
}
