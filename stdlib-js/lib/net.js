'use strict';
// node:net — Socket (a stream.Duplex over a poll-phase handle) and Server, on binding.net.
//
// Boundary: binding.net names each socket/server by a token and reports everything through
// one callback per handle, `onevent(kind, value)` with kind from `native.events`; failures are
// negative errno numbers, turned into Node's errors here (internal/net). 'close' arrives from
// the loop's close phase, as libuv's close callbacks do.

const EventEmitter = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const {
  isIP, isIPv4, isIPv6, errnoException, exceptionWithHostPort, uvExceptionWithHostPort,
} = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FD_TYPE,
    ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING, ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
  validateAbortSignal, validateFunction, validateInt32, validateNumber, validatePort,
  validateString, validateBoolean,
} = require('internal/errors');
const { BlockList, SocketAddress } = require('internal/blocklist');

const native = binding.net;
// Buffer's species is its FastBuffer: a Buffer over an ArrayBuffer without copying.
const FastBuffer = Buffer[Symbol.species];
const EV = native.events;

const kHandle = Symbol('kHandle');
const kPendingWriteCb = Symbol('kPendingWriteCb');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kTimeout = Symbol('kTimeout');
const kTimeoutMs = Symbol('kTimeoutMs');
const kPipePath = Symbol('kPipePath');
const kLastWriteQueueSize = Symbol('kLastWriteQueueSize');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kKeepAliveDelay = Symbol('kKeepAliveDelay');
const kRefed = Symbol('kRefed');
const kShutdownCb = Symbol('kShutdownCb');

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }
function isPipeName(s) { return typeof s === 'string' && toNumber(s) === false; }

// connect(options[, cb]), connect(path[, cb]), connect(port[, host][, cb]) → [options, cb]
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// ===== Socket =====

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options === undefined || options === null) options = {};
  else if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.fd !== undefined) {
    throw new ERR_INVALID_FD_TYPE('a descriptor (sockets only come from connect/accept here)');
  }

  this.connecting = false;
  this._hadError = false;
  this[kHandle] = null;
  this._parent = null;
  this._host = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this[kPendingWriteCb] = null;
  this[kShutdownCb] = null;
  this[kTimeout] = null;
  this[kTimeoutMs] = 0;
  this[kLastWriteQueueSize] = 0;
  this[kRefed] = true;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kKeepAliveDelay] = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.server = null;
  this._server = null;

  // Node's socket handles half-open itself; the Duplex ends our side when the peer's ends.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  // 'close' carries hadError and comes from the handle's close, not from the stream.
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);

  if (options.handle !== undefined) {
    this._attach(options.handle);
    if (options.pauseOnCreate) this.readableFlowing = false;
  }
  this.on('end', onReadableStreamEnd);

  if (options.signal) addSignal(this, options.signal);
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function addSignal(socket, signal) {
  validateAbortSignal(signal, 'options.signal');
  const onAbort = () => socket.destroy(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
  if (signal.aborted) process.nextTick(onAbort);
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') cb = encoding;
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype._attach = function(token) {
  this[kHandle] = token;
  native.setCallback(token, (kind, value) => onHandleEvent(this, kind, value));
  if (!this[kRefed]) native.setRef(token, false);
  if (this[kSetNoDelay]) native.setNoDelay(token, true);
  if (this[kSetKeepAlive]) native.setKeepAlive(token, true, this[kKeepAliveDelay]);
};

Object.defineProperty(Socket.prototype, '_handle', {
  configurable: true,
  get() { return this[kHandle] === null ? null : { fd: -1, token: this[kHandle] }; },
  set(v) { if (v === null) this[kHandle] = null; },
});

function onHandleEvent(socket, kind, value) {
  switch (kind) {
    case EV.DATA: {
      const buf = new FastBuffer(value);
      socket[kBytesRead] += buf.length;
      socket._unrefTimerActivity();
      if (!socket.push(buf) && socket[kHandle] !== null) native.readStop(socket[kHandle]);
      break;
    }
    case EV.EOF:
      socket.push(null);
      socket.read(0);
      break;
    case EV.ERROR:
      socket.destroy(errnoException(value, socket.writableLength || socket[kPendingWriteCb] ? 'write' : 'read'));
      break;
    case EV.CONNECT:
      afterConnect(socket, value);
      break;
    case EV.WRITTEN: {
      socket._unrefTimerActivity();
      const cb = socket[kPendingWriteCb];
      socket[kPendingWriteCb] = null;
      if (cb) cb();
      break;
    }
    case EV.SHUTDOWN: {
      const cb = socket[kShutdownCb];
      socket[kShutdownCb] = null;
      if (cb) cb(value < 0 && value !== -107 ? errnoException(value, 'shutdown') : undefined);
      break;
    }
    case EV.CLOSE:
      socket.emit('close', socket._hadError);
      break;
  }
}

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const [options, cb] = normalized;
  if (cb !== null) this.once('connect', cb);
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._undestroy();
  }
  const { path } = options;
  this.connecting = true;
  if (path !== undefined && path !== null) {
    validateString(path, 'options.path');
    this[kPipePath] = path;
    const token = native.connectPipe(path, (kind, value) => onHandleEvent(this, kind, value));
    if (token < 0) {
      process.nextTick(() => this.destroy(exceptionWithHostPort(token, 'connect', path)));
      return this;
    }
    this[kHandle] = token;
    this._applyRef();
    return this;
  }
  lookupAndConnect(this, options);
  return this;
};

const normalizedArgsSymbol = Symbol('normalizedArgs');

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamily } = options;
  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_ARG_VALUE('options.localAddress', localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = autoSelectFamilyDefault;

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, [host], port, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const lookup = options.lookup || require('dns').lookup;
  const dnsopts = { family: options.family, hints: options.hints || 0, all: true };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && dnsopts.hints === 0) {
    dnsopts.hints = require('dns').ADDRCONFIG;
  }
  self._host = host;
  lookup(host, dnsopts, (err, addresses, family) => {
    if (!self.connecting) return;
    let list;
    if (!err) {
      if (Array.isArray(addresses)) list = addresses;
      else list = [{ address: addresses, family }];
      if (list.length === 0 || !isIP(list[0].address)) {
        err = new ERR_INVALID_ARG_VALUE('address', list.length ? list[0].address : list);
      }
    }
    if (err) {
      self.emit('lookup', err, undefined, undefined, host);
      process.nextTick(() => self.destroy(err));
      return;
    }
    self.emit('lookup', null, list[0].address, list[0].family, host);
    if (!autoSelectFamily) list = [list[0]];
    internalConnect(self, list.map((a) => a.address), port, localAddress, localPort);
  });
}

// Try each address in turn (a simple form of autoSelectFamily); the last error is reported.
function internalConnect(self, addresses, port, localAddress, localPort) {
  const address = addresses[0];
  let abandoned = false;
  const token = native.connectTcp(address, port, localAddress, localPort || 0, (kind, value) => {
    if (abandoned) return;
    if (kind === EV.CONNECT && value < 0 && addresses.length > 1 && self.connecting) {
      abandoned = true;
      native.close(self[kHandle]);
      self[kHandle] = null;
      internalConnect(self, addresses.slice(1), port, localAddress, localPort);
      return;
    }
    onHandleEvent(self, kind, value);
  });
  if (token < 0) {
    self.destroy(exceptionWithHostPort(token, 'connect', address, port,
      localAddress ? `${localAddress}:${localPort || 0}` : undefined));
    return;
  }
  self[kHandle] = token;
  self._connectAddress = [address, port, localAddress, localPort];
  self._applyRef();
}

function afterConnect(self, status) {
  if (self.destroyed) return;
  self.connecting = false;
  if (status < 0) {
    const [address, port, localAddress, localPort] = self._connectAddress || [self[kPipePath]];
    let details;
    if (localAddress && status !== -98) details = `${localAddress}:${localPort || 0}`;
    const ex = exceptionWithHostPort(status, 'connect', address, port, details);
    if (details) ex.localAddress = localAddress;
    if (details && localPort) ex.localPort = localPort;
    self.destroy(ex);
    return;
  }
  if (self[kSetNoDelay]) native.setNoDelay(self[kHandle], true);
  if (self[kSetKeepAlive]) native.setKeepAlive(self[kHandle], true, self[kKeepAliveDelay]);
  self._unrefTimerActivity();
  self.emit('connect');
  self.emit('ready');
  // Start reading if the user wants data (a flowing stream or a pending read).
  if (self.readableFlowing !== false && !self.isPaused()) self._read();
  else if (self.readableFlowing === null) self._read();
}

Socket.prototype._applyRef = function() {
  if (this[kHandle] !== null) native.setRef(this[kHandle], this[kRefed]);
};

Socket.prototype._read = function(n) {
  if (this.connecting || this[kHandle] === null) {
    if (this.connecting) this.once('connect', () => this._read(n));
    return;
  }
  native.readStart(this[kHandle]);
};

Socket.prototype.pause = function() {
  if (this[kHandle] !== null && !this.connecting) native.readStop(this[kHandle]);
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (this[kHandle] !== null && !this.connecting && !this.destroyed) native.readStart(this[kHandle]);
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  if (this[kHandle] !== null && !this.connecting && !this.destroyed && this.readableFlowing !== true &&
      n !== 0) {
    native.readStart(this[kHandle]);
  }
  return stream.Duplex.prototype.read.call(this, n);
};

function toWritable(data, encoding) {
  if (typeof data === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' &&
      encoding !== 'buffer') {
    return Buffer.from(data, encoding);
  }
  return data;
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    const onConnect = () => {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    };
    const onClose = () => {
      this.off('connect', onConnect);
      cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    };
    this.once('connect', onConnect);
    this.once('close', onClose);
    return;
  }
  if (this[kHandle] === null) {
    cb(new ERR_SOCKET_CLOSED());
    return;
  }
  this._unrefTimerActivity();
  let r;
  if (writev) {
    const chunks = data.map(({ chunk, encoding: enc }) => toWritable(chunk, enc));
    for (const c of chunks) this[kBytesWritten] += typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength;
    r = native.writev(this[kHandle], chunks);
  } else {
    const chunk = toWritable(data, encoding);
    this[kBytesWritten] += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    r = native.write(this[kHandle], chunk);
  }
  if (r < 0) {
    cb(errnoException(r, 'write'));
    return;
  }
  this[kLastWriteQueueSize] = r;
  if (r === 0) cb();
  else this[kPendingWriteCb] = cb;
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._final = function(cb) {
  if (this.pending || this.connecting) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (this[kHandle] === null) {
    cb();
    return;
  }
  this[kShutdownCb] = cb;
  native.shutdown(this[kHandle]);
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  this._clearTimer();
  const token = this[kHandle];
  if (token !== null) {
    this._hadError = !!exception;
    native.close(token);
    this[kHandle] = null;
    // 'close' follows from the close phase (EV.CLOSE).
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(() => this.emit('close', !!exception));
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function() {
  if (this[kHandle] !== null && !this.connecting) this.destroy();
  else this.destroy(new (require('internal/errors').codes.ERR_SOCKET_CLOSED)());
  return this;
};

Socket.prototype.setNoDelay = function(enable) {
  enable = enable === undefined ? true : Boolean(enable);
  this[kSetNoDelay] = enable;
  if (this[kHandle] !== null && !this.connecting) native.setNoDelay(this[kHandle], enable);
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const delay = ~~((initialDelayMsecs || 0) / 1000);
  this[kSetKeepAlive] = enable;
  this[kKeepAliveDelay] = delay;
  if (this[kHandle] !== null && !this.connecting) native.setKeepAlive(this[kHandle], enable, delay);
  return this;
};

// ----- timeouts -----

Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  validateNumber(msecs, 'msecs', 0);
  this[kTimeoutMs] = msecs;
  this._clearTimer();
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setTimeout(() => {
      this[kTimeout] = null;
      this.emit('timeout');
    }, msecs);
    this[kTimeout].unref();
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

Object.defineProperty(Socket.prototype, 'timeout', {
  configurable: true,
  enumerable: true,
  get() { return this[kTimeoutMs]; },
});

Socket.prototype._clearTimer = function() {
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
};

// Activity (bytes in or out) restarts the idle timer, as Node's _unrefTimer does.
Socket.prototype._unrefTimerActivity = function() {
  for (let s = this; s !== null && s !== undefined; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};
Socket.prototype._unrefTimer = Socket.prototype._unrefTimerActivity;

// ----- addresses and state -----

function addressInfo(arr) {
  return arr ? { address: arr[0], family: arr[2], port: arr[1] } : {};
}

Socket.prototype.address = function() {
  if (this[kHandle] === null) return {};
  if (this[kPipePath] !== undefined) return this[kPipePath];
  return addressInfo(native.localAddress(this[kHandle]));
};

function remote(socket) {
  if (socket[kHandle] === null) return undefined;
  return native.remoteAddress(socket[kHandle]);
}

function local(socket) {
  if (socket[kHandle] === null) return undefined;
  return native.localAddress(socket[kHandle]);
}

Object.defineProperties(Socket.prototype, {
  remoteAddress: { configurable: true, get() { const r = remote(this); return r && r[0]; } },
  remotePort: { configurable: true, get() { const r = remote(this); return r && r[1]; } },
  remoteFamily: { configurable: true, get() { const r = remote(this); return r && r[2]; } },
  localAddress: { configurable: true, get() { const r = local(this); return r && r[0]; } },
  localPort: { configurable: true, get() { const r = local(this); return r && r[1]; } },
  localFamily: { configurable: true, get() { const r = local(this); return r && r[2]; } },
  bytesRead: { configurable: true, get() { return this[kBytesRead]; } },
  bytesWritten: {
    configurable: true,
    get() {
      let pending = 0;
      for (const { chunk, encoding } of (this.writableBuffer || [])) {
        pending += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
      }
      return this[kBytesWritten] + pending;
    },
  },
  pending: { configurable: true, get() { return this[kHandle] === null || this.connecting; } },
  readyState: {
    configurable: true,
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
  },
  bufferSize: {
    configurable: true,
    get() {
      if (this[kHandle] === null) return undefined;
      return native.queuedBytes(this[kHandle]) + this.writableLength;
    },
  },
  _connecting: { configurable: true, get() { return this.connecting; } },
});

Socket.prototype.ref = function() {
  this[kRefed] = true;
  this._applyRef();
  return this;
};

Socket.prototype.unref = function() {
  this[kRefed] = false;
  this._applyRef();
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this.destroyed) {
    await new Promise((resolve) => { this.once('close', resolve); this.destroy(); });
  }
};

// ===== Server =====

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);

  this._connections = 0;
  this[kHandle] = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._pipeName = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.highWaterMark = options.highWaterMark;
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, '_handle', {
  configurable: true,
  get() { return this[kHandle] === null ? null : { token: this[kHandle] }; },
  set(v) { if (v === null) this[kHandle] = null; },
});

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  enumerable: true,
  get() { return this[kHandle] !== null; },
});

function onServerEvent(server, kind, value) {
  if (kind === EV.CONNECTION) {
    if (server.maxConnections !== undefined && server._connections >= server.maxConnections) {
      native.close(value);
      server.emit('drop', { localAddress: undefined, remoteAddress: undefined });
      return;
    }
    const socket = new Socket({
      handle: value,
      allowHalfOpen: server.allowHalfOpen,
      pauseOnCreate: server.pauseOnConnect,
      readable: true,
      writable: true,
      highWaterMark: server.highWaterMark,
      noDelay: server.noDelay,
      keepAlive: server.keepAlive,
      keepAliveInitialDelay: server.keepAliveInitialDelay * 1000,
    });
    server._connections++;
    socket.server = server;
    socket._server = server;
    server.emit('connection', socket);
  }
}

Server.prototype.listen = function(...args) {
  const [options, cb] = normalizeArgs(args);
  if (typeof cb === 'function') this.once('listening', cb);
  if (this[kHandle] !== null || this._listenPending) throw new ERR_SERVER_ALREADY_LISTEN();
  let backlog = options.backlog;
  if (typeof args[1] === 'number' && typeof args[0] === 'number' && args.length > 2) backlog = args[1];
  if (typeof args[2] === 'number') backlog = args[2];
  backlog = backlog === undefined ? 511 : backlog;
  if (options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    const onAborted = () => this.close();
    if (options.signal.aborted) process.nextTick(onAborted);
    else {
      options.signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => options.signal.removeEventListener('abort', onAborted));
    }
  }
  if (options.path !== undefined && options.path !== null) {
    validateString(options.path, 'options.path');
    this._pipeName = options.path;
    listenIn(this, { path: options.path }, backlog);
    return this;
  }
  if (options.port === undefined && options.host === undefined && args.length > 0 &&
      typeof args[0] === 'object' && args[0] !== null && !('port' in args[0])) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  let port = options.port;
  if (port === null || (port !== undefined && typeof port !== 'number' && typeof port !== 'string') ||
      (port !== undefined && !require('internal/net').isLegalPort(port))) {
    validatePort(port, 'options.port');
  }
  port = port === undefined ? 0 : +port;
  const host = options.host;
  const ipv6Only = Boolean(options.ipv6Only);
  if (host && !isIP(host)) {
    this._listenPending = true;
    require('dns').lookup(host, (err, ip) => {
      this._listenPending = false;
      if (err) {
        this.emit('error', err);
        return;
      }
      listenIn(this, { address: ip, port, ipv6Only }, backlog);
    });
    return this;
  }
  listenIn(this, { address: host, port, ipv6Only }, backlog);
  return this;
};

function listenIn(server, where, backlog) {
  const onevent = (kind, value) => onServerEvent(server, kind, value);
  let token;
  let address = where.address;
  if (where.path !== undefined) {
    token = native.listenPipe(where.path, backlog, onevent);
    address = where.path;
  } else if (address) {
    token = native.listenTcp(address, where.port, backlog, where.ipv6Only, onevent);
  } else {
    // No host: all interfaces, dual-stack where IPv6 exists (as Node does).
    address = '::';
    token = native.listenTcp('::', where.port, backlog, false, onevent);
    if (token === -97 || token === -99) { // EAFNOSUPPORT / EADDRNOTAVAIL: no IPv6
      address = '0.0.0.0';
      token = native.listenTcp('0.0.0.0', where.port, backlog, false, onevent);
    }
  }
  if (token < 0) {
    const ex = uvExceptionWithHostPort(token, 'listen', address, where.port);
    process.nextTick(() => server.emit('error', ex));
    return;
  }
  server[kHandle] = token;
  if (server._unref) native.setRef(token, false);
  process.nextTick(() => {
    if (server[kHandle] === token) server.emit('listening');
  });
}

Server.prototype.address = function() {
  if (this[kHandle] === null) return null;
  if (this._pipeName !== undefined) return this._pipeName;
  return addressInfo(native.localAddress(this[kHandle]));
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (this[kHandle] === null) {
      this.once('close', function close() { cb(new ERR_SERVER_NOT_RUNNING()); });
    } else {
      this.once('close', cb);
    }
  }
  // As Node: 'close' follows once the connections are gone, without waiting for the listening
  // handle's own close callback.
  if (this[kHandle] !== null) {
    native.close(this[kHandle]);
    this[kHandle] = null;
  }
  this._closing = true;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function() {
  if (this[kHandle] !== null || this._connections > 0 || !this._closing) return;
  this._closing = false;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function(cb) {
  const n = this._connections;
  process.nextTick(cb, null, n);
  return this;
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this[kHandle] !== null) native.setRef(this[kHandle], true);
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this[kHandle] !== null) native.setRef(this[kHandle], false);
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function() {
  if (this[kHandle] === null) return;
  await new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  if (event === 'connection') sock.destroy(err);
  else this.emit('error', err);
};

// ===== module functions =====

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  normalized[normalizedArgsSymbol] = true;
  return socket.connect(normalized);
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
}

module.exports = {
  BlockList,
  SocketAddress,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
  _normalizeArgs: normalizeArgs,
  _createServerHandle: undefined,
};
