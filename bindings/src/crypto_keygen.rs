//! Key generation (generateKeyPair, on the pool when given a callback) and key agreement
//! (createECDH, crypto.diffieHellman) for node:crypto.

use eddy_runtime::{set_fn, v8};
use num_bigint_dig::BigUint;
use rand_core::{OsRng, RngCore};

use crate::crypto_err::{CryptoError, ossl};
use crate::crypto_keyobj::{arg_bytes, arg_str};
use crate::crypto_keys::{Curve, Private, PssParams, Public, RsaKind, on_curve, private_cached};
use crate::crypto_sign::{bytes_js, run};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "keyGen", key_gen_js);
    set_fn(scope, target, "ecdhGenerate", ecdh_generate);
    set_fn(scope, target, "ecdhPublic", ecdh_public);
    set_fn(scope, target, "ecdhCompute", ecdh_compute);
    set_fn(scope, target, "ecdhConvert", ecdh_convert);
    set_fn(scope, target, "dhCompute", dh_compute);
}

// ===== generation =====

pub(crate) enum GenSpec {
    Rsa {
        bits: usize,
        exp: u64,
        pss: Option<RsaKind>,
    },
    Ec(Curve),
    Ed25519,
    X25519,
    Ed448,
    X448,
    /// p and q bit lengths (q's defaulting as OpenSSL's does).
    Dsa {
        l: usize,
        n: Option<usize>,
    },
    /// The group's prime (or the bit length of a safe prime to find) and generator.
    Dh {
        p: Option<Vec<u8>>,
        bits: usize,
        g: Vec<u8>,
    },
}

fn random_scalar(curve: Curve) -> Vec<u8> {
    on_curve!(curve, m => m::SecretKey::random(&mut OsRng).to_bytes().to_vec())
}

pub(crate) fn generate(spec: GenSpec) -> Result<Private, CryptoError> {
    Ok(match spec {
        GenSpec::Rsa { bits, exp, pss } => {
            if bits < 512 {
                return Err(CryptoError::Plain(
                    "error:1C8000AB:Provider routines::key size too small".into(),
                ));
            }
            if bits > 16384 {
                return Err(CryptoError::Plain(
                    "error:1C8000AC:Provider routines::key size too large".into(),
                ));
            }
            if exp < 3 || exp % 2 == 0 {
                return Err(CryptoError::Plain(
                    "error:020000B2:rsa routines::pub exponent out of range".into(),
                ));
            }
            let key = rsa::RsaPrivateKey::new_with_exp(&mut OsRng, bits, &BigUint::from(exp))
                .map_err(|e| CryptoError::Plain(format!("RSA key generation failed: {e}")))?;
            Private::Rsa(Box::new(key), pss.unwrap_or(RsaKind::Plain))
        }
        GenSpec::Ec(curve) => Private::Ec(curve, random_scalar(curve)),
        GenSpec::Ed25519 => {
            let mut seed = [0u8; 32];
            OsRng.fill_bytes(&mut seed);
            Private::Ed25519(seed)
        }
        GenSpec::X25519 => {
            let mut sk = [0u8; 32];
            OsRng.fill_bytes(&mut sk);
            Private::X25519(sk)
        }
        GenSpec::Ed448 => {
            let mut seed = [0u8; 57];
            OsRng.fill_bytes(&mut seed);
            Private::Ed448(seed)
        }
        GenSpec::X448 => {
            let mut sk = [0u8; 56];
            OsRng.fill_bytes(&mut sk);
            Private::X448(sk)
        }
        GenSpec::Dsa { l, n } => {
            Private::Dsa(Box::new(crate::crypto_keys::dsa_key::generate(l, n)?))
        }
        GenSpec::Dh { p, bits, g } => {
            let p = match p {
                Some(p) => p,
                None if (512..=16384).contains(&bits) => {
                    crate::crypto_dh::safe_prime(bits).to_bytes_be()
                }
                None => Vec::new(),
            };
            Private::Dh(Box::new(crate::crypto_keys::dh_key::generate(&p, &g)?))
        }
    })
}

fn pair_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    pair: (Vec<u8>, Vec<u8>),
) -> v8::Local<'s, v8::Value> {
    let a = bytes_js(scope, pair.0);
    let b = bytes_js(scope, pair.1);
    v8::Array::new_with_elements(scope, &[a, b]).into()
}

fn canonical_digest(
    scope: &mut v8::PinScope,
    v: v8::Local<v8::Value>,
) -> Result<Option<&'static str>, CryptoError> {
    if !v.is_string() {
        return Ok(None);
    }
    let name = v.to_rust_string_lossy(scope);
    match crate::crypto_hash::canonical(&name) {
        Some(d) if crate::crypto_rsa::dyn_digest(d).is_some() => Ok(Some(d)),
        _ => Err(CryptoError::Type(
            "ERR_CRYPTO_INVALID_DIGEST",
            format!("Invalid MGF1 digest: {name}"),
        )),
    }
}

/// `keyGen(type, a, b, c, d, e, cb?)` → [pkcs8, spki]:
/// rsa (bits, exponent), rsa-pss (bits, exponent, hash?, mgf1Hash?, saltLength?), ec (curve),
/// ed25519, x25519, ed448, x448, dsa (bits, divisor bits?), dh (prime?, generator, prime bits).
fn key_gen_js(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let kind = arg_str(scope, args.get(0));
    let spec = match kind.as_str() {
        "rsa" | "rsa-pss" => {
            let bits = args.get(1).number_value(scope).unwrap_or(0.0);
            let exp = args.get(2).number_value(scope).unwrap_or(65537.0);
            let pss = if kind == "rsa-pss" {
                let hash = match canonical_digest(scope, args.get(3)) {
                    Ok(h) => h,
                    Err(e) => return e.throw(scope),
                };
                let mgf1 = match canonical_digest(scope, args.get(4)) {
                    Ok(h) => h,
                    Err(e) => return e.throw(scope),
                };
                let salt = args
                    .get(5)
                    .is_number()
                    .then(|| args.get(5).uint32_value(scope).unwrap_or(0));
                if hash.is_none() && mgf1.is_none() && salt.is_none() {
                    Some(RsaKind::Pss(None))
                } else {
                    let hash = hash.unwrap_or("sha1");
                    let h_len = crate::crypto_rsa::dyn_digest(hash)
                        .map(|d| d.output_size())
                        .unwrap_or(20);
                    Some(RsaKind::Pss(Some(PssParams {
                        hash,
                        mgf1: mgf1.unwrap_or(hash),
                        salt: salt.unwrap_or(h_len as u32),
                    })))
                }
            } else {
                None
            };
            GenSpec::Rsa {
                bits: bits.clamp(0.0, 1e6) as usize,
                exp: exp.clamp(0.0, u32::MAX as f64) as u64,
                pss,
            }
        }
        "ec" => {
            let name = arg_str(scope, args.get(1));
            match Curve::from_name(&name) {
                Some(c) => GenSpec::Ec(c),
                None => {
                    return CryptoError::Type(
                        "ERR_CRYPTO_INVALID_CURVE",
                        "Invalid EC curve name".into(),
                    )
                    .throw(scope);
                }
            }
        }
        "ed25519" => GenSpec::Ed25519,
        "x25519" => GenSpec::X25519,
        "ed448" => GenSpec::Ed448,
        "x448" => GenSpec::X448,
        "dsa" => {
            let l = args.get(1).number_value(scope).unwrap_or(0.0);
            let n = args.get(2);
            let n = n
                .is_number()
                .then(|| n.number_value(scope).unwrap_or(0.0).clamp(0.0, 1e6) as usize);
            GenSpec::Dsa {
                l: l.clamp(0.0, 1e6) as usize,
                n,
            }
        }
        "dh" => GenSpec::Dh {
            p: args
                .get(1)
                .is_array_buffer_view()
                .then(|| arg_bytes(scope, args.get(1))),
            bits: args.get(3).uint32_value(scope).unwrap_or(0) as usize,
            g: arg_bytes(scope, args.get(2)),
        },
        _ => return ossl::OPERATION_NOT_SUPPORTED.throw(scope),
    };
    let cb = args.get(6);
    run(
        scope,
        cb,
        &mut rv,
        move || {
            let key = generate(spec)?;
            Ok((key.to_pkcs8(), key.public().to_spki()))
        },
        pair_js,
    );
}

// ===== ECDH =====

fn curve_arg(scope: &mut v8::PinScope, v: v8::Local<v8::Value>) -> Option<Curve> {
    Curve::from_name(&arg_str(scope, v))
}

fn point_of(curve: Curve, scalar: &[u8], compressed: bool) -> Option<Vec<u8>> {
    on_curve!(curve, m => {
        use elliptic_curve::sec1::ToEncodedPoint;
        let sk = m::SecretKey::from_slice(scalar).ok()?;
        Some(sk.public_key().to_encoded_point(compressed).as_bytes().to_vec())
    })
}

/// `ecdhGenerate(curve)` → [private scalar, public point (uncompressed)].
fn ecdh_generate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(curve) = curve_arg(scope, args.get(0)) else {
        return;
    };
    let d = random_scalar(curve);
    let p = point_of(curve, &d, false).unwrap_or_default();
    rv.set(pair_js(scope, (d, p)));
}

/// `ecdhPublic(curve, scalar, compressed)` → the point, or undefined for an invalid scalar.
fn ecdh_public(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(curve) = curve_arg(scope, args.get(0)) else {
        return;
    };
    let d = arg_bytes(scope, args.get(1));
    if d.len() > curve.field_len() {
        return;
    }
    let mut padded = vec![0u8; curve.field_len() - d.len()];
    padded.extend(d);
    if let Some(p) = point_of(curve, &padded, args.get(2).is_true()) {
        rv.set(bytes_js(scope, p));
    }
}

fn ec_shared(curve: Curve, scalar: &[u8], peer: &[u8]) -> Option<Vec<u8>> {
    on_curve!(curve, m => {
        let sk = m::SecretKey::from_slice(scalar).ok()?;
        let pk = m::PublicKey::from_sec1_bytes(peer).ok()?;
        let shared = elliptic_curve::ecdh::diffie_hellman(sk.to_nonzero_scalar(), pk.as_affine());
        Some(shared.raw_secret_bytes().to_vec())
    })
}

/// `ecdhCompute(curve, scalar, peerPoint)` → the shared secret, or undefined for a bad point.
fn ecdh_compute(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(curve) = curve_arg(scope, args.get(0)) else {
        return;
    };
    let d = arg_bytes(scope, args.get(1));
    let peer = arg_bytes(scope, args.get(2));
    if let Some(s) = ec_shared(curve, &d, &peer) {
        rv.set(bytes_js(scope, s));
    }
}

/// `ecdhConvert(curve, point, compressed)` → the point re-encoded, or undefined.
fn ecdh_convert(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(curve) = curve_arg(scope, args.get(0)) else {
        return;
    };
    let point = arg_bytes(scope, args.get(1));
    let compressed = args.get(2).is_true();
    let out = on_curve!(curve, m => {
        use elliptic_curve::sec1::ToEncodedPoint;
        m::PublicKey::from_sec1_bytes(&point)
            .ok()
            .map(|pk| pk.to_encoded_point(compressed).as_bytes().to_vec())
    });
    if let Some(p) = out {
        rv.set(bytes_js(scope, p));
    }
}

/// `dhCompute(pkcs8, spki)` → the shared secret of crypto.diffieHellman().
fn dh_compute(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let priv_der = arg_bytes(scope, args.get(0));
    let pub_der = arg_bytes(scope, args.get(1));
    let result = (|| {
        let private = private_cached(&priv_der)?;
        let public = Public::from_spki(&pub_der)?;
        match (&*private, &public) {
            (Private::Ec(c1, d), Public::Ec(c2, p)) if c1 == c2 => {
                ec_shared(*c1, d, p).ok_or(ossl::FAILED_DURING_DERIVATION)
            }
            (Private::X25519(sk), Public::X25519(pk)) => {
                let secret = x25519_dalek::StaticSecret::from(*sk);
                let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(*pk));
                if !shared.was_contributory() {
                    return Err(ossl::FAILED_DURING_DERIVATION);
                }
                Ok(shared.as_bytes().to_vec())
            }
            (Private::X448(sk), Public::X448(pk)) => crate::crypto_keys::okp::x448_shared(sk, pk)
                .map(|s| s.to_vec())
                .ok_or(ossl::FAILED_DURING_DERIVATION),
            (Private::Dh(k), Public::Dh(peer)) => {
                crate::crypto_keys::dh_key::shared_secret(k, peer)
            }
            (Private::Ec(..), Public::Ec(..)) => Err(ossl::MISMATCHING_DOMAIN_PARAMETERS),
            _ => Err(CryptoError::Coded(
                "ERR_CRYPTO_INCOMPATIBLE_KEY",
                "Incompatible key types for Diffie-Hellman: ".to_string()
                    + private.public().type_name()
                    + " and "
                    + public.type_name(),
            )),
        }
    })();
    match result {
        Ok(s) => rv.set(bytes_js(scope, s)),
        Err(e) => e.throw(scope),
    }
}
