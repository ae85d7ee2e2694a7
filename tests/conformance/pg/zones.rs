//! Times do not depend on the session's `TimeZone`: on an attached ALwrity database (naive
//! `timestamp` columns beside our `timestamptz` ones) whose `TimeZone` is set with
//! `ALTER DATABASE … SET TimeZone` — what a pooled session inherits, since onboardctl sends
//! no setting — everything the store writes and reads is exact UTC: the naive columns hold
//! the UTC wall time, the aware ones the instant, the filters compare in UTC. Checked
//! directly (`Asia/Kolkata`, +05:30) and through the pooler (`America/New_York`).

use std::sync::atomic::{AtomicU32, Ordering};

use onboardctl::store::SessionQuery;
use postgres::Client;
use time::macros::datetime;
use time::{Duration, PrimitiveDateTime};

use super::pooler::{pooler_server, ALWRITY_SEED};
use super::slots::database_url;
use super::{admin, pg_url, server_url};
use crate::support::{at, populate, snapshot, user};

/// A database of its own with `TimeZone` set, dropped afterwards: a recycled slot would
/// not do, since PgBouncer keeps the first zone it saw for a database's pool.
struct ZoneDb {
    server: String,
    name: String,
}

impl ZoneDb {
    fn create(server: &str, zone: &str) -> ZoneDb {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "onboardctl_tz_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin_conn = admin(server);
        // Two statements: CREATE DATABASE cannot share a (implicit) transaction.
        for sql in [
            format!("CREATE DATABASE {name} TEMPLATE template0"),
            format!("ALTER DATABASE {name} SET TimeZone = '{zone}'"),
        ] {
            admin_conn
                .batch_execute(&sql)
                .expect("create the zoned database");
        }
        let db = ZoneDb {
            server: server.to_owned(),
            name,
        };
        admin(&db.url_on(server))
            .batch_execute(ALWRITY_SEED)
            .expect("build the ALwrity database");
        db
    }

    fn url_on(&self, url: &str) -> String {
        database_url(url, &self.name)
    }
}

impl Drop for ZoneDb {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(e) = admin(&self.server).batch_execute(&sql) {
            eprintln!("warning: could not drop {}: {e}", self.name);
        }
    }
}

/// The session's zone as the server reports it.
fn zone_of(url: &str) -> String {
    let rows = admin(url).simple_query("SHOW TimeZone").expect("show");
    rows.iter()
        .find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
            _ => None,
        })
        .expect("a zone")
}

/// A naive column of `user`'s row, read as stored (binary: no zone involved).
fn naive(raw: &mut Client, sql: &str, user: &str) -> PrimitiveDateTime {
    raw.query_one(sql, &[&user]).expect("read raw").get(0)
}

fn exact_utc_through(store_url: &str, raw_url: &str, zone: &str) {
    assert_eq!(
        zone_of(store_url),
        zone,
        "the session really runs in {zone}"
    );
    let url = onboardctl::config::DbUrl::Postgres(pg_url(store_url));
    let mut store =
        onboardctl::store::open(&url, &onboardctl::store::OpenOptions::default()).expect("connect");
    store.migrate().expect("attach");
    let legacy = store.load_onboarding(&user("legacy")).unwrap().unwrap();
    assert_eq!(legacy.session.started_at, datetime!(2025-01-15 10:00 UTC));

    let (u, t) = (user("zoned"), at(0));
    populate(&mut *store, &u, t);
    let got = snapshot(&mut *store, &u);
    let session = &got.onboarding.as_ref().unwrap().session;
    assert_eq!(
        (session.started_at, session.updated_at),
        (t, t + Duration::seconds(1))
    );
    assert_eq!(got.keys[0].created_at, t);
    assert_eq!(got.analysis.as_ref().unwrap().analysis_date, Some(t));
    assert_eq!(got.prefs.as_ref().unwrap().updated_at, Some(t));
    assert_eq!(got.persona.as_ref().unwrap().created_at, Some(t));

    let mut raw = admin(raw_url);
    let wall = PrimitiveDateTime::new(t.date(), t.time());
    let sql = "SELECT started_at FROM onboarding_sessions WHERE user_id = $1";
    assert_eq!(
        naive(&mut raw, sql, "zoned"),
        wall,
        "naive columns hold UTC"
    );
    let sql = "SELECT k.created_at FROM api_keys k JOIN onboarding_sessions s \
               ON s.id = k.session_id WHERE s.user_id = $1 LIMIT 1";
    assert_eq!(naive(&mut raw, sql, "zoned"), wall);

    // The bundle save writes keys through JSON rows: the same UTC wall time.
    let mut bundle = store.load_bundle(&u).unwrap().unwrap();
    bundle.onboarding.session.user_id = user("copied");
    store.save_bundle(&bundle).unwrap();
    assert_eq!(naive(&mut raw, sql, "copied"), wall);
    assert_eq!(
        store.load_bundle(&user("copied")).unwrap().unwrap().keys,
        got.keys
    );

    // `--stalled-days` compares `updated_at` (naive here) with an instant.
    let mut stalled = |since| {
        let q = SessionQuery {
            lifecycles: Vec::new(),
            current_step: None,
            stalled_since: Some(since),
            limit: 100,
            offset: 0,
            after: None,
            ..Default::default()
        };
        let found = store.list_sessions(&q).unwrap();
        found.iter().any(|s| s.session.user_id == u)
    };
    let updated = t + Duration::seconds(1);
    assert!(stalled(updated + Duration::minutes(1)), "updated before");
    assert!(!stalled(updated - Duration::minutes(1)), "updated after");
}

#[test]
fn times_are_exact_utc_whatever_the_session_time_zone() {
    let Some(server) = server_url() else {
        return;
    };
    let db = ZoneDb::create(&server, "Asia/Kolkata");
    let url = db.url_on(&server);
    exact_utc_through(&url, &url, "Asia/Kolkata");
}

#[test]
fn times_are_exact_utc_through_the_pooler() {
    let (Some(server), Some(pooler)) = (server_url(), pooler_server()) else {
        return;
    };
    let db = ZoneDb::create(&server, "America/New_York");
    exact_utc_through(&db.url_on(&pooler), &db.url_on(&server), "America/New_York");
}
