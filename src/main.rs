//! The `onboardctl` binary: parse the command line, run it, turn the outcome into an exit
//! code. Everything else lives in the library.

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};
use onboardctl::output::{self, Ui};
use onboardctl::{Cli, Failure};

fn main() -> ExitCode {
    // `COMPLETE=<shell>` (set by the completion scripts): print candidates and exit.
    clap_complete::CompleteEnv::with_factory(onboardctl::cli::command).complete();
    // Parsed by the plain definition: the examples and completion candidates the decorated
    // one adds (a quarter of a `session show`'s instructions) only change help, which is
    // printed by the decorated definition.
    let parsed = Cli::command()
        .try_get_matches()
        .or_else(|e| match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                onboardctl::cli::command().try_get_matches()
            }
            _ => Err(e),
        })
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let json = onboardctl::cli::json_requested(std::env::args_os());
            return ExitCode::from(output::clap_error(e, json));
        }
    };
    let ui = cli.ui();
    exit_code(onboardctl::run(cli), &ui)
}

/// The one place an outcome becomes an exit code (README "Exit codes"). A closed stdout
/// is not an error: `onboardctl … | head` exits quietly.
fn exit_code(result: Result<(), Failure>, ui: &Ui) -> ExitCode {
    match result {
        Ok(()) | Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Exit(code)) => ExitCode::from(code),
        Err(Failure::Error(e)) => {
            ui.report(&e);
            ExitCode::from(e.kind.exit_code())
        }
    }
}
