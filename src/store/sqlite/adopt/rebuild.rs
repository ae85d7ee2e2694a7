//! The schema phase on SQLite. SQLite cannot add a constraint to an existing table, so each
//! of ALwrity's tables that needs one is rebuilt by the documented procedure
//! (<https://sqlite.org/lang_altertable.html#otheralter>): create the new table under a
//! temporary name with our definition plus ALwrity's extra columns, copy every row (ids
//! kept), drop the old table, rename the new one, and recreate the old table's own indexes
//! and triggers. `foreign_keys` is off for the whole run (set before BEGIN by the caller),
//! so the drop neither cascades nor fails; `legacy_alter_table` is on, so the rename leaves
//! other tables' references, views and triggers alone.

use rusqlite::Connection;

use super::super::error::map_err;
use crate::store::adopt::inventory::{Catalog, ColumnShape, TableShape};
use crate::store::adopt::target::{self, quote, Table, TABLES};
use crate::store::adopt::AdoptionPlan;
use crate::store::{Backend, StoreError, StoreResult};

/// Creates the quarantine table.
pub(crate) fn quarantine_table(conn: &Connection) -> StoreResult<()> {
    conn.execute_batch(target::quarantine_sql(Backend::Sqlite))
        .map_err(map_err)
}

/// Creates, rebuilds and indexes as the plan says.
pub(crate) fn schema(conn: &Connection, plan: &AdoptionPlan, catalog: &Catalog) -> StoreResult<()> {
    let s = &plan.schema;
    for t in &TABLES {
        if s.create_tables.iter().any(|c| c.table == t.name) {
            let sql = target::create_sql(t, t.name, Backend::Sqlite, &[]);
            conn.execute_batch(&sql).map_err(map_err)?;
        } else if s.rebuild_tables.iter().any(|r| r == t.name) {
            let shape = catalog.tables.get(t.name).ok_or_else(|| {
                StoreError::Backend(format!("table `{}` vanished during adoption", t.name))
            })?;
            rebuild(conn, t, shape)?;
        }
    }
    for ix in &s.add_indexes {
        let cols: Vec<String> = ix.columns.iter().map(|c| quote(c)).collect();
        let sql = format!(
            "CREATE INDEX {} ON {} ({})",
            quote(&ix.name),
            quote(&ix.table),
            cols.join(", ")
        );
        conn.execute_batch(&sql).map_err(map_err)?;
    }
    Ok(())
}

/// ALwrity's extra column as a definition for the new table: name, declared type, NOT NULL
/// and default as they were.
fn extra_column(c: &ColumnShape) -> String {
    let mut out = quote(&c.name);
    if !c.sql_type.is_empty() {
        out.push(' ');
        out.push_str(&c.sql_type);
    }
    if c.not_null {
        out.push_str(" NOT NULL");
    }
    if let Some(d) = &c.default {
        out.push_str(&format!(" DEFAULT {d}"));
    }
    out
}

fn rebuild(conn: &Connection, t: &Table, shape: &TableShape) -> StoreResult<()> {
    let saved = own_objects(conn, t.name)?;
    let extras: Vec<_> = shape
        .columns
        .iter()
        .filter(|c| c.name != "id" && t.column(&c.name).is_none())
        .collect();
    let definitions: Vec<String> = extras.iter().map(|c| extra_column(c)).collect();
    let temp = format!("{}__onboardctl_adopt", t.name);
    conn.execute_batch(&target::create_sql(t, &temp, Backend::Sqlite, &definitions))
        .map_err(map_err)?;
    let mut copied = vec!["id".to_owned()];
    copied.extend(
        t.columns
            .iter()
            .filter(|c| shape.column(c.name).is_some())
            .map(|c| c.name.to_owned()),
    );
    copied.extend(extras.iter().map(|c| c.name.clone()));
    let cols: Vec<String> = copied.iter().map(|c| quote(c)).collect();
    let cols = cols.join(", ");
    let sql = format!(
        "INSERT INTO {temp_q} ({cols}) SELECT {cols} FROM {old};\n\
         DROP TABLE {old};\n\
         ALTER TABLE {temp_q} RENAME TO {old};",
        temp_q = quote(&temp),
        old = quote(t.name),
    );
    conn.execute_batch(&sql).map_err(map_err)?;
    for sql in saved {
        conn.execute_batch(&sql).map_err(map_err)?;
    }
    Ok(())
}

/// The SQL of the indexes and triggers a table carries (dropped with it; recreated after).
fn own_objects(conn: &Connection, table: &str) -> StoreResult<Vec<String>> {
    let mut st = conn
        .prepare(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ?1 \
             AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
        )
        .map_err(map_err)?;
    st.query_map([table], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(map_err)
}
