'use strict';
// node:net - Socket (a stream.Duplex over a handle) and Server, on binding.net.
//
// Boundary: `socket._handle` / `server._handle` are internal/net_handle objects over binding.net
// tokens, in the shape of Node's TCP/Pipe wraps, so code that wraps their methods still works.
// A handle reports through `onevent(kind, value)` (kind from `EV`; failures are negative errno
// numbers, turned into Node's errors here) and, listening, `onconnection(err, clientHandle)`.
// 'close' arrives from the loop's close phase, as libuv's close callbacks do.

const stream = require('stream');
const { Buffer } = require('buffer');
const {
  isIP, isIPv4, isIPv6, errnoException, exceptionWithHostPort, normalizeArgs,
  normalizedArgsSymbol, undestroy, kBytesRead,
} = require('internal/net');
const { NetHandle, kOwner, EV, lastWriteSize } = require('internal/net_handle');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FD_TYPE, ERR_MISSING_ARGS,
    ERR_SOCKET_CLOSED, ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
  validateAbortSignal, validateFunction, validateInt32, validateNumber, validateString,
  validateBoolean, AbortError,
} = require('internal/errors');
const { BlockList, SocketAddress } = require('internal/blocklist');
const {
  lookupAndConnect, kAttempt, defaults, connected: connectedPerf,
} = require('internal/net_connect');
const { Server } = require('internal/net_server');
const asyncContext = require('internal/async_context');
const clientSocketChannel = require('diagnostics_channel').channel('net.client.socket');

// Buffer's species is its FastBuffer: a Buffer over an ArrayBuffer without copying.
const FastBuffer = Buffer[Symbol.species];

const kPendingWriteCb = Symbol('kPendingWriteCb');
const kCloseHadError = Symbol('kCloseHadError');
const kBytesWritten = Symbol('kBytesWritten');
const kTimeout = Symbol('kTimeout');
const kTimeoutMs = Symbol('kTimeoutMs');
const kLastActive = Symbol('kLastActive');
// The loop's clock in ms (the one timers are armed with).
const timersNow = binding.timers.now;
const kPipePath = Symbol('kPipePath');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kKeepAliveDelay = Symbol('kKeepAliveDelay');
const kShutdownCb = Symbol('kShutdownCb');
const kBuffer = Symbol('kBuffer');
const kBufferCb = Symbol('kBufferCb');
const kOnreadPending = Symbol('kOnreadPending');
const kCloseEmitted = Symbol('kCloseEmitted');


// ===== Socket =====

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options === undefined || options === null) options = {};
  else if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
    if (options[key]) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
  }
  if (options.fd !== undefined && !options.handle) {
    // A descriptor we are handed (a socket or a pipe) becomes this socket's handle.
    options.handle = handleForFd(options.fd);
  }

  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this[kPendingWriteCb] = null;
  this[kShutdownCb] = null;
  this[kTimeout] = null;
  this[kTimeoutMs] = 0;
  this[kLastActive] = 0;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kKeepAliveDelay] = Math.max(0, ~~(options.keepAliveInitialDelay / 1000));
  this[kBuffer] = null;
  this[kBufferCb] = null;
  this[kOnreadPending] = null;
  this.server = null;
  this._server = null;

  const { signal, onread } = options;
  // Node's socket handles half-open itself; the Duplex ends our side when the peer's ends.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  // 'close' carries hadError and comes from the handle's close, not from the stream.
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  options.signal = undefined; // handled below, once
  stream.Duplex.call(this, options);

  if (options.handle) attachHandle(this, options.handle);
  if (onread !== null && typeof onread === 'object') {
    if (typeof onread.buffer !== 'function' && !ArrayBuffer.isView(onread.buffer)) {
      throw new ERR_INVALID_ARG_TYPE('options.onread.buffer', ['Uint8Array', 'function'], onread.buffer);
    }
    validateFunction(onread.callback, 'options.onread.callback');
    this[kBuffer] = onread.buffer;
    this[kBufferCb] = onread.callback;
  }
  this.on('end', onReadableStreamEnd);

  if (this._handle !== null && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      if (typeof this._handle.readStop === 'function') this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  if (signal) addSignal(this, signal);
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function handleForFd(fd) {
  validateInt32(fd, 'fd', 0);
  if (binding.process.isatty(fd)) throw new ERR_INVALID_FD_TYPE('TTY');
  // Looked at first, so a descriptor we refuse stays open.
  const type = binding.net.fdType(fd);
  if (type === -88) throw new ERR_INVALID_FD_TYPE('FILE'); // ENOTSOCK: a file
  if (typeof type === 'number') throw errnoException(type, 'open');
  if (type.endsWith('-server')) throw new ERR_INVALID_FD_TYPE('UNKNOWN');
  const adopted = binding.net.adoptFd(fd);
  if (typeof adopted === 'number') throw errnoException(adopted, 'open');
  return new NetHandle(adopted.type === 'pipe', adopted.token);
}

function attachHandle(socket, handle) {
  socket._handle = handle;
  handle[kOwner] = socket;
  // The handle's events run in the async context the socket got its handle in (an
  // AsyncLocalStorage store set around net.connect() is seen by its 'data' listeners), as
  // Node's handles carry theirs.
  const frame = asyncContext.capture();
  handle.onevent = frame === undefined ? (kind, value) => onHandleEvent(socket, kind, value) :
    (kind, value) => asyncContext.runInFrame(frame, onHandleEvent, undefined, [socket, kind, value]);
}

function addSignal(socket, signal) {
  validateAbortSignal(signal, 'options.signal');
  const onAbort = () => socket.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) process.nextTick(onAbort);
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
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

function onHandleEvent(socket, kind, value) {
  switch (kind) {
    case EV.DATA:
      // A socket read comes as a view of the binding's read slab; TLS plaintext and JS
      // stream handles hand over an ArrayBuffer of their own.
      socket._unrefTimerActivity();
      if (socket[kBuffer] !== null) {
        onreadDeliver(socket, ArrayBuffer.isView(value) ? value : new Uint8Array(value));
      } else {
        const buf = ArrayBuffer.isView(value) ?
          new FastBuffer(value.buffer, value.byteOffset, value.byteLength) : new FastBuffer(value);
        socket[kBytesRead] += buf.length;
        if (!socket.push(buf) && socket._handle !== null) stopReading(socket);
      }
      break;
    case EV.EOF:
      if (socket[kBuffer] !== null) {
        onreadDeliver(socket, null);
        break;
      }
      socket.push(null);
      socket.read(0);
      break;
    case EV.ERROR:
      socket.destroy(errnoException(value, socket.writableLength || socket[kPendingWriteCb] ? 'write' : 'read'));
      break;
    case EV.CONNECT:
      if (socket[kAttempt]) socket[kAttempt](value);
      else afterConnect(socket, value);
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
      if (socket.destroyed) emitClose(socket, socket[kCloseHadError]);
      break;
  }
}

// Once per connection, also when code closed the handle itself before destroy().
function emitClose(socket, hadError) {
  if (socket[kCloseEmitted]) return;
  socket[kCloseEmitted] = true;
  socket.emit('close', hadError);
}

function stopReading(socket) {
  socket._handle.reading = false;
  socket._handle.readStop();
}

// options.onread: bytes go into the caller's buffer (or one its function returns), piece by
// piece, instead of 'data'. A callback returning false pauses; the rest (and the EOF) waits for
// resume(). `bytes` null means EOF: a function buffer is still asked for one, as for the read
// that finds EOF.
function onreadDeliver(socket, bytes) {
  const queue = socket[kOnreadPending] || (socket[kOnreadPending] = []);
  if (bytes === null && typeof socket[kBuffer] === 'function') socket[kBuffer]();
  if (bytes !== undefined) queue.push(bytes);
  while (queue.length > 0 && !socket.isPaused()) {
    const head = queue[0];
    if (head === null) {
      queue.shift();
      socket.push(null);
      socket.read(0);
      continue;
    }
    const target = typeof socket[kBuffer] === 'function' ? socket[kBuffer]() : socket[kBuffer];
    const n = Math.min(target.byteLength, head.length);
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(head.subarray(0, n));
    if (n === head.length) queue.shift();
    else queue[0] = head.subarray(n);
    socket[kBytesRead] += n;
    if (socket[kBufferCb].call(socket, n, target) === false) socket.pause();
  }
}

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const [options, cb] = normalized;
  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this[kPendingWriteCb] = null;
    this[kShutdownCb] = null;
    this._hadError = false;
    this[kCloseEmitted] = false;
    this[kBytesRead] = 0;
    this[kBytesWritten] = 0;
    undestroy(this);
  }
  this._connectAddress = null;
  const { path } = options;
  const pipe = path !== undefined && path !== null;
  if (pipe) validateString(path, 'options.path');
  if (cb !== null) this.once('connect', cb);
  if (this._handle === null) attachHandle(this, new NetHandle(pipe));
  this.connecting = true;
  if (pipe) {
    this[kPipePath] = path;
    const err = this._handle.connectPipe(path);
    if (err < 0) process.nextTick(() => this.destroy(exceptionWithHostPort(err, 'connect', path)));
    return this;
  }
  lookupAndConnect(this, options, afterConnect);
  return this;
};

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
    if (self._connectAddress) self.emit('connectionAttemptFailed', address, port, isIP(address), ex);
    self.destroy(ex);
    return;
  }
  if (self._connectAddress) connectedPerf(self);
  const handle = self._handle;
  if (self[kSetNoDelay] && typeof handle.setNoDelay === 'function') handle.setNoDelay(true);
  if (self[kSetKeepAlive] && typeof handle.setKeepAlive === 'function') {
    handle.setKeepAlive(true, self[kKeepAliveDelay]);
  }
  self._unrefTimerActivity();
  self.emit('connect');
  self.emit('ready');
  // Start reading unless paused; read(0) does nothing on a stream a failed write errored.
  if (self.readable && !self.isPaused()) self.read(0);
}

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

Socket.prototype._read = function(n) {
  if (this.connecting || this._handle === null) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.pause = function() {
  if (this._handle !== null && !this.connecting && !this.destroyed && this._handle.reading) {
    stopReading(this);
  }
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (this._handle !== null && !this.connecting && !this.destroyed && !this._handle.reading) {
    tryReadStart(this);
  }
  const r = stream.Duplex.prototype.resume.call(this);
  if (this[kOnreadPending] !== null && this[kOnreadPending].length > 0) {
    onreadDeliver(this);
  }
  return r;
};

Socket.prototype.read = function(n) {
  if (this._handle !== null && !this.connecting && !this.destroyed && this.readableFlowing !== true &&
      n !== 0 && !this._handle.reading) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.read.call(this, n);
};

const asciiOnly = /^[\x00-\x7f]*$/;

function toWritable(data, encoding) {
  if (typeof data === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' &&
      encoding !== 'buffer') {
    // ASCII reads the same in latin1/ascii and UTF-8 (HTTP heads are written as latin1):
    // the binding takes the string as it is.
    if ((encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii') && asciiOnly.test(data)) {
      return data;
    }
    return Buffer.from(data, encoding);
  }
  return data;
}

function byteLength(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    // Held until connected; bytesWritten counts it from now on (as the stream's buffer).
    const pending = { writev, data, encoding };
    this._pendingWrites = (this._pendingWrites || 0) + (writev ?
      data.reduce((n, c) => n + byteLength(c.chunk, c.encoding), 0) : byteLength(data, encoding));
    const onConnect = () => {
      this.off('close', onClose);
      this._pendingWrites = 0;
      this._writeGeneric(pending.writev, pending.data, pending.encoding, cb);
    };
    const onClose = () => {
      this.off('connect', onConnect);
      cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    };
    this.once('connect', onConnect);
    this.once('close', onClose);
    return;
  }
  if (this._handle === null) {
    cb(new ERR_SOCKET_CLOSED());
    return;
  }
  this._unrefTimerActivity();
  let r;
  if (writev) {
    const chunks = data.map(({ chunk, encoding: enc }) => toWritable(chunk, enc));
    for (const c of chunks) this[kBytesWritten] += byteLength(c);
    r = this._handle.writev(chunks);
  } else {
    if (encoding === 'buffer' && typeof data === 'string') {
      // What Node's stream handle says when asked to write a string as a buffer.
      const err = new TypeError('Second argument must be a buffer');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const chunk = toWritable(data, encoding);
    if (typeof chunk === 'string' && this._handle instanceof NetHandle) {
      lastWriteSize[0] = -1;
      r = this._handle.write(chunk);
      this[kBytesWritten] += lastWriteSize[0] >= 0 ? lastWriteSize[0] : byteLength(chunk);
    } else {
      this[kBytesWritten] += byteLength(chunk);
      r = this._handle.write(chunk);
    }
  }
  if (r < 0) {
    cb(errnoException(r, 'write'));
    return;
  }
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
    if (this.connecting) this.once('connect', () => this._final(cb));
    else cb();
    return;
  }
  this[kShutdownCb] = cb;
  const err = this._handle.shutdown();
  if (err < 0) {
    this[kShutdownCb] = null;
    cb(errnoException(err, 'shutdown'));
  }
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  this[kAttempt] = null;
  this._clearTimer();
  const handle = this._handle;
  if (handle !== null) {
    // 'close' reports whether destroy() had an error; _hadError stays the user's (http sets it).
    this[kCloseHadError] = !!exception;
    this._handle = null;
    // 'close' follows from the close phase (EV.CLOSE) when a native socket was open.
    const how = this.resetAndClosing && typeof handle.reset === 'function' ? 'reset' : 'close';
    this.resetAndClosing = false;
    // The stream's own callback first: its 'error' is queued before the handle's close
    // callback can run (a handle with nothing to close calls it on the next tick).
    cb(exception);
    // The callback is a Node handle's close callback; code that wraps handle.close() relies
    // on it to see 'close' (emitted once, whichever comes first; not for a socket that has
    // connected again since).
    const closing = typeof handle[how] === 'function' &&
      handle[how](() => {
        if (this._handle === null) emitClose(this, !!exception);
      }) === true;
    if (!closing) process.nextTick(emitClose, this, !!exception);
  } else {
    cb(exception);
    process.nextTick(emitClose, this, !!exception);
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

// Without a way to send RST from here (see the report on binding.net), a reset is a close.
Socket.prototype.resetAndDestroy = function() {
  if (this._handle !== null) {
    const reset = () => {
      this.resetAndClosing = true;
      this.destroy();
    };
    if (this.connecting) this.once('connect', reset);
    else reset();
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype.setNoDelay = function(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (this._handle === null) {
    this[kSetNoDelay] = enable;
  } else if (typeof this._handle.setNoDelay === 'function' && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const delay = Math.max(0, ~~(initialDelayMsecs / 1000));
  if (this._handle === null) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = delay;
  } else if (typeof this._handle.setKeepAlive === 'function' &&
             (enable !== this[kSetKeepAlive] || (enable && delay !== this[kKeepAliveDelay]))) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = delay;
    this._handle.setKeepAlive(enable, delay);
  }
  return this;
};

// ----- timeouts -----

// One unref'd Timeout per socket, armed lazily as Node's timer lists are: activity only stamps
// the time (kLastActive), and a timer that comes due early re-arms itself for what is left. An
// HTTP keep-alive connection turns its timeout off and on around every request; that costs
// two field writes instead of a timer torn down and made again.
Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  validateNumber(msecs, 'msecs', 0);
  this[kTimeoutMs] = msecs;
  if (msecs === 0) {
    // The armed timer (if any) finds the timeout off when it fires and lets itself go.
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
    return this;
  }
  const now = timersNow();
  this[kLastActive] = now;
  const timer = this[kTimeout];
  // A timer armed for no later than the new deadline stays; one due later is made again.
  if (timer === null || timer._destroyed || timer._idleStart + timer._idleTimeout > now + msecs) {
    if (timer !== null) clearTimeout(timer);
    this[kTimeout] = setTimeout(onSocketTimer, msecs, this);
    this[kTimeout].unref();
  }
  if (callback !== undefined) {
    validateFunction(callback, 'callback');
    this.once('timeout', callback);
  }
  return this;
};

function onSocketTimer(socket) {
  const ms = socket[kTimeoutMs];
  if (ms === 0 || socket[kTimeout] !== this) {
    if (socket[kTimeout] === this) socket[kTimeout] = null;
    return;
  }
  const idle = timersNow() - socket[kLastActive];
  if (idle < ms) {
    // Activity since it was armed: wait for the rest.
    this._idleTimeout = ms - idle;
    this.refresh();
    return;
  }
  socket[kTimeout] = null;
  socket.emit('timeout');
}

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
    if (s[kTimeout]) s[kLastActive] = timersNow();
  }
};
Socket.prototype._unrefTimer = Socket.prototype._unrefTimerActivity;

// ----- addresses and state -----

Socket.prototype.address = function() {
  if (this._handle === null) return {};
  if (this[kPipePath] !== undefined) return this[kPipePath];
  return this._getsockname();
};

// Read once while connected and kept, so the addresses still answer after close.
function cachedName(socket, key, method) {
  const handle = socket._handle;
  if (handle === null || typeof handle[method] !== 'function' || socket.connecting) {
    return socket[key] || {};
  }
  if (!socket[key]) {
    const out = {};
    if (handle[method](out)) return {};
    socket[key] = out;
  }
  return socket[key];
}

Socket.prototype._getsockname = function() {
  return cachedName(this, '_sockname', 'getsockname');
};

Socket.prototype._getpeername = function() {
  return cachedName(this, '_peername', 'getpeername');
};

Object.defineProperties(Socket.prototype, {
  remoteAddress: { configurable: true, get() { return this._getpeername().address; } },
  remotePort: { configurable: true, get() { return this._getpeername().port; } },
  remoteFamily: { configurable: true, get() { return this._getpeername().family; } },
  localAddress: { configurable: true, get() { return this._getsockname().address; } },
  localPort: { configurable: true, get() { return this._getsockname().port; } },
  localFamily: { configurable: true, get() { return this._getsockname().family; } },
  bytesRead: { configurable: true, get() { return this[kBytesRead]; } },
  bytesWritten: {
    configurable: true,
    get() {
      const buffered = this.writableBuffer;
      // Not a socket yet (the prototype itself): undefined, as in Node.
      if (!buffered) return undefined;
      let pending = this._pendingWrites || 0;
      for (const { chunk, encoding } of buffered) {
        pending += byteLength(chunk, encoding);
      }
      return this[kBytesWritten] + pending;
    },
  },
  pending: { configurable: true, get() { return this._handle === null || this.connecting; } },
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
      if (this._handle === null) return undefined;
      return (this._handle.writeQueueSize || 0) + this.writableLength;
    },
  },
  _connecting: { configurable: true, get() { return this.connecting; } },
});

Socket.prototype.ref = function() {
  if (this._handle !== null && typeof this._handle.ref === 'function') this._handle.ref();
  else if (this._handle === null) this.once('connect', this.ref);
  return this;
};

Socket.prototype.unref = function() {
  if (this._handle !== null && typeof this._handle.unref === 'function') this._handle.unref();
  else if (this._handle === null) this.once('connect', this.unref);
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this.destroyed) {
    await new Promise((resolve) => { this.once('close', resolve); this.destroy(); });
  }
};

// ===== module functions =====

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  const socket = new Socket(options);
  if (clientSocketChannel.hasSubscribers) clientSocketChannel.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout);
  normalized[normalizedArgsSymbol] = true;
  return socket.connect(normalized);
}

let simultaneousAcceptsWarned = false;
function _setSimultaneousAccepts() {
  if (!simultaneousAcceptsWarned) {
    simultaneousAcceptsWarned = true;
    process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.',
      'DeprecationWarning', 'DEP0121');
  }
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
  getDefaultAutoSelectFamily() { return defaults.autoSelectFamily; },
  setDefaultAutoSelectFamily(value) {
    validateBoolean(value, 'value');
    defaults.autoSelectFamily = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout() { return defaults.attemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateInt32(value, 'value', 1);
    defaults.attemptTimeout = value < 10 ? 10 : value;
  },
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  _createServerHandle: undefined,
};
