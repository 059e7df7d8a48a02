//! `x509Verify(certDer, spki)` for X509Certificate#verify (stdlib-js/lib/internal/crypto/x509.js):
//! whether the certificate's signature over its TBSCertificate checks out with a public key,
//! by the signature algorithm the certificate names. The other fields come from
//! binding.net.parseCertificate (net_tls_cert.rs).

use eddy_runtime::{set_fn, v8};

use crate::crypto_err::CryptoError;
use crate::crypto_keyobj::arg_bytes;
use crate::crypto_keys::{Public, RsaKind};
use crate::crypto_rsa::{PKCS1_PADDING, PSS_PADDING};
use crate::crypto_sign::{SigOpts, verify_with};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "x509Verify", x509_verify);
}

/// (digest, padding) for a signature algorithm OID; Ed25519 and Ed448 take no digest.
fn scheme(oid: &str) -> Option<(Option<&'static str>, Option<u32>)> {
    let rsa = |d| Some((Some(d), Some(PKCS1_PADDING)));
    let ec = |d| Some((Some(d), None));
    match oid {
        "1.2.840.113549.1.1.4" => rsa("md5"),
        "1.2.840.113549.1.1.5" => rsa("sha1"),
        "1.2.840.113549.1.1.14" => rsa("sha224"),
        "1.2.840.113549.1.1.11" => rsa("sha256"),
        "1.2.840.113549.1.1.12" => rsa("sha384"),
        "1.2.840.113549.1.1.13" => rsa("sha512"),
        "1.2.840.10045.4.1" => ec("sha1"),
        "1.2.840.10045.4.3.1" => ec("sha224"),
        "1.2.840.10045.4.3.2" => ec("sha256"),
        "1.2.840.10045.4.3.3" => ec("sha384"),
        "1.2.840.10045.4.3.4" => ec("sha512"),
        "1.3.101.112" | "1.3.101.113" => Some((None, None)),
        _ => None,
    }
}

fn verify(cert_der: &[u8], spki: &[u8]) -> Result<bool, CryptoError> {
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(cert_der) else {
        return Ok(false);
    };
    let key = Public::from_spki(spki)?;
    let oid = cert.signature_algorithm.algorithm.to_id_string();
    let tbs = cert.tbs_certificate.as_ref();
    let sig = cert.signature_value.data.as_ref();
    let (digest, padding) = if oid == "1.2.840.113549.1.1.10" {
        // RSASSA-PSS: the parameters name the digest, MGF1 digest and salt length; read them as
        // a key's would be.
        let params = cert
            .signature_algorithm
            .parameters
            .as_ref()
            .map(|p| sequence(p.data))
            .unwrap_or_default();
        let Ok(kind) = crate::crypto_keys::pss_kind_from_der(&params) else {
            return Ok(false);
        };
        let Public::Rsa(k, _) = key else {
            return Ok(false);
        };
        let hash = match &kind {
            RsaKind::Pss(Some(p)) => p.hash,
            _ => "sha1",
        };
        let with_params = Public::Rsa(k, kind);
        let opts = SigOpts {
            digest: Some(hash),
            padding: Some(PSS_PADDING),
            salt: None,
            p1363: false,
            prehashed: false,
        };
        return Ok(verify_with(&with_params, &opts, tbs, sig).unwrap_or(false));
    } else {
        match scheme(&oid) {
            Some(s) => s,
            None => return Ok(false),
        }
    };
    let opts = SigOpts {
        digest,
        padding,
        salt: None,
        p1363: false,
        prehashed: false,
    };
    // A key of another type than the signature's cannot verify it.
    let fits = matches!(
        (&key, padding, digest),
        (Public::Rsa(_, RsaKind::Plain), Some(_), _)
            | (Public::Ec(..), None, Some(_))
            | (Public::Ed25519(_), None, None)
            | (Public::Ed448(_), None, None)
    );
    Ok(fits && verify_with(&key, &opts, tbs, sig).unwrap_or(false))
}

/// A SEQUENCE's DER from its contents.
fn sequence(body: &[u8]) -> Vec<u8> {
    let mut out = vec![0x30];
    let len = body.len();
    if len < 0x80 {
        out.push(len as u8);
    } else if len < 0x100 {
        out.extend([0x81, len as u8]);
    } else {
        out.extend([0x82, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(body);
    out
}

/// `x509Verify(certDer, spki)` → boolean.
fn x509_verify(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = arg_bytes(scope, args.get(0));
    let spki = arg_bytes(scope, args.get(1));
    match verify(&der, &spki) {
        Ok(ok) => rv.set_bool(ok),
        Err(e) => e.throw(scope),
    }
}
