//! The progress bar of long runs (`import`, `import legacy-json`, `export`, `db copy`, `db
//! migrate` and `db repair` across a workspace): an
//! indicatif bar on stderr, shown only when stderr is a terminal and neither `--quiet` nor
//! `--json` was given. Otherwise every method does nothing, so output off a terminal is
//! exactly what it would be without a bar. Dropping the bar clears it, so an error printed
//! afterwards starts on a clean line.

use std::io::{self, IsTerminal};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Ui;

/// A progress bar that may be hidden.
#[derive(Debug)]
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar for `total` items (a counting spinner when unknown), labelled `what`.
    pub fn new(ui: &Ui, total: Option<u64>, what: &'static str) -> Bar {
        if ui.json || ui.quiet || !io::stderr().is_terminal() {
            return Bar(None);
        }
        let template = if total.is_some() {
            "{spinner} {msg} [{bar:30}] {human_pos}/{human_len} ({elapsed}, eta {eta})"
        } else {
            "{spinner} {msg} {human_pos} ({elapsed})"
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr())
            .with_style(style)
            .with_message(what);
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar(Some(bar))
    }

    /// One more item done.
    pub fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// `done` of `total` items (a run that learns its total as it goes).
    pub fn at(&self, done: u64, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
            bar.set_position(done);
        }
    }

    /// Runs `f` (which prints) with the bar lifted off the terminal.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
