//! `onboardctl run --user U [--provider P…] [--frontend] -- CMD [ARGS…]`: runs CMD with the
//! user's keys in its environment, under the registry's variable names, the way `op run` and
//! `doppler run` do. No file is written and no key goes on any command line; the child
//! inherits stdin, stdout and stderr (onboardctl prints nothing on stdout), gets the signals
//! sent to onboardctl (`signals`), and its exit status becomes onboardctl's: its code, or
//! 128+N when signal N ended it, as a shell reports it.
//!
//! The child's environment is onboardctl's own, plus the keys (replacing variables of the
//! same names), minus `ONBOARDCTL_MASTER_KEY`: the child gets one user's keys, not the key
//! that opens everyone's. The store is closed before the child starts, so no connection or
//! lock is held while it runs.

#[cfg(unix)]
mod signals;

use std::ffi::OsString;
use std::process::ExitStatus;

use clap::Args;

use super::{Failure, Outcome};
use crate::config::MASTER_KEY_ENV;
use crate::domain::{ProviderName, UserId};
use crate::error::{Error, ErrorKind};
use crate::output::Ui;
use crate::service::{RunEnvRequest, RunVar, Service};

/// `run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Whose keys
    #[arg(long, value_name = "USER")]
    pub user: UserId,
    /// Only this provider's key (repeat, or separate with commas); a provider without a key
    /// is exit 3. Without it: every key the user has
    #[arg(long = "provider", value_name = "PROVIDER", value_delimiter = ',')]
    pub providers: Vec<ProviderName>,
    /// Also set REACT_APP_COPILOTKIT_API_KEY (ALwrity's frontend) to the CopilotKit key
    #[arg(long)]
    pub frontend: bool,
    /// The command and its arguments, after `--`
    #[arg(
        value_name = "CMD",
        required = true,
        last = true,
        num_args = 1..,
        allow_hyphen_values = true
    )]
    pub command: Vec<OsString>,
}

/// The variables for the child, read while the store is open. A missing user gets the
/// store's "did you mean" treatment, as in every other command.
pub fn prepare(args: &RunArgs, svc: &mut Service<'_>, ui: &Ui) -> Result<Vec<RunVar>, Failure> {
    let request = RunEnvRequest {
        providers: args.providers.clone(),
        frontend: args.frontend,
    };
    let vars = svc
        .run_env(&args.user, &request)
        .map_err(|e| match e.kind {
            ErrorKind::NotFound => svc.explain_not_found(e),
            _ => e,
        })?;
    if vars.is_empty() {
        ui.warn(format!(
            "user `{}` has no keys; running the command anyway",
            args.user
        ));
    }
    for var in &vars {
        ui.debug(1, format!("setting {} ({} key)", var.name, var.provider));
    }
    Ok(vars)
}

/// Runs the command with `vars` set and waits for it; its exit status becomes the outcome.
pub fn exec(args: &RunArgs, vars: Vec<RunVar>) -> Outcome {
    let (program, rest) = args
        .command
        .split_first()
        .ok_or_else(|| Error::usage("no command given after `--`"))?;
    let mut cmd = std::process::Command::new(program);
    cmd.args(rest).env_remove(MASTER_KEY_ENV);
    for var in &vars {
        // The values are copied into the child's environment block here and nowhere else.
        cmd.env(&var.name, var.value.expose());
    }
    drop(vars);
    #[cfg(unix)]
    let forwarder = signals::Forwarder::install();
    let mut child = cmd.spawn().map_err(|e| spawn_error(program, &e))?;
    // The command's copy of the environment is no longer needed once the child has its own.
    drop(cmd);
    #[cfg(unix)]
    forwarder.child_started(child.id());
    let status = child.wait().map_err(|e| {
        Error::new(
            ErrorKind::Unexpected,
            format!("cannot wait for `{}`: {e}", program.to_string_lossy()),
        )
    })?;
    #[cfg(unix)]
    drop(forwarder);
    match exit_code(status) {
        0 => Ok(()),
        code => Err(Failure::Exit(code)),
    }
}

/// The child's code, or 128+N when signal N ended it (a shell's `$?`).
fn exit_code(status: ExitStatus) -> u8 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return u8::try_from(128 + signal).unwrap_or(u8::MAX);
        }
    }
    status
        .code()
        .map_or(1, |c| u8::try_from(c & 0xff).unwrap_or(1))
}

/// A command that cannot be started: not found is exit 3, anything else (not executable, …)
/// exit 4. No key is in the message.
fn spawn_error(program: &std::ffi::OsStr, e: &std::io::Error) -> Error {
    let name = program.to_string_lossy();
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::not_found(format!("command `{name}` not found"))
            .with_hint(
            "give a path, or check $PATH; everything after `--` is the command and its arguments",
        ),
        _ => Error::precondition(format!("cannot run `{name}`: {e}")),
    }
}
