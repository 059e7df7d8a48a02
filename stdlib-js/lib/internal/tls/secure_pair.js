'use strict';
// internal/tls/secure_pair: tls.createSecurePair (deprecated, DEP0064) - a TLSSocket
// (`cleartext`) over one end of an in-memory pair of Duplexes whose other end (`encrypted`)
// carries the ciphertext: what is written to `encrypted` is the peer's TLS, what it gives is
// ours. The TLS runs over a Duplex as tls.connect({ socket }) does (internal/tls/stream_handle).

const EventEmitter = require('events');
const { Duplex } = require('stream');

const kOther = Symbol('other-side');
const kWaiting = Symbol('waiting-write');

// One end: a write is pushed to the other end's readable side, and is done once that end is
// read from (so a side nobody reads holds back the writer).
class DuplexSocket extends Duplex {
  constructor() {
    super();
    this[kOther] = null;
    this[kWaiting] = null;
  }

  _read() {
    const cb = this[kWaiting];
    if (cb !== null) {
      this[kWaiting] = null;
      cb();
    }
  }

  _write(chunk, encoding, cb) {
    const other = this[kOther];
    if (other.destroyed) {
      cb();
      return;
    }
    if (other.push(chunk)) cb();
    else other[kWaiting] = cb;
  }

  _final(cb) {
    this[kOther].push(null);
    cb();
  }
}

class SecurePair extends EventEmitter {
  constructor(secureContext, isServer, requestCert, rejectUnauthorized, options) {
    super();
    const { TLSSocket } = require('_tls_wrap');
    const own = new DuplexSocket();
    const wire = new DuplexSocket();
    own[kOther] = wire;
    wire[kOther] = own;
    this.server = options.server;
    this.credentials = secureContext;
    this.encrypted = wire;
    this.cleartext = new TLSSocket(own, {
      secureContext,
      isServer,
      requestCert,
      rejectUnauthorized,
      ...options,
    });
    this.cleartext.once('secure', () => this.emit('secure'));
    if (!isServer) this.cleartext._start();
  }

  destroy() {
    this.cleartext.destroy();
    this.encrypted.destroy();
  }
}

module.exports = { SecurePair };
