//! `session list` written as it is read, for lists longer than one page: the rows arrive a
//! page at a time ([`crate::service::Service::list_sessions_paged`]) and leave the same way,
//! so memory stays flat however many rows there are. JSON is the same pretty-printed array
//! `--json` prints for a short list; the table takes its column widths from the first page
//! (a later, wider cell widens only its own line) and has no colours.

use std::io;

use unicode_width::UnicodeWidthStr;

use super::human::{percent, time};
use super::inert::escape;
use super::views::{lifecycle_name, SessionRowView};
use super::Ui;
use crate::store::SessionSummary;

const HEADERS: [&str; 6] = [
    "USER_ID",
    "STATUS",
    "STEP",
    "PROGRESS",
    "STARTED_AT",
    "UPDATED_AT",
];

/// Columns aligned right (numbers).
const RIGHT: [bool; 6] = [false, false, true, true, false, false];

/// A `session list` being written.
pub struct SessionListStream<'a> {
    ui: &'a Ui,
    widths: [usize; 6],
    rows: u64,
}

fn cells(r: &SessionSummary) -> [String; 6] {
    let s = &r.session;
    [
        escape(s.user_id.as_str()).into_owned(),
        lifecycle_name(r.lifecycle).to_owned(),
        s.current_step.to_string(),
        percent(s.progress),
        time(s.started_at),
        time(s.updated_at),
    ]
}

impl<'a> SessionListStream<'a> {
    /// Starts the output with `first`, the first page (its header, under `--json` the
    /// array's opening).
    pub fn start(ui: &'a Ui, first: &[SessionSummary]) -> io::Result<SessionListStream<'a>> {
        let mut widths = HEADERS.map(str::len);
        for r in first {
            for (w, c) in widths.iter_mut().zip(cells(r)) {
                *w = (*w).max(c.width());
            }
        }
        let mut stream = SessionListStream {
            ui,
            widths,
            rows: 0,
        };
        if !ui.json {
            let header = HEADERS.map(str::to_owned);
            ui.out(&stream.line(&header))?;
        }
        stream.page(first)?;
        Ok(stream)
    }

    /// Writes a page of rows.
    pub fn page(&mut self, rows: &[SessionSummary]) -> io::Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        for r in rows {
            if self.ui.json {
                let element = serde_json::to_string_pretty(&SessionRowView::from(r))
                    .map_err(io::Error::other)?;
                text.push_str(if self.rows == 0 { "[\n" } else { ",\n" });
                let indented: Vec<String> = element.lines().map(|l| format!("  {l}")).collect();
                text.push_str(&indented.join("\n"));
            } else {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&self.line(&cells(r)));
            }
            self.rows += 1;
        }
        if self.ui.json {
            self.ui.out_json_fragment(&text)
        } else {
            self.ui.out(&text)
        }
    }

    /// Ends the output (under `--json` the array's closing).
    pub fn finish(self) -> io::Result<()> {
        match (self.ui.json, self.rows) {
            (true, 0) => self.ui.out_json_fragment("[]\n"),
            (true, _) => self.ui.out_json_fragment("\n]\n"),
            (false, _) => Ok(()),
        }
    }

    fn line(&self, cells: &[String; 6]) -> String {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = self.widths[i].saturating_sub(c.width());
            let last = i == cells.len() - 1;
            if RIGHT[i] {
                out.push_str(&" ".repeat(pad));
                out.push_str(c);
            } else {
                out.push_str(c);
                if !last {
                    out.push_str(&" ".repeat(pad));
                }
            }
            if !last {
                out.push_str("  ");
            }
        }
        out
    }
}
