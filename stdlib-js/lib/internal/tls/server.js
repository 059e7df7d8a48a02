'use strict';
// internal/tls/server: tls.Server - a net.Server whose connections become server-side
// TLSSockets (_tls_wrap); 'secureConnection' once a handshake is done, 'tlsClientError' when
// one fails. The certificate is the server's shared SecureContext: rustls picks it before any
// SNICallback could choose another (see askSNICallback in _tls_wrap).

const net = require('net');
const { TLSSocket } = require('_tls_wrap');
const common = require('_tls_common');
const {
  alpnList, kALPN, kDefaultSNICallback, kErrorEmitted, kHandshakeTimeout, kSNICallback, kSecureInfo,
  kServerConnection,
} = require('internal/tls/common');
const { connReset } = require('internal/tls/errors');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_TLS_REQUIRED_SERVER_NAME, ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
  },
  validateBoolean, validateFunction, validateNumber, validateObject,
} = require('internal/errors');

const tls = () => require('tls');

// The default SNICallback: the contexts added with addContext, last match first.
function SNICallback(servername, callback) {
  let context;
  for (let i = this._contexts.length - 1; i >= 0; i--) {
    const [re, ctx] = this._contexts[i];
    if (re.test(servername)) {
      context = ctx;
      break;
    }
  }
  callback(null, context);
}
SNICallback[kDefaultSNICallback] = true;

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this[kALPN],
    SNICallback: this[kSNICallback],
    ALPNCallback: this.ALPNCallback,
    pauseOnConnect: this.pauseOnConnect,
  });
  socket[kServerConnection] = true;
  socket.on('secure', onServerSocketSecure);
  socket.on('close', onServerSocketClose);
}

function onServerSocketSecure() {
  const o = this._tlsOptions;
  const info = this[kSecureInfo];
  if (o.requestCert) {
    if (info.authorized) {
      this.authorized = true;
    } else {
      this.authorizationError = info.authorizationError || 'UNABLE_TO_GET_ISSUER_CERT';
      if (o.rejectUnauthorized) {
        this.destroy();
        return;
      }
    }
  }
  if (!this.destroyed && this._releaseControl()) o.server.emit('secureConnection', this);
}

// Gone before the handshake finished, with no TLS error said: the client hung up.
function onServerSocketClose(hadError) {
  if (hadError || this._controlReleased || this[kErrorEmitted]) return;
  this[kErrorEmitted] = true;
  this._tlsOptions.server.emit('tlsClientError', connReset('socket hang up'), this);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (options.ALPNCallback !== undefined) {
    validateFunction(options.ALPNCallback, 'options.ALPNCallback');
    if (options.ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
    this.ALPNCallback = options.ALPNCallback;
  }
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  if (options.ALPNProtocols) {
    tls().convertALPNProtocols(options.ALPNProtocols, this);
    this[kALPN] = alpnList(options.ALPNProtocols);
  }
  this.setSecureContext(options);
  const handshakeTimeout = options.handshakeTimeout === undefined ? 120000 : options.handshakeTimeout;
  validateNumber(handshakeTimeout, 'options.handshakeTimeout');
  this[kHandshakeTimeout] = handshakeTimeout;
  if (options.SNICallback !== undefined) validateFunction(options.SNICallback, 'options.SNICallback');
  this[kSNICallback] = options.SNICallback || SNICallback;
  if (options.pskCallback !== undefined) validateFunction(options.pskCallback, 'options.pskCallback');
  if (options.enableTrace !== undefined) validateBoolean(options.enableTrace, 'options.enableTrace');
  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

const CONTEXT_KEYS = [
  'key', 'cert', 'ca', 'passphrase', 'ciphers', 'ecdhCurve', 'dhparam', 'sigalgs', 'crl', 'pfx',
  'secureProtocol', 'secureOptions', 'honorCipherOrder', 'sessionIdContext', 'minVersion',
  'maxVersion', 'privateKeyIdentifier', 'privateKeyEngine', 'clientCertEngine',
];

Server.prototype.setSecureContext = function setSecureContext(options) {
  validateObject(options, 'options');
  for (const key of CONTEXT_KEYS) {
    if (options[key] !== undefined) this[key] = options[key];
    else if (key !== 'minVersion' && key !== 'maxVersion') this[key] = undefined;
  }
  this._sharedCreds = tls().createSecureContext({
    key: this.key,
    cert: this.cert,
    ca: this.ca,
    pfx: this.pfx,
    passphrase: this.passphrase,
    ciphers: this.ciphers,
    ecdhCurve: this.ecdhCurve,
    sigalgs: this.sigalgs,
    secureProtocol: this.secureProtocol,
    secureOptions: this.secureOptions,
    honorCipherOrder: this.honorCipherOrder,
    minVersion: this.minVersion,
    maxVersion: this.maxVersion,
    sessionIdContext: this.sessionIdContext,
    ticketKeys: this.ticketKeys,
    sessionTimeout: this.sessionTimeout,
  });
};

let setOptionsWarned = false;

// Deprecated (DEP0122): takes the options as properties, as Node's old API did.
Server.prototype.setOptions = function setOptions(options) {
  if (!setOptionsWarned) {
    setOptionsWarned = true;
    process.emitWarning('Server.prototype.setOptions() is deprecated', 'DeprecationWarning', 'DEP0122');
  }
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  for (const key of CONTEXT_KEYS) {
    if (options[key] !== undefined) this[key] = options[key];
  }
  for (const key of ['sessionTimeout', 'ticketKeys', 'pskCallback', 'pskIdentityHint']) {
    if (options[key] !== undefined) this[key] = options[key];
  }
  if (options.ALPNProtocols) {
    tls().convertALPNProtocols(options.ALPNProtocols, this);
    this[kALPN] = alpnList(options.ALPNProtocols);
  }
};

Server.prototype.getTicketKeys = function getTicketKeys() {
  return this._sharedCreds.context.getTicketKeys();
};

Server.prototype.setTicketKeys = function setTicketKeys(keys) {
  if (!ArrayBuffer.isView(keys)) throw new ERR_INVALID_ARG_TYPE('keys', ['Buffer', 'TypedArray', 'DataView'], keys);
  require('assert')(keys.byteLength === 48, 'Session ticket keys must be a 48-byte buffer');
  this._sharedCreds.context.setTicketKeys(keys);
};

// node:cluster carries this from the first worker's server to the others' (through the
// primary), so that a session ticket one worker issued resumes on any of them.
Server.prototype._getServerData = function _getServerData() {
  return { ticketKeys: Buffer.from(this.getTicketKeys()).toString('hex') };
};

Server.prototype._setServerData = function _setServerData(data) {
  this.setTicketKeys(Buffer.from(data.ticketKeys, 'hex'));
};

Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  // "*" stands for one label; everything else is literal.
  const pattern = servername.replace(/[.^$+?\-\\[\]{}()|]/g, '\\$&').replaceAll('*', '[^.]*');
  const re = new RegExp(`^${pattern}$`);
  const secureContext = context instanceof common.SecureContext ? context : tls().createSecureContext(context);
  this._contexts.push([re, secureContext]);
};

Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, sock) {
  if (event === 'secureConnection') sock.destroy(err);
  else net.Server.prototype[Symbol.for('nodejs.rejection')].call(this, err, event, sock);
};

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = { Server, createServer };
