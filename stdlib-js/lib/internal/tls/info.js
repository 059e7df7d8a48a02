'use strict';
// internal/tls/info: what a TLSSocket tells of its connection - certificates (its own and the
// peer's, as objects or X509Certificates), protocol, cipher, key exchange, session - and the
// small setters that go with them. _tls_wrap installs these on TLSSocket.prototype with the
// symbols its sockets keep that state under.

const { Buffer } = require('buffer');
const common = require('_tls_common');
const { kSecureInfo } = require('internal/tls/common');
const { describe, describeChain, pemCertificates, rootDerList } = require('internal/tls/certificate');
const { handshakeError } = require('internal/tls/errors');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_TLS_INVALID_STATE, ERR_TLS_SNI_FROM_SERVER },
  validateFunction, validateInt32, validateObject, validateString, validateUint32,
} = require('internal/errors');

function install(TLSSocket, { kPeerCerts, kSession, kServername, peerCertificates }) {
  const proto = TLSSocket.prototype;


  proto.getPeerCertificate = function getPeerCertificate(detailed) {
    if (this._handle === null) return null;
    const certs = this[kPeerCerts] || (this._secureEstablished ? peerCertificates(this._handle) : null);
    if (!certs || certs.length === 0) return {};
    if (!detailed) return describe(certs[0]) || {};
    return describeChain(certs, trustAnchors(this)) || {};
  };

  // The certificates a chain may end in: the context's ca, else the system's roots.
  function trustAnchors(socket) {
    const o = socket._tlsOptions;
    const ca = o.secureContext ? o.secureContext.context.ca : null;
    if (ca) return ca.flatMap((pem) => pemCertificates(pem));
    return rootDerList();
  }

  proto.getCertificate = function getCertificate() {
    if (this._handle === null) return null;
    const o = this._tlsOptions;
    const cert = o.secureContext ? o.secureContext.context.cert : o.cert;
    if (!cert) return {};
    const ders = pemCertificates(Array.isArray(cert) ? cert.join('\n') : cert);
    return (ders.length && describe(ders[0])) || {};
  };

  // The peer's certificate, linked (issuerCertificate) to the issuers its chain has, as Node's
  // is; the root at the end links to nothing.
  proto.getPeerX509Certificate = function getPeerX509Certificate() {
    const cert = this.getPeerCertificate(true);
    if (!cert || !cert.raw) return undefined;
    const { X509Certificate, kIssuerCertificate } = require('internal/crypto/x509');
    const leaf = new X509Certificate(cert.raw);
    let x509 = leaf;
    for (let c = cert; c.issuerCertificate && c.issuerCertificate !== c; c = c.issuerCertificate) {
      x509[kIssuerCertificate] = new X509Certificate(c.issuerCertificate.raw);
      x509 = x509[kIssuerCertificate];
    }
    return leaf;
  };

  proto.getX509Certificate = function getX509Certificate() {
    const cert = this.getCertificate();
    if (!cert || !cert.raw) return undefined;
    const { X509Certificate } = require('crypto');
    return typeof X509Certificate === 'function' ? new X509Certificate(cert.raw) : undefined;
  };

  proto.getProtocol = function getProtocol() {
    const info = this[kSecureInfo];
    if (this._handle === null) return null;
    return info ? info.protocol : 'unknown';
  };

  proto.getCipher = function getCipher() {
    const info = this[kSecureInfo];
    if (this._handle === null || !info) return null;
    return common.cipherInfo(info.cipher);
  };

  // rustls' key exchange groups as OpenSSL names them, with their size in bits.
  const KX_GROUPS = {
    __proto__: null,
    X25519: ['X25519', 253],
    secp256r1: ['prime256v1', 256],
    secp384r1: ['secp384r1', 384],
    secp521r1: ['secp521r1', 521],
    X448: ['X448', 448],
  };

  proto.getEphemeralKeyInfo = function getEphemeralKeyInfo() {
    if (this._tlsOptions.isServer) return null;
    const info = this[kSecureInfo];
    const group = info && KX_GROUPS[info.kx];
    if (!group) return {};
    return { type: 'ECDH', name: group[0], size: group[1] };
  };

  // The signature schemes both sides can use: the peer's list (a server hears the client's
  // hello, a client the server's certificate request) as far as this side's allows.
  proto.getSharedSigalgs = function getSharedSigalgs() {
    const info = this[kSecureInfo];
    if (!info || !Array.isArray(info.sharedSigalgs)) return [];
    const { sigalgName } = require('internal/tls/ciphers');
    return info.sharedSigalgs.map(sigalgName);
  };

  // A client's last session from the 'session' event (an opaque Buffer binding.net resolves;
  // not OpenSSL's DER): given back as the `session` option, the next connection resumes it.
  // Before the first (or, in TLS 1.3, without any) ticket it is a session that resumes nothing,
  // as OpenSSL's current session is then.
  const kNoSession = Buffer.from('EDDYTLS1\0\0\0\0\0\0\0\0', 'latin1');
  proto.getSession = function getSession() {
    if (this._handle === null || !this._secureEstablished) return undefined;
    return this[kSession] || Buffer.from(kNoSession);
  };

  proto.getTLSTicket = function getTLSTicket() {
    return undefined;
  };

  proto.isSessionReused = function isSessionReused() {
    const info = this[kSecureInfo];
    return Boolean(info && info.reused);
  };

  proto.setSession = function setSession(session) {
    if (typeof session === 'string') session = Buffer.from(session, 'latin1');
    this._pendingSession = session;
  };

  proto.getFinished = function getFinished() {
    return undefined;
  };

  proto.getPeerFinished = function getPeerFinished() {
    return undefined;
  };

  // RFC 5705 keying material from the connection's secrets (rustls derives it).
  proto.exportKeyingMaterial = function exportKeyingMaterial(length, label, context) {
    validateUint32(length, 'length', true);
    validateString(label, 'label');
    if (context !== undefined && !ArrayBuffer.isView(context)) {
      throw new ERR_INVALID_ARG_TYPE('context', ['Buffer', 'TypedArray', 'DataView'], context);
    }
    if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
    const handle = this._handle;
    const parent = handle && handle._parent;
    if (!parent || parent.token === null || parent.token === undefined || parent.closed) {
      throw new ERR_TLS_INVALID_STATE();
    }
    const out = binding.net.exportKeyingMaterial(parent.token, length, label, context);
    if (typeof out === 'string') throw new Error(out);
    if (typeof out === 'number') throw new ERR_TLS_INVALID_STATE();
    return Buffer.from(out);
  };

  proto.setServername = function setServername(name) {
    validateString(name, 'name');
    if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
    this[kServername] = name;
  };

  proto.setMaxSendFragment = function setMaxSendFragment(size) {
    validateInt32(size, 'size');
    if (size < 512 || size > 16384) return false;
    const handle = this._handle;
    if (handle && typeof handle.setMaxSendFragment === 'function') handle.setMaxSendFragment(size);
    return true;
  };

  proto.disableRenegotiation = function disableRenegotiation() {
    this._disableRenegotiation = true;
  };

  // TLS 1.3 has no renegotiation, and rustls offers none in 1.2.
  proto.renegotiate = function renegotiate(options, callback) {
    validateObject(options, 'options');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.destroyed) return false;
    // TLS 1.3 has no renegotiation at all (OpenSSL refuses with its code 0A00010A); rustls
    // implements none for TLS 1.2 either.
    let err;
    if (this.getProtocol() === 'TLSv1.3') {
      err = new Error('error:0A00010A:SSL routines::wrong ssl version');
      err.library = 'SSL routines';
      err.reason = 'wrong ssl version';
      err.code = 'ERR_SSL_WRONG_SSL_VERSION';
    } else {
      err = handshakeError({ message: 'no renegotiation' });
    }
    if (callback) process.nextTick(callback, err);
    return false;
  };

  proto.enableTrace = function enableTrace() {};

  proto.setKeyCert = function setKeyCert(context) {
    if (!(context instanceof common.SecureContext)) context = common.createSecureContext(context);
    this._tlsOptions.secureContext = context;
  };
}

module.exports = { install };
