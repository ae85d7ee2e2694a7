//! The `onboardctl` binary: parse the command line, run it, turn the outcome into an exit
//! code. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;
use onboardctl::output::{self, Ui};
use onboardctl::{Cli, Failure};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
