//! The schema phase on PostgreSQL: DDL is transactional, so every change is an in-place
//! `CREATE TABLE` / `ALTER TABLE` / `CREATE INDEX` inside the adoption transaction, in the
//! plan's order: tables, columns, column changes, constraints, indexes. A constraint is
//! validated against the rows as they are by then (quarantine and merges already ran).

use postgres::Transaction;

use super::super::error::classify;
use crate::store::adopt::target::{self, quote, TABLES};
use crate::store::adopt::{AdoptionPlan, ChangeKind, ColumnChange, ConstraintAdd, ConstraintKind};
use crate::store::{Backend, StoreResult};

fn run(tx: &mut Transaction<'_>, sql: &str) -> StoreResult<()> {
    tx.batch_execute(sql).map_err(|e| classify(&e))
}

/// Creates the quarantine table.
pub(crate) fn quarantine_table(tx: &mut Transaction<'_>) -> StoreResult<()> {
    run(tx, target::quarantine_sql(Backend::Postgres))
}

/// Applies the schema part of `plan`.
pub(crate) fn schema(tx: &mut Transaction<'_>, plan: &AdoptionPlan) -> StoreResult<()> {
    let s = &plan.schema;
    for t in TABLES
        .iter()
        .filter(|t| s.create_tables.iter().any(|c| c.table == t.name))
    {
        run(tx, &target::create_sql(t, t.name, Backend::Postgres, &[]))?;
    }
    for c in &s.add_columns {
        let mut sql = format!(
            "ALTER TABLE {} ADD COLUMN {} {}",
            quote(&c.table),
            quote(&c.column),
            c.sql_type
        );
        if let Some(d) = &c.default {
            sql.push_str(&format!(" DEFAULT {d}"));
        }
        if c.not_null {
            sql.push_str(" NOT NULL");
        }
        run(tx, &sql)?;
    }
    for c in &s.change_columns {
        run(tx, &change_sql(c))?;
    }
    for c in &s.add_constraints {
        run(tx, &constraint_sql(c))?;
    }
    for ix in &s.add_indexes {
        let cols: Vec<String> = ix.columns.iter().map(|c| quote(c)).collect();
        let sql = format!(
            "CREATE INDEX {} ON {} ({})",
            quote(&ix.name),
            quote(&ix.table),
            cols.join(", ")
        );
        run(tx, &sql)?;
    }
    Ok(())
}

fn change_sql(c: &ColumnChange) -> String {
    let head = format!(
        "ALTER TABLE {} ALTER COLUMN {}",
        quote(&c.table),
        quote(&c.column)
    );
    match &c.change {
        ChangeKind::SetNotNull => format!("{head} SET NOT NULL"),
        ChangeKind::SetDefault { default } => format!("{head} SET DEFAULT {default}"),
        ChangeKind::SetType { to, .. } => {
            format!("{head} TYPE {to} USING {}::{to}", quote(&c.column))
        }
    }
}

fn constraint_sql(c: &ConstraintAdd) -> String {
    let table = quote(&c.table);
    let name = quote(&c.name);
    match &c.kind {
        ConstraintKind::Unique { columns } => {
            let cols: Vec<String> = columns.iter().map(|c| quote(c)).collect();
            format!(
                "ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE ({})",
                cols.join(", ")
            )
        }
        ConstraintKind::ForeignKey { column, replaces } => {
            let drop = replaces
                .as_ref()
                .map(|old| format!("ALTER TABLE {table} DROP CONSTRAINT {};\n", quote(old)))
                .unwrap_or_default();
            format!(
                "{drop}ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({}) \
                 REFERENCES onboarding_sessions (id) ON DELETE CASCADE",
                quote(column)
            )
        }
        ConstraintKind::Check { expression } => {
            format!("ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({expression})")
        }
    }
}
