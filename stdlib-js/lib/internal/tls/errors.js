'use strict';
// internal/tls/errors: TLS failures as Node reports them. A certificate that does not verify
// is an Error whose code is OpenSSL's verify-error name (DEPTH_ZERO_SELF_SIGNED_CERT, ...) with
// OpenSSL's wording; a failed handshake is an Error with an ERR_SSL_* code and OpenSSL's
// `library`/`reason`, translated from what rustls said (binding.net's EV.TLS_ERROR
// `{ message, code }`, code set when the chain did not verify).

// OpenSSL's X509_verify_cert_error_string for the codes Node surfaces.
const VERIFY_MESSAGES = {
  __proto__: null,
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_CRL: 'unable to get certificate CRL',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: "unable to decrypt certificate's signature",
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'unable to decode issuer public key',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_HAS_EXPIRED: 'certificate has expired',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: "format error in certificate's notBefore field",
  ERROR_IN_CERT_NOT_AFTER_FIELD: "format error in certificate's notAfter field",
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_CHAIN_TOO_LONG: 'certificate chain too long',
  CERT_REVOKED: 'certificate revoked',
  INVALID_CA: 'invalid CA certificate',
  PATH_LENGTH_EXCEEDED: 'path length constraint exceeded',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
  HOSTNAME_MISMATCH: 'Hostname mismatch',
};

function verifyError(code) {
  const err = new Error(VERIFY_MESSAGES[code] || code);
  err.code = code;
  return err;
}

// rustls' alert names -> OpenSSL's reason for receiving that alert.
const ALERTS = {
  __proto__: null,
  CloseNotify: 'sslv3 alert close notify',
  UnexpectedMessage: 'sslv3 alert unexpected message',
  BadRecordMac: 'sslv3 alert bad record mac',
  HandshakeFailure: 'sslv3 alert handshake failure',
  BadCertificate: 'sslv3 alert bad certificate',
  UnsupportedCertificate: 'sslv3 alert unsupported certificate',
  CertificateRevoked: 'sslv3 alert certificate revoked',
  CertificateExpired: 'sslv3 alert certificate expired',
  CertificateUnknown: 'sslv3 alert certificate unknown',
  IllegalParameter: 'sslv3 alert illegal parameter',
  UnknownCA: 'tlsv1 alert unknown ca',
  AccessDenied: 'tlsv1 alert access denied',
  DecodeError: 'tlsv1 alert decode error',
  DecryptError: 'tlsv1 alert decrypt error',
  ProtocolVersion: 'tlsv1 alert protocol version',
  InsufficientSecurity: 'tlsv1 alert insufficient security',
  InternalError: 'tlsv1 alert internal error',
  InappropriateFallback: 'tlsv1 alert inappropriate fallback',
  UserCanceled: 'tlsv1 alert user cancelled',
  MissingExtension: 'tlsv13 alert missing extension',
  UnsupportedExtension: 'tlsv1 unsupported extension',
  UnrecognisedName: 'tlsv1 unrecognized name',
  CertificateRequired: 'tlsv13 alert certificate required',
  NoApplicationProtocol: 'tlsv1 alert no application protocol',
};

// OpenSSL's reason for what we detected ourselves, by the words of rustls' message.
const LOCAL = [
  [/^invalid peer certificate/, 'certificate verify failed'],
  [/NoCipherSuitesInCommon/, 'no shared cipher'],
  [/SupportedVersionsExtensionRequired|Tls12NotOffered|ProtocolVersion/, 'unsupported protocol'],
  [/NoApplicationProtocol|doesn't support any known protocol/, 'no application protocol'],
  [/^peer sent no certificates|NoCertificatesPresented/, 'peer did not return a certificate'],
  [/corrupt message|InvalidContentType|^wrong version number$/, 'wrong version number'],
  [/^no shared cipher$/, 'no shared cipher'],
  [/NoSignatureSchemesInCommon/, 'no shared signature algorithms'],
  // A context (an SNICallback's) without a certificate; OpenSSL fails setting a null one.
  [/no server certificate chain resolved/, 'passed a null parameter'],
];

// An Error for a failed handshake or record layer, from EV.TLS_ERROR's value.
function handshakeError(info) {
  if (info.code && VERIFY_MESSAGES[info.code]) return verifyError(info.code);
  const message = String(info.message || 'TLS failure');
  let reason;
  const alert = /received fatal alert: (\w+)/.exec(message);
  if (alert) reason = ALERTS[alert[1]];
  if (!reason) {
    const local = LOCAL.find(([re]) => re.test(message));
    reason = local ? local[1] : message;
  }
  const err = new Error(`error:0A000000:SSL routines::${reason}`);
  err.library = 'SSL routines';
  err.reason = reason;
  err.code = `ERR_SSL_${reason.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  return err;
}

// A context rustls refused when the socket turned secure (a key or certificate it cannot use).
// Messages already in OpenSSL's form keep its library and reason.
function configError(message) {
  const err = new Error(message);
  const m = /^error:[0-9A-F]{8}:([^:]*):[^:]*:(.*)$/.exec(message);
  if (m) {
    err.library = m[1];
    err.reason = m[2];
    err.code = `ERR_OSSL_${m[2].toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  }
  return err;
}

// Node's ECONNRESET for a connection that ended early (its ConnResetException).
function connReset(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

module.exports = { VERIFY_MESSAGES, configError, connReset, handshakeError, verifyError };
