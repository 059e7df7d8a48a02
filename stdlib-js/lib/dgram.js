'use strict';
// node:dgram - UDP sockets: dgram.Socket (an EventEmitter) over the internal/dgram handle.
//
// A socket binds once (explicitly, or implicitly on its first send or connect, to port 0 of
// the wildcard address); addresses go through the socket's lookup (dns.lookup unless given)
// first. What is asked for while a bind is still resolving (sends, connect, close) waits in
// a queue that runs once 'listening' is emitted and is dropped if the bind fails.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { deprecate } = require('util');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FD_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
  isInt32,
  validateAbortSignal,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/errors');
const { errnoException, exceptionWithHostPort } = require('internal/net');
const {
  kStateSymbol, kOwner, newHandle, _createSocketHandle, SendWrap, UDP,
  UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR,
} = require('internal/dgram');
const asyncContext = require('internal/async_context');
const { workerCluster } = require('internal/cluster/utils');
const udpSocketChannel = require('diagnostics_channel').channel('udp.socket');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

const isArrayBufferView = ArrayBuffer.isView;

// The async context a socket was made in (see asyncContext.capture).
const kFrame = Symbol('kFrame');

function Socket(type, listener) {
  EventEmitter.call(this);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
  }
  const handle = newHandle(type, lookup);
  handle[kOwner] = this;
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };
  // Messages and send callbacks run in the async context the socket was made in.
  this[kFrame] = asyncContext.capture();

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  if (udpSocketChannel.hasSubscribers) udpSocketChannel.publish({ socket: this });
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  socket.emit('listening');
}

function replaceHandle(self, newHandle) {
  const state = self[kStateSymbol];
  const oldHandle = state.handle;
  newHandle.lookup = oldHandle.lookup;
  newHandle[kOwner] = self;
  // An unref() made before the handle came (from a cluster primary) still holds.
  if (!oldHandle._refed) newHandle.unref();
  state.handle = newHandle;
  oldHandle.close();
  if (newHandle.getpeername({}) === 0) state.connectState = CONNECT_STATE_CONNECTED;
}

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const ctx = {};
  const ret = self[kStateSymbol].handle.bufferSize(size, buffer, ctx);
  if (ret === undefined) throw socketBufferSizeError(ctx);
  return ret;
}

// Node's ERR_SOCKET_BUFFER_SIZE, a SystemError carrying the libuv call's error in `info`.
function socketBufferSizeError(ctx) {
  const message = 'Could not get or set buffer size: ' +
    `${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
  const err = new Error(message);
  const info = { errno: ctx.errno, code: ctx.code, message: ctx.message, syscall: ctx.syscall };
  Object.defineProperties(err, {
    name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
    code: { value: 'ERR_SOCKET_BUFFER_SIZE', enumerable: true, writable: true, configurable: true },
    info: { value: info, enumerable: true, configurable: true, writable: false },
    errno: {
      get() { return info.errno; },
      set(v) { info.errno = v; },
      enumerable: true,
      configurable: true,
    },
    syscall: {
      get() { return info.syscall; },
      set(v) { info.syscall = v; },
      enumerable: true,
      configurable: true,
    },
  });
  Error.captureStackTrace(err, bufferSize);
  // `SystemError [ERR_SOCKET_BUFFER_SIZE]: ...` in the stack, as Node's first line reads.
  const stack = err.stack;
  if (typeof stack === 'string' && stack.startsWith('Error:')) {
    err.stack = `SystemError [ERR_SOCKET_BUFFER_SIZE]:${stack.slice(6)}`;
  }
  err.toString = function toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  };
  return err;
}

Socket.prototype.bind = function bind(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    function removeListeners() {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    }
    function onListening() {
      removeListeners.call(this);
      cb.call(this);
    }
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  if (port instanceof UDP) {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  // bind({ fd }): an existing UDP socket.
  if (port !== null && typeof port === 'object' && isInt32(port.fd) && port.fd > 0) {
    const fd = port.fd;
    if (!binding.dgram.isUdp(fd)) throw new ERR_INVALID_FD_TYPE(fdTypeName(fd));
    const err = state.handle.open(fd);
    if (err) throw errnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
    exclusive = false;
  }
  // No address: every interface of the socket's family.
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return; // Closed while resolving.
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;

    // A cluster worker shares the primary's socket for this address, unless exclusive.
    const cluster = workerCluster();
    if (cluster !== null && !exclusive) {
      const onHandle = (errno, handle) => {
        if (errno) {
          const ex = exceptionWithHostPort(errno, 'bind', ip, port);
          this.emit('error', ex);
          state.bindState = BIND_STATE_UNBOUND;
          return;
        }
        if (!state.handle) {
          // Closed meanwhile.
          handle.close();
          return;
        }
        replaceHandle(this, handle);
        startListening(this);
      };
      cluster._getServer(this, { address: ip, port, addressType: this.type, fd: -1, flags },
                         onHandle);
      return;
    }

    const bindErr = state.handle.bind(ip, port || 0, flags);
    if (bindErr) {
      const ex = exceptionWithHostPort(bindErr, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

// Node's guessHandleType name for a descriptor that is not a UDP socket.
function fdTypeName(fd) {
  const type = require('internal/process/stdio').guessHandleType(fd);
  if (type !== 'SOCKET') return type;
  const kind = binding.net.fdType(fd);
  if (kind === 'tcp' || kind === 'tcp-server') return 'TCP';
  if (kind === 'unix' || kind === 'unix-server') return 'PIPE';
  return 'UNKNOWN';
}

Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');

  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, doConnectAfterBind.bind(this, port, address, callback));
    return;
  }
  doConnectAfterBind.call(this, port, address, callback);
};

function doConnectAfterBind(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => {
    if (!state.handle) return;
    if (!ex) {
      const err = state.handle.connect(ip, port);
      if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
    }
    if (ex) {
      state.connectState = CONNECT_STATE_DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          this.removeListener('connect', callback);
          callback(ex);
        } else {
          this.emit('error', ex);
        }
      });
      return;
    }
    state.connectState = CONNECT_STATE_CONNECTED;
    process.nextTick(() => this.emit('connect'));
  });
}

Socket.prototype.disconnect = function disconnect() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// Work that waits for a bind in progress: run once 'listening' comes, dropped on an error.
function enqueue(self, toEnqueue) {
  const state = self[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(toEnqueue);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  clearQueue.call(this);
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function clearQueue() {
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const entry of queue) entry();
}

Socket.prototype.sendto = function sendto(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// The chunks of a send as Buffers, or null when one is neither a string nor a view.
function fixBufferList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (typeof buf === 'string') out[i] = Buffer.from(buf);
    else if (!isArrayBufferView(buf)) return null;
    else out[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return out;
}

// send(msg[, offset, length][, port][, address][, callback]); msg is a string, a view, or an
// array of those sent as one datagram.
Socket.prototype.send = function send(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
    } else {
      list = [buffer];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments',
                                   ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);

  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);

  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));

  // Not bound yet: the datagram goes out once the bind is done.
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }

  const afterDns = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
  if (!connected) state.handle.lookup(address, afterDns);
  else afterDns(null, null);
};

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => self.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }

  const req = new SendWrap();
  req.list = list; // Keeps the bytes alive while the send is queued.
  req.address = address;
  req.port = port;
  if (callback) {
    const frame = self[kFrame];
    req.callback = frame === undefined ? callback :
      (...args) => asyncContext.runInFrame(frame, callback, undefined, args);
    req.oncomplete = afterSend;
  }

  const err = port ?
    state.handle.send(req, list, list.length, port, ip, !!callback) :
    state.handle.send(req, list, list.length, !!callback);

  if (err >= 1) {
    // Sent at once: the answer is the length + 1, to tell it from a queued send (0).
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }
  // Without a callback a failed send is dropped silently, as in Node.
  if (err && callback) {
    const e = exceptionWithHostPort(err, 'send', address, port);
    process.nextTick(callback, e);
  }
}

function afterSend(err, sent) {
  err = err ? exceptionWithHostPort(err, 'send', this.address, this.port) : null;
  this.callback(err, sent);
}

Socket.prototype.close = function close(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(socketCloseNT, this);
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function asyncDispose() {
  if (!this[kStateSymbol].handle) return;
  await new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

function socketCloseNT(self) {
  self.emit('close');
}

Socket.prototype.address = function address() {
  healthCheck(this);
  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface = function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

Socket.prototype.addMembership = function addMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.addMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.dropMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership = function addSourceSpecificMembership(
  sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.addSourceSpecificMembership(
    sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function dropSourceSpecificMembership(
  sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(
    sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropSourceSpecificMembership');
};

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

function onMessage(nread, handle, buf, rinfo) {
  const self = handle[kOwner];
  if (!self) return;
  const frame = self[kFrame];
  if (frame !== undefined) {
    asyncContext.runInFrame(frame, deliverMessage, undefined, [self, nread, buf, rinfo]);
  } else {
    deliverMessage(self, nread, buf, rinfo);
  }
}

function deliverMessage(self, nread, buf, rinfo) {
  if (nread < 0) {
    self.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  rinfo.size = buf.length;
  self.emit('message', buf, rinfo);
}

Socket.prototype.ref = function ref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// The old underscore API (DEP0112): accessors of the socket's state, with a warning.
function deprecatedState(name, key) {
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    get: deprecate(function() {
      return this[kStateSymbol][key];
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
    set: deprecate(function(value) {
      this[kStateSymbol][key] = value;
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
    configurable: true,
  });
}
deprecatedState('_handle', 'handle');
deprecatedState('_receiving', 'receiving');
deprecatedState('_bindState', 'bindState');
deprecatedState('_queue', 'queue');
deprecatedState('_reuseAddr', 'reuseAddr');

Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');

Socket.prototype._stopReceiving = deprecate(function() {
  stopReceiving(this);
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

module.exports = {
  _createSocketHandle: deprecate(_createSocketHandle,
                                 'dgram._createSocketHandle() is deprecated', 'DEP0112'),
  createSocket,
  Socket,
};
