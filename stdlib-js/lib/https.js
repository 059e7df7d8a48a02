'use strict';
// node:https - HTTP/1.1 over TLS. The server is a tls.Server whose secure connections go to
// http's connection handling; the client is http's ClientRequest with an Agent that opens
// tls.connect() sockets and keys its pool by the TLS options as well as the address.

const tls = require('tls');
const { URL, urlToHttpOptions } = require('url');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const {
  Server: HttpServer, storeHTTPOptions, setupConnectionsTracking, kConnections,
  kConnectionsCheckingInterval, _connectionListener,
} = require('_http_server');
const { validateObject } = require('internal/errors');

// ===== Server =====

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts === undefined || opts === null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  storeHTTPOptions.call(this, opts);
  tls.Server.call(this, { noDelay: true, ALPNProtocols: ['http/1.1'], ...opts }, _connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);
  // A handshake that fails is the server's 'clientError' too (destroying the connection when
  // nobody listens).
  this.addListener('tlsClientError', function onTlsClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Set();
  this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const name of ['closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[name] = HttpServer.prototype[name];
}

Server.prototype.close = function close(...args) {
  this.closeIdleConnections();
  clearInterval(this[kConnectionsCheckingInterval]);
  return tls.Server.prototype.close.apply(this, args);
};

Server.prototype[Symbol.asyncDispose] = HttpServer.prototype[Symbol.asyncDispose];

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// ===== Agent =====

// (port, host, options) or (options): a TLS connection for one request.
function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  // The agent keeps each pool's last TLS session, so the next connection resumes it.
  const key = this instanceof Agent ? options._agentKey : undefined;
  if (key) {
    const session = this._getSession(key);
    if (session) options = { session, ...options };
  }
  const socket = tls.connect(options);
  if (this instanceof Agent && this[kOnKeylog]) socket.on('keylog', this[kOnKeylog]);
  if (key) {
    socket.on('session', (session) => this._cacheSession(key, session));
    socket.once('close', (hadError) => {
      if (hadError) this._evictSession(key);
    });
  }
  return socket;
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  // The last session of each pool (see createConnection), at most maxCachedSessions of them.
  this._sessionCache = { map: {}, list: [] };
  this.on('newListener', maybeEnableKeylog);
}

// The agent's 'keylog' (line, tlsSocket) gathers its sockets' lines, from the first listener on.
const kOnKeylog = Symbol('onkeylog');
function maybeEnableKeylog(eventName) {
  if (eventName !== 'keylog') return;
  this.removeListener('newListener', maybeEnableKeylog);
  const agent = this;
  this[kOnKeylog] = function onkeylog(line) {
    agent.emit('keylog', line, this);
  };
  for (const list of Object.values(this.sockets)) {
    for (const socket of list) socket.on('keylog', this[kOnKeylog]);
  }
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = createConnection;

// Pooled connections are shared only between requests with the same TLS settings: each of
// these options is one more ':'-separated part of the pool's name.
const NAME_PARTS = [
  'ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized', 'servername',
  'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam',
  'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine',
];

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const key of NAME_PARTS) {
    name += ':';
    const value = options[key];
    switch (key) {
      case 'rejectUnauthorized':
      case 'honorCipherOrder':
      case 'secureOptions':
        if (value !== undefined) name += value;
        break;
      case 'servername':
        if (value && value !== options.host) name += value;
        break;
      case 'sigalgs':
        if (value) name += JSON.stringify(value);
        break;
      default:
        if (value) name += value;
    }
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  if (this._sessionCache.map[key] === undefined) {
    if (this._sessionCache.list.length >= this.maxCachedSessions) {
      delete this._sessionCache.map[this._sessionCache.list.shift()];
    }
    this._sessionCache.list.push(key);
  }
  this._sessionCache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const index = this._sessionCache.list.indexOf(key);
  if (index === -1) return;
  this._sessionCache.list.splice(index, 1);
  delete this._sessionCache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ===== request / get =====

// request(url[, options][, cb]) or request(options[, cb]), through http's ClientRequest.
function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(args.shift()));
  } else if (args[0] instanceof URL) {
    options = urlToHttpOptions(args.shift());
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  return new ClientRequest(options, ...args);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
