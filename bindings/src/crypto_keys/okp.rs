//! The RFC 8410 key pairs held as plain octet strings: Ed25519 and X25519 (the dalek crates),
//! Ed448 and X448 (RustCrypto's ed448-goldilocks and x448). One table gives each its OID and JWK
//! "crv", so reading PKCS#8, SPKI and JWK handles all four alike;
//! the curve-448 arithmetic (public keys, RFC 8032 signatures, RFC 7748 agreement) is here too.

use der::asn1::ObjectIdentifier;

use super::{OID_ED448, OID_ED25519, OID_X448, OID_X25519, Private, Public};
use crate::crypto_err::{CryptoError, ossl};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Okp {
    Ed25519,
    X25519,
    Ed448,
    X448,
}

const ALL: [Okp; 4] = [Okp::Ed25519, Okp::X25519, Okp::Ed448, Okp::X448];

impl Okp {
    pub(crate) fn oid(self) -> ObjectIdentifier {
        match self {
            Okp::Ed25519 => OID_ED25519,
            Okp::X25519 => OID_X25519,
            Okp::Ed448 => OID_ED448,
            Okp::X448 => OID_X448,
        }
    }

    pub(crate) fn from_oid(oid: ObjectIdentifier) -> Option<Okp> {
        ALL.into_iter().find(|k| k.oid() == oid)
    }

    /// The JWK "crv" (and Web Crypto algorithm name).
    pub(crate) fn jwk_name(self) -> &'static str {
        match self {
            Okp::Ed25519 => "Ed25519",
            Okp::X25519 => "X25519",
            Okp::Ed448 => "Ed448",
            Okp::X448 => "X448",
        }
    }

    pub(crate) fn from_jwk_name(name: &str) -> Option<Okp> {
        ALL.into_iter().find(|k| k.jwk_name() == name)
    }
}

impl Private {
    /// The kind and private bytes of an octet-string key.
    pub(crate) fn okp(&self) -> Option<(Okp, &[u8])> {
        Some(match self {
            Private::Ed25519(d) => (Okp::Ed25519, d),
            Private::X25519(d) => (Okp::X25519, d),
            Private::Ed448(d) => (Okp::Ed448, d),
            Private::X448(d) => (Okp::X448, d),
            _ => return None,
        })
    }

    pub(crate) fn from_okp(kind: Okp, d: &[u8]) -> Result<Private, CryptoError> {
        let bad = |_| ossl::DECODER_UNSUPPORTED;
        Ok(match kind {
            Okp::Ed25519 => Private::Ed25519(d.try_into().map_err(bad)?),
            Okp::X25519 => Private::X25519(d.try_into().map_err(bad)?),
            Okp::Ed448 => Private::Ed448(d.try_into().map_err(bad)?),
            Okp::X448 => Private::X448(d.try_into().map_err(bad)?),
        })
    }
}

impl Public {
    /// The kind and public bytes of an octet-string key.
    pub(crate) fn okp(&self) -> Option<(Okp, &[u8])> {
        Some(match self {
            Public::Ed25519(x) => (Okp::Ed25519, x),
            Public::X25519(x) => (Okp::X25519, x),
            Public::Ed448(x) => (Okp::Ed448, x),
            Public::X448(x) => (Okp::X448, x),
            _ => return None,
        })
    }

    /// Any bytes of the right length: OpenSSL does not check that an EdDSA key is a point on
    /// the curve until it verifies with it (and then the signature just does not verify).
    pub(crate) fn from_okp(kind: Okp, x: &[u8]) -> Result<Public, CryptoError> {
        let bad = |_| ossl::EVP_DECODE_ERROR;
        Ok(match kind {
            Okp::Ed25519 => Public::Ed25519(x.try_into().map_err(bad)?),
            Okp::X25519 => Public::X25519(x.try_into().map_err(bad)?),
            Okp::Ed448 => Public::Ed448(x.try_into().map_err(bad)?),
            Okp::X448 => Public::X448(x.try_into().map_err(bad)?),
        })
    }
}

// ===== curve 448 =====

fn ed448_key(seed: &[u8; 57]) -> ed448_goldilocks::SigningKey {
    ed448_goldilocks::SigningKey::from(ed448_goldilocks::SecretKey::from(*seed))
}

pub(crate) fn ed448_public(seed: &[u8; 57]) -> [u8; 57] {
    ed448_key(seed).verifying_key().to_bytes()
}

/// Pure Ed448 (RFC 8032 5.2) with the empty context, as OpenSSL signs for Node.
pub(crate) fn ed448_sign(seed: &[u8; 57], data: &[u8]) -> Vec<u8> {
    ed448_key(seed).sign_raw(data).to_bytes().to_vec()
}

/// False for a key that is not a point, a signature of the wrong size or one that fails.
pub(crate) fn ed448_verify(public: &[u8; 57], data: &[u8], sig: &[u8]) -> bool {
    let Ok(key) = ed448_goldilocks::VerifyingKey::from_bytes(public) else {
        return false;
    };
    let Ok(sig) = ed448_goldilocks::Signature::from_slice(sig) else {
        return false;
    };
    key.verify_raw(&sig, data).is_ok()
}

pub(crate) fn x448_public(secret: &[u8; 56]) -> [u8; 56] {
    x448::x448_unchecked(*secret, x448::X448_BASEPOINT_BYTES)
}

/// RFC 7748's X448; None for a peer key of small order (an all-zero secret), which OpenSSL
/// refuses.
pub(crate) fn x448_shared(secret: &[u8; 56], public: &[u8; 56]) -> Option<[u8; 56]> {
    x448::x448(*secret, *public)
}
