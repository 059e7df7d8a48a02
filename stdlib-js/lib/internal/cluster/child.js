'use strict';
// internal/cluster/child: node:cluster in a worker (a process cluster.fork() started). Its
// servers' listen() (net's hook, set in _setupWorker) and its UDP sockets' bind() (dgram asks
// utils.workerCluster()) get their socket from the primary through _getServer: with SCHED_NONE,
// and for UDP, the answer carries the socket itself; with SCHED_RR it carries none and the
// server gets a stand-in handle, to which the primary sends each connection.

const EventEmitter = require('events');
const path = require('path');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper, setWorkerCluster } = require('internal/cluster/utils');
const { kOwner } = require('internal/net_handle');

const cluster = new EventEmitter();
// The listening handles this worker got, by the primary's key.
const handles = new Map();
// The per-worker index of each listen() of the same address: the nth server listening on
// port 0 shares its socket with every other worker's nth, not with the (n-1)th.
const indexes = new Map();
const noop = () => {};
const UV_EADDRINUSE = -98;
const UV_TCP_IPV6ONLY = 1;

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    // The primary went away (or cut us off) without asking: nothing left to do here.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });

  process.on('internalMessage', internal(worker, (message, handle) => {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnectWorker(worker, true);
  }));

  require('internal/net_server').setClusterListen(listenThroughPrimary);
  setWorkerCluster(cluster);
  if (process.connected) send({ act: 'online' });
};

function takeIndex(indexesKey) {
  let used = indexes.get(indexesKey);
  if (used === undefined) {
    used = new Set();
    indexes.set(indexesKey, used);
  }
  let index = 0;
  while (used.has(index)) index++;
  used.add(index);
  return index;
}

function freeIndex(indexesKey, index) {
  const used = indexes.get(indexesKey);
  if (used === undefined) return;
  used.delete(index);
  if (used.size === 0) indexes.delete(indexesKey);
}

// obj: the server; options: { address, port, addressType, fd, flags, backlog, ... };
// cb(errno, handle).
cluster._getServer = function _getServer(obj, options, cb) {
  let address = options.address;
  // A relative pipe path is ours: the primary, in another cwd, gets the absolute one.
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = path.resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  const index = takeIndex(indexesKey);
  const message = { act: 'queryServer', index, data: null, ...options, address };
  if (typeof obj._getServerData === 'function') message.data = obj._getServerData();

  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function' && reply.data != null) {
      obj._setServerData(reply.data);
    }
    const where = { indexesKey, index };
    if (handle) shared(reply, handle, where, cb);
    else roundRobin(reply, where, cb);
  });

  obj.once('listening', () => {
    // Closed by an earlier 'listening' listener (its index is free again): nothing to announce.
    if (!indexes.get(indexesKey)?.has(index)) return;
    // A worker already on its way out (disconnect() from an earlier 'listening' listener)
    // does not announce it.
    const state = cluster.worker.state;
    if (state === 'disconnecting' || state === 'destroying') return;
    cluster.worker.state = 'listening';
    const bound = obj.address();
    send({
      ...message, act: 'listening', port: (bound && bound.port) || options.port,
    });
  });
};

// SCHED_NONE: the listening socket itself. Closing it tells the primary.
function shared(reply, handle, where, cb) {
  const key = reply.key;
  const close = handle.close;
  handle.close = function closeShared(...args) {
    send({ act: 'close', key });
    handles.delete(key);
    freeIndex(where.indexesKey, where.index);
    return close.apply(handle, args);
  };
  handles.set(key, handle);
  cb(reply.errno, handle);
}

// SCHED_RR: a stand-in with a listening handle's methods. The connections come from the
// primary ('newconn'); while ref'd it keeps the loop alive as a listening socket would.
function roundRobin(reply, where, cb) {
  if (reply.errno) {
    freeIndex(where.indexesKey, where.index);
    cb(reply.errno, null);
    return;
  }
  let key = reply.key;
  let keepAlive = null;
  const handle = {
    isPipe: reply.sockname == null,
    closed: false,
    onconnection: null,
    ref() {
      if (keepAlive === null && key !== undefined) keepAlive = setInterval(noop, 2 ** 31 - 1);
    },
    unref() {
      if (keepAlive !== null) clearInterval(keepAlive);
      keepAlive = null;
    },
    hasRef() {
      return keepAlive !== null;
    },
    listen() {
      return 0;
    },
    close() {
      handle.unref();
      if (key === undefined) return;
      handle.closed = true;
      send({ act: 'close', key });
      handles.delete(key);
      freeIndex(where.indexesKey, where.index);
      key = undefined;
    },
    getsockname(out) {
      if (!reply.sockname) return -9; // EBADF: a pipe has no address
      Object.assign(out, reply.sockname);
      return 0;
    },
  };
  handle.ref();
  handles.set(key, handle);
  cb(0, handle);
}

// A connection from the primary for the server listening under `message.key`.
function onconnection(message, clientHandle) {
  const handle = handles.get(message.key);
  let accepted = handle !== undefined;
  if (accepted) {
    const server = handle[kOwner];
    if (server && server.maxConnections !== undefined &&
        server._connections >= server.maxConnections) {
      accepted = false;
    }
  }
  send({ ack: message.seq, accepted });
  if (!clientHandle) return;
  if (accepted && typeof handle.onconnection === 'function') handle.onconnection(0, clientHandle);
  else clientHandle.close();
}

// net's hook: listen() in a worker asks the primary unless `exclusive`. `where` is what the
// server would listen on: { address, port, ipv6Only }, { path, mode } or { fd }; adopt(server,
// handle) makes the handle the server's and emits 'listening'.
function listenThroughPrimary(server, where, backlog, options, adopt, fail) {
  let query;
  if (where.fd !== undefined) {
    query = { address: null, port: null, addressType: null, fd: where.fd };
  } else if (where.path !== undefined) {
    query = {
      address: where.path, port: -1, addressType: -1, fd: undefined,
      readableAll: Boolean(options.readableAll), writableAll: Boolean(options.writableAll),
    };
  } else {
    const { isIP } = require('internal/net');
    query = {
      address: where.address === undefined ? null : where.address,
      port: where.port,
      addressType: where.address ? isIP(where.address) : 4,
      fd: undefined,
      flags: where.ipv6Only ? UV_TCP_IPV6ONLY : 0,
    };
  }
  query.backlog = backlog;
  cluster._getServer(server, query, (errno, handle) => {
    if (errno === 0 && query.port > 0 && handle && typeof handle.getsockname === 'function') {
      // Asked for a port and got another: someone else holds ours.
      const out = {};
      if (handle.getsockname(out) === 0 && out.port !== query.port) errno = UV_EADDRINUSE;
    }
    if (errno) {
      fail(server, errno, 'bind', query.address, query.port);
      return;
    }
    adopt(server, handle);
  });
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker(this, false);
  }
  return this;
};

// Close every server, then leave the channel; when the primary did not ask, it learns first
// that this was on purpose (worker.exitedAfterDisconnect there).
function disconnectWorker(worker, primaryInitiated) {
  worker.exitedAfterDisconnect = true;
  let waiting = 1;
  const oneClosed = () => {
    if (--waiting !== 0) return;
    if (primaryInitiated) process.disconnect();
    else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  };
  for (const handle of [...handles.values()]) {
    waiting++;
    const server = handle[kOwner];
    if (server && typeof server.close === 'function' && server._handle === handle) {
      server.close(oneClosed);
    } else {
      handle.close();
      oneClosed();
    }
  }
  handles.clear();
  oneClosed();
}

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
