//! Certificate verification on rustls-webpki that decides as Node (OpenSSL) does: a chain that
//! fails is recorded as OpenSSL's code and is fatal only with `rejectUnauthorized`, on both
//! sides. Handshake signatures of certificates webpki will not parse (X.509 v1, still common
//! among test fixtures) are checked against their public key directly.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{
    CertificateDer, PrivateKeyDer, ServerName, SubjectPublicKeyInfoDer, UnixTime,
};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::sign::CertifiedKey;
use rustls::{
    CertificateError, DigitallySignedStruct, DistinguishedName, RootCertStore, SignatureScheme,
};

use super::{extra, provider};

/// OpenSSL's verify error name (what Node reports) for a failed chain.
fn node_code(err: &rustls::Error, self_signed: bool, chain_len: usize) -> &'static str {
    if let rustls::Error::InvalidCertificate(e) = err {
        match e {
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                return "CERT_HAS_EXPIRED";
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                return "CERT_NOT_YET_VALID";
            }
            CertificateError::Revoked => return "CERT_REVOKED",
            CertificateError::BadSignature => return "CERT_SIGNATURE_FAILURE",
            _ => {}
        }
    }
    match (self_signed, chain_len) {
        (true, 1) => "DEPTH_ZERO_SELF_SIGNED_CERT",
        (true, _) => "SELF_SIGNED_CERT_IN_CHAIN",
        _ => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    }
}

/// Verifies the server's chain with webpki, but leaves the decision to the options: a failure
/// is recorded as Node's code and is fatal only with rejectUnauthorized. A name mismatch is
/// left to JS's checkServerIdentity, as in Node.
#[derive(Debug)]
pub(super) struct Verifier {
    pub(super) inner: Arc<rustls::client::WebPkiServerVerifier>,
    /// Certificates given as `ca` that a server may present as they are: OpenSSL trusts a
    /// self-signed certificate listed as a CA, where webpki refuses a CA as the end entity.
    pub(super) trusted_leaves: Vec<Vec<u8>>,
    pub(super) reject: bool,
}

impl Verifier {
    fn self_signed(leaf: &CertificateDer<'_>) -> bool {
        let mut store = RootCertStore::empty();
        if store.add(leaf.clone().into_owned()).is_err() {
            return false;
        }
        let Ok(v) = rustls::client::WebPkiServerVerifier::builder_with_provider(
            Arc::new(store),
            provider(),
        )
        .build() else {
            return false;
        };
        let name = ServerName::try_from("self.invalid").expect("valid name");
        match v.verify_server_cert(leaf, &[], &name, &[], UnixTime::now()) {
            Ok(_) => true,
            Err(rustls::Error::InvalidCertificate(e)) => !matches!(
                e,
                CertificateError::UnknownIssuer | CertificateError::BadSignature
            ),
            Err(_) => false,
        }
    }
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Ok(v) => Ok(v),
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            Err(_) if self.trusted_leaves.iter().any(|c| c[..] == end_entity[..]) => {
                Ok(ServerCertVerified::assertion())
            }
            Err(e) => {
                let code = node_code(&e, Self::self_signed(end_entity), intermediates.len() + 1);
                // The verifier is shared by the connections with the same options (see
                // client()): the code goes to the one being processed.
                extra::report_verify_error(code);
                if self.reject {
                    Err(e)
                } else {
                    Ok(ServerCertVerified::assertion())
                }
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner
            .verify_tls12_signature(message, cert, dss)
            .or_else(|e| raw_key_signature(message, cert, dss, false).map_err(|_| e))
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner
            .verify_tls13_signature(message, cert, dss)
            .or_else(|e| raw_key_signature(message, cert, dss, true).map_err(|_| e))
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A handshake signature checked with the certificate's public key, without webpki's parse of
/// the whole certificate.
fn raw_key_signature(
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
    tls13: bool,
) -> Result<HandshakeSignatureValid, rustls::Error> {
    let bad = || rustls::Error::InvalidCertificate(CertificateError::BadSignature);
    let (_, parsed) = x509_parser::parse_x509_certificate(cert.as_ref()).map_err(|_| bad())?;
    let spki = parsed.public_key();
    let algs = &provider().signature_verification_algorithms;
    if tls13 {
        let der = SubjectPublicKeyInfoDer::from(spki.raw);
        return rustls::crypto::verify_tls13_signature_with_raw_key(message, &der, dss, algs);
    }
    let candidates = algs
        .mapping
        .iter()
        .find(|(scheme, _)| *scheme == dss.scheme)
        .map_or(&[][..], |(_, a)| *a);
    candidates
        .iter()
        .find(|alg| {
            alg.verify_signature(&spki.subject_public_key.data, message, dss.signature())
                .is_ok()
        })
        .map(|_| HandshakeSignatureValid::assertion())
        .ok_or_else(bad)
}

/// A server's check of client certificates (`requestCert`): a chain that fails is recorded
/// and refused only with `rejectUnauthorized` (which also makes a certificate mandatory).
#[derive(Debug)]
pub(super) struct ClientVerifier {
    inner: Arc<dyn ClientCertVerifier>,
    reject: bool,
}

impl ClientVerifier {
    pub(super) fn new(roots: Arc<RootCertStore>, reject: bool) -> Result<Self, String> {
        let inner = rustls::server::WebPkiClientVerifier::builder_with_provider(roots, provider())
            .allow_unauthenticated()
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self { inner, reject })
    }
}

impl ClientCertVerifier for ClientVerifier {
    fn client_auth_mandatory(&self) -> bool {
        self.reject
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        match self
            .inner
            .verify_client_cert(end_entity, intermediates, now)
        {
            Ok(v) => Ok(v),
            Err(e) => {
                let self_signed = Verifier::self_signed(end_entity);
                extra::report_verify_error(node_code(&e, self_signed, intermediates.len() + 1));
                if self.reject {
                    Err(e)
                } else {
                    Ok(ClientCertVerified::assertion())
                }
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner
            .verify_tls12_signature(message, cert, dss)
            .or_else(|e| raw_key_signature(message, cert, dss, false).map_err(|_| e))
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner
            .verify_tls13_signature(message, cert, dss)
            .or_else(|e| raw_key_signature(message, cert, dss, true).map_err(|_| e))
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A certificate and its key, checked as OpenSSL checks them: a key that is not the
/// certificate's is refused, but a certificate webpki will not parse (X.509 v1) is still used
/// (rustls' own `with_single_cert` refuses it).
pub(super) fn certified_key(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<Arc<CertifiedKey>, String> {
    let signing = provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| e.to_string())?;
    let ck = CertifiedKey::new(chain, signing);
    let leaf = ck.end_entity_cert().map_err(|e| e.to_string())?;
    let (_, parsed) = x509_parser::parse_x509_certificate(leaf.as_ref())
        .map_err(|_| "error:0480006C:PEM routines::no start line".to_string())?;
    if let Some(spki) = ck.key.public_key()
        && spki.as_ref() != parsed.public_key().raw
    {
        return Err(rustls::Error::from(rustls::InconsistentKeys::KeyMismatch).to_string());
    }
    Ok(Arc::new(ck))
}

/// The one certificate a side presents, whatever the peer asks.
#[derive(Debug)]
pub(super) struct OneCert(pub(super) Arc<CertifiedKey>);

impl rustls::server::ResolvesServerCert for OneCert {
    fn resolve(&self, _: rustls::server::ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
}

impl rustls::client::ResolvesClientCert for OneCert {
    fn resolve(&self, _: &[&[u8]], _: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }

    fn has_certs(&self) -> bool {
        true
    }
}
