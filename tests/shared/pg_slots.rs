//! Test databases for runs through a transaction-mode pooler, shared by the conformance and
//! CLI suites (included with `#[path]`).
//!
//! The schema-per-test trick of the direct runs (`options=-csearch_path=…` in the URL)
//! cannot go through PgBouncer, which refuses the `options` startup parameter, so a pooled
//! test gets a whole database instead. Creating one is quick, but dropping one forces a
//! checkpoint (about 1.5 s here), so databases are recycled: slot `k` is the database
//! `onboardctl_slot_<k>`, created on first use and kept on the server. A test takes the
//! first free slot — free meaning nobody holds its session-level advisory lock, taken on a
//! direct connection that the [`Slot`] keeps open (so concurrent test processes, and a run
//! killed midway, can never share or strand a slot) — and empties it before use: the
//! server connections a pooler still keeps to it are ended (whatever a broken build left on
//! them, a leaked session lock or setting, goes with them), every schema but the system
//! ones is dropped, `public` created again, database settings reset. There are never more
//! slots than tests that ran at once.

use postgres::{Client, NoTls};

/// A database of its own for one test, locked against every other user until dropped.
pub struct Slot {
    /// The database's name.
    pub name: String,
    /// Holds the slot's advisory lock for as long as the slot lives.
    _lock: Client,
}

/// The key of slot `k`'s advisory lock.
fn slot_key(k: u32) -> i64 {
    0x6f62_6374_0000_0000 | i64::from(k)
}

impl Slot {
    /// Takes a free slot on the server `direct_url` names (a direct connection URL of
    /// `postgres://…/dbname` shape), creating its database if needed, and empties it.
    pub fn take(direct_url: &str) -> Slot {
        let mut lock = Client::connect(direct_url, NoTls).expect("connect to the test server");
        let k = (0..)
            .find(|&k| {
                let row = lock
                    .query_one("SELECT pg_try_advisory_lock($1)", &[&slot_key(k)])
                    .expect("try a slot lock");
                row.get::<_, bool>(0)
            })
            .expect("a free slot");
        let name = format!("onboardctl_slot_{k}");
        let exists = lock
            .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
            .expect("look the slot up")
            .is_some();
        if !exists {
            lock.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"))
                .expect("create the slot database");
        }
        lock.batch_execute(&format!("ALTER DATABASE {name} RESET ALL"))
            .expect("reset the slot's settings");
        end_sessions(&mut lock, &name);
        empty(&database_url(direct_url, &name));
        Slot { name, _lock: lock }
    }

    /// `url` (any `postgres://host:port/db?query` URL) pointed at this slot's database.
    pub fn url_on(&self, url: &str) -> String {
        database_url(url, &self.name)
    }
}

/// `url` with its database replaced by `name` (the query, if any, kept).
pub fn database_url(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let root = match base[after_scheme..].find('/') {
        Some(i) => &base[..after_scheme + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

/// Ends every session on database `name` and waits (up to 5 s) until they are gone, then a
/// moment more when there were any, so a pooler has seen its server connections close
/// before the test's first client asks it for one.
fn end_sessions(c: &mut Client, name: &str) {
    let sql = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
               WHERE datname = $1 AND pid <> pg_backend_pid()";
    let pause = std::time::Duration::from_millis(50);
    for round in 0..100 {
        let left: i64 = c.query_one(sql, &[&name]).expect("end sessions").get(0);
        if left == 0 {
            if round > 0 {
                std::thread::sleep(pause * 2);
            }
            return;
        }
        std::thread::sleep(pause);
    }
}

/// Drops every non-system schema of the database at `url` and creates `public` again.
fn empty(url: &str) {
    let mut c = Client::connect(url, NoTls).expect("connect to the slot database");
    let schemas: Vec<String> = c
        .query(
            "SELECT nspname::text FROM pg_namespace \
             WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
            &[],
        )
        .expect("list schemas")
        .iter()
        .map(|r| r.get(0))
        .collect();
    for schema in schemas {
        c.batch_execute(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
            .expect("drop a schema");
    }
    c.batch_execute("CREATE SCHEMA public")
        .expect("create public");
}
