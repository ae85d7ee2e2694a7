//! Input the handlers read besides arguments: JSON documents from a file or stdin, API key
//! values from stdin, an env var, a file or a hidden prompt, and confirmation prompts.
//! Nothing here waits on a terminal that is not there: off a TTY a missing value is an
//! immediate usage error.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::Value;

use crate::domain::Secret;
use crate::error::{Error, ErrorKind, Result};

/// Where a JSON document comes from: `--file PATH` (`-` is stdin) or a lone `-` argument.
#[derive(Debug, Clone, Args)]
pub struct JsonInput {
    /// Read the JSON document from this file (`-` reads stdin)
    #[arg(short, long, value_name = "FILE", conflicts_with = "stdin_dash")]
    pub file: Option<PathBuf>,

    /// `-` reads the JSON document from stdin
    #[arg(value_name = "-", id = "stdin_dash", value_parser = dash)]
    pub stdin_dash: Option<String>,
}

fn dash(s: &str) -> std::result::Result<String, String> {
    if s == "-" {
        Ok(s.to_owned())
    } else {
        Err(format!("expected `-` (stdin); for a file use --file {s}"))
    }
}

impl JsonInput {
    /// The document, or `None` when neither source was given.
    pub fn read(&self) -> Result<Option<Value>> {
        match (&self.file, &self.stdin_dash) {
            (Some(path), _) => read_json(path).map(Some),
            (None, Some(_)) => read_json(Path::new("-")).map(Some),
            (None, None) => Ok(None),
        }
    }

    /// The document; a usage error when neither source was given.
    pub fn require(&self) -> Result<Value> {
        self.read()?.ok_or_else(|| {
            Error::usage("no JSON input given").with_hint("pass --file FILE, or `-` to read stdin")
        })
    }
}

/// Reads and parses a JSON document from `path` (`-` is stdin). Unreadable or malformed
/// input is exit 4 and names the place of the error.
pub fn read_json(path: &Path) -> Result<Value> {
    let (label, text) = if path == Path::new("-") {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::precondition(format!("cannot read stdin: {e}")))?;
        ("stdin".to_owned(), text)
    } else {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::precondition(format!("cannot read `{}`: {e}", path.display())))?;
        (path.display().to_string(), text)
    };
    serde_json::from_str(&text).map_err(|e| {
        let full = e.to_string();
        let reason = full.split(" at line ").next().unwrap_or(&full);
        Error::precondition(format!(
            "invalid JSON in `{label}`: line {} column {}: {reason}",
            e.line(),
            e.column()
        ))
    })
}

/// Where `key set` reads the value from. At most one may be given; with none, a hidden
/// prompt is shown when stdin is a terminal.
#[derive(Debug, Clone, Args)]
#[group(multiple = false)]
pub struct SecretSource {
    /// Read the key from stdin (one trailing newline is removed)
    #[arg(long)]
    pub stdin: bool,

    /// Read the key from this environment variable
    #[arg(long, value_name = "VAR")]
    pub from_env: Option<String>,

    /// Read the key from this file (one trailing newline is removed)
    #[arg(long, value_name = "PATH")]
    pub from_file: Option<PathBuf>,
}

impl SecretSource {
    /// Reads the value and wraps it at once (the service refuses an empty one).
    pub fn read(&self, prompt: &str) -> Result<Secret> {
        if self.stdin {
            let mut raw = String::new();
            io::stdin()
                .read_to_string(&mut raw)
                .map_err(|e| Error::precondition(format!("cannot read stdin: {e}")))?;
            Ok(strip_newline(Secret::new(raw)))
        } else if let Some(var) = &self.from_env {
            let raw = crate::config::process_env(var).ok_or_else(|| {
                Error::precondition(format!("environment variable `{var}` is not set"))
            })?;
            Ok(Secret::new(raw))
        } else if let Some(path) = &self.from_file {
            let raw = std::fs::read_to_string(path).map_err(|e| {
                Error::precondition(format!("cannot read `{}`: {e}", path.display()))
            })?;
            Ok(strip_newline(Secret::new(raw)))
        } else {
            prompt_secret(prompt)
        }
    }
}

/// Removes one trailing `\n` or `\r\n`, copying the value only when there is one.
fn strip_newline(secret: Secret) -> Secret {
    let raw = secret.expose();
    let trimmed = raw.strip_suffix("\r\n").or_else(|| raw.strip_suffix('\n'));
    match trimmed {
        Some(t) => Secret::new(t.to_owned()),
        None => secret,
    }
}

fn not_a_terminal(what: &str, hint: &str) -> Error {
    Error::usage(format!("{what}, and stdin is not a terminal")).with_hint(hint.to_owned())
}

fn prompt_failed(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = e;
    match io.kind() {
        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => {
            Error::new(ErrorKind::Cancelled, "cancelled")
        }
        _ => Error::usage(format!("cannot prompt: {io}")),
    }
}

fn prompt_secret(prompt: &str) -> Result<Secret> {
    let hint = "pass the key with --stdin, --from-env VAR or --from-file PATH";
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err(not_a_terminal("no key value given", hint));
    }
    let value = dialoguer::Password::new()
        .with_prompt(prompt)
        .allow_empty_password(true)
        .interact()
        .map_err(prompt_failed)?;
    if value.is_empty() {
        return Err(Error::new(
            ErrorKind::Cancelled,
            "cancelled; no key was given",
        ));
    }
    Ok(Secret::new(value))
}

/// Asks `question` unless `yes`; off a terminal `yes` is required. A "no", Escape or Ctrl-C
/// cancels (exit 130).
pub fn confirm(question: &str, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err(not_a_terminal(
            "confirmation required",
            "pass --yes to proceed without asking",
        ));
    }
    let answer = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact_opt()
        .map_err(prompt_failed)?;
    match answer {
        Some(true) => Ok(()),
        _ => Err(Error::new(
            ErrorKind::Cancelled,
            "cancelled; nothing was changed",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_exactly_one_newline() {
        let s = |v: &str| strip_newline(Secret::new(v.into())).expose().to_owned();
        assert_eq!(s("abc\n"), "abc");
        assert_eq!(s("abc\r\n"), "abc");
        assert_eq!(s("abc\n\n"), "abc\n");
        assert_eq!(s("abc"), "abc");
    }

    #[test]
    fn json_errors_name_line_and_column() {
        let dir = std::env::temp_dir().join(format!("onboardctl-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.json");
        std::fs::write(&path, "{\n  \"a\": 1,\n  x\n}").unwrap();
        let err = read_json(&path).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Precondition);
        assert!(err.message.contains("line 3 column 3"), "{}", err.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
