//! `onboardctl completions SHELL` and `onboardctl man`: generated from the clap definition,
//! printed to stdout. The committed copies under `completions/` are checked by a test.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Outcome};
use crate::output::Ui;

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "onboardctl", &mut out);
    out
}

/// Prints the completion script.
pub fn run(args: &CompletionsArgs, _ui: &Ui) -> Outcome {
    write_stdout(&script(args.shell))
}

/// Prints the roff manual page.
pub fn man(_ui: &Ui) -> Outcome {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> Outcome {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    Ok(stdout.flush()?)
}
