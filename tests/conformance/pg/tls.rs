//! TLS against the real local server, which runs `ssl = on` with Debian's self-signed snakeoil
//! certificate (CN and SAN `localhost`). Whether a connection is encrypted is read from
//! `pg_stat_ssl` for the backend carrying a unique `application_name`.

use std::path::Path;

use onboardctl::store::postgres::PgStore;
use onboardctl::store::StoreError;

use super::{notice, pg_url, TestSchema};

const SNAKEOIL: &str = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
/// A CA bundle that does not hold the snakeoil certificate.
const OTHER_ROOTS: &str = "/etc/ssl/certs/ca-certificates.crt";

/// Connects with `params` (and, with `localhost`, the host name the certificate names) and
/// returns whether the session is encrypted; `None` when skipped.
fn connect(params: &str, localhost: bool) -> Option<Result<bool, StoreError>> {
    let schema = TestSchema::create()?;
    let app = format!("{}_tls", schema.name);
    let mut url = schema.url_with(&format!("application_name={app}&{params}"));
    if localhost {
        if !url.contains("@127.0.0.1") {
            notice("test URL is not on 127.0.0.1; skipping a host-name TLS case");
            return None;
        }
        url = url.replacen("@127.0.0.1", "@localhost", 1);
    }
    let store = match PgStore::connect(&pg_url(&url)) {
        Ok(store) => store,
        Err(e) => return Some(Err(e)),
    };
    let sql = "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) \
               WHERE a.application_name = $1";
    let row = schema
        .admin()
        .query_one(sql, &[&app])
        .expect("our backend in pg_stat_ssl");
    drop(store);
    Some(Ok(row.get(0)))
}

fn needs(path: &str) -> bool {
    let ok = Path::new(path).is_file();
    if !ok {
        notice(&format!(
            "`{path}` is missing on this machine; skipping a TLS case"
        ));
    }
    ok
}

fn assert_tls_failure(result: Option<Result<bool, StoreError>>, expect: &str) {
    match result {
        None => {}
        Some(Err(StoreError::Unavailable(m))) => {
            assert!(m.contains("TLS") && m.contains(expect), "reason: {m}");
            assert!(!m.contains('\n'), "one line: {m}");
        }
        Some(other) => panic!("expected Unavailable with a TLS reason, got {other:?}"),
    }
}

#[test]
fn require_encrypts_without_verifying() {
    if let Some(r) = connect("sslmode=require", false) {
        assert!(
            r.expect("require connects to a self-signed server"),
            "encrypted"
        );
    }
}

#[test]
fn prefer_encrypts_when_the_server_offers_it() {
    if let Some(r) = connect("sslmode=prefer", false) {
        assert!(r.expect("prefer connects"), "encrypted");
    }
}

#[test]
fn disable_connects_in_plaintext() {
    if let Some(r) = connect("sslmode=disable", false) {
        assert!(!r.expect("disable connects"), "not encrypted");
    }
}

#[test]
fn verify_full_without_the_right_root_fails_with_a_tls_reason() {
    if needs(OTHER_ROOTS) {
        let params = format!("sslmode=verify-full&sslrootcert={OTHER_ROOTS}");
        assert_tls_failure(connect(&params, true), "UnknownIssuer");
    }
}

#[test]
fn verify_full_with_system_roots_rejects_the_self_signed_certificate() {
    if needs(OTHER_ROOTS) {
        assert_tls_failure(connect("sslmode=verify-full", true), "certificate");
    }
}

#[test]
fn verify_full_with_the_snakeoil_root_and_its_host_name_connects() {
    if needs(SNAKEOIL) {
        let params = format!("sslmode=verify-full&sslrootcert={SNAKEOIL}");
        if let Some(r) = connect(&params, true) {
            assert!(r.expect("the certificate is its own root"), "encrypted");
        }
    }
}

#[test]
fn verify_full_rejects_a_host_the_certificate_does_not_name() {
    if needs(SNAKEOIL) {
        let params = format!("sslmode=verify-full&sslrootcert={SNAKEOIL}");
        assert_tls_failure(connect(&params, false), "not valid for name");
    }
}

#[test]
fn verify_ca_checks_the_chain_but_not_the_host_name() {
    if needs(SNAKEOIL) {
        let params = format!("sslmode=verify-ca&sslrootcert={SNAKEOIL}");
        if let Some(r) = connect(&params, false) {
            assert!(r.expect("127.0.0.1 is not named, but verify-ca ignores names"));
        }
    }
    if needs(OTHER_ROOTS) {
        let params = format!("sslmode=verify-ca&sslrootcert={OTHER_ROOTS}");
        assert_tls_failure(connect(&params, false), "UnknownIssuer");
    }
}

#[test]
fn require_with_a_root_file_verifies_the_chain_as_libpq_does() {
    if needs(OTHER_ROOTS) {
        let params = format!("sslmode=require&sslrootcert={OTHER_ROOTS}");
        assert_tls_failure(connect(&params, false), "UnknownIssuer");
    }
}
