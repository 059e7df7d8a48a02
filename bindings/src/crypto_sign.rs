//! Signatures, RSA encryption and key agreement for node:crypto (internal/crypto/sig.js,
//! cipher_pk.js, diffiehellman.js). Keys arrive as the canonical DER a KeyObject holds; the
//! one-shot forms with a callback run on the worker pool, each pool thread keeping its own
//! parsed-key cache (a server signing with one key on the pool parses it once per thread).

use ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use eddy_runtime::{JobPanic, call_function, set_fn, submit_work, v8};
use rsa::traits::PublicKeyParts;

use crate::crypto_err::{CryptoError, ossl};
use crate::crypto_keyobj::{arg_bytes, arg_str, opt_bytes};
use crate::crypto_keys::{Curve, Private, Public, RsaKind, dsa_key, okp, on_curve, private_cached};
use crate::crypto_rsa as rsa_pad;

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "sign", sign_js);
    set_fn(scope, target, "verify", verify_js);
    set_fn(scope, target, "pkCrypt", pk_crypt_js);
    crate::crypto_keygen::init(scope, target);
    crate::crypto_x509::init(scope, target);
    crate::crypto_dh::init(scope, target);
}

/// What a signature operation was asked for.
pub(crate) struct SigOpts {
    /// Node's canonical digest name, or None for the key's default.
    pub digest: Option<&'static str>,
    pub padding: Option<u32>,
    pub salt: Option<i32>,
    pub p1363: bool,
    /// `data` is already the digest (createSign/createVerify).
    pub prehashed: bool,
}

const SALT_DIGEST: i32 = -1;
const SALT_MAX_SIGN: i32 = -2;
const SALT_MAX: i32 = -3;

fn digest_for(o: &SigOpts, key_default: Option<&'static str>) -> &'static str {
    o.digest.or(key_default).unwrap_or("sha256")
}

fn hashed(o: &SigOpts, digest: &str, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if o.prehashed {
        Ok(data.to_vec())
    } else {
        rsa_pad::hash(digest, &[data]).ok_or(ossl::INVALID_DIGEST)
    }
}

/// A digest at least half the curve's size, as RustCrypto's ECDSA wants: zeros on the left
/// keep its value, which is all ECDSA takes from a short digest.
fn ecdsa_prehash(curve: Curve, h: Vec<u8>) -> Vec<u8> {
    let half = curve.field_len().div_ceil(2);
    if h.len() >= half {
        return h;
    }
    let mut out = vec![0u8; half - h.len()];
    out.extend(h);
    out
}

// An Ed25519 signing key expands its seed and derives its public key when made, which costs as
// much as a signature: the last few stay made, per thread.
thread_local! {
    static ED25519_KEYS: std::cell::RefCell<Vec<ed25519_dalek::SigningKey>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn with_ed25519_key<T>(seed: &[u8; 32], f: impl FnOnce(&ed25519_dalek::SigningKey) -> T) -> T {
    ED25519_KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        let pos = match keys.iter().position(|k| k.as_bytes() == seed) {
            Some(pos) => pos,
            None => {
                if keys.len() >= 8 {
                    keys.remove(0);
                }
                keys.push(ed25519_dalek::SigningKey::from_bytes(seed));
                keys.len() - 1
            }
        };
        f(&keys[pos])
    })
}

/// EdDSA signs the whole message with its own hash: a digest, or a digest given in its place
/// (createSign), is refused as OpenSSL refuses it.
fn eddsa_check(o: &SigOpts) -> Result<(), CryptoError> {
    if o.prehashed {
        return Err(CryptoError::Coded(
            "ERR_CRYPTO_UNSUPPORTED_OPERATION",
            "Unsupported crypto operation".into(),
        ));
    }
    if o.digest.is_some() {
        return Err(ossl::INVALID_DIGEST);
    }
    Ok(())
}

pub(crate) fn sign_with(key: &Private, o: &SigOpts, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    match key {
        Private::Ed25519(seed) => {
            eddsa_check(o)?;
            use ed25519_dalek::Signer;
            Ok(with_ed25519_key(seed, |sk| {
                sk.sign(data).to_bytes().to_vec()
            }))
        }
        Private::Ed448(seed) => {
            eddsa_check(o)?;
            Ok(okp::ed448_sign(seed, data))
        }
        Private::X25519(_) | Private::X448(_) | Private::Dh(_) => {
            Err(ossl::OPERATION_NOT_SUPPORTED)
        }
        Private::Dsa(k) => {
            let h = hashed(o, digest_for(o, None), data)?;
            dsa_key::sign(k, &h, o.p1363)
        }
        Private::Rsa(k, kind) => {
            let params = match kind {
                RsaKind::Pss(Some(p)) => Some(p),
                _ => None,
            };
            let digest = digest_for(o, params.map(|p| p.hash));
            let h = hashed(o, digest, data)?;
            let pss_key = matches!(kind, RsaKind::Pss(_));
            let padding = o.padding.unwrap_or(if pss_key {
                rsa_pad::PSS_PADDING
            } else {
                rsa_pad::PKCS1_PADDING
            });
            match padding {
                rsa_pad::PKCS1_PADDING if !pss_key => rsa_pad::pkcs1_sign(k, digest, &h),
                rsa_pad::PSS_PADDING => {
                    let h_len = rsa_pad::dyn_digest(digest)
                        .ok_or(ossl::INVALID_DIGEST)?
                        .output_size();
                    let max = rsa_pad::pss_max_salt(k.n().bits(), h_len);
                    let default = params.map(|p| p.salt as i32).unwrap_or(SALT_MAX_SIGN);
                    let salt = match o.salt.unwrap_or(default) {
                        SALT_DIGEST => h_len,
                        SALT_MAX_SIGN | SALT_MAX => max,
                        n if n >= 0 => n as usize,
                        _ => return Err(ossl::DATA_TOO_LARGE_FOR_KEY),
                    };
                    if params.is_some_and(|p| (salt as u32) < p.salt) {
                        return Err(CryptoError::Ossl {
                            hex: "1C8000AC",
                            lib: "Provider routines",
                            reason: "pss saltlen too small",
                            code: Some("ERR_OSSL_PSS_SALTLEN_TOO_SMALL"),
                        });
                    }
                    // OpenSSL checks the salt length before the digest.
                    if params.is_some_and(|p| p.hash != digest) {
                        return Err(ossl::DIGEST_NOT_ALLOWED);
                    }
                    let mgf = params.map(|p| p.mgf1).unwrap_or(digest);
                    rsa_pad::pss_sign(k, digest, mgf, salt, &h)
                }
                _ => Err(ossl::ILLEGAL_OR_UNSUPPORTED_PADDING),
            }
        }
        Private::Ec(curve, d) => {
            let digest = digest_for(o, None);
            let h = ecdsa_prehash(*curve, hashed(o, digest, data)?);
            on_curve!(*curve, m => {
                let sk = m::ecdsa::SigningKey::from_slice(d).map_err(|_| ossl::DECODER_UNSUPPORTED)?;
                let sig: m::ecdsa::Signature = sk.sign_prehash(&h).map_err(|_| ossl::INVALID_DIGEST)?;
                Ok(if o.p1363 { sig.to_bytes().to_vec() } else { sig.to_der().as_bytes().to_vec() })
            })
        }
    }
}

pub(crate) fn verify_with(
    key: &Public,
    o: &SigOpts,
    data: &[u8],
    sig: &[u8],
) -> Result<bool, CryptoError> {
    match key {
        Public::Ed25519(pk) => {
            eddsa_check(o)?;
            let Ok(vk) = ed25519_dalek::VerifyingKey::from_bytes(pk) else {
                return Ok(false);
            };
            let Ok(sig) = ed25519_dalek::Signature::from_slice(sig) else {
                return Ok(false);
            };
            Ok(vk.verify_strict(data, &sig).is_ok())
        }
        Public::Ed448(pk) => {
            eddsa_check(o)?;
            Ok(okp::ed448_verify(pk, data, sig))
        }
        Public::X25519(_) | Public::X448(_) | Public::Dh(_) => Err(ossl::OPERATION_NOT_SUPPORTED),
        Public::Dsa(k) => {
            let h = hashed(o, digest_for(o, None), data)?;
            Ok(dsa_key::verify(k, &h, sig, o.p1363))
        }
        Public::Rsa(k, kind) => {
            let params = match kind {
                RsaKind::Pss(Some(p)) => Some(p),
                _ => None,
            };
            let digest = digest_for(o, params.map(|p| p.hash));
            // Node's Verify object reports this as a failed verification; crypto.verify throws.
            if params.is_some_and(|p| p.hash != digest) {
                return if o.prehashed {
                    Ok(false)
                } else {
                    Err(ossl::DIGEST_NOT_ALLOWED)
                };
            }
            let h = hashed(o, digest, data)?;
            let pss_key = matches!(kind, RsaKind::Pss(_));
            let padding = o.padding.unwrap_or(if pss_key {
                rsa_pad::PSS_PADDING
            } else {
                rsa_pad::PKCS1_PADDING
            });
            match padding {
                rsa_pad::PKCS1_PADDING if !pss_key => Ok(rsa_pad::pkcs1_verify(k, digest, &h, sig)),
                rsa_pad::PSS_PADDING => {
                    let h_len = rsa_pad::dyn_digest(digest)
                        .ok_or(ossl::INVALID_DIGEST)?
                        .output_size();
                    let salt = match o.salt {
                        Some(SALT_DIGEST) => Some(h_len),
                        Some(n) if n >= 0 => Some(n as usize),
                        _ => None,
                    };
                    let mgf = params.map(|p| p.mgf1).unwrap_or(digest);
                    let ok = rsa_pad::pss_verify(k, digest, mgf, salt, &h, sig);
                    Ok(ok && salt.is_none_or(|s| params.is_none_or(|p| s as u32 >= p.salt)))
                }
                _ => Err(ossl::ILLEGAL_OR_UNSUPPORTED_PADDING),
            }
        }
        Public::Ec(curve, point) => {
            let digest = digest_for(o, None);
            let h = ecdsa_prehash(*curve, hashed(o, digest, data)?);
            Ok(on_curve!(*curve, m => {
                let Ok(vk) = m::ecdsa::VerifyingKey::from_sec1_bytes(point) else {
                    return Ok(false);
                };
                let parsed = if o.p1363 {
                    m::ecdsa::Signature::from_slice(sig)
                } else {
                    m::ecdsa::Signature::from_der(sig)
                };
                match parsed {
                    // OpenSSL takes either s; RustCrypto may insist on the low one.
                    Ok(sig) => {
                        let sig = sig.normalize_s().unwrap_or(sig);
                        vk.verify_prehash(&h, &sig).is_ok()
                    }
                    Err(_) => false,
                }
            }))
        }
    }
}

// ===== natives =====

fn sig_opts(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
) -> Result<SigOpts, CryptoError> {
    let digest = if args.get(1).is_string() {
        let name = args.get(1).to_rust_string_lossy(scope);
        Some(crate::crypto_hash::canonical(&name).ok_or_else(|| {
            CryptoError::Type(
                "ERR_CRYPTO_INVALID_DIGEST",
                format!("Invalid digest: {name}"),
            )
        })?)
    } else {
        None
    };
    let num = |scope: &mut v8::PinScope, v: v8::Local<v8::Value>| {
        if v.is_number() {
            v.int32_value(scope)
        } else {
            None
        }
    };
    Ok(SigOpts {
        digest,
        padding: num(scope, args.get(4)).map(|p| p as u32),
        salt: num(scope, args.get(5)),
        p1363: args.get(6).is_true(),
        prehashed: args.get(3).is_true(),
    })
}

/// Hand `job`'s outcome to `cb(err, value)` on the pool, or return/throw it now without one.
pub(crate) fn run<T: Send + 'static>(
    scope: &mut v8::PinScope,
    cb: v8::Local<v8::Value>,
    rv: &mut v8::ReturnValue,
    job: impl FnOnce() -> Result<T, CryptoError> + Send + 'static,
    to_js: for<'s> fn(&mut v8::PinScope<'s, '_>, T) -> v8::Local<'s, v8::Value>,
) {
    let Ok(cb) = v8::Local::<v8::Function>::try_from(cb) else {
        match job() {
            Ok(v) => rv.set(to_js(scope, v)),
            Err(e) => e.throw(scope),
        }
        return;
    };
    let cb = v8::Global::new(scope, cb);
    submit_work(
        scope,
        "crypto",
        job,
        move |scope, result: Result<Result<T, CryptoError>, JobPanic>| {
            let cb = v8::Local::new(scope, cb);
            let null = v8::null(scope).into();
            let err = match result {
                Ok(Ok(v)) => {
                    let value = to_js(scope, v);
                    call_function(scope, cb, &[null, value]);
                    return;
                }
                Ok(Err(e)) => e,
                Err(_) => CryptoError::Plain("crypto job failed".into()),
            };
            // A throwing setter leaves its exception pending, as a throw from the job would.
            let Some(err) = err.to_js(scope) else {
                return;
            };
            let args = [err, null];
            call_function(scope, cb, &args);
        },
    );
}

pub(crate) fn bytes_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    b: Vec<u8>,
) -> v8::Local<'s, v8::Value> {
    crate::fs::bytes_to_js(scope, b)
}

pub(crate) fn bool_js<'s>(scope: &mut v8::PinScope<'s, '_>, b: bool) -> v8::Local<'s, v8::Value> {
    v8::Boolean::new(scope, b).into()
}

/// `sign(pkcs8, digest, data, prehashed, padding, saltLength, p1363, cb?)` → signature.
fn sign_js(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let der = arg_bytes(scope, args.get(0));
    let data = arg_bytes(scope, args.get(2));
    let opts = match sig_opts(scope, &args) {
        Ok(o) => o,
        Err(e) => return e.throw(scope),
    };
    let cb = args.get(7);
    if cb.is_function() {
        run(
            scope,
            cb,
            &mut rv,
            move || sign_with(&*private_cached(&der)?, &opts, &data),
            bytes_js,
        );
    } else {
        match private_cached(&der).and_then(|k| sign_with(&k, &opts, &data)) {
            Ok(sig) => rv.set(bytes_js(scope, sig)),
            Err(e) => e.throw(scope),
        }
    }
}

/// `verify(spki, digest, data, prehashed, padding, saltLength, p1363, sig, cb?)` → boolean.
fn verify_js(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = arg_bytes(scope, args.get(0));
    let data = arg_bytes(scope, args.get(2));
    let sig = arg_bytes(scope, args.get(7));
    let opts = match sig_opts(scope, &args) {
        Ok(o) => o,
        Err(e) => return e.throw(scope),
    };
    let cb = args.get(8);
    run(
        scope,
        cb,
        &mut rv,
        move || verify_with(&Public::from_spki(&der)?, &opts, &data, &sig),
        bool_js,
    );
}

/// `pkCrypt(op, der, isPrivate, data, padding, oaepHash, oaepLabel, cb?)`; op 0 publicEncrypt,
/// 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt. With `cb` (Web Crypto's RSA-OAEP) it
/// runs on the worker pool.
fn pk_crypt_js(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let op = args.get(0).uint32_value(scope).unwrap_or(0);
    let der = arg_bytes(scope, args.get(1));
    let private = args.get(2).is_true();
    let data = arg_bytes(scope, args.get(3));
    let padding = args
        .get(4)
        .uint32_value(scope)
        .unwrap_or(rsa_pad::OAEP_PADDING);
    let hash_name = arg_str(scope, args.get(5));
    let label = opt_bytes(scope, args.get(6)).unwrap_or_default();
    let digest = if hash_name.is_empty() {
        "sha1"
    } else {
        match crate::crypto_hash::canonical(&hash_name) {
            Some(d) if rsa_pad::dyn_digest(d).is_some() => d,
            _ => {
                return CryptoError::Coded(
                    "ERR_OSSL_EVP_INVALID_DIGEST",
                    "Invalid digest used".into(),
                )
                .throw(scope);
            }
        }
    };
    let cb = args.get(7);
    if cb.is_function() {
        // The pool thread's own parsed-key cache serves the key.
        run(
            scope,
            cb,
            &mut rv,
            move || {
                let private_key = if private {
                    Some(private_cached(&der)?)
                } else {
                    None
                };
                pk_crypt(
                    op,
                    &der,
                    private_key.as_deref(),
                    &data,
                    padding,
                    digest,
                    &label,
                )
            },
            bytes_js,
        );
        return;
    }
    let result = if private {
        private_cached(&der)
            .and_then(|k| pk_crypt(op, &der, Some(&*k), &data, padding, digest, &label))
    } else {
        pk_crypt(op, &der, None, &data, padding, digest, &label)
    };
    match result {
        Ok(out) => rv.set(bytes_js(scope, out)),
        Err(e) => e.throw(scope),
    }
}

/// One RSA encryption operation with a private key, or with the public key in `der` (SPKI).
fn pk_crypt(
    op: u32,
    der: &[u8],
    private_key: Option<&Private>,
    data: &[u8],
    padding: u32,
    digest: &str,
    label: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let public = match private_key {
        Some(k) => k.public(),
        None => Public::from_spki(der)?,
    };
    // RSA-PSS keys sign only.
    if let Public::Rsa(_, RsaKind::Pss(_)) = public {
        return Err(ossl::PROVIDER_OPERATION_NOT_SUPPORTED);
    }
    match (op, &public, private_key) {
        (0, Public::Rsa(k, _), _) => rsa_pad::public_encrypt(k, padding, digest, label, data),
        (3, Public::Rsa(k, _), _) => rsa_pad::public_decrypt(k, padding, data),
        (1, _, Some(Private::Rsa(k, _))) => {
            rsa_pad::private_decrypt(k, padding, digest, label, data)
        }
        (2, _, Some(Private::Rsa(k, _))) => rsa_pad::private_encrypt(k, padding, data),
        _ => Err(ossl::OPERATION_NOT_SUPPORTED),
    }
}
