//! Everything the tool writes: the [`Ui`] (stdout for data, stderr for notes, diagnostics and
//! errors), colour decisions, error printing in text and JSON, and the renderers in
//! [`human`] (tables, `key: value` blocks) and [`views`] (the JSON shapes). Text from data or
//! input is escaped by [`inert`] on every one of these paths (JSON keeps the exact value).
//!
//! Writes to stdout return `io::Result` so a closed pipe (`onboardctl … | head`) reaches `main`
//! as an error and ends the run quietly; writes to stderr are best effort.

pub mod audit;
pub mod bar;
pub mod data;
pub mod doctor;
pub mod env;
mod hint;
pub mod human;
pub mod inert;
pub mod jq;
pub mod node;
pub mod report;
pub mod shape;
pub mod stream;
pub mod transfer;
pub mod views;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::error::Error;
use inert::{escape, escape_rendered, inert_json};
pub use shape::{Format, Shape};

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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ui {
    /// `--json`: data as JSON on stdout, errors as JSON on stderr.
    pub json: bool,
    /// `-q`: no notes on stderr.
    pub quiet: bool,
    /// `-v` count: diagnostics on stderr.
    pub verbose: u8,
    color_stdout: bool,
    color_stderr: bool,
    /// `--database-url '…'` (redacted, shell-quoted) when the URL came from that flag, for
    /// the commands that hints suggest.
    hint_url: Option<String>,
    /// How machine output is shaped (`--json=FIELD,…`, `--jq`, `--format`).
    pub shape: Shape,
    /// Errors as the JSON object (`--json`, `--format json`, `--jq`), else as text.
    json_errors: bool,
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
            hint_url: None,
            shape: Shape {
                format: if json { Format::Json } else { Format::Table },
                ..Shape::default()
            },
            json_errors: json,
        }
    }

    /// Makes machine output take `shape`: data as views (JSON, TSV, through jq) whenever
    /// the format is not a table, errors as JSON when the output is JSON.
    pub fn with_shape(mut self, shape: Shape) -> Ui {
        let json = shape.format != Format::Table || shape.jq.is_some();
        self.json_errors = shape.format == Format::Json || shape.jq.is_some();
        if json {
            self.color_stdout = false;
            self.color_stderr = self.color_stderr && !self.json_errors;
        }
        self.json = json;
        self.shape = shape;
        self
    }

    /// Makes the commands that error hints suggest repeat `--database-url URL` (password
    /// redacted, quoted for the shell), so a copied hint acts on the same database. Only for
    /// a URL given with the flag: one from the environment is in the environment already.
    pub fn with_database_url(mut self, flag: Option<&str>) -> Ui {
        self.hint_url = flag.map(|url| {
            let redacted = crate::config::redact(url);
            format!("--database-url {}", crate::error::shell_word(&redacted))
        });
        self
    }

    /// Whether errors are written as the JSON object (JSON output: `--json`, `--format
    /// json`, `--jq`); stderr then holds nothing else.
    pub fn json_errors(&self) -> bool {
        self.json_errors
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

    /// A note on stderr ("created session …"), unless `--quiet`. One line: the message is
    /// escaped whole.
    pub fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            let _ = writeln!(io::stderr().lock(), "{}", escape(message.as_ref()));
        }
    }

    /// A warning on stderr (not silenced by `--quiet`), escaped.
    pub fn warn(&self, message: impl AsRef<str>) {
        let label = self.paint_err(Paint::Yellow, "warning:");
        let _ = writeln!(io::stderr().lock(), "{label} {}", escape(message.as_ref()));
    }

    /// A diagnostic on stderr when `-v` was given at least `level` times, escaped. Never pass
    /// a secret.
    pub fn debug(&self, level: u8, message: impl AsRef<str>) {
        if self.verbose >= level {
            let line = format!("debug: {}", escape(message.as_ref()));
            let _ = writeln!(io::stderr().lock(), "{}", self.paint_err(Paint::Dim, &line));
        }
    }

    /// Writes rendered output to stdout, adding a final newline when it lacks one. The
    /// renderers have escaped their data; [`inert::escape_rendered`] is the net behind them
    /// (it passes the layout's newlines and our colour codes, nothing else).
    pub fn out(&self, text: &str) -> io::Result<()> {
        write_stdout(&escape_rendered(text))
    }

    /// Writes `text` to stdout exactly as it is: only for `key get --reveal`, whose value a
    /// script captures byte for byte.
    pub fn out_exact(&self, text: &str) -> io::Result<()> {
        write_stdout(text)
    }

    /// Writes `value` to stdout as pretty-printed JSON and a newline (see
    /// [`inert::inert_json`]: exact values, nothing a terminal acts on).
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        if self.shape.is_plain_json() {
            let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
            return write_stdout(&inert_json(text));
        }
        let node = node::Node::of(value).map_err(io::Error::other)?;
        let text = self.shape.render(node).map_err(shape::carry)?;
        let mut stdout = io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()
    }

    /// Writes part of a JSON document being streamed ([`stream`]), as it is (no newline
    /// added), made inert like every JSON output.
    pub fn out_json_fragment(&self, text: &str) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        stdout.write_all(inert_json(text.to_owned()).as_bytes())?;
        stdout.flush()
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

    /// Reports `err` on stderr: `error: …`, detail lines, `hint: …`, each escaped; under
    /// `--json` a single JSON object instead. The one place hints get `--database-url`.
    pub fn report(&self, err: &Error) {
        let hint = err.hint.as_deref().map(|h| self.hint_text(h));
        let text = if self.json_errors {
            error_json(
                err.kind.exit_code(),
                &err.kind,
                &err.message,
                &err.details,
                &hint,
            )
        } else {
            self.error_text(err, hint.as_deref())
        };
        let _ = writeln!(io::stderr().lock(), "{}", text.trim_end());
    }

    fn error_text(&self, err: &Error, hint: Option<&str>) -> String {
        let label = self.paint_err(Paint::Red, "error:");
        let mut text = format!("{label} {}\n", escape(&err.message));
        for line in &err.details {
            text.push_str(&format!("  - {}\n", escape(line)));
        }
        if let Some(hint) = hint {
            let label = self.paint_err(Paint::Yellow, "hint:");
            text.push_str(&format!("{label} {}\n", escape(hint)));
        }
        text
    }

    /// `hint` with `--database-url …` after every `onboardctl` that starts a suggested
    /// command, when the URL came from the flag and the hint does not name a URL itself.
    fn hint_text(&self, hint: &str) -> String {
        match &self.hint_url {
            Some(flag) if !hint.contains("--database-url") => hint::with_flag(hint, flag),
            _ => hint.to_owned(),
        }
    }
}

/// Writes `text` and a final newline when it lacks one, and flushes.
fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        stdout.write_all(b"\n")?;
    }
    stdout.flush()
}

/// The JSON error object of README "Exit codes".
#[derive(Serialize)]
struct ErrorBody<'a, K: Serialize> {
    code: u8,
    kind: &'a K,
    message: &'a str,
    details: &'a [String],
    hint: &'a Option<String>,
}

/// The JSON error object of README "Exit codes", on one line:
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
    inert_json(serde_json::to_string(&Wrapper { error }).unwrap_or_default())
}

/// Prints a clap parse error (or `--help` / `--version`) and returns the exit code: clap's
/// own, 2 for usage errors. When `--json` is among the arguments, a usage error is written as
/// the JSON error object instead of clap's text. clap quotes the offending argument, so its
/// text goes through the same net as our output.
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
        let details = clap_details(&err);
        let text = error_json(
            code,
            &crate::error::ErrorKind::Usage,
            &message,
            &details,
            &hint,
        );
        let _ = writeln!(io::stderr().lock(), "{text}");
    } else if err.use_stderr() {
        let styled = err.render();
        let text = if io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            styled.ansi().to_string()
        } else {
            styled.to_string()
        };
        let _ = write!(io::stderr().lock(), "{}", escape_rendered(&text));
    } else {
        let _ = err.print();
    }
    code
}

/// What clap knows about a usage error beyond its first line, as `details` lines: the
/// argument, the value it got, the possible values, and its "did you mean" suggestions.
pub fn clap_details(err: &clap::Error) -> Vec<String> {
    use clap::error::{ContextKind as K, ContextValue as V};
    let text = |v: &V| match v {
        V::String(s) => format!("`{s}`"),
        V::Strings(list) => list
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        V::StyledStr(s) => format!("`{s}`"),
        V::StyledStrs(list) => list
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        V::Number(n) => n.to_string(),
        V::Bool(b) => b.to_string(),
        V::None => String::new(),
        _ => String::new(),
    };
    let mut out = Vec::new();
    for (kind, value) in err.context() {
        let label = match kind {
            K::InvalidArg => "argument",
            K::InvalidSubcommand => "subcommand",
            K::InvalidValue => "value",
            K::ValidValue => "possible values",
            K::ValidSubcommand => "possible subcommands",
            K::PriorArg => "conflicts with",
            K::SuggestedArg | K::SuggestedSubcommand | K::SuggestedValue => "did you mean",
            K::SuggestedCommand => "did you mean the command",
            K::ExpectedNumValues => "expected values",
            K::ActualNumValues => "got values",
            K::MinValues => "at least",
            K::Custom => "note",
            _ => continue,
        };
        let shown = text(value);
        if !shown.is_empty() {
            out.push(format!("{label}: {shown}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_keep_the_argument_values_and_suggestions() {
        use clap::Parser;
        let err = crate::Cli::try_parse_from(["onboardctl", "session", "list", "--status", "x"])
            .unwrap_err();
        let details = clap_details(&err);
        assert!(
            details.iter().any(|d| d.starts_with("argument: `--status")),
            "{details:?}"
        );
        assert!(details.contains(&"value: `x`".to_owned()), "{details:?}");
        assert!(
            details
                .iter()
                .any(|d| d.starts_with("possible values: `not-started`")),
            "{details:?}"
        );
        let err = crate::Cli::try_parse_from(["onboardctl", "session", "list", "--stauts", "x"])
            .unwrap_err();
        assert!(
            clap_details(&err).contains(&"did you mean: `--status`".to_owned()),
            "{:?}",
            clap_details(&err)
        );
    }

    #[test]
    fn error_text_escapes_message_details_and_hint() {
        let err = Error::usage("bad `\x1b]52;c;eA==\x07`")
            .with_details(vec!["\u{202e}evil".into()])
            .with_hint("x\u{9b}2J");
        let text = Ui::default().error_text(&err, err.hint.as_deref());
        assert_eq!(
            text,
            "error: bad `\\e]52;c;eA==\\u{7}`\n  - \\u{202e}evil\nhint: x\\u{9b}2J\n"
        );
    }
}
