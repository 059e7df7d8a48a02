//! Asymmetric keys for node:crypto's KeyObject. A key crosses into JS as its canonical DER
//! (PKCS#8 for a private key, SPKI for a public one) held in a Uint8Array, so JS owns the memory
//! and a pool job only needs a copy of the bytes. Here: parsing every format Node reads (PEM with
//! the labels OpenSSL accepts, DER pkcs1/pkcs8/spki/sec1, encrypted PKCS#8, JWK), writing them
//! back, and the details Node reports. Errors carry OpenSSL's texts and codes, which Node
//! passes through (crypto_err.rs).

use std::cell::RefCell;
use std::rc::Rc;

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Encode};
use num_bigint_dig::BigUint;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{RsaPrivateKey, RsaPublicKey};

use crate::crypto_err::{CryptoError, ossl};

pub(crate) mod dh_key;
pub(crate) mod dsa_key;
pub(crate) mod okp;

pub(crate) use okp::Okp;

// ===== algorithm identifiers =====

pub(crate) const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(crate) const OID_RSA_PSS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const OID_MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
pub(crate) const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(crate) const OID_X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
pub(crate) const OID_X448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.111");
pub(crate) const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
pub(crate) const OID_ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
const OID_DSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10040.4.1");
const OID_DH: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.3.1");

/// Digest OIDs by Node's canonical digest name (for RSA-PSS parameters and DigestInfo).
pub(crate) const DIGEST_OIDS: &[(&str, &str)] = &[
    ("md5", "1.2.840.113549.2.5"),
    ("sha1", "1.3.14.3.2.26"),
    ("sha224", "2.16.840.1.101.3.4.2.4"),
    ("sha256", "2.16.840.1.101.3.4.2.1"),
    ("sha384", "2.16.840.1.101.3.4.2.2"),
    ("sha512", "2.16.840.1.101.3.4.2.3"),
    ("sha512-224", "2.16.840.1.101.3.4.2.5"),
    ("sha512-256", "2.16.840.1.101.3.4.2.6"),
    ("sha3-224", "2.16.840.1.101.3.4.2.7"),
    ("sha3-256", "2.16.840.1.101.3.4.2.8"),
    ("sha3-384", "2.16.840.1.101.3.4.2.9"),
    ("sha3-512", "2.16.840.1.101.3.4.2.10"),
    ("ripemd160", "1.3.36.3.2.1"),
];

fn digest_oid(name: &str) -> Option<ObjectIdentifier> {
    DIGEST_OIDS
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, oid)| ObjectIdentifier::new(oid).ok())
}

fn digest_name(oid: ObjectIdentifier) -> Option<&'static str> {
    DIGEST_OIDS
        .iter()
        .find(|(_, o)| ObjectIdentifier::new(o).ok() == Some(oid))
        .map(|(n, _)| *n)
}

// ===== curves =====

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Curve {
    P224,
    P256,
    P384,
    P521,
    K256,
}

/// Run `$body` with `$m` naming the curve's crate (p224, p256, p384, p521 or k256).
macro_rules! on_curve {
    ($curve:expr, $m:ident => $body:expr) => {
        match $curve {
            $crate::crypto_keys::Curve::P224 => {
                use p224 as $m;
                $body
            }
            $crate::crypto_keys::Curve::P256 => {
                use p256 as $m;
                $body
            }
            $crate::crypto_keys::Curve::P384 => {
                use p384 as $m;
                $body
            }
            $crate::crypto_keys::Curve::P521 => {
                use p521 as $m;
                $body
            }
            $crate::crypto_keys::Curve::K256 => {
                use k256 as $m;
                $body
            }
        }
    };
}
pub(crate) use on_curve;

impl Curve {
    pub(crate) fn oid(self) -> ObjectIdentifier {
        ObjectIdentifier::new_unwrap(match self {
            Curve::P224 => "1.3.132.0.33",
            Curve::P256 => "1.2.840.10045.3.1.7",
            Curve::P384 => "1.3.132.0.34",
            Curve::P521 => "1.3.132.0.35",
            Curve::K256 => "1.3.132.0.10",
        })
    }
    fn from_oid(oid: ObjectIdentifier) -> Option<Curve> {
        [
            Curve::P224,
            Curve::P256,
            Curve::P384,
            Curve::P521,
            Curve::K256,
        ]
        .into_iter()
        .find(|c| c.oid() == oid)
    }
    /// OpenSSL's short name, which Node reports as `namedCurve`.
    pub(crate) fn node_name(self) -> &'static str {
        match self {
            Curve::P224 => "secp224r1",
            Curve::P256 => "prime256v1",
            Curve::P384 => "secp384r1",
            Curve::P521 => "secp521r1",
            Curve::K256 => "secp256k1",
        }
    }
    /// The JWK "crv"; P-224 has none (Node refuses to write it as a JWK).
    pub(crate) fn jwk_name(self) -> Option<&'static str> {
        Some(match self {
            Curve::P224 => return None,
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::K256 => "secp256k1",
        })
    }
    /// A curve by any name Node takes (OpenSSL's short names and the NIST ones).
    pub(crate) fn from_name(name: &str) -> Option<Curve> {
        Some(match name {
            "P-224" | "secp224r1" => Curve::P224,
            "P-256" | "prime256v1" | "secp256r1" => Curve::P256,
            "P-384" | "secp384r1" => Curve::P384,
            "P-521" | "secp521r1" => Curve::P521,
            "secp256k1" => Curve::K256,
            _ => return None,
        })
    }
    /// Bytes in a field element (and in a scalar).
    pub(crate) fn field_len(self) -> usize {
        match self {
            Curve::P224 => 28,
            Curve::P256 | Curve::K256 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
        }
    }
}

// ===== keys =====

/// RSA-PSS key restrictions (RFC 4055 parameters).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PssParams {
    pub hash: &'static str,
    pub mgf1: &'static str,
    pub salt: u32,
}

/// Whether an RSA key is plain RSA or RSA-PSS (with or without parameters).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RsaKind {
    Plain,
    Pss(Option<PssParams>),
}

pub(crate) enum Private {
    Rsa(Box<RsaPrivateKey>, RsaKind),
    /// The scalar, big-endian, `field_len` bytes.
    Ec(Curve, Vec<u8>),
    Ed25519([u8; 32]),
    X25519([u8; 32]),
    Ed448([u8; 57]),
    X448([u8; 56]),
    Dsa(Box<dsa::SigningKey>),
    /// The group and the private exponent.
    Dh(Box<dh_key::DhKey>),
}

#[derive(Clone)]
pub(crate) enum Public {
    Rsa(Box<RsaPublicKey>, RsaKind),
    /// The point, SEC1 uncompressed.
    Ec(Curve, Vec<u8>),
    Ed25519([u8; 32]),
    X25519([u8; 32]),
    Ed448([u8; 57]),
    X448([u8; 56]),
    Dsa(Box<dsa::VerifyingKey>),
    /// The group and the public value.
    Dh(Box<dh_key::DhKey>),
}

fn unsupported() -> CryptoError {
    ossl::DECODER_UNSUPPORTED
}

pub(crate) fn rsa_public(n: BigUint, e: BigUint) -> Result<RsaPublicKey, CryptoError> {
    // Node (OpenSSL) takes moduli up to 16384 bits; the crate's default stops at 4096.
    RsaPublicKey::new_with_max_size(n, e, 16384).map_err(|_| unsupported())
}

fn big(bytes: pkcs1::UintRef) -> BigUint {
    BigUint::from_bytes_be(bytes.as_bytes())
}

fn rsa_from_pkcs1(der: &[u8]) -> Result<RsaPrivateKey, CryptoError> {
    let k = pkcs1::RsaPrivateKey::from_der(der).map_err(|_| unsupported())?;
    if k.other_prime_infos.is_some() {
        return Err(unsupported());
    }
    let n = big(k.modulus);
    if n.bits() > 16384 {
        return Err(unsupported());
    }
    RsaPrivateKey::from_components(
        n,
        big(k.public_exponent),
        big(k.private_exponent),
        vec![big(k.prime1), big(k.prime2)],
    )
    .map_err(|_| unsupported())
}

fn rsa_pub_from_pkcs1(der: &[u8]) -> Result<RsaPublicKey, CryptoError> {
    let k = pkcs1::RsaPublicKey::from_der(der).map_err(|_| unsupported())?;
    rsa_public(big(k.modulus), big(k.public_exponent))
}

fn pss_params(params: Option<AnyRef>) -> Result<RsaKind, CryptoError> {
    let Some(any) = params else {
        return Ok(RsaKind::Pss(None));
    };
    let p: pkcs1::RsaPssParams = any.decode_as().map_err(|_| unsupported())?;
    let hash = digest_name(p.hash.oid).ok_or_else(unsupported)?;
    let mgf_hash: spki::AlgorithmIdentifierRef = p.mask_gen.parameters.ok_or_else(unsupported)?;
    let mgf1 = digest_name(mgf_hash.oid).ok_or_else(unsupported)?;
    Ok(RsaKind::Pss(Some(PssParams {
        hash,
        mgf1,
        salt: p.salt_len as u32,
    })))
}

/// RSASSA-PSS parameters given as DER (a certificate's signature algorithm).
pub(crate) fn pss_kind_from_der(der: &[u8]) -> Result<RsaKind, CryptoError> {
    if der.is_empty() {
        return Ok(RsaKind::Pss(None));
    }
    pss_params(Some(AnyRef::from_der(der).map_err(|_| unsupported())?))
}

fn curve_param(params: Option<AnyRef>) -> Result<Curve, CryptoError> {
    let oid: ObjectIdentifier = params
        .ok_or_else(unsupported)?
        .decode_as()
        .map_err(|_| unsupported())?;
    Curve::from_oid(oid).ok_or_else(unsupported)
}

fn ec_scalar(curve: Curve, bytes: &[u8]) -> Result<Vec<u8>, CryptoError> {
    // Encoders may drop leading zeros or add one (OpenSSH's mpint): the integer is what counts.
    let len = curve.field_len();
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    let bytes = &bytes[start..];
    if bytes.len() > len {
        return Err(unsupported());
    }
    let mut out = vec![0u8; len - bytes.len()];
    out.extend_from_slice(bytes);
    on_curve!(curve, m => {
        m::SecretKey::from_slice(&out).map_err(|_| unsupported())?;
    });
    Ok(out)
}

pub(crate) fn ec_point(curve: Curve, bytes: &[u8]) -> Result<Vec<u8>, CryptoError> {
    on_curve!(curve, m => {
        use elliptic_curve::sec1::ToEncodedPoint;
        let key = m::PublicKey::from_sec1_bytes(bytes).map_err(|_| unsupported())?;
        Ok(key.to_encoded_point(false).as_bytes().to_vec())
    })
}

fn ec_from_sec1(der: &[u8], curve: Option<Curve>) -> Result<Private, CryptoError> {
    let k = sec1::EcPrivateKey::from_der(der).map_err(|_| unsupported())?;
    let named = match k.parameters {
        Some(sec1::EcParameters::NamedCurve(oid)) => {
            Some(Curve::from_oid(oid).ok_or_else(unsupported)?)
        }
        None => None,
    };
    let curve = curve.or(named).ok_or_else(unsupported)?;
    Ok(Private::Ec(curve, ec_scalar(curve, k.private_key)?))
}

impl Private {
    pub(crate) fn from_pkcs8(der: &[u8]) -> Result<Private, CryptoError> {
        let info = pkcs8::PrivateKeyInfo::from_der(der).map_err(|_| unsupported())?;
        let oid = info.algorithm.oid;
        if oid == OID_RSA {
            Ok(Private::Rsa(
                Box::new(rsa_from_pkcs1(info.private_key)?),
                RsaKind::Plain,
            ))
        } else if oid == OID_RSA_PSS {
            let kind = pss_params(info.algorithm.parameters)?;
            Ok(Private::Rsa(
                Box::new(rsa_from_pkcs1(info.private_key)?),
                kind,
            ))
        } else if oid == OID_EC {
            let curve = curve_param(info.algorithm.parameters)?;
            ec_from_sec1(info.private_key, Some(curve))
        } else if let Some(kind) = Okp::from_oid(oid) {
            let os = OctetStringRef::from_der(info.private_key).map_err(|_| unsupported())?;
            Private::from_okp(kind, os.as_bytes())
        } else if oid == OID_DSA {
            Ok(Private::Dsa(Box::new(dsa_key::private_from_pkcs8(info)?)))
        } else if oid == OID_DH {
            let key = dh_key::from_parts(info.algorithm.parameters, info.private_key)?;
            Ok(Private::Dh(Box::new(key)))
        } else {
            Err(unsupported())
        }
    }

    pub(crate) fn from_pkcs1(der: &[u8]) -> Result<Private, CryptoError> {
        Ok(Private::Rsa(Box::new(rsa_from_pkcs1(der)?), RsaKind::Plain))
    }

    pub(crate) fn from_sec1(der: &[u8]) -> Result<Private, CryptoError> {
        ec_from_sec1(der, None)
    }

    pub(crate) fn public(&self) -> Public {
        match self {
            Private::Rsa(k, kind) => Public::Rsa(Box::new(k.to_public_key()), kind.clone()),
            Private::Ec(curve, d) => on_curve!(*curve, m => {
                use elliptic_curve::sec1::ToEncodedPoint;
                let point = match m::SecretKey::from_slice(d) {
                    Ok(sk) => sk.public_key().to_encoded_point(false).as_bytes().to_vec(),
                    Err(_) => Vec::new(),
                };
                Public::Ec(*curve, point)
            }),
            Private::Ed25519(seed) => Public::Ed25519(
                ed25519_dalek::SigningKey::from_bytes(seed)
                    .verifying_key()
                    .to_bytes(),
            ),
            Private::X25519(sk) => Public::X25519(
                x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(*sk)).to_bytes(),
            ),
            Private::Ed448(seed) => Public::Ed448(okp::ed448_public(seed)),
            Private::X448(sk) => Public::X448(okp::x448_public(sk)),
            Private::Dsa(k) => Public::Dsa(Box::new(k.verifying_key().clone())),
            Private::Dh(k) => Public::Dh(Box::new(dh_key::public_of(k))),
        }
    }

    pub(crate) fn to_pkcs8(&self) -> Vec<u8> {
        let (oid, params, inner): (ObjectIdentifier, Option<Vec<u8>>, Vec<u8>) = match self {
            Private::Dsa(k) => return dsa_key::to_pkcs8(k),
            Private::Dh(k) => (OID_DH, Some(dh_key::params_der(k)), dh_key::value_der(k)),
            Private::Rsa(k, kind) => {
                let inner = rsa_pkcs1_der(k);
                match kind {
                    RsaKind::Plain => (OID_RSA, Some(vec![5, 0]), inner),
                    RsaKind::Pss(p) => (OID_RSA_PSS, p.as_ref().map(pss_params_der), inner),
                }
            }
            Private::Ec(curve, _) => (OID_EC, curve.oid().to_der().ok(), self.sec1_der(false)),
            Private::Ed25519(d) => (OID_ED25519, None, octets_der(d)),
            Private::X25519(d) => (OID_X25519, None, octets_der(d)),
            Private::Ed448(d) => (OID_ED448, None, octets_der(d)),
            Private::X448(d) => (OID_X448, None, octets_der(d)),
        };
        let params = params.as_deref().and_then(|p| AnyRef::from_der(p).ok());
        let info = pkcs8::PrivateKeyInfo {
            algorithm: spki::AlgorithmIdentifierRef {
                oid,
                parameters: params,
            },
            private_key: &inner,
            public_key: None,
        };
        info.to_der().unwrap_or_default()
    }

    pub(crate) fn to_pkcs1(&self) -> Option<Vec<u8>> {
        match self {
            Private::Rsa(k, _) => Some(rsa_pkcs1_der(k)),
            _ => None,
        }
    }

    /// SEC1 ECPrivateKey; OpenSSL writes the curve only outside PKCS#8.
    pub(crate) fn sec1_der(&self, with_curve: bool) -> Vec<u8> {
        let Private::Ec(curve, d) = self else {
            return Vec::new();
        };
        let Public::Ec(_, point) = self.public() else {
            return Vec::new();
        };
        let key = sec1::EcPrivateKey {
            private_key: d,
            parameters: with_curve.then(|| sec1::EcParameters::NamedCurve(curve.oid())),
            public_key: Some(&point),
        };
        key.to_der().unwrap_or_default()
    }
}

fn octets_der(bytes: &[u8]) -> Vec<u8> {
    OctetStringRef::new(bytes)
        .and_then(|o| o.to_der())
        .unwrap_or_default()
}

fn uint(n: &BigUint) -> Vec<u8> {
    n.to_bytes_be()
}

fn rsa_pkcs1_der(k: &RsaPrivateKey) -> Vec<u8> {
    let n = uint(k.n());
    let e = uint(k.e());
    let d = uint(k.d());
    let primes = k.primes();
    let (p, q) = match primes {
        [p, q, ..] => (uint(p), uint(q)),
        _ => return Vec::new(),
    };
    let one = BigUint::from(1u8);
    let dp = uint(&(k.d() % (&primes[0] - &one)));
    let dq = uint(&(k.d() % (&primes[1] - &one)));
    let qinv = match k.crt_coefficient() {
        Some(c) => uint(&c),
        None => return Vec::new(),
    };
    use pkcs1::UintRef as U;
    let (Ok(n), Ok(e), Ok(d), Ok(p), Ok(q), Ok(dp), Ok(dq), Ok(qinv)) = (
        U::new(&n),
        U::new(&e),
        U::new(&d),
        U::new(&p),
        U::new(&q),
        U::new(&dp),
        U::new(&dq),
        U::new(&qinv),
    ) else {
        return Vec::new();
    };
    pkcs1::RsaPrivateKey {
        modulus: n,
        public_exponent: e,
        private_exponent: d,
        prime1: p,
        prime2: q,
        exponent1: dp,
        exponent2: dq,
        coefficient: qinv,
        other_prime_infos: None,
    }
    .to_der()
    .unwrap_or_default()
}

fn rsa_pub_pkcs1_der(k: &RsaPublicKey) -> Vec<u8> {
    let n = uint(k.n());
    let e = uint(k.e());
    let (Ok(n), Ok(e)) = (pkcs1::UintRef::new(&n), pkcs1::UintRef::new(&e)) else {
        return Vec::new();
    };
    pkcs1::RsaPublicKey {
        modulus: n,
        public_exponent: e,
    }
    .to_der()
    .unwrap_or_default()
}

/// RSASSA-PSS-params as OpenSSL writes them: fields equal to their defaults are left out.
fn pss_params_der(p: &PssParams) -> Vec<u8> {
    let mut body = Vec::new();
    let alg = |name: &str| -> Vec<u8> {
        let Some(oid) = digest_oid(name) else {
            return Vec::new();
        };
        // OpenSSL writes the digests' NULL parameters.
        spki::AlgorithmIdentifierRef {
            oid,
            parameters: Some(AnyRef::NULL),
        }
        .to_der()
        .unwrap_or_default()
    };
    let explicit = |tag: u8, inner: Vec<u8>| -> Vec<u8> {
        let mut out = vec![0xa0 | tag];
        der_len(&mut out, inner.len());
        out.extend(inner);
        out
    };
    if p.hash != "sha1" {
        body.extend(explicit(0, alg(p.hash)));
    }
    if p.mgf1 != "sha1" {
        let hash = alg(p.mgf1);
        let Ok(any) = AnyRef::from_der(&hash) else {
            return Vec::new();
        };
        let mgf = spki::AlgorithmIdentifierRef {
            oid: OID_MGF1,
            parameters: Some(any),
        }
        .to_der()
        .unwrap_or_default();
        body.extend(explicit(1, mgf));
    }
    if p.salt != 20 {
        let salt = der::asn1::Uint::new(&p.salt.to_be_bytes())
            .and_then(|u| u.to_der())
            .unwrap_or_default();
        body.extend(explicit(2, salt));
    }
    let mut out = vec![0x30];
    der_len(&mut out, body.len());
    out.extend(body);
    out
}

fn der_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else if len < 0x100 {
        out.extend([0x81, len as u8]);
    } else {
        out.extend([0x82, (len >> 8) as u8, len as u8]);
    }
}

impl Public {
    pub(crate) fn from_spki(der: &[u8]) -> Result<Public, CryptoError> {
        let info = spki::SubjectPublicKeyInfoRef::from_der(der).map_err(|_| unsupported())?;
        Public::from_spki_info(&info)
    }

    pub(crate) fn from_spki_info(
        info: &spki::SubjectPublicKeyInfoRef,
    ) -> Result<Public, CryptoError> {
        let oid = info.algorithm.oid;
        let bits = info.subject_public_key.as_bytes().ok_or_else(unsupported)?;
        if oid == OID_RSA {
            Ok(Public::Rsa(
                Box::new(rsa_pub_from_pkcs1(bits)?),
                RsaKind::Plain,
            ))
        } else if oid == OID_RSA_PSS {
            let kind = pss_params(info.algorithm.parameters)?;
            Ok(Public::Rsa(Box::new(rsa_pub_from_pkcs1(bits)?), kind))
        } else if oid == OID_EC {
            let curve = curve_param(info.algorithm.parameters)?;
            Ok(Public::Ec(curve, ec_point(curve, bits)?))
        } else if let Some(kind) = Okp::from_oid(oid) {
            Public::from_okp(kind, bits)
        } else if oid == OID_DSA {
            Ok(Public::Dsa(Box::new(dsa_key::public_from_spki(info)?)))
        } else if oid == OID_DH {
            let key = dh_key::from_parts(info.algorithm.parameters, bits)?;
            Ok(Public::Dh(Box::new(key)))
        } else {
            Err(unsupported())
        }
    }

    pub(crate) fn from_pkcs1(der: &[u8]) -> Result<Public, CryptoError> {
        Ok(Public::Rsa(
            Box::new(rsa_pub_from_pkcs1(der)?),
            RsaKind::Plain,
        ))
    }

    pub(crate) fn to_spki(&self) -> Vec<u8> {
        let (oid, params, bits): (ObjectIdentifier, Option<Vec<u8>>, Vec<u8>) = match self {
            Public::Dsa(k) => return dsa_key::to_spki(k),
            Public::Dh(k) => (OID_DH, Some(dh_key::params_der(k)), dh_key::value_der(k)),
            Public::Rsa(k, kind) => {
                let bits = rsa_pub_pkcs1_der(k);
                match kind {
                    RsaKind::Plain => (OID_RSA, Some(vec![5, 0]), bits),
                    RsaKind::Pss(p) => (OID_RSA_PSS, p.as_ref().map(pss_params_der), bits),
                }
            }
            Public::Ec(curve, point) => (OID_EC, curve.oid().to_der().ok(), point.clone()),
            Public::Ed25519(k) => (OID_ED25519, None, k.to_vec()),
            Public::X25519(k) => (OID_X25519, None, k.to_vec()),
            Public::Ed448(k) => (OID_ED448, None, k.to_vec()),
            Public::X448(k) => (OID_X448, None, k.to_vec()),
        };
        let params = params.as_deref().and_then(|p| AnyRef::from_der(p).ok());
        let Ok(bits) = BitStringRef::from_bytes(&bits) else {
            return Vec::new();
        };
        spki::SubjectPublicKeyInfoRef {
            algorithm: spki::AlgorithmIdentifierRef {
                oid,
                parameters: params,
            },
            subject_public_key: bits,
        }
        .to_der()
        .unwrap_or_default()
    }

    pub(crate) fn to_pkcs1(&self) -> Option<Vec<u8>> {
        match self {
            Public::Rsa(k, _) => Some(rsa_pub_pkcs1_der(k)),
            _ => None,
        }
    }

    /// Node's `asymmetricKeyType`.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Public::Rsa(_, RsaKind::Plain) => "rsa",
            Public::Rsa(_, RsaKind::Pss(_)) => "rsa-pss",
            Public::Ec(..) => "ec",
            Public::Ed25519(_) => "ed25519",
            Public::X25519(_) => "x25519",
            Public::Ed448(_) => "ed448",
            Public::X448(_) => "x448",
            Public::Dsa(_) => "dsa",
            Public::Dh(_) => "dh",
        }
    }
}

// ===== parsed-key cache =====

// Signing with the same key many times (a JWT server, the Ed25519 bench) should not re-parse
// and re-validate it each time: the last few keys used on this thread stay parsed, by DER.
thread_local! {
    static PRIVATE_CACHE: RefCell<Vec<(Vec<u8>, Rc<Private>)>> = const { RefCell::new(Vec::new()) };
}
const CACHE_SIZE: usize = 8;

pub(crate) fn private_cached(der: &[u8]) -> Result<Rc<Private>, CryptoError> {
    if let Some(found) = PRIVATE_CACHE.with(|c| {
        let c = c.borrow();
        c.iter().find(|(k, _)| k == der).map(|(_, v)| v.clone())
    }) {
        return Ok(found);
    }
    let key = Rc::new(Private::from_pkcs8(der)?);
    PRIVATE_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_SIZE {
            c.remove(0);
        }
        c.push((der.to_vec(), key.clone()));
    });
    Ok(key)
}

// ===== PEM =====

pub(crate) struct PemBlock {
    pub label: String,
    /// Encapsulated headers (RFC 1421 `Proc-Type`, `DEK-Info`).
    pub headers: Vec<(String, String)>,
    pub der: Vec<u8>,
}

/// Every PEM block in `text`, in order; text around and between blocks is skipped, as OpenSSL does.
pub(crate) fn pem_blocks(text: &[u8]) -> Vec<PemBlock> {
    let text = String::from_utf8_lossy(text);
    let mut out = Vec::new();
    let mut rest: &str = &text;
    while let Some(start) = rest.find("-----BEGIN ") {
        rest = &rest[start + 11..];
        let Some(end_label) = rest.find("-----") else {
            break;
        };
        let label = rest[..end_label].to_string();
        rest = &rest[end_label + 5..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = rest.find(&end_marker) else {
            continue;
        };
        let body = &rest[..end];
        rest = &rest[end + end_marker.len()..];
        let mut headers = Vec::new();
        let mut b64 = String::new();
        for line in body.lines() {
            let line = line.trim();
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            } else {
                b64.push_str(line);
            }
        }
        if let Some(der) = base64_decode(&b64) {
            out.push(PemBlock {
                label,
                headers,
                der,
            });
        }
    }
    out
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64ct::Encoding;
    base64ct::Base64::decode_vec(text).ok()
}

/// PEM text with 64-column lines, as OpenSSL writes it.
pub(crate) fn pem_encode(label: &str, headers: &[(&str, String)], der: &[u8]) -> String {
    use base64ct::Encoding;
    let b64 = base64ct::Base64::encode_string(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\n"));
    }
    if !headers.is_empty() {
        out.push('\n');
    }
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}
