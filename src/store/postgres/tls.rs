//! TLS for PostgreSQL with rustls (ring provider, no OpenSSL), following libpq's `sslmode`:
//!
//! | sslmode | encrypts | verifies chain | verifies host name |
//! |---|---|---|---|
//! | `disable` | no | – | – |
//! | `prefer` | if the server offers it | no | no |
//! | `require` | yes | only with `sslrootcert` (libpq: then like `verify-ca`) | no |
//! | `verify-ca` | yes | yes | no |
//! | `verify-full` | yes | yes | yes |
//!
//! Roots for the verifying modes: the `sslrootcert` file; `sslrootcert=system` or, without
//! `sslrootcert`, `~/.postgresql/root.crt` when it exists (libpq's default) and else the
//! system's CA bundle (`SSL_CERT_FILE` or the usual distribution paths). A certificate that
//! is not verified still has to sign the handshake: the "accept any" verifier checks those
//! signatures with the provider's algorithms, so `require` is encryption against a passive
//! eavesdropper, as in libpq.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Once};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::config::SslMode;

/// CA bundles of the common distributions (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine,
/// macOS and the BSDs), tried in order when no root file is named.
const SYSTEM_BUNDLES: [&str; 6] = [
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/ssl/cert.pem",
    "/usr/local/share/certs/ca-root-nss.crt",
];

/// Installs ring as rustls' process-wide provider once, so nothing else in the process (or a
/// library user) has to; an already installed provider is kept.
pub(crate) fn install_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The TLS connector for `mode`, or `None` for `disable`. The error is a one-line reason.
pub(crate) fn connector(
    mode: SslMode,
    root: Option<&Path>,
) -> Result<Option<MakeRustlsConnect>, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier: Arc<dyn ServerCertVerifier> = match (mode, root) {
        (SslMode::Disable, _) => return Ok(None),
        (SslMode::Prefer, _) | (SslMode::Require, None) => {
            Arc::new(AcceptAnyCert(Arc::clone(&provider)))
        }
        (SslMode::Require | SslMode::VerifyCa, _) => {
            Arc::new(ChainOnly(webpki(roots(root)?, &provider)?))
        }
        (SslMode::VerifyFull, _) => webpki(roots(root)?, &provider)?,
    };
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup failed: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(Some(MakeRustlsConnect::new(config)))
}

fn webpki(
    roots: RootCertStore,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>, String> {
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(provider))
        .build()
        .map_err(|e| format!("TLS setup failed: {e}"))
}

/// The trust anchors for a verifying mode (see the module docs for the search order).
fn roots(root: Option<&Path>) -> Result<RootCertStore, String> {
    let explicit = root.filter(|p| p.as_os_str() != "system");
    let (path, named) = match explicit {
        Some(path) => (path.to_owned(), true),
        None => match default_root(root.is_none()) {
            Some(path) => (path, false),
            None => {
                return Err("no root certificates found for certificate verification; \
                            name a CA file with `sslrootcert=PATH`"
                    .to_owned())
            }
        },
    };
    load(&path).map_err(|e| {
        let what = if named {
            "sslrootcert"
        } else {
            "root certificate file"
        };
        format!("cannot use {what} `{}`: {e}", path.display())
    })
}

/// `~/.postgresql/root.crt` (only when `sslrootcert` was absent, as libpq), then the system
/// bundle.
fn default_root(libpq_default: bool) -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(|h| Path::new(&h).join(".postgresql/root.crt"));
    let user = home.filter(|p| libpq_default && p.is_file());
    let env = std::env::var_os("SSL_CERT_FILE")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    user.or(env).or_else(|| {
        SYSTEM_BUNDLES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
    })
}

/// Every certificate in a PEM file; an error when there is none.
fn load(path: &Path) -> Result<RootCertStore, String> {
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let mut store = RootCertStore::empty();
    let (added, _ignored) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err("no usable certificate in the file".to_owned());
    }
    Ok(store)
}

/// `prefer` and `require`: any certificate, but the handshake must be signed by its key.
#[derive(Debug)]
struct AcceptAnyCert(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCert {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: webpki's full verification, except that a certificate valid for another
/// name is accepted. webpki checks the name only after the chain, validity and usage, so
/// this error means everything else held.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verified =
            self.0
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now);
        match verified {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disable_needs_no_connector() {
        assert!(connector(SslMode::Disable, None).unwrap().is_none());
        assert!(connector(SslMode::Prefer, None).unwrap().is_some());
        assert!(connector(SslMode::Require, None).unwrap().is_some());
    }

    #[test]
    fn a_missing_root_file_is_named_in_the_reason() {
        let err = connector(SslMode::VerifyFull, Some(Path::new("/nonexistent/ca.pem")))
            .err()
            .expect("missing file");
        assert!(err.contains("sslrootcert `/nonexistent/ca.pem`"), "{err}");
    }

    #[test]
    fn a_file_without_certificates_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.pem");
        std::fs::write(&path, "not a certificate\n").unwrap();
        let err = connector(SslMode::VerifyCa, Some(&path))
            .err()
            .expect("no certs");
        assert!(err.contains("no usable certificate"), "{err}");
    }
}
