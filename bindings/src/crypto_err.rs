//! Errors of the asymmetric-key natives, made into JS errors shaped like Node's: OpenSSL's
//! "error:XXXXXXXX:library::reason" with `library`, `reason` and `code`, or Node's own coded
//! errors. They are plain values so a pool job can return one and the main thread throw it.

use eddy_runtime::{js_string, v8};

#[derive(Debug, Clone)]
pub(crate) enum CryptoError {
    /// An OpenSSL error as Node reports it.
    Ossl {
        hex: &'static str,
        lib: &'static str,
        reason: &'static str,
        code: Option<&'static str>,
    },
    /// A TypeError with a Node `code`.
    Type(&'static str, String),
    /// An Error with a Node `code`.
    Coded(&'static str, String),
    /// An Error with no code (OpenSSL errors Node reports bare).
    Plain(String),
}

/// The OpenSSL errors Node users meet with keys and signatures.
pub(crate) mod ossl {
    use super::CryptoError;

    const fn e(
        hex: &'static str,
        lib: &'static str,
        reason: &'static str,
        code: &'static str,
    ) -> CryptoError {
        CryptoError::Ossl {
            hex,
            lib,
            reason,
            code: Some(code),
        }
    }

    pub(crate) const DECODER_UNSUPPORTED: CryptoError = e(
        "1E08010C",
        "DECODER routines",
        "unsupported",
        "ERR_OSSL_UNSUPPORTED",
    );
    pub(crate) const BAD_DECRYPT: CryptoError = e(
        "1C800064",
        "Provider routines",
        "bad decrypt",
        "ERR_OSSL_BAD_DECRYPT",
    );
    pub(crate) const INTERRUPTED: CryptoError = e(
        "07880109",
        "common libcrypto routines",
        "interrupted or cancelled",
        "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
    );
    pub(crate) const OAEP_DECODING: CryptoError = e(
        "02000079",
        "rsa routines",
        "oaep decoding error",
        "ERR_OSSL_RSA_OAEP_DECODING_ERROR",
    );
    pub(crate) const PKCS_DECODING: CryptoError = e(
        "02000072",
        "rsa routines",
        "padding check failed",
        "ERR_OSSL_RSA_PADDING_CHECK_FAILED",
    );
    pub(crate) const DATA_TOO_LARGE_FOR_KEY: CryptoError = e(
        "0200006E",
        "rsa routines",
        "data too large for key size",
        "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
    );
    pub(crate) const DATA_TOO_LARGE_FOR_MODULUS: CryptoError = e(
        "02000084",
        "rsa routines",
        "data too large for modulus",
        "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS",
    );
    pub(crate) const DATA_TOO_SMALL_FOR_KEY: CryptoError = e(
        "0200007A",
        "rsa routines",
        "data too small for key size",
        "ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE",
    );
    pub(crate) const DATA_GREATER_THAN_MOD_LEN: CryptoError = e(
        "0200006C",
        "rsa routines",
        "data greater than mod len",
        "ERR_OSSL_RSA_DATA_GREATER_THAN_MOD_LEN",
    );
    pub(crate) const DIGEST_TOO_BIG: CryptoError = e(
        "02000070",
        "rsa routines",
        "digest too big for rsa key",
        "ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY",
    );
    pub(crate) const OPERATION_NOT_SUPPORTED: CryptoError = e(
        "03000096",
        "digital envelope routines",
        "operation not supported for this keytype",
        "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
    );
    /// An SPKI whose octet-string key has the wrong length for its type.
    pub(crate) const EVP_DECODE_ERROR: CryptoError = e(
        "03000072",
        "digital envelope routines",
        "decode error",
        "ERR_OSSL_EVP_DECODE_ERROR",
    );
    pub(crate) const PROVIDER_OPERATION_NOT_SUPPORTED: CryptoError = e(
        "1C8000B2",
        "Provider routines",
        "operation not supported for this keytype",
        "ERR_OSSL_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
    );
    pub(crate) const ILLEGAL_OR_UNSUPPORTED_PADDING: CryptoError = e(
        "1C8000A5",
        "Provider routines",
        "illegal or unsupported padding mode",
        "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
    );
    /// A digest other than the one an RSA-PSS key's parameters restrict it to.
    pub(crate) const DIGEST_NOT_ALLOWED: CryptoError = e(
        "1C8000AE",
        "Provider routines",
        "digest not allowed",
        "ERR_OSSL_DIGEST_NOT_ALLOWED",
    );
    pub(crate) const INVALID_DIGEST: CryptoError = e(
        "1C80007A",
        "Provider routines",
        "invalid digest",
        "ERR_OSSL_INVALID_DIGEST",
    );
    pub(crate) const INVALID_PADDING: CryptoError = e(
        "0200008A",
        "rsa routines",
        "invalid padding",
        "ERR_OSSL_RSA_INVALID_PADDING",
    );
    pub(crate) const UNKNOWN_PADDING_TYPE: CryptoError = e(
        "02000076",
        "rsa routines",
        "unknown padding type",
        "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE",
    );
    pub(crate) const FAILED_DURING_DERIVATION: CryptoError = e(
        "1C8000A4",
        "Provider routines",
        "failed during derivation",
        "ERR_OSSL_FAILED_DURING_DERIVATION",
    );
    pub(crate) const MISMATCHING_DOMAIN_PARAMETERS: CryptoError = e(
        "1C8000CB",
        "Provider routines",
        "mismatching domain parameters",
        "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
    );
}

impl CryptoError {
    /// The JS error; None when setting one of its properties threw (a setter on
    /// Object.prototype), which leaves that exception pending, as Node's does.
    pub(crate) fn to_js<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
    ) -> Option<v8::Local<'s, v8::Value>> {
        let (message, code) = match self {
            CryptoError::Ossl {
                hex,
                lib,
                reason,
                code,
            } => (format!("error:{hex}:{lib}::{reason}"), *code),
            CryptoError::Type(code, msg) | CryptoError::Coded(code, msg) => {
                (msg.clone(), Some(*code))
            }
            CryptoError::Plain(msg) => (msg.clone(), None),
        };
        let msg = js_string(scope, &message);
        let err = if matches!(self, CryptoError::Type(..)) {
            v8::Exception::type_error(scope, msg)
        } else {
            v8::Exception::error(scope, msg)
        };
        if let Ok(obj) = v8::Local::<v8::Object>::try_from(err) {
            if let CryptoError::Ossl { lib, reason, .. } = self {
                set(scope, obj, "library", lib)?;
                set(scope, obj, "reason", reason)?;
            }
            if let Some(code) = code {
                set(scope, obj, "code", code)?;
            }
        }
        Some(err)
    }

    pub(crate) fn throw(&self, scope: &mut v8::PinScope) {
        if let Some(err) = self.to_js(scope) {
            scope.throw_exception(err);
        }
    }
}

fn set(
    scope: &mut v8::PinScope,
    obj: v8::Local<v8::Object>,
    key: &str,
    value: &str,
) -> Option<bool> {
    let k = js_string(scope, key);
    let v = js_string(scope, value);
    obj.set(scope, k.into(), v.into())
}
