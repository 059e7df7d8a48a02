'use strict';
// internal/net_server: net.Server. The listening handle (internal/net_handle) hands each
// accepted connection to `onconnection(err, clientHandle)` with `this` the handle, which code
// may wrap as in Node; the connection becomes a net.Socket over that handle.

const EventEmitter = require('events');
const {
  isIP, errnoException, exceptionWithHostPort, uvExceptionWithHostPort, normalizeArgs, isLegalPort,
} = require('internal/net');
const { NetHandle, kOwner } = require('internal/net_handle');
const serverSocketChannel = require('diagnostics_channel').channel('net.server.socket');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING,
  },
  validateAbortSignal, validatePort, validateString,
} = require('internal/errors');

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
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._pipeName = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark;
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  enumerable: true,
  get() { return this._handle !== null; },
});

// `this` is the listening handle (code may wrap it, as Node's onconnection).
function onconnection(err, clientHandle) {
  const server = this[kOwner];
  if (err) {
    server.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (server.maxConnections !== undefined && server._connections >= server.maxConnections) {
    const data = {};
    for (const [key, get] of [['local', 'getsockname'], ['remote', 'getpeername']]) {
      const out = {};
      clientHandle[get](out);
      data[`${key}Address`] = out.address;
      data[`${key}Port`] = out.port;
      data[`${key}Family`] = out.family;
    }
    clientHandle.close();
    server.emit('drop', data);
    return;
  }
  if (server.noDelay && typeof clientHandle.setNoDelay === 'function') clientHandle.setNoDelay(true);
  if (server.keepAlive && typeof clientHandle.setKeepAlive === 'function') {
    clientHandle.setKeepAlive(true, server.keepAliveInitialDelay);
  }
  const socket = new (require('net').Socket)({
    handle: clientHandle,
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
  if (serverSocketChannel.hasSubscribers) serverSocketChannel.publish({ socket });
}

Server.prototype.listen = function(...args) {
  const [options, cb] = normalizeArgs(args);
  if (typeof cb === 'function') this.once('listening', cb);
  if (this._handle !== null || this._listenPending) throw new ERR_SERVER_ALREADY_LISTEN();
  // listen(port, backlog, cb) and listen(port, host, backlog, cb): the first count found.
  let backlog = options.backlog;
  if (backlog === undefined) backlog = backlogArg(args[1]) || backlogArg(args[2]) || undefined;
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
  // An existing listening handle or descriptor: another server's, or one received over IPC.
  const given = args[0] instanceof NetHandle ? args[0] :
    options._handle instanceof NetHandle ? options._handle :
      options.handle instanceof NetHandle ? options.handle : undefined;
  if (given === undefined && options.fd !== undefined && clusterListen !== null &&
      !options.exclusive) {
    clusterListen(this, { fd: options.fd }, backlog, options, adoptListening, emitListenError);
    return this;
  }
  if (given !== undefined || options.fd !== undefined) {
    let handle = given;
    let err = 0;
    if (handle === undefined) {
      const fd = options.fd;
      if (!Number.isInteger(fd) || fd < 0) throw new ERR_INVALID_ARG_VALUE('options.fd', fd);
      // Only a listening socket is taken over; anything else (closed, a file, a connected
      // socket) is left alone and refused with EINVAL, as Node refuses it.
      const type = binding.net.fdType(fd);
      if (type !== 'tcp-server' && type !== 'unix-server') err = -22;
      else {
        const adopted = binding.net.adoptFd(fd);
        if (typeof adopted === 'number') err = adopted;
        else handle = new NetHandle(adopted.type === 'pipe', adopted.token);
      }
    }
    if (err < 0) {
      const ex = uvExceptionWithHostPort(err, 'listen', null, -1);
      process.nextTick(() => this.emit('error', ex));
      return this;
    }
    adoptListening(this, handle);
    return this;
  }
  if (options.path !== undefined && options.path !== null) {
    validateString(options.path, 'options.path');
    // A Linux abstract socket ("\0name") has no file whose permissions could be widened.
    if (options.path.startsWith('\0') && (options.readableAll || options.writableAll)) {
      throw new ERR_INVALID_ARG_VALUE('options', options,
        'can not set readableAll or writableAllt to true when path is abstract unix socket');
    }
    this._pipeName = options.path;
    listenHere(this, { path: options.path, mode: pipeMode(options) }, backlog, options);
    return this;
  }
  if (options.port === undefined && options.host === undefined && args.length > 0 &&
      typeof args[0] === 'object' && args[0] !== null && !('port' in args[0])) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  let port = options.port;
  if (port === null || (port !== undefined && !isLegalPort(port))) validatePort(port, 'options.port');
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
      listenHere(this, { address: ip, port, ipv6Only }, backlog, options);
    });
    return this;
  }
  listenHere(this, { address: host, port, ipv6Only }, backlog, options);
  return this;
};

// In a cluster worker, internal/cluster/child sets this: listen() asks the primary for the
// socket (unless options.exclusive), then calls adoptListening or emitListenError.
let clusterListen = null;

function setClusterListen(fn) {
  clusterListen = fn;
}

function listenHere(server, where, backlog, options) {
  if (clusterListen !== null && !options.exclusive) {
    clusterListen(server, where, backlog, options, adoptListening, emitListenError);
  } else {
    listenIn(server, where, backlog);
  }
}

// Node words this one as exceptionWithHostPort does: `bind EADDRINUSE 127.0.0.1:80`.
function emitListenError(server, errno, syscall, address, port) {
  server.emit('error', exceptionWithHostPort(errno, syscall, address, port));
}

function backlogArg(x) {
  const n = Number(x);
  return x !== undefined && n >= 0 ? n : false;
}

function pipeMode(options) {
  return (options.readableAll ? 0o444 : 0) | (options.writableAll ? 0o222 : 0);
}

function adoptListening(server, handle) {
  handle[kOwner] = server;
  handle.onconnection = onconnection;
  server._handle = handle;
  const out = {};
  server._connectionKey = handle.getsockname(out) === 0 ?
    `${out.family === 'IPv6' ? 6 : 4}:${out.address}:${out.port}` : '-1:-1:-1';
  if (server._unref) handle.unref();
  process.nextTick(() => {
    if (server._handle === handle) server.emit('listening');
  });
}

function listenIn(server, where, backlog) {
  const handle = new NetHandle(where.path !== undefined);
  handle[kOwner] = server;
  handle.onconnection = onconnection;
  let err;
  let address = where.address;
  let addressType = 4;
  if (where.path !== undefined) {
    err = handle.listenPipe(where.path, backlog);
    address = where.path;
    addressType = -1;
    if (err === 0 && where.mode) {
      try {
        require('fs').chmodSync(where.path, 0o600 | where.mode);
      } catch {
        // The socket still works; only its permissions differ.
      }
    }
  } else if (address) {
    err = handle.listen(address, where.port, backlog, where.ipv6Only);
    addressType = isIP(address);
  } else {
    // No host: all interfaces, dual-stack where IPv6 exists (as Node does).
    address = '::';
    addressType = 6;
    err = handle.listen('::', where.port, backlog, false);
    if (err === -97 || err === -99) { // EAFNOSUPPORT / EADDRNOTAVAIL: no IPv6
      address = '0.0.0.0';
      addressType = 4;
      err = handle.listen('0.0.0.0', where.port, backlog, false);
    }
  }
  if (err < 0) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, where.port);
    process.nextTick(() => server.emit('error', ex));
    return;
  }
  server._handle = handle;
  server._connectionKey = where.path !== undefined ? `-1:${address}:-1` :
    `${addressType}:${address}:${where.port}`;
  if (server._unref) handle.unref();
  process.nextTick(() => {
    if (server._handle === handle) server.emit('listening');
  });
}

Server.prototype.address = function() {
  if (this._handle === null) return null;
  if (this._pipeName !== undefined) return this._pipeName;
  const out = {};
  const err = this._handle.getsockname(out);
  if (err) throw errnoException(err, 'address');
  return out;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (this._handle === null) {
      this.once('close', function close() { cb(new ERR_SERVER_NOT_RUNNING()); });
    } else {
      this.once('close', cb);
    }
  }
  // As Node: 'close' follows once the connections are gone, without waiting for the listening
  // handle's own close callback.
  if (this._handle !== null) {
    this._handle.close();
    this._handle = null;
  }
  this._closing = true;
  if (this._usingWorkers) {
    // Sockets sent to other processes (child.send(msg, socket)): 'close' waits until each
    // process says its sockets of ours are gone (or its channel closes). The extra count holds
    // 'close' back until all have answered.
    let left = this._workers.length;
    const onWorkerClose = () => {
      if (--left !== 0) return;
      this._connections = 0;
      this._emitCloseIfDrained();
    };
    this._connections++;
    for (const worker of this._workers) worker.close(onWorkerClose);
    if (left === 0) {
      left = 1;
      onWorkerClose();
    }
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

// `socketList` (internal/child_process/ipc's SocketListSend) counts the sockets of this server
// that another process holds, until that process exits.
Server.prototype._setupWorker = function(socketList) {
  this._usingWorkers = true;
  this._workers.push(socketList);
  socketList.once('exit', (list) => {
    const index = this._workers.indexOf(list);
    if (index !== -1) this._workers.splice(index, 1);
  });
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle !== null || this._connections > 0 || !this._closing) return;
  this._closing = false;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function(cb) {
  const end = (err, count) => process.nextTick(cb, err, count);
  if (!this._usingWorkers || this._workers.length === 0) {
    end(null, this._connections);
    return this;
  }
  // Sockets sent to other processes count where they are now.
  let left = this._workers.length;
  let total = this._connections;
  const oncount = (err, count) => {
    if (left < 0) return;
    if (err) {
      left = -1;
      end(err);
      return;
    }
    total += count;
    if (--left === 0) end(null, total);
  };
  for (const worker of this._workers) worker.getConnections(oncount);
  return this;
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle !== null) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle !== null) this._handle.unref();
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function() {
  if (this._handle === null) return;
  await new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  if (event === 'connection') sock.destroy(err);
  else this.emit('error', err);
};

module.exports = { Server, setClusterListen };
