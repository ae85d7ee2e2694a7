//! `session list` written as it is read, for lists longer than one page: the rows arrive a
//! page at a time ([`crate::service::Service::list_sessions_paged`]) and leave the same way,
//! so memory stays flat however many rows there are. JSON is the same pretty-printed array
//! `--json` prints for a short list (`--json=FIELD,…` selects in each element), TSV a line
//! per row; the table takes its column widths from the first page, fitted to the terminal
//! (a later, wider cell is cut to its column's width when the table was fitted, else widens
//! only its own line) and has no colours. `--jq` does not stream (it sees the whole array).

use std::io;

use unicode_width::UnicodeWidthStr;

use super::human::{fit_widths, percent, table_width, time, truncate};
use super::inert::escape;
use super::node::Node;
use super::views::{lifecycle_name, SessionRowView};
use super::{shape, Format, Ui};
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
    /// Cells are cut to `widths` (the table was narrowed to the terminal).
    cut: bool,
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
        let floors = HEADERS.map(str::len);
        // Only the user id is free text here (the first page decides, as for the widths).
        let free = [true, false, false, false, false, false];
        let fitted = table_width().map(|w| fit_widths(&widths, &floors, &free, w));
        let cut = fitted
            .as_ref()
            .is_some_and(|f| f.as_slice() != widths.as_slice());
        if let Some(f) = fitted {
            widths.copy_from_slice(&f);
        }
        let mut stream = SessionListStream {
            ui,
            widths,
            cut,
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
        let tsv = self.ui.shape.format == Format::Tsv;
        for r in rows {
            if tsv {
                let node = Node::of(&SessionRowView::from(r)).map_err(io::Error::other)?;
                text.push_str(&self.ui.shape.element(node).map_err(shape::carry)?);
            } else if self.ui.json {
                let element = self.element(r)?;
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

    /// One row as a pretty JSON element: the whole view, or the selected fields.
    fn element(&self, r: &SessionSummary) -> io::Result<String> {
        let view = SessionRowView::from(r);
        if self.ui.shape.fields.is_none() {
            return serde_json::to_string_pretty(&view).map_err(io::Error::other);
        }
        let node = Node::of(&view).map_err(io::Error::other)?;
        self.ui.shape.element(node).map_err(shape::carry)
    }

    /// Ends the output (under `--json` the array's closing).
    pub fn finish(self) -> io::Result<()> {
        if self.ui.shape.format == Format::Tsv {
            return Ok(());
        }
        match (self.ui.json, self.rows) {
            (true, 0) => self.ui.out_json_fragment("[]\n"),
            (true, _) => self.ui.out_json_fragment("\n]\n"),
            (false, _) => Ok(()),
        }
    }

    fn line(&self, cells: &[String; 6]) -> String {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c = if self.cut {
                truncate(c, self.widths[i])
            } else {
                c.as_str().into()
            };
            let c = c.as_ref();
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
