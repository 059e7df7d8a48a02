//! The natives behind KeyObject (stdlib-js/lib/internal/crypto/keys.js): import from PEM, DER
//! and JWK into canonical DER, export to every format, JWK, details. JS validates the options
//! and passes plain strings; these only turn bytes into bytes and throw Node's errors.

use base64ct::Encoding;
use der::Decode;
use eddy_runtime::{js_string, set_fn, v8};
use num_bigint_dig::BigUint;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};

use crate::crypto_err::{CryptoError, ossl};
use crate::crypto_keys::{
    Curve, Okp, Private, Public, RsaKind, pem_blocks, pem_encode, private_cached,
};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "keyImport", key_import);
    set_fn(scope, target, "keyInfo", key_info);
    set_fn(scope, target, "keyExport", key_export);
    set_fn(scope, target, "keyToJwk", key_to_jwk);
    set_fn(scope, target, "keyFromJwk", key_from_jwk);
    set_fn(scope, target, "keyPublicDer", key_public_der);
}

// ===== argument helpers =====

/// A view's bytes or a string's UTF-8, copied.
pub(crate) fn arg_bytes(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<u8> {
    if value.is_array_buffer_view() {
        return crate::buffer::view_bytes(scope, value).to_vec();
    }
    if value.is_string() {
        return value.to_rust_string_lossy(scope).into_bytes();
    }
    Vec::new()
}

pub(crate) fn opt_bytes(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Vec<u8>> {
    if value.is_null_or_undefined() {
        None
    } else {
        Some(arg_bytes(scope, value))
    }
}

pub(crate) fn arg_str(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> String {
    if value.is_string() {
        value.to_rust_string_lossy(scope)
    } else {
        String::new()
    }
}

fn set<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    obj: v8::Local<'s, v8::Object>,
    key: &str,
    value: v8::Local<'s, v8::Value>,
) {
    let k = js_string(scope, key);
    obj.set(scope, k.into(), value);
}

fn set_str<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    obj: v8::Local<'s, v8::Object>,
    key: &str,
    value: &str,
) {
    let v = js_string(scope, value);
    set(scope, obj, key, v.into());
}

/// Either key from a canonical DER, parsed.
pub(crate) enum AnyKey {
    Private(std::rc::Rc<Private>),
    Public(Public),
}

pub(crate) fn parse_canonical(der: &[u8], private: bool) -> Result<AnyKey, CryptoError> {
    if private {
        Ok(AnyKey::Private(private_cached(der)?))
    } else {
        Ok(AnyKey::Public(Public::from_spki(der)?))
    }
}

// ===== import =====

/// A PKCS#8 EncryptedPrivateKeyInfo's plaintext.
fn decrypt_pkcs8(der: &[u8], pass: Option<&[u8]>, pem: bool) -> Result<Vec<u8>, CryptoError> {
    // PBES2 with AES-ECB, which pkcs8 cannot read, is read by hand.
    let info = pkcs8::EncryptedPrivateKeyInfo::from_der(der).ok();
    let is_ecb = info.is_none() && crate::crypto_legacy_pem::decrypt_pkcs8_ecb(der, b"").is_some();
    if info.is_none() && !is_ecb {
        return Err(ossl::DECODER_UNSUPPORTED);
    }
    let Some(pass) = pass else {
        // OpenSSL's PEM reader asks for a passphrase and is refused; the DER path says so.
        return Err(if pem {
            ossl::INTERRUPTED
        } else {
            CryptoError::Type(
                "ERR_MISSING_PASSPHRASE",
                "Passphrase required for encrypted key".into(),
            )
        });
    };
    let Some(info) = info else {
        return match crate::crypto_legacy_pem::decrypt_pkcs8_ecb(der, pass) {
            Some(Ok(plain)) => Ok(plain),
            _ => Err(ossl::BAD_DECRYPT),
        };
    };
    let doc = info.decrypt(pass).map_err(|_| ossl::BAD_DECRYPT)?;
    Ok(doc.as_bytes().to_vec())
}

/// RFC 1421 encryption of a traditional PEM key (`Proc-Type: 4,ENCRYPTED`): the key is
/// EVP_BytesToKey(MD5, passphrase, first 8 IV bytes), the cipher CBC with PKCS#7 padding.
fn decrypt_legacy(
    headers: &[(String, String)],
    der: &[u8],
    pass: Option<&[u8]>,
) -> Result<Vec<u8>, CryptoError> {
    let encrypted = headers
        .iter()
        .any(|(k, v)| k == "Proc-Type" && v.contains("ENCRYPTED"));
    if !encrypted {
        return Ok(der.to_vec());
    }
    let pass = pass.ok_or(ossl::INTERRUPTED)?;
    let info = headers
        .iter()
        .find(|(k, _)| k == "DEK-Info")
        .map(|(_, v)| v.clone())
        .ok_or(ossl::DECODER_UNSUPPORTED)?;
    let (cipher, iv_hex) = info.split_once(',').ok_or(ossl::DECODER_UNSUPPORTED)?;
    let iv = hex_decode(iv_hex.trim()).ok_or(ossl::DECODER_UNSUPPORTED)?;
    crate::crypto_legacy_pem::decrypt(&cipher.trim().to_ascii_lowercase(), pass, &iv, der)
        .ok_or(ossl::BAD_DECRYPT)
}

pub(crate) fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A certificate's public key, for createPublicKey() given a certificate.
fn cert_public(der: &[u8]) -> Result<Public, CryptoError> {
    use x509_parser::prelude::FromDer;
    let (_, cert) = x509_parser::certificate::X509Certificate::from_der(der)
        .map_err(|_| ossl::DECODER_UNSUPPORTED)?;
    Public::from_spki(cert.public_key().raw)
}

enum Imported {
    Private(Private),
    Public(Public),
}

fn import(
    data: &[u8],
    format: &str,
    typ: &str,
    want_public: bool,
    pass: Option<&[u8]>,
) -> Result<Imported, CryptoError> {
    if format == "pem" {
        for block in pem_blocks(data) {
            let der = &block.der;
            return Ok(match block.label.as_str() {
                "PRIVATE KEY" => Imported::Private(Private::from_pkcs8(der)?),
                "ENCRYPTED PRIVATE KEY" => {
                    Imported::Private(Private::from_pkcs8(&decrypt_pkcs8(der, pass, true)?)?)
                }
                "RSA PRIVATE KEY" => Imported::Private(Private::from_pkcs1(&decrypt_legacy(
                    &block.headers,
                    der,
                    pass,
                )?)?),
                "EC PRIVATE KEY" => Imported::Private(Private::from_sec1(&decrypt_legacy(
                    &block.headers,
                    der,
                    pass,
                )?)?),
                "DSA PRIVATE KEY" => Imported::Private(Private::Dsa(Box::new(
                    crate::crypto_keys::dsa_key::private_from_traditional(&decrypt_legacy(
                        &block.headers,
                        der,
                        pass,
                    )?)?,
                ))),
                "PUBLIC KEY" if want_public => Imported::Public(Public::from_spki(der)?),
                "RSA PUBLIC KEY" if want_public => Imported::Public(Public::from_pkcs1(der)?),
                "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" if want_public => {
                    Imported::Public(cert_public(der)?)
                }
                _ => continue,
            });
        }
        return Err(ossl::DECODER_UNSUPPORTED);
    }
    if data.is_empty() {
        return Err(ossl::DECODER_UNSUPPORTED);
    }
    Ok(match typ {
        "pkcs8" => {
            if pkcs8::PrivateKeyInfo::from_der(data).is_ok() {
                Imported::Private(Private::from_pkcs8(data)?)
            } else if pkcs8::EncryptedPrivateKeyInfo::from_der(data).is_ok()
                || crate::crypto_legacy_pem::decrypt_pkcs8_ecb(data, b"").is_some()
            {
                Imported::Private(Private::from_pkcs8(&decrypt_pkcs8(data, pass, false)?)?)
            } else {
                return Err(asn1_error(data, true));
            }
        }
        "pkcs1" if want_public => match Public::from_pkcs1(data) {
            Ok(k) => Imported::Public(k),
            Err(_) => {
                Imported::Private(Private::from_pkcs1(data).map_err(|_| asn1_error(data, false))?)
            }
        },
        "pkcs1" => Imported::Private(Private::from_pkcs1(data)?),
        "sec1" => Imported::Private(Private::from_sec1(data)?),
        // DER that reads but holds no key we take keeps from_spki's error (a key of the wrong
        // size is OpenSSL's "decode error").
        "spki" => Imported::Public(Public::from_spki(data).map_err(|e| {
            if der::asn1::AnyRef::from_der(data).is_ok() {
                e
            } else {
                asn1_error(data, false)
            }
        })?),
        _ => return Err(ossl::DECODER_UNSUPPORTED),
    })
}

/// What OpenSSL's ASN.1 reader says of DER it cannot read as the structure wanted: a PKCS#8
/// reader runs out of data when a header claims more than there is, the others call it too long.
fn asn1_error(data: &[u8], pkcs8: bool) -> CryptoError {
    if der::asn1::AnyRef::from_der(data).is_ok() {
        return ossl::DECODER_UNSUPPORTED;
    }
    if pkcs8 {
        CryptoError::Ossl {
            hex: "0680008E",
            lib: "asn1 encoding routines",
            reason: "not enough data",
            code: Some("ERR_OSSL_ASN1_NOT_ENOUGH_DATA"),
        }
    } else {
        CryptoError::Ossl {
            hex: "0680009B",
            lib: "asn1 encoding routines",
            reason: "too long",
            code: Some("ERR_OSSL_ASN1_TOO_LONG"),
        }
    }
}

/// `keyImport(data, format, type, wantPublic, passphrase)` → [isPrivate, der].
fn key_import(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let data = arg_bytes(scope, args.get(0));
    let format = arg_str(scope, args.get(1));
    let typ = arg_str(scope, args.get(2));
    let want_public = args.get(3).is_true();
    let pass = opt_bytes(scope, args.get(4));
    match import(&data, &format, &typ, want_public, pass.as_deref()) {
        Ok(Imported::Private(k)) if want_public => {
            rv.set(result(scope, false, k.public().to_spki()))
        }
        Ok(Imported::Private(k)) => rv.set(result(scope, true, k.to_pkcs8())),
        Ok(Imported::Public(k)) => rv.set(result(scope, false, k.to_spki())),
        Err(e) => e.throw(scope),
    }
}

fn result<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    private: bool,
    der: Vec<u8>,
) -> v8::Local<'s, v8::Value> {
    let flag = v8::Boolean::new(scope, private).into();
    let bytes = crate::fs::bytes_to_js(scope, der);
    v8::Array::new_with_elements(scope, &[flag, bytes]).into()
}

/// `keyPublicDer(pkcs8)` → the SPKI of a private key's public half.
fn key_public_der(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = arg_bytes(scope, args.get(0));
    match private_cached(&der) {
        Ok(k) => {
            let spki = k.public().to_spki();
            rv.set(crate::fs::bytes_to_js(scope, spki));
        }
        Err(e) => e.throw(scope),
    }
}

// ===== details =====

/// `keyInfo(der, isPrivate)` → { type, modulusLength?, publicExponent?, hashAlgorithm?,
/// mgf1HashAlgorithm?, saltLength?, namedCurve? }.
fn key_info(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = arg_bytes(scope, args.get(0));
    let key = match parse_canonical(&der, args.get(1).is_true()) {
        Ok(AnyKey::Private(k)) => k.public(),
        Ok(AnyKey::Public(k)) => k,
        Err(e) => return e.throw(scope),
    };
    let obj = v8::Object::new(scope);
    set_str(scope, obj, "type", key.type_name());
    match &key {
        Public::Rsa(k, kind) => {
            let bits = v8::Number::new(scope, k.n().bits() as f64).into();
            set(scope, obj, "modulusLength", bits);
            let e = k.e().to_bytes_be();
            let e = e
                .iter()
                .fold(0u64, |acc, b| acc.wrapping_shl(8) | *b as u64);
            let e = v8::BigInt::new_from_u64(scope, e).into();
            set(scope, obj, "publicExponent", e);
            if let RsaKind::Pss(Some(p)) = kind {
                set_str(scope, obj, "hashAlgorithm", p.hash);
                set_str(scope, obj, "mgf1HashAlgorithm", p.mgf1);
                let salt = v8::Number::new(scope, p.salt as f64).into();
                set(scope, obj, "saltLength", salt);
            }
        }
        Public::Ec(curve, _) => set_str(scope, obj, "namedCurve", curve.node_name()),
        Public::Dsa(k) => {
            let (l, n) = crate::crypto_keys::dsa_key::details(k);
            let l = v8::Number::new(scope, l as f64).into();
            set(scope, obj, "modulusLength", l);
            let n = v8::Number::new(scope, n as f64).into();
            set(scope, obj, "divisorLength", n);
        }
        _ => {}
    }
    rv.set(obj.into());
}

// ===== export =====

fn export(
    der: &[u8],
    private: bool,
    format: &str,
    typ: &str,
    cipher: Option<&str>,
    pass: Option<&[u8]>,
) -> Result<Result<String, Vec<u8>>, CryptoError> {
    let key = parse_canonical(der, private)?;
    let pem = format == "pem";
    let (label, body): (&str, Vec<u8>) = match (&key, typ) {
        (AnyKey::Public(k), "spki") => ("PUBLIC KEY", k.to_spki()),
        (AnyKey::Public(k), "pkcs1") => ("RSA PUBLIC KEY", k.to_pkcs1().unwrap_or_default()),
        (AnyKey::Private(k), "pkcs1") => ("RSA PRIVATE KEY", k.to_pkcs1().unwrap_or_default()),
        (AnyKey::Private(k), "sec1") => ("EC PRIVATE KEY", k.sec1_der(true)),
        (AnyKey::Private(k), "pkcs8") => {
            let plain = k.to_pkcs8();
            match (cipher, pass) {
                (Some(cipher), Some(pass)) => {
                    let enc = crate::crypto_legacy_pem::encrypt_pkcs8(cipher, pass, &plain)?;
                    ("ENCRYPTED PRIVATE KEY", enc)
                }
                _ => ("PRIVATE KEY", plain),
            }
        }
        _ => return Err(ossl::DECODER_UNSUPPORTED),
    };
    // Traditional (pkcs1/sec1) keys are encrypted in the PEM headers (JS refuses it for DER).
    if let (Some(cipher), Some(pass), "pkcs1" | "sec1", true, AnyKey::Private(_)) =
        (cipher, pass, typ, pem, &key)
    {
        let (headers, enc) = crate::crypto_legacy_pem::encrypt(cipher, pass, &body)?;
        return Ok(Ok(pem_encode(label, &headers, &enc)));
    }
    Ok(if pem {
        Ok(pem_encode(label, &[], &body))
    } else {
        Err(body)
    })
}

/// `keyExport(der, isPrivate, format, type, cipher, passphrase)` → a PEM string or DER bytes.
fn key_export(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = arg_bytes(scope, args.get(0));
    let private = args.get(1).is_true();
    let format = arg_str(scope, args.get(2));
    let typ = arg_str(scope, args.get(3));
    let cipher = args.get(4).is_string().then(|| arg_str(scope, args.get(4)));
    let pass = opt_bytes(scope, args.get(5));
    match export(
        &der,
        private,
        &format,
        &typ,
        cipher.as_deref(),
        pass.as_deref(),
    ) {
        Ok(Ok(text)) => rv.set(js_string(scope, &text).into()),
        Ok(Err(bytes)) => rv.set(crate::fs::bytes_to_js(scope, bytes)),
        Err(e) => e.throw(scope),
    }
}

// ===== JWK =====

fn b64url(bytes: &[u8]) -> String {
    base64ct::Base64UrlUnpadded::encode_string(bytes)
}

fn b64url_big(n: &BigUint) -> String {
    b64url(&n.to_bytes_be())
}

/// `keyToJwk(der, isPrivate)` → the JWK members (JS checks the key type has a JWK form).
fn key_to_jwk(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = arg_bytes(scope, args.get(0));
    let key = match parse_canonical(&der, args.get(1).is_true()) {
        Ok(k) => k,
        Err(e) => return e.throw(scope),
    };
    let public = match &key {
        AnyKey::Private(k) => k.public(),
        AnyKey::Public(k) => k.clone(),
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    match &public {
        Public::Rsa(k, _) => {
            fields.push(("kty", "RSA".into()));
            fields.push(("n", b64url_big(k.n())));
            fields.push(("e", b64url_big(k.e())));
            if let AnyKey::Private(p) = &key
                && let Private::Rsa(k, _) = &**p
            {
                let primes = k.primes();
                if primes.len() >= 2 {
                    let one = BigUint::from(1u8);
                    fields.push(("d", b64url_big(k.d())));
                    fields.push(("p", b64url_big(&primes[0])));
                    fields.push(("q", b64url_big(&primes[1])));
                    fields.push(("dp", b64url_big(&(k.d() % (&primes[0] - &one)))));
                    fields.push(("dq", b64url_big(&(k.d() % (&primes[1] - &one)))));
                    if let Some(c) = k.crt_coefficient() {
                        fields.push(("qi", b64url_big(&c)));
                    }
                }
            }
        }
        Public::Ec(curve, point) => {
            let Some(crv) = curve.jwk_name() else {
                let msg = format!("Unsupported JWK EC curve: {}.", curve.node_name());
                return CryptoError::Coded("ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", msg).throw(scope);
            };
            let len = curve.field_len();
            fields.push(("kty", "EC".into()));
            fields.push(("x", b64url(point.get(1..1 + len).unwrap_or_default())));
            fields.push(("y", b64url(point.get(1 + len..).unwrap_or_default())));
            fields.push(("crv", crv.into()));
            if let AnyKey::Private(p) = &key
                && let Private::Ec(_, d) = &**p
            {
                fields.push(("d", b64url(d)));
            }
        }
        Public::Ed25519(_) | Public::X25519(_) | Public::Ed448(_) | Public::X448(_) => {
            if let Some((kind, x)) = public.okp() {
                fields.push(("crv", kind.jwk_name().into()));
                if let AnyKey::Private(p) = &key
                    && let Some((_, d)) = p.okp()
                {
                    fields.push(("d", b64url(d)));
                }
                fields.push(("x", b64url(x)));
                fields.push(("kty", "OKP".into()));
            }
        }
        // JS refuses DSA and DH keys before asking (ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE).
        Public::Dsa(_) | Public::Dh(_) => {}
    }
    let obj = v8::Object::new(scope);
    for (k, v) in fields {
        set_str(scope, obj, k, &v);
    }
    rv.set(obj.into());
}

fn jwk_field(scope: &mut v8::PinScope, jwk: v8::Local<v8::Object>, name: &str) -> Option<Vec<u8>> {
    let key = js_string(scope, name);
    let value = jwk.get(scope, key.into())?;
    if !value.is_string() {
        return None;
    }
    let text = value.to_rust_string_lossy(scope);
    // Node's base64url decoder is lenient: padding and the standard alphabet are accepted.
    let text: String = text
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    base64ct::Base64UrlUnpadded::decode_vec(&text).ok()
}

fn jwk_import(
    scope: &mut v8::PinScope,
    jwk: v8::Local<v8::Object>,
    private: bool,
) -> Result<Imported, CryptoError> {
    let kty_key = js_string(scope, "kty");
    let kty = jwk
        .get(scope, kty_key.into())
        .map(|v| v.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let crv_key = js_string(scope, "crv");
    let crv = jwk
        .get(scope, crv_key.into())
        .filter(|v| v.is_string())
        .map(|v| v.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let invalid = |what: &str| {
        let msg = if what == "OKP" {
            "Invalid JWK data".to_string()
        } else {
            format!("Invalid JWK {what} key")
        };
        CryptoError::Type("ERR_CRYPTO_INVALID_JWK", msg)
    };
    let mut field = |name: &str| jwk_field(scope, jwk, name);
    match kty.as_str() {
        "RSA" => {
            let n = field("n").ok_or_else(|| invalid("RSA"))?;
            let e = field("e").ok_or_else(|| invalid("RSA"))?;
            let n = BigUint::from_bytes_be(&n);
            let e = BigUint::from_bytes_be(&e);
            if !private {
                let k = crate::crypto_keys::rsa_public(n, e).map_err(|_| invalid("RSA"))?;
                return Ok(Imported::Public(Public::Rsa(Box::new(k), RsaKind::Plain)));
            }
            let mut parts = Vec::new();
            for name in ["d", "p", "q", "dp", "dq", "qi"] {
                parts.push(BigUint::from_bytes_be(
                    &field(name).ok_or_else(|| invalid("RSA"))?,
                ));
            }
            let d = parts.remove(0);
            let p = parts.remove(0);
            let q = parts.remove(0);
            let k = rsa::RsaPrivateKey::from_components(n, e, d, vec![p, q])
                .map_err(|_| invalid("RSA"))?;
            Ok(Imported::Private(Private::Rsa(Box::new(k), RsaKind::Plain)))
        }
        "EC" => {
            let curve = Curve::from_name(&crv).ok_or_else(|| {
                CryptoError::Type("ERR_CRYPTO_INVALID_JWK", "Invalid JWK EC key".into())
            })?;
            let x = field("x").ok_or_else(|| invalid("EC"))?;
            let y = field("y").ok_or_else(|| invalid("EC"))?;
            let len = curve.field_len();
            if x.len() != len || y.len() != len {
                return Err(invalid("EC"));
            }
            let mut point = vec![4u8];
            point.extend(x);
            point.extend(y);
            let point = crate::crypto_keys::ec_point(curve, &point).map_err(|_| invalid("EC"))?;
            if !private {
                return Ok(Imported::Public(Public::Ec(curve, point)));
            }
            let d = field("d").ok_or_else(|| invalid("EC"))?;
            if d.len() != len {
                return Err(invalid("EC"));
            }
            let k = Private::Ec(curve, d);
            Ok(Imported::Private(k))
        }
        "OKP" => {
            let kind = Okp::from_jwk_name(&crv).ok_or_else(|| invalid("OKP"))?;
            if !private {
                let x = field("x").ok_or_else(|| invalid("OKP"))?;
                let k = Public::from_okp(kind, &x).map_err(|_| invalid("OKP"))?;
                return Ok(Imported::Public(k));
            }
            let d = field("d").ok_or_else(|| invalid("OKP"))?;
            let k = Private::from_okp(kind, &d).map_err(|_| invalid("OKP"))?;
            Ok(Imported::Private(k))
        }
        _ => Err(CryptoError::Type(
            "ERR_CRYPTO_INVALID_JWK",
            "Invalid JWK data".into(),
        )),
    }
}

/// `keyFromJwk(jwk, isPrivate)` → [isPrivate, der].
fn key_from_jwk(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(jwk) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let private = args.get(1).is_true();
    match jwk_import(scope, jwk, private) {
        Ok(Imported::Private(k)) => rv.set(result(scope, true, k.to_pkcs8())),
        Ok(Imported::Public(k)) => rv.set(result(scope, false, k.to_spki())),
        Err(e) => e.throw(scope),
    }
}
