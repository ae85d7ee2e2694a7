//! Reading an ALwrity SQLite database for adoption: detection, the catalog (through the
//! `pragma_*` table-valued functions), session rows, child-row metadata, and the stored
//! timestamps that are not in our canonical text form. Values are read leniently: whatever
//! ALwrity (or a hand-edited file) stored, the planner gets a value or `None`.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use super::super::convert::{parse_ts, ts_text};
use super::super::error::map_err;
use crate::domain::Timestamp;
use crate::store::adopt::inventory::{
    Catalog, Child, ChildRow, ColumnShape, ForeignKey, Inventory, SessionRow, TableShape,
};
use crate::store::adopt::target::{quote, TABLES};
use crate::store::adopt::ValueRewrite;
use crate::store::StoreResult;

const TABLE_EXISTS: &str = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1";

/// Whether this is an ALwrity database to adopt: `onboarding_sessions` exists and no
/// migration is recorded (no history table, or an empty one left by a failed first run).
pub(crate) fn detect(conn: &Connection) -> StoreResult<bool> {
    let exists = |name: &str| -> StoreResult<bool> {
        conn.query_row(TABLE_EXISTS, [name], |r| r.get::<_, i64>(0))
            .map(|n| n > 0)
            .map_err(map_err)
    };
    if !exists("onboarding_sessions")? {
        return Ok(false);
    }
    if !exists("refinery_schema_history")? {
        return Ok(true);
    }
    let recorded: i64 = conn
        .query_row("SELECT count(*) FROM refinery_schema_history", [], |r| {
            r.get(0)
        })
        .map_err(map_err)?;
    Ok(recorded == 0)
}

/// Everything the planner needs.
pub(crate) fn inventory(conn: &Connection) -> StoreResult<Inventory> {
    let catalog = catalog(conn)?;
    let sessions = sessions(conn, &catalog)?;
    let children = children(conn, &catalog)?;
    let rewrites = rewrites(conn, &catalog)?;
    Ok(Inventory {
        catalog,
        sessions,
        children,
        rewrites,
    })
}

fn strings(conn: &Connection, sql: &str, arg: &str) -> StoreResult<Vec<String>> {
    let mut st = conn.prepare(sql).map_err(map_err)?;
    let rows = st.query_map([arg], |r| r.get::<_, String>(0));
    rows.and_then(Iterator::collect).map_err(map_err)
}

fn catalog(conn: &Connection) -> StoreResult<Catalog> {
    let mut st = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .map_err(map_err)?;
    let names: Vec<String> = st
        .query_map([], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(map_err)?;
    let mut catalog = Catalog::default();
    // `sqlite_sequence` and friends are SQLite's own.
    for name in names.into_iter().filter(|n| !n.starts_with("sqlite_")) {
        let shape = table_shape(conn, &name)?;
        catalog.tables.insert(name, shape);
    }
    Ok(catalog)
}

fn table_shape(conn: &Connection, table: &str) -> StoreResult<TableShape> {
    let mut st = conn
        .prepare("SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info(?1)")
        .map_err(map_err)?;
    let columns = st
        .query_map([table], |r| {
            Ok(ColumnShape {
                name: r.get(0)?,
                sql_type: r.get(1)?,
                not_null: r.get::<_, i64>(2)? != 0,
                default: r.get(3)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(map_err)?;
    let indexes = strings(conn, "SELECT name FROM pragma_index_list(?1)", table)?;
    let mut uniques = Vec::new();
    let unique_sql = "SELECT name FROM pragma_index_list(?1) WHERE \"unique\" AND origin <> 'pk'";
    for index in strings(conn, unique_sql, table)? {
        let sql = "SELECT name FROM pragma_index_info(?1) ORDER BY seqno";
        uniques.push(strings(conn, sql, &index)?);
    }
    Ok(TableShape {
        columns,
        uniques,
        foreign_keys: foreign_keys(conn, table)?,
        checks: Vec::new(),
        indexes,
    })
}

fn foreign_keys(conn: &Connection, table: &str) -> StoreResult<Vec<ForeignKey>> {
    let mut st = conn
        .prepare(
            "SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list(?1) \
             WHERE seq = 0",
        )
        .map_err(map_err)?;
    st.query_map([table], |r| {
        Ok(ForeignKey {
            name: None,
            column: r.get(0)?,
            references: r.get(1)?,
            cascade: r.get::<_, String>(2)?.eq_ignore_ascii_case("CASCADE"),
        })
    })
    .and_then(Iterator::collect)
    .map_err(map_err)
}

/// `"column"` when `table` has it, else `NULL`.
fn col_or_null(shape: &TableShape, column: &str) -> String {
    shape
        .column(column)
        .map_or_else(|| "NULL".to_owned(), |c| quote(&c.name))
}

fn sessions(conn: &Connection, catalog: &Catalog) -> StoreResult<Vec<SessionRow>> {
    let shape = &catalog.tables["onboarding_sessions"];
    let cols = [
        "user_id",
        "current_step",
        "progress",
        "started_at",
        "updated_at",
    ]
    .map(|c| col_or_null(shape, c));
    let sql = format!("SELECT id, {} FROM onboarding_sessions", cols.join(", "));
    let mut st = conn.prepare(&sql).map_err(map_err)?;
    let rows = st.query_map([], |r| {
        Ok(SessionRow {
            id: r.get(0)?,
            user_id: text(r, 1)?,
            current_step: int(r, 2)?,
            progress: real(r, 3)?,
            started_at: timestamp(r, 4)?,
            updated_at: timestamp(r, 5)?,
        })
    });
    rows.and_then(Iterator::collect).map_err(map_err)
}

fn children(conn: &Connection, catalog: &Catalog) -> StoreResult<Vec<ChildRow>> {
    let mut out = Vec::new();
    for child in Child::ALL {
        let Some(shape) = catalog.tables.get(child.table()) else {
            continue;
        };
        let provider = match child {
            Child::ApiKeys => col_or_null(shape, "provider"),
            _ => "NULL".to_owned(),
        };
        let evidence = match child {
            Child::WebsiteAnalyses => "trim(coalesce(website_url, '')) <> ''",
            _ => "1",
        };
        let sql = format!(
            "SELECT id, {}, {provider}, {}, {evidence} FROM {}",
            col_or_null(shape, "session_id"),
            col_or_null(shape, "updated_at"),
            quote(child.table())
        );
        let mut st = conn.prepare(&sql).map_err(map_err)?;
        let rows = st.query_map([], |r| {
            Ok(ChildRow {
                table: child,
                id: r.get(0)?,
                session_id: int(r, 1)?,
                provider: text(r, 2)?,
                updated_at: timestamp(r, 3)?,
                evidence: r.get::<_, i64>(4)? != 0,
            })
        });
        out.extend(
            rows.and_then(Iterator::collect::<Result<Vec<_>, _>>)
                .map_err(map_err)?,
        );
    }
    Ok(out)
}

/// Every stored timestamp of our columns that is not canonical text: to canonical text when
/// readable (naive values are UTC), to NULL when not.
fn rewrites(conn: &Connection, catalog: &Catalog) -> StoreResult<Vec<ValueRewrite>> {
    let mut out = Vec::new();
    for t in &TABLES {
        let Some(shape) = catalog.tables.get(t.name) else {
            continue;
        };
        for c in t.columns.iter().filter(|c| c.sqlite == "DATETIME") {
            if shape.column(c.name).is_none() {
                continue;
            }
            let sql = format!(
                "SELECT id, {0} FROM {1} WHERE {0} IS NOT NULL ORDER BY id",
                quote(c.name),
                quote(t.name)
            );
            let mut st = conn.prepare(&sql).map_err(map_err)?;
            let mut rows = st.query([]).map_err(map_err)?;
            while let Some(r) = rows.next().map_err(map_err)? {
                if let Some((from, to)) = canonical(r.get_ref(1).map_err(map_err)?) {
                    out.push(ValueRewrite {
                        table: t.name.to_owned(),
                        column: c.name.to_owned(),
                        id: r.get(0).map_err(map_err)?,
                        from,
                        to,
                    });
                }
            }
        }
    }
    Ok(out)
}

/// `None` when the value is canonical already; else (shown value, new value).
fn canonical(v: ValueRef<'_>) -> Option<(String, Option<String>)> {
    match v {
        ValueRef::Text(b) => {
            let s = String::from_utf8_lossy(b).into_owned();
            let to = parse_ts(&s).map(ts_text);
            (to.as_deref() != Some(s.as_str())).then_some((s, to))
        }
        ValueRef::Integer(secs) => {
            let to = Timestamp::from_unix_timestamp(secs).ok().map(ts_text);
            Some((secs.to_string(), to))
        }
        ValueRef::Real(f) => Some((f.to_string(), None)),
        ValueRef::Blob(_) => Some(("<blob>".to_owned(), None)),
        ValueRef::Null => None,
    }
}

fn text(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<String>> {
    Ok(match r.get_ref(i)? {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(b) | ValueRef::Blob(b) => Some(String::from_utf8_lossy(b).into_owned()),
    })
}

fn int(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    Ok(match r.get_ref(i)? {
        ValueRef::Integer(n) => Some(n),
        ValueRef::Real(f) if f.is_finite() => Some(f.trunc() as i64),
        ValueRef::Text(b) => std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.trim().parse().ok()),
        _ => None,
    })
}

fn real(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<f64>> {
    let v = match r.get_ref(i)? {
        ValueRef::Integer(n) => Some(n as f64),
        ValueRef::Real(f) => Some(f),
        ValueRef::Text(b) => std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.trim().parse().ok()),
        _ => None,
    };
    Ok(v.filter(|f: &f64| f.is_finite()))
}

fn timestamp(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Timestamp>> {
    Ok(match r.get_ref(i)? {
        ValueRef::Text(b) => std::str::from_utf8(b).ok().and_then(parse_ts),
        ValueRef::Integer(secs) => Timestamp::from_unix_timestamp(secs).ok(),
        _ => None,
    })
}
