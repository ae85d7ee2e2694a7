//! `onboardctl completions SHELL` and `onboardctl man [--dir DIR]`: generated from the
//! decorated clap definition ([`super::help::command`]). The committed copies under
//! `completions/` and `man/` are checked by tests.
//!
//! Completion is dynamic: the script a shell loads calls `onboardctl` back with
//! `COMPLETE=<shell>` set (clap_complete's engine, run first thing in `main`), so values come
//! from the definition — providers, steps, statuses — and user ids from the current database
//! ([`user_ids`]: one bounded read, silent when the database is not there).

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::EnvCompleter;
use clap_complete::Shell;

use super::environment::ENVIRONMENT;
use super::{help, Outcome};
use crate::output::Ui;

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into DIR (`onboardctl.1`, `onboardctl-key-set.1`, …)
    /// instead of printing onboardctl's own page
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The variable the completion scripts set to call the binary back.
pub const COMPLETE_ENV: &str = "COMPLETE";

/// How many user ids completion offers at most.
pub const MAX_USER_IDS: u32 = 200;

/// The completion script for `shell`: it runs `onboardctl` (found on `PATH`) for the
/// candidates.
pub fn script(shell: Shell) -> Vec<u8> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::PowerShell => &clap_complete::env::Powershell,
        Shell::Elvish => &clap_complete::env::Elvish,
        _ => &clap_complete::env::Bash,
    };
    let mut out = Vec::new();
    completer
        .write_registration(
            COMPLETE_ENV,
            "onboardctl",
            "onboardctl",
            "onboardctl",
            &mut out,
        )
        .expect("writing to a Vec does not fail");
    out
}

/// Prints the completion script.
pub fn run(args: &CompletionsArgs, _ui: &Ui) -> Outcome {
    write_stdout(&script(args.shell))
}

/// Prints onboardctl's manual page, or writes every command's page into `--dir`.
pub fn man(args: &ManArgs, ui: &Ui) -> Outcome {
    let pages = pages()?;
    let Some(dir) = &args.dir else {
        return write_stdout(&pages[0].1);
    };
    std::fs::create_dir_all(dir).map_err(|e| cannot_write(dir, e))?;
    for (name, page) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, page).map_err(|e| cannot_write(&path, e))?;
    }
    ui.note(format!(
        "wrote {} manual pages to `{}`",
        pages.len(),
        dir.display()
    ));
    Ok(())
}

fn cannot_write(path: &Path, e: std::io::Error) -> crate::error::Error {
    crate::error::Error::new(
        crate::error::ErrorKind::Unexpected,
        format!("cannot write `{}`: {e}", path.display()),
    )
}

/// Every command's manual page, `(file name, roff)`, onboardctl's own first.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut root = help::command().disable_help_subcommand(true);
    root.build();
    let mut out = Vec::new();
    collect(&root, "", &mut out)?;
    Ok(out)
}

fn collect(
    cmd: &clap::Command,
    path: &str,
    out: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    out.push(page(cmd, path)?);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let sub_path = if path.is_empty() {
            sub.get_name().to_owned()
        } else {
            format!("{path} {}", sub.get_name())
        };
        collect(sub, &sub_path, out)?;
    }
    Ok(())
}

/// One page: clap_mangen's sections, then EXAMPLES, ENVIRONMENT and EXIT STATUS.
fn page(cmd: &clap::Command, path: &str) -> std::io::Result<(String, Vec<u8>)> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut w = Vec::new();
    man.render_title(&mut w)?;
    man.render_name_section(&mut w)?;
    man.render_synopsis_section(&mut w)?;
    man.render_description_section(&mut w)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut w)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut w)?;
    }
    w.extend_from_slice(b".SH EXAMPLES\n");
    for (line, what) in help::examples(cmd, path) {
        w.extend_from_slice(format!(".TP\n\\fB{}\\fR\n{}\n", roff(&line), roff(&what)).as_bytes());
    }
    w.extend_from_slice(b".SH ENVIRONMENT\n");
    for (name, what) in ENVIRONMENT {
        w.extend_from_slice(format!(".TP\n\\fB{}\\fR\n{}\n", roff(name), roff(what)).as_bytes());
    }
    w.extend_from_slice(
        b".SH \"EXIT STATUS\"\n0 ok, 1 unexpected, 2 usage, 3 not found, 4 precondition or \
          validation, 5 database unavailable, 6 check found a difference, 130 cancelled.\n",
    );
    if path.is_empty() {
        man.render_version_section(&mut w)?;
    }
    Ok((man.get_filename(), w))
}

/// Text made safe for a roff line: backslashes and hyphens escaped, no line starting with a
/// control character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The user ids starting with what is typed, for completing a USER argument: at most
/// [`MAX_USER_IDS`], from the database the command line (`--database-url`, `--no-dotenv`)
/// and the environment name. Anything wrong (no database, a bad URL, a server down) gives no
/// candidates and prints nothing; the embedded default is never created here.
pub fn user_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str() else {
        return Vec::new();
    };
    let args: Vec<String> = std::env::args().collect();
    super::setup::user_ids_for_completion(&args, prefix, MAX_USER_IDS)
        .into_iter()
        .map(|id| CompletionCandidate::new(id.as_str().to_owned()))
        .collect()
}

fn write_stdout(bytes: &[u8]) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    Ok(stdout.flush()?)
}
