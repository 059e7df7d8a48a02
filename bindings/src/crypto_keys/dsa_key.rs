//! DSA keys (node:crypto's 'dsa' KeyObjects) through RustCrypto's `dsa` crate: PKCS#8 and SPKI,
//! the details Node reports, signatures over a digest (DER or IEEE P1363, random k as OpenSSL
//! does), and generation. The crate generates only four (L, N) sizes while Node takes any L of
//! at least 1024 bits with N of 160, 224 or 256 (224 by default), so the domain parameters are
//! found here the way the crate finds them (FIPS 186-4's probable primes) and handed to it.

use der::{Decode, Encode};
use dsa::signature::hazmat::{PrehashVerifier, RandomizedPrehashSigner};
use dsa::{Components, Signature, SigningKey, VerifyingKey};
use num_bigint_dig::{BigUint, RandBigInt, RandPrime, prime::probably_prime};
use pkcs8::{EncodePrivateKey, EncodePublicKey};
use rand_core::OsRng;

use crate::crypto_err::{CryptoError, ossl};

fn bad_parameters() -> CryptoError {
    CryptoError::Plain("error:05000072:dsa routines::bad ffc parameters".into())
}

pub(crate) fn private_from_pkcs8(info: pkcs8::PrivateKeyInfo) -> Result<SigningKey, CryptoError> {
    SigningKey::try_from(info).map_err(|_| ossl::DECODER_UNSUPPORTED)
}

pub(crate) fn public_from_spki(
    info: &spki::SubjectPublicKeyInfoRef,
) -> Result<VerifyingKey, CryptoError> {
    VerifyingKey::try_from(info.clone()).map_err(|_| ossl::DECODER_UNSUPPORTED)
}

/// OpenSSL's traditional "DSA PRIVATE KEY": SEQUENCE { 0, p, q, g, y, x }.
pub(crate) fn private_from_traditional(der: &[u8]) -> Result<SigningKey, CryptoError> {
    use der::Reader;
    let int = |r: &mut der::NestedReader<'_, der::SliceReader<'_>>| {
        der::asn1::UintRef::decode(r).map(|u| BigUint::from_bytes_be(u.as_bytes()))
    };
    let parts = der::SliceReader::new(der).and_then(|mut r| {
        r.sequence(|seq| {
            let version = int(seq)?;
            Ok((
                version,
                int(seq)?,
                int(seq)?,
                int(seq)?,
                int(seq)?,
                int(seq)?,
            ))
        })
    });
    let Ok((version, p, q, g, y, x)) = parts else {
        return Err(ossl::DECODER_UNSUPPORTED);
    };
    if version != BigUint::from(0u8) {
        return Err(ossl::DECODER_UNSUPPORTED);
    }
    Components::from_components(p, q, g)
        .and_then(|c| VerifyingKey::from_components(c, y))
        .and_then(|vk| SigningKey::from_components(vk, x))
        .map_err(|_| ossl::DECODER_UNSUPPORTED)
}

pub(crate) fn to_pkcs8(key: &SigningKey) -> Vec<u8> {
    key.to_pkcs8_der()
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default()
}

pub(crate) fn to_spki(key: &VerifyingKey) -> Vec<u8> {
    key.to_public_key_der()
        .map(|d| d.into_vec())
        .unwrap_or_default()
}

/// `(modulusLength, divisorLength)`: the bit lengths of p and q.
pub(crate) fn details(key: &VerifyingKey) -> (usize, usize) {
    let c = key.components();
    (c.p().bits(), c.q().bits())
}

/// `digest` is the message's hash; DSA takes its leftmost N bits.
pub(crate) fn sign(key: &SigningKey, digest: &[u8], p1363: bool) -> Result<Vec<u8>, CryptoError> {
    let sig = key
        .sign_prehash_with_rng(&mut OsRng, digest)
        .map_err(|_| CryptoError::Plain("DSA signing failed".into()))?;
    if !p1363 {
        return sig
            .to_der()
            .map_err(|_| CryptoError::Plain("DSA signing failed".into()));
    }
    let n = key.verifying_key().components().q().bits().div_ceil(8);
    let mut out = Vec::with_capacity(2 * n);
    for part in [sig.r(), sig.s()] {
        let bytes = part.to_bytes_be();
        out.extend(std::iter::repeat_n(0u8, n.saturating_sub(bytes.len())));
        out.extend(bytes);
    }
    Ok(out)
}

pub(crate) fn verify(key: &VerifyingKey, digest: &[u8], sig: &[u8], p1363: bool) -> bool {
    let parsed = if p1363 {
        let n = key.components().q().bits().div_ceil(8);
        if sig.len() != 2 * n {
            return false;
        }
        Signature::from_components(
            BigUint::from_bytes_be(&sig[..n]),
            BigUint::from_bytes_be(&sig[n..]),
        )
    } else {
        Signature::from_der(sig).map_err(|_| dsa::signature::Error::new())
    };
    match parsed {
        Ok(s) => key.verify_prehash(digest, &s).is_ok(),
        Err(_) => false,
    }
}

/// A key pair with fresh domain parameters: p of `l` bits, q of `n` bits.
pub(crate) fn generate(l: usize, n: Option<usize>) -> Result<SigningKey, CryptoError> {
    let n = n.unwrap_or(224);
    if !(1024..=10000).contains(&l) {
        return Err(bad_parameters());
    }
    if !matches!(n, 160 | 224 | 256) || n >= l {
        return Err(CryptoError::Plain("Key generation job failed".into()));
    }
    let mut rng = OsRng;
    let one = BigUint::from(1u8);
    let (p, q) = 'search: loop {
        let q = rng.gen_prime(n);
        let two_q = &q << 1usize;
        // p = m - (m mod 2q) + 1 for random L-bit m: p - 1 is a multiple of q.
        for _ in 0..4 * l {
            let mut m = rng.gen_biguint(l);
            m |= &one << (l - 1);
            let p = &m - (&m % &two_q) + &one;
            if p.bits() == l && probably_prime(&p, 64) {
                break 'search (p, q);
            }
        }
    };
    // g = h^((p-1)/q) mod p for the first h that does not give 1.
    let e = (&p - &one) / &q;
    let mut h = BigUint::from(2u8);
    let g = loop {
        let g = h.modpow(&e, &p);
        if g != one {
            break g;
        }
        h += &one;
    };
    let components = Components::from_components(p, q, g).map_err(|_| bad_parameters())?;
    Ok(SigningKey::generate(&mut rng, components))
}
