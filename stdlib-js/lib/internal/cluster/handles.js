'use strict';
// internal/cluster/handles: the primary's listening sockets, one per distinct listen() of the
// workers (same address, port, type, fd and per-worker index -> the same socket).
//
// RoundRobinHandle (SCHED_RR): the primary listens and accepts; each connection goes to the
// next worker waiting for one, as a 'newconn' message carrying the socket. A worker that
// refuses it (its server is gone, or full) gets the next one only after it is given to another.
//
// SharedHandle (SCHED_NONE, and UDP always): the socket itself goes to every worker, which
// accept (or read) on it themselves; the primary keeps a descriptor for later workers but
// never uses it.

const net = require('net');
const { NetHandle } = require('internal/net_handle');
const { sendHelper } = require('internal/cluster/utils');
const { RawDescriptor } = require('internal/child_process/ipc');

const UV_TCP_IPV6ONLY = 1;

function getsockname(handle) {
  const out = {};
  return handle.getsockname(out) === 0 ? out : null;
}

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog, readableAll, writableAll }) {
    this.key = key;
    this.all = new Map();
    this.free = new Map();
    this.pending = [];
    // By worker id: the connections sent to it that it has not answered for yet.
    this.inflight = new Map();
    this.handle = null;
    this.server = net.createServer(() => {
      throw new Error('a round-robin server takes no connections itself');
    });
    if (fd >= 0) {
      this.server.listen({ fd, backlog });
    } else if (port >= 0) {
      this.server.listen({
        port, host: address, ipv6Only: Boolean(flags & UV_TCP_IPV6ONLY), backlog,
      });
    } else {
      this.server.listen({ path: address, backlog, readableAll, writableAll });
    }
    this.server.once('listening', () => {
      this.handle = this.server._handle;
      this.handle.onconnection = (err, client) => this.distribute(err, client);
      this.server._handle = null;
      this.server = null;
    });
  }

  // send(errno, reply, handle) answers the worker's query.
  add(worker, send) {
    this.all.set(worker.id, worker);
    const done = () => {
      const sockname = this.handle.isPipe ? null : getsockname(this.handle);
      send(0, sockname ? { sockname } : null, null);
      this.handoff(worker);
    };
    if (this.server === null) {
      done();
      return;
    }
    this.server.once('listening', done);
    this.server.once('error', (err) => send(err.errno, null));
  }

  // -> true when no worker uses the socket any more (it is closed then).
  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const client of this.pending) client.close();
    this.pending = [];
    if (this.handle !== null) {
      this.handle.close();
      this.handle = null;
    } else if (this.server !== null) {
      this.server.close();
      this.server = null;
    }
    return true;
  }

  distribute(err, client) {
    if (err) return;
    // Refused by a worker after the last one left: nobody will take it.
    if (this.all.size === 0) {
      client.close();
      return;
    }
    this.pending.push(client);
    const first = this.free.values().next();
    if (first.done) return;
    this.free.delete(first.value.id);
    this.handoff(first.value);
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return;
    const client = this.pending.shift();
    if (client === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    let waiting = this.inflight.get(worker.id);
    if (waiting === undefined) {
      waiting = new Set();
      this.inflight.set(worker.id, waiting);
      // Gone without answering: a worker that got a connection has its own copy, and ours
      // would otherwise keep the client waiting forever.
      worker.process.once('disconnect', () => {
        for (const orphan of waiting) orphan.close();
        waiting.clear();
        this.inflight.delete(worker.id);
      });
    }
    waiting.add(client);
    const sent = sendHelper(worker.process, { act: 'newconn', key: this.key }, client, (reply) => {
      if (!waiting.delete(client)) return; // given up when the worker's channel closed
      if (reply.accepted) client.close();
      else this.distribute(0, client);
      this.handoff(worker);
    });
    if (sent === false && !worker.process.connected) {
      waiting.delete(client);
      this.distribute(0, client);
    }
  }
}

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags, backlog }) {
    this.key = key;
    this.workers = new Map();
    this.errno = 0;
    this.descriptor = null;
    // A socket file we made: removed when the last worker lets go (as closing the server would).
    this.pipePath = undefined;
    let err;
    if (addressType === 'udp4' || addressType === 'udp6') {
      err = this.bindUdp(address, port, addressType, fd, flags);
    } else {
      err = fd >= 0 ? this.copyGiven(fd) : this.listenHere(address, port, flags, backlog);
    }
    if (err < 0) this.errno = err;
  }

  // A UDP socket bound here, kept (as a copy outside the poll set) for the workers to read.
  bindUdp(address, port, addressType, fd, flags) {
    const handle = require('internal/dgram')._createSocketHandle(address, port, addressType, fd,
      flags);
    if (typeof handle === 'number') return handle;
    const copy = binding.net.reopenFd(handle.fd, false);
    handle.close();
    if (copy < 0) return copy;
    this.descriptor = new RawDescriptor(copy, 'dgram.Native', addressType === 'udp6');
    return 0;
  }

  // A listening descriptor of ours (listen({ fd }) in a worker means the primary's fd).
  copyGiven(fd) {
    const type = binding.net.fdType(fd);
    if (typeof type === 'number') return type;
    if (type !== 'tcp-server' && type !== 'unix-server') return -22; // EINVAL, as Node's listen
    const copy = binding.net.reopenFd(fd, false);
    if (copy < 0) return copy;
    this.descriptor = new RawDescriptor(copy);
    return 0;
  }

  // Listen, then keep only a copy of the descriptor that is in no poll set: the workers accept
  // on the socket, and we must not (binding.net's listening handles always accept).
  listenHere(address, port, flags, backlog) {
    let handle;
    let err;
    if (port >= 0) {
      handle = new NetHandle(false);
      const ipv6Only = Boolean(flags & UV_TCP_IPV6ONLY);
      if (address) {
        err = handle.listen(address, port, backlog || 511, ipv6Only);
      } else {
        err = handle.listen('::', port, backlog || 511, false);
        if (err === -97 || err === -99) err = handle.listen('0.0.0.0', port, backlog || 511, false);
      }
    } else {
      handle = new NetHandle(true);
      err = handle.listenPipe(address, backlog || 511);
    }
    if (err === 0) {
      const copy = binding.net.reopenFd(handle.fd, false);
      if (copy < 0) {
        err = copy;
      } else {
        this.descriptor = new RawDescriptor(copy);
        this.pipePath = handle._pipePath;
        // The copy lives on: closing this handle must not remove the socket file.
        handle._pipePath = undefined;
      }
    }
    handle.close();
    return err;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.descriptor);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.descriptor !== null) binding.net.closeFd(this.descriptor.fd);
    this.descriptor = null;
    if (this.pipePath !== undefined) {
      try {
        require('fs').unlinkSync(this.pipePath);
      } catch {
        // Already gone.
      }
    }
    return true;
  }
}

module.exports = { RoundRobinHandle, SharedHandle };
