'use strict';
// node:tls - TLS sockets and servers on rustls (through binding.net.startTls); the pieces live
// in _tls_common (contexts), _tls_wrap (TLSSocket, connect), internal/tls/server (Server) and
// internal/tls/* (certificates, names, errors).

const { Buffer } = require('buffer');
const { codes: { ERR_OUT_OF_RANGE, ERR_TLS_INVALID_CONTEXT } } = require('internal/errors');
const common = require('_tls_common');
const wrap = require('_tls_wrap');
const { Server, createServer } = require('internal/tls/server');
const { checkServerIdentity } = require('internal/tls/identity');

// Length-prefixed protocol names (the wire format), into out.ALPNProtocols.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = protocols.map((p, index) => {
      const bytes = typeof p === 'string' ? Buffer.from(p) : Buffer.from(p.buffer, p.byteOffset, p.byteLength);
      if (bytes.length > 255) {
        throw new ERR_OUT_OF_RANGE(`The byte length of the protocol at index ${index} exceeds the maximum length.`,
          '<= 255', bytes.length, true);
      }
      return Buffer.concat([Buffer.from([bytes.length]), bytes]);
    });
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(protocols.byteOffset,
      protocols.byteOffset + protocols.byteLength));
  }
}

let securePairWarned = false;

// Deprecated in Node (DEP0064): a TLSSocket over an in-memory stream (internal/tls/secure_pair).
function createSecurePair(context, isServer = false, requestCert = !isServer, rejectUnauthorized = false,
  options = {}) {
  if (!securePairWarned) {
    securePairWarned = true;
    process.emitWarning('tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.',
      'DeprecationWarning', 'DEP0064');
  }
  if (context === undefined || context === null) context = common.createSecureContext();
  else if (!(context instanceof common.SecureContext)) throw new ERR_TLS_INVALID_CONTEXT('context');
  const { SecurePair } = require('internal/tls/secure_pair');
  return new SecurePair(context, Boolean(isServer), Boolean(requestCert), Boolean(rejectUnauthorized),
    options || {});
}

// The defaults the command line (or NODE_OPTIONS) sets: --tls-min-v1.x (the lowest given
// wins), --tls-max-v1.x (the highest) and --tls-cipher-list (crypto.constants has it).
function cliDefaults() {
  const given = new Set([...process.execArgv, ...`${process.env.NODE_OPTIONS || ''}`.split(/\s+/)]);
  const min = [['--tls-min-v1.0', 'TLSv1'], ['--tls-min-v1.1', 'TLSv1.1'], ['--tls-min-v1.2', 'TLSv1.2'],
    ['--tls-min-v1.3', 'TLSv1.3']].find(([flag]) => given.has(flag));
  const max = [['--tls-max-v1.3', 'TLSv1.3'], ['--tls-max-v1.2', 'TLSv1.2']].find(([flag]) => given.has(flag));
  return {
    min: min ? min[1] : 'TLSv1.2',
    max: max ? max[1] : 'TLSv1.3',
    ciphers: require('internal/crypto/constants').defaultCipherList,
  };
}
const defaults = cliDefaults();

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: defaults.ciphers,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: defaults.min,
  DEFAULT_MAX_VERSION: defaults.max,
  getCiphers: common.getCiphers,
  rootCertificates: undefined,
  convertALPNProtocols,
  checkServerIdentity,
  createSecureContext: common.createSecureContext,
  SecureContext: common.SecureContext,
  TLSSocket: wrap.TLSSocket,
  Server,
  createServer,
  connect: wrap.connect,
  createSecurePair,
};

// Read from the system's bundle on first use.
Object.defineProperty(module.exports, 'rootCertificates', {
  configurable: false,
  enumerable: true,
  get: () => require('internal/tls/certificate').rootCertificates(),
});
