//! HTTPS, for tests of a client's TLS settings (a custom CA bundle, a client identity): a
//! throwaway certificate authority made at start, a server certificate for `localhost` and
//! `127.0.0.1` signed by it, and, when client certificates are required (mutual TLS), a client
//! identity issued by the same authority. Nothing is read from or written to disk; the PEM a
//! test needs is in the startup line.

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

use crate::config::ConfigError;

/// The certificates of one run and the acceptor serving them.
pub struct TestPki {
    /// The authority's certificate: what a client must trust.
    pub ca_pem: String,
    /// A client certificate and its key (PEM), when the server requires one.
    pub client_identity_pem: Option<String>,
    pub(crate) acceptor: TlsAcceptor,
}

fn failed(what: &str, e: impl std::fmt::Display) -> ConfigError {
    ConfigError(format!("TLS: cannot make the {what}: {e}"))
}

impl TestPki {
    /// A new authority and server certificate; `client_auth` also requires client certificates
    /// signed by the authority, and issues one.
    pub fn generate(client_auth: bool) -> Result<Self, ConfigError> {
        let ca_key = KeyPair::generate().map_err(|e| failed("CA key", e))?;
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(|e| failed("CA", e))?;
        ca_params.distinguished_name.push(DnType::CommonName, "imburse-emulator test CA");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_cert = ca_params.self_signed(&ca_key).map_err(|e| failed("CA", e))?;
        let issuer = Issuer::new(ca_params, ca_key);

        let server_key = KeyPair::generate().map_err(|e| failed("server key", e))?;
        let mut server_params = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .map_err(|e| failed("server certificate", e))?;
        server_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let server_cert = server_params.signed_by(&server_key, &issuer).map_err(|e| failed("server certificate", e))?;

        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| failed("server configuration", e))?;
        let (builder, client_identity_pem) = if client_auth {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(ca_cert.der().clone()).map_err(|e| failed("client roots", e))?;
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| failed("client verifier", e))?;
            let client_key = KeyPair::generate().map_err(|e| failed("client key", e))?;
            let mut client_params =
                CertificateParams::new(Vec::<String>::new()).map_err(|e| failed("client certificate", e))?;
            client_params.distinguished_name.push(DnType::CommonName, "imburse-emulator test client");
            client_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
            let client_cert =
                client_params.signed_by(&client_key, &issuer).map_err(|e| failed("client certificate", e))?;
            let identity = format!("{}{}", client_cert.pem(), client_key.serialize_pem());
            (builder.with_client_cert_verifier(verifier), Some(identity))
        } else {
            (builder.with_no_client_auth(), None)
        };
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
        let chain: Vec<CertificateDer<'static>> = vec![server_cert.der().clone(), ca_cert.der().clone()];
        let mut config = builder.with_single_cert(chain, key).map_err(|e| failed("server configuration", e))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(TestPki { ca_pem: ca_cert.pem(), client_identity_pem, acceptor: TlsAcceptor::from(Arc::new(config)) })
    }
}
