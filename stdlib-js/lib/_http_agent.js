'use strict';
// _http_agent: http.Agent pools client connections per origin (`host:port:localAddress[:family]`).
// A request takes a free socket when there is one (LIFO by default), opens a new one while the
// origin is under maxSockets/maxTotalSockets, and waits in `requests` otherwise. After a
// keep-alive response its socket is handed back ('free'), unref'd so an idle pool does not keep
// the process alive.

const net = require('net');
const EventEmitter = require('events');
const {
  codes: { ERR_OUT_OF_RANGE },
  validateNumber, validateOneOf, validateString,
} = require('internal/errors');

const kRequestOptions = Symbol('requestOptions');

// An idle pooled socket that fails is dropped from the pool; no request is there to tell.
function freeSocketErrorListener() {
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  // Don't confuse net and make it think that we're connecting to a pipe.
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;

  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
  if (this.maxTotalSockets !== undefined) {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets');
    if (this.maxTotalSockets <= 0 || Number.isNaN(this.maxTotalSockets)) {
      throw new ERR_OUT_OF_RANGE('maxTotalSockets', '> 0', this.maxTotalSockets);
    }
  } else {
    this.maxTotalSockets = Infinity;
  }

  this.on('free', (socket, opts) => this._onFree(socket, opts));
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = net.createConnection;

Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  // Pooled sockets must not mix address families when one was asked for.
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

Agent.prototype._onFree = function _onFree(socket, options) {
  const name = this.getName(options);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const waiting = this.requests[name];
  if (waiting && waiting.length) {
    const req = waiting.shift();
    // The request guards the socket itself now (responseKeepAlive guarded it until here).
    socket.removeListener('error', freeSocketErrorListener);
    setRequestSocket(this, req, socket);
    if (waiting.length === 0) delete this.requests[name];
    return;
  }
  // Keep it only when both sides want keep-alive and the pool has room.
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !this.keepAlive) {
    socket.destroy();
    return;
  }
  const freeSockets = this.freeSockets[name] || [];
  const freeLen = freeSockets.length;
  let count = freeLen;
  if (this.sockets[name]) count += this.sockets[name].length;
  if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets ||
      freeLen >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }
  this.freeSockets[name] = freeSockets;
  socket._httpMessage = null;
  this.removeSocket(socket, options);
  // responseKeepAlive() already guards the socket until now: one listener, not one per reuse.
  socket.removeListener('error', freeSocketErrorListener);
  socket.once('error', freeSocketErrorListener);
  freeSockets.push(socket);
};

Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  // The old signature: addRequest(req, host, port, localAddress).
  if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress };
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  if (!options.servername && options.servername !== '') options.servername = serverName(options, req);
  const name = this.getName(options);
  this.sockets[name] ||= [];

  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
    socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
    if (!freeSockets.length) delete this.freeSockets[name];
  }
  const freeLen = freeSockets ? freeSockets.length : 0;
  const sockLen = freeLen + this.sockets[name].length;

  if (socket) {
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, s) => {
      if (err) req.onSocket(s, err);
      else setRequestSocket(this, req, s);
    });
  } else {
    req[kRequestOptions] = options;
    this.requests[name] ||= [];
    this.requests[name].push(req);
  }
};

Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null;
  let called = false;
  const oncreate = (err, s) => {
    if (called) return;
    called = true;
    if (err) {
      cb(err);
      return;
    }
    this.sockets[name] ||= [];
    this.sockets[name].push(s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  };
  if (this.keepAlive) {
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function installListeners(agent, s, options) {
  function onFree() {
    agent.emit('free', s, options);
  }
  s.on('free', onFree);

  function onClose() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);

  function onTimeout() {
    // Only an idle pooled socket is the agent's to end.
    const sets = agent.freeSockets;
    if (Object.keys(sets).some((name) => sets[name].includes(s))) s.destroy();
  }
  s.on('timeout', onTimeout);

  function onRemove() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

Agent.prototype.removeSocket = function removeSocket(s, options) {
  const name = this.getName(options);
  const sets = [this.sockets];
  if (!s.writable) sets.push(this.freeSockets);
  for (const sockets of sets) {
    if (sockets[name]) {
      const index = sockets[name].indexOf(s);
      if (index !== -1) {
        sockets[name].splice(index, 1);
        if (sockets[name].length === 0) delete sockets[name];
      }
    }
  }
  // A slot opened up: give a waiting request a new connection.
  let req;
  if (this.requests[name] && this.requests[name].length) {
    req = this.requests[name][0];
  } else {
    for (const key of Object.keys(this.requests)) {
      if (this.sockets[key] && this.sockets[key].length) break;
      req = this.requests[key][0];
      options = req[kRequestOptions];
      break;
    }
  }
  if (req && options) {
    req[kRequestOptions] = undefined;
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else socket.emit('free');
    });
  }
};

Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  let canKeepSocketAlive = true;
  const res = socket._httpMessage && socket._httpMessage.res;
  if (res) {
    // Close before the server's announced keep-alive timeout, not after it.
    const hint = /^timeout=(\d+)/.exec(res.headers['keep-alive'] || '');
    if (hint) {
      let serverHintTimeout = Number.parseInt(hint[1], 10) * 1000 - 1000;
      serverHintTimeout = serverHintTimeout > 0 ? serverHintTimeout : 0;
      if (serverHintTimeout === 0) canKeepSocketAlive = false;
      else if (serverHintTimeout < agentTimeout) agentTimeout = serverHintTimeout;
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return canKeepSocketAlive;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  socket.removeListener('error', freeSocketErrorListener);
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  for (const sets of [this.freeSockets, this.sockets]) {
    for (const key of Object.keys(sets)) {
      for (const s of sets[key]) s.destroy();
    }
  }
};

// The TLS server name a connection would use: the Host header's host part (no brackets, no
// port) or options.host, and none for an IP address.
function serverName(options, req) {
  let name = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    validateString(hostHeader, 'options.headers.host');
    if (hostHeader.startsWith('[')) {
      const close = hostHeader.indexOf(']');
      name = close === -1 ? hostHeader : hostHeader.slice(1, close);
    } else {
      name = hostHeader.split(':', 1)[0];
    }
  }
  if (net.isIP(name)) name = '';
  return name;
}

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

module.exports = {
  Agent,
  freeSocketErrorListener,
  globalAgent: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }),
};
