//! Direct access to the database under a store, the way ALwrity (or an operator) sees it:
//! run SQL, read rows as JSON, and dump everything — schema and data — to compare before and
//! after. One implementation per backend; the test bodies use only [`Raw`].

use std::collections::BTreeMap;

use onboardctl::store::Backend;
use postgres::SimpleQueryMessage;
use rusqlite::types::ValueRef;
use serde_json::Value;

/// A raw connection.
pub trait Raw {
    /// Which backend.
    fn backend(&self) -> Backend;
    /// Runs a batch of statements; panics on failure.
    fn exec(&mut self, sql: &str);
    /// Runs a batch; the error text on failure.
    fn try_exec(&mut self, sql: &str) -> Result<(), String>;
    /// The first column of every row of `sql`, as text (`NULL` for NULL).
    fn strings(&mut self, sql: &str) -> Vec<String>;
    /// Tables, sorted.
    fn tables(&mut self) -> Vec<String>;
    /// Columns of `table` in order.
    fn columns(&mut self, table: &str) -> Vec<String>;
    /// Every row of `table` as a JSON object (JSON columns nested; the form the quarantine
    /// table stores), by id.
    fn rows(&mut self, table: &str) -> BTreeMap<i64, Value>;
    /// Everything: schema objects and every row of every table, one sorted line each.
    fn dump(&mut self) -> Vec<String>;
}

/// SQLite through a second rusqlite connection (foreign keys off, as ALwrity has them).
pub struct SqliteRaw(pub rusqlite::Connection);

fn sqlite_text(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "NULL".to_owned(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(b) => String::from_utf8_lossy(b).into_owned(),
        ValueRef::Blob(b) => format!("{b:?}"),
    }
}

impl Raw for SqliteRaw {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn exec(&mut self, sql: &str) {
        self.try_exec(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
    }

    fn try_exec(&mut self, sql: &str) -> Result<(), String> {
        self.0.execute_batch(sql).map_err(|e| e.to_string())
    }

    fn strings(&mut self, sql: &str) -> Vec<String> {
        let mut st = self.0.prepare(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
        let mut rows = st.query([]).unwrap();
        let mut out = Vec::new();
        while let Some(r) = rows.next().unwrap() {
            out.push(sqlite_text(r.get_ref(0).unwrap()));
        }
        out
    }

    fn tables(&mut self) -> Vec<String> {
        self.strings(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite%' ORDER BY name",
        )
    }

    fn columns(&mut self, table: &str) -> Vec<String> {
        self.strings(&format!(
            "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
        ))
    }

    fn rows(&mut self, table: &str) -> BTreeMap<i64, Value> {
        let types = self.strings(&format!(
            "SELECT type FROM pragma_table_info('{table}') ORDER BY cid"
        ));
        let fields: Vec<String> = self
            .columns(table)
            .iter()
            .zip(types)
            .map(|(c, t)| {
                let value = if t.eq_ignore_ascii_case("JSON") {
                    format!("CASE WHEN json_valid(\"{c}\") THEN json(\"{c}\") ELSE \"{c}\" END")
                } else {
                    format!("\"{c}\"")
                };
                format!("'{c}', {value}")
            })
            .collect();
        let sql = format!("SELECT json_object({}) FROM \"{table}\"", fields.join(", "));
        by_id(self.strings(&sql))
    }

    fn dump(&mut self) -> Vec<String> {
        let mut out = self
            .strings("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master");
        for table in self.tables() {
            let cols: Vec<String> = self
                .columns(&table)
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect();
            let sql = format!(
                "SELECT '{table}: ' || {} FROM \"{table}\"",
                cols.join(" || ',' || ")
            );
            out.extend(self.strings(&sql));
        }
        out.sort();
        out
    }
}

/// PostgreSQL through a driver connection whose `search_path` is the test's schema.
pub struct PgRaw(pub postgres::Client);

impl Raw for PgRaw {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn exec(&mut self, sql: &str) {
        self.try_exec(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
    }

    fn try_exec(&mut self, sql: &str) -> Result<(), String> {
        self.0.batch_execute(sql).map_err(|e| format!("{e:?}"))
    }

    fn strings(&mut self, sql: &str) -> Vec<String> {
        let messages = self
            .0
            .simple_query(sql)
            .unwrap_or_else(|e| panic!("{e:?}\n{sql}"));
        messages
            .iter()
            .filter_map(|m| match m {
                SimpleQueryMessage::Row(r) => Some(r.get(0).unwrap_or("NULL").to_owned()),
                _ => None,
            })
            .collect()
    }

    fn tables(&mut self) -> Vec<String> {
        self.strings(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
        )
    }

    fn columns(&mut self, table: &str) -> Vec<String> {
        self.strings(&format!(
            "SELECT column_name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = '{table}' \
             ORDER BY ordinal_position"
        ))
    }

    fn rows(&mut self, table: &str) -> BTreeMap<i64, Value> {
        by_id(self.strings(&format!("SELECT to_jsonb(t)::text FROM \"{table}\" t")))
    }

    fn dump(&mut self) -> Vec<String> {
        let mut out = self.strings(
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || \
             is_nullable || ' ' || coalesce(column_default, '') \
             FROM information_schema.columns WHERE table_schema = current_schema()",
        );
        out.extend(self.strings(
            "SELECT conrelid::regclass::text || ' ' || conname || ' ' || \
             pg_get_constraintdef(oid) FROM pg_constraint \
             WHERE connamespace = (SELECT oid FROM pg_namespace \
                                   WHERE nspname = current_schema())",
        ));
        out.extend(
            self.strings("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"),
        );
        for table in self.tables() {
            out.extend(self.strings(&format!(
                "SELECT '{table}: ' || to_jsonb(t)::text FROM \"{table}\" t"
            )));
        }
        out.sort();
        out
    }
}

fn by_id(rows: Vec<String>) -> BTreeMap<i64, Value> {
    rows.into_iter()
        .map(|text| {
            let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
            (v["id"].as_i64().expect("every row has an integer id"), v)
        })
        .collect()
}
