//! The PostgreSQL statement budget, measured on the wire: a proxy between the binary and the
//! test server counts the client's round trips (simple `Query` messages and extended-protocol
//! `Sync`s; `query_typed` sends Parse/Bind/Execute/Sync as one). `session show`,
//! `progress show` and `key list` must stay within 3 each, from connect to exit: on the
//! direct connection, and in the pooler re-run between the binary and PgBouncer (no session
//! setting is sent, so the pooler costs no statement either).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

use crate::{backend, test_db, TestDb, FAKE_GEMINI};

/// Forwards one connection from `listener` to `server`, counting client round trips.
fn proxy_once(listener: TcpListener, server: String, trips: Arc<AtomicUsize>) {
    let (client, _) = listener.accept().expect("accept");
    let upstream = TcpStream::connect(server).expect("connect upstream");
    let (mut c_read, mut u_write) = (client.try_clone().unwrap(), upstream.try_clone().unwrap());
    let (mut u_read, mut c_write) = (upstream, client);
    let down = thread::spawn(move || {
        let _ = std::io::copy(&mut u_read, &mut c_write);
        let _ = c_write.shutdown(Shutdown::Write);
    });
    count_client_messages(&mut c_read, &mut u_write, &trips);
    let _ = u_write.shutdown(Shutdown::Write);
    let _ = down.join();
}

/// Copies the client's stream upstream message by message: first the untyped startup
/// message, then `type byte + length` framed messages.
fn count_client_messages(from: &mut TcpStream, to: &mut TcpStream, trips: &AtomicUsize) {
    let mut len = [0u8; 4];
    if from.read_exact(&mut len).is_err() {
        return;
    }
    let mut body = vec![0u8; (u32::from_be_bytes(len) as usize).saturating_sub(4)];
    if from.read_exact(&mut body).is_err() {
        return;
    }
    let _ = to.write_all(&len).and_then(|()| to.write_all(&body));
    let mut head = [0u8; 5];
    while from.read_exact(&mut head).is_ok() {
        if matches!(head[0], b'Q' | b'S') {
            trips.fetch_add(1, Ordering::Relaxed);
        }
        let n = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let mut body = vec![0u8; n.saturating_sub(4)];
        if from.read_exact(&mut body).is_err() || to.write_all(&head).is_err() {
            return;
        }
        if to.write_all(&body).is_err() {
            return;
        }
    }
}

/// `host:port` of a `postgres://user@host:port/db…` URL.
fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap_or(rest)
}

/// Round trips one command spends, through a fresh proxy in front of the test's server.
fn round_trips(db: &TestDb, args: &[&str]) -> usize {
    round_trips_with(db, &[], args)
}

/// [`round_trips`] with environment variables set for the command.
fn round_trips_with(db: &TestDb, env: &[(&str, &str)], args: &[&str]) -> usize {
    let upstream = authority(&db.url).to_owned();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let trips = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&trips);
    let server = upstream.clone();
    let proxy = thread::spawn(move || proxy_once(listener, server, counter));
    // Plaintext, so the proxy can read the protocol.
    let via = db.url.replacen(&upstream, &format!("127.0.0.1:{port}"), 1);
    let sep = if via.contains('?') { '&' } else { '?' };
    let out = crate::bare_cmd(&db.path())
        .args([
            "--no-dotenv",
            "--database-url",
            &format!("{via}{sep}sslmode=disable"),
        ])
        .envs(env.iter().copied())
        .args(args)
        .output()
        .unwrap();
    crate::assert_success(&out, args);
    proxy.join().unwrap();
    trips.load(Ordering::Relaxed)
}

#[test]
fn hot_reads_stay_within_three_round_trips() {
    if !backend::on_postgres() {
        return; // runs in the PostgreSQL re-run of the suite
    }
    let db = test_db();
    db.users(&["budget"]);
    db.ok_stdin(&["key", "set", "budget", "gemini", "--stdin"], FAKE_GEMINI);
    assert!(
        authority(&db.url).starts_with("127.0.0.1:"),
        "the proxy forwards to the local server or pooler only"
    );
    for args in [
        &["session", "show", "budget"][..],
        &["progress", "show", "budget"],
        &["key", "list", "budget"],
    ] {
        let n = round_trips(&db, args);
        assert!(n <= 3, "{args:?}: {n} round trips");
        assert!(n >= 1, "{args:?}: the proxy saw nothing");
    }
}

/// Bulk reads take round trips per page of users, not per user: `export`, a `key reseal`
/// with nothing left to reseal, and `session list` of 1,200 users (three pages of 500) each
/// stay far below one round trip per user.
#[test]
fn bulk_reads_take_round_trips_per_page() {
    if !backend::on_postgres() {
        return; // runs in the PostgreSQL re-run of the suite
    }
    const USERS: usize = 1_200;
    let db = test_db();
    db.sql(&format!(
        "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) \
         SELECT 'user_' || lpad(i::text, 5, '0'), 1, 0, now(), now() \
         FROM generate_series(1, {USERS}) AS i; \
         INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
         SELECT id, 'gemini', '{FAKE_GEMINI}', now(), now() FROM onboarding_sessions;"
    ));
    let master = [("ONBOARDCTL_MASTER_KEY", crate::encryption::MASTER_A)];
    // The first reseal writes every key; the second only reads.
    let first = db
        .cmd()
        .envs(master)
        .args(["key", "reseal"])
        .output()
        .unwrap();
    crate::assert_success(&first, &["key", "reseal"]);
    for (env, args) in [
        (&[][..], &["export"][..]),
        (&master[..], &["key", "reseal"][..]),
        (&[][..], &["session", "list", "--limit", "5000"][..]),
    ] {
        let n = round_trips_with(&db, env, args);
        eprintln!("{args:?}: {n} round trips");
        assert!(
            n < USERS / 10,
            "{args:?}: {n} round trips for {USERS} users"
        );
    }
}
