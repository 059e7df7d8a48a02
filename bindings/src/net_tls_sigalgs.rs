//! The `sigalgs` option (signature schemes, as TLS codes JS read from OpenSSL's names): the
//! schemes a side offers to verify (a client's hello, a server's certificate request), the
//! ones its own key may sign with, and `getSharedSigalgs()`: the peer's list, as far as this
//! side allows it.

use std::cell::RefCell;
use std::sync::Arc;

use rustls::SignatureScheme;
use rustls::pki_types::SubjectPublicKeyInfoDer;
use rustls::sign::{CertifiedKey, Signer, SigningKey};

thread_local! {
    /// The schemes the peer of the connection being processed listed (see `note_peer`).
    static PEER: RefCell<Option<Vec<u16>>> = const { RefCell::new(None) };
}

/// The peer's list as rustls shows it to a certificate resolver (configs are shared, so it is
/// passed to the connection being processed through here, as key log lines are).
pub(super) fn note_peer(schemes: &[SignatureScheme]) {
    let codes = schemes.iter().map(|s| u16::from(*s)).collect();
    PEER.with(|p| *p.borrow_mut() = Some(codes));
}

/// The list noted since the last call.
pub(super) fn take_peer() -> Option<Vec<u16>> {
    PEER.with(|p| p.borrow_mut().take())
}

/// What both sides allow: the peer's list in its order (in ours with `ours_first`, a server
/// that honours its own preference), less what `ours` (None: everything) leaves out.
pub(super) fn shared(peer: &[u16], ours: Option<&[u16]>, ours_first: bool) -> Vec<u16> {
    match ours {
        None => peer.to_vec(),
        Some(ours) if ours_first => ours.iter().copied().filter(|c| peer.contains(c)).collect(),
        Some(ours) => peer.iter().copied().filter(|c| ours.contains(c)).collect(),
    }
}

/// The schemes a verifier offers: its own, as far as (and in the order) `allowed` says.
pub(super) fn offered(all: Vec<SignatureScheme>, allowed: Option<&[u16]>) -> Vec<SignatureScheme> {
    match allowed {
        None => all,
        Some(allowed) => allowed
            .iter()
            .map(|c| SignatureScheme::from(*c))
            .filter(|s| all.contains(s))
            .collect(),
    }
}

/// A key that signs only with the schemes allowed.
#[derive(Debug)]
struct Restricted {
    inner: Arc<dyn SigningKey>,
    allowed: Vec<SignatureScheme>,
}

impl SigningKey for Restricted {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        let both: Vec<SignatureScheme> = offered
            .iter()
            .copied()
            .filter(|s| self.allowed.contains(s))
            .collect();
        self.inner.choose_scheme(&both)
    }

    fn public_key(&self) -> Option<SubjectPublicKeyInfoDer<'_>> {
        self.inner.public_key()
    }

    fn algorithm(&self) -> rustls::SignatureAlgorithm {
        self.inner.algorithm()
    }
}

/// `ck` signing only with `allowed` (None: as it can).
pub(super) fn restrict(ck: Arc<CertifiedKey>, allowed: Option<&[u16]>) -> Arc<CertifiedKey> {
    let Some(allowed) = allowed else {
        return ck;
    };
    let key = Arc::new(Restricted {
        inner: ck.key.clone(),
        allowed: allowed.iter().map(|c| SignatureScheme::from(*c)).collect(),
    });
    let mut out = CertifiedKey::new(ck.cert.clone(), key);
    out.ocsp = ck.ocsp.clone();
    Arc::new(out)
}
