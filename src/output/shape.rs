//! The shape of machine output, gh-style, applied to every JSON view in one place: `--json`
//! (the whole view), `--json=FIELD,…` (only these top-level keys, in this order), `--jq EXPR`
//! (the view through a jq filter, see [`super::jq`]) and `--format tsv` (one record a line,
//! tab-separated, no header). Commands build their `Serialize` view as before; [`super::Ui`]
//! sends it here.
//!
//! Field names are a view's top-level keys. A view that declares them ([`Fields`]) is
//! checked before the command runs (so a bad field changes nothing); any other view is
//! checked against the keys it serialized (an empty list then has none to check).

use std::io;

use super::inert::{escape, inert_json};
use super::node::Node;
use crate::error::Error;

/// How machine output is written: `--format json` (also `--json`) or `--format tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Tables and `key: value` blocks for people.
    #[default]
    Table,
    /// Tab-separated values: one record a line, no header.
    Tsv,
    /// JSON.
    Json,
}

/// What the output flags ask of machine output.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shape {
    /// Table, TSV or JSON.
    pub format: Format,
    /// `--json=FIELD,…`: the top-level keys to keep, in this order.
    pub fields: Option<Vec<String>>,
    /// `--jq EXPR` (JSON output filtered through jq).
    pub jq: Option<String>,
}

/// A view's top-level JSON keys, for `--json=FIELD,…` (checked by a unit test against what
/// the view serializes).
pub trait Fields {
    /// Every top-level key the view can have, in its order.
    const FIELDS: &'static [&'static str];
}

impl<T: Fields> Fields for Vec<T> {
    const FIELDS: &'static [&'static str] = T::FIELDS;
}

impl<T: Fields> Fields for [T] {
    const FIELDS: &'static [&'static str] = T::FIELDS;
}

impl Shape {
    /// Checks the asked fields against `valid` (exit 2 naming the valid ones).
    pub fn check_fields(&self, valid: &[&str]) -> Result<(), Error> {
        let Some(asked) = &self.fields else {
            return Ok(());
        };
        let unknown: Vec<&str> = asked
            .iter()
            .map(String::as_str)
            .filter(|f| !valid.contains(f))
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        let list = unknown
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Err(Error::usage(format!("unknown JSON field {list}"))
            .with_details(vec![format!("valid fields: {}", valid.join(", "))]))
    }

    /// The text of `value` as this shape writes it (ending in a newline, inert on a
    /// terminal), or the error of a bad field or a failing jq filter.
    pub fn render(&self, value: Node) -> Result<String, Error> {
        let value = self.select(value)?;
        if let Some(expr) = &self.jq {
            return super::jq::run(expr, &value);
        }
        Ok(match self.format {
            Format::Tsv => tsv(&value),
            Format::Table | Format::Json => {
                let mut text = value.pretty();
                text.push('\n');
                inert_json(text)
            }
        })
    }

    /// `value` keeping only the asked fields: of the object, or of each object in the
    /// array. Fields are checked against the keys found when the view declared none.
    pub fn select(&self, value: Node) -> Result<Node, Error> {
        let Some(fields) = &self.fields else {
            return Ok(value);
        };
        match value {
            Node::Object(entries) => {
                let found: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
                self.check_fields(&found)?;
                Ok(Node::Object(pick(entries, fields)))
            }
            Node::Array(items) => {
                let mut found: Vec<&str> = Vec::new();
                for item in &items {
                    if let Node::Object(entries) = item {
                        for (k, _) in entries {
                            if !found.contains(&k.as_str()) {
                                found.push(k);
                            }
                        }
                    }
                }
                if !items.is_empty() {
                    self.check_fields(&found)?;
                }
                Ok(Node::Array(
                    items
                        .into_iter()
                        .map(|item| match item {
                            Node::Object(entries) => Node::Object(pick(entries, fields)),
                            other => other,
                        })
                        .collect(),
                ))
            }
            other => Ok(other),
        }
    }

    /// Whether this is `--json` as it always was: the whole view, pretty-printed.
    pub fn is_plain_json(&self) -> bool {
        self.format == Format::Json && self.fields.is_none() && self.jq.is_none()
    }

    /// Whether the output can be written an element at a time (a streamed list): not
    /// through jq, which sees the whole array.
    pub fn streams(&self) -> bool {
        self.jq.is_none()
    }

    /// One element of a streamed array: its selected fields as TSV (one line), or as
    /// pretty JSON (not indented for the array; the stream does that).
    pub fn element(&self, value: Node) -> Result<String, Error> {
        let value = self.select(value)?;
        Ok(match self.format {
            Format::Tsv => tsv(&value),
            Format::Table | Format::Json => value.pretty(),
        })
    }
}

/// `map` reduced to `fields`, in their order (a field the map lacks is `null`).
fn pick(mut entries: Vec<(String, Node)>, fields: &[String]) -> Vec<(String, Node)> {
    fields
        .iter()
        .map(|f| {
            let at = entries.iter().position(|(k, _)| k == f);
            let value = at.map_or(Node::Null, |i| entries.swap_remove(i).1);
            (f.clone(), value)
        })
        .collect()
}

/// TSV: an array gives a line per element, anything else one line; an object's values in
/// key order, separated by tabs; no header.
pub fn tsv(value: &Node) -> String {
    let mut out = String::new();
    match value {
        Node::Array(items) => {
            for item in items {
                out.push_str(&tsv_line(item));
                out.push('\n');
            }
        }
        other => {
            out.push_str(&tsv_line(other));
            out.push('\n');
        }
    }
    out
}

fn tsv_line(value: &Node) -> String {
    match value {
        Node::Object(entries) => entries
            .iter()
            .map(|(_, v)| tsv_cell(v))
            .collect::<Vec<_>>()
            .join("\t"),
        other => tsv_cell(other),
    }
}

/// One TSV cell: null is empty, a string its text, an array or object compact JSON. A
/// backslash becomes `\\` and every control character its escape (`\t`, `\n`, `\e`, …), so
/// a cell never holds a tab or a newline and a line is always one record.
pub fn tsv_cell(value: &Node) -> String {
    let text = match value {
        Node::Null => String::new(),
        Node::String(s) => s.clone(),
        other => other.compact(),
    };
    escape(&text.replace('\\', "\\\\")).into_owned()
}

/// The `io::Error` that carries `err` out of a write (see [`crate::cli::Failure`]'s
/// conversion, which takes it back out), for renderers whose signature is `io::Result`.
pub fn carry(err: Error) -> io::Error {
    io::Error::other(err)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn node(v: serde_json::Value) -> Node {
        Node::of(&v).unwrap()
    }

    fn shape(fields: Option<&[&str]>, format: Format) -> Shape {
        Shape {
            format,
            fields: fields.map(|f| f.iter().map(|s| (*s).to_owned()).collect()),
            jq: None,
        }
    }

    #[test]
    fn selection_keeps_the_asked_keys_in_their_order() {
        let s = shape(Some(&["b", "a"]), Format::Json);
        let v = s.select(node(json!([{"a": 1, "b": 2, "c": 3}]))).unwrap();
        assert_eq!(v.compact(), r#"[{"b":2,"a":1}]"#);
    }

    #[test]
    fn an_unknown_field_is_a_usage_error_naming_the_valid_ones() {
        let s = shape(Some(&["a", "zz"]), Format::Json);
        let err = s.select(node(json!({"a": 1, "b": 2}))).unwrap_err();
        assert_eq!(err.kind, crate::error::ErrorKind::Usage);
        assert!(err.message.contains("`zz`"), "{}", err.message);
        assert_eq!(err.details, ["valid fields: a, b"]);
    }

    #[test]
    fn tsv_escapes_tabs_newlines_backslashes_and_terminal_controls() {
        let v: Node =
            serde_json::from_str(r#"[{"u": "a\tb\nc\\d\u001b[2J", "n": null, "x": [1]}]"#).unwrap();
        assert_eq!(tsv(&v), "a\\tb\\nc\\\\d\\e[2J\t\t[1]\n");
    }
}
