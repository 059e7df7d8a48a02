//! Finite-field Diffie-Hellman keys (node:crypto's 'dh' KeyObjects): PKCS#8 and SPKI with
//! PKCS#3 parameters (OID dhKeyAgreement, DHParameter { prime, base }), key generation for
//! given parameters, and the shared secret of crypto.diffieHellman(). Numbers are
//! num-bigint-dig's, as in crypto_dh.rs (createDiffieHellman).

use der::asn1::{AnyRef, UintRef};
use der::{Decode, Encode, Tag, Tagged};
use num_bigint_dig::{BigUint, RandBigInt};
use rand_core::OsRng;

use crate::crypto_err::{CryptoError, ossl};

/// A DH key: the group (p, g) and the private exponent x or the public value y.
#[derive(Clone)]
pub(crate) struct DhKey {
    pub p: BigUint,
    pub g: BigUint,
    pub value: BigUint,
}

fn unsupported() -> CryptoError {
    ossl::DECODER_UNSUPPORTED
}

fn integer(bytes: &[u8]) -> Result<BigUint, CryptoError> {
    let n = UintRef::from_der(bytes).map_err(|_| unsupported())?;
    Ok(BigUint::from_bytes_be(n.as_bytes()))
}

fn integer_der(n: &BigUint) -> Vec<u8> {
    let bytes = n.to_bytes_be();
    UintRef::new(&bytes)
        .and_then(|u| u.to_der())
        .unwrap_or_default()
}

/// DHParameter: SEQUENCE { prime, base, privateValueLength OPTIONAL }.
pub(crate) fn params_from(any: Option<AnyRef>) -> Result<(BigUint, BigUint), CryptoError> {
    let any = any.ok_or_else(unsupported)?;
    if any.tag() != Tag::Sequence {
        return Err(unsupported());
    }
    let mut reader = der::SliceReader::new(any.value()).map_err(|_| unsupported())?;
    let p = UintRef::decode(&mut reader).map_err(|_| unsupported())?;
    let g = UintRef::decode(&mut reader).map_err(|_| unsupported())?;
    Ok((
        BigUint::from_bytes_be(p.as_bytes()),
        BigUint::from_bytes_be(g.as_bytes()),
    ))
}

/// The DER of DHParameter { p, g }.
pub(crate) fn params_der(key: &DhKey) -> Vec<u8> {
    let mut body = integer_der(&key.p);
    body.extend(integer_der(&key.g));
    AnyRef::new(Tag::Sequence, &body)
        .and_then(|a| a.to_der())
        .unwrap_or_default()
}

/// A key from PKCS#8's parameters and privateKey (an INTEGER), or SPKI's parameters and
/// subjectPublicKey (an INTEGER too).
pub(crate) fn from_parts(params: Option<AnyRef>, value: &[u8]) -> Result<DhKey, CryptoError> {
    let (p, g) = params_from(params)?;
    let value = integer(value)?;
    if p.bits() == 0 {
        return Err(unsupported());
    }
    Ok(DhKey { p, g, value })
}

/// The INTEGER that PKCS#8's privateKey or SPKI's subjectPublicKey holds.
pub(crate) fn value_der(key: &DhKey) -> Vec<u8> {
    integer_der(&key.value)
}

pub(crate) fn public_of(private: &DhKey) -> DhKey {
    DhKey {
        p: private.p.clone(),
        g: private.g.clone(),
        value: private.g.modpow(&private.value, &private.p),
    }
}

/// A private key for the group (p, g): x random below p, as createDiffieHellman makes them.
pub(crate) fn generate(p: &[u8], g: &[u8]) -> Result<DhKey, CryptoError> {
    let p = BigUint::from_bytes_be(p);
    let g = BigUint::from_bytes_be(g);
    // OpenSSL 3 refuses groups under 512 bits.
    if p.bits() < 512 {
        return Err(CryptoError::Plain(
            "error:0280007E:Diffie-Hellman routines::modulus too small".into(),
        ));
    }
    if g.bits() == 0 {
        return Err(CryptoError::Plain("Key generation job failed".into()));
    }
    let bits = p.bits().saturating_sub(1).max(1);
    let x = loop {
        let x = OsRng.gen_biguint(bits);
        if x.bits() > 1 {
            break x;
        }
    };
    Ok(DhKey { p, g, value: x })
}

/// y^x mod p, left-padded to the prime's size.
pub(crate) fn shared_secret(private: &DhKey, public: &DhKey) -> Result<Vec<u8>, CryptoError> {
    if private.p != public.p || private.g != public.g {
        return Err(ossl::MISMATCHING_DOMAIN_PARAMETERS);
    }
    let one = BigUint::from(1u8);
    if public.value <= one || public.value >= &public.p - &one {
        return Err(ossl::FAILED_DURING_DERIVATION);
    }
    let s = public
        .value
        .modpow(&private.value, &private.p)
        .to_bytes_be();
    let len = private.p.bits().div_ceil(8);
    let mut out = vec![0u8; len.saturating_sub(s.len())];
    out.extend(s);
    Ok(out)
}
