'use strict';
// internal/cluster/handles: the primary's listening sockets, one per distinct listen() of the
// workers (same address, port, type, fd and per-worker index → the same socket).
//
// RoundRobinHandle (SCHED_RR): the primary listens and accepts; each connection goes to the
// next worker waiting for one, as a 'newconn' message carrying the socket. A worker that
// refuses it (its server is gone, or full) gets the next one only after it is given to another.
//
// SharedHandle (SCHED_NONE): the listening socket itself goes to every worker, which accept on
// it themselves. Our copy stays in the poll set (binding.net has no bound-but-idle socket), so
// a connection the primary happens to accept is handed on to a worker as in round-robin.

const net = require('net');
const { NetHandle } = require('internal/net_handle');
const { sendHelper } = require('internal/cluster/utils');

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

  // → true when no worker uses the socket any more (it is closed then).
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
    const sent = sendHelper(worker.process, { act: 'newconn', key: this.key }, client, (reply) => {
      if (reply.accepted) client.close();
      else this.distribute(0, client);
      this.handoff(worker);
    });
    if (sent === false && !worker.process.connected) this.distribute(0, client);
  }
}

class SharedHandle {
  constructor(key, address, { port, fd, flags, backlog }) {
    this.key = key;
    this.workers = new Map();
    this.errno = 0;
    this.next = 0;
    let handle = null;
    let err = 0;
    if (fd >= 0) {
      const type = binding.net.fdType(fd);
      if (type !== 'tcp-server' && type !== 'unix-server') {
        err = -22;
      } else {
        const adopted = binding.net.adoptFd(fd);
        if (typeof adopted === 'number') err = adopted;
        else handle = new NetHandle(adopted.type === 'pipe', adopted.token);
      }
    } else if (port >= 0) {
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
    if (err < 0) {
      if (handle !== null) handle.close();
      this.errno = err;
      this.handle = null;
      return;
    }
    // The workers' copies keep them alive; ours must not keep the primary alive.
    handle.unref();
    handle.onconnection = (e, client) => this.forward(e, client);
    this.handle = handle;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle !== null) this.handle.close();
    this.handle = null;
    return true;
  }

  // A connection accepted here rather than in a worker: to the next worker that takes it.
  forward(err, client, tried = 0) {
    const workers = [...this.workers.values()];
    if (err || workers.length === 0 || tried >= workers.length) {
      if (!err) client.close();
      return;
    }
    const worker = workers[this.next++ % workers.length];
    const sent = sendHelper(worker.process, { act: 'newconn', key: this.key }, client, (reply) => {
      if (reply.accepted) client.close();
      else this.forward(0, client, tried + 1);
    });
    if (sent === false && !worker.process.connected) this.forward(0, client, tried + 1);
  }
}

module.exports = { RoundRobinHandle, SharedHandle };
