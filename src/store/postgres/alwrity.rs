//! The PostgreSQL half of the ALwrity store ([`crate::store::alwrity`]): its [`Conn`] over
//! one client, and the detection at connect of a database ALwrity made (seed era: ALwrity's
//! shared database on PostgreSQL). Statements are unnamed (`query_typed`), so the store works
//! behind a transaction-mode pooler; times go in as the column's own type, so nothing depends
//! on the session's `TimeZone`.

use std::path::PathBuf;

use postgres::types::{Json, ToSql, Type};
use postgres::{Client, Row};
use serde_json::Value;

use super::convert::{ts_at, utc, TS};
use super::error::classify;
use super::scoped::{execute, rows};
use crate::domain::UserId;
use crate::store::alwrity::conn::{Catalog, Conn, Sql, Types, Val};
use crate::store::{Backend, StoreError, StoreResult, TxScope};

/// One client on a database ALwrity made.
pub(crate) struct PgConn {
    client: Client,
    location: String,
    /// How long `begin_migration` waits for another run's lock.
    lock_timeout: std::time::Duration,
}

impl PgConn {
    /// The connected client; `lock_timeout` bounds the wait for the migration lock.
    pub(crate) fn new(
        client: Client,
        location: String,
        lock_timeout: std::time::Duration,
    ) -> PgConn {
        PgConn {
            client,
            location,
            lock_timeout,
        }
    }
}

/// Whether the connected database (its current schema) is one ALwrity made: ALwrity's
/// `onboarding_sessions` without onboardctl's own `onboarding_steps`. One round trip.
pub(crate) fn made_by_alwrity(client: &mut Client) -> StoreResult<bool> {
    let found = rows(
        client,
        "SELECT to_regclass('onboarding_sessions') IS NOT NULL, \
         to_regclass('onboarding_steps') IS NOT NULL",
        &[],
    )?;
    let row = found
        .first()
        .ok_or_else(|| StoreError::Backend("detection read nothing".into()))?;
    let sessions: bool = row.try_get(0).map_err(|e| classify(&e))?;
    let steps: bool = row.try_get(1).map_err(|e| classify(&e))?;
    Ok(sessions && !steps)
}

/// `?N` placeholders as PostgreSQL's `$N` (the shared SQL has no other `?`).
fn dollars(sql: &str) -> String {
    sql.replace('?', "$")
}

/// A parameter and the type it is declared with.
enum Param {
    Null(Option<&'static str>),
    Int(i64),
    Real(f64),
    Text(String),
    Json(Json<Value>),
    Time(super::convert::Utc),
    Bool(bool),
}

impl Param {
    fn of(v: &Val) -> Param {
        match v {
            Val::Null => Param::Null(None),
            Val::Int(i) => Param::Int(*i),
            Val::Real(f) => Param::Real(*f),
            Val::Text(s) => Param::Text(s.clone()),
            Val::Json(j) => Param::Json(Json(j.clone())),
            Val::Time(t) => Param::Time(utc(*t)),
            Val::Bool(b) => Param::Bool(*b),
        }
    }

    fn typed(&self) -> (&(dyn ToSql + Sync), Type) {
        match self {
            // Untyped: the server gives a NULL the type of what it meets.
            Param::Null(n) => (n, Type::UNKNOWN),
            Param::Int(i) => (i, Type::INT8),
            Param::Real(f) => (f, Type::FLOAT8),
            Param::Text(s) => (s, Type::TEXT),
            Param::Json(j) => (j, Type::JSONB),
            Param::Time(t) => (t, TS),
            Param::Bool(b) => (b, Type::BOOL),
        }
    }
}

/// A value of column `i` of `row`, by its type.
pub(crate) fn value_at(row: &Row, i: usize) -> StoreResult<Val> {
    let ty = row.columns()[i].type_().clone();
    let err = |e: postgres::Error| classify(&e);
    Ok(match ty {
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)
            .map_err(err)?
            .map_or(Val::Null, |v| Val::Int(v.into())),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)
            .map_err(err)?
            .map_or(Val::Null, |v| Val::Int(v.into())),
        Type::INT8 => row
            .try_get::<_, Option<i64>>(i)
            .map_err(err)?
            .map_or(Val::Null, Val::Int),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(i)
            .map_err(err)?
            .map_or(Val::Null, |v| Val::Real(v.into())),
        Type::FLOAT8 => row
            .try_get::<_, Option<f64>>(i)
            .map_err(err)?
            .map_or(Val::Null, Val::Real),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)
            .map_err(err)?
            .map_or(Val::Null, Val::Bool),
        Type::JSON | Type::JSONB => row
            .try_get::<_, Option<Value>>(i)
            .map_err(err)?
            .map_or(Val::Null, Val::Json),
        Type::TIMESTAMP | Type::TIMESTAMPTZ => ts_at(row, i)?.map_or(Val::Null, Val::Time),
        _ => row
            .try_get::<_, Option<String>>(i)
            .map_err(err)?
            .map_or(Val::Null, Val::Text),
    })
}

impl Sql for Client {
    fn query(&mut self, sql: &str, params: &[Val]) -> StoreResult<Vec<Vec<Val>>> {
        let owned: Vec<Param> = params.iter().map(Param::of).collect();
        let typed: Vec<(&(dyn ToSql + Sync), Type)> = owned.iter().map(Param::typed).collect();
        let found = rows(self, &dollars(sql), &typed)?;
        found
            .iter()
            .map(|row| (0..row.len()).map(|i| value_at(row, i)).collect())
            .collect()
    }

    fn execute(&mut self, sql: &str, params: &[Val]) -> StoreResult<u64> {
        let owned: Vec<Param> = params.iter().map(Param::of).collect();
        let typed: Vec<(&(dyn ToSql + Sync), Type)> = owned.iter().map(Param::typed).collect();
        execute(self, &dollars(sql), &typed)
    }
}

impl Sql for PgConn {
    fn query(&mut self, sql: &str, params: &[Val]) -> StoreResult<Vec<Vec<Val>>> {
        Sql::query(&mut self.client, sql, params)
    }

    fn execute(&mut self, sql: &str, params: &[Val]) -> StoreResult<u64> {
        Sql::execute(&mut self.client, sql, params)
    }
}

impl Conn for PgConn {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn location(&self) -> String {
        self.location.clone()
    }

    fn file(&self) -> Option<PathBuf> {
        None
    }

    fn batch(&mut self, sql: &str) -> StoreResult<()> {
        self.client.batch_execute(sql).map_err(|e| classify(&e))
    }

    fn begin_write(&mut self, user: Option<&UserId>) -> StoreResult<()> {
        let scope = match user {
            Some(u) => TxScope::User(u),
            None => TxScope::All,
        };
        super::txn::begin(&mut self.client, scope)
    }

    fn begin_migration(&mut self) -> StoreResult<()> {
        super::schema::begin_locked(&mut self.client, self.lock_timeout)
    }

    fn commit(&mut self) -> StoreResult<()> {
        super::txn::finish(&mut self.client, "COMMIT")
    }

    fn rollback(&mut self) -> StoreResult<()> {
        super::txn::finish(&mut self.client, "ROLLBACK")
    }

    fn catalog(&mut self, tables: &[&str]) -> StoreResult<Catalog> {
        let names: Vec<String> = tables.iter().map(|t| (*t).to_owned()).collect();
        let found = rows(
            &mut self.client,
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = ANY($1)",
            &[(&names, Type::TEXT_ARRAY)],
        )?;
        let mut catalog = Catalog::new();
        for row in &found {
            let t: String = row.try_get(0).map_err(|e| classify(&e))?;
            let c: String = row.try_get(1).map_err(|e| classify(&e))?;
            catalog.entry(t).or_default().insert(c);
        }
        Ok(catalog)
    }

    fn tables_with_column(&mut self, column: &str) -> StoreResult<Vec<String>> {
        let rows = self.query(
            "SELECT c.table_name::text FROM information_schema.columns c \
             JOIN information_schema.tables t USING (table_schema, table_name) \
             WHERE c.table_schema = current_schema() AND c.column_name = ?1 \
             AND t.table_type = 'BASE TABLE' ORDER BY 1",
            &[Val::Text(column.to_owned())],
        )?;
        Ok(rows.iter().filter_map(|r| r[0].text()).collect())
    }

    fn bytewise(&self, column: &str) -> String {
        format!("{column} COLLATE \"C\"")
    }

    fn types(&self) -> Types {
        Types {
            own_json: "jsonb",
            own_time: "timestamptz",
            alwrity_json: "json",
            alwrity_time: "timestamp",
            serial: "integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        }
    }
}
