'use strict';
// http2.connect(), createServer(), createSecureServer() and performServerHandshake(): the
// sockets under the sessions, and the servers that turn connections into ServerHttp2Sessions.

const net = require('net');
const tls = require('tls');
const { ServerHttp2Session } = require('internal/http2/session');
const { ClientHttp2Session } = require('internal/http2/client');
const { err, validateSettings } = require('internal/http2/util');

const kSessions = Symbol('sessions');
const kOptions = Symbol('options');

function validateOptions(options, name = 'options') {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw err('ERR_INVALID_ARG_TYPE', name, 'Object', options);
  const numeric = ['maxDeflateDynamicTableSize', 'maxSendHeaderBlockLength', 'maxHeaderListPairs',
                   'maxOutstandingPings', 'maxReservedRemoteStreams', 'maxSessionMemory',
                   'paddingStrategy', 'peerMaxConcurrentStreams', 'unknownProtocolTimeout',
                   'maxSessionInvalidFrames', 'maxSessionRejectedStreams'];
  for (const k of numeric) {
    const v = options[k];
    if (v === undefined) continue;
    if (typeof v !== 'number') throw err('ERR_INVALID_ARG_TYPE', `options.${k}`, 'number', v);
    if (k === 'maxSessionInvalidFrames' || k === 'maxSessionRejectedStreams' ||
        k === 'unknownProtocolTimeout') {
      if (!Number.isInteger(v) && Number.isFinite(v)) throw err('ERR_OUT_OF_RANGE', `options.${k}`, 'an integer', v);
      if (!(v >= 0 && v <= 2 ** 32 - 1)) throw err('ERR_OUT_OF_RANGE', `options.${k}`, '>= 0 && <= 4294967295', v);
    }
  }
  if (options.settings !== undefined) {
    if (options.settings === null || typeof options.settings !== 'object') {
      throw err('ERR_INVALID_ARG_TYPE', 'options.settings', 'Object', options.settings);
    }
    validateSettings(options.settings);
  }
  for (const k of ['Http1IncomingMessage', 'Http1ServerResponse', 'Http2ServerRequest', 'Http2ServerResponse']) {
    if (options[k] !== undefined && typeof options[k] !== 'function') {
      throw err('ERR_INVALID_ARG_TYPE', `options.${k}`, 'function', options[k]);
    }
  }
  return options;
}

function sessionOnTimeout() {
  const server = this.server;
  if (server && server.listenerCount('timeout') > 0) server.emit('timeout', this);
  else this.destroy();
}

function onServerStream(stream, headers, flags, raw) {
  const server = this.server;
  if (server.listenerCount('request') > 0 || server.listenerCount('checkContinue') > 0 ||
      (headers[':method'] === 'CONNECT' && server.listenerCount('connect') > 0)) {
    require('internal/http2/compat').onServerStream(server, stream, headers, flags, raw);
  }
  server.emit('stream', stream, headers, flags, raw);
}

function setupSession(server, socket) {
  const options = server._options;
  const session = new ServerHttp2Session(options, socket, server);
  server[kSessions].add(session);
  session.on('close', () => server[kSessions].delete(session));
  session.on('stream', onServerStream);
  session.on('priority', (...args) => server.emit('priority', ...args));
  session.on('error', (e) => {
    if (server.listenerCount('sessionError') > 0) server.emit('sessionError', e, session);
  });
  if (options.maxSessionInvalidFrames !== undefined) session._maxInvalid = options.maxSessionInvalidFrames;
  if (server.timeout) session.setTimeout(server.timeout, sessionOnTimeout);
  session._start();
  if (Array.isArray(options.origins) && options.origins.length) session.origin(...options.origins);
  server.emit('session', session);
  return session;
}

function connectionListener(socket) {
  if (this._secure && socket.alpnProtocol !== 'h2') {
    if (this._options.allowHTTP1 === true) {
      this._http1 ??= makeHttp1Handler(this);
      this._http1(socket);
      return;
    }
    if (this.emit('unknownProtocol', socket)) return;
    // Nobody took it: give the client a moment to go away by itself, then close it.
    const t = setTimeout(() => { if (!socket.destroyed) socket.destroy(); },
                         this._options.unknownProtocolTimeout ?? 10000);
    t.unref?.();
    socket.on('close', () => clearTimeout(t));
    socket.end();
    return;
  }
  setupSession(this, socket);
}

// allowHTTP1: an HTTP/1 server that never listens parses the connection; its requests are
// re-emitted on the HTTP/2 server, as Node's are.
function makeHttp1Handler(server) {
  const http = require('http');
  const opts = server._options;
  const h1 = http.createServer({
    IncomingMessage: opts.Http1IncomingMessage,
    ServerResponse: opts.Http1ServerResponse,
  });
  h1.timeout = server.timeout;
  for (const ev of ['request', 'upgrade', 'checkContinue', 'checkExpectation', 'clientError']) {
    h1.on(ev, (...args) => {
      if (ev === 'clientError' && server.listenerCount('clientError') === 0) {
        args[1].destroy();
        return;
      }
      server.emit(ev, ...args);
    });
  }
  return (socket) => h1.emit('connection', socket);
}

function initServer(server, options, handler, secure) {
  server._options = options;
  server[kOptions] = options;
  server._secure = secure;
  server.timeout = 0;
  server[kSessions] = new Set();
  server.on(secure ? 'secureConnection' : 'connection', connectionListener);
  if (handler !== undefined) server.on('request', handler);
}

class Http2Server extends net.Server {
  constructor(options, handler) {
    super({ allowHalfOpen: true, noDelay: true, ...options });
    initServer(this, options, handler, false);
  }
}

class Http2SecureServer extends tls.Server {
  constructor(options, handler) {
    const alpn = options.allowHTTP1 === true ? ['h2', 'http/1.1'] : ['h2'];
    super({ ALPNProtocols: alpn, ...options });
    initServer(this, options, handler, true);
    this.on('tlsClientError', (e, socket) => {
      if (this.listenerCount('tlsClientError') === 1) socket.destroy?.(e);
    });
  }
}

for (const C of [Http2Server, Http2SecureServer]) {
  C.prototype.setTimeout = function setTimeout(msecs, callback) {
    if (typeof msecs !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'msecs', 'number', msecs);
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
      this.on('timeout', callback);
    }
    this.timeout = msecs;
    return this;
  };
  C.prototype.updateSettings = function updateSettings(settings) {
    validateSettings(settings);
    this._options = { ...this._options, settings: { ...(this._options.settings || {}), ...settings } };
    this[kOptions] = this._options;
  };
  // events.captureRejections: an async 'stream' or 'request' handler that rejects answers 500
  // when nothing was sent yet, otherwise resets the stream with the error.
  C.prototype[Symbol.for('nodejs.rejection')] = function onRejection(error, event, ...args) {
    if (event === 'stream') {
      const stream = args[0];
      if (stream.headersSent) {
        stream.destroy(error);
      } else if (!stream.destroyed) {
        stream.respond({ ':status': 500 });
        stream.end();
      }
    } else if (event === 'request') {
      const res = args[1];
      if (res.headersSent || res.finished) {
        res.stream.destroy(error);
      } else {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.statusCode = 500;
        res.end();
      }
    } else {
      this.emit('error', error);
    }
  };
  C.prototype[Symbol.asyncDispose] = function asyncDispose() {
    return new Promise((resolve, reject) => this.close((e) => (e ? reject(e) : resolve())));
  };
}

function createServer(options, handler) {
  if (typeof options === 'function') {
    handler = options;
    options = {};
  }
  options = validateOptions(options);
  return new Http2Server(options, handler);
}

function createSecureServer(options, handler) {
  // Unlike createServer(), a handler alone is not accepted in place of the options.
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object') {
    throw err('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
  }
  options = validateOptions(options);
  return new Http2SecureServer(options, handler);
}

function connect(authority, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = { ...validateOptions(options) };
  if (typeof authority === 'string') authority = new URL(authority);
  else if (authority === null || typeof authority !== 'object') {
    throw err('ERR_INVALID_ARG_TYPE', 'authority', ['string', 'URL'], authority);
  }
  const protocol = authority.protocol || options.protocol || 'https:';
  const port = `${authority.port !== undefined && authority.port !== '' ? authority.port : (protocol === 'http:' ? 80 : 443)}`;
  let host = authority.hostname || authority.host || 'localhost';
  if (host[0] === '[') host = host.slice(1, -1);
  let socket;
  if (typeof options.createConnection === 'function') {
    socket = options.createConnection(authority, options);
  } else if (protocol === 'http:') {
    socket = net.connect({ ...options, port: options.port ?? port, host: options.host || host });
  } else if (protocol === 'https:') {
    const servername = options.servername ?? (net.isIP(host) ? undefined : host);
    socket = tls.connect({
      ...options, port: options.port ?? port, host: options.host || host, servername, ALPNProtocols: ['h2'],
    });
  } else {
    throw err('ERR_HTTP2_UNSUPPORTED_PROTOCOL', protocol);
  }
  const hostHeader = authority.host || (port === '80' || port === '443' ? host : `${host}:${port}`);
  const session = new ClientHttp2Session(options, socket, {
    scheme: protocol.slice(0, -1), host: hostHeader,
  });
  if (typeof listener === 'function') session.once('connect', listener);
  if (socket.encrypted === true && !socket._secureEstablished && socket.connecting !== false) {
    socket.once('secureConnect', () => session._start());
  } else if (socket.encrypted === true && socket._secureEstablished === false) {
    socket.once('secureConnect', () => session._start());
  } else if (socket.connecting) {
    socket.once('connect', () => session._start());
  } else {
    process.nextTick(() => session._start());
  }
  return session;
}

// util.promisify(http2.connect) resolves with the session once it is connected.
Object.defineProperty(connect, require('util').promisify.custom, {
  value: function connectPromise(authority, options) {
    return new Promise((resolve, reject) => {
      const session = connect(authority, options, () => {
        session.removeListener('error', reject);
        resolve(session);
      });
      session.once('error', reject);
    });
  },
});

// A server session over a socket that did not come from an Http2Server.
function performServerHandshake(socket, options = {}) {
  options = validateOptions(options);
  const session = new ServerHttp2Session(options, socket, undefined);
  session._start();
  return session;
}

module.exports = {
  connect, createServer, createSecureServer, performServerHandshake, Http2Server, Http2SecureServer,
};
