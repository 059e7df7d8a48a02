'use strict';
// internal/child_process: the ChildProcess class and the option normalising that spawn and
// spawnSync share. binding.child_process.spawn starts the program; its pipes come back as
// binding.net tokens (wrapped here in net.Socket, as Node's are) and its exit through a pidfd
// handle of the poll phase, reported to `onexit(status, signal)`.

const EventEmitter = require('events');
const net = require('net');
const { NetHandle } = require('internal/net_handle');
const { signals } = require('os').constants;
const { errnoException } = require('internal/net');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_IPC_ONE_PIPE, ERR_UNKNOWN_SIGNAL },
  validateString, validateObject, validateBoolean,
} = require('internal/errors');

const native = binding.child_process;

function signalName(num) {
  for (const [name, n] of Object.entries(signals)) {
    if (n === num && name !== 'SIGIOT' && name !== 'SIGPOLL') return name;
  }
  return null;
}

// A signal as a number: names from os.constants.signals, or a known number.
function convertToValidSignal(signal) {
  if (typeof signal === 'number' && signalName(signal) !== null) return signal;
  if (typeof signal === 'number' && signal === 0) return 0;
  if (typeof signal === 'string') {
    const n = signals[signal.toUpperCase()];
    if (n !== undefined) return n;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function stdioSlot(item, i) {
  if (item === null || item === undefined) return i < 3 ? 'pipe' : 'ignore';
  if (item === 'pipe' || item === 'overlapped' || item === 'ignore' || item === 'inherit') return item;
  if (typeof item === 'number') return item;
  if (typeof item === 'object' && typeof item.fd === 'number') return item.fd;
  if (typeof item === 'object' && item._handle && typeof item._handle.fd === 'number' && item._handle.fd >= 0) {
    return item._handle.fd;
  }
  if (item === 'ipc') return 'ipc';
  throw new ERR_INVALID_ARG_VALUE('stdio', item);
}

/** Node's stdio option (string or array) as a list of slots for the binding. */
function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') {
    if (stdio === 'inherit') return ['inherit', 'inherit', 'inherit'];
    if (stdio === 'pipe' || stdio === 'overlapped' || stdio === 'ignore') return [stdio, stdio, stdio];
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (!Array.isArray(stdio)) throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  const out = [];
  for (let i = 0; i < Math.max(3, stdio.length); i++) out.push(stdioSlot(stdio[i], i));
  if (out.indexOf('ipc') !== out.lastIndexOf('ipc')) throw new ERR_IPC_ONE_PIPE();
  return out;
}

/** spawn()'s (file, args, options) as the binding's options object. */
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  options = { ...options };

  let cwd = options.cwd;
  if (cwd != null) {
    if (cwd instanceof URL) cwd = require('url').fileURLToPath(cwd);
    validateString(cwd, 'options.cwd');
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !Number.isInteger(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && !Number.isInteger(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
  // Arguments are passed as strings (Node converts each one); NUL bytes cannot be passed.
  args = args.map((a) => {
    const text = `${a}`;
    if (text.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE('args[i]', a, 'must be a string without null bytes');
    }
    return text;
  });
  if (file.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'must be a string without null bytes');
  }

  if (options.shell) {
    const command = args.length ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  const argv0 = options.argv0 !== undefined ? options.argv0 : file;
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) envPairs.push(`${key}=${value}`);
  }
  return {
    ...options,
    file,
    args: [argv0, ...args],
    cwd,
    envPairs,
  };
}

function pipeSocket(token, readable) {
  const socket = new net.Socket({ handle: new NetHandle(true, token), readable, writable: !readable });
  if (readable) {
    socket.readable = true;
    socket.writable = false;
  } else {
    socket.readable = false;
    socket.writable = true;
  }
  return socket;
}

function duplexSocket(token) {
  const socket = new net.Socket({ handle: new NetHandle(true, token), readable: true, writable: true });
  socket.readable = true;
  socket.writable = true;
  return socket;
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this.spawnargs = [];
    this.pid = undefined;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [];
    this._watch = null;
    this._refed = true;
  }

  spawn(options) {
    validateObject(options, 'options');
    const stdio = normalizeStdio(options.stdio);
    const serialization = options.serialization;
    if (serialization !== undefined && serialization !== 'json' && serialization !== 'advanced') {
      throw new ERR_INVALID_ARG_VALUE('options.serialization', serialization,
        "must be one of: undefined, 'json', 'advanced'");
    }
    const ipcIndex = stdio.indexOf('ipc');
    let envPairs = options.envPairs;
    if (ipcIndex !== -1) {
      envPairs = [...(envPairs || []), `NODE_CHANNEL_FD=${ipcIndex}`,
        `NODE_CHANNEL_SERIALIZATION_MODE=${serialization || 'json'}`];
    }
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    const result = native.spawn({ ...options, envPairs, stdio },
      (status, signal) => this._onexit(status, signal));
    if (result.errno !== undefined && result.pid === undefined) {
      const err = result.errno;
      // The pipes Node would have made exist, closed, so code that listens on them still runs.
      this.stdio = stdio.map((slot, i) => {
        if (slot !== 'pipe' && slot !== 'overlapped') return null;
        const s = new net.Socket();
        s.readable = i !== 0;
        s.writable = i === 0;
        if (s.readable) this._closesNeeded++;
        s.on('close', () => this._maybeClose());
        process.nextTick(() => s.destroy());
        return s;
      });
      [this.stdin, this.stdout, this.stderr] = this.stdio;
      if (err === -13 || err === -11 || err === -24 || err === -23 || err === -2) {
        process.nextTick(() => this._onexit(err, 0));
        return err;
      }
      throw errnoException(err, 'spawn');
    }
    this.pid = result.pid;
    this._watch = result.watch === undefined ? null : result.watch;
    this.stdio = stdio.map((slot, i) => {
      const token = result.stdio[i];
      if (token === null || token === undefined) return null;
      if (slot === 'ipc') {
        this._closesNeeded++;
        this._onChannelClose = () => this._maybeClose();
        require('internal/child_process/ipc').setupChannel(this, new NetHandle(true, token),
          serialization || 'json');
        return null;
      }
      // Slots past stderr are duplex sockets (a socket pair), as in Node.
      const socket = i > 2 ? duplexSocket(token) : pipeSocket(token, i !== 0);
      if (i !== 0) {
        this._closesNeeded++;
        socket.on('close', () => this._maybeClose());
      }
      return socket;
    });
    [this.stdin, this.stdout, this.stderr] = this.stdio;
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  _onexit(status, signal) {
    this._watch = null;
    if (signal) this.signalCode = signalName(signal);
    else this.exitCode = status;
    if (status < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(status, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Whatever is still buffered on stdout/stderr flows once nobody reads it any more.
    process.nextTick(() => {
      for (const s of this.stdio) {
        if (s && s.readable && s.readableFlowing === null && !s._readableState.readableListening) s.resume();
      }
    });
    this._maybeClose();
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) {
      this.emit('close', this.exitCode, this.signalCode);
    }
  }

  kill(sig) {
    const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this.pid === undefined || this.exitCode !== null || this.signalCode !== null) return false;
    const err = binding.process.kill(this.pid, signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err !== 3) { // ESRCH: already gone
      this.emit('error', errnoException(-err, 'kill'));
    }
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() {
    this._refed = true;
    if (this._watch !== null) native.setRef(this._watch, true);
  }

  unref() {
    this._refed = false;
    if (this._watch !== null) native.setRef(this._watch, false);
  }
}

module.exports = {
  ChildProcess,
  normalizeSpawnArguments,
  normalizeStdio,
  convertToValidSignal,
  signalName,
};
