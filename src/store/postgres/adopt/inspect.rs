//! Reading an ALwrity PostgreSQL database for adoption: detection, the catalog of the current
//! schema (columns, unique indexes, foreign keys, checks, indexes), session rows and child-row
//! metadata. Every catalog query is limited to `current_schema()`, the schema our unqualified
//! statements resolve to. Columns are cast on the way out, so ALwrity's types (`integer` or
//! `varchar` user ids, `timestamp` or `timestamptz`) all read the same.

use postgres::{GenericClient, Row};

use super::super::convert::{get, ts_at};
use super::super::error::classify;
use crate::store::adopt::inventory::{
    Catalog, Child, ChildRow, ColumnShape, ForeignKey, Inventory, SessionRow, TableShape,
};
use crate::store::adopt::target::quote;
use crate::store::StoreResult;

const NAMESPACE: &str = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())";

/// One unnamed statement (`query_typed`): a named prepared statement, as `query` makes, would
/// outlive the transaction on a pooled server connection and collide with the next client's.
fn query(c: &mut impl GenericClient, sql: &str) -> StoreResult<Vec<Row>> {
    c.query_typed(sql, &[]).map_err(|e| classify(&e))
}

/// Whether this is an ALwrity database to adopt: `onboarding_sessions` exists in the current
/// schema and no migration is recorded (no history table, or an empty one).
pub(crate) fn detect(c: &mut impl GenericClient) -> StoreResult<bool> {
    let sql = "SELECT \
         EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() \
                 AND tablename = 'onboarding_sessions'), \
         EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() \
                 AND tablename = 'refinery_schema_history')";
    let row = &query(c, sql)?[0];
    let (sessions, history): (bool, bool) = (get(row, 0)?, get(row, 1)?);
    if !sessions {
        return Ok(false);
    }
    if !history {
        return Ok(true);
    }
    let rows = query(c, "SELECT count(*) FROM refinery_schema_history")?;
    Ok(get::<i64>(&rows[0], 0)? == 0)
}

/// Everything the planner needs (PostgreSQL values are typed: no rewrites).
pub(crate) fn inventory(c: &mut impl GenericClient) -> StoreResult<Inventory> {
    let catalog = catalog(c)?;
    let sessions = sessions(c, &catalog)?;
    let children = children(c, &catalog)?;
    Ok(Inventory {
        catalog,
        sessions,
        children,
        rewrites: Vec::new(),
    })
}

fn catalog(c: &mut impl GenericClient) -> StoreResult<Catalog> {
    let mut catalog = Catalog::default();
    let tables = "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()";
    for row in query(c, tables)? {
        catalog.tables.insert(get(&row, 0)?, TableShape::default());
    }
    let columns = format!(
        "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod), \
         a.attnotnull, pg_get_expr(d.adbin, d.adrelid) \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
         WHERE c.relnamespace = {NAMESPACE} AND c.relkind = 'r' \
         AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
    );
    for row in query(c, &columns)? {
        let shape = shape(&mut catalog, &row)?;
        shape.columns.push(ColumnShape {
            name: get(&row, 1)?,
            sql_type: get(&row, 2)?,
            not_null: get(&row, 3)?,
            default: get(&row, 4)?,
        });
    }
    uniques(c, &mut catalog)?;
    constraints(c, &mut catalog)?;
    let indexes = "SELECT tablename::text, indexname::text FROM pg_indexes \
                   WHERE schemaname = current_schema()";
    for row in query(c, indexes)? {
        let name = get(&row, 1)?;
        shape(&mut catalog, &row)?.indexes.push(name);
    }
    Ok(catalog)
}

/// The table named in column 0 of `row`.
fn shape<'a>(catalog: &'a mut Catalog, row: &Row) -> StoreResult<&'a mut TableShape> {
    let name: String = get(row, 0)?;
    Ok(catalog.tables.entry(name).or_default())
}

fn uniques(c: &mut impl GenericClient, catalog: &mut Catalog) -> StoreResult<()> {
    let sql = format!(
        "SELECT t.relname::text, array_agg(a.attname::text ORDER BY k.ord) \
         FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid \
         CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
         WHERE t.relnamespace = {NAMESPACE} AND x.indisunique AND NOT x.indisprimary \
         AND x.indpred IS NULL GROUP BY t.relname, x.indexrelid"
    );
    for row in query(c, &sql)? {
        let columns = get(&row, 1)?;
        shape(catalog, &row)?.uniques.push(columns);
    }
    Ok(())
}

fn constraints(c: &mut impl GenericClient, catalog: &mut Catalog) -> StoreResult<()> {
    let sql = format!(
        "SELECT t.relname::text, con.conname::text, con.contype::text, a.attname::text, \
         r.relname::text, con.confdeltype = 'c' \
         FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid \
         LEFT JOIN pg_class r ON r.oid = con.confrelid \
         LEFT JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1] \
         WHERE t.relnamespace = {NAMESPACE} AND (con.contype = 'c' \
           OR (con.contype = 'f' AND cardinality(con.conkey) = 1))"
    );
    for row in query(c, &sql)? {
        let name: String = get(&row, 1)?;
        let kind: String = get(&row, 2)?;
        let table = shape(catalog, &row)?;
        if kind == "c" {
            table.checks.push(name);
        } else {
            table.foreign_keys.push(ForeignKey {
                name: Some(name),
                column: get(&row, 3)?,
                references: get(&row, 4)?,
                cascade: get(&row, 5)?,
            });
        }
    }
    Ok(())
}

/// `"column"::cast` when `table` has it, else `NULL::cast`.
fn col(shape: &TableShape, column: &str, cast: &str) -> String {
    match shape.column(column) {
        Some(c) => format!("{}::{cast}", quote(&c.name)),
        None => format!("NULL::{cast}"),
    }
}

/// A timestamp column as stored (`timestamp` or `timestamptz`; `ts_at` reads both).
fn ts_col(shape: &TableShape, column: &str) -> String {
    shape
        .column(column)
        .map_or_else(|| "NULL::timestamptz".to_owned(), |c| quote(&c.name))
}

fn sessions(c: &mut impl GenericClient, catalog: &Catalog) -> StoreResult<Vec<SessionRow>> {
    let s = &catalog.tables["onboarding_sessions"];
    let sql = format!(
        "SELECT id::int8, {}, {}, {}, {}, {} FROM onboarding_sessions",
        col(s, "user_id", "text"),
        col(s, "current_step", "int8"),
        col(s, "progress", "float8"),
        ts_col(s, "started_at"),
        ts_col(s, "updated_at"),
    );
    query(c, &sql)?
        .iter()
        .map(|r| {
            Ok(SessionRow {
                id: get(r, 0)?,
                user_id: get(r, 1)?,
                current_step: get(r, 2)?,
                progress: get::<Option<f64>>(r, 3)?.filter(|p| p.is_finite()),
                started_at: ts_at(r, 4)?,
                updated_at: ts_at(r, 5)?,
            })
        })
        .collect()
}

fn children(c: &mut impl GenericClient, catalog: &Catalog) -> StoreResult<Vec<ChildRow>> {
    let mut out = Vec::new();
    for child in Child::ALL {
        let Some(shape) = catalog.tables.get(child.table()) else {
            continue;
        };
        let provider = match child {
            Child::ApiKeys => col(shape, "provider", "text"),
            _ => "NULL::text".to_owned(),
        };
        let evidence = match child {
            Child::WebsiteAnalyses => "btrim(coalesce(website_url, '')) <> ''",
            _ => "true",
        };
        let sql = format!(
            "SELECT id::int8, {}, {provider}, {}, {evidence} FROM {}",
            col(shape, "session_id", "int8"),
            ts_col(shape, "updated_at"),
            quote(child.table())
        );
        for r in query(c, &sql)? {
            out.push(ChildRow {
                table: child,
                id: get(&r, 0)?,
                session_id: get(&r, 1)?,
                provider: get(&r, 2)?,
                updated_at: ts_at(&r, 3)?,
                evidence: get(&r, 4)?,
            });
        }
    }
    Ok(out)
}
