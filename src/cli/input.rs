//! Input the handlers read besides arguments: JSON documents from a file or stdin, API key
//! values from stdin, an env var, a file or a hidden prompt, and confirmation prompts.
//! Nothing here waits on a terminal that is not there: off a TTY a missing value is an
//! immediate usage error. Prompts go to stderr; Ctrl-C at any of them restores the terminal
//! and exits 130 ([`tty`]).

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::Value;

use crate::domain::limits::{MAX_DOCUMENT_BYTES, MAX_KEY_BYTES};
use crate::domain::{Secret, UserId};
use crate::error::{Error, ErrorKind, Result};
use crate::output::inert::escape;

mod tty;

use tty::{PromptGuard, Stream};

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
    let (label, bytes) = if path == Path::new("-") {
        let label = "stdin".to_owned();
        let bytes = read_limited(&mut io::stdin().lock(), MAX_DOCUMENT_BYTES, &label)?;
        (label, bytes)
    } else {
        let label = path.display().to_string();
        let mut file = std::fs::File::open(path)
            .map_err(|e| Error::precondition(format!("cannot read `{label}`: {e}")))?;
        let bytes = read_limited(&mut file, MAX_DOCUMENT_BYTES, &label)?;
        (label, bytes)
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::precondition(format!("`{label}` is not valid UTF-8")))?;
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

/// Reads all of `input`, refusing (exit 4, nothing kept) more than `limit` bytes: the read
/// stops one byte past the limit, so a huge input never sits in memory.
fn read_limited(input: &mut dyn Read, limit: usize, label: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::precondition(format!("cannot read `{label}`: {e}")))?;
    if bytes.len() > limit {
        return Err(Error::precondition(format!(
            "`{label}` is larger than {}, the limit",
            human_size(limit)
        )));
    }
    Ok(bytes)
}

/// A key value read from `input`, at most [`MAX_KEY_BYTES`]; the buffer is wiped.
fn read_secret(input: &mut dyn Read, label: &str) -> Result<Secret> {
    let bytes = zeroize::Zeroizing::new(read_limited(input, MAX_KEY_BYTES, label)?);
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Error::precondition(format!("the key in `{label}` is not valid UTF-8")))?;
    Ok(strip_newline(Secret::new(text.to_owned())))
}

fn human_size(bytes: usize) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{} MiB", b / (1024 * 1024)),
        b => format!("{} KiB", b / 1024),
    }
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
    /// Reads the value and wraps it at once (the service refuses an empty one). `--stdin`
    /// on a terminal is the hidden prompt, so a typed key is never echoed; it needs only
    /// stdin to be a terminal. With no source, the prompt needs stdin and stderr.
    pub fn read(&self, prompt: &str) -> Result<Secret> {
        if self.stdin {
            if io::stdin().is_terminal() {
                return prompt_secret(prompt, &[Stream::Stdin]);
            }
            read_secret(&mut io::stdin().lock(), "stdin")
        } else if let Some(var) = &self.from_env {
            let raw = crate::config::process_env(var).ok_or_else(|| {
                Error::precondition(format!("environment variable `{var}` is not set"))
            })?;
            let raw = Secret::new(raw);
            if raw.expose().len() > MAX_KEY_BYTES {
                return Err(Error::precondition(format!(
                    "`{var}` is larger than {}, the limit for a key",
                    human_size(MAX_KEY_BYTES)
                )));
            }
            Ok(raw)
        } else if let Some(path) = &self.from_file {
            let label = path.display().to_string();
            let mut file = std::fs::File::open(path)
                .map_err(|e| Error::precondition(format!("cannot read `{label}`: {e}")))?;
            read_secret(&mut file, &label)
        } else {
            prompt_secret(prompt, &[Stream::Stdin, Stream::Stderr])
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

/// The usage error (exit 2) of a prompt that cannot be shown, naming the streams that are
/// not terminals; `None` when all of `streams` are.
fn check_terminals(what: &str, hint: &str, streams: &[Stream]) -> Result<()> {
    match tty::not_terminals(streams) {
        None => Ok(()),
        Some(which) => Err(Error::usage(format!("{what}, and {which}")).with_hint(hint.to_owned())),
    }
}

fn cancelled() -> Error {
    Error::new(ErrorKind::Cancelled, "cancelled; nothing was changed")
}

fn prompt_failed(e: io::Error) -> Error {
    match e.kind() {
        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => cancelled(),
        _ => Error::usage(format!("cannot prompt: {e}")),
    }
}

fn prompt_secret(prompt: &str, needs: &[Stream]) -> Result<Secret> {
    let hint = "pass the key with --stdin, --from-env VAR or --from-file PATH";
    check_terminals("no key value given", hint, needs)?;
    let _guard = PromptGuard::arm();
    let line = tty::read_hidden_line(&format!("{}: ", escape(prompt))).map_err(prompt_failed)?;
    match line {
        Some(value) if !value.is_empty() => Ok(Secret::new(value.to_string())),
        _ => Err(Error::new(
            ErrorKind::Cancelled,
            "cancelled; no key was given",
        )),
    }
}

/// Asks before a destructive command, unless `yes`. `question` names what is destroyed and
/// where (the redacted database location). The answer is a line: the word `yes`, or the
/// user id when `user` is given, then Enter; anything else, end of input or Ctrl-C cancels
/// (exit 130), and a single keypress never decides. Off a terminal (stdin or stderr) `yes`
/// is required: a usage error (exit 2) naming the stream.
pub fn confirm(question: &str, user: Option<&UserId>, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    check_terminals(
        "confirmation required",
        "pass --yes to proceed without asking",
        &[Stream::Stdin, Stream::Stderr],
    )?;
    let expected = match user {
        Some(u) => format!("type `yes` or the user id `{}`", escape(u.as_str())),
        None => "type `yes`".to_owned(),
    };
    let _guard = PromptGuard::arm();
    tty::write_prompt(&format!(
        "{}\n{expected} and press Enter to go on; anything else cancels: ",
        escape(question)
    ));
    let answer = tty::read_line()
        .map_err(prompt_failed)?
        .ok_or_else(cancelled)?;
    let agreed = answer.trim() == "yes"
        || user.is_some_and(|u| answer.trim() == u.as_str() || answer == u.as_str());
    if agreed {
        Ok(())
    } else {
        Err(cancelled())
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
