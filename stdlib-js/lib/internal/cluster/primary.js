'use strict';
// internal/cluster/primary: node:cluster in the primary process. fork() starts the program
// again (settings.exec) with NODE_UNIQUE_ID set; the worker answers 'online', asks for its
// listening sockets ('queryServer', answered with a handles.js handle), says 'listening' and
// 'close', and leaves with 'exitedAfterDisconnect' when it disconnects itself.

const EventEmitter = require('events');
const path = require('path');
const { fork } = require('child_process');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');
const { RoundRobinHandle, SharedHandle } = require('internal/cluster/handles');
const {
  codes: { ERR_INTERNAL_ASSERTION, ERR_SOCKET_BAD_PORT },
  validatePort,
} = require('internal/errors');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
// 'disconnect' here: every worker and listening socket is gone (cluster.disconnect(cb)).
const intercom = new EventEmitter();
const handles = new Map();
let initialized = false;
let ids = 0;
let debugPortOffset = 1;
let schedulingPolicy;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

{
  const fromEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
  if (fromEnv === 'rr') schedulingPolicy = SCHED_RR;
  else if (fromEnv === 'none') schedulingPolicy = SCHED_NONE;
  else schedulingPolicy = process.platform === 'win32' ? SCHED_NONE : SCHED_RR;
}
cluster.schedulingPolicy = schedulingPolicy;

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  // Each process writes its own profile (V8's default log file would be shared).
  if (settings.execArgv.some((arg) => arg.startsWith('--prof')) &&
      !settings.execArgv.some((arg) => arg.startsWith('--logfile='))) {
    settings.execArgv = [...settings.execArgv, '--logfile=v8-%p.log'];
  }
  cluster.settings = settings;
  if (!initialized) {
    initialized = true;
    // The policy in force from the first setup on.
    schedulingPolicy = cluster.schedulingPolicy;
    if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
      throw new ERR_INTERNAL_ASSERTION(`Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
    }
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

const inspectorFlag = /^(--inspect|--inspect-brk|--debug|--debug-brk)(=|$)/;

function createWorkerProcess(id, env) {
  const settings = cluster.settings;
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  const execArgv = [...settings.execArgv];
  if (settings.inspectPort === null) throw new ERR_SOCKET_BAD_PORT('Port', null, true);
  if (execArgv.some((arg) => inspectorFlag.test(arg))) {
    let inspectPort;
    if (settings.inspectPort !== undefined) {
      inspectPort = typeof settings.inspectPort === 'function' ?
        settings.inspectPort() : settings.inspectPort;
      validatePort(inspectPort);
    } else {
      inspectPort = process.debugPort + debugPortOffset;
      if (inspectPort > 65535) inspectPort = inspectPort - 65535 + 1024 - 1;
      debugPortOffset++;
    }
    execArgv.push(`--inspect-port=${inspectPort}`);
  }
  return fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: workerEnv,
    serialization: settings.serialization,
    silent: settings.silent,
    windowsHide: settings.windowsHide,
    execArgv,
    stdio: settings.stdio,
    gid: settings.gid,
    uid: settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0 && handles.size === 0) {
    intercom.emit('disconnect');
  }
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function forkWorker(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function onmessage(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  workerProcess.once('exit', (exitCode, signalCode) => {
    // A worker still connected stays listed until its channel closes too.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  workerProcess.once('disconnect', () => {
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  workerProcess.on('internalMessage', internal(worker, onmessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of workers) {
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

function onmessage(message, handle) {
  const worker = this;
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      queryServer(worker, message);
      break;
    case 'listening': {
      const info = {
        addressType: message.addressType,
        address: message.address,
        port: message.port,
        fd: message.fd,
      };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      send(worker, { ack: message.seq });
      break;
    case 'close': {
      const shared = handles.get(message.key);
      if (shared !== undefined && shared.remove(worker)) handles.delete(message.key);
      break;
    }
    default:
      break;
  }
}

function queryServer(worker, message) {
  // A worker on its way out gets no new sockets.
  if (worker.exitedAfterDisconnect) return;
  const key = `${message.address}:${message.port}:${message.addressType}:` +
    `${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    // UDP has no connections to hand out: its socket is always shared.
    const udp = message.addressType === 'udp4' || message.addressType === 'udp6';
    const Kind = schedulingPolicy === SCHED_RR && !udp ? RoundRobinHandle : SharedHandle;
    let address = message.address;
    // A socket path (absolute from the worker) as short as can be: they are limited to ~100
    // bytes, and the one relative to our cwd may fit where the absolute one does not.
    if (message.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
      const relative = path.relative(process.cwd(), address);
      if (relative.length < address.length) address = relative;
    }
    handle = new Kind(key, address, message);
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, sharedHandle) => {
    const current = handles.get(key);
    const data = current === undefined ? undefined : current.data;
    if (errno) handles.delete(key);
    send(worker, { errno, key, ack: message.seq, data, ...reply }, sharedHandle);
  });
}

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

// The signal goes at once: the worker's channel closes as it dies (exitedAfterDisconnect
// stays false, as in Node 20).
Worker.prototype.destroy = function destroy(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
