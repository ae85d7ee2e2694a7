//! Connection failures: each is `StoreError::Unavailable` (exit 5) with a one-line reason
//! that names the redacted URL and never the password. The refused port, unknown host and
//! the two fake servers (one refusing the password, one never answering) need no
//! PostgreSQL; the missing database and `store::open` use the test server.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use onboardctl::config::DbUrl;
use onboardctl::store::postgres::PgStore;
use onboardctl::store::{self, StoreError};

use super::{notice, pg_url, server_url, TestSchema};

const PASSWORD: &str = "s3cret-pw";

/// The reason of an expected `Unavailable`, checked for the password and for one line.
fn unavailable(url: &str) -> String {
    match PgStore::connect(&pg_url(url)) {
        Err(StoreError::Unavailable(m)) => {
            assert!(!m.contains(PASSWORD), "password leaked: {m}");
            assert!(!m.contains('\n'), "one line: {m}");
            assert!(m.contains(":***@"), "names the redacted URL: {m}");
            m
        }
        other => panic!("expected Unavailable, got {other:?}"),
    }
}

#[test]
fn a_refused_connection_is_unavailable() {
    let m = unavailable(&format!(
        "postgres://alice:{PASSWORD}@127.0.0.1:1/db?sslmode=disable"
    ));
    assert!(m.to_lowercase().contains("refused"), "{m}");
}

#[test]
fn an_unknown_host_is_unavailable() {
    // A label over 63 characters: the resolver refuses it without sending a query, so the
    // test never sends a DNS packet off this machine.
    let host = format!("{}.invalid", "x".repeat(64));
    let m = unavailable(&format!("postgresql+psycopg2://alice:{PASSWORD}@{host}/db"));
    assert!(m.contains(&host) && m.contains("error connecting"), "{m}");
}

#[test]
fn a_missing_database_is_unavailable() {
    let Some(server) = server_url() else { return };
    let base = server.split('?').next().unwrap_or(&server);
    let (root, _db) = base.rsplit_once('/').expect("URL has a database");
    let url = format!("{root}/onboardctl_no_such_db?sslmode=disable");
    let url = url.replacen("://postgres@", &format!("://postgres:{PASSWORD}@"), 1);
    if !url.contains(PASSWORD) {
        notice("test URL has no plain `postgres@` user; skipping the missing-database case");
        return;
    }
    let m = unavailable(&url);
    assert!(m.contains("does not exist") && m.contains("3D000"), "{m}");
}

/// Reads one length-prefixed message body (`tagged`: preceded by a type byte).
fn read_message(sock: &mut TcpStream, tagged: bool) -> Vec<u8> {
    if tagged {
        sock.read_exact(&mut [0u8; 1]).unwrap();
    }
    let mut len = [0u8; 4];
    sock.read_exact(&mut len).unwrap();
    let mut body = vec![0u8; u32::from_be_bytes(len) as usize - 4];
    sock.read_exact(&mut body).unwrap();
    body
}

fn message(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend_from_slice(&(u32::try_from(body.len() + 4).unwrap()).to_be_bytes());
    out.extend_from_slice(body);
    out
}

/// A fake server that asks for a cleartext password, reads it, and refuses it with 28P01,
/// the way PostgreSQL refuses a bad password. Returns its port.
fn password_refusing_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        read_message(&mut sock, false);
        sock.write_all(&message(b'R', &3u32.to_be_bytes())).unwrap();
        read_message(&mut sock, true);
        let mut fields = Vec::new();
        for (code, text) in [
            (b'S', "FATAL"),
            (b'V', "FATAL"),
            (b'C', "28P01"),
            (b'M', "password authentication failed for user \"alice\""),
        ] {
            fields.push(code);
            fields.extend_from_slice(text.as_bytes());
            fields.push(0);
        }
        fields.push(0);
        sock.write_all(&message(b'E', &fields)).unwrap();
    });
    port
}

#[test]
fn a_bad_password_is_unavailable_and_never_printed() {
    let port = password_refusing_server();
    let m = unavailable(&format!(
        "postgres://alice:{PASSWORD}@127.0.0.1:{port}/db?sslmode=disable"
    ));
    assert!(
        m.contains("password authentication failed") && m.contains("28P01"),
        "{m}"
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let holder = thread::spawn(move || {
        let (sock, _) = listener.accept().unwrap();
        thread::sleep(Duration::from_secs(4));
        drop(sock);
    });
    let started = Instant::now();
    let m = unavailable(&format!(
        "postgres://alice:{PASSWORD}@127.0.0.1:{port}/db?sslmode=disable&connect_timeout=1"
    ));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "gave up in time"
    );
    assert!(m.contains("timed out after 1s"), "{m}");
    holder.join().unwrap();
}

#[test]
fn open_never_migrates_postgres_even_when_asked() {
    let Some(schema) = TestSchema::create() else {
        return;
    };
    let url = DbUrl::parse(&schema.url()).unwrap();
    let mut store = store::open(
        &url,
        &store::OpenOptions {
            auto_migrate: true,
            ..Default::default()
        },
    )
    .expect("open");
    assert!(
        !store.schema_state().unwrap().pending.is_empty(),
        "still pending"
    );
    assert!(
        schema.tables().is_empty(),
        "nothing created: {:?}",
        schema.tables()
    );
    assert!(matches!(
        store.load_onboarding(&crate::support::user("u")),
        Err(StoreError::SchemaOutdated { .. })
    ));
}
