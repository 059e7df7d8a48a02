'use strict';
// internal/tls/common: what _tls_wrap (TLSSocket, connect) and internal/tls/server (tls.Server)
// share - the symbols of a socket's TLS state, and ALPN lists as binding.net takes them.

const { Buffer } = require('buffer');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const kSecureInfo = Symbol('secure-info');
const kErrorEmitted = Symbol('error-emitted');
const kALPN = Symbol('alpn-protocols');
const kSNICallback = Symbol('snicallback');
const kHandshakeTimeout = Symbol('handshake-timeout');
const kServerConnection = Symbol('server-connection');
// Marks the SNICallback a tls.Server has when given none (it looks up addContext's contexts).
const kDefaultSNICallback = Symbol('default-snicallback');

// ALPNProtocols as binding.net takes it: a list of names. Node also accepts the wire format
// (length-prefixed names in one buffer).
function alpnList(protocols) {
  if (protocols === undefined || protocols === null) return undefined;
  if (Array.isArray(protocols)) {
    return protocols.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
  }
  if (ArrayBuffer.isView(protocols)) {
    const bytes = Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
    const out = [];
    for (let i = 0; i < bytes.length;) {
      const len = bytes[i];
      out.push(bytes.toString('latin1', i + 1, i + 1 + len));
      i += 1 + len;
    }
    return out;
  }
  throw new ERR_INVALID_ARG_TYPE('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray', 'DataView'], protocols);
}

module.exports = {
  alpnList,
  kALPN,
  kDefaultSNICallback,
  kErrorEmitted,
  kHandshakeTimeout,
  kSNICallback,
  kSecureInfo,
  kServerConnection,
};
