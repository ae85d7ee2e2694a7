//! The schema part of the plan: the catalog of an ALwrity database against our target
//! (`target`). What is missing is added; what is ALwrity's and not ours is kept as it is. The
//! only type changes are widenings SQLAlchemy reads the same way (`api_keys.key` to text, an
//! integer-era `user_id` to varchar on PostgreSQL); ALwrity's `json` and `timestamp` columns
//! keep their types.

use super::inventory::{Catalog, TableShape};
use super::plan::{
    ChangeKind, ColumnAdd, ColumnChange, ConstraintAdd, ConstraintKind, IndexAdd, KeptItem,
    SchemaPlan, TableCreate,
};
use super::target::{self, Table, TABLES};
use super::QUARANTINE_TABLE;
use crate::store::Backend;

/// Tables that are neither ALwrity's data nor ours to report as kept.
const BOOKKEEPING: [&str; 2] = ["sqlite_sequence", "refinery_schema_history"];

/// What must change in `catalog` for it to hold our schema.
pub(crate) fn schema_plan(catalog: &Catalog, backend: Backend) -> SchemaPlan {
    let mut plan = SchemaPlan::default();
    for t in &TABLES {
        match catalog.tables.get(t.name) {
            None => plan.create_tables.push(TableCreate {
                table: t.name.to_owned(),
                reason: create_reason(t.name),
            }),
            Some(shape) => {
                let before = changes(&plan);
                columns(t, shape, backend, &mut plan);
                constraints(t, shape, backend, &mut plan);
                if backend == Backend::Sqlite && changes(&plan) > before {
                    plan.rebuild_tables.push(t.name.to_owned());
                }
                kept_columns(t, shape, &mut plan);
            }
        }
        let existing = catalog.tables.get(t.name).map(|s| &s.indexes[..]);
        for (name, column) in t.indexes {
            if !existing.is_some_and(|ix| ix.iter().any(|i| i == name)) {
                plan.add_indexes.push(IndexAdd {
                    table: t.name.to_owned(),
                    name: (*name).to_owned(),
                    columns: vec![(*column).to_owned()],
                });
            }
        }
    }
    plan.create_tables.push(TableCreate {
        table: QUARANTINE_TABLE.to_owned(),
        reason: "rows adoption cannot place, kept with the reason".to_owned(),
    });
    kept_tables(catalog, &mut plan);
    plan
}

fn changes(plan: &SchemaPlan) -> usize {
    plan.add_columns.len() + plan.change_columns.len() + plan.add_constraints.len()
}

fn create_reason(table: &str) -> String {
    if table == "onboarding_steps" {
        "new: one row per (session, step), derived from the stored data".to_owned()
    } else {
        "absent in this ALwrity database (added by a later ALwrity version)".to_owned()
    }
}

fn columns(t: &Table, shape: &TableShape, backend: Backend, plan: &mut SchemaPlan) {
    for c in t.columns {
        let Some(have) = shape.column(c.name) else {
            plan.add_columns.push(ColumnAdd {
                table: t.name.to_owned(),
                column: c.name.to_owned(),
                sql_type: c.sql_type(backend).to_owned(),
                default: c.default_sql(backend).map(str::to_owned),
                not_null: c.not_null,
            });
            continue;
        };
        let mut change = |kind| {
            plan.change_columns.push(ColumnChange {
                table: t.name.to_owned(),
                column: c.name.to_owned(),
                change: kind,
            })
        };
        if let Some(to) = new_type(c.name, c.sql_type(backend), &have.sql_type, backend) {
            change(ChangeKind::SetType {
                from: have.sql_type.clone(),
                to,
            });
        }
        if c.not_null && !have.not_null {
            change(ChangeKind::SetNotNull);
        }
        if let (Some(d), None) = (c.default_sql(backend), &have.default) {
            change(ChangeKind::SetDefault {
                default: d.to_owned(),
            });
        }
    }
}

/// The type a column gets, when it changes. SQLite: our declared type whenever the name
/// differs (affinity, hence every stored value, stays the same). PostgreSQL: only the two
/// widenings; `json`, `timestamp` and other ALwrity types stay.
fn new_type(column: &str, ours: &str, have: &str, backend: Backend) -> Option<String> {
    match backend {
        Backend::Sqlite => (!have.eq_ignore_ascii_case(ours)).then(|| ours.to_owned()),
        Backend::Postgres => {
            let text = have == "text" || have.starts_with("character varying");
            let widen = match column {
                "key" => have.starts_with("character varying"),
                "user_id" => !text,
                _ => false,
            };
            widen.then(|| ours.to_owned())
        }
    }
}

fn constraints(t: &Table, shape: &TableShape, backend: Backend, plan: &mut SchemaPlan) {
    let mut add = |name: String, kind| {
        plan.add_constraints.push(ConstraintAdd {
            table: t.name.to_owned(),
            name,
            kind,
        })
    };
    for u in t.uniques {
        if !shape.has_unique(u) {
            let columns = u.iter().map(|c| (*c).to_owned()).collect();
            add(t.unique_name(u), ConstraintKind::Unique { columns });
        }
    }
    if t.session_fk {
        let have = shape.session_fk("session_id");
        if !have.is_some_and(|f| f.cascade) {
            // SQLite's foreign keys have no name: an existing one is replaced as "".
            let replaces = have.map(|f| f.name.clone().unwrap_or_default());
            let column = "session_id".to_owned();
            add(t.fk_name(), ConstraintKind::ForeignKey { column, replaces });
        }
    }
    for c in t.checks {
        let Some(sql) = c.sql(backend) else { continue };
        if !shape.checks.iter().any(|n| n == c.name) {
            let expression = sql.to_owned();
            add(c.name.to_owned(), ConstraintKind::Check { expression });
        }
    }
}

fn kept_columns(t: &Table, shape: &TableShape, plan: &mut SchemaPlan) {
    for c in &shape.columns {
        if c.name != "id" && t.column(&c.name).is_none() {
            plan.kept.push(KeptItem {
                table: t.name.to_owned(),
                column: Some(c.name.clone()),
                sql_type: Some(c.sql_type.clone()),
            });
        }
    }
}

fn kept_tables(catalog: &Catalog, plan: &mut SchemaPlan) {
    for name in catalog.tables.keys() {
        let ours = target::table(name).is_some() || name == QUARANTINE_TABLE;
        if !ours && !BOOKKEEPING.contains(&name.as_str()) {
            plan.kept.push(KeptItem {
                table: name.clone(),
                column: None,
                sql_type: None,
            });
        }
    }
}
