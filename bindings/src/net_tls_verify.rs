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

use super::{extra, provider, sigalgs};

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

/// How far the peer's own certificates chain up from the leaf (each the issuer of the one
/// before, by name), and whether the last of them issued itself. OpenSSL names a failure by
/// where the chain it built stops: at the leaf, at a self-issued root it does not trust, or
/// at an intermediate whose issuer it has not got.
fn sent_chain(end_entity: &[u8], intermediates: &[CertificateDer<'_>]) -> (usize, bool) {
    let names = |der: &[u8]| -> Option<(Vec<u8>, Vec<u8>)> {
        let (_, c) = x509_parser::parse_x509_certificate(der).ok()?;
        Some((c.subject().as_raw().to_vec(), c.issuer().as_raw().to_vec()))
    };
    let Some(mut current) = names(end_entity) else {
        return (1, false);
    };
    let others: Vec<(Vec<u8>, Vec<u8>)> = intermediates.iter().filter_map(|c| names(c)).collect();
    let mut depth = 1;
    while current.0 != current.1 && depth <= others.len() {
        match others.iter().find(|(subject, _)| *subject == current.1) {
            Some(next) => {
                current = next.clone();
                depth += 1;
            }
            None => break,
        }
    }
    (depth, current.0 == current.1)
}

/// Node's code for a chain webpki refused, from what the peer sent.
fn chain_code(
    err: &rustls::Error,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> &'static str {
    let (depth, top_self_issued) = sent_chain(end_entity, intermediates);
    if depth == 1 {
        return node_code(err, Verifier::self_signed(end_entity), 1);
    }
    match node_code(err, top_self_issued, depth) {
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE" => "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        code => code,
    }
}

/// Verifies the server's chain with webpki, but leaves the decision to the options: a failure
/// is recorded as Node's code and is fatal only with rejectUnauthorized. A name mismatch is
/// left to JS's checkServerIdentity, as in Node.
#[derive(Debug)]
pub(super) struct Verifier {
    pub(super) inner: Arc<rustls::client::WebPkiServerVerifier>,
    /// The same roots `inner` has, for chains webpki will not read (see `v1_chain`).
    pub(super) roots: Arc<RootCertStore>,
    /// Certificates given as `ca` that a server may present as they are: OpenSSL trusts a
    /// self-signed certificate listed as a CA, where webpki refuses a CA as the end entity.
    pub(super) trusted_leaves: Vec<Vec<u8>>,
    pub(super) reject: bool,
    /// The schemes offered (`sigalgs`); None: all webpki's.
    pub(super) sigalgs: Option<Vec<u16>>,
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
            .or_else(|e| v1_chain(e, end_entity, intermediates, &self.roots, now))
        {
            Ok(v) => Ok(v),
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            Err(_) if self.trusted_leaves.iter().any(|c| c[..] == end_entity[..]) => {
                Ok(ServerCertVerified::assertion())
            }
            Err(e) => {
                let code = chain_code(&e, end_entity, intermediates);
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
        sigalgs::offered(
            self.inner.supported_verify_schemes(),
            self.sigalgs.as_deref(),
        )
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

/// A server's check of client certificates (`requestCert`): a chain that fails is recorded for
/// JS, which drops the connection with `rejectUnauthorized` (which also makes a certificate
/// mandatory here).
#[derive(Debug)]
pub(super) struct ClientVerifier {
    inner: Arc<dyn ClientCertVerifier>,
    roots: Arc<RootCertStore>,
    /// Certificates given as `ca` themselves: a client presenting one of them is trusted, as
    /// OpenSSL trusts a self-signed certificate found in its store (webpki wants an issuer).
    trusted_leaves: Vec<Vec<u8>>,
    reject: bool,
    sigalgs: Option<Vec<u16>>,
}

impl ClientVerifier {
    pub(super) fn new(
        roots: Arc<RootCertStore>,
        trusted_leaves: Vec<Vec<u8>>,
        reject: bool,
        sigalgs: Option<Vec<u16>>,
    ) -> Result<Self, String> {
        let inner =
            rustls::server::WebPkiClientVerifier::builder_with_provider(roots.clone(), provider())
                .allow_unauthenticated()
                .build()
                .map_err(|e| e.to_string())?;
        Ok(Self {
            inner,
            roots,
            trusted_leaves,
            reject,
            sigalgs,
        })
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
        let checked = self
            .inner
            .verify_client_cert(end_entity, intermediates, now)
            .or_else(|e| {
                v1_chain(e, end_entity, intermediates, &self.roots, now)
                    .map(|_| ClientCertVerified::assertion())
            });
        match checked {
            Ok(v) => Ok(v),
            Err(_) if self.trusted_leaves.iter().any(|c| c[..] == end_entity[..]) => {
                Ok(ClientCertVerified::assertion())
            }
            Err(e) => {
                // As Node's server, whose verify callback lets every chain through: the
                // handshake completes and JS, seeing the error, drops the connection when
                // rejectUnauthorized (the client sees a hang-up, not an alert).
                extra::report_verify_error(chain_code(&e, end_entity, intermediates));
                Ok(ClientCertVerified::assertion())
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
        sigalgs::offered(
            self.inner.supported_verify_schemes(),
            self.sigalgs.as_deref(),
        )
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
    fn resolve(&self, hello: rustls::server::ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        sigalgs::note_peer(hello.signature_schemes());
        Some(self.0.clone())
    }
}

/// A server with several certificates (one per kind of key, as OpenSSL keeps them): the first
/// the client can verify. Over TLS 1.2 the suite decides the kind too (an ECDSA suite needs an
/// ECDSA key), so the client's suites must include one for the key.
#[derive(Debug)]
pub(super) struct ManyCerts(pub(super) Vec<Arc<CertifiedKey>>);

impl ManyCerts {
    /// Whether the client can verify the key's signatures and, with `tls12`, offers a TLS 1.2
    /// suite for its kind (without: a TLS 1.3 suite, where any kind will do). A TLS 1.2 fit
    /// is looked for first: a hello lists TLS 1.3 suites even when the client cannot
    /// negotiate TLS 1.3 with this server.
    fn fits(ck: &CertifiedKey, hello: &rustls::server::ClientHello<'_>, tls12: bool) -> bool {
        if ck.key.choose_scheme(hello.signature_schemes()).is_none() {
            return false;
        }
        let mut suites = hello.cipher_suites().iter().map(|s| format!("{s:?}"));
        if !tls12 {
            return suites.any(|s| s.starts_with("TLS13_"));
        }
        let kind = match ck.key.algorithm() {
            rustls::SignatureAlgorithm::RSA => "_RSA_",
            _ => "_ECDSA_",
        };
        suites.any(|s| s.contains(kind))
    }
}

impl rustls::server::ResolvesServerCert for ManyCerts {
    fn resolve(&self, hello: rustls::server::ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        sigalgs::note_peer(hello.signature_schemes());
        self.0
            .iter()
            .find(|ck| Self::fits(ck, &hello, true))
            .or_else(|| self.0.iter().find(|ck| Self::fits(ck, &hello, false)))
            .or(self.0.first())
            .cloned()
    }
}

impl rustls::client::ResolvesClientCert for OneCert {
    fn resolve(&self, _: &[&[u8]], schemes: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        sigalgs::note_peer(schemes);
        Some(self.0.clone())
    }

    fn has_certs(&self) -> bool {
        true
    }
}

// ===== X.509 v1 chains =====
//
// webpki reads only v3 certificates and modern signatures; OpenSSL (and so Node, and Node's own
// test fixtures) also takes v1 certificates, which carry no extensions, and 1024-bit RSA CAs.
// For those the chain is walked here: each certificate must be in its validity period and
// signed by the next (a v3 issuer a CA), up to a trusted root.

/// The contents of the DER value at the start of `der`, and what follows it.
fn der_value(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let first = *der.get(1)?;
    let (len, head) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let len = der
            .get(2..2 + n)?
            .iter()
            .fold(0usize, |a, b| (a << 8) | usize::from(*b));
        (len, 2 + n)
    };
    let end = head.checked_add(len)?;
    Some((der.get(head..end)?, der.get(end..)?))
}

/// A certificate's signed part (whole), signature algorithm (contents) and signature bits.
fn signed_parts(cert: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let (body, _) = der_value(cert)?;
    let (_, rest) = der_value(body)?;
    let tbs = &body[..body.len() - rest.len()];
    let (alg, rest) = der_value(rest)?;
    let (sig, _) = der_value(rest)?;
    Some((tbs, alg, sig.get(1..)?))
}

/// Whether `cert` is signed by the key whose bits are `public_key`.
fn signed_by(cert: &[u8], public_key: &[u8]) -> bool {
    let Some((tbs, alg, sig)) = signed_parts(cert) else {
        return false;
    };
    provider()
        .signature_verification_algorithms
        .all
        .iter()
        .filter(|a| a.signature_alg_id().as_ref() == alg)
        .any(|a| a.verify_signature(public_key, tbs, sig).is_ok())
        || legacy_rsa(alg, public_key, tbs, sig)
}

/// PKCS#1 v1.5 RSA signatures with keys under 2048 bits or SHA-1, which webpki refuses and
/// OpenSSL's default security level still takes (old CA certificates, test fixtures).
fn legacy_rsa(alg: &[u8], public_key: &[u8], tbs: &[u8], sig: &[u8]) -> bool {
    use rsa::pkcs1::DecodeRsaPublicKey;
    use sha2::Digest;
    // sha{1,256,384,512}WithRSAEncryption: 1.2.840.113549.1.1.{5,11,12,13}, NULL parameters.
    const PREFIX: &[u8] = &[0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
    let Some(rest) = alg.strip_prefix(PREFIX) else {
        return false;
    };
    let Ok(key) = rsa::RsaPublicKey::from_pkcs1_der(public_key) else {
        return false;
    };
    let (scheme, digest) = match rest.first() {
        Some(5) => (
            rsa::Pkcs1v15Sign {
                // sha1's OID is not compiled in: its DigestInfo prefix, spelled out.
                hash_len: Some(20),
                prefix: Box::new([
                    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00,
                    0x04, 0x14,
                ]),
            },
            sha1::Sha1::digest(tbs).to_vec(),
        ),
        Some(11) => (
            rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
            sha2::Sha256::digest(tbs).to_vec(),
        ),
        Some(12) => (
            rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
            sha2::Sha384::digest(tbs).to_vec(),
        ),
        Some(13) => (
            rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
            sha2::Sha512::digest(tbs).to_vec(),
        ),
        _ => return false,
    };
    key.verify(scheme, &digest, sig).is_ok()
}

/// The key bits of a SubjectPublicKeyInfo given by its contents (as a trust anchor keeps it).
fn anchor_key(spki_contents: &[u8]) -> Option<&[u8]> {
    let (_, rest) = der_value(spki_contents)?;
    let (bits, _) = der_value(rest)?;
    bits.get(1..)
}

fn in_period(
    cert: &x509_parser::certificate::X509Certificate<'_>,
    now: UnixTime,
) -> Result<(), CertificateError> {
    let now = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
    let validity = cert.validity();
    if now < validity.not_before.timestamp() {
        Err(CertificateError::NotValidYet)
    } else if now > validity.not_after.timestamp() {
        Err(CertificateError::Expired)
    } else {
        Ok(())
    }
}

/// `err` stands unless it is webpki refusing a certificate's version or a signature of a
/// legacy kind (RSA under 2048 bits, SHA-1); then the chain is verified here instead.
fn v1_chain(
    err: rustls::Error,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    roots: &RootCertStore,
    now: UnixTime,
) -> Result<ServerCertVerified, rustls::Error> {
    let text = format!("{err:?}");
    let legacy = [
        "UnsupportedCertVersion",
        "BadSignature",
        "UnsupportedSignatureAlgorithm",
    ];
    if !legacy.iter().any(|l| text.contains(l)) {
        return Err(err);
    }
    let unknown = || rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
    let mut current: &[u8] = end_entity.as_ref();
    for _ in 0..=intermediates.len() {
        let (_, cert) = x509_parser::parse_x509_certificate(current).map_err(|_| unknown())?;
        in_period(&cert, now).map_err(rustls::Error::InvalidCertificate)?;
        let issuer = cert.issuer().as_raw();
        let issuer_contents = der_value(issuer).map_or(&[][..], |(v, _)| v);
        let anchored = roots.roots.iter().any(|anchor| {
            anchor.subject.as_ref() == issuer_contents
                && anchor_key(anchor.subject_public_key_info.as_ref())
                    .is_some_and(|key| signed_by(current, key))
        });
        if anchored {
            return Ok(ServerCertVerified::assertion());
        }
        let next = intermediates.iter().find(|c| {
            c.as_ref() != current
                && x509_parser::parse_x509_certificate(c.as_ref()).is_ok_and(|(_, ic)| {
                    // A v3 issuer must say it is a CA (a v1 one cannot say anything).
                    let ca = ic.version() == x509_parser::x509::X509Version::V1
                        || ic
                            .basic_constraints()
                            .ok()
                            .flatten()
                            .is_some_and(|b| b.value.ca);
                    ca && ic.subject().as_raw() == issuer
                        && signed_by(current, &ic.public_key().subject_public_key.data)
                })
        });
        match next {
            Some(c) => current = c.as_ref(),
            None => return Err(unknown()),
        }
    }
    Err(unknown())
}
