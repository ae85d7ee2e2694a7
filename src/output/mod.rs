//! Everything the tool writes: the [`Ui`] (stdout for data, stderr for notes, diagnostics and
//! errors), colour decisions, error printing in text and JSON, and the renderers in
//! [`human`] (tables, `key: value` blocks) and [`views`] (the JSON shapes).
//!
//! Writes to stdout return `io::Result` so a closed pipe (`onboardctl … | head`) reaches `main`
//! as an error and ends the run quietly; writes to stderr are best effort.

pub mod bar;
pub mod data;
pub mod env;
pub mod human;
pub mod transfer;
pub mod views;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::error::Error;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always colour human output (JSON is never coloured).
    Always,
    /// Never colour.
    Never,
}

/// Where output goes and how it looks, decided once from the global flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ui {
    /// `--json`: data as JSON on stdout, errors as JSON on stderr.
    pub json: bool,
    /// `-q`: no notes on stderr.
    pub quiet: bool,
    /// `-v` count: diagnostics on stderr.
    pub verbose: u8,
    color_stdout: bool,
    color_stderr: bool,
}

/// An ANSI style for [`Ui::paint_out`] and [`Ui::paint_err`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Bold, for headers and labels.
    Bold,
    /// Red, for errors and failed steps.
    Red,
    /// Yellow, for hints and pending work.
    Yellow,
    /// Green, for completed work.
    Green,
    /// Dim, for secondary text.
    Dim,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Bold => "1",
            Paint::Red => "1;31",
            Paint::Yellow => "33",
            Paint::Green => "32",
            Paint::Dim => "2",
        }
    }
}

fn paint(on: bool, style: Paint, text: &str) -> String {
    if on {
        format!("\x1b[{}m{text}\x1b[0m", style.code())
    } else {
        text.to_owned()
    }
}

impl Ui {
    /// Decides the output settings. `no_color` is the value of `NO_COLOR`: any non-empty
    /// value turns colour off under `--color auto`. JSON output is never coloured.
    pub fn new(
        json: bool,
        quiet: bool,
        verbose: u8,
        color: ColorChoice,
        no_color: Option<OsString>,
    ) -> Ui {
        let allowed = |tty: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && no_color.as_ref().is_none_or(|v| v.is_empty()),
        };
        Ui {
            json,
            quiet,
            verbose,
            color_stdout: !json && allowed(io::stdout().is_terminal()),
            color_stderr: !json && allowed(io::stderr().is_terminal()),
        }
    }

    /// Whether stdout output is coloured.
    pub fn color_stdout(&self) -> bool {
        self.color_stdout
    }

    /// `text` styled for stdout when colour is on there.
    pub fn paint_out(&self, style: Paint, text: &str) -> String {
        paint(self.color_stdout, style, text)
    }

    /// `text` styled for stderr when colour is on there.
    pub fn paint_err(&self, style: Paint, text: &str) -> String {
        paint(self.color_stderr, style, text)
    }

    /// A note on stderr ("created session …"), unless `--quiet`.
    pub fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            let _ = writeln!(io::stderr().lock(), "{}", message.as_ref());
        }
    }

    /// A warning on stderr (not silenced by `--quiet`).
    pub fn warn(&self, message: impl AsRef<str>) {
        let label = self.paint_err(Paint::Yellow, "warning:");
        let _ = writeln!(io::stderr().lock(), "{label} {}", message.as_ref());
    }

    /// A diagnostic on stderr when `-v` was given at least `level` times. Never pass a secret.
    pub fn debug(&self, level: u8, message: impl AsRef<str>) {
        if self.verbose >= level {
            let line = format!("debug: {}", message.as_ref());
            let _ = writeln!(io::stderr().lock(), "{}", self.paint_err(Paint::Dim, &line));
        }
    }

    /// Writes `text` to stdout, adding a final newline when it lacks one.
    pub fn out(&self, text: &str) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            stdout.write_all(b"\n")?;
        }
        stdout.flush()
    }

    /// Writes `value` to stdout as pretty-printed JSON and a newline.
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.out(&text)
    }

    /// Prints the view as JSON under `--json`, else the human rendering `human` builds.
    pub fn emit<T: Serialize + ?Sized>(
        &self,
        view: &T,
        human: impl FnOnce() -> String,
    ) -> io::Result<()> {
        if self.json {
            self.print_json(view)
        } else {
            self.out(&human())
        }
    }

    /// Reports `err` on stderr: `error: …`, detail lines, `hint: …`; under `--json` a single
    /// JSON object instead.
    pub fn report(&self, err: &Error) {
        let text = if self.json {
            error_json(
                err.kind.exit_code(),
                &err.kind,
                &err.message,
                &err.details,
                &err.hint,
            )
        } else {
            self.error_text(err)
        };
        let _ = writeln!(io::stderr().lock(), "{}", text.trim_end());
    }

    fn error_text(&self, err: &Error) -> String {
        let mut text = format!("{} {}\n", self.paint_err(Paint::Red, "error:"), err.message);
        for line in &err.details {
            text.push_str(&format!("  - {line}\n"));
        }
        if let Some(hint) = &err.hint {
            text.push_str(&format!(
                "{} {hint}\n",
                self.paint_err(Paint::Yellow, "hint:")
            ));
        }
        text
    }
}

/// The JSON error object of PRODUCT.md "Exit codes".
#[derive(Serialize)]
struct ErrorBody<'a, K: Serialize> {
    code: u8,
    kind: &'a K,
    message: &'a str,
    details: &'a [String],
    hint: &'a Option<String>,
}

/// The JSON error object of PRODUCT.md "Exit codes", on one line:
/// `{"error":{"code":N,"kind":…,"message":…,"details":[…],"hint":…}}`.
pub fn error_json(
    code: u8,
    kind: &impl Serialize,
    message: &str,
    details: &[String],
    hint: &Option<String>,
) -> String {
    #[derive(Serialize)]
    struct Wrapper<'a, K: Serialize> {
        error: ErrorBody<'a, K>,
    }
    let error = ErrorBody {
        code,
        kind,
        message,
        details,
        hint,
    };
    serde_json::to_string(&Wrapper { error }).unwrap_or_default()
}

/// Prints a clap parse error (or `--help` / `--version`) and returns the exit code: clap's
/// own, 2 for usage errors. When `--json` is among the arguments, a usage error is written as
/// the JSON error object instead of clap's text.
pub fn clap_error(err: clap::Error, json_requested: bool) -> u8 {
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    if json_requested && err.use_stderr() {
        let rendered = err.render().to_string();
        let message = rendered
            .lines()
            .next()
            .unwrap_or("usage error")
            .trim_start_matches("error: ")
            .to_owned();
        let hint = Some("onboardctl --help".to_owned());
        let text = error_json(code, &crate::error::ErrorKind::Usage, &message, &[], &hint);
        let _ = writeln!(io::stderr().lock(), "{text}");
    } else {
        let _ = err.print();
    }
    code
}
